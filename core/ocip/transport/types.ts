/** One interface for the three ways to reach BroadWorks: raw TCP, TLS, SOAP over HTTP(S). */

export interface Transport {
  /** Sends one OCI-P document and resolves with the response document. One request in flight at a time. */
  exchange(docXml: string, signal?: AbortSignal): Promise<string>;
  /** Closes the connection (idempotent). */
  close(): Promise<void>;
  /** True when the transport encrypts (TLS, HTTPS): decides whether a plain password may be sent. */
  readonly secure: boolean;
  /** A short description for logs: "tls://host:2209". */
  readonly description: string;
}

export interface TlsOptions {
  /** Pinned SHA-256 fingerprint of the server certificate ("AA:BB:..." or plain hex, any case). */
  fingerprint?: string;
  /** Disable certificate verification entirely (emits a warning). */
  allowSelfSigned?: boolean;
  /** Extra CA certificate(s), PEM, trusted in addition to Node's default CAs. */
  ca?: string;
}

export interface TransportOptions {
  host: string;
  port?: number;
  tls?: TlsOptions;
  /** Connect (and TLS handshake) bound. Default 10 s. */
  connectTimeoutMs?: number;
  /** Bound for one complete response, from the moment the request is written. Default 30 s. */
  timeoutMs?: number;
  /** Maximum response size in bytes. Default 64 MiB. */
  maxResponseBytes?: number;
  /** Security warnings (verification disabled, ...). */
  onWarning?: (message: string) => void;
}

export const DEFAULTS = {
  tcpPort: 2208,
  tlsPort: 2209,
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  maxResponseBytes: 64 * 1024 * 1024,
  soapPath: '/webservice/services/ProvisioningService',
} as const;
