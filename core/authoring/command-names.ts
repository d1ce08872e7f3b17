/**
 * Command-name completion over the whole release (about 4,000 request types): fuzzy matching of what was typed
 * ("gcca" finds GroupCallCenterAdd..., "userdel" UserDeleteRequest), ranked, grouped by family (System, Service
 * provider / enterprise, Group, User, Other) and capped, so a completion list never builds thousands of entries
 * (nor loads every chunk of the model): the list is marked incomplete and asked again as the user types.
 */
import { commandFamily, type CommandFamily } from '../model/command-summary';

/**
 * Offered first when nothing is typed: the commands of a customer onboarding (service provider, group, domains,
 * numbers, services, devices, users) and the three with hand-written rules.
 */
export const FEATURED_COMMANDS = [
  'UserConsolidatedAddRequest22',
  'UserDeleteRequest',
  'UserGetRequest23V2',
  'ServiceProviderAddRequest13mp2',
  'ServiceProviderDomainAssignListRequest',
  'ServiceProviderDnAddListRequest',
  'ServiceProviderServiceModifyAuthorizationListRequest',
  'GroupAddRequest',
  'GroupDomainAssignListRequest',
  'GroupDnAssignListRequest',
  'GroupServiceModifyAuthorizationListRequest',
  'GroupAccessDeviceAddRequest14',
  'UserAddRequest22',
  'UserModifyRequest22',
  'UserServiceAssignListRequest',
  'UserGetListInGroupRequest',
  'SystemSoftwareVersionGetRequest',
];

/** Order of the families in a list. */
const FAMILY_ORDER: CommandFamily[] = ['User', 'Group', 'Service provider / enterprise', 'System', 'Other'];

/**
 * A fuzzy score of `query` against `name` (higher is better), or -1 when the query's characters do not all appear
 * in order. Case-insensitive; matches at the start of a word (an upper-case letter or digit after a lower-case one)
 * and runs of consecutive characters count more; the shorter name wins ties (the unversioned command).
 */
export function fuzzyScore(query: string, name: string): number {
  if (!query) return 0;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  const exact = n.indexOf(q);
  const stem = stemLength(name);
  if (exact === 0) return 10_000 - stem;
  if (exact > 0) return 5_000 + (isWordStart(name, exact) ? 1_000 : 0) - exact - stem;
  let score = 0;
  let at = 0;
  let run = 0;
  for (const ch of q) {
    const found = n.indexOf(ch, at);
    if (found < 0) return -1;
    run = found === at ? run + 1 : 0;
    score += (isWordStart(name, found) ? 30 : 1) + run * 5 - Math.min(found - at, 10);
    at = found + 1;
  }
  return score - stem / 10;
}

/** Length without the version suffix ("UserGetRequest23V2" -> "UserGetRequest"): versions of a command tie. */
function stemLength(name: string): number {
  const m = /(Request|Response)[0-9A-Za-z]*$/.exec(name);
  return m ? m.index + m[1].length : name.length;
}

/** Among versions of one command, the newest first ("22V2" after "22", "22" after "17", "17" after ""). */
function newerFirst(a: string, b: string): number {
  const sa = a.slice(stemLength(a));
  const sb = b.slice(stemLength(b));
  if (a.slice(0, stemLength(a)) !== b.slice(0, stemLength(b))) return a < b ? -1 : 1;
  const na = parseInt(sa, 10) || 0;
  const nb = parseInt(sb, 10) || 0;
  return nb - na || (sb < sa ? -1 : sb > sa ? 1 : 0);
}

function isWordStart(name: string, i: number): boolean {
  if (i === 0) return true;
  const c = name[i];
  const p = name[i - 1];
  return (/[A-Z]/.test(c) && /[a-z0-9]/.test(p)) || (/[0-9]/.test(c) && !/[0-9]/.test(p));
}

export interface RankedCommand {
  name: string;
  family: CommandFamily;
  /** Sort key: family first when nothing is typed, score first otherwise. */
  sortText: string;
}

/** The commands matching `query`, best first, at most `limit`; `complete` is false when more matched. */
export function rankCommands(names: readonly string[], query: string, limit: number): { ranked: RankedCommand[]; complete: boolean } {
  const scored: { name: string; score: number; family: CommandFamily }[] = [];
  for (const name of names) {
    const score = fuzzyScore(query, name);
    if (score >= 0) scored.push({ name, score, family: commandFamily(name) });
  }
  const featured = (n: string) => {
    const i = FEATURED_COMMANDS.indexOf(n);
    return i < 0 ? FEATURED_COMMANDS.length : i;
  };
  if (!query)
    scored.sort(
      (a, b) =>
        featured(a.name) - featured(b.name) ||
        FAMILY_ORDER.indexOf(a.family) - FAMILY_ORDER.indexOf(b.family) ||
        newerFirst(a.name, b.name),
    );
  else scored.sort((a, b) => b.score - a.score || newerFirst(a.name, b.name));
  const ranked = scored.slice(0, limit).map((s, i) => ({ name: s.name, family: s.family, sortText: String(i).padStart(5, '0') }));
  return { ranked, complete: scored.length <= limit };
}
