/**
 * The cancellation guard costs no timer turn. Every hover and completion went through a wait that included
 * `setTimeout(0)` (1 ms minimum in Node), so a request that did nothing took 1.8 ms over stdio instead of 0.4 ms.
 * With setTimeout frozen (mock timers), a guarded handler must still answer, and a token cancelled while the
 * guard lets the pipe be read must still give RequestCancelled. The stdio behaviour (a cancel written with the
 * request) is covered by test/hostile/cancel.test.ts.
 */
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { guardRequests } from '../../server/cancel';

type Handler = (params: unknown, token: CancellationToken) => Promise<unknown>;

/** A connection whose onHover keeps the (guarded) handler it is given. */
function guardedHover(handler: () => unknown): Handler {
  let kept: Handler | undefined;
  const fake = { onHover: (h: Handler) => (kept = h) } as unknown as Connection;
  guardRequests(fake).onHover(handler as never);
  return kept!;
}

/** Resolves with the promise's outcome, or 'pending' after `turns` setImmediate turns (no timers involved). */
async function within<T>(p: Promise<T>, turns = 50): Promise<{ value?: T; error?: unknown } | 'pending'> {
  let outcome: { value?: T; error?: unknown } | undefined;
  p.then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  for (let i = 0; i < turns && !outcome; i++) await new Promise((r) => setImmediate(r));
  return outcome ?? 'pending';
}

describe('cancellation guard: no timer turn before a request runs', () => {
  it('answers with setTimeout frozen', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const hover = guardedHover(() => 'answer');
      const outcome = await within(hover({}, { isCancellationRequested: false } as CancellationToken));
      assert.deepEqual(outcome, { value: 'answer' });
    } finally {
      mock.timers.reset();
    }
  });

  it('a token cancelled while the pipe is read: RequestCancelled, the handler never runs', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let ran = false;
      const hover = guardedHover(() => (ran = true));
      const token = { isCancellationRequested: false };
      const answer = hover({}, token as CancellationToken);
      token.isCancellationRequested = true; // what vscode-jsonrpc does when it reads the cancel
      const outcome = await within(answer);
      assert.notEqual(outcome, 'pending');
      assert.equal((outcome as { error: { code: number } }).error.code, -32800);
      assert.equal(ran, false);
    } finally {
      mock.timers.reset();
    }
  });
});
