/**
 * The language server's half of a server check over stdio (what the extension does): ocip/serverCheckPlan lists the
 * reads of the version it holds, the reads go to the simulator through core's read-only gate, and
 * ocip/serverCheckJudge turns the answers into diagnostics on that version, even with schema errors in the file;
 * a judge for an older version is refused. The server itself never connects anywhere.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../helpers/lsp-client';
import {
  SERVER_CHECK_JUDGE_REQUEST,
  SERVER_CHECK_PLAN_REQUEST,
  type ServerCheckJudgeResult,
  type ServerCheckPlanResult,
} from '../../core/protocol/messages';
import { isCheckRequest, readServerState, ServerStateCache } from '../../core/server-checks';
import type { RunningSimulator } from '../../sim/index';
import { ACCOUNTS, serverFor, startCheckSimulator } from './fixtures';

const TEXT = [
  'command: UserConsolidatedAddRequest22',
  'serviceProviderId: acme',
  'groupId: acme-nope',
  'userId: jane@acme.example.com',
  'lastName: Doe',
  'bogus: 1',
  '',
].join('\n');

describe('server checks through the language server', () => {
  let client: LspTestClient;
  let sim: RunningSimulator & { requests: string[] };
  before(async () => {
    client = new LspTestClient({ settings: { diagnostics: { debounceMs: 0 } } });
    await client.initialize();
    sim = await startCheckSimulator();
  });
  after(async () => {
    await client.shutdown();
    await sim.close();
  });

  it('plan, read, judge: diagnostics on the exact element of the version held', async () => {
    const uri = 'file:///w/check.ocip.yaml';
    client.open(uri, 'ocip-yaml', TEXT);
    const plan = await client.request<ServerCheckPlanResult>(SERVER_CHECK_PLAN_REQUEST, { uri });
    assert.ok(!('error' in plan), JSON.stringify(plan));
    assert.equal(plan.version, 1);
    assert.ok(plan.queries.length >= 4 && plan.queries.every((q) => isCheckRequest(q.type)));
    const state = await readServerState({
      server: serverFor(sim, 'sys'),
      password: ACCOUNTS.sys.password,
      queries: plan.queries,
      adminLevel: 'System',
      cache: new ServerStateCache({ ttlSeconds: 300 }),
    });
    assert.equal(state.failure, undefined);
    const judged = await client.request<ServerCheckJudgeResult>(SERVER_CHECK_JUDGE_REQUEST, {
      uri,
      version: plan.version,
      answers: [...state.answers],
      level: state.level,
      serverName: 'lab',
      checkedAt: '2026-12-07T10:00:00.000Z',
    });
    assert.ok(!('error' in judged), JSON.stringify(judged));
    const group = judged.diagnostics.find((d) => d.code === 'OCI-SERVER-GROUP-NOT-FOUND');
    assert.ok(group, JSON.stringify(judged.diagnostics));
    assert.equal(TEXT.slice(group.span.start, group.span.end), 'acme-nope');
    assert.match(group.message, /\[lab, 2026-12-07T10:00:00Z\]$/);
    assert.ok(sim.requests.every(isCheckRequest));

    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
    const stale = await client.request<ServerCheckJudgeResult>(SERVER_CHECK_JUDGE_REQUEST, {
      uri,
      version: plan.version,
      answers: [...state.answers],
      level: state.level,
      serverName: 'lab',
      checkedAt: '2026-12-07T10:00:00.000Z',
    });
    assert.ok('error' in stale);
  });

  it('malformed answers count as unanswered, never as facts', async () => {
    const uri = 'file:///w/odd.ocip.yaml';
    client.open(uri, 'ocip-yaml', TEXT);
    const plan = await client.request<ServerCheckPlanResult>(SERVER_CHECK_PLAN_REQUEST, { uri });
    assert.ok(!('error' in plan));
    const judged = await client.request<ServerCheckJudgeResult>(SERVER_CHECK_JUDGE_REQUEST, {
      uri,
      version: plan.version,
      answers: plan.queries.map((q) => [q.key, { kind: 'absent' }]),
      level: 'Nonsense',
      serverName: 'lab',
      checkedAt: 'not a date',
    });
    assert.ok(!('error' in judged));
    assert.deepEqual(
      judged.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.ok(judged.diagnostics.every((d) => d.code === 'OCI-SERVER-UNVERIFIED'));
  });
});
