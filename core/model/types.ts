/**
 * The runtime field model of an OCI-P schema: what the XSD compiler produces and
 * what every check, completion, hover and encoder reads. Plain JSON-serialisable data,
 * so the built-in R25 model can be committed as data and a user's schema cached on disk.
 *
 * Naming: types of the no-namespace command schemas keep their XSD name
 * ("UserConsolidatedAddRequest22", "UserId"); types of the core namespace "C"
 * are prefixed "C:" ("C:OCIRequest"); XSD built-ins are "xs:token", "xs:int", ...
 * Anonymous types get a synthetic name "<OwnerType>.<elementName>" and anonymous: true.
 */

export type Occurs = number | 'unbounded';

export type WhiteSpace = 'preserve' | 'replace' | 'collapse';

export interface SimpleType {
  name: string;
  anonymous?: boolean;
  /** The XSD built-in the value space comes from: 'token', 'string', 'int', 'boolean', ... (no prefix). */
  builtin: string;
  /** The named type it restricts directly, when that is not the built-in (e.g. ExternalId -> NonEmptyToken). */
  restricts?: string;
  whiteSpace: WhiteSpace;
  /** Effective facets: inherited ones merged in. */
  minLength?: number;
  maxLength?: number;
  length?: number;
  minInclusive?: number;
  maxInclusive?: number;
  minExclusive?: number;
  maxExclusive?: number;
  enumeration?: string[];
  /**
   * Regular expressions (XSD syntax) the value must ALL match: one entry per derivation
   * step; several patterns given in one step are joined as alternatives "(?:a)|(?:b)".
   */
  patterns?: string[];
  /** builtin 'list': the simple type of each whitespace-separated item. */
  itemType?: string;
  /** builtin 'union': the member simple types, in order. */
  memberTypes?: string[];
  /** xs:documentation text; absent in the built-in model (see core/model/docs). */
  doc?: string;
}

export interface ElementDecl {
  kind: 'element';
  name: string;
  /** Name of a simple or complex type in the model (or an "xs:" built-in). */
  type: string;
  minOccurs: number;
  maxOccurs: Occurs;
  nillable?: boolean;
  fixed?: string;
  /** Value the server assumes when the element is present but empty (XSD default). */
  default?: string;
  doc?: string;
}

export interface GroupParticle {
  kind: 'sequence' | 'choice';
  minOccurs: number;
  maxOccurs: Occurs;
  items: Particle[];
}

export type Particle = ElementDecl | GroupParticle;

export interface AttributeDecl {
  name: string;
  type: string;
  required: boolean;
  fixed?: string;
  doc?: string;
}

export interface ComplexType {
  name: string;
  anonymous?: boolean;
  abstract?: boolean;
  /** The type this one extends (complexContent extension), e.g. "C:OCIRequest", "DepartmentKey". */
  base?: string;
  /**
   * The effective content model, base content first (an extension is the base's
   * particles followed by its own). Absent for empty content.
   */
  content?: GroupParticle;
  /** For simpleContent types: the simple type of the text value. */
  simpleContent?: string;
  attributes?: AttributeDecl[];
  /** Any content and attributes are allowed (xs:anyType, an element declared without a type). */
  anyContent?: boolean;
  doc?: string;
  /**
   * Data-mode facts of the type ("only used in AS data mode and ignored in XS data mode" element lists), read from
   * the schema documentation when the model was generated; the built-in model carries these instead of the prose.
   */
  modeNotes?: ModeFact[];
}

/** One data-mode fact: element `element` is only used in data mode `only`; in the other mode it is `effect`. */
export interface ModeFact {
  element: string;
  only: 'AS' | 'XS';
  effect: 'ignored' | 'fails' | 'unspecified';
  /** In the other mode the element may still be sent with this value. */
  useValue?: string;
  /** The fact concerns only these values of the element. */
  values?: string[];
  /** The fact concerns occurrences from this one (1-based) on. */
  fromOccurrence?: number;
}

export interface OcipModel {
  /** Schema release label, e.g. "R25". */
  release: string;
  /** Where it was compiled from (a description, never a machine path in committed data). */
  source: string;
  complexTypes: Record<string, ComplexType>;
  simpleTypes: Record<string, SimpleType>;
}
