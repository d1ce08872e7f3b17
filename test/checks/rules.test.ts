/**
 * Every mode and authority rule of UserConsolidatedAddRequest22 (and the nested-type and prose rules):
 * each fires where the documentation says, at the right place, and stays quiet otherwise.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile } from '../../core/checks';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type Diagnostic } from '../../core/checks/types';
import { builtinModel } from '../../core/model';
import { parseYaml } from '../../core/syntax';
import { UCA_ALICE_YAML as BASE } from '../helpers/uca22';

function check(extra: string, opts: Partial<CheckOptions> = {}, base = BASE): { text: string; diags: Diagnostic[] } {
  const text = base + extra;
  return { text, diags: checkFile(parseYaml(text), builtinModel(), { ...DEFAULT_CHECK_OPTIONS, ...opts }) };
}

function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => d.code).sort();
}

function only(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

const at = (text: string, d: Diagnostic) => text.slice(d.span.start, d.span.end);

describe('UserConsolidatedAddRequest22 rules', () => {
  it('a valid command in AS mode as System gets only the group hint', () => {
    assert.deepEqual(codes(check('').diags), ['OCI-GROUP-PROPERTIES']);
  });

  it('XS mode: the listed elements are ignored (warning, faded, remove fix), and nested rules inside them are not reported', () => {
    const extra =
      'passcode: "1234"\nisPlace: true\nalternateUserId:\n  - alternateUserId: a2@acme.example\nnameDialingName: {nameDialingLastName: M, nameDialingFirstName: A}\n';
    const { text, diags } = check(extra, { dataMode: 'XS' });
    const ignored = only(diags, 'OCI-XS-IGNORED');
    assert.deepEqual(
      ignored.map((d) => at(text, d).split('\n')[0]),
      ['passcode', 'isPlace', 'alternateUserId: a2@acme.example', 'nameDialingName'],
    );
    for (const d of ignored) {
      assert.equal(d.severity, 'warning');
      assert.deepEqual(d.tags, ['unnecessary']);
      assert.deepEqual(d.fix, { kind: 'remove' });
    }
    assert.equal(only(check(extra, { dataMode: 'AS' }).diags, 'OCI-XS-IGNORED').length, 0);
  });

  it('XS mode needs a System administrator', () => {
    assert.equal(only(check('', { dataMode: 'XS', adminLevel: 'Provisioning' }).diags, 'OCI-XS-SYSTEM-ONLY').length, 1);
    assert.equal(only(check('', { dataMode: 'XS', adminLevel: 'System' }).diags, 'OCI-XS-SYSTEM-ONLY').length, 0);
    assert.equal(only(check('', { dataMode: 'AS', adminLevel: 'Group' }).diags, 'OCI-XS-SYSTEM-ONLY').length, 0);
  });

  it('group hint: once per group and file, on the first command for the group; none after a command that creates it', () => {
    const user = (id: string, group: string, extra = '') => BASE.replace('alice', id).replace('groupId: hq', `groupId: ${group}`) + extra;
    const props = 'groupProperties: {defaultDomain: acme.example, userLimit: 10}\n';
    const text = [
      user('a1', 'hq'),
      user('a2', 'hq'),
      user('a3', 'lab', props),
      user('a4', 'lab'),
      user('a5', 'hq'),
      user('a6', 'ops'),
    ].join('---\n');
    const file = parseYaml(text);
    const hints = only(checkFile(file, builtinModel()), 'OCI-GROUP-PROPERTIES');
    assert.deepEqual(
      hints.map((d) => [d.command, d.key]),
      [
        [0, 'acme/hq'],
        [5, 'acme/ops'],
      ],
    );
    assert.ok(hints.every((d) => !d.claim && /acme\/(hq|ops) does not exist yet/.test(d.message)));
    // A later command that creates the group does not silence the hint on an earlier one.
    const late = parseYaml([user('b1', 'hq'), user('b2', 'hq', props)].join('---\n'));
    assert.deepEqual(
      only(checkFile(late, builtinModel()), 'OCI-GROUP-PROPERTIES').map((d) => d.command),
      [0],
    );
  });

  it('group creation: hint without groupProperties; warning when below Service Provider in AS', () => {
    const props = 'groupProperties: {defaultDomain: acme.example, userLimit: 10}\n';
    assert.equal(only(check(props).diags, 'OCI-GROUP-PROPERTIES').length, 0);
    const asGroup = only(check(props, { adminLevel: 'Group' }).diags, 'OCI-GROUP-CREATE-LEVEL');
    assert.equal(asGroup.length, 1);
    assert.equal(asGroup[0].severity, 'warning');
    assert.equal(only(check(props, { adminLevel: 'Service Provider' }).diags, 'OCI-GROUP-CREATE-LEVEL').length, 0);
    assert.equal(only(check(props, { adminLevel: 'Group', dataMode: 'XS' }).diags, 'OCI-GROUP-CREATE-LEVEL').length, 0);
  });

  it('domain assignment: what the server will need, by level', () => {
    const { text, diags } = check('', { adminLevel: 'Service Provider' });
    const sp = only(diags, 'OCI-DOMAIN-LEVEL');
    assert.equal(sp.length, 1);
    assert.equal(at(text, sp[0]), 'alice@acme.example');
    assert.match(sp[0].message, /assigned to the service provider/);
    assert.match(only(check('', { adminLevel: 'Group' }).diags, 'OCI-DOMAIN-LEVEL')[0].message, /assigned to the group/);
    assert.equal(only(check('', { adminLevel: 'Provisioning' }).diags, 'OCI-DOMAIN-LEVEL').length, 0);
  });

  it('addPhoneNumberToGroup needs a Service Provider administrator (AS) and a phoneNumber', () => {
    const extra = 'phoneNumber: "2125550100"\naddPhoneNumberToGroup: true\n';
    assert.equal(only(check(extra, { adminLevel: 'Group' }).diags, 'OCI-ADD-NUMBER-LEVEL').length, 1);
    assert.equal(only(check(extra, { adminLevel: 'Service Provider' }).diags, 'OCI-ADD-NUMBER-LEVEL').length, 0);
    assert.equal(only(check('addPhoneNumberToGroup: true\n').diags, 'OCI-ADD-NUMBER-NO-NUMBER').length, 1);
    assert.equal(only(check(extra).diags, 'OCI-ADD-NUMBER-NO-NUMBER').length, 0);
  });

  it('password is required unless external authentication is enabled (AS only)', () => {
    const noPassword = BASE.replace('password: Secret-123\n', '');
    assert.equal(only(check('', {}, noPassword).diags, 'OCI-PASSWORD-REQUIRED').length, 1);
    assert.equal(only(check('', { externalAuthentication: true }, noPassword).diags, 'OCI-PASSWORD-REQUIRED').length, 0);
    assert.equal(only(check('', { dataMode: 'XS' }, noPassword).diags, 'OCI-PASSWORD-REQUIRED').length, 0);
  });

  it('alternate user ids need a Group administrator or above (AS)', () => {
    const extra = 'alternateUserId:\n  - alternateUserId: a2@acme.example\n';
    assert.equal(only(check(extra, { adminLevel: 'Group Department' }).diags, 'OCI-ALT-ID-LEVEL').length, 1);
    assert.equal(only(check(extra, { adminLevel: 'Group' }).diags, 'OCI-ALT-ID-LEVEL').length, 0);
  });

  it('authorizing services and packs to the group needs a Service Provider administrator (AS)', () => {
    const extra = 'userService:\n  - userServiceName: Call Waiting\nservicePack:\n  - servicePackName: Basic\n';
    assert.equal(only(check(extra, { adminLevel: 'Group' }).diags, 'OCI-SERVICE-AUTH-LEVEL').length, 2);
    assert.equal(only(check(extra, { adminLevel: 'Service Provider' }).diags, 'OCI-SERVICE-AUTH-LEVEL').length, 0);
  });

  describe('service prerequisites', () => {
    const sca =
      'sharedCallAppearanceAccessDeviceEndpoint:\n  - accessDevice: {deviceLevel: Group, deviceName: d}\n    linePort: a_sca@acme.example\n    isActive: true\n    allowOrigination: true\n    allowTermination: true\n    useHotline: false\n';
    const known = { newUserTemplateServices: [] as string[] };

    it('an error when the service is nowhere, with an add-service fix', () => {
      const { text, diags } = check(sca, known);
      const d = only(diags, 'OCI-SERVICE-REQUIRED');
      assert.equal(d.length, 1);
      assert.equal(at(text, d[0]), 'sharedCallAppearanceAccessDeviceEndpoint');
      assert.deepEqual(d[0].fix, { kind: 'addService', service: 'Shared Call Appearance' });
    });
    it('satisfied by userService (numbered variants too), a known pack, or the template (AS)', () => {
      assert.equal(
        only(check(sca + 'userService:\n  - userServiceName: Shared Call Appearance 10\n', known).diags, 'OCI-SERVICE-REQUIRED').length,
        0,
      );
      assert.equal(
        only(
          check(sca + 'servicePack:\n  - servicePackName: Exec\n', { ...known, servicePacks: { Exec: ['Shared Call Appearance'] } }).diags,
          'OCI-SERVICE-REQUIRED',
        ).length,
        0,
      );
      assert.equal(only(check(sca, { newUserTemplateServices: ['Shared Call Appearance'] }).diags, 'OCI-SERVICE-REQUIRED').length, 0);
    });
    it('"cannot verify" (information, never an error) when a pack or the template is unknown', () => {
      const pack = check(sca + 'servicePack:\n  - servicePackName: Mystery\n', known).diags;
      assert.equal(only(pack, 'OCI-SERVICE-REQUIRED').length, 0);
      const info = only(pack, 'OCI-SERVICE-UNVERIFIED');
      assert.equal(info.length, 1);
      assert.equal(info[0].severity, 'information');
      assert.match(info[0].message, /Mystery/);
      assert.equal(only(check(sca).diags, 'OCI-SERVICE-UNVERIFIED').length, 1, 'template unknown by default');
    });
    it('XS mode: the template does not count', () => {
      assert.equal(
        only(check(sca, { dataMode: 'XS', newUserTemplateServices: ['Shared Call Appearance'] }).diags, 'OCI-SERVICE-REQUIRED').length,
        1,
      );
    });
    it('third-party voice mail and SIP authentication need their services (AS)', () => {
      const vm = check('thirdPartyVoiceMailServerSelection: Group Mail Server\n', known).diags;
      assert.match(only(vm, 'OCI-SERVICE-REQUIRED')[0].message, /Third-Party Voice Mail Support/);
      const auth = check('sipAuthenticationData: {sipAuthenticationUserName: a, sipAuthenticationPassword: b}\n', known).diags;
      assert.match(only(auth, 'OCI-SERVICE-REQUIRED')[0].message, /Authentication/);
      assert.equal(
        only(
          check('sipAuthenticationData: {sipAuthenticationUserName: a, sipAuthenticationPassword: b}\n', { ...known, dataMode: 'XS' })
            .diags,
          'OCI-SERVICE-REQUIRED',
        ).length,
        0,
      );
    });
  });
});

describe('rules on nested types and in prose', () => {
  const endpoint = (extra: string) =>
    `accessDeviceEndpoint:\n  accessDevice: {deviceLevel: Group, deviceName: d}\n  linePort: a_1@acme.example\n${extra}`;

  it('XS: at most one contact; AS: several contacts only hint', () => {
    const two = endpoint('  contact: [a@1.2.3.4, b@1.2.3.4]\n  useHotline: false\n');
    assert.equal(only(check(two, { dataMode: 'XS' }).diags, 'OCI-XS-ONE-CONTACT').length, 1);
    const as = only(check(two).diags, 'OCI-MULTI-CONTACT');
    assert.equal(as.length, 1);
    assert.equal(as[0].severity, 'hint');
  });

  it('XS: useHotline true warns with a set-false fix; hotlineContact is ignored', () => {
    const { diags } = check(endpoint('  useHotline: true\n  hotlineContact: h@acme.example\n'), { dataMode: 'XS' });
    assert.deepEqual(only(diags, 'OCI-XS-HOTLINE')[0].fix, { kind: 'setValue', value: 'false' });
    assert.equal(only(diags, 'OCI-XS-IGNORED').length, 1);
  });

  it('XS: transportProtocol TLS fails', () => {
    assert.equal(
      only(check(endpoint('  transportProtocol: TLS\n  useHotline: false\n'), { dataMode: 'XS' }).diags, 'OCI-XS-TLS').length,
      1,
    );
    assert.equal(only(check(endpoint('  transportProtocol: TLS\n  useHotline: false\n')).diags, 'OCI-XS-TLS').length, 0);
  });

  it('AS: privateIdentity of a shared call appearance is ignored', () => {
    const sca =
      'sharedCallAppearanceAccessDeviceEndpoint:\n  - accessDevice: {deviceLevel: Group, deviceName: d}\n    linePort: a_sca@acme.example\n    privateIdentity: a@acme.example\n    isActive: true\n    allowOrigination: true\n    allowTermination: true\n    useHotline: false\n';
    const d = only(check(sca).diags, 'OCI-AS-IGNORED');
    assert.equal(d.length, 1);
    assert.deepEqual(d[0].tags, ['unnecessary']);
    assert.equal(only(check(sca, { dataMode: 'XS' }).diags, 'OCI-AS-IGNORED').length, 0);
  });

  it('trunk identity and its domain (XS pair rule is moot because trunkAddressing is ignored there; AS hint)', () => {
    const trunk = 'trunkAddressing:\n  alternateTrunkIdentity: pbx1\n  alternateTrunkIdentityDomain: acme.example\n';
    assert.equal(only(check(trunk).diags, 'OCI-IMS-ONLY').length, 1);
    assert.equal(
      only(check('trunkAddressing:\n  alternateTrunkIdentity: pbx1\n', { dataMode: 'XS' }).diags, 'OCI-XS-TRUNK-IDENTITY-PAIR').length,
      0,
    );
  });

  it('service provider id limited to 30 bytes', () => {
    const { diags } = check('', {}, BASE.replace('serviceProviderId: acme', `serviceProviderId: ${'é'.repeat(20)}`));
    assert.equal(only(diags, 'OCI-SP-BYTES').length, 1);
    assert.equal(only(diags, 'OCI-LENGTH').length, 0, '20 characters are within the facet');
  });

  it('alias, line/port, directory number and user id formats', () => {
    const { diags } = check('phoneNumber: 212-CALL-NOW\nalias: ["sip:a@b.c", "no-at-sign", "ok@acme.example"]\n');
    assert.equal(only(diags, 'OCI-ALIAS-FORMAT').length, 2);
    assert.equal(only(diags, 'OCI-DN-FORMAT').length, 1);
    assert.equal(
      only(check(endpoint('  useHotline: false\n').replace('a_1@acme.example', 'sip:a_1@acme.example')).diags, 'OCI-LINEPORT-FORMAT')
        .length,
      1,
    );
    assert.equal(only(check('', {}, BASE.replace('alice@acme.example', 'alice')).diags, 'OCI-USERID-DOMAIN').length, 1);
  });
});
