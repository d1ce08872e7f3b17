/**
 * The text of the "OCI-P Results" view: a readable table per command, error details, then the raw XML
 * (request masked, response as received and masked). Pure (no vscode), so it is unit-tested.
 */
import { maskSecrets } from '../../core/ocip';
import { renderResponseTree } from '../../core/ocip/response-data';
import {
  outcomeText,
  summarizeResults,
  summaryText,
  serverAddress,
  type PreparedCommand,
  type SendResultRow,
  type ServerConfig,
  type HistoryEntry,
} from '../../core/send';

export interface ResultsView {
  time: Date;
  server: Pick<ServerConfig, 'name' | 'transport' | 'host' | 'port' | 'soapUrl' | 'username'>;
  fileLabel: string;
  /** Why nothing was sent (connection / login failure, cancel). */
  failure?: string;
  loginType?: string;
  rows: SendResultRow[];
  commands: PreparedCommand[];
}

const STATUS: Record<SendResultRow['kind'], string> = {
  success: 'OK',
  data: 'OK',
  info: 'INFO',
  warning: 'WARNING',
  error: 'FAILED',
  unknown: 'UNKNOWN',
  'not-sent': 'NOT SENT',
};

export function renderResults(v: ResultsView): string {
  const out: string[] = ['OCI-P Results', '============', ''];
  out.push(`File:    ${v.fileLabel}`);
  out.push(`Server:  ${v.server.name} (${serverAddress(v.server)}) as ${v.server.username}${v.loginType ? ` [${v.loginType}]` : ''}`);
  out.push(`Time:    ${v.time.toISOString()}`);
  if (v.failure) {
    out.push('', `NOT SENT: ${v.failure}`, '');
    return out.join('\n');
  }
  out.push(`Outcome: ${summaryText(summarizeResults(v.rows))}`, '');
  out.push(...table(v.rows));
  const failures = v.rows.filter((r) => r.kind !== 'success' && r.kind !== 'data');
  if (failures.length) {
    out.push('', 'Details', '-------');
    for (const r of failures) {
      out.push(`#${r.index + 1} ${r.type}${r.userId ? ` ${r.userId}` : ''}`);
      out.push(`  result:  ${STATUS[r.kind]}`);
      if (r.errorCode !== undefined) out.push(`  code:    ${r.errorCode}`);
      if (r.summary) out.push(`  summary: ${r.summary}`);
      if (r.detail?.trim()) out.push(`  detail:  ${r.detail.trim().replace(/\n/g, '\n           ')}`);
    }
  }
  const data = v.rows.filter((r) => r.kind === 'data' && (r.response !== undefined || r.data !== undefined));
  if (data.length) {
    out.push('', 'Data', '----');
    // Tables as columns under their headings, nested data as an indented tree; the raw XML is in the last section.
    for (const r of data) {
      out.push(`${dataHeading(r)}`, indent(r.response ? renderResponseTree(r.response).join('\n') : JSON.stringify(r.data, null, 2)), '');
    }
  }
  out.push('', 'Raw XML', '-------');
  const byIndex = new Map(v.commands.map((c) => [c.index, c]));
  for (const r of v.rows) {
    out.push(`#${r.index + 1} ${r.type} request:`, indent(maskSecrets(byIndex.get(r.index)?.xml ?? '')));
    out.push(`#${r.index + 1} response:`, indent(r.rawXml ? maskSecrets(r.rawXml) : '(none)'), '');
  }
  return out.join('\n');
}

/** `#3 UserGetListInGroupResponse (UserGetListInGroupRequest)`: the line a "Raw XML" CodeLens sits on. */
export function dataHeading(r: Pick<SendResultRow, 'index' | 'type' | 'responseType'>): string {
  return `#${r.index + 1} ${r.responseType ?? r.type} (${r.type})`;
}

/** Matches a dataHeading line; group 1 is the 1-based command number. */
export const DATA_HEADING = /^#(\d+) \S+ \(\S+\)$/;

/** The same view for a history entry (no raw XML is kept in the history). */
export function renderHistoryEntry(e: HistoryEntry): string {
  const out = ['OCI-P Results (from history)', '============================', ''];
  out.push(`File:    ${e.file}`, `Server:  ${e.server.name} (${e.server.address}) as ${e.server.username}`, `Time:    ${e.time}`);
  if (e.failure) return [...out, '', `NOT SENT: ${e.failure}`, ''].join('\n');
  out.push(`Outcome: ${summaryText(e.summary)}`, '');
  out.push(...table(e.results.map((r) => ({ ...r, rawXml: '' }))));
  return out.join('\n') + '\n';
}

function table(rows: Pick<SendResultRow, 'index' | 'type' | 'userId' | 'kind' | 'errorCode' | 'summary' | 'responseType'>[]): string[] {
  const cells = rows.map((r) => [
    `${r.index + 1}`,
    r.type,
    r.userId ?? '',
    STATUS[r.kind],
    r.kind === 'success' || r.kind === 'data' ? '' : outcomeText(r),
  ]);
  const head = ['#', 'Command', 'User id', 'Result', 'Error'];
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i])))
      .join(' | ')
      .replace(/[\s|]+$/, '');
  return [line(head), widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? Math.max(5, w) : w)).join('-|-'), ...cells.map(line)];
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** The raw XML of command #number (1-based) of a view: its request (masked) and its response as received (masked). */
export function rawXmlText(v: Pick<ResultsView, 'rows' | 'commands'>, number: number): string | undefined {
  const r = v.rows.find((x) => x.index + 1 === number);
  if (!r) return undefined;
  const request = v.commands.find((c) => c.index === r.index)?.xml ?? '';
  return [
    `<!-- #${number} ${r.type}: the request as sent (secrets masked) -->`,
    maskSecrets(request),
    `<!-- #${number} the response${r.responseType ? ` (${r.responseType})` : ''} as received (secrets masked) -->`,
    r.rawXml ? maskSecrets(r.rawXml) : '<!-- none -->',
    '',
  ].join('\n');
}
