/**
 * Diagnostics: debounced after edits (ocip.diagnostics.debounceMs), immediate on open, re-run for every
 * open document when settings or the schema change.
 * The checking runs in slices of SLICE_MS with the event loop free in between (setImmediate), so requests
 * (completion, hover, ...) are answered during the first validation of a huge file; a newer version of the
 * document (or new settings, or closing it) abandons the older run, whose finished work is reused anyway.
 */
import { TextDocumentSyncKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Feature, ServerContext } from './context';
import { shownOf } from './diagnostics';
import { isTemplateDocument } from './piece-document';
import { notTemplate, publishTemplate } from './templates';

export const validation: Feature = (ctx) => {
  ctx.documents.onDidOpen((e) => schedule(ctx, e.document, 0));
  ctx.documents.onDidChangeContent((e) => schedule(ctx, e.document, undefined));
  ctx.documents.onDidClose((e) => {
    ctx.states.remove(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  ctx.connection.onDidChangeConfiguration(async () => {
    // Nothing changed (the notification the client sends at start-up): the documents keep their analyses.
    if (!(await ctx.settings.refresh())) return;
    ctx.connection.console.info(`Settings changed: re-checking ${ctx.documents.all().length} open document(s).`);
    ctx.models.clear();
    for (const doc of ctx.documents.all()) schedule(ctx, doc, 0);
  });
};

async function schedule(ctx: ServerContext, doc: TextDocument, delay: number | undefined): Promise<void> {
  const st = await ctx.stateFor(doc.uri);
  if (!st) return;
  if (st.timer) clearTimeout(st.timer);
  const wait = delay ?? st.settings.diagnostics.debounceMs;
  const run = () => {
    st.timer = undefined;
    const current = ctx.documents.get(doc.uri);
    if (current) publish(ctx, current);
  };
  if (wait <= 0) run();
  else st.timer = setTimeout(run, wait);
}

/** How long one slice of checking may hold the event loop. */
export const SLICE_MS = 10;

/**
 * Event-loop turns left to others between two slices. vscode-jsonrpc moves a request through several
 * setImmediate hops (read the message, dispatch it, write the reply); yielding a single turn let only one hop
 * through per slice, so a hover during a long validation waited ~5 slices (~90 ms at 10,000 commands). An idle
 * turn costs microseconds.
 */
const TURNS_BETWEEN_SLICES = 8;

/**
 * Progressive publication: a file of at least PROGRESSIVE_MIN_UNITS documents (YAML) or commands (XML) whose first
 * validation is still running after PROGRESS_FIRST_MS shows the diagnostics found so far, then again every
 * PROGRESS_EVERY_MS, so a large migration file gets its first diagnostics within a second. Smaller files get exactly
 * one publication per version, as before (clients and tests wait for the one with the document's version).
 */
export const PROGRESSIVE_MIN_UNITS = 20000;
/**
 * 30, not 150: at 50,000 commands (46 MB) the didOpen message takes ~0.5 s for the client to serialise and ~0.8 s
 * from its first byte to the parsed message here (./message-reader; bench/read-path.ts) before anything can be
 * shown, so what follows must be short. A progressive publication
 * converts only the checked prefix's positions (./positions), so publishing early costs little; it holds the
 * diagnostics of the documents checked in those 30 ms, and the rest follow every PROGRESS_EVERY_MS.
 */
const PROGRESS_FIRST_MS = 30;
const PROGRESS_EVERY_MS = 1000;

async function yieldToEventLoop(): Promise<void> {
  for (let i = 0; i < TURNS_BETWEEN_SLICES; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function publish(ctx: ServerContext, doc: TextDocument): Promise<void> {
  const found = await ctx.analysisFor(doc.uri);
  if (!found) return;
  const { analysis, state } = found;
  // Opening a document fires both didOpen and didChangeContent: one run per analysis is enough.
  if (state.publishing === analysis) return;
  state.publishing = analysis;
  // A template is checked with its data, row by row (./templates): its own text is not a command file.
  if (isTemplateDocument(found.doc)) return publishTemplate(ctx, found.doc, state);
  await notTemplate(ctx, doc.uri);
  const version = found.doc.version;
  const superseded = () =>
    ctx.states.get(doc.uri) !== state || state.analysis !== analysis || ctx.documents.get(doc.uri)?.version !== version;
  const progressive = analysis.size >= PROGRESSIVE_MIN_UNITS;
  // Requests read with the didOpen (a hover sent right after it) waited on the same analysis: let them run
  // before the first slice, not after it.
  await yieldToEventLoop();
  if (superseded()) return;
  let nextProgress = performance.now() + PROGRESS_FIRST_MS;
  while (!analysis.advance(SLICE_MS)) {
    if (progressive && performance.now() >= nextProgress) {
      await ctx.connection.sendDiagnostics({
        uri: doc.uri,
        version,
        diagnostics: state.converted.convert(found.doc, shownOf(analysis, state.settings, true)),
      });
      nextProgress = performance.now() + PROGRESS_EVERY_MS;
    }
    await yieldToEventLoop();
    if (superseded()) return;
  }
  if (superseded()) return;
  const listed = shownOf(analysis, state.settings);
  // Whether the light bulb offers "fix all" (./code-actions), known without listing every fix.
  state.fixable = { version, any: listed.some((d) => d.fix) };
  await ctx.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: state.converted.convert(found.doc, listed) });
}

export const SYNC_KIND = TextDocumentSyncKind.Incremental;
