/**
 * Seeded fuzzing of the simulator's framer and protocol (issue 15). Streams are built from the pieces a hostile
 * client mixes: valid documents, other roots, empty roots, text lines, CDATA full of end tags, comments, random
 * bytes; they are cut at random places. The framer must frame the same documents whatever the chunking, and over
 * TCP the simulator must answer a health request (a fresh login) after every case.
 * The seed is fixed (OCIP_FUZZ_SEED overrides it) and each property is bounded in time for CI.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { startSimulator, type RunningSimulator } from '../../sim/index';
import { DocumentFramer, FramingError } from '../../sim/wire/framer';
import { command, ociDocument, RawClient } from '../sim/client';
import { PASSWORDS, testSeed } from '../sim/fixtures';

const SEED = Number(process.env.OCIP_FUZZ_SEED ?? 150_015);
const FRAMER_RUNS = { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 20_000 };
const WIRE_RUNS = { seed: SEED, numRuns: 40, interruptAfterTimeLimit: 40_000 };

const piece = fc.oneof(
  fc.constant(ociDocument(command('SystemSoftwareVersionGetRequest', ''))),
  fc.constant(ociDocument(command('AuthenticationRequest', '<userId>sys</userId>'))),
  fc.constant(`<LoginRequest22V5><password>${'x'.repeat(10)}`),
  fc.constant('<Foo xmlns="C"><bar/></Foo>'),
  fc.constant('<Empty attr="a > b"/>'),
  fc.constant('<?xml version="1.0"?><!-- </BroadsoftDocument> --><!DOCTYPE x [<!ENTITY e "v">]>'),
  fc.constant('<BroadsoftDocument protocol="OCI" xmlns="C"><![CDATA[</BroadsoftDocument></BroadsoftDocument>]]></BroadsoftDocument>'),
  fc.constant('hello, is this BroadWorks?'),
  fc.constant('</BroadsoftDocument>'),
  fc.constant('<![CDATA['),
  fc.constant(']]>'),
  fc.constantFrom('\n', '\r\n', ' ', '\t'),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
);

const stream = fc.array(piece, { minLength: 1, maxLength: 20 }).map((parts) => Buffer.from(parts.join(''), 'latin1'));

function frame(bytes: Buffer, cuts: number[]): { docs: string[]; error?: string } {
  const f = new DocumentFramer();
  const docs: string[] = [];
  let at = 0;
  try {
    for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
      if (cut <= at) continue;
      docs.push(...f.push(bytes.subarray(at, cut)).map((d) => d.toString('latin1')));
      at = cut;
    }
  } catch (e) {
    if (!(e instanceof FramingError)) throw e;
    return { docs, error: e.message };
  }
  return { docs };
}

describe('fuzz: simulator framer', () => {
  it('frames the same documents whatever the chunking, in order, never inventing a byte', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat({ max: 2000 }), { maxLength: 30 }), (bytes, cuts) => {
        const whole = frame(bytes, []);
        const chunked = frame(bytes, cuts);
        assert.deepEqual(chunked, whole);
        const text = bytes.toString('latin1');
        let from = 0;
        for (const d of whole.docs) {
          const at = text.indexOf(d, from);
          assert.ok(at >= 0 && text.slice(from, at).trim() === '', 'documents are the input, in order, with only whitespace between');
          from = at + d.length;
        }
      }),
      FRAMER_RUNS,
    );
  });

  it('any stream of complete valid documents separated by newlines is framed into exactly those documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b<![CDATA[</BroadsoftDocument>]]>', '&lt;x&gt;'), { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat({ max: 3000 })),
        (bodies, cuts) => {
          const docs = bodies.map((b, i) => ociDocument(command('X', b), `s${i}`));
          const { docs: framed } = frame(Buffer.from(docs.join('\n') + '\n', 'latin1'), cuts);
          assert.deepEqual(framed, docs);
        },
      ),
      FRAMER_RUNS,
    );
  });
});

describe('fuzz counterexamples, kept as plain tests', () => {
  it('a document cut inside its start tag, after the newline before it was dropped, is not lost', () => {
    const docs = ['a', 'b'].map((b, i) => ociDocument(command('X', b), `s${i}`));
    const bytes = Buffer.from(docs.join('\n') + '\n', 'latin1');
    const cut = docs[0].length + 1 + docs[1].indexOf('protocol=') + 'protocol='.length;
    assert.deepEqual(frame(bytes, [cut]).docs, docs);
  });
});

describe('fuzz: simulator protocol over TCP', () => {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ tcpPort: 0, seed: testSeed() });
  });
  after(() => sim.close());

  it('after every hostile stream (logged in or not), the simulator answers a fresh login', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(stream, fc.boolean(), fc.array(fc.nat({ max: 500 }), { maxLength: 8 }), async (bytes, loggedIn, cuts) => {
        const c = await RawClient.connect(sim.ports.tcp!);
        try {
          if (loggedIn) await c.login22('sys', PASSWORDS.sys);
          let at = 0;
          for (const cut of [...cuts, bytes.length].sort((a, b) => a - b)) {
            if (cut <= at || cut > bytes.length) continue;
            if (c.closed) break;
            c.socket.write(bytes.subarray(at, cut));
            at = cut;
          }
        } finally {
          c.close();
        }
        const health = await RawClient.connect(sim.ports.tcp!);
        try {
          const login = await health.login22('sys', PASSWORDS.sys);
          assert.equal(login.type, 'LoginResponse22V5');
        } finally {
          health.close();
        }
      }),
      WIRE_RUNS,
    );
  });

  it('a logged-in connection stays usable after any stream that ends with a newline', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            piece.filter((p) => !/^[<\xef]/.test(p.replace(/[\r\n]/g, ' ').trim())),
            fc.constant('<Foo/>'),
            fc.constant('<Bar>x</Bar>'),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (parts) => {
          const c = await RawClient.connect(sim.ports.tcp!);
          try {
            await c.login22('sys', PASSWORDS.sys);
            const lines = parts.map((p) => p.replace(/[\r\n]/g, ' ')).filter((p) => p.trim() !== '');
            for (const line of lines) await c.write(`${line}\n`);
            const answers = [];
            for (let i = 0; i < lines.length; i++) answers.push(await c.nextDocument(10_000));
            assert.ok(
              answers.every((a) => a.includes('ErrorResponse')),
              'one ErrorResponse per hostile line',
            );
            const s = connect(sim.ports.tcp!, '127.0.0.1');
            await once(s, 'connect');
            s.destroy();
            await c.write(ociDocument(command('SystemSoftwareVersionGetRequest', '')) + '\n');
            assert.match(await c.nextDocument(10_000), /SystemSoftwareVersionGetResponse/);
          } finally {
            c.close();
          }
        },
      ),
      WIRE_RUNS,
    );
  });
});
