/**
 * core/ocip/response-data: any response as data and as readable text, typed by the response type from the model
 * (the full R25 model: the built-in one once it has every command, else OCIP_SCHEMA_DIR), and by shape without one.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderResponseTree, responseData, responseTree, textTable } from '../../core/ocip/response-data';
import { FULL_MODEL, fullModel } from '../helpers/full-model';

const cmd = (type: string, inner: string) => `<command echo="" xsi:type="${type}" xmlns="">${inner}</command>`;
const table = (name: string, headings: string[], rows: string[][]) =>
  `<${name}>${headings.map((h) => `<colHeading>${h}</colHeading>`).join('')}${rows.map((r) => `<row>${r.map((c) => (c ? `<col>${c}</col>` : '<col/>')).join('')}</row>`).join('')}</${name}>`;

describe('response data without a model (by shape)', () => {
  it('one element is a value, repeated ones a list, colHeading children a table (cells by heading, short rows padded)', () => {
    const tree = responseTree(
      cmd('XResponse', `<a>1</a><b>x</b><b>y</b>${table('t', ['H1', 'H2'], [['p', 'q'], ['r']])}<g><c>true</c></g>`),
    )!;
    assert.deepEqual(responseData(tree), {
      a: '1',
      b: ['x', 'y'],
      t: [
        { H1: 'p', H2: 'q' },
        { H1: 'r', H2: '' },
      ],
      g: { c: 'true' },
    });
  });

  it('malformed XML gives no tree (the caller keeps the raw text)', () => {
    assert.equal(responseTree('<command><oops></command>'), undefined);
  });

  it('an xsi:nil element is null', () => {
    const tree = responseTree(
      `<command xsi:type="X" xmlns="" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><a xsi:nil="true"/></command>`,
    )!;
    assert.deepEqual(responseData(tree), { a: null });
  });
});

describe('response data typed by the response type', { skip: FULL_MODEL.skip }, () => {
  const model = fullModel();

  it('a list with one item, or none, is still a list', () => {
    const one = responseTree(
      cmd('GroupDomainGetAssignedListResponse', '<groupDefaultDomain>a.example.com</groupDefaultDomain><domain>b.example.com</domain>'),
      model,
    )!;
    assert.deepEqual(responseData(one), { groupDefaultDomain: 'a.example.com', domain: ['b.example.com'] });
    const none = responseTree(cmd('ServiceProviderDnGetAvailableListResponse', ''), model)!;
    assert.deepEqual(responseData(none), { availableDn: [] });
    assert.deepEqual(renderResponseTree(none), ['availableDn: (none)']);
  });

  it('integers and booleans are typed; strings that look like numbers stay strings', () => {
    const tree = responseTree(
      cmd(
        'GroupGetResponse22V5',
        '<defaultDomain>d.example.com</defaultDomain><userLimit>25</userLimit><userCount>3</userCount><callingLineIdPhoneNumber>2125550100</callingLineIdPhoneNumber><timeZone>UTC</timeZone><timeZoneDisplayName>(GMT) UTC</timeZoneDisplayName><serviceProviderId>007</serviceProviderId><groupId>g</groupId>',
      ),
      model,
    )!;
    const data = responseData(tree);
    assert.equal(data.userLimit, 25);
    assert.equal(data.userCount, 3);
    assert.equal(data.callingLineIdPhoneNumber, '2125550100');
    assert.equal(data.serviceProviderId, '007');
    const sp = responseData(
      responseTree(
        cmd(
          'ServiceProviderGetResponse22V4',
          '<isEnterprise>true</isEnterprise><defaultDomain>d</defaultDomain><useServiceProviderLanguages>false</useServiceProviderLanguages><serviceProviderId>s</serviceProviderId>',
        ),
        model,
      )!,
    );
    assert.equal(sp.isEnterprise, true);
    assert.equal(sp.useServiceProviderLanguages, false);
  });

  it('a table without rows keeps its headings in the text, and is an empty array in the data', () => {
    const tree = responseTree(cmd('UserGetListInGroupResponse', table('userTable', ['User Id', 'Last Name'], [])), model)!;
    assert.deepEqual(responseData(tree), { userTable: [] });
    assert.deepEqual(renderResponseTree(tree), ['userTable: 0 rows', '  User Id | Last Name', '  --------|----------']);
  });

  it('nested groups, choices and lists of complex items render as an indented tree', () => {
    const tree = responseTree(
      cmd(
        'ServiceProviderServicePackGetDetailListResponse',
        `<servicePackName>Seat</servicePackName><isAvailableForUse>true</isAvailableForUse><servicePackQuantity><unlimited>true</unlimited></servicePackQuantity><assignedQuantity><quantity>2</quantity></assignedQuantity><allowedQuantity><quantity>10</quantity></allowedQuantity>${table('userServiceTable', ['Service', 'Authorized'], [['Call Waiting', 'Unlimited']])}`,
      ),
      model,
    )!;
    assert.deepEqual(responseData(tree).assignedQuantity, { quantity: 2 });
    assert.deepEqual(renderResponseTree(tree), [
      'servicePackName: Seat',
      'isAvailableForUse: true',
      'servicePackQuantity:',
      '  unlimited: true',
      'assignedQuantity:',
      '  quantity: 2',
      'allowedQuantity:',
      '  quantity: 10',
      'userServiceTable: 1 row',
      '  Service      | Authorized',
      '  -------------|-----------',
      '  Call Waiting | Unlimited',
    ]);
  });

  it('an element the schema does not know is still shown', () => {
    const tree = responseTree(cmd('GroupDnGetListResponse', '<phoneNumber>1</phoneNumber><futureElement>x</futureElement>'), model)!;
    assert.deepEqual(responseData(tree), { phoneNumber: ['1'], futureElement: 'x' });
  });
});

describe('textTable', () => {
  it('aligns columns, flattens and cuts long cells', () => {
    assert.deepEqual(textTable(['A', 'Bee'], [['x\ny', 'a'.repeat(12)]], 8), ['A   | Bee', '----|---------', 'x y | aaaaaaa…']);
  });
});

describe('large responses', () => {
  it('a table of 200000 rows renders and converts (no argument-spread limit)', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `<row><col>u${i}</col></row>`).join('');
    const tree = responseTree(`<command xsi:type="X" xmlns=""><t><colHeading>Id</colHeading>${rows}</t></command>`)!;
    const lines = renderResponseTree(tree);
    assert.equal(lines.length, 200_003);
    assert.equal(lines[200_002], '  u199999');
    assert.equal((responseData(tree).t as unknown[]).length, 200_000);
  });
});

describe('secrets and the parsed element', () => {
  it('password-like values are masked in the tree, from text or from an element', async () => {
    const { parseXmlTree } = await import('../../core/xml');
    const xml =
      '<command xsi:type="X" xmlns=""><userName>dev1</userName><password>S3cret!</password><accessDeviceCredentials><userName>u</userName><password>Other-9</password></accessDeviceCredentials><useCustomUserNamePassword>true</useCustomUserNamePassword></command>';
    for (const input of [xml, parseXmlTree(xml, { undeclaredPrefixes: 'no-namespace' })]) {
      const tree = responseTree(input)!;
      assert.deepEqual(responseData(tree), {
        userName: 'dev1',
        password: '********',
        accessDeviceCredentials: { userName: 'u', password: '********' },
        useCustomUserNamePassword: 'true',
      });
      assert.doesNotMatch(renderResponseTree(tree).join('\n'), /S3cret|Other-9/);
    }
  });
});

describe('withResponseData', () => {
  it('uses the element the client parsed (the response is not parsed twice), else the raw XML', async () => {
    const { parseResponseDocument, mapResponses } = await import('../../core/ocip');
    const { joinResults, withResponseData } = await import('../../core/send/results');
    const doc =
      '<?xml version="1.0"?><BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">s</sessionId><command echo="" xsi:type="GroupDnGetListResponse" xmlns=""><phoneNumber>1</phoneNumber></command></BroadsoftDocument>';
    const results = mapResponses([{ index: 0, type: 'GroupDnGetListRequest' }], parseResponseDocument(doc).commands);
    const commands = [{ index: 4, type: 'GroupDnGetListRequest', xml: '', span: { start: 0, end: 0 }, headSpan: { start: 0, end: 0 } }];
    // A raw XML that would not parse shows which source was used.
    const rows = joinResults(commands, results).map((r) => ({ ...r, rawXml: '<broken' }));
    assert.deepEqual(withResponseData(rows, undefined, results)[0].data, { phoneNumber: '1' });
    assert.equal(withResponseData(rows)[0].response, undefined);
  });
});
