/**
 * The simulator's response writer (sim/xml/write, on core/encode's XMLBuilder writer) sends the bytes it sent when
 * responses were concatenated strings. Expected values were captured from that earlier writer with the same inputs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticationResponse, loginResponse } from '../../sim/protocol/login';
import { forcedLogoutDocument } from '../../sim/protocol/session';
import { parseSeed } from '../../sim/engine/seed';
import {
  dataResponse,
  el,
  encodeLatin1,
  errorResponse,
  requestCommand,
  responseDocument,
  serializeElement,
  successResponse,
} from '../../sim/xml/write';
import { parseXmlDocument } from '../../sim/xml/parse';
import { testSeed } from './fixtures';

// Markup characters, an apostrophe, Latin-1, above Latin-1 (BMP and astral) and CDATA terminators.
const ODD = `a&b<c>d"e'f ü € 😀 ]]> x]]>]]>y`;
const { accounts, state } = parseSeed(testSeed());
const account = (userId: string) => accounts.find((a) => a.userId === userId)!;

const cases: [string, () => string, string][] = [
  ['SuccessResponse', () => successResponse(), `<command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>`],
  [
    'SuccessResponse, echo escaped',
    () => successResponse(ODD),
    `<command echo="a&amp;b&lt;c&gt;d&quot;e'f ü € 😀 ]]&gt; x]]&gt;]]&gt;y" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/>`,
  ],
  [
    'ErrorResponse without detail',
    () => errorResponse('[Error 4021] Not logged in'),
    `<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Error 4021] Not logged in</summary><summaryEnglish>[Error 4021] Not logged in</summaryEnglish></command>`,
  ],
  [
    'ErrorResponse, CDATA detail split at ]]>',
    () => errorResponse('[Error 6004] OCI XML Request validation error', `line1\n${ODD}\n`, 'e1'),
    `<command type="Error" echo="e1" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Error 6004] OCI XML Request validation error</summary><summaryEnglish>[Error 6004] OCI XML Request validation error</summaryEnglish><detail><![CDATA[line1\na&b<c>d"e'f ü € 😀 ]]]]><![CDATA[> x]]]]><![CDATA[>]]]]><![CDATA[>y\n]]></detail></command>`,
  ],
  [
    'Warning, empty detail, apostrophes in echo',
    () => errorResponse('[Warning 1] w & <x>', '', "'q'", 'Warning'),
    `<command type="Warning" echo="'q'" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Warning 1] w &amp; &lt;x&gt;</summary><summaryEnglish>[Warning 1] w &amp; &lt;x&gt;</summaryEnglish><detail><![CDATA[]]></detail></command>`,
  ],
  ['empty value as a pair', () => el('a', ''), `<a></a>`],
  [
    'number, boolean, escaped text',
    () => el('n', 2147483647) + el('b', false) + el('t', ODD),
    `<n>2147483647</n><b>false</b><t>a&amp;b&lt;c&gt;d"e'f ü € 😀 ]]&gt; x]]&gt;]]&gt;y</t>`,
  ],
  [
    'data response',
    () => dataResponse('SystemSoftwareVersionGetResponse', el('version', '25.0_1.1'), 'ec"ho'),
    `<command echo="ec&quot;ho" xsi:type="SystemSoftwareVersionGetResponse" xmlns=""><version>25.0_1.1</version></command>`,
  ],
  [
    'server request',
    () => requestCommand('LogoutRequest', el('userId', 'u') + el('reason', 'r')),
    `<command xsi:type="LogoutRequest" xmlns=""><userId>u</userId><reason>r</reason></command>`,
  ],
  [
    'AuthenticationResponse',
    () => authenticationResponse('sys', '1234567890123', ''),
    `<command echo="" xsi:type="AuthenticationResponse" xmlns=""><userId>sys</userId><nonce>1234567890123</nonce><passwordAlgorithm>MD5</passwordAlgorithm></command>`,
  ],
  [
    'LoginResponse14sp4 (Reseller as Provisioning)',
    () => loginResponse('LoginResponse14sp4', account('res'), state, 'AS', 'x'),
    `<command echo="x" xsi:type="LoginResponse14sp4" xmlns=""><loginType>Provisioning</loginType><locale>en_US</locale><encoding>ISO-8859-1</encoding><isEnterprise>false</isEnterprise><passwordExpiresDays>2147483647</passwordExpiresDays><userDomain>example.com</userDomain></command>`,
  ],
  [
    'LoginResponse22V5 Reseller (AS)',
    () => loginResponse('LoginResponse22V5', account('res'), state, 'AS', 'x'),
    `<command echo="x" xsi:type="LoginResponse22V5" xmlns=""><loginType>Reseller</loginType><locale>en_US</locale><encoding>ISO-8859-1</encoding><isEnterprise>false</isEnterprise><passwordExpiresDays>2147483647</passwordExpiresDays><userDomain>example.com</userDomain><resellerId>r1</resellerId></command>`,
  ],
  [
    'LoginResponse22V5 Group (XS)',
    () => loginResponse('LoginResponse22V5', account('grp@sp1.example.com'), state, 'XS', 'x'),
    `<command echo="x" xsi:type="LoginResponse22V5" xmlns=""><loginType>Group</loginType><locale>en_US</locale><encoding>ISO-8859-1</encoding><groupId>g1</groupId><serviceProviderId>sp1</serviceProviderId><isEnterprise>false</isEnterprise><passwordExpiresDays>2147483647</passwordExpiresDays><userDomain>sp1.example.com</userDomain></command>`,
  ],
  [
    'document with sessionId and trackingId',
    () => responseDocument({ sessionId: ODD, trackingId: 't&1' }, [successResponse(), errorResponse('[Error 1] s', 'd]]>')]),
    `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">a&amp;b&lt;c&gt;d"e'f ü € 😀 ]]&gt; x]]&gt;]]&gt;y</sessionId><trackingId xmlns="">t&amp;1</trackingId><command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/><command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Error 1] s</summary><summaryEnglish>[Error 1] s</summaryEnglish><detail><![CDATA[d]]]]><![CDATA[>]]></detail></command></BroadsoftDocument>`,
  ],
  [
    'forced LogoutRequest document',
    () => forcedLogoutDocument('sid', 'us€r'),
    `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">sid</sessionId><command xsi:type="LogoutRequest" xmlns=""><userId>us€r</userId><reason>Open Client Server Forced Logout</reason></command></BroadsoftDocument>`,
  ],
  [
    'a request element serialised for a detail',
    () => serializeElement(parseXmlDocument(REQUEST)),
    `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><command xsi:type="X" xmlns="" a="1&amp;&quot;'"><e>t&amp;&lt;&gt;ü€</e><f/><g/><h><i>1</i></h></command></BroadsoftDocument>`,
  ],
];

const LATIN1 = `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">a&amp;b&lt;c&gt;d"e'f ü &#8364; &#128512; ]]&gt; x]]&gt;]]&gt;y</sessionId><trackingId xmlns="">t&amp;1</trackingId><command echo="" xsi:type="c:SuccessResponse" xmlns:c="C" xmlns=""/><command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>[Error 1] s</summary><summaryEnglish>[Error 1] s</summaryEnglish><detail><![CDATA[d]]]]><![CDATA[>]]></detail></command></BroadsoftDocument>`;
const REQUEST =
  '<?xml version="1.0"?><BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<command xsi:type="X" xmlns="" a="1&amp;&quot;'"><e>t&amp;&lt;&gt;ü€</e><f/><g> </g><h><i>1</i></h></command></BroadsoftDocument>`;

for (const [name, write, expected] of cases) {
  test(`response bytes unchanged: ${name}`, () => {
    assert.equal(write(), expected);
  });
}

test('a document goes out as ISO-8859-1 bytes, characters above U+00FF as references', () => {
  const document = responseDocument({ sessionId: ODD, trackingId: 't&1' }, [successResponse(), errorResponse('[Error 1] s', 'd]]>')]);
  assert.deepEqual(encodeLatin1(document), Buffer.from(LATIN1, 'latin1'));
});

test('every response parses back, the CDATA detail intact', () => {
  const detail = `line1\n${ODD}\n`;
  const root = parseXmlDocument(responseDocument({ sessionId: 's' }, [errorResponse('[Error 6004] x', detail, ODD)]));
  const command = root.children.find((c) => c.name === 'command')!;
  assert.equal(command.attributes.find((a) => a.name === 'echo')?.value, ODD);
  assert.equal(command.children.find((c) => c.name === 'detail')?.text, detail);
});
