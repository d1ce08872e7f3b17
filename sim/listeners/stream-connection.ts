/**
 * One TCP or TLS connection: framing in, one document at a time through the session, responses out
 * (one line + "\n", ISO-8859-1), with the listener's faults applied to each response.
 */
import type { Socket } from 'node:net';
import { effectiveFaults, GARBAGE, type FaultOptions, type FaultSettings, type ListenerKind } from '../faults';
import { logDocument, type LogFn } from '../log';
import { forcedLogoutDocument, OciSession, type SessionEnv } from '../protocol/session';
import { decodeDocument, DocumentFramer, FramingError } from '../wire/framer';
import { encodeLatin1 } from '../xml/write';
import { STREAM_LIMITS } from '../limits';

export interface StreamDeps {
  kind: ListenerKind;
  env: Omit<SessionEnv, 'faults' | 'requireSameSessionId'>;
  faults: () => FaultOptions | undefined;
  log?: LogFn;
}

let nextConnection = 1;

/** Waits ms, or less if the socket closes first (so a long injected delay never outlives its connection). */
function delay(ms: number, socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.once('close', done);
  });
}

function writeChunk(socket: Socket, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => socket.write(chunk, (err) => (err ? reject(err) : resolve())));
}

/** Writes a response with the faults applied; returns false when the connection was dropped on purpose. */
async function writeWithFaults(socket: Socket, bytes: Buffer, faults: FaultSettings, log?: (line: string) => void): Promise<boolean> {
  if (faults.garbage) bytes = GARBAGE;
  if (faults.dropMidResponse) {
    await writeChunk(socket, bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))));
    socket.destroy();
    return false;
  }
  if (faults.byteByByte) {
    let writes = 0;
    for (let i = 0; i < bytes.length && !socket.destroyed; i++, writes++) await writeChunk(socket, bytes.subarray(i, i + 1));
    // How the bytes are read on the other side is the kernel's business; what the fault promises is the writes.
    log?.(`fault byteByByte: ${bytes.length} bytes written in ${writes} writes`);
    return !socket.destroyed;
  }
  await writeChunk(socket, bytes);
  return true;
}

export function serveStream(socket: Socket, deps: StreamDeps): void {
  const tag = `[${deps.kind}#${nextConnection++}]`;
  const faults = () => effectiveFaults(deps.faults(), deps.kind);
  const session = new OciSession({ ...deps.env, faults, requireSameSessionId: false });
  const framer = new DocumentFramer();
  let queue = Promise.resolve();
  let finished = false;
  socket.setNoDelay(true);
  deps.log?.(`${tag} connected from ${socket.remoteAddress}:${socket.remotePort}`);

  const finish = (how: 'end' | 'destroy') => {
    finished = true;
    if (how === 'end') socket.end();
    else socket.destroy();
  };

  async function process(doc: Buffer): Promise<void> {
    if (finished || socket.destroyed) return;
    const text = decodeDocument(doc);
    logDocument(deps.log, tag, 'request', text);
    const outcome = session.handle(text);
    const f = faults();
    if (f.delayMs) await delay(f.delayMs, socket);
    if (socket.destroyed) return;
    if (outcome.response !== undefined) {
      // One line on the wire (protocol.md §3.2): newlines inside a CDATA detail become spaces.
      const line = outcome.response.replace(/\r?\n/g, ' ');
      logDocument(deps.log, tag, 'response', line);
      if (!(await writeWithFaults(socket, encodeLatin1(line + '\n'), f, (m) => deps.log?.(`${tag} ${m}`)))) return finish('destroy');
    }
    if (outcome.close) return finish('end');
    if (outcome.loggedIn && f.serverLogout) {
      const push = forcedLogoutDocument(session.sessionId, session.account?.userId ?? '');
      logDocument(deps.log, tag, 'push', push);
      await writeChunk(socket, encodeLatin1(push + '\n'));
      return finish('end');
    }
  }

  // Backpressure: a client that sends requests without reading the answers stops being read once enough work
  // waits (documents queued, or answers it has not taken); reading resumes when the queue has drained.
  let queued = 0;
  let paused = false;
  const flowControl = () => {
    const full = queued >= STREAM_LIMITS.maxQueuedDocuments || socket.writableLength > STREAM_LIMITS.maxUnsentBytes;
    if (full && !paused && !finished) {
      paused = true;
      socket.pause();
    } else if (!full && paused && !finished) {
      paused = false;
      socket.resume();
    }
  };
  socket.on('drain', flowControl);

  socket.on('data', (chunk: Buffer) => {
    if (finished) return;
    let docs: Buffer[];
    try {
      docs = framer.push(chunk);
    } catch (e) {
      deps.log?.(`${tag} closing: ${e instanceof FramingError ? e.message : String(e)}`);
      return finish('destroy');
    }
    for (const doc of docs) {
      queued++;
      queue = queue
        .then(() => process(doc))
        .catch((e) => {
          deps.log?.(`${tag} error: ${e instanceof Error ? e.message : String(e)}`);
          finish('destroy');
        })
        .finally(() => {
          queued--;
          flowControl();
        });
    }
    flowControl();
  });
  socket.on('error', (e) => deps.log?.(`${tag} socket error: ${e.message}`));
  socket.on('close', () => {
    finished = true;
    deps.log?.(`${tag} closed`);
  });
}
