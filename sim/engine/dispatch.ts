/** Command type -> handler, for the commands the simulator executes after login. */
import type { CommandHandler } from './context';
import { systemSoftwareVersionGetRequest, verifySessionIsValidRequest } from './commands/system';
import { userConsolidatedAddRequest22 } from './commands/user-consolidated-add';
import { userDeleteRequest, userGetRequest23V2 } from './commands/user-get-delete';
import { ONBOARDING_HANDLERS, READ_HANDLERS, UNDO_HANDLERS } from './commands/handlers';

export const COMMAND_HANDLERS: Record<string, CommandHandler> = {
  UserConsolidatedAddRequest22: userConsolidatedAddRequest22,
  UserGetRequest23V2: userGetRequest23V2,
  UserDeleteRequest: userDeleteRequest,
  SystemSoftwareVersionGetRequest: systemSoftwareVersionGetRequest,
  VerifySessionIsValidRequest: verifySessionIsValidRequest,
  ...READ_HANDLERS,
  ...ONBOARDING_HANDLERS,
  ...UNDO_HANDLERS,
};

/** Login-stage commands, handled by the session itself. */
export const SESSION_COMMANDS = ['AuthenticationRequest', 'LoginRequest14sp4', 'LoginRequest22V5', 'LogoutRequest'];
