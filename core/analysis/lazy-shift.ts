/**
 * Rebased views of cached relative fragments that cost almost nothing until read: a command's own spans are
 * shifted at once, its `children` (the bulk of the tree) only on first access, then kept. After an edit the
 * thousands of commands that merely moved are never copied unless a feature walks them.
 * `children` is an enumerable own getter, so spreading, JSON and deep equality see plain data.
 */
import { shiftElement, shiftSpan, type SourceFragment } from '../syntax/chunks';
import type { CommandNode, ElementNode } from '../tree/types';

function lazyCommand(command: CommandNode, delta: number, index: number | (() => number)): CommandNode {
  const out = {
    name: command.name,
    headSpan: shiftSpan(command.headSpan, delta),
    span: shiftSpan(command.span, delta),
  } as CommandNode;
  if (typeof index === 'number') out.index = index;
  else {
    // Worked out on first read (it may need other documents parsed); then a plain value.
    Object.defineProperty(out, 'index', {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = index();
        Object.defineProperty(out, 'index', { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  if (command.nameSpan) out.nameSpan = shiftSpan(command.nameSpan, delta);
  if (command.attributes)
    out.attributes = command.attributes.map((a) => ({
      ...a,
      nameSpan: shiftSpan(a.nameSpan, delta),
      value: { text: a.value.text, span: shiftSpan(a.value.span, delta) },
    }));
  if (command.namespace !== undefined) out.namespace = command.namespace;
  // Every optional span of CommandNode (core/tree/types.ts), or the checks on a moved command differ from a fresh parse.
  if (command.nil) out.nil = shiftSpan(command.nil, delta);
  if (command.nilFalse) out.nilFalse = shiftSpan(command.nilFalse, delta);
  if (command.spaceOnly) out.spaceOnly = shiftSpan(command.spaceOnly, delta);
  let children: ElementNode[] | undefined;
  Object.defineProperty(out, 'children', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!children) {
        const source = command.children;
        children = new Array<ElementNode>(source.length);
        for (let i = 0; i < source.length; i++) children[i] = shiftElement(source[i], delta);
      }
      return children;
    },
    set: (value: ElementNode[]) => {
      children = value;
    },
  });
  return out;
}

/**
 * `fragment` (spans relative to 0, commands numbered from 0) as placed at `start` with its first command
 * `firstIndex` (a function: computed when an index is first read).
 */
export function lazilyShiftedFragment(fragment: SourceFragment, start: number, firstIndex: number | (() => number)): SourceFragment {
  const out: SourceFragment = {
    commands: fragment.commands.map((c, i) =>
      lazyCommand(c, start, typeof firstIndex === 'number' ? firstIndex + i : () => firstIndex() + i),
    ),
    problems: fragment.problems.map((p) => ({ ...p, span: shiftSpan(p.span, start) })),
  };
  if (fragment.envelope) throw new Error('YAML fragments have no envelope');
  return out;
}
