/** Reads VS Code's settings.json dialect (JSON with comments and trailing commas), with a position on error. */

/** Parses JSONC; throws an Error whose message names line and column. */
export function parseJsonc(text: string, fileName = 'settings.json'): unknown {
  const clean = stripJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return JSON.parse(clean);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : undefined;
    const where = at === undefined ? '' : `:${lineCol(clean, at)}`;
    throw new Error(`${fileName}${where}: not valid JSON (${(e as Error).message})`);
  }
}

/** Blanks out comments and trailing commas, keeping every offset (so positions still match the original). */
export function stripJsonc(text: string): string {
  const out = text.split('');
  // Pass 1: comments. Pass 2: trailing commas, which can only be seen once the comments after them are gone.
  scan(text, (i) => {
    if (text[i] === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
      return i;
    }
    if (text[i] === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
      return i;
    }
    return i + 1;
  });
  const blanked = out.join('');
  scan(blanked, (i) => {
    if (blanked[i] === ',') {
      let j = i + 1;
      while (j < blanked.length && /\s/.test(blanked[j])) j++;
      if (blanked[j] === '}' || blanked[j] === ']') out[i] = ' ';
    }
    return i + 1;
  });
  return out.join('');
}

/** Walks the text outside string literals; `step` handles position i and returns where to continue. */
function scan(text: string, step: (i: number) => number): void {
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else i = step(i);
  }
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}
