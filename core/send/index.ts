/** Format-independent "Send to BroadWorks": shared by the VS Code extension and `ocip send`. */
export { prepareSend, prepareChecked, type PreparedCommand, type PreparedSend, type PrepareOptions, type SendModel } from './prepare';
export {
  parseServers,
  serverAddress,
  toServerOptions,
  secretKey,
  legacySecretKey,
  endpointIdentity,
  type ServerConfig,
  type ParsedServers,
  type TransportKind,
} from './servers';
export { parseJsonc, stripJsonc } from './jsonc';
export {
  joinResults,
  summarizeResults,
  summaryText,
  outcomeText,
  resultLine,
  resultJson,
  isFailure,
  oneLine,
  type SendResultRow,
  type SendSummary,
} from './results';
export { productionConfirmationText, errorsRefusalText } from './confirm';
export { runSend, type RunSendOptions, type SendOutcome, type SendFailureStage } from './run';
export {
  runSendSessions,
  sessionShares,
  notSentReason,
  type SessionsSendOptions,
  type SessionsOutcome,
  type SessionFailure,
} from './sessions';
export { formatLogLine } from './wire-log';
export {
  HistoryStore,
  makeHistoryEntry,
  historyLabel,
  undoFileText,
  HISTORY_LIMIT,
  HISTORY_MAX_BYTES,
  type HistoryEntry,
  type HistoryResult,
} from './history';
export { checkOptionsFromSettings } from './options';
export {
  planUndo,
  renderUndoYaml,
  commandKey,
  type UndoPlan,
  type UndoCommand,
  type UndoNote,
  type UndoInput,
  type UndoResult,
} from './undo';
export { resultCsvRows, resultsCsv, resultStatus, csvCell, RESULT_CSV_HEADER, type ResultCsvRow, type ResultStatus } from './results-csv';
