/**
 * Templates in the editor: an open command file with placeholders or a `# ocip-data:` line is checked with its
 * data (core/template/check), its own diagnostics published on it and the cells' on the CSV file, so opening the
 * CSV shows the underlined cell. The client also sends the CSV documents it opens (`**\/*.csv`): the CSV's text
 * then comes from the editor (unsaved edits included), and editing it re-checks the templates that use it: the
 * open ones, and the templates in the CSV's own folder whose `ocip-data` line names it (read from disk).
 * A hover on a CSV cell tells the row, the column, and the elements it feeds with their types.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MarkupKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkTemplate, rowNumber } from '../core/template/check';
import { decodeCsv, parseCsv, type CsvTable } from '../core/template/csv';
import { dataFileLine, findSlots } from '../core/template/placeholders';
import { readBoundedFile } from '../core/text/read-bounded';
import { FILE_LIMITS } from '../core/limits';
import { hover as describeAt } from '../core/authoring/hover';
import { parseSource } from '../core/syntax';
import { detectFormat } from '../core/syntax';
import type { ModelIndex } from '../core/model';
import type { Diagnostic } from '../core/checks/types';
import { convertText } from '../core/authoring/format-convert';
import { RENDER_TEMPLATE_REQUEST, type RenderTemplateParams, type RenderTemplateResult } from '../core/protocol/messages';
import type { FileFormat } from '../core/tree/types';
import type { Feature, ServerContext } from './context';
import type { DocumentState } from './documents';
import { shown, toLspDiagnostic } from './diagnostics';
import { offsetAt, toRange } from './positions';
import { toCheckOptions } from './settings';

export const isCsvUri = (uri: string): boolean => /\.csv$/i.test(uri);

/** What each template contributed to each CSV's diagnostics: csv uri → template uri → diagnostics. */
const contributions = new Map<string, Map<string, LspDiagnostic[]>>();
/** The data file each open template uses: template uri → csv uri. */
const dataOf = new Map<string, string>();

/**
 * The data file named by a template (`# ocip-data:`, relative to it), as a URI of the template's scheme; undefined
 * without one. A file: template gives a file: URI (read from disk when not open); a template of a virtual
 * workspace (vscode-vfs, VS Code for the Web) gives the sibling URI of its scheme, found among the open documents.
 */
export function dataUri(templateUri: string, text: string): string | undefined {
  const line = dataFileLine(text);
  if (!line) return undefined;
  try {
    if (templateUri.startsWith('file:')) return pathToFileURL(join(dirname(fileURLToPath(templateUri)), line.path)).href;
    // Hierarchical URIs only (untitled:Untitled-1 has no folder to be relative to).
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(templateUri)) return undefined;
    return new URL(line.path.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/'), templateUri).href;
  } catch {
    return undefined;
  }
}

/**
 * The data file's URI as the editor spells it when it is open: a virtual workspace's URIs may encode a name
 * differently from ours (`(`, `'`), and the open document's URI is the key its diagnostics are published under.
 */
