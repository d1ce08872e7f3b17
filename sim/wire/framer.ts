/**
 * TCP framing (protocol.md §3.4): a document ends where its root element ends. Any prefix is accepted on
 * </BroadsoftDocument>; whitespace between documents is skipped. Works on bytes, so a multi-byte character split
 * across reads is decoded only once the document is whole.
 *
 * Resynchronisation: what cannot be an OCI-P document still ends somewhere, so it gets one answer and the next
 * request is read cleanly. A document whose root is another element ends at that element's end tag (or at its
 * empty-element tag); bytes that do not start with '<' (a line of text, garbage) end at the end of their line.
 *
 * Linear in the bytes received: each byte is looked at once (plus a short tail kept to find a token split across
 * reads), the bytes are kept in one growing buffer (no copy of the whole pending document per read), and whether an
 * end tag is inside a CDATA section is state carried along. Bounded: an unfinished document longer than
 * STREAM_LIMITS.maxDocumentBytes closes the connection (checked on every read, before anything else is buffered).
 */
import { STREAM_LIMITS } from '../limits';

/** Upper bound for one unfinished document; beyond it the connection is not speaking OCI-P. */
export const MAX_DOCUMENT_BYTES = STREAM_LIMITS.maxDocumentBytes;
/** Longest root name the framer reads; a longer one is not OCI-P and is framed as a line. */
const MAX_NAME = 256;
/** Longest token searched across two reads (a prefixed end tag with some spaces). */
const TOKEN_MAX = MAX_NAME + 40;

export class FramingError extends Error {}

type Mode =
  | { kind: 'prolog' }
  | { kind: 'markup'; quote: number; brackets: number; close: 'decl' | 'comment' | 'doctype' }
  | { kind: 'start-tag'; quote: number; endTag: RegExp }
  | { kind: 'content'; endTag: RegExp; inCdata: boolean }
  | { kind: 'line' };

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const isNameByte = (b: number) => !(isSpace(b) || b === 0x2f || b === 0x3e || b === 0x3c || b === 0x3d || b === 0x22 || b === 0x27);

