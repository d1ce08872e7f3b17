/**
 * `node:path` in the web bundles (set by esbuild.mjs): the POSIX functions core uses on paths that are only text
 * there (the settings normalizer resolves `ocip.schemaDirectory`, which the web server then reports as unusable).
 * Pure string work, no file system; same results as Node's path.posix for the calls core makes.
 */
export const sep = '/';

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

export function normalize(p: string): string {
  const absolute = isAbsolute(p);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const body = out.join('/');
  const result = absolute ? `/${body}` : body || '.';
  // Like Node, a trailing slash is kept.
  return p.endsWith('/') && result !== '/' ? `${result}/` : result;
}

export function join(...parts: string[]): string {
  const joined = parts.filter((p) => p !== '').join('/');
  return joined ? normalize(joined) : '.';
}

/** Without a working directory in the browser, a still-relative result stays relative to `/`. */
export function resolve(...parts: string[]): string {
  let path = '';
  for (let i = parts.length - 1; i >= 0 && !isAbsolute(path); i--) if (parts[i]) path = path ? `${parts[i]}/${path}` : parts[i];
  return stripTrailingSlash(normalize(isAbsolute(path) ? path : `/${path}`));
}

const stripTrailingSlash = (p: string): string => (p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p);

export function dirname(p: string): string {
  const n = stripTrailingSlash(normalize(p));
  const i = n.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : n.slice(0, i);
}

export function basename(p: string, ext?: string): string {
  const base = stripTrailingSlash(normalize(p)).split('/').pop() ?? '';
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}

export function extname(p: string): string {
  const base = basename(p);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export const posix = { sep, isAbsolute, normalize, join, resolve, dirname, basename, extname, relative };
export default posix;
