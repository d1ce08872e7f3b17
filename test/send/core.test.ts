/** core/send pieces without a network: server settings, JSONC, preparation, result texts, history store. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModel } from '../../core/model';
import { DEFAULT_CHECK_OPTIONS } from '../../core/checks/types';
import {
  HISTORY_LIMIT,
  HistoryStore,
  makeHistoryEntry,
  outcomeText,
  parseJsonc,
  parseServers,
  prepareSend,
  productionConfirmationText,
  resultLine,
  secretKey,
  legacySecretKey,
  summarizeResults,
  summaryText,
  checkOptionsFromSettings,
  type ServerConfig,
  type SendResultRow,
} from '../../core/send';
import { tempDir, uca22Yaml, usersYaml } from './fixtures';

const lab: ServerConfig = { name: 'Lab', host: 'as1.lab', port: 2209, transport: 'tls', username: 'admin', production: false };

describe('parseServers', () => {
  test('keeps valid entries, reports bad ones with their position', () => {
    const { servers, problems } = parseServers([
      { name: 'Lab', host: 'as1', username: 'admin' },
      {
        name: 'Prod',
        host: 'as2',
        port: 2209,
        transport: 'TLS',
        username: 'a',
        production: true,
        tls: { fingerprint: 'AB:CD', allowSelfSigned: false },
      },
      { host: 'x', username: 'u' },
      { name: 'Bad', host: 'x', username: 'u', transport: 'ftp' },
      { name: 'Lab', host: 'dup', username: 'u' },
      { name: 'Port', host: 'x', username: 'u', port: 70000 },
      'nope',
    ]);
    assert.deepEqual(
      servers.map((s) => [s.name, s.transport, s.port, s.production]),
      [
        ['Lab', 'tcp', undefined, false],
        ['Prod', 'tls', 2209, true],
      ],
    );
    assert.equal(servers[1].tls?.fingerprint, 'AB:CD');
    assert.equal(problems.length, 5);
    assert.match(problems[0], /ocip\.servers\[2\]: "name" is required/);
    assert.match(problems[1], /\[3\] \(Bad\): "transport" must be tcp, tls or soap/);
    assert.match(problems[2], /already defined/);
    assert.match(problems[3], /"port" must be/);
    assert.match(problems[4], /\[6\]: must be an object/);
  });
  test('a password in settings is ignored and reported', () => {
    const { servers, problems } = parseServers([{ name: 'A', host: 'h', username: 'u', password: 'x' }]);
    assert.equal(servers.length, 1);
    assert.ok(!('password' in servers[0]));
    assert.match(problems[0], /never read from settings/);
  });
  test('not an array', () => assert.deepEqual(parseServers({}).problems, ['ocip.servers must be an array of server entries']));
  test('secret keys are bound to the endpoint and the user, not to the name', () => {
    const base: ServerConfig = { name: 'prod', host: 'as.example.com', port: 2209, transport: 'tls', username: 'admin', production: true };
    const key = secretKey(base);
    const renamed: ServerConfig = { ...base, name: 'renamed' };
    assert.equal(secretKey(renamed), key, 'the name is not part of the key');
    assert.equal(secretKey({ ...base, host: 'AS.example.com ' }), key, 'host case and spaces do not matter');
    assert.equal(secretKey({ ...base, port: undefined }), key, 'the default TLS port is the same endpoint');
    for (const other of [
      { username: 'admin2' },
      { host: 'evil.example.com' },
      { port: 2210 },
      { transport: 'tcp' as const, port: 2209 },
      { tls: { allowSelfSigned: true } },
      { tls: { fingerprint: 'AA:BB' } },
      { tls: { ca: '-----BEGIN CERTIFICATE-----' } },
    ])
      assert.notEqual(secretKey({ ...base, ...other }), key, JSON.stringify(other));
    const soap: ServerConfig = {
      name: 'x',
      host: 'xsp',
      transport: 'soap',
      username: 'u',
      production: false,
      soapUrl: 'https://xsp/webservice/services/ProvisioningService',
    };
    assert.equal(secretKey({ ...soap, soapUrl: 'https://xsp/' }), secretKey(soap), 'the default SOAP path');
    assert.notEqual(
      secretKey({ ...soap, soapUrl: 'http://xsp/webservice/services/ProvisioningService' }),
      secretKey(soap),
      'http is another endpoint',
    );
    assert.notEqual(secretKey({ ...soap, soapUrl: 'https://evil/webservice/services/ProvisioningService' }), secretKey(soap));
    assert.doesNotMatch(key, /prod|admin|example/, 'the key names nothing (a hash)');
    assert.notEqual(legacySecretKey(base), key);
    assert.notEqual(legacySecretKey({ name: 'A/b', username: 'u' }), legacySecretKey({ name: 'A', username: 'b/u' }));
  });
});

describe('parseJsonc', () => {
  test('comments and trailing commas, not inside strings', () => {
    const v = parseJsonc('{\n // c\n "a": "x // y, }", /* b */ "b": [1, 2,],\n}');
    assert.deepEqual(v, { a: 'x // y, }', b: [1, 2] });
  });
  test('a syntax error names the line', () => {
    assert.throws(() => parseJsonc('{\n "a": 1\n "b": 2 }', 's.json'), /s\.json:3:\d+: not valid JSON/);
  });
});

