/**
 * Issue 9, "Exactly what BroadWorks accepts": one test per class of false or missed errors, named after the class.
 * Each failed before its fix. The checks run as the editor, `ocip validate` and the simulator run them (checkFile
 * on the parsed text); the CLI cases run the built `ocip` binary.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '../../core/checks';
import { DEFAULT_CHECK_OPTIONS, type CheckOptions, type Diagnostic } from '../../core/checks/types';
import { RULES_BY_CODE } from '../../core/checks/registry';
import { builtinModel } from '../../core/model';
import { parseXml, parseYaml } from '../../core/syntax';
import { UCA_ALICE_YAML, XML_HEAD, XML_TAIL } from '../helpers/uca22';
import { buildOnce, runOcip } from '../helpers/ocip-cli';
import { formatXml } from '../../core/authoring/format-xml';

const model = builtinModel();
const errors = (diags: Diagnostic[]) => diags.filter((d) => d.severity === 'error');
const codesOf = (diags: Diagnostic[]) => diags.map((d) => d.code);
const yaml = (extra: string, opts: Partial<CheckOptions> = {}) =>
  checkFile(parseYaml(UCA_ALICE_YAML + extra), model, { ...DEFAULT_CHECK_OPTIONS, ...opts });
const xml = (text: string, opts: Partial<CheckOptions> = {}) => checkFile(parseXml(text), model, { ...DEFAULT_CHECK_OPTIONS, ...opts });

const ALICE_XML_BODY = `    <serviceProviderId>acme</serviceProviderId>
    <groupId>hq</groupId>
    <userId>alice@acme.example</userId>
    <lastName>Martin</lastName>
    <firstName>Alice</firstName>
    <callingLineIdLastName>Martin</callingLineIdLastName>
    <callingLineIdFirstName>Alice</callingLineIdFirstName>
    <password>Secret-123</password>
`;
const aliceXml = (body = ALICE_XML_BODY, head = XML_HEAD) => head + body + XML_TAIL;

describe('class 1: XSD whitespace is not JavaScript whitespace', () => {
  for (const [name, ch] of [
    ['no-break space', '\u00a0'],
    ['em space', '\u2003'],
    ['ideographic space', '\u3000'],
    ['zero-width no-break space', '\ufeff'],
  ]) {
    it(`a ${name} alone is a valid 1-character token (no OCI-EMPTY), in YAML and XML`, () => {
      assert.deepEqual(codesOf(errors(yaml(`title: "${ch}"\n`))), []);
      assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY + `    <title>${ch}</title>\n`)))), []);
    });
  }
  it('XSD spaces around a no-break space are collapsed, the no-break space is counted', () => {
    // LastName: 1 to 30 characters; 30 no-break spaces inside ordinary spaces is exactly 30.
    assert.deepEqual(
      codesOf(errors(yaml(`nameDialingName: {nameDialingLastName: "  ${'\u00a0'.repeat(30)}  ", nameDialingFirstName: A}\n`))),
      [],
    );
    assert.deepEqual(codesOf(errors(yaml(`nameDialingName: {nameDialingLastName: "${'\u00a0'.repeat(31)}", nameDialingFirstName: A}\n`))), [
      'OCI-LENGTH',
    ]);
  });
  it('a no-break space around an enumeration value makes it a different value (missed error before)', () => {
    const found = errors(yaml(`accessDeviceEndpoint:\n  accessDevice: {deviceLevel: "Group\u00a0", deviceName: d}\n  linePort: a@b\n`));
    assert.deepEqual(
      codesOf(found).filter((c) => c === 'OCI-ENUM'),
      ['OCI-ENUM'],
    );
  });
  it('the XML formatter keeps a no-break space between child elements (it is text, not indentation)', () => {
    const text = aliceXml(
      ALICE_XML_BODY.replace(
        '    <password>',
        '    <nameDialingName>\u00a0<nameDialingLastName>M</nameDialingLastName><nameDialingFirstName>A</nameDialingFirstName></nameDialingName>\n    <password>',
      ),
    );
    const formatted = formatXml(text, model);
    assert.ok(formatted === undefined || formatted.includes('\u00a0'), 'the no-break space survives formatting');
  });
  it('text with a no-break space inside a complex element is content, not ignorable whitespace', () => {
    assert.ok(
      codesOf(errors(xml(aliceXml(ALICE_XML_BODY + '    <nameDialingName>\u00a0</nameDialingName>\n')))).includes('OCI-EXPECTED-CONTENT'),
    );
  });
});

describe('class 2: values compared against tables are normalized the same way', () => {
  const sca =
    'sharedCallAppearanceAccessDeviceEndpoint:\n  accessDevice: {deviceLevel: Group, deviceName: d}\n  linePort: sca@acme.example\n';
  const known = { newUserTemplateServices: [] as string[] };
  it('a userServiceName with two spaces satisfies the shared-call-appearance prerequisite (YAML)', () => {
    assert.deepEqual(
      codesOf(yaml(sca + 'userService:\n  - userServiceName: "Shared  Call Appearance"\n', known)).filter((c) =>
        c.startsWith('OCI-SERVICE'),
      ),
      [],
    );
  });
  it('a line break inside the XML userServiceName value satisfies it too', () => {
    const body =
      ALICE_XML_BODY +
      '    <sharedCallAppearanceAccessDeviceEndpoint><accessDevice><deviceLevel>Group</deviceLevel><deviceName>d</deviceName></accessDevice><linePort>sca@acme.example</linePort></sharedCallAppearanceAccessDeviceEndpoint>\n    <userService><userServiceName>Shared\n      Call Appearance</userServiceName></userService>\n';
    assert.deepEqual(
      codesOf(xml(aliceXml(body), known)).filter((c) => c.startsWith('OCI-SERVICE')),
      [],
    );
  });
  it('service pack names, pack contents and the new user template (settings) are collapsed too', () => {
    assert.deepEqual(
      codesOf(
        yaml(sca + 'servicePack:\n  - servicePackName: " Pack  A "\n', {
          servicePacks: { 'Pack A ': [' Shared Call  Appearance'] },
          newUserTemplateServices: [],
        }),
      ).filter((c) => c.startsWith('OCI-SERVICE')),
      [],
    );
    assert.deepEqual(
      codesOf(yaml(sca, { newUserTemplateServices: ['Shared\tCall Appearance '] })).filter((c) => c.startsWith('OCI-SERVICE')),
      [],
    );
  });
  it('but a no-break space makes a different service name', () => {
    assert.deepEqual(
      codesOf(yaml(sca + 'userService:\n  - userServiceName: "Shared\u00a0Call Appearance"\n', known)).filter(
        (c) => c === 'OCI-SERVICE-REQUIRED' || c === 'OCI-ENUM',
      ),
      ['OCI-ENUM', 'OCI-SERVICE-REQUIRED'],
    );
  });
});

describe('class 3: attributes the schema does not allow', () => {
  it('foo="1" (and debugInfo, a response attribute) on <command> is an error; echo and requestLocale are allowed', () => {
    const head = XML_HEAD.replace(
      '<command xsi:type="UserConsolidatedAddRequest22" xmlns="">',
      '<command xsi:type="UserConsolidatedAddRequest22" xmlns="" foo="1">',
    );
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, head)))), ['OCI-ATTRIBUTE']);
    const ok = XML_HEAD.replace(
      '<command xsi:type="UserConsolidatedAddRequest22" xmlns="">',
      '<command xsi:type="UserConsolidatedAddRequest22" xmlns="" echo="e" requestLocale="en_US">',
    );
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, ok)))), []);
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, ok.replace('echo="e"', 'debugInfo="x"'))))), ['OCI-ATTRIBUTE']);
  });
  it('lang="en" on a simple-typed element and xml:lang on a complex one are errors; namespace declarations are not', () => {
    const body = ALICE_XML_BODY.replace('<lastName>', '<lastName lang="en">').replace(
      '    <password>',
      '    <nameDialingName xml:lang="fr" xmlns:x="urn:x"><nameDialingLastName>M</nameDialingLastName><nameDialingFirstName>A</nameDialingFirstName></nameDialingName>\n    <password>',
    );
    const found = errors(xml(aliceXml(body)));
    assert.deepEqual(codesOf(found), ['OCI-ATTRIBUTE', 'OCI-ATTRIBUTE']);
  });
  it('an attribute on BroadsoftDocument other than protocol, and on sessionId, is an error', () => {
    const head = XML_HEAD.replace('protocol="OCI"', 'protocol="OCI" version="1"').replace(
      '<sessionId xmlns="">',
      '<sessionId xmlns="" id="1">',
    );
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, head)))), ['OCI-ATTRIBUTE', 'OCI-ATTRIBUTE']);
  });
});

describe('class 4: xsi:type on any element must be validly derived', () => {
  it('<title xsi:type="ServicePolicyName"> is refused (not derived from the declared type)', () => {
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY + '    <title xsi:type="ServicePolicyName">x</title>\n')))), [
      'OCI-XSI-TYPE-INVALID',
    ]);
  });
  it('the declared type itself, a type derived from it and an XSD built-in ancestor are checked as such', () => {
    // title: Title (token, 1 to 50); NonEmptyToken is not derived from Title; xs:token is its ancestor, not derived.
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY + '    <title xsi:type="Title">x</title>\n')))), []);
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY.replace('<userId>', '<userId xsi:type="UserId">'))))), []);
    const xs = XML_HEAD.replace('xmlns:xsi=', 'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi=');
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY + '    <title xsi:type="xs:token">x</title>\n', xs)))), [
      'OCI-XSI-TYPE-INVALID',
    ]);
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY + '    <title xsi:type="NoSuchType">x</title>\n')))), [
      'OCI-XSI-TYPE-INVALID',
    ]);
  });
  it('on a non-abstract complex element: its own type is fine, an unrelated one is not', () => {
    const nd = '<nameDialingLastName>M</nameDialingLastName><nameDialingFirstName>A</nameDialingFirstName></nameDialingName>\n';
    const at = (t: string) => ALICE_XML_BODY.replace('    <password>', `    <nameDialingName xsi:type="${t}">${nd}    <password>`);
    assert.deepEqual(codesOf(errors(xml(aliceXml(at('NameDialingName'))))), []);
    assert.deepEqual(codesOf(errors(xml(aliceXml(at('GroupDepartmentKey'))))), ['OCI-XSI-TYPE-INVALID']);
  });
});

describe('class 5: xsi:nil on a non-nillable element, including command', () => {
  const NIL_COMMAND = `<?xml version="1.0" encoding="UTF-8"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">s1</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xsi:nil="true" xmlns=""/>
</BroadsoftDocument>
`;
  let dir: string;
  before(() => {
    buildOnce();
    dir = mkdtempSync(join(tmpdir(), 'ocip-class5-'));
  });
  it('the checks report OCI-NIL on the command', () => {
    assert.deepEqual(codesOf(errors(xml(NIL_COMMAND))), ['OCI-NIL']);
  });
  it('ocip validate exits 1 on it', async () => {
    const file = join(dir, 'nil.ocip.xml');
    writeFileSync(file, NIL_COMMAND);
    const run = await runOcip(['validate', file]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /OCI-NIL/);
  });
  it('ocip convert keeps xsi:nil in XML and refuses YAML, saying why, instead of dropping it', async () => {
    const file = join(dir, 'nil2.ocip.xml');
    writeFileSync(file, NIL_COMMAND);
    const toXml = await runOcip(['convert', file, '--to', 'xml']);
    assert.equal(toXml.code, 0, toXml.stderr);
    assert.match(toXml.stdout, /<command xsi:type="UserConsolidatedAddRequest22" xsi:nil="true"/);
    const toYaml = await runOcip(['convert', file, '--to', 'yaml']);
    assert.equal(toYaml.code, 1);
    assert.match(toYaml.stderr, /xsi:nil/);
  });
  it('a nillable element may be nil, a non-nillable one (YAML ~ or XML xsi:nil) may not', () => {
    assert.deepEqual(codesOf(errors(yaml('timeZone: ~\n'))), ['OCI-NIL']);
    assert.deepEqual(
      codesOf(errors(xml(aliceXml(ALICE_XML_BODY.replace('<firstName>Alice</firstName>', '<firstName xsi:nil="true"/>'))))),
      ['OCI-NIL'],
    );
  });
});

describe("class 6: the envelope's own facets", () => {
  it('an empty or blank trackingId is refused (NonEmptyToken); a no-break space one is not', () => {
    for (const t of ['', '   ']) {
      const head = XML_HEAD.replace(
        '<sessionId xmlns="">s1</sessionId>',
        `<sessionId xmlns="">s1</sessionId>\n  <trackingId xmlns="">${t}</trackingId>`,
      );
      assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, head)))), ['OCI-EMPTY'], JSON.stringify(t));
    }
    const ok = XML_HEAD.replace(
      '<sessionId xmlns="">s1</sessionId>',
      '<sessionId xmlns="">s1</sessionId>\n  <trackingId xmlns="">\u00a0</trackingId>',
    );
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, ok)))), []);
  });
  it('protocol is an NMTOKEN (collapsed): " OCI " is fine, "OCI2" is not', () => {
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, XML_HEAD.replace('protocol="OCI"', 'protocol=" OCI "'))))), []);
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, XML_HEAD.replace('protocol="OCI"', 'protocol="OCI2"'))))), [
      'OCI-ENVELOPE-PROTOCOL',
    ]);
  });
  it('sessionId cannot be nil, have children or an xsi:type not derived from xs:normalizedString (UserId is: it is a token)', () => {
    const nil = XML_HEAD.replace('<sessionId xmlns="">s1</sessionId>', '<sessionId xmlns="" xsi:nil="true"/>');
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, nil)))), ['OCI-NIL']);
    const kids = XML_HEAD.replace('<sessionId xmlns="">s1</sessionId>', '<sessionId xmlns=""><a/></sessionId>');
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, kids)))), ['OCI-EXPECTED-VALUE']);
    const typed = XML_HEAD.replace('<sessionId xmlns="">s1</sessionId>', '<sessionId xmlns="" xsi:type="GroupUserLimit">s1</sessionId>');
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, typed)))), ['OCI-XSI-TYPE-INVALID']);
    const derived = XML_HEAD.replace('<sessionId xmlns="">s1</sessionId>', '<sessionId xmlns="" xsi:type="UserId">s1</sessionId>');
    assert.deepEqual(codesOf(errors(xml(aliceXml(ALICE_XML_BODY, derived)))), []);
  });
});

describe('class 7: an error only when the request fails whatever the server state', () => {
  it('OCI-ADD-NUMBER-LEVEL is a warning like OCI-GROUP-CREATE-LEVEL', () => {
    const found = yaml('phoneNumber: "2125550142"\naddPhoneNumberToGroup: true\n', { adminLevel: 'Group' }).filter(
      (d) => d.code === 'OCI-ADD-NUMBER-LEVEL',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(RULES_BY_CODE.get('OCI-GROUP-CREATE-LEVEL')!.severity, 'warning');
  });
  it('no rule that depends on server state is an error: the password (external authentication) is a warning', () => {
    const noPassword = UCA_ALICE_YAML.replace('password: Secret-123\n', '');
    const found = checkFile(parseYaml(noPassword), model, DEFAULT_CHECK_OPTIONS).filter((d) => d.code === 'OCI-PASSWORD-REQUIRED');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
  });
});
