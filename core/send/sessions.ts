/**
 * A send over several sessions in parallel (`ocip send TEMPLATE --sessions N`, the setting ocip.send.sessions for
 * Send All Rows): the commands are cut into N contiguous shares of whole units (a template row's commands always go
 * together, in order, in one session), each share is one ordinary send (./run: its own connection and login,
 * batches of batchSize), and the outcomes are put back together in command order. Nothing is sent twice: the shares
 * do not overlap, and a share whose session cannot connect or log in is reported as not sent, never handed to
 * another session. One AbortSignal stops every session. With one session this is exactly runSend.
 */
import { runSend, type RunSendOptions, type SendFailureStage, type SendOutcome } from './run';
import type { SendResultRow } from './results';

export interface SessionsSendOptions extends RunSendOptions {
  /** Sessions to open (at most one per unit); 1 = runSend itself. */
  sessions: number;
  /** Commands that must stay in one session, in order (a template row's commands); default 1. */
  unitSize?: number;
}

export interface SessionFailure {
  stage: SendFailureStage;
  code: string;
  message: string;
  /** The share's commands (positions in the whole list) that were therefore not sent. */
  first: number;
  count: number;
}

export interface SessionsOutcome extends SendOutcome {
  /** How many sessions were used (≤ the sessions asked for, ≤ the units). */
  sessions: number;
  /**
   * Sessions that sent nothing (connection or login failed, or cancelled first) while others did send: their
   * commands are in `rows` as not sent. When no session sent anything, `failure` is set instead, as for runSend.
   */
  sessionFailures: SessionFailure[];
}

/** What a not-sent command of a session that never started says. */
export function notSentReason(failure: { stage: SendFailureStage; message: string }): string {
  return failure.stage === 'cancelled' ? 'not sent: cancelled' : `not sent: ${failure.stage} failed: ${failure.message}`;
}

/** The shares: [first, end) command positions, contiguous, whole units, as even as the units allow. */
export function sessionShares(commandCount: number, sessions: number, unitSize = 1): { first: number; end: number }[] {
  const unit = Math.max(1, Math.floor(unitSize));
  const units = Math.ceil(commandCount / unit);
  const n = Math.max(1, Math.min(Math.floor(sessions) || 1, units));
  const shares: { first: number; end: number }[] = [];
  for (let k = 0, unitStart = 0; k < n; k++) {
    // Spread the remainder over the first shares: 10 units in 4 sessions are 3, 3, 2, 2.
    const unitEnd = unitStart + Math.floor(units / n) + (k < units % n ? 1 : 0);
    shares.push({ first: unitStart * unit, end: Math.min(commandCount, unitEnd * unit) });
    unitStart = unitEnd;
  }
  return shares;
}

export async function runSendSessions(o: SessionsSendOptions): Promise<SessionsOutcome> {
  const shares = sessionShares(o.commands.length, o.sessions, o.unitSize);
  if (shares.length <= 1) return { ...(await runSend(o)), sessions: 1, sessionFailures: [] };
  const total = o.commands.length;
  const done = shares.map(() => 0);
  const outcomes = await Promise.all(
    shares.map((share, k) =>
      runSend({
        ...o,
        commands: o.commands.slice(share.first, share.end),
        onProgress: (d) => {
          done[k] = d;
          o.onProgress?.(
            done.reduce((a, b) => a + b, 0),
            total,
          );
        },
      }),
    ),
  );
  const sessionFailures: SessionFailure[] = [];
  const rows: SendResultRow[] = [];
  const results: SendOutcome['results'] = [];
  outcomes.forEach((outcome, k) => {
    const share = shares[k];
    if (outcome.failure) {
      sessionFailures.push({ ...outcome.failure, first: share.first, count: share.end - share.first });
      const summary = notSentReason(outcome.failure);
      for (const c of o.commands.slice(share.first, share.end))
        rows.push({ index: c.index, type: c.type, userId: c.userId, kind: 'not-sent', summary, rawXml: '' });
      return;
    }
    rows.push(...outcome.rows);
    // A result's index is its position in the list its session sent: made a position in the whole list.
    for (const r of outcome.results) results.push({ ...r, index: r.index + share.first });
  });
  const login = outcomes.find((x) => x.login)?.login;
  if (sessionFailures.length === shares.length) {
    // Nothing was sent: the outcome of a send that never started, as runSend gives it (the first session's reason).
    const { stage, code, message } = sessionFailures[0];
    return { failure: { stage, code, message }, rows: [], results: [], sessions: shares.length, sessionFailures: [] };
  }
  return { login, rows, results, sessions: shares.length, sessionFailures };
}
