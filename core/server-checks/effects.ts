/**
 * What the file's earlier commands change on the server, as far as the checks of the later ones care: a user
 * added by command 1 exists for command 2, a group it creates exists, the domains, numbers, services and devices it
 * assigns are assigned. Only the effects of commands with no server error are recorded (a failing request changes
 * nothing on the server).
 */
export interface GroupEffects {
  /** Created by a command of this file: the server knows nothing of it yet. */
  createdHere: boolean;
  domains: Set<string>;
  numbers: Set<string>;
  extensions: Set<string>;
  services: Set<string>;
  packs: Set<string>;
  devices: Set<string>;
}

export const groupKey = (sp: string, group: string) => JSON.stringify([sp, group]);

export function emptyGroup(createdHere: boolean): GroupEffects {
  const s = () => new Set<string>();
  return { createdHere, domains: s(), numbers: s(), extensions: s(), services: s(), packs: s(), devices: s() };
}

export class FileEffects {
  /** User ids and alternate user ids added. */
  readonly userIds = new Set<string>();
  private readonly groups = new Map<string, GroupEffects>();
  private readonly spDomains = new Map<string, Set<string>>();
  /** Number -> the user id given it. */
  private readonly holders = new Map<string, string>();

  /** The group's recorded effects, if an earlier command touched or created it. */
  group(sp: string, group: string): GroupEffects | undefined {
    return this.groups.get(groupKey(sp, group));
  }

  /** The record of a group, made when first needed (an existing group unless `created`). */
  record(sp: string, group: string, effects: GroupEffects): void {
    this.groups.set(groupKey(sp, group), effects);
  }

  spDomain(sp: string, domain: string): boolean {
    return this.spDomains.get(sp)?.has(domain) ?? false;
  }

  addSpDomain(sp: string, domain: string): void {
    let set = this.spDomains.get(sp);
    if (!set) this.spDomains.set(sp, (set = new Set()));
    set.add(domain);
  }

  numberHolder(dn: string): string | undefined {
    return this.holders.get(dn);
  }

  holdNumber(dn: string, userId: string, group: GroupEffects): void {
    this.holders.set(dn, userId);
    group.numbers.add(dn);
  }
}
