import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDocument, parseResponseDocument } from '../../core/ocip/envelope';
import { OcipError } from '../../core/ocip/errors';
import { mapResponses } from '../../core/ocip/messages';
import { cmd, errorCommand, responseDoc, SUCCESS } from './helpers';

const reqs = (...types: string[]) => types.map((type, index) => ({ index, type }));
const map = (types: string[], commands: string[]) =>
  mapResponses(reqs(...types), parseResponseDocument(responseDoc('s1', commands)).commands);

test('buildDocument: one line envelope with sessionId, 1..15 commands', () => {
  const doc = buildDocument('sid-1', [cmd('A'), cmd('B')]);
  assert.match(
    doc,
    /^<\?xml version="1.0" encoding="ISO-8859-1"\?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance"><sessionId xmlns="">sid-1<\/sessionId><command xsi:type="A"/,
  );
  assert.throws(() => buildDocument('s', []), /1 to 15/);
  assert.throws(
    () =>
      buildDocument(
        's',
        Array.from({ length: 16 }, () => cmd('A')),
      ),
    /1 to 15/,
  );
  assert.throws(() => buildDocument('s', [{ type: 'X', xml: '<notACommand/>' }]), /not a <command> element/);
});

test('success, error with errorCode, error code from [Error NNNN], warning and CDATA detail', () => {
  const results = map(
    ['A', 'B', 'C', 'D'],
    [
      SUCCESS,
      errorCommand('[Error 4152] Group not found: TEST:TEST', { code: 4152 }),
      errorCommand('[Error 4200] User already exists: jdoe@example.com'),
      errorCommand('[Warning 4710] Some services could not be assigned', {
        type: 'Warning',
        detail: '<![CDATA[line one <b>&amp; raw\nline two]]>',
      }),
    ],
  );
  assert.deepEqual(
    results.map((r) => [r.index, r.requestType, r.kind, r.responseType, r.errorCode]),
    [
      [0, 'A', 'success', 'SuccessResponse', undefined],
      [1, 'B', 'error', 'ErrorResponse', 4152],
      [2, 'C', 'error', 'ErrorResponse', 4200],
      [3, 'D', 'warning', 'ErrorResponse', 4710],
    ],
  );
  assert.equal(results[2].summary, '[Error 4200] User already exists: jdoe@example.com');
  assert.equal(results[3].detail, 'line one <b>&amp; raw\nline two');
  assert.equal(results[0].rawXml, SUCCESS);
  assert.ok(results[3].rawXml.startsWith('<command type="Warning"') && results[3].rawXml.endsWith('</command>'));
});

test('xsi:type QNames are resolved through the namespace declarations, whatever the prefixes', () => {
  const odd = '<command echo="" q:type="zz:SuccessResponse" xmlns:zz="C" xmlns:q="http://www.w3.org/2001/XMLSchema-instance" xmlns=""/>';
  const notCore = '<command echo="" xsi:type="zz:SuccessResponse" xmlns:zz="urn:other" xmlns=""/>';
  const results = map(['A', 'B'], [odd, notCore]);
  assert.equal(results[0].kind, 'success');
  assert.equal(results[1].kind, 'unknown', 'a SuccessResponse in another namespace is not the core one (nor an answer to B)');
});

test('data response: leaves as strings, OCI tables as arrays of objects keyed by heading, entities decoded', () => {
  const data =
    '<command echo="" xsi:type="UserGetListInGroupResponse" xmlns=""><userTable>' +
    '<colHeading>User Id</colHeading><colHeading>Last Name</colHeading><colHeading>Phone Number</colHeading>' +
    '<row><col>a@x.com</col><col>M&#252;ller &amp; Co</col><col/></row>' +
    '<row><col>b@x.com</col><col>Doe</col><col>+1-2212221101</col></row>' +
    '</userTable><alias>one</alias><alias>two</alias><nested><inner>v</inner></nested><cleared xsi:nil="true"/></command>';
  const [r] = map(['UserGetListInGroupRequest'], [data]);
  assert.equal(r.kind, 'data');
  assert.equal(r.responseType, 'UserGetListInGroupResponse');
  assert.deepEqual(r.data, {
    userTable: [
      { 'User Id': 'a@x.com', 'Last Name': 'Müller & Co', 'Phone Number': '' },
      { 'User Id': 'b@x.com', 'Last Name': 'Doe', 'Phone Number': '+1-2212221101' },
    ],
    alias: ['one', 'two'],
    nested: { inner: 'v' },
    cleared: null,
  });
});

test('a response count different from the request count is a clear error', () => {
  assert.throws(
    () => map(['A', 'B', 'C'], [SUCCESS, SUCCESS]),
    (e: unknown) => e instanceof OcipError && e.code === 'count-mismatch' && /answered 2 command\(s\) to a document of 3/.test(e.message),
  );
});

test('a DOCTYPE or entity declaration is rejected and never expanded', () => {
  const hostile =
    '<?xml version="1.0"?><!DOCTYPE BroadsoftDocument [<!ENTITY boom "EXPANDED">]>' +
    '<BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">&boom;</sessionId></BroadsoftDocument>';
  assert.throws(
    () => parseResponseDocument(hostile),
    (e: unknown) => {
      assert.ok(e instanceof OcipError);
      assert.equal(e.code, 'hostile-xml');
      assert.match(e.message, /DOCTYPE/);
      assert.ok(!e.message.includes('EXPANDED'));
      return true;
    },
  );
  // An undeclared entity is not expanded either.
  assert.throws(
    () => parseResponseDocument(responseDoc('s', ['<command xsi:type="X" xmlns=""><a>&boom;</a></command>'])),
    /unsupported entity/,
  );
});

test('malformed responses give a clear error with a position', () => {
  assert.throws(() => parseResponseDocument('garbage</BroadsoftDocument>'), /text outside the root element.*line 1, column 1/);
  assert.throws(() => parseResponseDocument('<BroadsoftDocument><command></BroadsoftDocument>'), /does not close <command>.*column/);
  assert.throws(() => parseResponseDocument('<html><body/></html>'), /root is <html>, expected <BroadsoftDocument>/);
});
