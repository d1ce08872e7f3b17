/**
 * ocip/codeLenses and ocip/prepareSend: the extension's Send CodeLens and send preparation, answered from the
 * analysis the server already holds for the open document (its tree, diagnostics and model), so the extension
 * host neither parses the file nor compiles a schema folder.
 */
import { prepareChecked } from '../core/send/prepare';
import { isTemplateDocument } from './piece-document';
import {
  CODE_LENS_REQUEST,
  PREPARE_SEND_REQUEST,
  type CodeLensParams,
  type CodeLensResult,
  type PrepareSendParams,
  type PrepareSendResult,
} from '../core/protocol/messages';
import type { Feature } from './context';
import { positionAt } from './positions';

export const sendRequests: Feature = (ctx) => {
  ctx.connection.onRequest(CODE_LENS_REQUEST, async (params: CodeLensParams): Promise<CodeLensResult> => {
    const found = await ctx.analysisFor(params.uri);
    if (!found) return null;
    const { doc, analysis } = found;
    return { lines: analysis.file.commands.map((c) => positionAt(doc, c.headSpan.start).line) };
  });

  ctx.connection.onRequest(PREPARE_SEND_REQUEST, async (params: PrepareSendParams): Promise<PrepareSendResult> => {
    const found = await ctx.analysisFor(params.uri);
    if (!found) return { error: 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).' };
    const { doc, state, analysis } = found;
    // A template's own text holds placeholders, not values: its rows are sent by ocip/prepareTemplateSend.
    if (isTemplateDocument(doc)) return { error: 'this file is a template: use "OCI-P: Send All Rows" to send its rows.' };
    const only = Array.isArray(params.only) ? params.only.filter((i) => Number.isInteger(i) && i >= 0) : undefined;
    const prepared = prepareChecked(analysis.file, analysis.diagnostics, state.model, only);
    return {
      version: doc.version,
      format: prepared.format,
      commands: prepared.commands,
      errors: prepared.errors.map((e) => ({ code: e.code, message: e.message, span: e.span })),
      totalCommands: prepared.totalCommands,
    };
  });
};
