/**
 * Per-command results: the response elements mapped back to the request commands by position, classified
 * (success, error, warning, info, data), error codes extracted, OCI tables turned into arrays of objects.
 */
import type { ResponseCommand } from './envelope';
import { MAY_HAVE_EXECUTED, OcipError } from './errors';
import { maskSecrets } from './mask';
import { xsiType, type XNode } from './xml';

export type CommandResultKind = 'success' | 'error' | 'warning' | 'info' | 'data' | 'unknown' | 'not-sent';

export interface CommandResult {
  /** Position of the command in the caller's list (0-based). */
  index: number;
  requestType: string;
  /**
   * 'unknown': the command may have reached the server but no response was read; it may have been executed.
   * 'not-sent': it was never written (an earlier document failed).
   */
  kind: CommandResultKind;
  /** Local name of the response's xsi:type ("SuccessResponse", "UserGetResponse22V5"). */
  responseType?: string;
  errorCode?: number;
  summary?: string;
  summaryEnglish?: string;
  detail?: string;
  /** Decoded data response: leaves are strings, repeated elements arrays, tables arrays of objects by heading. */
  data?: unknown;
  /** This command's response element as received (secrets masked); '' for 'unknown' and 'not-sent'. */
  rawXml: string;
}

const CORE_NS = 'C';

/** The parsed response element of a result, kept aside (not in the plain-data result) so it is parsed only once. */
const ELEMENTS = new WeakMap<CommandResult, XNode>();

export function responseElement(result: CommandResult): XNode | undefined {
  return ELEMENTS.get(result);
}

/** Maps the response commands of one document to its request commands (by position). */
export function mapResponses(requests: readonly { index: number; type: string }[], responses: readonly ResponseCommand[]): CommandResult[] {
  if (responses.length !== requests.length) {
    throw new OcipError(
      'count-mismatch',
      `the server answered ${responses.length} command(s) to a document of ${requests.length}; cannot tell which response belongs to which command`,
      { mayHaveExecuted: true },
    );
  }
  return requests.map((r, i) => toResult(r.index, r.type, responses[i]));
}

export function toResult(index: number, requestType: string, response: ResponseCommand): CommandResult {
  const node = response.node;
  const type = xsiType(node);
  const responseType = type?.local;
  const base = { index, requestType, responseType, rawXml: maskSecrets(response.rawXml) };
  // The base responses live in namespace C; accept an unqualified spelling too, it cannot mean anything else.
  const isCore = (local: string) => type?.local === local && (type.ns === CORE_NS || type.ns === '');
  if (isCore('ErrorResponse')) return { ...base, ...errorFields(node) };
  if (!type) {
    return { ...base, kind: 'unknown', summary: `response command has no xsi:type; cannot interpret it; ${MAY_HAVE_EXECUTED}` };
  }
  const success = isCore('SuccessResponse');
  const fits = success ? !returnsData(requestType) : isResponseTo(requestType, type);
  if (!fits) {
    const what = success ? 'SuccessResponse' : `${type.ns ? `{${type.ns}}` : ''}${type.local}`;
    return {
      ...base,
      kind: 'unknown',
      summary: `the server answered ${what} to ${requestType}, which cannot return it; ${MAY_HAVE_EXECUTED}`,
    };
  }
  if (success) return { ...base, kind: 'success' };
  const result: CommandResult = { ...base, kind: 'data', data: decodeData(node) };
  ELEMENTS.set(result, node);
  return result;
}

/** Get requests (UserGetRequest23V2, GroupGetListInServiceProviderRequest, ...) answer with data, never SuccessResponse. */
function returnsData(requestType: string): boolean {
  return /Get[A-Za-z0-9]*Request/.test(requestType);
}

/**
 * A data response answers the request of the same name: UserGetRequest23V2 -> UserGetResponse23V2,
 * LoginRequest22V5 -> LoginResponse22V5. Anything else (a data response to an add) is not this command's answer.
 */
