/**
 * The language server's JSON-RPC message reader over stdio (after ./frame-guard), in place of vscode-jsonrpc's
 * StreamMessageReader. Same messages out, read at a lower cost for large ones (a didOpen of a 44 MB file):
 *
 * - The library keeps every chunk of a body until its last byte is in, then copies them into one buffer, then
 *   decodes it, then parses it: at 50,000 commands the copy took 175–260 ms after the last byte, and the chunks and
 *   the copy were alive together (2× the message in memory). Here the body buffer is allocated once, when the header
 *   gives its Content-Length, and each chunk is copied into it as it arrives; a chunk is garbage once copied. After
 *   the last byte only the decoding and JSON.parse remain. The copy still costs its time, while the message arrives
 *   (bench/read-path.ts: the transfer gets longer by about what the end saves); the gain is one pass over a fresh
 *   copy of the message less (CPU, peak RSS) and an earlier start for the rest of the server.
 * - A body within one chunk is decoded from that chunk, without a copy (as the library does).
 * - Messages are delivered in order, synchronously from the chunk that completes them (the library goes through an
 *   async semaphore per message: one more event-loop hop before the connection sees it).
 *
 * Decoding is what the library's default does: the body as UTF-8 (`Buffer#toString('utf-8')`, whatever a
 * Content-Type header says: vscode-jsonrpc 8.2 decodes with the reader's charset, UTF-8), then JSON.parse. A latin1
 * fast path for ASCII bodies was measured and not kept (bench/read-path.ts: no faster, both are bound by touching
 * fresh memory). A header without a usable Content-Length, or a body that is not JSON, is reported through onError
 * as the library does, and reading carries on with the next header (./frame-guard lets only well-formed frames through
 * anyway). The library's partial-message timer is not reproduced: vscode-jsonrpc's connection does not listen to it.
 * The work is linear: every byte is looked at once for the header end and copied at most once.
 */
import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';
import { LSP_LIMITS } from '../core/limits';

const CR = 13;
const LF = 10;

export interface FrameReaderOptions {
  /** A header block longer than this is refused (reported, dropped, reading resynchronizes on the next header). */
  maxHeaderBytes?: number;
  /** A body longer than this is refused (reported, its bytes skipped). */
  maxMessageBytes?: number;
  /** Sees each message before the connection does (server/main.ts notes the shutdown request). */
  onMessage?: (message: Message) => void;
}

export class FrameReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  /** Header bytes seen so far (a header split over chunks) and how far the CR LF CR LF match has got (0–4). */
  private header: Buffer[] = [];
  private headerBytes = 0;
  private headerState = 0;
  /** The body being assembled (a Content-Length known, its bytes not all in). */
  private body: Buffer | undefined;
  private bodyFilled = 0;
  /** Bytes of a refused body still to skip. */
  private skipLeft = 0;
  private readonly maxHeader: number;
  private readonly maxMessage: number;
  private readonly onMessage: (message: Message) => void;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    opts: FrameReaderOptions = {},
  ) {
    super();
    this.maxHeader = opts.maxHeaderBytes ?? LSP_LIMITS.headerBytes;
    this.maxMessage = opts.maxMessageBytes ?? LSP_LIMITS.messageBytes;
    this.onMessage = opts.onMessage ?? (() => undefined);
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: unknown) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skipLeft > 0) {
        const n = Math.min(this.skipLeft, chunk.length - at);
        this.skipLeft -= n;
        at += n;
        continue;
      }
      if (this.body) {
        const n = Math.min(this.body.length - this.bodyFilled, chunk.length - at);
        chunk.copy(this.body, this.bodyFilled, at, at + n);
        this.bodyFilled += n;
        at += n;
        if (this.bodyFilled === this.body.length) {
          const body = this.body;
          this.body = undefined;
          this.deliver(body);
        }
        continue;
      }
      const end = this.headerEnd(chunk, at);
      if (end < 0) {
        this.header.push(chunk.subarray(at));
        this.headerBytes += chunk.length - at;
        if (this.headerBytes > this.maxHeader) {
          this.fireError(new Error(`Message header longer than ${this.maxHeader} bytes: dropped`));
          this.resetHeader();
        }
        return;
      }
      const parts = [...this.header, chunk.subarray(at, end)];
      const block = Buffer.concat(parts).toString('ascii');
      this.resetHeader();
      at = end;
      const length = this.contentLength(block);
      if (length === undefined) continue;
      if (length > this.maxMessage) {
        this.fireError(new Error(`Content-Length of ${length} bytes, over the limit of ${this.maxMessage}: body skipped`));
        this.skipLeft = length;
        continue;
      }
      if (chunk.length - at >= length) {
        // The whole body is in this chunk: no copy.
        const body = chunk.subarray(at, at + length);
        at += length;
        this.deliver(body);
      } else {
        this.body = Buffer.allocUnsafe(length);
        this.bodyFilled = 0;
      }
    }
  }

  /** The offset just past CR LF CR LF in `chunk` from `from` (the match may have started in earlier chunks), or -1. */
  private headerEnd(chunk: Buffer, from: number): number {
    let state = this.headerState;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === CR) state = state === 0 || state === 2 ? state + 1 : 1;
      else if (b === LF && (state === 1 || state === 3)) {
        if (++state === 4) {
          this.headerState = 0;
          return i + 1;
        }
      } else state = 0;
    }
    this.headerState = state;
    return -1;
  }

  private resetHeader(): void {
    this.header = [];
    this.headerBytes = 0;
    this.headerState = 0;
  }

  /** Content-Length of a header block (the library's reading: `Name: value` lines, keys ignoring case), or undefined after reporting why not. */
  private contentLength(block: string): number | undefined {
    let value: string | undefined;
    for (const line of block.split('\r\n')) {
      if (!line) continue;
      const colon = line.indexOf(':');
      if (colon < 0) {
        this.fireError(new Error(`Message header must separate key and value using ':'\n${line}`));
        return undefined;
      }
      if (line.slice(0, colon).toLowerCase() === 'content-length') value = line.slice(colon + 1).trim();
    }
    if (!value) {
      this.fireError(new Error('Header must provide a Content-Length property.'));
      return undefined;
    }
    const length = parseInt(value, 10);
    if (isNaN(length) || length < 0) {
      this.fireError(new Error(`Content-Length value must be a number. Got ${value}`));
      return undefined;
    }
    return length;
  }

  private deliver(body: Buffer): void {
    let message: Message;
    try {
      message = JSON.parse(body.toString('utf-8')) as Message;
    } catch (error) {
      this.fireError(error);
      return;
    }
    try {
      this.onMessage(message);
      this.callback?.(message);
    } catch (error) {
      this.fireError(error);
    }
  }
}
