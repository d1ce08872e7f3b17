/** docs/rules.md, generated from the rules registry so that the table can never drift from the code. */
import { RULE_PRINCIPLES, RULES } from './registry';

export function renderRulesDoc(): string {
  const groups: [string, (code: string, kind: string) => boolean][] = [
    ['Syntax', (_c, k) => k === 'syntax'],
    ['Schema (the server answers [Error 6004] OCI XML Request validation error)', (_c, k) => k === 'schema'],
    ['Mode and authority rules', (_c, k) => k === 'rule' || k === 'info'],
  ];
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '# Rules',
    '',
    'Every check the editor, the `ocip` CLI and the simulator apply, generated from `core/checks/registry.ts` (`npm run gen:rules`).',
    'Severity is the default; the data mode column says when a rule applies only in AS or XS data mode (`ocip.dataMode`).',
    'Authority rules compare the administrator level (`ocip.adminLevel`): Group Department < Group < Service Provider < Reseller < Provisioning < System.',
    'Quoted sentences are from the command documentation of `UserConsolidatedAddRequest22`; the others state schema facts.',
    '',
    '## Principles',
    '',
    ...RULE_PRINCIPLES.flatMap((p) => [`- **${p.title}.** ${p.text}`]),
    '',
  ];
  for (const [title, pick] of groups) {
    out.push(`## ${title}`, '', '| code | severity | mode | what | enforces |', '|---|---|---|---|---|');
    for (const r of RULES.filter((r) => pick(r.code, r.kind))) {
      out.push(
        `| <a id="${r.code.toLowerCase()}"></a>\`${r.code}\` | ${r.severity} | ${r.mode ?? 'both'} | ${esc(r.title)} | ${esc(r.source)} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
