/**
 * An XSD rule the structure walk (./elements) does not cover, found by the all-commands agreement test
 * (test/checks/all-commands.test.ts): an element (or command) whose type has empty content may not hold even
 * whitespace: `<command ...>\n</command>` for a request without elements is refused, `<command .../>` is not (XML only).
 */
import type { ComplexType } from '../model/types';
import type { Span } from '../tree/types';
import type { Diagnostic } from './types';

/** Whitespace inside an element of empty content type: the span of that whitespace, or undefined. */
export function emptyContentSpace(
  type: ComplexType | undefined,
  space: Span | undefined,
  owner: string,
  command: number,
): Diagnostic | undefined {
  if (!type || !space || type.content || type.simpleContent || type.anyContent || space.end <= space.start) return undefined;
  return {
    code: 'OCI-EMPTY-CONTENT',
    kind: 'schema',
    severity: 'error',
    message: `\`${owner}\` (${type.name}) has no content: write it as an empty element, without even spaces or line breaks inside (e.g. <${owner === type.name ? 'command' : owner} .../>).`,
    span: space,
    command,
  };
}
