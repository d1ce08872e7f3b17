/**
 * Positions for errors the library cannot place. fast-xml-parser gives the offsets of elements (captureMetaData),
 * but not of text runs or attribute values. These functions run only once an error is known, over the source of
 * the one element concerned, and re-apply the same check there so the error gets its exact offset.
 */
import { decodeXmlText, type Fail } from './text';

/** Offset just after the '>' of the start tag at `lt` (quoted attribute values skipped). */
export function startTagEnd(text: string, lt: number): number {
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return text.length;
      i = close;
    } else if (c === 0x3e) return i + 1;
  }
  return text.length;
}

/** Decodes every attribute value of the start tag at `lt`, so the first bad reference fails at its offset. */
export function recheckAttributes(text: string, lt: number, fail: Fail): void {
  const tag = text.slice(lt, startTagEnd(text, lt));
  const value = /=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = value.exec(tag); m; m = value.exec(tag)) {
    const start = lt + m.index + m[0].length - (m[1] ?? m[2]).length - 1;
    decodeXmlText(text, start, start + (m[1] ?? m[2]).length, true, fail);
  }
}

/**
 * Decodes the character data directly inside the element spanning [start, end) (children, given by their spans,
 * skipped; comments, CDATA sections and processing instructions skipped), so the first bad reference fails at its offset.
 */
export function recheckContent(text: string, start: number, end: number, children: { start: number; end: number }[], fail: Fail): void {
  const contentStart = startTagEnd(text, start);
  if (text.charCodeAt(contentStart - 2) === 0x2f /* '/>' */) return;
  const contentEnd = text.lastIndexOf('</', end);
  let from = contentStart;
  for (const child of [...children, { start: contentEnd, end: contentEnd }]) {
    recheckCharData(text, from, child.start, fail);
    from = child.end;
  }
}

function recheckCharData(text: string, from: number, to: number, fail: Fail): void {
  let at = from;
  while (at < to) {
    const lt = text.indexOf('<', at);
    const runEnd = lt < 0 || lt > to ? to : lt;
    decodeXmlText(text, at, runEnd, false, fail);
    if (runEnd === to) return;
    const terminator = text.startsWith('<!--', lt) ? '-->' : text.startsWith('<![CDATA[', lt) ? ']]>' : '?>';
    const close = text.indexOf(terminator, lt + 2);
    at = close < 0 ? to : close + terminator.length;
  }
}

/** Offset of the first tag or attribute called `name` (for the library's refusal of names like "constructor"). */
export function nameOffset(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`<(${escaped})[\\s/>]|\\s(${escaped})\\s*=`).exec(text);
  return m ? m.index + 1 : 0;
}
