/**
 * Every bound the tools put on what they read, in one place, per boundary. Hostile or broken input (an endless
 * device given as a file, an XSD that includes /dev/zero, a YAML alias bomb, a client writing garbage to the
 * language server, a file with a million mistakes) meets one of these limits and gets a clear refusal instead
 * of unbounded memory or time. docs/architecture.md ("Limits") lists them with the reasons for the numbers.
 * The OCI-P wire (framing, response sizes) keeps its own bounds next to the framer (core/ocip, sim).
 */

const MiB = 1024 * 1024;

/** Files read from disk (core/text/read-bounded). Only regular files are read; anything else is refused. */
export const FILE_LIMITS = {
  /** A command file (ocip validate / convert / send): 29 MB holds a million list items. */
  commandFileBytes: 64 * MiB,
  /** Bytes of a folder's *.xml file read to see whether its root is BroadsoftDocument. */
  sniffBytes: 4096,
  /** ocip.json / .vscode/settings.json read by the CLI. */
  settingsFileBytes: 1 * MiB,
  /** The send history and the compiled-model cache. */
  stateFileBytes: 64 * MiB,
} as const;

/** An XSD folder (ocip.schemaDirectory, --schema-dir), with whatever its includes and imports reach. */
export const XSD_LIMITS = {
  /** One schema document: the largest R25 file is 2.8 MB. */
  fileBytes: 16 * MiB,
  /** All the documents of one schema set together: R25 is 9.2 MB. */
  totalBytes: 128 * MiB,
  /** Schema documents in one set: R25 has 18. */
  files: 2000,
} as const;

/** YAML aliases: expansion is counted in nodes and in the characters of the scalars it copies. */
export const ALIAS_LIMITS = {
  /** Nodes alias expansion may produce in one document ("billion laughs"). */
  nodes: 20_000,
  /** Characters of scalars alias expansion may produce in one document: 20,000 aliases of a 100 KB scalar is 2 GB. */
  expandedChars: 4 * MiB,
} as const;

/** The language server's JSON-RPC input (server/frame-guard) and what one document may produce. */
export const LSP_LIMITS = {
  /** One message's body (Content-Length): a whole 29 MB document in didOpen fits. */
  messageBytes: 128 * MiB,
  /** One message's header block (Content-Length, Content-Type): real headers are under 100 bytes. */
  headerBytes: 4096,
  /** Diagnostics published for one document; past it a summary diagnostic counts the rest. */
  diagnosticsPerDocument: 1000,
  /** Document symbols returned for one document (the outline), past which the outline is cut. */
  symbolsPerDocument: 20_000,
} as const;

/**
 * Wire logs (the extension's OCI-P channel, `ocip send --verbose`): one document is logged up to this many
 * characters, then a count of the rest. A 60 MiB answer would otherwise be masked twice and copied whole into an
 * output channel that VS Code keeps in memory and renders.
 */
export const LOG_LIMITS = {
  documentChars: 1024 * 1024,
} as const;

/** What the CLI prints per file: past it a summary line counts the rest (the exit status still says errors). */
export const CLI_LIMITS = {
  diagnosticsPerFile: 1000,
} as const;
