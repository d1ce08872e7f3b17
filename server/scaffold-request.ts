/** ocip/commandList and ocip/newCommand: the "New Command…" quick pick and its skeleton, with the document's model. */
import { commandChoices, scaffoldCommand } from '../core/authoring/scaffold';
import {
  COMMAND_LIST_REQUEST,
  NEW_COMMAND_REQUEST,
  type CommandListParams,
  type CommandListResult,
  type NewCommandParams,
  type NewCommandResult,
} from '../core/protocol/messages';
import type { Feature } from './context';
import { toCheckOptions } from './settings';

const NOT_OCIP = { error: 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).' };

export const scaffoldRequests: Feature = (ctx) => {
  ctx.connection.onRequest(COMMAND_LIST_REQUEST, async (params: CommandListParams): Promise<CommandListResult> => {
    const state = await ctx.stateFor(params.uri);
    if (!state) return NOT_OCIP;
    return { commands: commandChoices(state.model) };
  });

  ctx.connection.onRequest(NEW_COMMAND_REQUEST, async (params: NewCommandParams): Promise<NewCommandResult> => {
    const state = await ctx.stateFor(params.uri);
    const doc = ctx.documents.get(params.uri);
    if (!state || !doc) return NOT_OCIP;
    return scaffoldCommand(state.model, params.command, state.format, doc.getText(), toCheckOptions(state.settings));
  });
};
