/** What every server feature (diagnostics, completion, hover, actions, ...) gets to work with. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analysis/analyzer';
import type { DocumentState, DocumentStates } from './documents';
import type { SettingsCache } from './settings';
import type { Models } from './models';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  states: DocumentStates;
  settings: SettingsCache;
  models: Models;
  /** What the client said it supports (set on initialize). */
  client: { codeActionResolve: boolean };
  /** State of an open OCI-P document, created (settings read, model chosen) if needed; undefined for other files. */
  stateFor(uri: string): Promise<DocumentState | undefined>;
  /** The up-to-date analysis of an open OCI-P document, with its text document. */
  analysisFor(uri: string): Promise<{ doc: TextDocument; state: DocumentState; analysis: Analysis } | undefined>;
}

/** A feature module registers its handlers on the connection. */
export type Feature = (ctx: ServerContext) => void;
