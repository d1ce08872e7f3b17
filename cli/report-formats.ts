/** `ocip validate` output: compiler-style text, JSON with LSP-style ranges, or SARIF 2.1.0 for code scanning. */
import { ruleDocLink } from '../core/checks/severity-overrides';
import type { Diagnostic } from '../core/checks/types';
import { RULES, RULES_BY_CODE } from '../core/checks/registry';
import { LineIndex } from '../core/text/line-index';

export interface FileReport {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  /** Counts over every diagnostic of the file, when `diagnostics` lists only the first ones (CLI_LIMITS). */
  totals?: { errors: number; warnings: number };
}

function rangeOf(lines: LineIndex, d: Diagnostic) {
  return { start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end) };
}

export function formatText(reports: FileReport[]): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    for (const d of r.diagnostics) {
      const { start } = rangeOf(lines, d);
      out.push(`${r.file}:${start.line + 1}:${start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
      if (r.totals) continue;
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
    }
    if (r.totals) {
      errors += r.totals.errors;
      warnings += r.totals.warnings;
    }
  }
  out.push(
    `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  return out.join('\n') + '\n';
}

export function formatJson(reports: FileReport[]): string {
  return (
    JSON.stringify(
      reports.map((r) => {
        const lines = new LineIndex(r.text);
        return {
          file: r.file,
          diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, range: rangeOf(lines, d) })),
        };
      }),
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(reports: FileReport[], toolVersion: string): string {
  const used = new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)));
  const rules = RULES.filter((r) => used.has(r.code)).map((r) => ({
    id: r.code,
    shortDescription: { text: r.title },
    fullDescription: { text: r.source },
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    helpUri: ruleDocLink(r.code),
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) => {
    const lines = new LineIndex(r.text);
    return r.diagnostics.map((d) => {
      const { start, end } = rangeOf(lines, d);
      return {
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: SARIF_LEVEL[d.severity] ?? SARIF_LEVEL[RULES_BY_CODE.get(d.code)?.severity ?? 'error'],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.file.replace(/\\/g, '/') },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    });
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ocip', version: toolVersion, informationUri: 'https://github.com/ocip-tools/ocip-vscode', rules } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
