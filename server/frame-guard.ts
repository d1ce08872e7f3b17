/**
 * A guard in front of vscode-jsonrpc's stream reader. That reader (vscode-jsonrpc 8.2.0,
 * ReadableStreamMessageReader) reports a header without Content-Length, or with a non-numeric one, as an error
 * and returns, having consumed the header but not what follows; every later header is then read with the
 * previous message's body in front of it and refused the same way, so one bad header leaves the server deaf to
 * every later message. A too-small Content-Length or binary noise has the same effect, and a huge Content-Length
 * makes it buffer without bound.
 *
 * This transform passes only well-formed frames through (header lines `Name: value`, one decimal Content-Length
 * within LSP_LIMITS.messageBytes, a header block within LSP_LIMITS.headerBytes) and, on anything else, drops
 * bytes up to the next `Content-Length:` and carries on from there: the stream resynchronizes on the next valid
 * header. Each dropped stretch is reported once, when the next good frame arrives (to `onDrop`, the server's log). The work is linear: each byte
 * is searched a bounded number of times (the header bound).
 */
import { Transform, type TransformCallback } from 'node:stream';
import { LSP_LIMITS } from '../core/limits';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = 'content-length:';
const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:[ \t]*[\x20-\x7e]*$/;

export interface FrameGuardOptions {
  maxHeaderBytes?: number;
  maxMessageBytes?: number;
  onDrop?: (bytes: number, why: string) => void;
}

export class FrameGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass through for the current frame (-1: reading a header). */
  private bodyLeft = -1;
  private readonly maxHeader: number;
  private readonly maxMessage: number;
  private readonly onDrop: (bytes: number, why: string) => void;
  /** Bytes dropped since the last good frame, and why the first of them were. */
  private dropped = 0;
  private dropWhy = '';

  constructor(opts: FrameGuardOptions = {}) {
    super();
    this.maxHeader = opts.maxHeaderBytes ?? LSP_LIMITS.headerBytes;
    this.maxMessage = opts.maxMessageBytes ?? LSP_LIMITS.messageBytes;
    this.onDrop = opts.onDrop ?? (() => undefined);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    while (data.length) {
      if (this.bodyLeft >= 0) {
        const n = Math.min(this.bodyLeft, data.length);
        this.push(data.subarray(0, n));
        this.bodyLeft -= n;
        data = data.subarray(n);
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      const end = data.subarray(0, this.maxHeader + HEADER_END.length).indexOf(HEADER_END);
      if (end < 0) {
        if (data.length < this.maxHeader + HEADER_END.length && this.couldBeHeader(data)) {
          this.pending = Buffer.from(data); // wait for the rest of the header
          break;
        }
        data = this.skip(
          data,
          data.length >= this.maxHeader ? `a header block longer than ${this.maxHeader} bytes` : 'bytes that are not a message header',
        );
        continue;
      }
      const length = this.contentLength(data.subarray(0, end).toString('latin1'));
      if (typeof length === 'string') {
        data = this.skip(data, length);
        continue;
      }
      if (this.dropped) {
        this.onDrop(this.dropped, this.dropWhy);
        this.dropped = 0;
      }
      this.push(data.subarray(0, end + HEADER_END.length));
      data = data.subarray(end + HEADER_END.length);
      this.bodyLeft = length;
      if (length === 0) this.bodyLeft = -1;
    }
    done();
  }

  /** The Content-Length of a header block, or why the block is refused. */
  private contentLength(block: string): number | string {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
      if (!HEADER_LINE.test(line)) return 'a malformed header line';
      const colon = line.indexOf(':');
      if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
      const value = line.slice(colon + 1).trim();
      if (!/^\d{1,15}$/.test(value)) return `a non-numeric Content-Length (${JSON.stringify(value.slice(0, 40))})`;
      if (length !== undefined) return 'two Content-Length headers';
      length = Number(value);
    }
    if (length === undefined) return 'a header without Content-Length';
    if (length > this.maxMessage) return `a Content-Length of ${length} bytes, over the limit of ${this.maxMessage}`;
    return length;
  }

  /** Whether the bytes so far could still become a valid header (printable ASCII and CR LF only). */
  private couldBeHeader(data: Buffer): boolean {
    for (const b of data) if (b !== 13 && b !== 10 && (b < 0x20 || b > 0x7e)) return false;
    return true;
  }

  /** Drops bytes up to the next "Content-Length:" after the first byte (or all but a possible prefix of it). */
  private skip(data: Buffer, why: string): Buffer {
    const at = indexOfIgnoreCase(data, CONTENT_LENGTH, 1);
    const keep = at >= 0 ? at : Math.max(1, data.length - (CONTENT_LENGTH.length - 1));
    if (!this.dropped) this.dropWhy = why;
    this.dropped += keep;
    return data.subarray(keep);
  }
}

/** indexOf of an ASCII needle (lower case) in bytes, ignoring ASCII case. */
function indexOfIgnoreCase(data: Buffer, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = from; i + needle.length <= data.length; i++) {
    if ((data[i] | 0x20) !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      const b = data[i + j];
      const c = needle.charCodeAt(j);
      if (b !== c && (b | 0x20) !== c) continue outer;
    }
    return i;
  }
  return -1;
}
