/**
 * Parses one chunk of a YAML command file (normally one document) into commands and problems,
 * with spans relative to the chunk start. Never throws.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Alias, type Document, type Node } from 'yaml';
import type { CommandNode, Span, SyntaxProblem } from '../tree/types';
import type { SourceFragment } from './chunks';
import { MAX_YAML_DEPTH, yamlTooDeepAt } from './yaml-depth';
import { YamlTreeBuilder, firstLine, scalarText } from './yaml-tree';

const COMMAND_KEY = 'command';
/** One broken document can yield thousands of follow-on errors; beyond this many, they only add noise. */
export const MAX_PROBLEMS_PER_DOCUMENT = 100;

export function parseYamlChunk(text: string): SourceFragment {
  const commands: CommandNode[] = [];
  const problems: SyntaxProblem[] = [];
  // The yaml package recurses per nesting level: a too-deep document is reported here and never handed to it.
  const tooDeep = yamlTooDeepAt(text);
  if (tooDeep >= 0) {
    const span = { start: tooDeep, end: Math.min(tooDeep + 1, text.length) };
    problems.push({ code: 'OCI-YAML-TOO-DEEP', message: `Nesting deeper than ${MAX_YAML_DEPTH} levels: this document is not read.`, span });
    return { commands, problems };
  }
  try {
    const parsed = parseAllDocuments(text, {
      uniqueKeys: false, // duplicates are reported by us, with a hint about lists
      prettyErrors: false,
      strict: true,
      logLevel: 'silent',
      version: '1.2',
    });
    const documents = Array.isArray(parsed) ? parsed : [];
    for (const doc of documents) {
      for (const error of doc.errors) {
        problems.push({ code: 'OCI-YAML-SYNTAX', message: error.message, span: clampSpan(error.pos, text.length) });
      }
      const command = commandOf(doc, text, problems);
      if (command) commands.push({ ...command, index: commands.length });
    }
  } catch (error) {
    // The yaml package is robust, but a pathological input (e.g. extreme nesting) may exhaust the stack.
    const why = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'OCI-YAML-SYNTAX', message: `This document could not be read: ${why}`, span: { start: 0, end: text.length } });
    commands.length = 0;
  }
  return { commands, problems: capped(problems) };
}

function capped(problems: SyntaxProblem[]): SyntaxProblem[] {
  if (problems.length <= MAX_PROBLEMS_PER_DOCUMENT) return problems;
  const hidden = problems.length - MAX_PROBLEMS_PER_DOCUMENT;
  const first = problems[MAX_PROBLEMS_PER_DOCUMENT];
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_DOCUMENT),
    { code: 'OCI-YAML-TOO-MANY-PROBLEMS', message: `${hidden} more problems in this document are not shown.`, span: first.span },
  ];
}

function clampSpan(pos: [number, number] | undefined, length: number): Span {
  const start = Math.min(Math.max(pos?.[0] ?? 0, 0), length);
  const end = Math.min(Math.max(pos?.[1] ?? start, start), length);
  return { start, end };
}

function commandOf(doc: Document.Parsed, text: string, problems: SyntaxProblem[]): CommandNode | undefined {
  const contents = doc.contents as Node | null;
  if (!contents) return undefined; // only comments / blanks: not a command
  if (isScalar(contents) && contents.type === 'PLAIN' && scalarText(contents) === '' && !contents.tag) return undefined;
  const builder = new YamlTreeBuilder(text, problems, anchorTargets(contents));
  const span = builder.spanOf(contents);
  if (!isMap(contents)) {
    problems.push({
      code: 'OCI-YAML-NOT-MAPPING',
      message: "A command must be a mapping of element names to values, starting with 'command: <CommandName>'.",
      span,
    });
    return undefined;
  }
  builder.checkTag(contents);

  let name: string | null = null;
  let nameSpan: Span | undefined;
  let headSpan: Span | undefined;
  const first = contents.items.find((p) => isPair(p) && isScalar(p.key) && scalarText(p.key) === COMMAND_KEY);
  if (first) {
    headSpan = builder.spanOf(first.key as Node);
    const value = builder.resolve(first.value as Node | null);
    if (value && isScalar(value) && !builder.isNull(value)) {
      name = scalarText(value);
      nameSpan = builder.spanOf(first.value as Node);
    } else if (value && !isScalar(value)) {
      problems.push({
        code: 'OCI-YAML-COMMAND-NAME',
        message: "'command' takes the command name, like 'command: UserGetRequest22'.",
        span: builder.spanOf(first.value as Node),
      });
    }
  }
  const { children } = builder.mappingContent(contents, false, undefined, 0, COMMAND_KEY);
  const command: CommandNode = {
    index: 0,
    name,
    headSpan: headSpan ?? firstLine(text, span),
    span,
    children,
  };
  if (nameSpan) command.nameSpan = nameSpan;
  return command;
}

/**
 * What each alias refers to: the latest node with that anchor before the alias, in document order.
 * Computed once per document (yaml's Alias.resolve walks the whole document per call).
 */
function anchorTargets(root: Node): Map<Alias, Node | undefined> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const visit = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 200) return;
    if (isAlias(node)) {
      targets.set(node, anchors.get(node.source));
      return;
    }
    if (isPair(node)) {
      visit(node.key, depth + 1);
      visit(node.value, depth + 1);
      return;
    }
    const anchored = node as Node;
    if (anchored.anchor) anchors.set(anchored.anchor, anchored);
    if (isMap(node) || isSeq(node)) for (const item of node.items) visit(item, depth + 1);
  };
  visit(root, 0);
  return targets;
}
