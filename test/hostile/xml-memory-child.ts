/**
 * Child process of xml-memory.test.ts: parses 5 MB of one kind of XML noise and prints the heap growth.
 * Run with --expose-gc and a --max-old-space-size limit, so an unbounded parse dies here, not in the test runner.
 * argv: the repeated unit, then an optional prefix (e.g. an element that the noise sits in).
 */
import { parseXml } from '../../core/syntax';

const [unit, prefix = ''] = process.argv.slice(2);
const text = prefix + unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length));
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const before = process.memoryUsage().heapUsed;
const file = parseXml(text);
// Measured before collecting: garbage made while parsing counts too (a loose view of the peak).
const grownBy = process.memoryUsage().heapUsed - before;
gc();
const retained = process.memoryUsage().heapUsed - before;
process.stdout.write(
  JSON.stringify({ grownBy, retained, problems: file.problems.length, codes: [...new Set(file.problems.map((p) => p.code))] }),
);
