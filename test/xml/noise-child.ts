/**
 * Child process of noise.test.ts: reads 5 MB of one kind of XML noise with core/xml and prints the heap growth
 * and the error. Run with --expose-gc and a --max-old-space-size limit, so an unbounded read dies here.
 * argv: the repeated unit, then an optional prefix.
 */
import { parseXmlTree, XmlError } from '../../core/xml';

const [unit, prefix = ''] = process.argv.slice(2);
const text = prefix + unit.repeat(Math.floor((5 * 1024 * 1024) / unit.length));
const gc = (globalThis as { gc?: () => void }).gc!;
gc();
const before = process.memoryUsage().heapUsed;
let error = '';
try {
  parseXmlTree(text);
} catch (e) {
  if (!(e instanceof XmlError)) throw e;
  error = e.message;
}
// Measured before collecting: garbage made while reading counts too (a loose view of the peak).
const grownBy = process.memoryUsage().heapUsed - before;
process.stdout.write(JSON.stringify({ grownBy, error }));