describe('prepareSend', () => {
  const model = builtinModel();
  test('errors block the file; a selected clean command can still be sent', () => {
    const text = uca22Yaml('a@x') + '\n---\ncommand: UserConsolidatedAddRequest22\nuserId: b@x\n';
    const all = prepareSend(text, 'yaml', model, { checks: DEFAULT_CHECK_OPTIONS });
    assert.ok(all.errors.length > 0);
    assert.ok(all.errors.every((e) => e.command === 1));
    const first = prepareSend(text, 'yaml', model, { checks: DEFAULT_CHECK_OPTIONS, only: [0] });
    assert.deepEqual(first.errors, []);
    assert.deepEqual(
      first.commands.map((c) => [c.index, c.userId]),
      [[0, 'a@x']],
    );
    assert.match(
      first.commands[0].xml,
      /^<command xsi:type="UserConsolidatedAddRequest22" xmlns=""><serviceProviderId>sp1<\/serviceProviderId>/,
    );
  });
  test('XML files encode the same commands', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<sessionId xmlns="">x</sessionId>\n<command xsi:type="UserDeleteRequest" xmlns=""><userId>a@x</userId></command>\n</BroadsoftDocument>\n';
    const p = prepareSend(xml, 'xml', model, { checks: DEFAULT_CHECK_OPTIONS });
    assert.deepEqual(p.errors, []);
    assert.equal(p.commands[0].xml, '<command xsi:type="UserDeleteRequest" xmlns=""><userId>a@x</userId></command>');
    assert.equal(p.commands[0].span.start, xml.indexOf('<command'));
  });
  test('an empty file or a missing selected command is an error', () => {
    assert.match(prepareSend('', 'yaml', model, { checks: DEFAULT_CHECK_OPTIONS }).errors[0].message, /no OCI-P command/);
    assert.match(
      prepareSend(usersYaml(['a@x']), 'yaml', model, { checks: DEFAULT_CHECK_OPTIONS, only: [4] }).errors[0].message,
      /no command #5/,
    );
  });
  test('settings become check options', () => {
    assert.deepEqual(checkOptionsFromSettings({ dataMode: 'XS', adminLevel: 'Group', servicePacks: { P: ['A', 1] } }), {
      ...DEFAULT_CHECK_OPTIONS,
      dataMode: 'XS',
      adminLevel: 'Group',
      servicePacks: { P: ['A'] },
    });
    assert.deepEqual(checkOptionsFromSettings({ dataMode: 'xs', adminLevel: 'group' }), {
      ...DEFAULT_CHECK_OPTIONS,
      dataMode: 'XS',
      adminLevel: 'Group',
    });
    assert.deepEqual(
      checkOptionsFromSettings({ dataMode: 'zz', adminLevel: 'King' }),
      { ...DEFAULT_CHECK_OPTIONS, adminLevel: 'Group Department' },
      'an unknown level is the least privileged, never System',
    );
  });
});

describe('result texts', () => {
  const row = (p: Partial<SendResultRow>): SendResultRow => ({
    index: 2,
    type: 'UserConsolidatedAddRequest22',
    kind: 'success',
    rawXml: '',
    ...p,
  });
  test('lines', () => {
    assert.equal(
      resultLine(
        row({ userId: 'jdoe@example.com', kind: 'error', errorCode: 4200, summary: '[Error 4200] User already exists: jdoe@example.com' }),
      ),
      '#3 UserConsolidatedAddRequest22 jdoe@example.com: [Error 4200] User already exists: jdoe@example.com',
    );
    assert.equal(
      resultLine(row({ kind: 'error', errorCode: 6004, summary: 'OCI XML Request validation error', detail: 'Invalid\n  xsi:type' })),
      '#3 UserConsolidatedAddRequest22: [Error 6004] OCI XML Request validation error (Invalid xsi:type)',
    );
    assert.equal(outcomeText(row({ kind: 'not-sent', summary: 'not sent: cancelled' })), 'NOT SENT: not sent: cancelled');
    assert.equal(outcomeText(row({ kind: 'data', responseType: 'UserGetResponse23V2' })), 'OK (UserGetResponse23V2)');
  });
  test('summary', () => {
    const s = summarizeResults([
      row({}),
      row({ kind: 'warning' }),
      row({ kind: 'error' }),
      row({ kind: 'unknown' }),
      row({ kind: 'not-sent' }),
    ]);
    assert.deepEqual(s, { total: 5, succeeded: 2, failed: 1, warnings: 1, unknown: 1, notSent: 1 });
    assert.equal(
      summaryText(s),
      '2 of 5 commands succeeded, 1 with a warning, 1 failed, 1 with unknown outcome (may have been executed), 1 not sent',
    );
  });
  test('production confirmation names the server and the count', () => {
    assert.equal(
      productionConfirmationText({ ...lab, name: 'Prod AS' }, 2),
      '"Prod AS" (tls://as1.lab:2209) is a PRODUCTION server. Send 2 commands to it? Commands are executed immediately and cannot be undone.',
    );
  });
});

describe('HistoryStore', () => {
  test('newest first, capped, corrupt files set aside', () => {
    const tmp = tempDir();
    try {
      const store = new HistoryStore(join(tmp.dir, 'h', 'history.json'));
      assert.deepEqual(store.read(), []);
      for (let i = 0; i < HISTORY_LIMIT + 3; i++)
        store.add(makeHistoryEntry({ server: lab, file: `/f${i}.ocip.yaml`, rows: [], time: new Date(1_000_000 + i) }));
      const entries = store.read();
      assert.equal(entries.length, HISTORY_LIMIT);
      assert.equal(entries[0].file, `/f${HISTORY_LIMIT + 2}.ocip.yaml`);
      assert.equal(store.find(entries[5].id)?.file, entries[5].file);
      writeFileSync(join(tmp.dir, 'h', 'history.json'), '{not json');
      assert.deepEqual(store.read(), []);
      assert.ok(readdirSync(join(tmp.dir, 'h')).some((f) => f.startsWith('history.json.corrupt-')));
    } finally {
      tmp.cleanup();
    }
  });
});
