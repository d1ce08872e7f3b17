/**
 * TCP framing (protocol.md §3.4): bytes accumulate until the root element closes with </BroadsoftDocument>
 * (any prefix). Leading whitespace and whatever trails the end tag on the same chunk is handled: trailing
 * whitespace is skipped, further documents are split off. Works on bytes, so a multi-byte character split
 * across reads is decoded only once the document is whole.
 */

const END_TAG = /<\/(?:[A-Za-z_][\w.-]*:)?BroadsoftDocument\s*>/;
/** Upper bound for one unfinished document; beyond it the connection is not speaking OCI-P. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export class FramingError extends Error {}

export class DocumentFramer {
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds bytes and returns every document completed by them, in order. */
  push(chunk: Buffer): Buffer[] {
    // The bytes kept from earlier reads were searched already. An end tag holds one '<', at its start, so one not
    // found yet begins at their last '<' or later: only that suffix is searched again, not the whole document.
    const lastLt = this.buffer.lastIndexOf(0x3c);
    let from = lastLt >= 0 ? lastLt : this.buffer.length;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const docs: Buffer[] = [];
    for (;;) {
      const before = this.buffer.length;
      this.skipWhitespace();
      from = Math.max(0, from - (before - this.buffer.length));
      if (!this.buffer.length) break;
      // latin1 maps bytes 1:1 to code units, so string offsets are byte offsets.
      const m = END_TAG.exec(this.buffer.subarray(from).toString('latin1'));
      if (!m) break;
      const end = from + m.index + m[0].length;
      from = 0;
      docs.push(this.buffer.subarray(0, end));
      this.buffer = this.buffer.subarray(end);
    }
    if (this.buffer.length > MAX_DOCUMENT_BYTES) {
      throw new FramingError(`No </BroadsoftDocument> within ${MAX_DOCUMENT_BYTES} bytes`);
    }
    return docs;
  }

  /** Bytes of an unfinished document still waiting for its end tag. */
  get pending(): number {
    return this.buffer.length;
  }

  private skipWhitespace(): void {
    let i = 0;
    while (i < this.buffer.length && (this.buffer[i] === 0x20 || this.buffer[i] === 0x0a || this.buffer[i] === 0x0d || this.buffer[i] === 0x09)) i++;
    if (i) this.buffer = this.buffer.subarray(i);
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