function endTagFor(rootName: string): RegExp {
  const local = rootName.slice(rootName.indexOf(':') + 1);
  // The OCI root may be closed with any prefix (as before); another root must be closed with its own name.
  const name = local === 'BroadsoftDocument' ? '(?:[A-Za-z_][\\w.-]*:)?BroadsoftDocument' : rootName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<!\\[CDATA\\[|\\]\\]>|<\\/${name}\\s*>`, 'g');
}

export class DocumentFramer {
  private buf = Buffer.alloc(0);
  /** The pending bytes are buf[start, end). */
  private start = 0;
  private end = 0;
  /** Offset (from start) up to which the pending document has been scanned. */
  private pos = 0;
  private mode: Mode = { kind: 'prolog' };

  /** Adds bytes and returns every document completed by them, in order. */
  push(chunk: Buffer): Buffer[] {
    this.append(chunk);
    const docs: Buffer[] = [];
    for (let doc = this.next(); doc; doc = this.next()) docs.push(doc);
    if (this.end - this.start > MAX_DOCUMENT_BYTES) {
      throw new FramingError(`No end of document within ${MAX_DOCUMENT_BYTES} bytes`);
    }
    return docs;
  }

  /** Bytes of an unfinished document still waiting for its end. */
  get pending(): number {
    return this.end - this.start;
  }

  private append(chunk: Buffer): void {
    if (this.end + chunk.length > this.buf.length) {
      const live = this.end - this.start;
      const size = Math.max(live + chunk.length, Math.min(this.buf.length * 2, MAX_DOCUMENT_BYTES + chunk.length), 64 * 1024);
      const next = size > this.buf.length ? Buffer.allocUnsafe(size) : this.buf;
      this.buf.copy(next, 0, this.start, this.end);
      this.buf = next;
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  /** The next complete document (a copy), or undefined. */
  private next(): Buffer | undefined {
    const length = this.scan();
    if (length < 0) return undefined;
    const doc = Buffer.from(this.buf.subarray(this.start, this.start + length));
    this.start += length;
    this.pos = 0;
    this.mode = { kind: 'prolog' };
    return doc;
  }

  private byte(i: number): number {
    return this.buf[this.start + i];
  }

  /** Advances the scan; returns the pending document's length once it is complete, else -1. */
  private scan(): number {
    for (;;) {
      let len = this.end - this.start;
      const mode = this.mode;
      switch (mode.kind) {
        case 'prolog': {
          if (this.pos === 0) {
            while (this.start < this.end && isSpace(this.buf[this.start])) this.start++; // whitespace between documents
            if (this.start === this.end) return -1;
            len = this.end - this.start;
          }
          let p = this.pos;
          while (p < len && isSpace(this.byte(p))) p++;
          this.pos = p;
          if (p >= len) return -1;
          if (p === 0 && this.byte(0) === 0xef) {
            if (len < 3) return -1;
            if (this.byte(1) === 0xbb && this.byte(2) === 0xbf) {
              this.pos = 3;
              continue;
            }
          }
          if (this.byte(p) !== 0x3c) {
            this.mode = { kind: 'line' };
            continue;
          }
          if (p + 1 >= len) return -1;
          const second = this.byte(p + 1);
          if (second === 0x3f || second === 0x21) {
            // <?xml …?>, <!-- … -->, <!DOCTYPE … [ … ]>: skipped to their end, then the root is looked for.
            if (second === 0x21 && len - p < 4) return -1;
            const comment = second === 0x21 && this.byte(p + 2) === 0x2d && this.byte(p + 3) === 0x2d;
            this.mode = { kind: 'markup', quote: 0, brackets: 0, close: second === 0x3f ? 'decl' : comment ? 'comment' : 'doctype' };
            this.pos = p + 2;
            continue;
          }
          let q = p + 1;
          while (q < len && q - p <= MAX_NAME && isNameByte(this.byte(q))) q++;
          if (q - p > MAX_NAME || q === p + 1) {
            this.mode = { kind: 'line' };
            continue;
          }
          if (q >= len) return -1;
          const name = this.buf.toString('latin1', this.start + p + 1, this.start + q);
          this.mode = { kind: 'start-tag', quote: 0, endTag: endTagFor(name) };
          this.pos = q;
          continue;
        }
        case 'markup': {
          let p = this.pos;
          for (; p < len; p++) {
            const b = this.byte(p);
            if (mode.close === 'comment') {
              if (b === 0x3e && p >= 2 && this.byte(p - 1) === 0x2d && this.byte(p - 2) === 0x2d) break;
            } else if (mode.quote) {
              if (b === mode.quote) mode.quote = 0;
            } else if (b === 0x22 || b === 0x27) mode.quote = b;
            else if (b === 0x5b) mode.brackets++;
            else if (b === 0x5d) mode.brackets = Math.max(0, mode.brackets - 1);
            else if (b === 0x3e && mode.brackets === 0 && (mode.close !== 'decl' || this.byte(p - 1) === 0x3f)) break;
          }
          this.pos = p;
          if (p >= len) return -1;
          this.pos = p + 1;
          this.mode = { kind: 'prolog' };
          continue;
        }
        case 'start-tag': {
          let p = this.pos;
          for (; p < len; p++) {
            const b = this.byte(p);
            if (mode.quote) {
              if (b === mode.quote) mode.quote = 0;
            } else if (b === 0x22 || b === 0x27) mode.quote = b;
            else if (b === 0x3e) break;
          }
          this.pos = p;
          if (p >= len) return -1;
          if (this.byte(p - 1) === 0x2f) return p + 1; // an empty root element: the whole document
          this.pos = p + 1;
          this.mode = { kind: 'content', endTag: mode.endTag, inCdata: false };
          continue;
        }
        case 'content': {
          const from = this.pos;
          const text = this.buf.toString('latin1', this.start + from, this.end);
          const re = mode.endTag;
          let seen = from;
          re.lastIndex = 0;
          for (let m = re.exec(text); m; m = re.exec(text)) {
            seen = from + m.index + m[0].length;
            const token = m[0];
            if (mode.inCdata) {
              if (token === ']]>') mode.inCdata = false;
            } else if (token === '<![CDATA[') mode.inCdata = true;
            else if (token !== ']]>') return seen;
          }
          this.pos = Math.max(seen, len - TOKEN_MAX, from);
          return -1;
        }
        case 'line': {
          const nl = this.buf.indexOf(0x0a, this.start + this.pos);
          if (nl < 0 || nl >= this.end) {
            this.pos = len;
            return -1;
          }
          return nl - this.start + 1;
        }
      }
    }
  }
}

/** Decodes a complete document according to its XML declaration (ISO-8859-1, or UTF-8 by default); drops a BOM. */
export function decodeDocument(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const head = bytes.subarray(0, 200).toString('latin1');
  const enc = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  if (enc && /^(iso-8859-1|iso8859-1|latin1|latin-1|us-ascii|ascii)$/.test(enc)) return bytes.toString('latin1');
  return bytes.toString('utf8');
}
