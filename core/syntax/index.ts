/**
 * The syntax layer's entry point: pick the front end for a file and parse it.
 * YAML parsing goes through one shared incremental parser, so repeated parses of big files (the language
 * server re-parses on every edit) only parse the commands that changed; results equal a fresh parse.
 */
import type { FileFormat, SourceFile } from '../tree/types';
import { parseXml } from './xml';
import { IncrementalYamlParser } from './yaml';

export { parseYaml, IncrementalYamlParser } from './yaml';
export { parseXml } from './xml';

const sharedYamlParser = new IncrementalYamlParser();

export function parseSource(text: string, format: FileFormat): SourceFile {
  return format === 'xml' ? parseXml(text) : sharedYamlParser.parse(text);
}

/**
 * 'yaml' for *.ocip.yaml / *.ocip.yml, 'xml' for *.ocip.xml and for any other *.xml whose first element is
 * BroadsoftDocument (after an optional XML declaration, comments, processing instructions and a DOCTYPE),
 * else undefined.
 */
export function detectFormat(fileName: string, text: string): FileFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ocip.yaml') || lower.endsWith('.ocip.yml')) return 'yaml';
  if (lower.endsWith('.ocip.xml')) return 'xml';
  if (lower.endsWith('.xml') && firstElementName(text) === 'BroadsoftDocument') return 'xml';
  return undefined;
}

/** The local name of the first element, skipping the prolog; undefined when there is none. */
function firstElementName(text: string): string | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Bounded: only the prolog is scanned, and each step consumes at least one construct.
  for (let steps = 0; steps < 1000; steps++) {
    while (at < text.length && /\s/.test(text[at])) at++;
    if (text.startsWith('<?', at)) at = skipPast(text, at, '?>');
    else if (text.startsWith('<!--', at)) at = skipPast(text, at, '-->');
    else if (text.startsWith('<!', at)) at = skipPast(text, at, '>');
    else break;
    if (at < 0) return undefined;
  }
  if (text[at] !== '<') return undefined;
  const match = /^<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)/.exec(text.slice(at, at + 200));
  return match?.[2];
}

function skipPast(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from + 2);
  return at < 0 ? -1 : at + end.length;
}
