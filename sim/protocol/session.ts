/**
 * The per-connection (TCP/TLS) or per-cookie (SOAP) OCI session: envelope checks, the login state machine
 * (protocol.md §8) and dispatch of logged-in commands to the engine. Transport-independent: text in, text out.
 */
import type { Account } from '../engine/accounts';
import type { DataMode } from '../engine/context';
import { COMMAND_HANDLERS, SESSION_COMMANDS } from '../engine/dispatch';
import { errors, OciError } from '../engine/errors';
import type { StateStore } from '../engine/store';
import { validateCommand } from '../engine/validate';
import type { FaultSettings } from '../faults';
import { attr, child, childText, parseXmlDocument, xsiType, XmlParseError, type XElement } from '../xml/parse';
import { serializeElement, el } from '../xml/write';
import { errorResponse, requestCommand, responseDocument, successResponse } from '../wire/response';
import { authenticationResponse, loginResponse, signPassword } from './login';

export interface SessionEnv {
  store: StateStore;
  accounts: Account[];
  dataMode: DataMode;
  faults: () => FaultSettings;
  /** Write a SuccessResponse before closing on LogoutRequest (default: close silently). */
  logoutSuccessResponse: boolean;
  /** SOAP: after login, the document's sessionId must equal the one used to log in. */
  requireSameSessionId: boolean;
}

export interface DocumentOutcome {
  /** The response document (one line, no trailing newline); undefined = send nothing. */
  response?: string;
  /** The response was built by the "XSP" (authentication, validation errors): SOAP uses a UTF-8 declaration. */
  xspBuilt: boolean;
  /** Close the connection after writing. */
  close: boolean;
  /** A login succeeded in this document. */
  loggedIn: boolean;
  /** A command was refused because the session is not logged in. */
  notLoggedIn: boolean;
}

const SESSIONLESS = ['userId', 'phoneNumber', 'linePort', 'externalUserIdentity'];

export class OciSession {
  account?: Account;
  sessionId?: string;
  private nonce?: string;

  constructor(private readonly env: SessionEnv) {}

  get loggedIn(): boolean {
    return this.account !== undefined;
  }

  handle(text: string): DocumentOutcome {
    const out: DocumentOutcome = { xspBuilt: true, close: false, loggedIn: false, notLoggedIn: false };
    let root: XElement;
    try {
      root = parseXmlDocument(text);
    } catch (e) {
      const msg = e instanceof XmlParseError ? e.message : String(e);
      out.response = responseDocument({}, [errorResponse(errors.validation('').summary, `${msg}\n`)]);
      return out;
    }
    const sessionId = childText(root, 'sessionId');
    const header = { sessionId, trackingId: childText(root, 'trackingId') };
    const envelopeProblem = this.envelopeProblem(root);
    if (envelopeProblem) {
      out.response = responseDocument(header, [errorResponse(errors.validation('').summary, `${envelopeProblem}\n`)]);
      return out;
    }
    const commands = root.children.filter((c) => c.local === 'command');
    const replies = commands.map((cmd, index) => this.command(cmd, index, text, sessionId, out));
    // On LogoutRequest the connection closes; a SuccessResponse is written first only when configured.
    out.response = out.close && !this.env.logoutSuccessResponse ? undefined : responseDocument(header, replies);
    return out;
  }

  private envelopeProblem(root: XElement): string | undefined {
    if (root.local !== 'BroadsoftDocument' || root.ns !== 'C')
      return `Invalid root element: expected BroadsoftDocument@C, found ${root.local}@${root.ns}`;
    if (attr(root, '', 'protocol') !== 'OCI') return "Attribute 'protocol' of BroadsoftDocument must be 'OCI'";
    const commands = root.children.filter((c) => c.local === 'command');
    if (commands.length < 1 || commands.length > 15)
      return `Expected 1 to 15 command elements in element BroadsoftDocument@C, found ${commands.length}`;
    if (!child(root, 'sessionId')) {
      const other = SESSIONLESS.find((n) => child(root, n));
      return other
        ? `Session-less requests (${other}) are not supported by the simulator`
        : "Expected element 'sessionId' in element BroadsoftDocument@C";
    }
    return undefined;
  }

