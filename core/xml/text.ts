/**
 * Character data and attribute values as an XML processor reads them, strictly: the decoder of the editor's front
 * end (core/syntax/xmlText.ts: the five predefined entities and character references, line ends normalised, tabs and
 * line ends in attribute values turned into spaces), with its first problem turned into an error.
 */
import { decodeCharData } from '../syntax/xmlText';
import type { XmlErrorKind } from './errors';

/** Reports an error at an offset of the text; never returns. */
export type Fail = (kind: XmlErrorKind, reason: string, offset: number) => never;

export function decodeXmlText(text: string, start: number, end: number, attribute: boolean, fail: Fail): string {
  return decodeCharData(text, start, end, 0, attribute, {
    push: (problem) =>
      fail(problem.code === 'OCI-XML-ENTITY' ? 'entity' : 'malformed', problem.message.replace(/\.$/, ''), problem.span.start),
  });
}
