/** Reading the answers of the read queries (decoded data responses) into plain facts. */
import { xsdCollapse } from '../text/xsd-whitespace';
import type { Answer } from './cache';

export type Known<T> = { known: true; value: T } | { known: false; why: string };

const unknown = <T>(why: string): Known<T> => ({ known: false, why });
const known = <T>(value: T): Known<T> => ({ known: true, value });

/** A repeated element decodes as a string when it occurs once: always a list here. */
export function listOf(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function rows(data: Record<string, unknown>, table: string): Record<string, string>[] {
  return listOf(data[table]).filter((r): r is Record<string, string> => !!r && typeof r === 'object');
}

const token = (s: unknown) => (typeof s === 'string' ? xsdCollapse(s) : '');
const isTrue = (s: unknown) => s === 'true' || s === '1';

/** Does the thing exist? (a Get request answered with data, or with a not-found error) */
export function exists(a: Answer): Known<boolean> {
  if (a.kind === 'data') return known(true);
  if (a.kind === 'absent') return known(false);
  return unknown(a.summary);
}

function fromData<T>(a: Answer, read: (data: Record<string, unknown>) => T): Known<T> {
  return a.kind === 'data' ? known(read(a.data)) : unknown(a.summary);
}

export const read = {
  domains: (a: Answer, defaultName: string) =>
    fromData(a, (d) => new Set([token(d[defaultName]), ...listOf(d.domain).map(token)].filter(Boolean))),
  /** Numbers of the group, and the user holding each (cells may be ranges "min - max"). */
  groupNumbers: (a: Answer) =>
    fromData(a, (d) => rows(d, 'dnTable').map((r) => ({ numbers: token(r['Phone Numbers']), userId: token(r['User Id']) }))),
  available: (a: Answer) => fromData(a, (d) => new Set(listOf(d.availableDn).map(token))),
  extensions: (a: Answer) =>
    fromData(
      a,
      (d) =>
        new Set(
          rows(d, 'userTable')
            .map((r) => token(r.Extension))
            .filter(Boolean),
        ),
    ),
  authorized: (a: Answer, table: string, column: string) =>
    fromData(
      a,
      (d) =>
        new Set(
          rows(d, table)
            .filter((r) => isTrue(r.Authorized))
            .map((r) => token(r[column])),
        ),
    ),
  listed: (a: Answer, table: string, column: string) => fromData(a, (d) => new Set(rows(d, table).map((r) => token(r[column])))),
  deviceTypes: (a: Answer) => fromData(a, (d) => new Set(listOf(d.deviceType).map(token))),
  packNames: (a: Answer) => fromData(a, (d) => new Set(listOf(d.servicePackName).map(token))),
  packServices: (a: Answer) => fromData(a, (d) => rows(d, 'userServiceTable').map((r) => token(r.Service))),
  departments: (a: Answer) =>
    fromData(a, (d) =>
      rows(d, 'departmentTable').map((r) => ({ enterprise: isTrue(r['Is Enterprise Department']), name: token(r['Department Name']) })),
    ),
};

/** Is `dn` in a cell that is a number or a range "min - max" of the same length? */
export function inNumberCell(cell: string, dn: string): boolean {
  const parts = cell.split(' - ');
  if (parts.length !== 2) return cell === dn;
  const [lo, hi] = parts.map((p) => p.trim());
  return dn.length === lo.length && lo.length === hi.length && dn >= lo && dn <= hi;
}
