/**
 * What the textual scanners (cursor-yaml, cursor-xml) find around a cursor, before the model is consulted.
 * They read only the text, so they work the same on valid and on half-typed, broken documents.
 */
import type { Span } from '../tree/types';

export type RawRole =
  /** On (or typing) an element name / YAML key. */
  | 'key'
  /** On an element's value (YAML after `key:`, XML text content). */
  | 'value'
  /** On the value of xsi:type (YAML key `xsi:type:`, XML attribute) of an element other than the command. */
  | 'xsiType'
  /** On the command name (YAML `command:` value, XML xsi:type of <command>). */
  | 'commandName'
  /** XML: inside a start tag, where an attribute name goes. */
  | 'attribute'
  /** Outside any command: an empty YAML document, an empty XML file or the BroadsoftDocument level. */
  | 'document'
  | 'none';

export interface RawCursor {
  role: RawRole;
  /** Element names from the command down: to the container for key/attribute, to the element itself for value/xsiType. */
  path: string[];
  /** xsi:type written on each element of `path` (undefined where none). */
  xsiTypes: (string | undefined)[];
  /** Command name as written, when found. */
  command?: string;
  /** Names of the elements already in the container, the one under the cursor excluded (repeats counted). */
  siblings: string[];
  /** XML: sibling names before and after the cursor, in document order. YAML: empty. */
  before: string[];
  after: string[];
  /** What is typed of the token before the cursor (quotes stripped). */
  prefix: string;
  /** The whole token under the cursor (may be empty, at the cursor). */
  word: Span;
  /** XML, cursor in an element without children: its text content span (used when the element turns out simple). */
  valueWord?: Span;
  /** YAML: the list item's `- ` is on the cursor line, or the cursor follows a dash. */
  listItem: boolean;
  /** XML: the cursor is right after `<name-prefix` (the `<` is part of the replaced range). */
  tagOpen: boolean;
  /** YAML value right after the colon with no space yet: insert a space first. */
  needsSpace: boolean;
  /** Column where sibling keys/elements start (YAML key column, XML indentation), for inserted text. */
  column: number;
}

export function emptyRaw(offset: number): RawCursor {
  return {
    role: 'none',
    path: [],
    xsiTypes: [],
    siblings: [],
    before: [],
    after: [],
    prefix: '',
    word: { start: offset, end: offset },
    listItem: false,
    tagOpen: false,
    needsSpace: false,
    column: 0,
  };
}

export function stripTypePrefix(t: string | undefined): string | undefined {
  return t?.trim().replace(/^[^:]*:/, '') || undefined;
}
