/**
 * TCP framing: the stream is a sequence of XML documents with no length prefix; a document ends at
 * `</BroadsoftDocument>`. Bytes are collected first and decoded only once a document is complete, because a
 * multi-byte character may be split across reads.
 */
import { OcipError } from '../errors';

// Matched on a latin1 view of the bytes (one char per byte), so string indexes are byte offsets. The framer only
// needs three tokens: a CDATA section's start and end (an end tag inside CDATA is text) and the root's end tag.
const TOKENS = /<!\[CDATA\[|\]\]>|<\/(?:[A-Za-z_][\w.-]*:)?BroadsoftDocument\s*>/g;
/** Longest token the framer must find across two reads (a prefixed end tag); longer ones are not OCI-P. */
const TOKEN_MAX = 80;

/**
 * Linear in the bytes received: each byte is searched once (plus at most TOKEN_MAX bytes kept from the previous
 * read, so a token split across reads is found), and whether an end tag is inside a CDATA section is a state
 * carried along, never a search back through the document.
 */
export class DocumentReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes from `scanFrom` to the end of what was searched: where a token split across reads may begin. */
  private tail: Buffer = Buffer.alloc(0);
  /** Absolute offset before which every token was already seen. */
  private scanFrom = 0;
  private inCdata = false;
  /** Byte offset just after the first end tag in the buffer, or -1. */
  private end = -1;
  /** The first non-space byte of the pending document has been looked at. */
  private startChecked = false;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly maxBytes: number) {}

  get bufferedBytes(): number {
    return this.size;
  }

  /** Appends bytes; throws 'too-large' when the pending document outgrows the bound. */
  push(chunk: Buffer): void {
    const offset = this.size;
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (!this.startChecked) this.checkStart(chunk, offset);
    if (this.end < 0) this.search(chunk);
    if (this.end < 0 && this.size > this.maxBytes) {
      throw new OcipError('too-large', `response exceeds the maximum size of ${this.maxBytes} bytes; connection closed`);
    }
  }

  /**
   * A document starts with '<' (or a UTF-8 byte-order mark) after optional whitespace. Anything else (garbage, an
   * HTTP error page on the wrong port) can never become a document: fail now instead of waiting for the timeout.
   * Looks at the new bytes only, so a flood of whitespace costs one pass.
   */
  private checkStart(chunk: Buffer, offset: number): void {
    let i = 0;
    for (; i < chunk.length && isXmlSpace(chunk[i]); i++) {
      if (chunk[i] === 0x0a) {
        this.line++;
        this.lineStart = offset + i + 1;
      }
    }
    if (i === chunk.length) return;
    this.startChecked = true;
    if (chunk[i] === 0x3c || chunk[i] === 0xef) return;
    const sample = chunk
      .subarray(i, i + 60)
      .toString('latin1')
      .replace(/[^\x20-\x7e]/g, '.');
    throw new OcipError(
      'bad-response',
      `the response is not an OCI-P XML document: text outside the root element at line ${this.line}, column ${offset + i - this.lineStart + 1} ("${sample}")`,
    );
  }

  /** Looks for the root's end tag in the new bytes (plus the tail of the old ones), outside CDATA sections. */
  private search(chunk: Buffer): void {
    const windowStart = this.size - chunk.length - this.tail.length;
    const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const text = window.toString('latin1');
    let seen = this.scanFrom;
    TOKENS.lastIndex = 0;
    for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
      const at = windowStart + m.index;
      seen = at + m[0].length;
      const token = m[0];
      if (this.inCdata) {
        if (token === ']]>') this.inCdata = false;
      } else if (token === '<![CDATA[') {
        this.inCdata = true;
      } else if (token !== ']]>') {
        this.end = seen;
        return;
      }
    }
    this.scanFrom = Math.max(seen, this.size - TOKEN_MAX);
    this.tail = window.subarray(this.scanFrom - windowStart);
  }

  /** Takes the next complete document (decoded) off the buffer, or undefined if none is complete yet. */
  next(): string | undefined {
    if (this.end < 0) return undefined;
    const all = this.flatten();
    const doc = all.subarray(0, this.end);
    let rest = this.end;
    while (rest < all.length && isXmlSpace(all[rest])) rest++; // drop the "\n" after the document
    const left = Buffer.from(all.subarray(rest));
    this.chunks = [];
    this.size = 0;
    this.tail = Buffer.alloc(0);
    this.scanFrom = 0;
    this.inCdata = false;
    this.end = -1;
    this.startChecked = false;
    this.line = 1;
    this.lineStart = 0;
    if (left.length) this.push(left); // leftover bytes: maybe the start (or all) of the next document
    return decodeDocument(trimLeadingSpace(doc));
  }

  /** A short, printable sample of what is buffered, for error messages (callers mask it). */
  sample(max = 120): string {
    const text = this.flatten().subarray(0, max).toString('latin1');
    return text.replace(/[^\x20-\x7e]/g, '.');
  }

  private flatten(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }
}

function isXmlSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function trimLeadingSpace(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length && isXmlSpace(b[i])) i++;
  return b.subarray(i);
}

/** Which Node encoding the document's bytes are in: its XML declaration, else ISO-8859-1 (what the AS sends). */
export function declaredEncoding(head: string): 'latin1' | 'utf8' {
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  const name = (m?.[1] ?? 'ISO-8859-1').toLowerCase().replace(/[_\s]/g, '-');
  if (name === 'utf-8' || name === 'utf8') return 'utf8';
  if (['iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'iso8859-1', 'l1'].includes(name)) return 'latin1';
  throw new OcipError('bad-response', `response declares an unsupported encoding "${m?.[1]}"`);
}

export function decodeDocument(bytes: Buffer): string {
  // No module-level Buffer: this module is also in the web bundle (which never sends), where Buffer does not exist.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  const enc = declaredEncoding(bytes.subarray(0, 200).toString('latin1'));
  return enc === 'utf8' ? decodeUtf8(bytes) : bytes.toString('latin1');
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new OcipError('bad-response', 'response declares UTF-8 but is not valid UTF-8');
  }
}

/**
 * The bytes to write for a document, in the encoding its declaration names. For ISO-8859-1, characters above
 * U+00FF become numeric character references (what lxml does), so nothing is lost.
 */
export function encodeDocument(doc: string): Buffer {
  if (declaredEncoding(doc.slice(0, 200)) === 'utf8') return Buffer.from(doc, 'utf8');
  return Buffer.from(toLatin1Safe(doc), 'latin1');
}

export function toLatin1Safe(text: string): string {
  return text.replace(/[^\x00-\xff]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}
