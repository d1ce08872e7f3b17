import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecrets, redactPassword } from '../../core/ocip/mask';

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
