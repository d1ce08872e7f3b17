/**
 * The one positioned tree that both front ends (YAML and XML) produce and that
 * checks, completion, hover, fixes and the encoder consume.
 * All spans are UTF-16 code-unit offsets into the document text, end exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

export type FileFormat = 'yaml' | 'xml';

export interface ScalarValue {
  /** The value as the server would see it (YAML quoting and XML entities resolved, not whitespace-collapsed). */
  text: string;
  span: Span;
}

export interface ElementNode {
  /** The key (YAML) or local element name (XML), exactly as written. */
  name: string;
  nameSpan: Span;
  /** The whole element: key through value (YAML), start tag through end tag (XML). */
  span: Span;
  /** Leaf text. Absent when the element is nil, has children, or is empty in XML (`<a/>` has value ''). */
  value?: ScalarValue;
  /** Child elements (YAML mapping / XML child elements), in document order. */
  children?: ElementNode[];
  /** xsi:type given on the element (XML attribute, YAML key `xsi:type`). */
  xsiType?: ScalarValue;
  /** xsi:nil="true" (XML) or null / ~ (YAML). The span is the attribute or the null value. */
  nil?: Span;
  /** XML: xsi:nil="false" (allowed, like xsi:nil="true", only on nillable elements). The attribute's span. */
  nilFalse?: Span;
  /** YAML: the element is one item of a list value; the index within the list. */
  listIndex?: number;
  /** Other attributes (XML only; YAML has none), for namespace and envelope checks. */
  attributes?: AttributeNode[];
  /** XML: namespace URI the element is in ('' = no namespace). YAML: always ''. */
  namespace?: string;
}

export interface AttributeNode {
  name: string;
  /** XML: the attribute's namespace URI ('' = none; namespace declarations: the xmlns namespace). */
  namespace?: string;
  nameSpan: Span;
  value: ScalarValue;
}

export interface CommandNode {
  /** Position of the command in the file (0-based). */
  index: number;
  /** Command type name (`command:` value in YAML, xsi:type in XML); null when missing. */
  name: string | null;
  nameSpan?: Span;
  /** Where to report problems with the command as a whole (the `command` key, or the start tag name). */
  headSpan: Span;
  /** The whole command (YAML document, XML <command> element). */
  span: Span;
  /** Top-level elements of the command, in document order. */
  children: ElementNode[];
  /** Attributes of the command element (XML: echo, requestLocale, ...). */
  attributes?: AttributeNode[];
  /** XML: xsi:nil="true" on the command element (never valid: `command` is not nillable). */
  nil?: Span;
  /** XML: xsi:nil="false" on the command element (never valid either). */
  nilFalse?: Span;
  /** XML: namespace URI of the command element itself ('' = no namespace, as required). */
  namespace?: string;
  /** XML: whitespace written between the start and end tag of a command without child elements (refused for commands of empty content). */
  spaceOnly?: Span;
}

/** XML only: the BroadsoftDocument around the commands, when present. */
export interface EnvelopeNode {
  span: Span;
  nameSpan: Span;
  namespace: string;
  attributes: AttributeNode[];
  /** xsi:nil="true" on BroadsoftDocument (never valid). */
  nil?: Span;
  /** Non-command children (sessionId, trackingId, userId, ...), in order. */
  children: ElementNode[];
}

export interface SyntaxProblem {
  message: string;
  span: Span;
  code: string;
}

export interface SourceFile {
  format: FileFormat;
  commands: CommandNode[];
  envelope?: EnvelopeNode;
  problems: SyntaxProblem[];
}
