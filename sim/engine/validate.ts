/**
 * THE adapter between the simulator and schema validation. Every incoming command passes through
 * validateCommand before it is executed; a non-empty result becomes [Error 6004] OCI XML Request validation error.
 *
 * TODO(core): when core/syntax/xml.ts (parseXml) and core/checks (checkCommand) with core/model/load.ts
 * (builtinModel) land, replace the stand-in below with:
 *   const file = parseXml(documentText); const cmd = file.commands[index];
 *   checkCommand(cmd, builtinModel(), { ...DEFAULT_CHECK_OPTIONS, dataMode })
 *     .filter(d => (d.kind === 'syntax' || d.kind === 'schema') && d.severity === 'error')
 *     .map(d => `${lineCol(documentText, d.span.start)}: ${d.message}`)
 * ('rule' diagnostics are enforced by the engine itself against real state, so they are not used here.)
 */
import { child, type XElement } from '../xml/parse';
import type { DataMode } from './context';

export interface ValidationInput {
  /** The whole request document as received. */
  documentText: string;
  /** Index of the command within the document. */
  index: number;
  /** The command's xsi:type local name. */
  type: string;
  command: XElement;
  dataMode: DataMode;
}

/** Stand-in: required top-level elements of the commands the simulator knows (R25 schema), in order. */
const REQUIRED: Record<string, string[]> = {
  AuthenticationRequest: ['userId'],
  LoginRequest14sp4: ['userId'],
  LoginRequest22V5: ['userId'],
  LogoutRequest: ['userId'],
  UserGetRequest23V2: ['userId'],
  UserDeleteRequest: ['userId'],
  SystemSoftwareVersionGetRequest: [],
  VerifySessionIsValidRequest: [],
  UserConsolidatedAddRequest22: ['userId', 'lastName', 'firstName', 'callingLineIdLastName', 'callingLineIdFirstName'],
};

/** Command types the validator knows; anything else is an invalid xsi:type. */
export function isKnownCommandType(type: string): boolean {
  return type in REQUIRED;
}

/** Returns XMLBeans-style messages; empty when the command is valid. */
export function validateCommand(input: ValidationInput): string[] {
  const { type, command } = input;
  if (!isKnownCommandType(type)) return [`Invalid xsi:type qname: '${type}' in element BroadsoftDocument@C`];
  const messages: string[] = [];
  for (const name of REQUIRED[type]) {
    if (!child(command, name)) messages.push(`Expected element '${name}' in element command (type ${type})`);
  }
  if (type === 'UserConsolidatedAddRequest22') {
    const byIds = child(command, 'serviceProviderId') || child(command, 'groupId');
    const byExternal = child(command, 'groupExternalId');
    if (byIds && byExternal) messages.push("Element 'groupExternalId' is not allowed together with 'serviceProviderId'/'groupId' in element command");
    else if (byExternal === undefined) {
      if (!child(command, 'serviceProviderId')) messages.push("Expected element 'serviceProviderId' or 'groupExternalId' in element command");
      else if (!child(command, 'groupId')) messages.push("Expected element 'groupId' after 'serviceProviderId' in element command");
    }
    const gp = child(command, 'groupProperties');
    if (gp && (!child(gp, 'defaultDomain') || !child(gp, 'userLimit'))) {
      messages.push("Expected elements 'defaultDomain' and 'userLimit' in element groupProperties");
    }
  }
  return messages;
}
