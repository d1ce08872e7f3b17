/**
 * What fast-xml-parser must never see, settled before it runs, in one cheap linear pass over the '<'s:
 * - markup declarations: a DOCTYPE is rejected, or (doctype 'skip') blanked out in place so the library never reads
 *   it and no entity it declares exists; any other `<!…>` declaration (a stray <!ENTITY …>) is always rejected;
 * - unterminated comments, CDATA sections and processing instructions, with their position (the library's
 *   validator runs off the end silently);
 * - tags longer than MAX_TAG characters, and a '<' inside a tag. The library builds tag names and attribute lists
 *   character by character (tens of bytes of heap per character, ~100 for attribute noise such as `<a b b b …`):
 *   the bound keeps hostile input from costing gigabytes. Real start tags, OCI-P or XSD, are well under a kilobyte;
 * - a second root element (the validator misses one after an empty-element root, `<a/><b/>`, and the library
 *   would read on through all of them);
 * - nesting deeper than maxDepth, at the start tag that crosses it (the library's own bound, maxNestedTags, has no
 *   position, and its validator would first list every unclosed element of `<a><a><a>…` in one message).
 */
import { declarationEnd } from '../syntax/xmlText';
import type { Fail } from './text';

export const MAX_TAG = 65_536;

export interface MarkupScan {
  /** The text to hand to the library: the input, or a copy with the DOCTYPE replaced by spaces (line ends kept). */
  text: string;
  /** Offsets of the first and last CDATA sections, for reporting one outside the root element. */
  firstCdata: number;
  lastCdata: number;
}

export function scanMarkup(text: string, doctype: 'reject' | 'skip', maxDepth: number, fail: Fail): MarkupScan {
  let out = text;
  let firstCdata = -1;
  let lastCdata = -1;
  let sawTag = false;
  let depth = 0;
  const until = (lt: number, terminator: string, from: number, what: string) => {
    const end = text.indexOf(terminator, from);
    if (end < 0) fail('malformed', `unterminated ${what}`, lt);
    return end + terminator.length;
  };
  for (let lt = text.indexOf('<'), next = 0; lt >= 0; lt = text.indexOf('<', next)) {
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f /* ? */) next = until(lt, '?>', lt + 2, 'processing instruction');
    else if (c !== 0x21 /* ! */) {
      next = tagEnd(text, lt, fail);
      if (c === 0x2f /* / */) depth--;
      else if (depth === 0 && sawTag) fail('malformed', 'a second root element', lt);
      else if (text.charCodeAt(next - 2) !== 0x2f /* not '/>' */ && ++depth > maxDepth) {
        fail('malformed', `elements nested deeper than ${maxDepth} levels`, lt);
      }
      sawTag = true;
    } else if (text.startsWith('<!--', lt)) next = until(lt, '-->', lt + 4, 'comment');
    else if (text.startsWith('<![CDATA[', lt)) {
      if (firstCdata < 0) firstCdata = lt;
      lastCdata = lt;
      next = until(lt, ']]>', lt + 9, 'CDATA section');
    } else if (doctype === 'skip' && !sawTag && text.startsWith('<!DOCTYPE', lt)) {
      next = declarationEnd(text, lt + 2);
      if (text.charCodeAt(next - 1) !== 0x3e) fail('malformed', 'unterminated DOCTYPE', lt);
      out = out.slice(0, lt) + text.slice(lt, next).replace(/[^\r\n]/g, ' ') + out.slice(next);
    } else fail('doctype', 'a DOCTYPE or entity declaration (never expanded)', lt);
  }
  return { text: out, firstCdata, lastCdata };
}

/** Offset after the '>' of the tag at `lt` (quoted values skipped); fails on a '<' before it or after MAX_TAG characters. */
function tagEnd(text: string, lt: number, fail: Fail): number {
  const limit = Math.min(text.length, lt + MAX_TAG);
  for (let i = lt + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) return i + 1;
    if (c === 0x3c /* < */) fail('malformed', "malformed tag: '<' before its end", i);
    if (c === 0x22 || c === 0x27) {
      while (++i < limit && text.charCodeAt(i) !== c);
    }
  }
  if (limit === text.length) return text.length;
  return fail('malformed', `a tag longer than ${MAX_TAG} characters`, lt);
}