function isResponseTo(requestType: string, type: { ns: string; local: string }): boolean {
  if (type.ns !== '') return false;
  const at = type.local.lastIndexOf('Response');
  return at >= 0 && `${type.local.slice(0, at)}Request${type.local.slice(at + 'Response'.length)}` === requestType;
}

function childText(node: XNode, local: string): string | undefined {
  return node.children.find((c) => c.local === local)?.text;
}

function errorFields(node: XNode): Pick<CommandResult, 'kind' | 'errorCode' | 'summary' | 'summaryEnglish' | 'detail'> {
  const summary = childText(node, 'summary');
  const summaryEnglish = childText(node, 'summaryEnglish');
  const detail = childText(node, 'detail');
  const codeText = childText(node, 'errorCode')?.trim();
  const fromSummary =
    /\[(Error|Warning|Info)\s+(\d+)\]/i.exec(summaryEnglish ?? summary ?? '') ?? /\[(Error|Warning|Info)\s+(\d+)\]/i.exec(summary ?? '');
  const errorCode = codeText && /^-?\d+$/.test(codeText) ? Number(codeText) : fromSummary ? Number(fromSummary[2]) : undefined;
  const typeAttr = (node.attrs.type ?? fromSummary?.[1] ?? 'Error').toLowerCase();
  const kind = typeAttr === 'warning' ? 'warning' : typeAttr === 'info' ? 'info' : 'error';
  return {
    kind,
    errorCode,
    summary: summary === undefined ? undefined : maskSecrets(summary),
    summaryEnglish: summaryEnglish === undefined ? undefined : maskSecrets(summaryEnglish),
    detail: detail === undefined ? undefined : maskSecrets(detail),
  };
}

/**
 * Decodes the children of a data response into plain values. Without the schema, an element that occurs once is
 * a single value and one that repeats is an array (a list with one item looks like a single value).
 */
export function decodeData(node: XNode): Record<string, unknown> {
  const counts = new Map<string, number>();
  for (const c of node.children) counts.set(c.local, (counts.get(c.local) ?? 0) + 1);
  const out: Record<string, unknown> = {};
  for (const c of node.children) {
    const value = decodeValue(c);
    if ((counts.get(c.local) ?? 0) > 1) ((out[c.local] ??= []) as unknown[]).push(value);
    else out[c.local] = value;
  }
  return out;
}

function decodeValue(node: XNode): unknown {
  if (isNil(node)) return null;
  if (node.table) return decodeTable(node);
  if (node.children.length === 0) return node.text;
  if (node.children.some((c) => c.local === 'colHeading')) return decodeTable(node);
  return decodeData(node);
}

function isNil(node: XNode): boolean {
  return Object.entries(node.attrs).some(([k, v]) => /(^|:)nil$/.test(k) && k !== 'nil' && v.trim() === 'true');
}

/** An OCI table: `<colHeading>` names, `<row><col>…</col></row>` cells; columns are found by heading, not position. */
function decodeTable(node: XNode): Record<string, string>[] {
  const t = node.table;
  if (t) {
    // Read as cells (core/xml compactTables): the same objects, without making the row and cell elements.
    const out: Record<string, string>[] = new Array(t.rows);
    for (let r = 0; r < t.rows; r++) {
      const start = t.rowStarts[r];
      const count = t.rowStarts[r + 1] - start;
      const obj: Record<string, string> = {};
      t.headings.forEach((h, i) => (obj[h] = i < count ? t.cells[start + i] : ''));
      out[r] = obj;
    }
    return out;
  }
  const headings = node.children.filter((c) => c.local === 'colHeading').map((c) => c.text);
  return node.children
    .filter((c) => c.local === 'row')
    .map((row) => {
      const cells = row.children.filter((c) => c.local === 'col');
      const obj: Record<string, string> = {};
      headings.forEach((h, i) => (obj[h] = cells[i]?.text ?? ''));
      return obj;
    });
}
