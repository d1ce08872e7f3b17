/**
 * Finds and reads the schema documents of an XSD folder: every .xsd below it, plus
 * whatever xs:include / xs:import reach (possibly outside the folder). Each document
 * is read once per target namespace it is compiled into.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { XSD_LIMITS } from '../limits';
import { FileLimitError, readBoundedFile } from '../text/read-bounded';
import { dirname, join, relative, resolve } from 'node:path';
import { parseXmlTree, xsChildren, XNode, XSD_NS } from './xml-tree';

export interface SchemaDoc {
  /** Absolute path. */
  file: string;
  /** Path for messages: relative to the compiled folder. */
  label: string;
  /** Namespace the document's global components belong to ('' = none). */
  targetNamespace: string;
  /**
   * Set for a chameleon include (a no-namespace document included by a namespaced one):
   * its unqualified references resolve to this namespace.
   */
  chameleonNs?: string;
  root: XNode;
}

/** Every *.xsd file below dir, sorted so the compile order is stable (symbolic-link loops walked once, at most XSD_LIMITS.files). */
export function listXsdFiles(dir: string): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (d: string): void => {
    const real = realpathSync(d);
    if (walked.has(real)) return;
    walked.add(real);
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.toLowerCase().endsWith('.xsd')) {
        out.push(p);
        if (out.length > XSD_LIMITS.files) throw new Error(`Schema folder ${dir} holds more than ${XSD_LIMITS.files} .xsd files: refused`);
      }
    }
  };
  walk(dir);
  return out;
}

export function loadSchemaSet(dir: string, warnings: string[]): SchemaDoc[] {
  const root = resolve(dir);
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new Error(`Schema folder not found: ${root}`);
  }
  if (!st.isDirectory()) throw new Error(`Schema folder is not a directory: ${root}`);

  const docs: SchemaDoc[] = [];
  const seen = new Set<string>();
  const texts = new Map<string, XNode>();
  const label = (f: string): string => relative(root, f) || f;

  let totalBytes = 0;
  const read = (file: string, from?: string): XNode => {
    let tree = texts.get(file);
    if (tree) return tree;
    if (texts.size >= XSD_LIMITS.files) throw new Error(`Schema set of ${root} reaches more than ${XSD_LIMITS.files} documents: refused`);
    let text: string;
    try {
      // Bounded and regular files only: an include of /dev/zero or of a huge file is refused, not read forever.
      const bytes = readBoundedFile(file, XSD_LIMITS.fileBytes);
      totalBytes += bytes.length;
      if (totalBytes > XSD_LIMITS.totalBytes)
        throw new FileLimitError(
          `the schema set's documents together exceed ${XSD_LIMITS.totalBytes / (1024 * 1024)} MiB: refused`,
          'ETOOBIG',
        );
      text = bytes.toString('utf8');
    } catch (e) {
      const why = e instanceof FileLimitError ? e.message : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
      throw new Error(`Cannot read schema file ${file}${from ? ` (referenced from ${label(from)})` : ''}: ${why}`);
    }
    tree = parseXmlTree(text, label(file));
    texts.set(file, tree);
    return tree;
  };

  // Depth-first in reference order, so included documents come before their includers' siblings.
  const visit = (file: string, includerNs: string | undefined, from?: string): void => {
    const tree = read(file, from);
    const own = tree.attrs.targetNamespace ?? '';
    const chameleonNs = own ? undefined : includerNs;
    const key = `${file}\u0000${chameleonNs ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (tree.ns !== XSD_NS || tree.local !== 'schema') {
      warnings.push(`${label(file)}: root element is not xs:schema; file ignored`);
      return;
    }
    const doc: SchemaDoc = { file, label: label(file), targetNamespace: own || chameleonNs || '', root: tree };
    if (!own && chameleonNs) doc.chameleonNs = chameleonNs;
    docs.push(doc);
    for (const ref of [...xsChildren(tree, 'include'), ...xsChildren(tree, 'import'), ...xsChildren(tree, 'redefine')]) {
      const loc = ref.attrs.schemaLocation;
      if (ref.local === 'redefine') warnings.push(`${doc.label}: xs:redefine is not supported; treated as xs:include`);
      if (!loc) {
        if (ref.local !== 'import') warnings.push(`${doc.label}: xs:${ref.local} without schemaLocation ignored`);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(loc)) {
        warnings.push(`${doc.label}: remote schemaLocation ${loc} not followed`);
        continue;
      }
      const target = resolve(dirname(file), loc);
      // An included no-namespace document takes on the includer's namespace (chameleon include).
      visit(target, ref.local === 'import' ? undefined : doc.targetNamespace || undefined, file);
    }
  };

  for (const f of listXsdFiles(root)) visit(f, undefined);
  return docs;
}
