/**
 * Reading a file from disk with a size bound: only regular files are read (a device such as /dev/zero, a FIFO or
 * a socket is refused before anything is read), and a file larger than the bound is refused, without ever holding
 * more than the bound plus one byte in memory (a file that grows while it is read is caught too).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

export class FileLimitError extends Error {
  constructor(
    message: string,
    readonly code: 'ENOTREG' | 'ETOOBIG',
  ) {
    super(message);
  }
}

const human = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB` : `${bytes} bytes`);

/** The bytes of `path`; throws the file system's error (ENOENT, EACCES, ...) or a FileLimitError with a clear message. */
export function readBoundedFile(path: string, maxBytes: number): Buffer {
  // stat first: opening a FIFO without O_NONBLOCK would wait for a writer.
  const before = statSync(path);
  if (!before.isFile()) throw notRegular(path, before);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(path, st);
    if (st.size > maxBytes) throw tooBig(path, maxBytes, st.size);
    // Read at most maxBytes + 1: the size may have changed since fstat.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    while (length < buf.length) {
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw tooBig(path, maxBytes);
    return buf.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The first `maxBytes` of a regular file (for sniffing its format); non-regular files are refused. */
export function readFileHead(path: string, maxBytes: number): Buffer {
  const st = statSync(path);
  if (!st.isFile()) throw notRegular(path, st);
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const buf = Buffer.alloc(maxBytes);
    const n = readSync(fd, buf, 0, maxBytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function notRegular(
  path: string,
  st: { isDirectory(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean },
): FileLimitError {
  const what = st.isDirectory()
    ? 'a directory'
    : st.isCharacterDevice() || st.isBlockDevice()
      ? 'a device'
      : st.isFIFO()
        ? 'a pipe (FIFO)'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
  return new FileLimitError(`${path} is ${what}, not a regular file: refused`, 'ENOTREG');
}

function tooBig(path: string, maxBytes: number, size?: number): FileLimitError {
  return new FileLimitError(
    `${path} is larger than the limit of ${human(maxBytes)}${size !== undefined ? ` (${human(size)})` : ''}: refused`,
    'ETOOBIG',
  );
}
