/** Prints `OrderedElement` trees as XML, compact (the wire) or indented (for people). */
import { escapeAttribute, escapeText } from './escape';
import type { OrderedElement } from './order';

export interface WriteOptions {
  latin1: boolean;
  /** Indentation unit; undefined writes everything on one line. */
  indent?: string;
}

export function startTag(name: string, attributes: [string, string][], latin1: boolean): string {
  let out = `<${name}`;
  for (const [key, value] of attributes) out += ` ${key}="${escapeAttribute(value, latin1)}"`;
  return out;
}

/** Appends `element` at nesting `depth` to `out`. */
export function writeElement(element: OrderedElement, depth: number, options: WriteOptions, out: string[]): void {
  const attributes: [string, string][] = [];
  if (element.xsiType !== undefined) attributes.push(['xsi:type', element.xsiType]);
  if (element.nil) attributes.push(['xsi:nil', 'true']);
  writeTree(element.name, attributes, element, depth, options, out);
}

/** Writes an element with the given attributes and the content (text or children) of `content`. */
export function writeTree(
  name: string,
  attributes: [string, string][],
  content: Pick<OrderedElement, 'text' | 'children'>,
  depth: number,
  options: WriteOptions,
  out: string[],
): void {
  const pad = options.indent === undefined ? '' : options.indent.repeat(depth);
  const newline = options.indent === undefined ? '' : '\n';
  const open = startTag(name, attributes, options.latin1);
  if (content.children && content.children.length) {
    out.push(`${pad}${open}>${newline}`);
    for (const child of content.children) writeElement(child, depth + 1, options, out);
    out.push(`${pad}</${name}>${newline}`);
  } else if (content.text) {
    out.push(`${pad}${open}>${escapeText(content.text, options.latin1)}</${name}>${newline}`);
  } else {
    out.push(`${pad}${open}/>${newline}`);
  }
}
