/**
 * ocip/prepareTemplateSend: "Send All Rows" of an open template. The server renders the chosen rows with the data
 * file (the editor's text when the CSV is open) and ocip.variables, checks them exactly as the editor's diagnostics
 * do (core/template/check), and encodes the rendered commands; the extension host only sends what it gets.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareChecked } from '../core/send/prepare';
import { checkTemplate } from '../core/template/check';
import { parseCsv } from '../core/template/csv';
import { keyColumns } from '../core/template/row-results';
import { parseSource } from '../core/syntax';
import type { Diagnostic } from '../core/checks/types';
import { PREPARE_TEMPLATE_SEND_REQUEST, type PrepareTemplateSendParams, type PrepareTemplateSendResult } from '../core/protocol/messages';
import type { Feature, ServerContext } from './context';
import { toRange } from './positions';
import { toCheckOptions } from './settings';
import { templateData } from './templates';

const NOT_OCIP = 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).';

async function prepareTemplateSend(ctx: ServerContext, params: PrepareTemplateSendParams): Promise<PrepareTemplateSendResult> {
  const state = await ctx.stateFor(params.uri);
  const doc = ctx.documents.get(params.uri);
  if (!state || !doc) return { error: NOT_OCIP };
  const text = doc.getText();
  const { csvUri, csv, error } = templateData(ctx, doc.uri, text);
  if (error) return { error };
  const table = csv === undefined ? undefined : parseCsv(csv);
  const count = table?.rows.length ?? 0;
  let rows: number[] | undefined;
  if (Array.isArray(params.rows)) {
    if (!table) return { error: 'This template has no data file: it has no rows to choose.' };
    const bad = params.rows.find((r) => !Number.isInteger(r) || r < 2 || r > count + 1);
    if (bad !== undefined) return { error: `Row ${bad} is not a data row: the data rows are 2 to ${count + 1} (row 1 is the header).` };
    rows = [...new Set(params.rows)].sort((a, b) => a - b).map((r) => r - 2);
  }
  const check = checkTemplate({
    text,
    format: state.format,
    table,
    variables: new Map(Object.entries(state.settings.variables ?? {})),
    model: state.model,
    options: toCheckOptions(state.settings),
    rows,
  });
  const csvDoc = csvUri && csv !== undefined ? TextDocument.create(csvUri, 'csv', 0, csv) : undefined;
  const toErrors = (d: TextDocument, found: Diagnostic[]) =>
    found.filter((x) => x.severity === 'error').map((x) => ({ uri: d.uri, code: x.code, message: x.message, range: toRange(d, x.span) }));
  const errors = [...toErrors(doc, check.template), ...(csvDoc ? toErrors(csvDoc, check.data) : [])];
  const base = { version: doc.version, format: state.format, dataUri: csv === undefined ? undefined : csvUri };
  if (!check.rendered || !check.input || errors.length)
    return {
      ...base,
      keys: [],
      commands: [],
      rows: [],
      errors: errors.length
        ? errors
        : [
            {
              uri: doc.uri,
              code: 'OCI-TEMPLATE-NOT-RENDERED',
              message: 'The template cannot be rendered: no data file, or nothing to render.',
              range: toRange(doc, { start: 0, end: 0 }),
            },
          ],
    };
  // The rendered rows carry no error (each would have been mapped to the template or a cell above): encode them.
  const prepared = prepareChecked(parseSource(check.rendered.text, state.format), [], state.model);
  if (prepared.errors.length)
    return {
      ...base,
      keys: [],
      commands: [],
      rows: [],
      errors: prepared.errors.map((e) => ({ uri: doc.uri, code: e.code, message: e.message, range: toRange(doc, { start: 0, end: 0 }) })),
    };
  const keys = keyColumns(check.input.slots, table);
  const keyIndexes = keys.map((k) => table?.header?.cells.findIndex((c) => c.text === k) ?? -1);
  const rendered = check.rendered.rows;
  const perRow = rendered.length ? prepared.commands.length / rendered.length : 0;
  return {
    ...base,
    keys,
    commands: prepared.commands,
    rows: rendered.map((r, i) => ({
      row: r.row >= 0 ? r.row + 2 : 0,
      dataIndex: r.row,
      keys: keyIndexes.map((c) => (r.row >= 0 && c >= 0 ? (table?.rows[r.row]?.cells[c]?.text ?? '') : '')),
      commands: Array.from({ length: perRow }, (_, k) => i * perRow + k),
    })),
    errors: [],
  };
}

export const templateSendRequest: Feature = (ctx) => {
  ctx.connection.onRequest(PREPARE_TEMPLATE_SEND_REQUEST, (params: PrepareTemplateSendParams) => prepareTemplateSend(ctx, params));
};
