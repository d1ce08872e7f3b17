/**
 * Bytes of a command file -> text, the way an XML processor and a careful editor would: a byte-order mark
 * wins, then an XML declaration's encoding (OCI-P files are often ISO-8859-1), else UTF-8. Malformed UTF-8
 * is not silently replaced: the first bad byte is reported with its position, and the rest is still decoded
 * (with U+FFFD) so that the file can be checked.
 */
export interface Decoded {
  text: string;
  encoding: string;
  /** Offset in `text` of the first undecodable byte, with a message; absent when the bytes were clean. */
  problem?: { offset: number; message: string };
}

const LATIN1 = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp819', 'iso_8859-1']);

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m?.[1].toLowerCase();
}

export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  const declared = declaredEncoding(bytes);
  if (declared && LATIN1.has(declared)) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'ISO-8859-1' };
  if (declared === 'windows-1252' || declared === 'cp1252')
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const text = new TextDecoder('utf-8').decode(bytes);
    const offset = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).length;
    const shown = Array.from(bytes.subarray(bad, bad + 3), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
    return {
      text,
      encoding: 'UTF-8',
      problem: {
        offset,
        message: `Malformed UTF-8 at byte ${bad} (${shown}): save the file as UTF-8, or declare its encoding (<?xml version="1.0" encoding="ISO-8859-1"?>).`,
      },
    };
  }
}

/** Index of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    if (n === 3 && ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f))) return i;
    if (n === 4 && ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f))) return i;
    i += n;
  }
  return b.length;
}
