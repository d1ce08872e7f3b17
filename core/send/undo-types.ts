/** The data of an undo plan (core/send/undo.ts): plain JSON, identifiers only, stored in the send history. */
import type { CommandResultKind } from '../ocip';

/** Element values in schema order: a name → text, a nested mapping, or a list of either. */
export type UndoValue = string | UndoFields;
export interface UndoFields {
  [name: string]: UndoValue | UndoValue[];
}

export interface UndoCommand {
  command: string;
  fields: UndoFields;
  /** 0-based file position of the command this undoes. */
  undoes: number;
  /** "ServiceProviderAddRequest13mp2 northwind": what it undoes, for the comment above it. */
  what: string;
}

export type UndoNoteKind =
  'failed' | 'unknown' | 'not-sent' | 'warning' | 'modification' | 'deletion' | 'no-inverse' | 'covered' | 'maybe-created';

export interface UndoNote {
  /** 0-based file position of the command it is about. */
  index: number;
  kind: UndoNoteKind;
  text: string;
  /** A command that would undo it, written commented out: to enable only after checking the server. */
  suggestion?: UndoCommand;
}

export interface UndoPlan {
  /** In the order to send them: the reverse of the send. */
  commands: UndoCommand[];
  /** In file order. */
  notes: UndoNote[];
}

export interface UndoInput {
  index: number;
  type: string;
  /** `<command xsi:type="…" xmlns="">…</command>` as sent. */
  xml: string;
}

export interface UndoResult {
  index: number;
  kind: CommandResultKind;
  summary?: string;
}

export interface UndoOptions {
  /** XS data mode: UserConsolidatedAddRequest22 adds a missing number to the group and service provider. */
  dataMode?: 'AS' | 'XS';
}

export type Make = (command: string, fields: UndoFields) => UndoCommand;
