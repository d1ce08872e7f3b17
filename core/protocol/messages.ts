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
}

export const DEFAULT_SETTINGS: OcipSettings = {
  dataMode: 'AS',
  adminLevel: 'System',
  externalAuthentication: false,
  servicePacks: {},
  newUserTemplateServices: null,
  schemaDirectory: '',
  diagnostics: { debounceMs: 200, severity: {} },
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

/** Request: the document converted to the other format (commands "OCI-P: Convert to XML/YAML"); see core/authoring/format-convert. */
export const CONVERT_REQUEST = 'ocip/convert';
export interface ConvertParams {
  uri: string;
  to: 'xml' | 'yaml';
}
/** `text` and the language id to open it with, or `error` (syntax errors, with line and column) when the file cannot be converted. */
export type ConvertResult = { text: string; languageId: 'ocip-xml' | 'ocip-yaml' } | { error: string };

/** Request: the XML that "Send" would put on the wire, envelope included, passwords masked (command "OCI-P: Preview Request"). */
export const PREVIEW_REQUEST = 'ocip/previewRequest';
export interface PreviewParams {
  uri: string;
}
export type PreviewResult = { text: string } | { error: string };
