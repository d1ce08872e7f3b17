/** Session and system commands that need a login but touch no provisioning data. */
import type { CommandHandler } from '../context';
import { el } from '../../xml/write';
import { dataResponse, successResponse } from '../../wire/response';

export const systemSoftwareVersionGetRequest: CommandHandler = (ctx, _cmd, echo) =>
  dataResponse('SystemSoftwareVersionGetResponse', el('version', ctx.store.state.softwareVersion), echo);

export const verifySessionIsValidRequest: CommandHandler = (_ctx, _cmd, echo) => successResponse(echo);
