import type { ElementNode, Span } from '../../core/tree/types';

/** The span of the `occurrence`-th (0-based) appearance of `needle` in `text`; throws if absent. */
export function spanOf(text: string, needle: string, occurrence = 0, from = 0): Span {
  let at = text.indexOf(needle, from);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`test text has no occurrence ${occurrence} of ${JSON.stringify(needle)}`);
  return { start: at, end: at + needle.length };
}

/** The single child element with this name (fails loudly when there is not exactly one). */
export function child(parent: { children?: ElementNode[] }, name: string): ElementNode {
  const found = (parent.children ?? []).filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`expected one '${name}', found ${found.length}`);
  return found[0];
}

export function children(parent: { children?: ElementNode[] }, name: string): ElementNode[] {
  return (parent.children ?? []).filter((c) => c.name === name);
}

/** A small deterministic PRNG (mulberry32), so random tests are reproducible from their seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const USER_ADD = `command: UserConsolidatedAddRequest22
serviceProviderId: ent1
groupId: grp1
userId: jdoe@example.com
lastName: Doe
firstName: John
callingLineIdLastName: Doe
callingLineIdFirstName: John
alias: [jd@example.com, john@example.com]
department:
  xsi:type: GroupDepartmentKey
  serviceProviderId: ent1
  groupId: grp1
  name: Sales
userService:
  - userServiceName: Shared Call Appearance
  - userServiceName: Authentication
    authorizedQuantity: {unlimited: true}
thirdPartyVoiceMailMailboxURL: ~
`;

export const USER_DELETE = `command: UserDeleteRequest
userId: old@example.com
`;
