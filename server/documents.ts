/**
 * The server's open OCI-P documents: each keeps a DocumentAnalyzer (incremental per command) and the
 * latest analysis. Diagnostics are debounced; requests (completion, hover, ...) call `current()`, which
 * gives the analysis of the current version at once: it is lazy (the tree and the diagnostics are
 * computed when first read, reusing every unchanged command), so requests never wait for a debounce timer
 * nor for the sliced validation of a huge file (see ./validation).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyzer, type Analysis } from '../core/analysis/analyzer';
import { detectFormat } from '../core/syntax';
import type { FileFormat } from '../core/tree/types';
import type { ModelIndex } from '../core/model';
import type { OcipSettings } from '../core/protocol/messages';
import { toCheckOptions } from './settings';
import { textOf } from './piece-document';
import { ConvertedDiagnostics } from './converted-diagnostics';

export interface DocumentState {
  uri: string;
  format: FileFormat;
  analyzer: DocumentAnalyzer;
  settings: OcipSettings;
  model: ModelIndex;
  analysis?: Analysis;
  analyzedVersion?: number;
  /** The analysis whose diagnostics are being (or were) published: didOpen also fires didChangeContent. */
  publishing?: Analysis;
  timer?: ReturnType<typeof setTimeout>;
  /** Whether the diagnostics published for `version` include one with a fix (what "fix all" would change). */
  fixable?: { version: number; any: boolean };
  /** The last publication's LSP diagnostics, reused where the text before them did not change. */
  converted: ConvertedDiagnostics;
}

export function formatOf(doc: TextDocument): FileFormat | undefined {
  if (doc.languageId === 'ocip-yaml') return 'yaml';
  if (doc.languageId === 'ocip-xml') return 'xml';
  return detectFormat(doc.uri, doc.getText());
}

export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  get(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  all(): DocumentState[] {
    return [...this.states.values()];
  }

  /** Create or reconfigure the state of a document for the given settings and model. */
  prepare(doc: TextDocument, format: FileFormat, settings: OcipSettings, model: ModelIndex): DocumentState {
    let st = this.states.get(doc.uri);
    if (!st || st.format !== format) {
      st = {
        uri: doc.uri,
        format,
        settings,
        model,
        analyzer: new DocumentAnalyzer(format, model, toCheckOptions(settings)),
        converted: new ConvertedDiagnostics(),
      };
      this.states.set(doc.uri, st);
    } else if (st.settings !== settings || st.model !== model) {
      st.settings = settings;
      st.model = model;
      st.analyzer.configure(model, toCheckOptions(settings));
      st.analyzedVersion = undefined;
    }
    return st;
  }

  /** The (lazy) analysis of the document's current text; the same object until the next version. */
  current(st: DocumentState, doc: TextDocument): Analysis {
    if (!st.analysis || st.analyzedVersion !== doc.version) {
      st.analysis = st.analyzer.begin(textOf(doc) ?? doc.getText());
      st.analyzedVersion = doc.version;
    }
    return st.analysis;
  }

  remove(uri: string): void {
    const st = this.states.get(uri);
    if (st?.timer) clearTimeout(st.timer);
    this.states.delete(uri);
  }
}