function asOpened(ctx: ServerContext, uri: string | undefined): string | undefined {
  if (!uri || uri.startsWith('file:') || ctx.documents.get(uri)) return uri;
  const wanted = safeDecode(uri);
  return ctx.documents.all().find((d) => isCsvUri(d.uri) && safeDecode(d.uri) === wanted)?.uri ?? uri;
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/**
 * A template's data: the CSV's URI (as opened in the editor when it is) and its text; `error` when the template
 * names a data file that cannot be read. The one lookup of the checks, the preview and Send All Rows.
 */
export function templateData(ctx: ServerContext, templateUri: string, text: string): { csvUri?: string; csv?: string; error?: string } {
  const csvUri = asOpened(ctx, dataUri(templateUri, text));
  if (!csvUri) return {};
  const csv = csvText(ctx, csvUri);
  if (csv !== undefined) return { csvUri, csv };
  return { csvUri, error: unreadable(csvUri, dataFileLine(text)?.path ?? safeDecode(csvUri.slice(csvUri.lastIndexOf('/') + 1))) };
}

/** Why the data file cannot be read, for the template's diagnostic and the preview. */
function unreadable(csvUri: string, path: string): string {
  return csvUri.startsWith('file:')
    ? `Cannot read the data file '${path}'.`
    : `Cannot read the data file '${path}' here: in a virtual or web workspace, open it in an editor and the template is checked with it.`;
}

/** The CSV text: the editor's when it is open there, else the file's (UTF-8 or ISO-8859-1); undefined when unreadable. */
function csvText(ctx: ServerContext, uri: string): string | undefined {
  const open = ctx.documents.get(uri);
  if (open) return open.getText();
  // Only file: URIs can be read from here (the web worker has no disk; virtual workspaces are the editor's).
  if (!uri.startsWith('file:')) return undefined;
  try {
    return decodeCsv(readBoundedFile(fileURLToPath(uri), FILE_LIMITS.commandFileBytes)).text;
  } catch {
    return undefined;
  }
}

async function publishCsv(ctx: ServerContext, csvUri: string): Promise<void> {
  const all = [...(contributions.get(csvUri)?.values() ?? [])].flat();
  await ctx.connection.sendDiagnostics({ uri: csvUri, diagnostics: all });
}

async function contribute(
  ctx: ServerContext,
  templateUri: string,
  csvUri: string | undefined,
  diagnostics: LspDiagnostic[],
): Promise<void> {
  const previous = dataOf.get(templateUri);
  if (previous && previous !== csvUri) {
    contributions.get(previous)?.delete(templateUri);
    await publishCsv(ctx, previous);
  }
  if (csvUri) {
    dataOf.set(templateUri, csvUri);
    const map = contributions.get(csvUri) ?? new Map<string, LspDiagnostic[]>();
    map.set(templateUri, diagnostics);
    contributions.set(csvUri, map);
    await publishCsv(ctx, csvUri);
  } else dataOf.delete(templateUri);
}

interface TemplateResult {
  template: Diagnostic[];
  csvUri?: string;
  csvDoc?: TextDocument;
  data: Diagnostic[];
}

/** Checks a template with its data and variables (settings ocip.variables). */
function checkWithData(
  ctx: ServerContext,
  uri: string,
  text: string,
  format: FileFormat,
  state: Pick<DocumentState, 'settings' | 'model'>,
): TemplateResult {
  const { csvUri, csv, error } = templateData(ctx, uri, text);
  const table = csv === undefined ? undefined : parseCsv(csv);
  const variables = new Map(Object.entries(state.settings.variables ?? {}));
  const check = checkTemplate({ text, format, table, variables, model: state.model, options: toCheckOptions(state.settings) });
  // An unreadable data file: its columns are unknown, so its placeholders are not "missing" (one error says why).
  const template = error ? check.template.filter((d) => d.code !== 'OCI-DATA-COLUMN-MISSING') : [...check.template];
  const line = dataFileLine(text);
  if (error && line) template.push({ code: 'OCI-DATA-CSV', kind: 'syntax', severity: 'error', message: error, span: line.span });
  return {
    template,
    csvUri: csv === undefined ? undefined : csvUri,
    csvDoc: csv === undefined ? undefined : TextDocument.create(csvUri!, 'csv', 0, csv),
    data: check.data,
  };
}

function lsp(doc: TextDocument, found: Diagnostic[], state: Pick<DocumentState, 'settings'>): LspDiagnostic[] {
  return shown(found, state.settings).map((d) => toLspDiagnostic(doc, d));
}

/** Publishes an open template's diagnostics and its data's; called by ./validation instead of the plain file's. */
export async function publishTemplate(ctx: ServerContext, doc: TextDocument, state: DocumentState): Promise<void> {
  const result = checkWithData(ctx, doc.uri, doc.getText(), state.format, state);
  await ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: lsp(doc, result.template, state) });
  await contribute(ctx, doc.uri, result.csvUri, result.csvDoc ? lsp(result.csvDoc, result.data, state) : []);
}

