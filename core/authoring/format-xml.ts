/**
 * XML formatting: every element's children in schema order (comments just before an element move with it;
 * unknown elements last, in their order), indented by 2 spaces, one attribute list per tag with single spaces.
 * Leaf text, entities, CDATA and comments are kept byte for byte; an element with mixed content is kept as written.
 */
import type { ModelIndex } from '../model/model-index';
import { effectiveType, placeOf, UNKNOWN_RANK } from './format-order';
import { localName, readXml, xsiTypeOf, type XmlElement, type XmlNode } from './format-xml-parse';
import { isXsdBlank } from '../text/xsd-whitespace';

const INDENT = '  ';

/** The formatted text, or undefined when the text cannot be read as XML. */
export function formatXml(text: string, index: ModelIndex): string | undefined {
  let nodes: XmlNode[];
  try {
    nodes = readXml(text);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') continue; // whitespace between top-level constructs (well-formed XML has no other)
    if (node.kind === 'element') writeElement(node, rootType(node, index), 0, index, text, out);
    else out.push(node.raw + '\n');
  }
  const formatted = out.join('');
  return text.includes('\r\n') ? formatted.replace(/\r?\n/g, '\r\n') : formatted;
}

/** A bare `<command xsi:type="…">` at the top is typed by its xsi:type; the envelope itself is not reordered. */
function rootType(element: XmlElement, index: ModelIndex): string | undefined {
  return localName(element.name) === 'command' ? commandType(element, index) : undefined;
}

function commandType(element: XmlElement, index: ModelIndex): string | undefined {
  const type = xsiTypeOf(element);
  return type && index.complexType(type) ? type : undefined;
}

function startTag(element: XmlElement): string {
  return `<${element.name}${element.attributes.map((a) => ` ${a.name}=${a.raw}`).join('')}`;
}

function writeElement(element: XmlElement, type: string | undefined, depth: number, index: ModelIndex, text: string, out: string[]): void {
  const pad = INDENT.repeat(depth);
  if (element.selfClosing) {
    out.push(`${pad}${startTag(element)}/>\n`);
    return;
  }
  const textOnly = element.children.every((c) => c.kind === 'text' || c.kind === 'cdata');
  if (textOnly) {
    out.push(`${pad}${startTag(element)}>${element.children.map((c) => (c.kind === 'element' ? '' : c.raw)).join('')}</${element.name}>\n`);
    return;
  }
  // Only XML whitespace between elements may be re-indented: a no-break space is text and is kept.
  const mixed = element.children.some((c) => (c.kind === 'text' && !isXsdBlank(c.raw)) || c.kind === 'cdata');
  if (mixed) {
    out.push(`${pad}${text.slice(element.start, element.end)}\n`);
    return;
  }
  out.push(`${pad}${startTag(element)}>\n`);
  for (const unit of orderedUnits(element, type, index)) {
    for (const comment of unit.before) out.push(`${pad}${INDENT}${comment}\n`);
    if (unit.element) writeElement(unit.element, unit.type, depth + 1, index, text, out);
  }
  out.push(`${pad}</${element.name}>\n`);
}

interface Unit {
  /** Comments and processing instructions written just before the element (they travel with it). */
  before: string[];
  element?: XmlElement;
  type?: string;
  rank: number;
}

/** Children grouped as (preceding comments, element), sorted by schema rank; trailing comments stay last. */
function orderedUnits(parent: XmlElement, parentType: string | undefined, index: ModelIndex): Unit[] {
  const isEnvelope = localName(parent.name) === 'BroadsoftDocument';
  const units: Unit[] = [];
  let pending: string[] = [];
  for (const child of parent.children) {
    if (child.kind === 'text') continue;
    if (child.kind !== 'element') {
      pending.push(child.raw);
      continue;
    }
    let rank = UNKNOWN_RANK;
    let type: string | undefined;
    if (isEnvelope) {
      // The envelope keeps its own order (sessionId, trackingId, commands); each command is typed by xsi:type.
      rank = 0;
      type = localName(child.name) === 'command' ? commandType(child, index) : undefined;
    } else {
      const place = placeOf(index, parentType, localName(child.name));
      rank = place.rank;
      type = effectiveType(index, place.type, xsiTypeOf(child));
    }
    units.push({ before: pending, element: child, type, rank });
    pending = [];
  }
  const sorted = units
    .map((u, position) => ({ u, position }))
    .sort((a, b) => a.u.rank - b.u.rank || a.position - b.position)
    .map((x) => x.u);
  if (pending.length) sorted.push({ before: pending, rank: UNKNOWN_RANK });
  return sorted;
}
