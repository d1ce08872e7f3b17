/**
 * Typed custom messages between the extension client and the language server (method names and payloads),
 * shared by both sides like vscode-eslint's shared module. Plain types only: each side wraps them in its
 * own library's RequestType.
 */

import type { SeverityOverrides } from '../checks/severity-overrides';

/** Settings section read per resource by the server; see package.json contributes.configuration. */
export const SETTINGS_SECTION = 'ocip';

export interface OcipSettings {
  dataMode: 'AS' | 'XS';
  adminLevel: 'System' | 'Provisioning' | 'Reseller' | 'Service Provider' | 'Group' | 'Group Department';
  externalAuthentication: boolean;
  servicePacks: Record<string, string[]>;
  newUserTemplateServices: string[] | null;
  schemaDirectory: string;
  diagnostics: { debounceMs: number; severity: SeverityOverrides };
  /** batchSize: commands per document; sessions: sessions in parallel for a template's rows (Send All Rows). */
  send: { batchSize: number; sessions: number };
  /** ocip.variables: values for template placeholders (${name}) that depend on the environment. */
  variables: Record<string, string>;
}

export const DEFAULT_SETTINGS: OcipSettings = {
  dataMode: 'AS',
  adminLevel: 'System',
  externalAuthentication: false,
  servicePacks: {},
  newUserTemplateServices: null,
  schemaDirectory: '',
  diagnostics: { debounceMs: 200, severity: {} },
  send: { batchSize: 15, sessions: 1 },
  variables: {},
};

/** initializationOptions the client passes to the server. */
export interface InitializationOptions {
  /** Folder where the server may cache compiled schemas. */
  storagePath?: string;
}

/** Request: the analysis of a document as the server sees it (for send, preview, conversion). */
export const ANALYZE_REQUEST = 'ocip/analyze';
export interface AnalyzeParams {
  uri: string;
}
export interface AnalyzeResult {
  format: 'yaml' | 'xml';
  errors: number;
  warnings: number;
  commands: { index: number; name: string | null; line: number; errors: number }[];
}

/** Notification from the server: the model in use changed (built-in or a schema folder), for the status bar. */
export const MODEL_STATUS_NOTIFICATION = 'ocip/modelStatus';
export interface ModelStatus {
  /** The document this model checks. */
  uri: string;
  source: 'builtin' | 'schemaDirectory';
  release: string;
  commands: number;
  /** Set when the configured schema folder could not be used. */
  error?: string;
}

/** Request: the document converted to the other format (commands "OCI-P: Convert to XML/YAML"); see core/authoring/format-convert. */
export const CONVERT_REQUEST = 'ocip/convert';
export interface ConvertParams {
  uri: string;
  to: 'xml' | 'yaml';
}
/** `text` and the language id to open it with, or `error` (syntax errors, with line and column) when the file cannot be converted. */
export type ConvertResult = { text: string; languageId: 'ocip-xml' | 'ocip-yaml' } | { error: string };

/** Request: a template's rendered commands, of one data row or all (command "OCI-P: Preview Rendered Rows"). */
export const RENDER_TEMPLATE_REQUEST = 'ocip/renderTemplate';
export interface RenderTemplateParams {
  uri: string;
  /** The spreadsheet row number (the header is row 1); absent: every row. */
  row?: number;
  to: 'xml' | 'yaml';
}
/** The rendered file and its language, with the number of rows rendered; or why it cannot be rendered. */
export type RenderTemplateResult = { text: string; languageId: 'ocip-xml' | 'ocip-yaml'; rows: number } | { error: string };

/** Request: the XML that "Send" would put on the wire, envelope included, passwords masked (command "OCI-P: Preview Request"). */
export const PREVIEW_REQUEST = 'ocip/previewRequest';
export interface PreviewParams {
  uri: string;
}
export type PreviewResult = { text: string } | { error: string };

/** Request: every command the document's model knows, for the "New Command…" quick pick. */
export const COMMAND_LIST_REQUEST = 'ocip/commandList';
export interface CommandListParams {
  uri: string;
}
export type CommandListResult = { commands: { name: string; family: string }[] } | { error: string };

/** Request: the required skeleton of a command as a snippet, and where to insert it in the document. */
export const NEW_COMMAND_REQUEST = 'ocip/newCommand';
export interface NewCommandParams {
  uri: string;
  command: string;
}
export type NewCommandResult = { snippet: string; offset: number } | { error: string };