/** The document is no longer a template (or was never one): whatever it contributed to a CSV goes. */
export async function notTemplate(ctx: ServerContext, uri: string): Promise<void> {
  if (dataOf.has(uri)) await contribute(ctx, uri, undefined, []);
}

/** A template closed: its cells' diagnostics go, unless the CSV's folder holds it (then it is re-checked from disk). */
async function templateClosed(ctx: ServerContext, uri: string): Promise<void> {
  const csvUri = dataOf.get(uri);
  if (!csvUri) return;
  contributions.get(csvUri)?.delete(uri);
  dataOf.delete(uri);
  if (ctx.documents.get(csvUri)) await recheckFor(ctx, csvUri);
  else await publishCsv(ctx, csvUri);
}

/** Templates on disk in the CSV's folder whose `ocip-data` line names it (at most 200 files looked at). */
function templatesOnDisk(csvUri: string): { uri: string; text: string; format: FileFormat }[] {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(csvUri));
  } catch {
    return [];
  }
  const out: { uri: string; text: string; format: FileFormat }[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ocip\.(ya?ml|xml)$/i.test(n))
      .slice(0, 200);
  } catch {
    return [];
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const text = decodeCsv(readBoundedFile(path, FILE_LIMITS.commandFileBytes)).text;
      const uri = pathToFileURL(path).href;
      const format = detectFormat(name, text);
      if (format && dataUri(uri, text) === csvUri) out.push({ uri, text, format });
    } catch {
      // unreadable: not a template of this CSV
    }
  }
  return out;
}

/**
 * A CSV opened, edited or closed: re-check the open templates using it, else (not on close) those of its folder on
 * disk. An open template names it when it last used it, or by its `ocip-data` line (a template of a virtual
 * workspace checked before its CSV was opened had no data then).
 */
async function recheckFor(ctx: ServerContext, csvUri: string, closed = false): Promise<void> {
  const open = ctx.documents
    .all()
    .filter(
      (d) => !isCsvUri(d.uri) && (dataOf.get(d.uri) === csvUri || (!closed && asOpened(ctx, dataUri(d.uri, d.getText())) === csvUri)),
    );
  for (const doc of open) {
    const state = await ctx.stateFor(doc.uri);
    if (state) await publishTemplate(ctx, doc, state);
  }
  if (open.length || closed) return;
  for (const t of templatesOnDisk(csvUri)) {
    if (ctx.documents.get(t.uri)) continue;
    const settings = await ctx.settings.get(t.uri);
    const model = ctx.models.get(settings.schemaDirectory).model;
    const result = checkWithData(ctx, t.uri, t.text, t.format, { settings, model });
    await contribute(ctx, t.uri, result.csvUri, result.csvDoc ? lsp(result.csvDoc, result.data, { settings }) : []);
  }
}

