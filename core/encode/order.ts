/**
 * Schema order: the tree's elements (in any order, as YAML allows) rearranged into the order of their
 * type's content model, with the type of every element resolved (declared type or xsi:type).
 * The result, `OrderedElement`, is what the XML writer and the YAML converter both print.
 */
import type { ModelIndex } from '../model/model-index';
import type { Particle } from '../model/types';
import type { ElementNode } from '../tree/types';

export interface OrderedElement {
  name: string;
  xsiType?: string;
  nil?: boolean;
  /** Leaf text ('' for an empty element). */
  text?: string;
  children?: OrderedElement[];
  /** The element may occur more than once at this place (maxOccurs > 1, or a repeating group). */
  repeatable?: boolean;
}

export interface OrderOptions {
  /** Keep elements the model does not know (after the known ones, in document order): conversion does, the wire encoder does not. */
  keepUnknown: boolean;
}

export interface Slot {
  /** Position of the element, or of the whole repeating group it is in (so a1 b1 a2 b2 keeps its interleaving). */
  key: number;
  type: string;
  repeatable: boolean;
}

const slotCache = new WeakMap<ModelIndex, Map<string, Map<string, Slot>>>();

/** Exported (not only used here) for core/authoring/format*, which sorts YAML keys and XML elements by the same keys. */
export function slotsOf(index: ModelIndex, typeName: string): Map<string, Slot> | undefined {
  const content = index.complexType(typeName);
  if (!content || content.anyContent) return undefined;
  let byType = slotCache.get(index);
  if (!byType) slotCache.set(index, (byType = new Map()));
  let slots = byType.get(typeName);
  if (!slots) {
    slots = new Map();
    let counter = 0;
    const visit = (p: Particle, groupKey: number | undefined, repeated: boolean) => {
      const repeats = repeated || p.maxOccurs === 'unbounded' || p.maxOccurs > 1;
      if (p.kind === 'element') {
        if (!slots!.has(p.name)) slots!.set(p.name, { key: groupKey ?? counter++, type: p.type, repeatable: repeats });
        return;
      }
      const ownKey = groupKey ?? (p.maxOccurs === 'unbounded' || p.maxOccurs > 1 ? counter++ : undefined);
      for (const item of p.items) visit(item, ownKey, repeats);
    };
    if (content.content) visit(content.content, undefined, false);
    byType.set(typeName, slots);
  }
  return slots;
}

/** The children of an element (or command) of type `typeName`, in schema order. Unknown type: as written. */
export function orderChildren(
  index: ModelIndex,
  typeName: string | null | undefined,
  children: ElementNode[],
  options: OrderOptions,
): OrderedElement[] {
  const slots = typeName ? slotsOf(index, typeName) : undefined;
  if (!slots) return children.map((c) => convert(index, c, undefined, false, options));
  const placed: { key: number; element: OrderedElement }[] = [];
  for (const child of children) {
    const slot = slots.get(child.name);
    if (!slot && !options.keepUnknown) continue;
    placed.push({
      key: slot ? slot.key : Number.MAX_SAFE_INTEGER,
      element: convert(index, child, slot?.type, slot?.repeatable ?? false, options),
    });
  }
  // Array.prototype.sort is stable: repeated elements keep their relative order.
  placed.sort((a, b) => a.key - b.key);
  return placed.map((p) => p.element);
}

function convert(
  index: ModelIndex,
  node: ElementNode,
  declaredType: string | undefined,
  repeatable: boolean,
  options: OrderOptions,
): OrderedElement {
  const out: OrderedElement = { name: node.name };
  if (repeatable) out.repeatable = true;
  if (node.xsiType) out.xsiType = node.xsiType.text;
  if (node.nil) out.nil = true;
  // An xsi:type naming a type the model knows decides the content; otherwise the declared type does.
  const type = node.xsiType && index.complexType(node.xsiType.text) ? node.xsiType.text : declaredType;
  if (node.children) out.children = orderChildren(index, type, node.children, options);
  else if (node.nil) return out;
  else if (type && index.complexType(type)) {
    // A complex element written empty (`<a/>`, YAML `a: ''`) is just an element without children.
    if (node.value && node.value.text !== '') out.text = node.value.text;
  } else out.text = node.value?.text ?? '';
  return out;
}
