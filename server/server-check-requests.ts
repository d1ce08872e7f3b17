/**
 * The language server's half of a server check (core/protocol/messages.ts): the read queries of the document's
 * commands, and the diagnostics from the answers the extension read. The server never connects anywhere.
 */
import { ADMIN_LEVELS, type AdminLevel } from '../core/checks/types';
import {
  SERVER_CHECK_JUDGE_REQUEST,
  SERVER_CHECK_PLAN_REQUEST,
  type ServerCheckJudgeParams,
  type ServerCheckJudgeResult,
  type ServerCheckPlanParams,
  type ServerCheckPlanResult,
} from '../core/protocol/messages';
import { toCheckOptions } from '../core/settings';
import { judgeServerCheck, planServerCheck, type Answer } from '../core/server-checks';
import type { Feature } from './context';

const NOT_OCIP = 'This document is not an OCI-P file (.ocip.yaml, .ocip.yml or .ocip.xml).';

function indexes(v: unknown): number[] | undefined {
  return Array.isArray(v) ? v.filter((i): i is number => Number.isInteger(i) && i >= 0) : undefined;
}

/** An answer as the extension sent it, or undefined when it is not one (then the question counts as unanswered). */
function answerOf(v: unknown): Answer | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const a = v as { kind?: unknown; data?: unknown; summary?: unknown };
  if (a.kind === 'data' && a.data && typeof a.data === 'object' && !Array.isArray(a.data))
    return { kind: 'data', data: a.data as Record<string, unknown> };
  if ((a.kind === 'absent' || a.kind === 'unknown') && typeof a.summary === 'string') return { kind: a.kind, summary: a.summary };
  return undefined;
}

export const serverCheckRequests: Feature = (ctx) => {
  ctx.connection.onRequest(SERVER_CHECK_PLAN_REQUEST, async (params: ServerCheckPlanParams): Promise<ServerCheckPlanResult> => {
    const found = await ctx.analysisFor(params.uri);
    if (!found) return { error: NOT_OCIP };
    const { doc, state, analysis } = found;
    const options = toCheckOptions(state.settings);
    const { queries } = planServerCheck(analysis.file, indexes(params.only));
    return { version: doc.version, queries, dataMode: options.dataMode, adminLevel: options.adminLevel };
  });

  ctx.connection.onRequest(SERVER_CHECK_JUDGE_REQUEST, async (params: ServerCheckJudgeParams): Promise<ServerCheckJudgeResult> => {
    const found = await ctx.analysisFor(params.uri);
    if (!found) return { error: NOT_OCIP };
    const { doc, state, analysis } = found;
    if (doc.version !== params.version) return { error: 'The document changed during the check; check again.' };
    const options = toCheckOptions(state.settings);
    const answers = new Map<string, Answer>();
    for (const entry of Array.isArray(params.answers) ? params.answers : []) {
      const answer = Array.isArray(entry) && typeof entry[0] === 'string' ? answerOf(entry[1]) : undefined;
      if (answer) answers.set(entry[0], answer);
    }
    const level = ADMIN_LEVELS.find((l) => l === params.level) ?? (options.adminLevel as AdminLevel);
    const checkedAt = new Date(typeof params.checkedAt === 'string' ? params.checkedAt : Date.now());
    const diagnostics = judgeServerCheck(analysis.file, answers, {
      level,
      dataMode: options.dataMode,
      newUserTemplateServices: options.newUserTemplateServices,
      only: indexes(params.only),
      serverName: typeof params.serverName === 'string' ? params.serverName : 'server',
      checkedAt: Number.isNaN(checkedAt.getTime()) ? new Date() : checkedAt,
    });
    return {
      version: doc.version,
      diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, span: d.span, command: d.command })),
    };
  });
};