/** Markdown for a hover on a CSV cell: row, column, and what the column feeds in each template that uses it. */
async function csvHover(
  ctx: ServerContext,
  csvDoc: TextDocument,
  offset: number,
): Promise<{ markdown: string; span: { start: number; end: number } } | undefined> {
  const table: CsvTable = parseCsv(csvDoc.getText());
  if (!table.header) return undefined;
  const inRow = (r: { span: { start: number; end: number } }) => r.span.start <= offset && offset <= r.span.end;
  const rowIndex = table.rows.findIndex(inRow);
  const record = rowIndex >= 0 ? table.rows[rowIndex] : inRow(table.header) ? table.header : undefined;
  if (!record) return undefined;
  const column = record.cells.findIndex((c) => c.span.start <= offset && offset <= c.span.end);
  if (column < 0) return undefined;
  const name = table.header.cells[column]?.text;
  const lines: string[] = [rowIndex >= 0 ? `**Row ${rowNumber(rowIndex)}**, column \`${name ?? `#${column + 1}`}\`` : `Column \`${name}\``];
  const templates = [
    ...ctx.documents
      .all()
      .filter((d) => !isCsvUri(d.uri) && dataOf.get(d.uri) === csvDoc.uri)
      .map((d) => ({
        uri: d.uri,
        text: d.getText(),
        format: detectFormat(d.uri, d.getText()) ?? (d.languageId === 'ocip-xml' ? 'xml' : 'yaml'),
      })),
    ...templatesOnDisk(csvDoc.uri).filter((t) => !ctx.documents.get(t.uri)),
  ];
  let feeds = 0;
  for (const t of templates) {
    const model: ModelIndex = ctx.models.get((await ctx.settings.get(t.uri)).schemaDirectory).model;
    const file = parseSource(t.text, t.format as FileFormat);
    for (const slot of findSlots(t.text, file).slots) {
      const p = slot.placeholders.find((x) => x.name === name);
      if (!p) continue;
      feeds++;
      const command = file.commands.find((c) => c.index === slot.command);
      const described = describeAt(t.text, slot.span.start, t.format as FileFormat, command, model);
      const type = described?.markdown.split('\n').find((l) => l.trim() !== '') ?? '';
      lines.push(`- feeds \`${slot.path.join(' › ')}\` in ${t.uri.slice(t.uri.lastIndexOf('/') + 1)}${type ? `: ${type}` : ''}`);
    }
  }
  if (name !== undefined && feeds === 0) lines.push('No open template (nor one in this folder) uses this column.');
  return { markdown: lines.join('\n\n'), span: record.cells[column].span };
}

/** ocip/renderTemplate: the rendered rows of an open template, in either format, for the side editor. */
async function renderRequest(ctx: ServerContext, params: RenderTemplateParams): Promise<RenderTemplateResult> {
  const state = await ctx.stateFor(params.uri);
  const doc = ctx.documents.get(params.uri);
  if (!state || !doc) return { error: 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).' };
  const text = doc.getText();
  const { csv, error } = templateData(ctx, doc.uri, text);
  if (error) return { error };
  const table = csv === undefined ? undefined : parseCsv(csv);
  const count = table?.rows.length ?? 1;
  if (params.row !== undefined && (!table || params.row < 2 || params.row > count + 1))
    return {
      error: table
        ? `Row ${params.row} is not a data row: the data rows are 2 to ${count + 1} (row 1 is the header).`
        : 'This template has no data file.',
    };
  const check = checkTemplate({
    text,
    format: state.format,
    table,
    variables: new Map(Object.entries(state.settings.variables ?? {})),
    model: state.model,
    options: toCheckOptions(state.settings),
    renderOnly: true,
    rows: params.row === undefined ? undefined : [params.row - 2],
  });
  if (!check.rendered) return { error: check.template.find((d) => d.severity === 'error')?.message ?? 'The template cannot be rendered.' };
  let rendered = check.rendered.text;
  if (params.to !== state.format) {
    const converted = convertText(rendered, state.format, params.to, state.model);
    if (!converted.ok) return { error: converted.error };
    rendered = converted.text;
  }
  return { text: rendered, languageId: params.to === 'xml' ? 'ocip-xml' : 'ocip-yaml', rows: check.rendered.rows.length };
}

export const templates: Feature = (ctx) => {
  ctx.connection.onRequest(RENDER_TEMPLATE_REQUEST, (params: RenderTemplateParams) => renderRequest(ctx, params));
  ctx.documents.onDidOpen((e) => {
    if (isCsvUri(e.document.uri)) void recheckFor(ctx, e.document.uri);
  });
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  ctx.documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (!isCsvUri(uri)) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void recheckFor(ctx, uri);
      }, 200),
    );
  });
  ctx.documents.onDidClose((e) => {
    // A closed CSV: its open templates use the file on disk again (or, in a virtual workspace, no data).
    if (isCsvUri(e.document.uri)) void recheckFor(ctx, e.document.uri, true);
    else void templateClosed(ctx, e.document.uri);
  });
};

/** Hover on a CSV cell (./hover delegates here for CSV documents). */
export async function hoverCsv(ctx: ServerContext, uri: string, position: { line: number; character: number }) {
  const doc = ctx.documents.get(uri);
  if (!doc) return null;
  const result = await csvHover(ctx, doc, offsetAt(doc, position));
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(doc, result.span) };
}
