import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { DocumentFramer, decodeDocument } from '../../sim/wire/framer';
import { command, ociDocument, RawClient, responseCommands } from './client';
import { PASSWORDS, testSeed, uca22 } from './fixtures';

const VERSION = command('SystemSoftwareVersionGetRequest', '');

describe('framing unit', () => {
  it('splits documents at the end tag, skipping whitespace, across chunks', () => {
    const f = new DocumentFramer();
    const a = '<BroadsoftDocument>a</BroadsoftDocument>';
    const b = '<C:BroadsoftDocument xmlns:C="C">b</C:BroadsoftDocument >';
    assert.deepEqual(f.push(Buffer.from(`  \r\n${a}\r\n${b.slice(0, 10)}`)).map(String), [a]);
    assert.deepEqual(f.push(Buffer.from(b.slice(10) + '  ')).map(String), [b]);
    assert.equal(f.pending, 0);
  });

  it('decodes by the declared encoding', () => {
    assert.equal(
      decodeDocument(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>', 'latin1')),
      '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>',
    );
    assert.equal(
      decodeDocument(Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>é</a>', 'utf8')),
      '<?xml version="1.0" encoding="UTF-8"?><a>é</a>',
    );
  });
});

describe('framing over TCP', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ tcpPort: 0, seed: testSeed() });
  });
  after(() => sim.close());

  it('accepts one document written one byte at a time, without a trailing newline', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    const bytes = Buffer.from(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')), 'latin1');
    for (let i = 0; i < bytes.length; i++) await c.write(bytes.subarray(i, i + 1));
    const [resp] = responseCommands(await c.nextDocument());
    assert.equal(resp.type, 'AuthenticationResponse');
    c.close();
  });

  it('answers two documents sent in one write, in order, each on one line', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.login22('sys', PASSWORDS.sys);
    const two = ociDocument(VERSION, 's-1') + ociDocument(command('VerifySessionIsValidRequest', ''), 's-2') + '\r\n';
    await c.write(two);
    const first = await c.nextDocument();
    const second = await c.nextDocument();
    assert.match(first, /<sessionId xmlns="">s-1<\/sessionId>/);
    assert.equal(responseCommands(first)[0].type, 'SystemSoftwareVersionGetResponse');
    assert.match(second, /<sessionId xmlns="">s-2<\/sessionId>/);
    assert.equal(responseCommands(second)[0].type, 'c:SuccessResponse');
    for (const d of [first, second]) {
      assert.ok(!d.includes('\n'), 'a response is one line');
      assert.ok(
        d.startsWith(
          '<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        ),
      );
    }
    c.close();
  });

  it('accepts trailing CRLF and spaces and leading whitespace', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.write('\r\n  ' + ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')) + '\r\n   ');
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'AuthenticationResponse');
    await c.write(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')) + '   ');
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'AuthenticationResponse');
    c.close();
  });

  it('writes ISO-8859-1 bytes with numeric references above U+00FF, and echoes echo and trackingId', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.login22('sys', PASSWORDS.sys);
    const add = uca22({ userId: 'latin@sp1.example.com' }).replace('<lastName>Doe</lastName>', '<lastName>Zoë €uro</lastName>');
    await c.write(Buffer.from(ociDocument(add).replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'), 'utf8'));
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'c:SuccessResponse');
    const get = command('UserGetRequest23V2', '<userId>latin@sp1.example.com</userId>', ' echo="e-42"');
    await c.write(ociDocument(get).replace('</sessionId>', '</sessionId><trackingId xmlns="">t-7</trackingId>'));
    const raw = await c.nextDocument();
    const bytes = Buffer.from(raw, 'latin1');
    assert.ok(bytes.includes(Buffer.from([0xeb])), 'ë is the single ISO-8859-1 byte 0xEB');
    assert.match(raw, /<lastName>Zo. &#8364;uro<\/lastName>/);
    assert.match(raw, /<trackingId xmlns="">t-7<\/trackingId>/);
    assert.match(raw, /echo="e-42"/);
    c.close();
  });

  it('answers a malformed document with 6004 and a position, and keeps the connection', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.write('<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">x</sessionId><command></BroadsoftDocument>\n');
    const doc = await c.nextDocument();
    assert.equal(responseCommands(doc)[0].summary, '[Error 6004] OCI XML Request validation error');
    assert.match(doc, /line 1/);
    await c.write(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>')));
    assert.equal(responseCommands(await c.nextDocument())[0].type, 'AuthenticationResponse');
    c.close();
  });

  it('rejects a document with a DOCTYPE without expanding entities', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.write(
      '<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [<!ENTITY x "EXPANDED">]><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">&x;</sessionId>' +
        command('AuthenticationRequest', '<userId>&x;</userId>') +
        '</BroadsoftDocument>',
    );
    const doc = await c.nextDocument();
    assert.equal(responseCommands(doc)[0].summary, '[Error 6004] OCI XML Request validation error');
    assert.match(doc, /DOCTYPE/);
    assert.ok(!doc.includes('EXPANDED'));
    c.close();
  });
});
