/**
 * TCP framing: the stream is a sequence of XML documents with no length prefix; a document ends at
 * `</BroadsoftDocument>`. Bytes are collected first and decoded only once a document is complete, because a
 * multi-byte character may be split across reads.
 */
import { OcipError } from '../errors';

// Matched on a latin1 view of the bytes (one char per byte), so string indexes are byte offsets.
const END_TAG = /<\/(?:[A-Za-z_][\w.-]*:)?BroadsoftDocument\s*>/g;
const END_TAG_MAX = 80;

export class DocumentReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** The last bytes already searched, so an end tag split across reads is still found. */
  private tail = Buffer.alloc(0);
  /** Byte offset just after the first end tag in the buffer, or -1. */
  private end = -1;
  /** The first non-space byte of the pending document has been looked at. */
  private startChecked = false;

  constructor(private readonly maxBytes: number) {}

  get bufferedBytes(): number {
    return this.size;
  }

  /** Appends bytes; throws 'too-large' when the pending document outgrows the bound. */
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (!this.startChecked) this.checkStart();
    if (this.end < 0) this.search(chunk);
    if (this.end < 0 && this.size > this.maxBytes) {
      throw new OcipError('too-large', `response exceeds the maximum size of ${this.maxBytes} bytes; connection closed`);
    }
  }

  /**
   * A document starts with '<' (or a UTF-8 byte-order mark) after optional whitespace. Anything else (garbage, an
   * HTTP error page on the wrong port) can never become a document: fail now instead of waiting for the timeout.
   */
  private checkStart(): void {
    const all = this.flatten();
    let i = 0;
    let line = 1;
    let lineStart = 0;
    for (; i < all.length && isXmlSpace(all[i]); i++) if (all[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    if (i === all.length) return;
    this.startChecked = true;
    if (all[i] === 0x3c || all[i] === 0xef) return;
    const sample = all.subarray(i, i + 60).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
    throw new OcipError('bad-response', `the response is not an OCI-P XML document: text outside the root element at line ${line}, column ${i - lineStart + 1} ("${sample}")`);
  }

  /** Looks for the end tag in the new bytes (plus the tail of the old ones), skipping any inside a CDATA section. */
  private search(chunk: Buffer): void {
    const windowStart = this.size - chunk.length - this.tail.length;
    const window = Buffer.concat([this.tail, chunk]);
    const text = window.toString('latin1');
    END_TAG.lastIndex = 0;
    for (let m = END_TAG.exec(text); m; m = END_TAG.exec(text)) {
      const at = windowStart + m.index;
      if (!this.insideCdata(at)) {
        this.end = at + m[0].length;
        break;
      }
    }
    this.tail = window.subarray(Math.max(0, window.length - END_TAG_MAX));
  }

  /** Rare check (only when an end tag is seen): is this offset inside an unclosed <![CDATA[ … ]]>? */
  private insideCdata(offset: number): boolean {
    const before = this.flatten().subarray(0, offset).toString('latin1');
    return before.lastIndexOf('<![CDATA[') > before.lastIndexOf(']]>');
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
    this.end = -1;
    this.startChecked = false;
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

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function decodeDocument(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return decodeUtf8(bytes.subarray(3));
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
