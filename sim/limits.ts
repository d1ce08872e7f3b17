/**
 * The simulator's limits, one place per boundary (documented with their numbers in docs/architecture.md, section
 * "Wire limits"). The client's side of the wire is in core/ocip/limits.ts.
 */

/** TCP/TLS listeners: framing and flow control per connection. */
export const STREAM_LIMITS = {
  /** An unfinished document (no end tag yet) larger than this closes the connection. */
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Complete documents waiting to be processed before the connection stops being read (backpressure). */
  maxQueuedDocuments: 32,
  /** Response bytes not yet taken by the client before the connection stops being read. */
  maxUnsentBytes: 1024 * 1024,
};

/** The SOAP listener. */
export const SOAP_LIMITS = {
  /** A request body larger than this is refused (413) and the connection closed, without reading the rest. */
  maxBodyBytes: 16 * 1024 * 1024,
  /** Sessions that have not logged in yet (a cookie was issued); the oldest goes first beyond this. */
  maxPendingSessions: 10_000,
  /** Logged-in sessions; a login beyond this is refused, no existing session is ever dropped for a newcomer. */
  maxLoggedInSessions: 10_000,
};

/** The state store. */
export const STORE_LIMITS = {
  /** The journal is folded into a new snapshot once it is larger than the snapshot and than this. */
  compactMinBytes: 4 * 1024 * 1024,
};
