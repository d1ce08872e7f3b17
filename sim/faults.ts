/** Fault injection settings: global values, overridable per listener, changeable while running. */

export interface FaultSettings {
  /** Wait this long before writing each response. */
  delayMs?: number;
  /** Write half of the response, then destroy the socket. */
  dropMidResponse?: boolean;
  /** Write the response one byte per write. */
  byteByByte?: boolean;
  /** Answer with bytes that are not XML. */
  garbage?: boolean;
  /** Every login fails with [Error 4962]. */
  refuseLogin?: boolean;
  /** After a successful login, push an unsolicited LogoutRequest and close (TCP and TLS only). */
  serverLogout?: boolean;
}

export type ListenerKind = 'tcp' | 'tls' | 'soap';

export interface FaultOptions extends FaultSettings {
  /** Settings for one listener, taking precedence over the global ones. */
  perListener?: Partial<Record<ListenerKind, FaultSettings>>;
}

export function effectiveFaults(f: FaultOptions | undefined, kind: ListenerKind): FaultSettings {
  if (!f) return {};
  const { perListener, ...global } = f;
  return { ...global, ...(perListener?.[kind] ?? {}) };
}

export const GARBAGE = Buffer.from('\x00\x01\xfe garbage: not an OCI-P document \xff\r\n', 'latin1');
