/** Building response XML as strings: escaping, Latin-1 output, and re-serialising a parsed element. */
import type { XElement } from './parse';

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** `<name>value</name>` with the value escaped; nothing when the value is undefined. */
export function el(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<${name}>${escapeText(String(value))}</${name}>`;
}

/** Characters above U+00FF become numeric references, so the text can be written as ISO-8859-1 bytes. */
export function toLatin1Safe(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp > 0xff ? `&#${cp};` : ch;
  }
  return out;
}

export function encodeLatin1(s: string): Buffer {
  return Buffer.from(toLatin1Safe(s), 'latin1');
}

/** Serialises a parsed element back to XML (attributes as written), for validation error details. */
export function serializeElement(e: XElement): string {
  const attrs = e.attributes.map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
  const inner = escapeText(e.text.trim() && e.children.length === 0 ? e.text : '') + e.children.map(serializeElement).join('');
  return inner ? `<${e.name}${attrs}>${inner}</${e.name}>` : `<${e.name}${attrs}/>`;
}
