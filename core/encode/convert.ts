/**
 * Conversion between the two file formats, through the tree: XML or YAML `SourceFile` → YAML text or XML text.
 * Keys/elements come out in schema order; elements the model does not know are kept (after the known ones),
 * because a conversion must not lose what the user wrote.
 */
import { Scalar, stringify } from 'yaml';
import type { SourceFile } from '../tree/types';
import { commandNode, documentNodes } from './document';
import { type EncodeModel, asIndex } from './model';
import { type OrderedElement, orderChildren } from './order';
import { buildXml } from './writer';

export const PLACEHOLDER_SESSION_ID = 'SESSION-ID';

type YamlValue = string | Scalar | null | YamlMap | YamlValue[];
interface YamlMap {
  [key: string]: YamlValue;
}

function yamlOf(elements: OrderedElement[]): YamlMap {
  // No prototype: an element named like an Object.prototype member must stay an ordinary key.
  const map = Object.create(null) as YamlMap;
  const lists = new Set<string>();
  for (const element of elements) {
    const value = yamlValue(element);
    const { name } = element;
    if (!(name in map)) {
      // A repeatable element is always a list, so YAML -> XML -> YAML keeps a one-item list a list.
      map[name] = element.repeatable ? [value] : value;
      if (element.repeatable) lists.add(name);
    } else if (lists.has(name)) (map[name] as YamlValue[]).push(value);
    else {
      map[name] = [map[name], value];
      lists.add(name);
    }
  }
  return map;
}

function yamlValue(element: OrderedElement): YamlValue {
  if (element.nil) return null;
  if (element.children || element.xsiType !== undefined) {
    const map = Object.create(null) as YamlMap;
    if (element.xsiType !== undefined) map['xsi:type'] = element.xsiType;
    return Object.assign(map, yamlOf(element.children ?? []));
  }
  const text = element.text;
  if (text !== undefined && /[\r\n]/.test(text)) {
    // Multi-line values are written double-quoted: a block scalar cannot say exactly how much leading space a
    // whitespace-only first line has, so " \n" would come back as "\n". Quoted escapes round-trip exactly.
    const quoted = new Scalar(text);
    quoted.type = Scalar.QUOTE_DOUBLE;
    return quoted;
  }
  return text ?? {};
}

/** One YAML document per command: `command:` first, keys in schema order, lists for repeated elements, nil as ~. */
export function toYaml(file: SourceFile, model: EncodeModel): string {
  const index = asIndex(model);
  const documents = file.commands.map((command) => {
    const body = Object.create(null) as YamlMap;
    body.command = command.name ?? '';
    Object.assign(body, yamlOf(orderChildren(index, command.name, command.children, { keepUnknown: true })));
    return stringify(body, { nullStr: '~', lineWidth: 0, minContentWidth: 0 });
  });
  return documents.join('---\n');
}

export interface ToXmlOptions {
  /** Wrap the commands in a BroadsoftDocument (placeholder sessionId). Default: when the source had one. */
  envelope?: boolean;
}

/** Indented XML (2 spaces): bare `<command>` elements, or a BroadsoftDocument around them. */
export function toXml(file: SourceFile, model: EncodeModel, options: ToXmlOptions = {}): string {
  const envelope = options.envelope ?? file.envelope !== undefined;
  const commands = file.commands.map((command) => commandNode(command, model, false, true));
  if (!envelope) return commands.length ? buildXml(commands, '  ') : '';
  const sessionId = file.envelope?.children.find((c) => c.name === 'sessionId')?.value?.text ?? PLACEHOLDER_SESSION_ID;
  return buildXml(documentNodes('UTF-8', sessionId, commands, false), '  ');
}
