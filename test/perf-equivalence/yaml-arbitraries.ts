/**
 * fast-check arbitraries for OCI-P-like YAML documents: a random element tree rendered in the styles people
 * write (block and flow lists, nested mappings, quoted and plain scalars, nulls, comments, blank lines, CRLF,
 * 2- or 4-space indentation, lists indented or not), plus character-level mutations of such documents.
 */
import fc from 'fast-check';

export type Tree =
  | { kind: 'scalar'; text: string }
  | { kind: 'null'; word: string }
  | { kind: 'map'; pairs: [string, Tree][] }
  | { kind: 'list'; items: Tree[] };

const NAMES = [
  'userId',
  'groupId',
  'serviceProviderId',
  'lastName',
  'alias',
  'deviceName',
  'accessDevice',
  'linePort',
  'userService',
  'xsi:type',
  'command',
  'a',
  'B2',
  'x.y',
  'name-1',
];
const PLAIN = [
  'ent1',
  'John Doe',
  '007',
  'true',
  'a@b.example',
  '+1-555-0100',
  "O'Brien",
  'x:y',
  'a#b',
  'Polycom VVX 450',
  'José',
  '12.5',
  'http://x/y',
  'a,b',
  'a]b',
  'null',
  '~',
  'NULL',
  'x {y}',
];
const QUOTABLE = ['', ' lead', 'trail ', 'a: b', "it's", 'say "hi"', 'back\\slash', '# not a comment', '- dash', 'tab\there', 'é', '[x]'];

const scalar = fc.oneof(
  fc.constantFrom(...PLAIN).map((text): Tree => ({ kind: 'scalar', text })),
  fc.constantFrom(...QUOTABLE).map((text): Tree => ({ kind: 'scalar', text })),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._@+-]{0,12}$/).map((text): Tree => ({ kind: 'scalar', text: text.trimEnd() || 'v' })),
);
const nullValue = fc.constantFrom('', '~', 'null', 'Null', 'NULL').map((word): Tree => ({ kind: 'null', word }));

export const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ value: Tree; map: Tree; list: Tree }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, scalar, nullValue, tie('map'), tie('list')),
  map: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...NAMES), tie('value')), { minLength: 1, maxLength: 5, selector: ([k]) => k })
    .map((pairs): Tree => ({ kind: 'map', pairs })),
  list: fc.array(fc.oneof(scalar, nullValue, tie('map')), { minLength: 0, maxLength: 4 }).map((items): Tree => ({ kind: 'list', items })),
})).map;

export interface Style {
  indent: number;
  /** Lists under a key at the key's own column (`key:\n- a`) instead of indented. */
  flushLists: boolean;
  /** Prefer flow style for lists / mappings of scalars. */
  flow: boolean;
  /** 0: as needed, 1: single quotes, 2: double quotes. */
  quoting: 0 | 1 | 2;
  comments: boolean;
  crlf: boolean;
  marker: boolean;
}

export const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(1, 2, 4),
  flushLists: fc.boolean(),
  flow: fc.boolean(),
  quoting: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
  comments: fc.boolean(),
  crlf: fc.boolean(),
  marker: fc.boolean(),
});

function needsQuotes(text: string): boolean {
  return QUOTABLE.includes(text) || text !== text.trim() || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || /: |\s#|\t/.test(text);
}

