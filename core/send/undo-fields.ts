/**
 * Reading a sent command for its undo: its values by element name (from the XML that was sent), copies of elements
 * as undo data, and what earlier commands of the same send are known to have set up.
 */
import { parseXmlTree } from '../xml';
import { readCommandXml, type CommandXmlNode } from './command-xml';
import type { UndoFields, UndoValue } from './undo-types';

/** The command's simple values, for planning: the XML of a prepared command, parsed once. */
export class Fields {
  constructor(readonly el: CommandXmlNode | undefined) {}
  text(name: string): string | undefined {
    const c = this.el?.children.find((x) => x.local === name);
    return c && !c.children.length ? c.text.trim() : undefined;
  }
  all(name: string): CommandXmlNode[] {
    return this.el?.children.filter((x) => x.local === name) ?? [];
  }
  child(name: string): Fields {
    return new Fields(this.el?.children.find((x) => x.local === name));
  }
}

export function parseCommand(xml: string): Fields {
  try {
    return new Fields(readCommandXml(xml));
  } catch {
    // Not the encoder's plain shape: the general XML front end decides.
    try {
      return new Fields(parseXmlTree(xml, { undeclaredPrefixes: 'no-namespace' }));
    } catch {
      return new Fields(undefined);
    }
  }
}

/** An element as undo data: its text, or its children as a mapping (repeated names become lists). */
function toValue(el: CommandXmlNode): UndoValue {
  if (!el.children.length) return el.text.trim();
  const out: UndoFields = {};
  for (const c of el.children) add(out, c.local, toValue(c));
  return out;
}

function add(fields: UndoFields, name: string, value: UndoValue): void {
  const prev = fields[name];
  if (prev === undefined) fields[name] = value;
  else fields[name] = Array.isArray(prev) ? [...prev, value] : [prev, value];
}

/** Copies the named elements (all occurrences, in this order) from the command. */
export function pick(f: Fields, names: string[]): UndoFields {
  const out: UndoFields = {};
  for (const n of names) for (const e of f.all(n)) add(out, n, toValue(e));
  return out;
}

/** What an earlier successful command of the same send is known to have set up. */
export class Known {
  readonly set = new Set<string>();
  has(...key: (string | undefined)[]): boolean {
    return this.set.has(key.join('\0'));
  }
  add(...key: (string | undefined)[]): void {
    this.set.add(key.join('\0'));
  }
}

/** A dnRange as its numbers (same country code, same length, at most 10,000), else nothing. */
export function expand(range: Fields): string[] {
  const m1 = /^(\+\d{1,3}-)?(\d+)$/.exec(range.text('minPhoneNumber') ?? '');
  const m2 = /^(\+\d{1,3}-)?(\d+)$/.exec(range.text('maxPhoneNumber') ?? '');
  if (!m1 || !m2 || (m1[1] ?? '') !== (m2[1] ?? '') || m1[2].length !== m2[2].length) return [];
  const lo = BigInt(m1[2]);
  const hi = BigInt(m2[2]);
  if (hi < lo || hi - lo >= 10000n) return [];
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(`${m1[1] ?? ''}${n.toString().padStart(m1[2].length, '0')}`);
  return out;
}
