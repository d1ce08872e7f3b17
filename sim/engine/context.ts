import type { Account } from './accounts';
import type { StateStore } from './store';
import type { XElement } from '../xml/parse';

export type DataMode = 'AS' | 'XS';

/** Everything a command handler needs: the data, the server's data mode and who is logged in. */
export interface EngineContext {
  store: StateStore;
  dataMode: DataMode;
  account: Account;
}

/** Executes one command and returns its response `<command>` fragment, or throws an OciError. */
export type CommandHandler = (ctx: EngineContext, command: XElement, echo: string) => string;
