import {
  sharedMapCapabilities,
  type CallerKind,
  type MapAction,
  type PresenceReaction,
} from '@journeyboard/shared';
import type { Peer } from './presence-store.ts';

/** One person on the map, however many tabs (awareness clients) they have it open in. */
export interface Person {
  readonly userId: string;
  readonly name: string;
  readonly color: string;
  /** Each of their tabs. */
  readonly clientIds: readonly number[];
  /** The tab "Follow" follows: the one their pointer is on, else one that shows the board. */
  readonly followClientId: number;
  readonly reaction: PresenceReaction | null;
  /** The summon one of their tabs follows (its `startedAt`), or null. */
  readonly following: string | null;
  /** What the server stamped them as (presence-store.ts `callerKindOf`). */
  readonly callerKind: CallerKind | null;
}

/**
 * The people among `peers` (one per tab, by client id): a person with the map
 * open in two tabs is one avatar, not two; and this person's own other tabs
 * (`selfId`) are no one else — their avatar is "You". In the order of each
 * person's first tab.
 */
export function peopleOf(peers: readonly Peer[], selfId: string | null): readonly Person[] {
  const tabs = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (peer.userId === selfId) continue;
    const own = tabs.get(peer.userId);
    if (own) own.push(peer);
    else tabs.set(peer.userId, [peer]);
  }
  return [...tabs.entries()].map(([userId, [first, ...rest]]) => {
    const all = [first!, ...rest];
    const followed =
      all.find((peer) => peer.cursor !== null) ??
      all.find((peer) => peer.viewport !== null) ??
      first!;
    return {
      userId,
      name: first!.name,
      color: first!.color,
      clientIds: all.map((peer) => peer.clientId),
      followClientId: followed.clientId,
      reaction: all.find((peer) => peer.reaction !== null)?.reaction ?? null,
      following: all.find((peer) => peer.following !== null)?.following ?? null,
      callerKind: first!.callerKind,
    };
  });
}

/**
 * How many people on the map may do `action` (by the capability table), this
 * person included when `selfCan`: "21 of 28 have voted" needs the 28. People
 * whose kind is unknown (an older client's state) are not counted.
 */
export function countWhoCan(
  people: readonly Person[],
  action: MapAction,
  selfCan: boolean,
): number {
  const others = people.filter(
    (person) =>
      person.callerKind !== null && sharedMapCapabilities([person.callerKind]).includes(action),
  ).length;
  return others + (selfCan ? 1 : 0);
}

/**
 * Who of the people taking part follows the summon that started at
 * `startedAt`, and who looks elsewhere (moved away or pressed "Stop
 * following"): the leader's banner counts the first and names the second.
 * Someone who only watches (a viewer, a share link) is in neither, following
 * or not: a watcher who arrived after the summon began was never brought
 * along (useFollowedSummon), so is no straggler to wait for — and counting
 * the ones who follow made "Both follow" of one participant and a leader.
 */
export function summonFollowers(
  people: readonly Person[],
  startedAt: string,
): { readonly along: readonly Person[]; readonly elsewhere: readonly Person[] } {
  const room = people.filter(takesPart);
  const along = room.filter((person) => person.following === startedAt);
  const elsewhere = room.filter((person) => person.following !== startedAt);
  return { along, elsewhere };
}

function takesPart(person: Person): boolean {
  return (
    person.callerKind !== null &&
    sharedMapCapabilities([person.callerKind]).includes('workshop.participate')
  );
}

/**
 * Whether two lists of people show the same (names, colours, tabs, whom
 * "Follow" follows, reactions, following a summon): a pointer moving changes none of it, so the
 * avatars need not re-render for it (use-presence.ts `usePeople`).
 */
export function samePeople(a: readonly Person[], b: readonly Person[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((person, i) => {
    const other = b[i]!;
    return (
      person.userId === other.userId &&
      person.name === other.name &&
      person.color === other.color &&
      person.followClientId === other.followClientId &&
      person.callerKind === other.callerKind &&
      person.following === other.following &&
      person.reaction?.seq === other.reaction?.seq &&
      person.reaction?.kind === other.reaction?.kind &&
      person.clientIds.length === other.clientIds.length &&
      person.clientIds.every((id, j) => id === other.clientIds[j])
    );
  });
}
