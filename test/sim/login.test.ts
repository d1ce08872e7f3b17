import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { signPassword, startSimulator, type RunningSimulator } from '../../sim/index';
import { command, field, md5, ociDocument, RawClient, sha1 } from './client';
import { PASSWORDS, testSeed } from './fixtures';

describe('signed password', () => {
  it('matches the published test vector', () => {
    assert.equal(signPassword('1234567890123', 'password'), '77e4a6de3a1e00be05e121cf0ebee860');
    assert.equal(md5(`1234567890123:${sha1('password')}`), '77e4a6de3a1e00be05e121cf0ebee860');
  });
});

describe('login state machine over TCP', () => {
  let sim: RunningSimulator;
  const lines: string[] = [];
  before(async () => {
    sim = await startSimulator({ tcpPort: 0, tlsPort: 0, seed: testSeed(), log: (l) => lines.push(l) });
  });
  after(() => sim.close());

  it('AuthenticationRequest + LoginRequest14sp4 with the signed password', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    const [auth] = await c.request(command('AuthenticationRequest', '<userId>sp</userId>'));
    assert.equal(field(auth.xml, 'userId'), 'sp');
    assert.match(field(auth.xml, 'nonce') ?? '', /^\d{13}$/);
    assert.equal(field(auth.xml, 'passwordAlgorithm'), 'MD5');
    const signed = md5(`${field(auth.xml, 'nonce')}:${sha1(PASSWORDS.sp)}`);
    const [login] = await c.request(command('LoginRequest14sp4', `<userId>sp</userId><signedPassword>${signed}</signedPassword>`));
    assert.equal(login.type, 'LoginResponse14sp4');
    assert.equal(field(login.xml, 'loginType'), 'Service Provider');
    assert.equal(field(login.xml, 'serviceProviderId'), 'sp1');
    assert.equal(field(login.xml, 'groupId'), undefined);
    assert.equal(field(login.xml, 'encoding'), 'ISO-8859-1');
    assert.equal(field(login.xml, 'userDomain'), 'sp1.example.com');
    const [ok] = await c.request(command('VerifySessionIsValidRequest', ''));
    assert.equal(ok.type, 'c:SuccessResponse');
    c.close();
  });

  it('LoginRequest14sp4 with a wrong signed password fails with 4962', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    const [auth] = await c.request(command('AuthenticationRequest', '<userId>sp</userId>'));
    const signed = md5(`${field(auth.xml, 'nonce')}:${sha1('not-it')}`);
    const [login] = await c.request(command('LoginRequest14sp4', `<userId>sp</userId><signedPassword>${signed}</signedPassword>`));
    assert.equal(login.summary, '[Error 4962] Invalid password');
    c.close();
  });

  it('LoginRequest22V5 with the plain password, per level', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    const login = await c.login22('grp@sp1.example.com', PASSWORDS.grp);
    assert.equal(login.type, 'LoginResponse22V5');
    assert.equal(field(login.xml, 'loginType'), 'Group');
    assert.equal(field(login.xml, 'groupId'), 'g1');
    assert.equal(field(login.xml, 'serviceProviderId'), 'sp1');
    assert.equal(field(login.xml, 'isEnterprise'), 'false');
    assert.equal(field(login.xml, 'passwordExpiresDays'), '2147483647');
    c.close();
    const r = await RawClient.connect(sim.ports.tcp!);
    const res = await r.login22('res', PASSWORDS.res);
    assert.equal(field(res.xml, 'loginType'), 'Reseller');
    assert.equal(field(res.xml, 'resellerId'), 'r1');
    r.close();
  });

  it('wrong password, unknown user and disabled account', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    assert.equal((await c.login22('sys', 'wrong')).summary, '[Error 4962] Invalid password');
    assert.equal((await c.login22('nobody', 'x')).summary, '[Error 4962] Invalid password');
    assert.equal((await c.login22('off', PASSWORDS.off)).summary, '[Error 5202] Account is disabled.');
    c.close();
  });

  it('refuses commands before login', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    const [r] = await c.request(command('SystemSoftwareVersionGetRequest', ''));
    assert.equal(r.summary, '[Error 4021] Not logged in');
    c.close();
  });

  it('answers an unknown command type with 6004 and an XMLBeans-style detail', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.login22('sys', PASSWORDS.sys);
    const [r] = await c.request(command('LoginRequest', '<userId>sys</userId>'));
    assert.equal(r.summary, '[Error 6004] OCI XML Request validation error');
    assert.match(r.xml, /<detail><!\[CDATA\[Invalid xsi:type qname: 'LoginRequest' in element BroadsoftDocument@C/);
    c.close();
  });

  it('LogoutRequest closes the connection without a reply', async () => {
    const c = await RawClient.connect(sim.ports.tcp!);
    await c.login22('sys', PASSWORDS.sys);
    await c.write(`${ociDocument(command('LogoutRequest', '<userId>sys</userId><reason>Client Logout</reason>'))}\n`);
    await c.waitClosed();
    assert.ok(!c.allText.includes('SuccessResponse'));
  });

  it('TLS: the same login works, and the fingerprint matches the certificate served', async () => {
    assert.match(sim.tlsFingerprint ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const c = await RawClient.connect(sim.ports.tls!, { tls: true });
    const peer = (c.socket as import('node:tls').TLSSocket).getPeerX509Certificate() as X509Certificate;
    assert.equal(peer.fingerprint256, sim.tlsFingerprint);
    assert.equal((await c.login14('sys', PASSWORDS.sys)).type, 'LoginResponse14sp4');
    c.close();
  });

  it('never logs a password or signed password', () => {
    const all = lines.join('\n');
    assert.ok(lines.length > 10);
    for (const p of Object.values(PASSWORDS)) assert.ok(!all.includes(p), `log leaks ${p}`);
    assert.ok(!/<signedPassword>[0-9a-f]{32}</.test(all));
    assert.match(all, /<password>\*+<\/password>/);
  });
});

describe('logout with a SuccessResponse', () => {
  it('writes SuccessResponse, then closes, when configured', async () => {
    const sim = await startSimulator({ tcpPort: 0, seed: testSeed(), logoutSuccessResponse: true });
    try {
      const c = await RawClient.connect(sim.ports.tcp!);
      await c.login22('sys', PASSWORDS.sys);
      const [r] = await c.request(command('LogoutRequest', '<userId>sys</userId>'));
      assert.equal(r.type, 'c:SuccessResponse');
      await c.waitClosed();
    } finally {
      await sim.close();
    }
  });
});