  private command(cmd: XElement, index: number, documentText: string, sessionId: string | undefined, out: DocumentOutcome): string {
    const echo = attr(cmd, '', 'echo') ?? '';
    const qname = xsiType(cmd);
    const type = qname?.local ?? '';
    const invalid = !qname
      ? ['Element command@ has no xsi:type']
      : qname.ns !== ''
        ? [`Invalid xsi:type qname: '${qname.local}' in element BroadsoftDocument@C`]
        : validateCommand({ documentText, index, type, command: cmd, dataMode: this.env.dataMode });
    if (invalid.length) return errorResponse(errors.validation('').summary, `${invalid.join('\n')}\n${serializeElement(cmd)}\n\n`, echo);
    try {
      if (SESSION_COMMANDS.includes(type)) {
        out.xspBuilt &&= type === 'AuthenticationRequest';
        return this.sessionCommand(type, cmd, sessionId, echo, out);
      }
      out.xspBuilt = false;
      if (!this.account || (this.env.requireSameSessionId && sessionId !== this.sessionId)) {
        out.notLoggedIn = true;
        throw errors.notLoggedIn();
      }
      const handler = COMMAND_HANDLERS[type];
      if (!handler) throw errors.notSupported(type);
      return handler({ store: this.env.store, dataMode: this.env.dataMode, account: this.account }, cmd, echo);
    } catch (e) {
      if (e instanceof OciError) return errorResponse(e.summary, e.detail, echo);
      return errorResponse('[Error 9998] Internal simulator error', e instanceof Error ? e.message : String(e), echo);
    }
  }

  private sessionCommand(type: string, cmd: XElement, sessionId: string | undefined, echo: string, out: DocumentOutcome): string {
    const userId = childText(cmd, 'userId') ?? '';
    if (type === 'AuthenticationRequest') {
      this.nonce = String(Date.now());
      return authenticationResponse(userId, this.nonce, echo);
    }
    if (type === 'LogoutRequest') {
      this.account = undefined;
      this.nonce = undefined;
      out.close = true;
      return successResponse(echo);
    }
    const account = this.env.accounts.find((a) => a.userId === userId);
    if (this.env.faults().refuseLogin || !account || !this.passwordMatches(type, cmd, account)) throw errors.invalidPassword();
    if (account.disabled) throw errors.accountDisabled();
    this.account = account;
    this.sessionId = sessionId;
    out.loggedIn = true;
    const responseType = type === 'LoginRequest14sp4' ? 'LoginResponse14sp4' : 'LoginResponse22V5';
    return loginResponse(responseType, account, this.env.store.state, this.env.dataMode, echo);
  }

  private passwordMatches(type: string, cmd: XElement, account: Account): boolean {
    const plain = type === 'LoginRequest14sp4' ? childText(cmd, 'plainTextPassword') : childText(cmd, 'password');
    if (plain !== undefined) return plain === account.password;
    const signed = childText(cmd, 'signedPassword');
    // LoginRequest22V5: signedPassword is only used in XS data mode.
    if (signed === undefined || (type === 'LoginRequest22V5' && this.env.dataMode === 'AS')) return false;
    if (!this.nonce) return false;
    return signed.toLowerCase() === signPassword(this.nonce, account.password);
  }
}

/** The unsolicited LogoutRequest a server pushes to force a client out (protocol.md §4.3). */
export function forcedLogoutDocument(sessionId: string | undefined, userId: string): string {
  const inner = el('userId', userId) + el('reason', 'Open Client Server Forced Logout');
  return responseDocument({ sessionId }, [requestCommand('LogoutRequest', inner)]);
}