/**
 * Request: where the Send CodeLens go, from the analysis the server holds (the extension host parses nothing).
 * `lines[i]` is the 0-based line of command #i's head; null when the document is not an OCI-P document.
 */
export const CODE_LENS_REQUEST = 'ocip/codeLenses';
export interface CodeLensParams {
  uri: string;
}
export type CodeLensResult = { lines: number[] } | null;

/**
 * Request: what "Send" would put on the wire for an open document, prepared by the server from its analysis
 * and its model (the one schema compile and cache): the encoded commands, or the errors that block the send.
 * Spans are UTF-16 offsets into the text of `version`.
 */
export const PREPARE_SEND_REQUEST = 'ocip/prepareSend';
export interface PrepareSendParams {
  uri: string;
  /** Only these commands (0-based); default all. */
  only?: number[];
}
export interface PreparedCommandInfo {
  index: number;
  type: string;
  xml: string;
  userId?: string;
  span: { start: number; end: number };
  headSpan: { start: number; end: number };
}
export type PrepareSendResult =
  | {
      version: number;
      format: 'yaml' | 'xml';
      commands: PreparedCommandInfo[];
      errors: { code: string; message: string; span: { start: number; end: number } }[];
      totalCommands: number;
    }
  | { error: string };

/**
 * Server checks (core/server-checks) in two steps, so that the password and the connection stay in the extension
 * host and the document is parsed only by the language server: `ocip/serverCheckPlan` lists the read queries the
 * document's commands need (the extension sends them through core's read-only gate, which refuses anything not on
 * its allow-list), then `ocip/serverCheckJudge` turns the answers into diagnostics. Spans are UTF-16 offsets into
 * the text of `version`; a judge for another version is refused.
 */
export const SERVER_CHECK_PLAN_REQUEST = 'ocip/serverCheckPlan';
export interface ServerCheckPlanParams {
  uri: string;
  /** Report only on these commands (0-based). */
  only?: number[];
}
export type ServerCheckPlanResult =
  | {
      version: number;
      queries: { type: string; xml: string; key: string }[];
      /** The document's check settings (the administrator level is used when the login does not say it). */
      dataMode: 'AS' | 'XS';
      adminLevel: string;
    }
  | { error: string };

export type ServerCheckAnswer = { kind: 'data'; data: Record<string, unknown> } | { kind: 'absent' | 'unknown'; summary: string };

export const SERVER_CHECK_JUDGE_REQUEST = 'ocip/serverCheckJudge';
export interface ServerCheckJudgeParams {
  uri: string;
  version: number;
  only?: number[];
  /** [query key, answer] */
  answers: [string, ServerCheckAnswer][];
  /** The administrator level of the login. */
  level: string;
  serverName: string;
  /** ISO time of the check. */
  checkedAt: string;
}
export type ServerCheckJudgeResult =
  | {
      version: number;
      diagnostics: {
        code: string;
        severity: 'error' | 'warning' | 'information' | 'hint';
        message: string;
        span: { start: number; end: number };
        command?: number;
      }[];
    }
  | { error: string };

/**
 * Request: what "Send All Rows" would put on the wire for an open template: its rows rendered with the data file and
 * ocip.variables, checked, and encoded by the server (the extension host neither parses nor checks the template).
 * `errors` (template and data cells, with their file) block the send; `rows[i].commands` index into `commands`.
 */
export const PREPARE_TEMPLATE_SEND_REQUEST = 'ocip/prepareTemplateSend';
export interface PrepareTemplateSendParams {
  uri: string;
  /** Only these spreadsheet rows (the header is row 1); default every row. */
  rows?: number[];
}
export interface PreparedTemplateRow {
  /** Spreadsheet row number (the header is row 1; 0 when rendered from variables alone). */
  row: number;
  dataIndex: number;
  /** Values of the key columns (`keys`). */
  keys: string[];
  commands: number[];
}
export type PrepareTemplateSendResult =
  | {
      version: number;
      format: 'yaml' | 'xml';
      /** The data file (file: URI), when the template names one. */
      dataUri?: string;
      keys: string[];
      commands: PreparedCommandInfo[];
      rows: PreparedTemplateRow[];
      errors: {
        uri: string;
        code: string;
        message: string;
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
      }[];
    }
  | { error: string };
