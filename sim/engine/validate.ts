/**
 * THE adapter between the simulator and schema validation. Every incoming command passes through
 * validateCommand before it is executed; a non-empty result becomes [Error 6004] OCI XML Request validation error.
 *
 * Commands the simulator's model knows (engine/model.ts: the built-in model, or the XSD folder given as schemaDir) are parsed with core's XML front end (parseXml, on the document's source
 * text) and checked with core's checkCommand; only 'syntax' and 'schema' errors count (those are what the
 * server's XSD validation rejects). 'rule' diagnostics are not used: the engine enforces the documented rules
 * itself, against real state. Commands the built-in model lacks but the simulator serves (the login commands,
 * SystemSoftwareVersionGetRequest, VerifySessionIsValidRequest) get a minimal required-element check here.
 * A valid command without a handler is then refused by the session as not supported (errors.notSupported).
 */
import { checkCommand } from '../../core/checks/index';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import { parseXml } from '../../core/syntax/xml';
import type { SourceFile } from '../../core/tree/types';
import { child, type XElement } from '../xml/parse';
import type { DataMode } from './context';
import { simModel } from './model';

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

/** Required top-level elements of the commands the simulator serves (R25 schema), for the minimal check. */
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
  return type in REQUIRED || simModel().complexType(type) !== undefined;
}

// One document usually carries several commands: parse its text once.
let lastParsed: { text: string; file: SourceFile } | undefined;

function parsedDocument(text: string): SourceFile {
  if (lastParsed?.text !== text) lastParsed = { text, file: parseXml(text) };
  return lastParsed.file;
}

function lineColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1].length + 1}`;
}

/** Returns XMLBeans-style messages; empty when the command is valid. */
export function validateCommand(input: ValidationInput): string[] {
  const { type, command, documentText, index } = input;
  const model = simModel();
  if (model.complexType(type) && model.isRequest(type)) {
    const cmd = parsedDocument(documentText).commands[index];
    if (cmd && cmd.name === type) {
      return checkCommand(cmd, 'xml', model, { ...DEFAULT_CHECK_OPTIONS, dataMode: input.dataMode })
        .filter((d) => (d.kind === 'syntax' || d.kind === 'schema') && d.severity === 'error')
        .map((d) => `${lineColumn(documentText, d.span.start)}: ${d.message}`);
    }
  }
  if (!(type in REQUIRED)) return [`Invalid xsi:type qname: '${type}' in element BroadsoftDocument@C`];
  return minimalCheck(type, command);
}

function minimalCheck(type: string, command: XElement): string[] {
  const messages: string[] = [];
  for (const name of REQUIRED[type]) {
    if (!child(command, name)) messages.push(`Expected element '${name}' in element command (type ${type})`);
  }
  if (type === 'UserConsolidatedAddRequest22') {
    const byIds = child(command, 'serviceProviderId') || child(command, 'groupId');
    const byExternal = child(command, 'groupExternalId');
    if (byIds && byExternal)
      messages.push("Element 'groupExternalId' is not allowed together with 'serviceProviderId'/'groupId' in element command");
    else if (byExternal === undefined) {
      if (!child(command, 'serviceProviderId'))
        messages.push("Expected element 'serviceProviderId' or 'groupExternalId' in element command");
      else if (!child(command, 'groupId')) messages.push("Expected element 'groupId' after 'serviceProviderId' in element command");
    }
    const gp = child(command, 'groupProperties');
    if (gp && (!child(gp, 'defaultDomain') || !child(gp, 'userLimit'))) {
      messages.push("Expected elements 'defaultDomain' and 'userLimit' in element groupProperties");
    }
  }
  return messages;
}
