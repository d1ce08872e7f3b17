/** Public API of the OCI-P client. */
export { OcipClient, type OcipClientOptions, type ServerOptions, type SendOptions } from './client';
export { OcipError, LoginError, MAY_HAVE_EXECUTED, type OcipErrorCode } from './errors';
export { buildDocument, parseResponseDocument, newSessionId, MAX_COMMANDS_PER_DOCUMENT, type EncodedCommand } from './envelope';
export { mapResponses, type CommandResult, type CommandResultKind } from './messages';
export { signedPassword, resolveLoginMethod, type LoginInfo, type LoginMethod } from './login';
export { logExcerpt, maskSecrets, redactPassword } from './mask';
export type { Transport, TlsOptions, TransportOptions } from './transport/types';
export { connectTcp } from './transport/tcp';
export { connectTls } from './transport/tls';
export { SoapTransport, soapEnvelope } from './transport/soap';
export { normalizeFingerprint } from './transport/tls-socket';
