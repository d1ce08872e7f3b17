import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OcipError } from '../../core/ocip/errors';
import { DocumentReader, encodeDocument } from '../../core/ocip/transport/framing';
import { connectTcp } from '../../core/ocip/transport/tcp';
import { responseDoc, scriptedServer, sessionIdOf, SUCCESS } from './helpers';

test('a UTF-8 character split across reads is decoded only once the document is complete', () => {
  const doc = Buffer.from(responseDoc('s', ['<command echo="" xsi:type="X" xmlns=""><v>€ é</v></command>'], 'UTF-8'), 'utf8');
  const split = doc.indexOf(Buffer.from('€')) + 1; // inside the 3-byte euro sign
  const r = new DocumentReader(1 << 20);
  r.push(doc.subarray(0, split));
  assert.equal(r.next(), undefined);
  r.push(doc.subarray(split));
  assert.match(r.next()!, /<v>€ é<\/v>/);
});

test('ISO-8859-1 is the default, leftover bytes are kept for the next document', () => {
  const one = Buffer.from(responseDoc('first', [SUCCESS]).replace(/^<\?xml[^>]*\?>/, ''), 'latin1'); // no declaration;
  const withLatin = Buffer.from(responseDoc('zweite-ä', [SUCCESS]), 'latin1');
  const r = new DocumentReader(1 << 20);
  r.push(Buffer.concat([one, withLatin.subarray(0, 30)]));
  assert.equal(sessionIdOf(r.next()!), 'first');
  assert.equal(r.next(), undefined);
  r.push(withLatin.subarray(30));
  assert.equal(sessionIdOf(r.next()!), 'zweite-ä');
  assert.equal(r.bufferedBytes, 0);
});

test('the reader refuses to buffer more than the maximum', () => {
  const r = new DocumentReader(100);
  r.push(Buffer.concat([Buffer.from('<'), Buffer.alloc(59, 0x41)]));
  assert.throws(
    () => r.push(Buffer.alloc(60, 0x41)),
    (e: unknown) => e instanceof OcipError && e.code === 'too-large',
  );
});

test('bytes that cannot start a document fail at once, with the position and a sample (not after the timeout)', () => {
  const r = new DocumentReader(1000);
  r.push(Buffer.from('\r\n  '));
  assert.throws(
    () => r.push(Buffer.from('\x00\x01 garbage')),
    (e: unknown) =>
      e instanceof OcipError &&
      e.code === 'bad-response' &&
      /not an OCI-P XML document: text outside the root element at line 2, column 3 \("\.\. garbage"\)/.test(e.message),
  );
  const ok = new DocumentReader(1000);
  ok.push(Buffer.from('\n\uFEFF', 'utf8'));
  ok.push(Buffer.from('<?xml version="1.0"?><BroadsoftDocument/>'));
});

test('encodeDocument writes ISO-8859-1 with numeric references above U+00FF, UTF-8 when declared', () => {
  const latin = encodeDocument('<?xml version="1.0" encoding="ISO-8859-1"?><a>é € 😀</a>');
  assert.equal(latin.toString('latin1'), '<?xml version="1.0" encoding="ISO-8859-1"?><a>é &#8364; &#128512;</a>');
  const utf8 = encodeDocument('<?xml version="1.0" encoding="UTF-8"?><a>€</a>');
  assert.equal(utf8.toString('utf8'), '<?xml version="1.0" encoding="UTF-8"?><a>€</a>');
});

test('over TCP: a response written one byte per write, with a UTF-8 character split, is read whole', async () => {
  const server = await scriptedServer(async (conn) => {
    const doc = await conn.readDocument();
    const bytes = Buffer.from(
      responseDoc(sessionIdOf(doc!), ['<command echo="" xsi:type="X" xmlns=""><v>Zoë €</v></command>'], 'UTF-8'),
      'utf8',
    );
    for (const b of bytes) await conn.write(Buffer.from([b]));
  });
  const t = await connectTcp({ host: '127.0.0.1', port: server.port });
  try {
    const reply = await t.exchange(
      `<?xml version="1.0" encoding="ISO-8859-1"?><BroadsoftDocument protocol="OCI" xmlns="C"><sessionId xmlns="">abc</sessionId></BroadsoftDocument>`,
    );
    assert.match(reply, /<v>Zoë €<\/v>/);
    assert.equal(sessionIdOf(reply), 'abc');
    assert.ok(server.docs[0].endsWith('</BroadsoftDocument>'));
  } finally {
    await t.close();
    await server.close();
  }
});

test('an end tag quoted inside a CDATA detail does not end the document', () => {
  const doc = responseDoc('s', [
    '<command type="Error" echo="" xsi:type="c:ErrorResponse" xmlns:c="C" xmlns=""><summary>x</summary><detail><![CDATA[echo: </BroadsoftDocument>]]></detail></command>',
  ]);
  const r = new DocumentReader(1 << 20);
  const bytes = Buffer.from(doc, 'latin1');
  for (const b of bytes) r.push(Buffer.from([b]));
  assert.equal(r.next(), doc.trim());
});
