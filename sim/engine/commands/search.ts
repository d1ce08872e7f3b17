/** Search criteria of the Get…List requests (SearchCriteria: mode, value, isCaseInsensitive), ANDed together. */
import { childrenNamed, childText, isTrue, type XElement } from '../../xml/parse';

export interface Criterion {
  mode: string;
  value: string;
  caseInsensitive: boolean;
}

export function criteria(cmd: XElement, name: string): Criterion[] {
  return childrenNamed(cmd, name).map((c) => ({
    mode: childText(c, 'mode') ?? 'Equal To',
    value: childText(c, 'value') ?? '',
    caseInsensitive: isTrue(childText(c, 'isCaseInsensitive')),
  }));
}

export function matches(c: Criterion, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const a = c.caseInsensitive ? actual.toLowerCase() : actual;
  const v = c.caseInsensitive ? c.value.toLowerCase() : c.value;
  if (c.mode === 'Starts With') return a.startsWith(v);
  if (c.mode === 'Contains') return a.includes(v);
  return a === v;
}

/** Every criterion of every named kind matches its field. */
export function allMatch(cmd: XElement, fields: Record<string, string | undefined>): boolean {
  for (const [name, actual] of Object.entries(fields)) {
    for (const c of criteria(cmd, name)) if (!matches(c, actual)) return false;
  }
  return true;
}

/** responseSizeLimit: at most that many rows. */
export function limit<T>(cmd: XElement, rows: T[]): T[] {
  const n = Number(childText(cmd, 'responseSizeLimit'));
  return Number.isInteger(n) && n > 0 ? rows.slice(0, n) : rows;
}
