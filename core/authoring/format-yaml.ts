/**
 * YAML formatting: keys in schema order at every level (`command` first, `xsi:type` first in a mapping),
 * unknown keys after the known ones in their original order. Pairs are moved with the `yaml` Document API,
 * so comments attached to a pair travel with it; the documents are then printed by the same library.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';
import type { ModelIndex } from '../model/model-index';
import { effectiveType, placeOf, UNKNOWN_RANK } from './format-order';

const PRINT_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** The formatted text, or undefined when the text is not well-formed YAML (never format a broken file). */
export function formatYaml(text: string, index: ModelIndex): string | undefined {
  const documents = parseAllDocuments(text, { uniqueKeys: false });
  if (!Array.isArray(documents)) return undefined; // an empty stream
  if (documents.some((d) => d.errors.length > 0)) return undefined;
  let out = '';
  for (const document of documents) {
    if (isMap(document.contents)) orderCommand(document.contents, index);
    out += stringify(document);
  }
  return text.includes('\r\n') ? out.replace(/\r?\n/g, '\r\n') : out;
}

function stringify(document: Document): string {
  return document.toString(PRINT_OPTIONS);
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

function orderCommand(map: YAMLMap, index: ModelIndex): void {
  const commandPair = map.items.find((p) => keyOf(p) === 'command');
  const type = scalarText(commandPair?.value);
  orderMap(map, type && index.complexType(type) ? type : undefined, index, 'command');
}

/** Sorts the pairs of a mapping whose element type is `type`, then its values' contents, recursively. */
function orderMap(map: YAMLMap, type: string | undefined, index: ModelIndex, firstKey: string): void {
  const ranked = map.items.map((pair, position) => {
    const key = keyOf(pair);
    if (key === firstKey) return { pair, rank: -1, position, type: undefined };
    const place = key === undefined ? { rank: UNKNOWN_RANK } : placeOf(index, type, key);
    return { pair, rank: place.rank, position, type: place.type };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.position - b.position);
  keepLeadingComment(map, ranked[0]?.pair);
  map.items = ranked.map((r) => r.pair);
  for (const { pair, type: childType } of ranked) orderValue(pair.value, childType, index);
}

/**
 * The parser attaches a comment above a mapping's first key to the mapping itself; when that key moves,
 * the comment belongs to it, so hand it over to the key before reordering.
 */
function keepLeadingComment(map: YAMLMap, newFirst: Pair | undefined): void {
  const oldFirst = map.items[0];
  if (!map.commentBefore || !oldFirst || oldFirst === newFirst || !isScalar(oldFirst.key)) return;
  oldFirst.key.commentBefore = oldFirst.key.commentBefore ? `${map.commentBefore}\n${oldFirst.key.commentBefore}` : map.commentBefore;
  map.commentBefore = undefined;
}

function orderValue(value: unknown, declared: string | undefined, index: ModelIndex): void {
  if (isSeq(value)) {
    for (const item of value.items) orderValue(item, declared, index);
  } else if (isMap(value)) {
    const xsiType = scalarText(value.items.find((p) => keyOf(p) === 'xsi:type')?.value);
    orderMap(value, effectiveType(index, declared, xsiType), index, 'xsi:type');
  }
}
