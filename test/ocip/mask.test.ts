import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import fc from 'fast-check';
import { logExcerpt, maskSecrets, redactPassword } from '../../core/ocip/mask';

test('maskSecrets masks every password-like element, nested, prefixed, CDATA, and in escaped SOAP text', () => {
  const xml =
    '<command xsi:type="X" xmlns=""><password>p1</password><plainTextPassword>p2</plainTextPassword>' +
    '<signedPassword>p3</signedPassword><sipAuthenticationPassword>p4</sipAuthenticationPassword>' +
    '<newPassword>p5</newPassword><oldPassword>p6</oldPassword><passcode>p7</passcode>' +
    '<accessDeviceCredentials><userName>dev</userName><password><![CDATA[p8]]></password></accessDeviceCredentials>' +
    '<x:newPasscode xmlns:x="y">p9</x:newPasscode></command>';
  const masked = maskSecrets(xml);
  for (let i = 1; i <= 9; i++) assert.ok(!masked.includes(`p${i}`), `p${i} leaked: ${masked}`);
  assert.ok(masked.includes('<userName>dev</userName>'));
  assert.equal((masked.match(/\*{8}/g) ?? []).length, 9);
  const soap = maskSecrets('&lt;userId&gt;u&lt;/userId&gt;&lt;password&gt;s&amp;amp;3&lt;/password&gt;');
  assert.equal(soap, '&lt;userId&gt;u&lt;/userId&gt;&lt;password&gt;********&lt;/password&gt;');
});

test('maskSecrets leaves flags, settings and nil elements alone', () => {
  const xml =
    '<a><useCustomUserNamePassword>true</useCustomUserNamePassword><passwordExpiresDays>7</passwordExpiresDays>' +
    '<disallowOldPasscode>false</disallowOldPasscode><password xsi:nil="true"/><b>keep</b><password>s</password></a>';
  assert.equal(
    maskSecrets(xml),
    '<a><useCustomUserNamePassword>true</useCustomUserNamePassword><passwordExpiresDays>7</passwordExpiresDays>' +
      '<disallowOldPasscode>false</disallowOldPasscode><password xsi:nil="true"/><b>keep</b><password>********</password></a>',
  );
});

test('redactPassword removes the raw and XML-escaped password from any text', () => {
  assert.equal(redactPassword('bad a<b&c and a&lt;b&amp;c', 'a<b&c'), 'bad ******** and ********');
  assert.equal(redactPassword('nothing', ''), 'nothing');
});

describe('logExcerpt: a bounded wire-log excerpt', () => {
  const PASSWORD = 'Qz7#Pw9!';
  // The filler shares no character with the password: any two consecutive password characters in the output are a leak.
  const pairs = [...PASSWORD].slice(1).map((c, i) => PASSWORD[i] + c);
  const pieces = ['a', 'b ', '<x>', '</x>', '\n', '<![CDATA[c]]>'];

  it('never shows a piece of the password or of a secret element, wherever the cut falls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 120 }),
        fc.nat(),
        fc.constantFrom(PASSWORD, '&lt;password&gt;' + PASSWORD, '<password>' + PASSWORD, '<password>' + PASSWORD + '</password>'),
        fc.integer({ min: 5, max: 80 }),
        (filler, where, secret, limit) => {
          const text = filler.join('');
          const at = where % (text.length + 1);
          const xml = text.slice(0, at) + secret + text.slice(at);
          const out = logExcerpt(xml, PASSWORD, limit);
          for (const pair of pairs) assert.ok(!out.includes(pair), `${JSON.stringify(out)} shows '${pair}'`);
          if (xml.length > limit) assert.match(out, new RegExp(` … \\(${xml.length - limit} more characters not logged\\)$`));
          else assert.ok(!out.includes('not logged'));
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('a 40 MiB answer costs one excerpt of the bound, not a copy of the answer', () => {
    const big = '<r>' + 'v'.repeat(40 * 1024 * 1024) + '</r>';
    const out = logExcerpt(big, PASSWORD);
    assert.equal(out.indexOf(' … ('), 1024 * 1024);
    assert.ok(out.length < 1024 * 1024 + 64);
  });
});
