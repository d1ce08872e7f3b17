/**
 * Rules reported once per key and file (RuleInfo.scope 'first-per-key', e.g. the group hint of
 * UserConsolidatedAddRequest22): of the diagnostics with the same code and key, in file order, only the first
 * is kept, and none once a command has claimed the key (Diagnostic.claim: it creates the group). Claims are
 * dropped. Per-command checks stay pure and cacheable; this pass is over the diagnostics only.
 */
import { RULES_BY_CODE } from './registry';
import type { Diagnostic } from './types';

/** Keeps the first diagnostic per code and key (claims count as first and are removed); others pass through. */
export function applyKeyScopes(diagnostics: Diagnostic[]): Diagnostic[] {
  let seen: Set<string> | undefined;
  let out: Diagnostic[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (d.key === undefined || (!d.claim && RULES_BY_CODE.get(d.code)?.scope !== 'first-per-key')) {
      out?.push(d);
      continue;
    }
    seen ??= new Set();
    const id = d.code + '\u0000' + d.key;
    const keep = !d.claim && !seen.has(id);
    seen.add(id);
    if (keep) {
      out?.push(d);
      continue;
    }
    // First drop: copy what came before.
    out ??= diagnostics.slice(0, i);
  }
  return out ?? diagnostics;
}