function quote(text: string, style: Style): string {
  if (style.quoting === 1 || (style.quoting === 0 && !/[\\\t"]/.test(text))) return `'${text.replace(/'/g, "''")}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t')}"`;
}

function scalarText(tree: Tree, style: Style, flow: boolean): string {
  if (tree.kind === 'null') return tree.word;
  const text = (tree as { text: string }).text;
  if (needsQuotes(text) || (flow && /[,[\]{}:#]/.test(text)) || style.quoting !== 0) return quote(text, style);
  return text;
}

function isFlat(tree: Tree): boolean {
  return tree.kind === 'scalar' || tree.kind === 'null';
}

function flowOf(tree: Tree, style: Style): string | undefined {
  if (tree.kind === 'list' && tree.items.every(isFlat)) return `[${tree.items.map((i) => scalarText(i, style, true)).join(', ')}]`;
  if (tree.kind === 'map' && tree.pairs.every(([, v]) => isFlat(v))) {
    return `{${tree.pairs.map(([k, v]) => `${k}: ${scalarText(v, style, true)}`).join(', ')}}`;
  }
  return undefined;
}

/** Lines of a mapping's entries at `column`. */
function mapLines(pairs: [string, Tree][], column: number, style: Style, out: string[], firstPrefix?: string): void {
  pairs.forEach(([key, value], i) => {
    const pad = i === 0 && firstPrefix !== undefined ? firstPrefix : ' '.repeat(column);
    const comment = style.comments && i % 2 === 1 ? '  # note' : '';
    if (isFlat(value)) {
      const text = scalarText(value, style, false);
      out.push(`${pad}${key}:${text === '' ? '' : ' ' + text}${comment}`);
      return;
    }
    const flow = style.flow ? flowOf(value, style) : undefined;
    if (flow !== undefined || (value.kind === 'list' && value.items.length === 0)) {
      out.push(`${pad}${key}: ${flow ?? '[]'}${comment}`);
      return;
    }
    out.push(`${pad}${key}:${comment}`);
    if (style.comments) out.push(`${' '.repeat(column)}# about ${key}`);
    if (value.kind === 'map') mapLines(value.pairs, column + style.indent, style, out);
    else listLines((value as { items: Tree[] }).items, style.flushLists ? column : column + style.indent, style, out);
  });
}

function listLines(items: Tree[], column: number, style: Style, out: string[]): void {
  for (const item of items) {
    const pad = ' '.repeat(column);
    if (item.kind === 'map') mapLines(item.pairs, column + 2, style, out, `${pad}- `);
    else {
      const text = scalarText(item, style, false);
      out.push(`${pad}-${text === '' ? '' : ' ' + text}`);
    }
  }
}

/** One YAML document for a command with these top-level pairs. */
export function render(pairs: [string, Tree][], style: Style): string {
  const out: string[] = [];
  if (style.marker) out.push('---');
  if (style.comments) out.push('# generated', '');
  mapLines(pairs, 0, style, out);
  if (style.comments) out.push('', '# end');
  return out.join(style.crlf ? '\r\n' : '\n') + (style.crlf ? '\r\n' : '\n');
}

export const documentArb = fc
  .tuple(
    fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), treeArb), { minLength: 0, maxLength: 6, selector: ([k]) => k }),
    styleArb,
    fc.boolean(),
  )
  .map(([pairs, style, named]) => {
    const top = pairs.filter(([k]) => !named || k !== 'command');
    return render(named ? [['command', { kind: 'scalar', text: 'UserConsolidatedAddRequest22' }], ...top] : top, style);
  });

const NOISE = [
  ':',
  ' ',
  '-',
  '#',
  "'",
  '"',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\t',
  '\r',
  '\n',
  '\\',
  'a',
  'x:',
  '  ',
  '\n  ',
  '\n- ',
  '~',
  '\ufeff',
  '\u2028',
  '---',
  '...',
];

/** A document with a few random insertions, deletions and replacements. */
export const mutatedArb = fc
  .tuple(documentArb, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...NOISE)), { minLength: 1, maxLength: 4 }))
  .map(([doc, edits]) => {
    let text = doc;
    for (const [where, remove, insert] of edits) {
      const at = text.length === 0 ? 0 : where % (text.length + 1);
      text = text.slice(0, at) + insert + text.slice(at + remove);
    }
    return text;
  });

/** Short strings over YAML's syntax characters. */
export const noiseArb = fc.array(fc.constantFrom(...NOISE, 'k', 'v', '1', 'null'), { maxLength: 40 }).map((parts) => parts.join(''));
