/** Errors of the OCI-P client. Messages never contain a password (callers mask documents before quoting them). */

export type OcipErrorCode =
  | 'connect' // could not connect (refused, DNS, connect timeout)
  | 'tls' // TLS verification failed (untrusted certificate, fingerprint mismatch)
  | 'timeout' // no complete response within the response timeout
  | 'closed' // the server closed the connection
  | 'cancelled' // the caller aborted
  | 'too-large' // the response exceeded the maximum size
  | 'bad-response' // the response is not a well-formed OCI-P document / SOAP envelope
  | 'hostile-xml' // the response contains a DOCTYPE or entity declaration
  | 'server-logout' // the server sent a LogoutRequest
  | 'soap-fault' // the SOAP service answered with a Fault
  | 'http' // an unexpected HTTP status
  | 'count-mismatch' // the response has a different number of commands than the request
  | 'insecure-login' // a plain password would travel over an unencrypted transport
  | 'login' // the server refused the login
  | 'state' // wrong use of the API (send before login, after close, ...)
  | 'usage'; // bad arguments

export class OcipError extends Error {
  override name = 'OcipError';
  /**
   * True when the request document had been (at least partly) written before the failure: the server may have
   * executed its commands. Such commands must never be resent automatically.
   */
  mayHaveExecuted: boolean;
  constructor(
    readonly code: OcipErrorCode,
    message: string,
    options: { mayHaveExecuted?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveExecuted = options.mayHaveExecuted ?? false;
  }
}

/** The server refused the login (ErrorResponse to AuthenticationRequest or LoginRequest). */
export class LoginError extends OcipError {
  override name = 'LoginError';
  constructor(
    message: string,
    readonly errorCode?: number,
    readonly summary?: string,
    readonly detail?: string,
  ) {
    super('login', message);
  }
}

export const MAY_HAVE_EXECUTED = 'the command may or may not have been executed; check on the server before resending';
