import { describe, expect, it } from 'vitest';
import { countWhoCan, peopleOf, summonFollowers } from './people.ts';
import { CALLER_KINDS, PRESENCE_SHOWN_AS, presenceCallerKind } from '@journeyboard/shared';
import type { Peer } from './presence-store.ts';

const tab = (
  clientId: number,
  userId: string,
  name: string,
  activity: Partial<Peer> = {},
): Peer => ({
  clientId,
  userId,
  name,
  color: '#2563eb',
  cursor: null,
  cardId: null,
  editing: false,
  viewport: null,
  reaction: null,
  following: null,
  callerKind: 'editor',
  ...activity,
});

describe('peopleOf', () => {
  it('is one person for the tabs of one account, in the order of their first tab', () => {
    const people = peopleOf(
      [tab(3, 'u-dana', 'Dana'), tab(5, 'u-bo', 'Bo'), tab(9, 'u-dana', 'Dana')],
      'u-ada',
    );
    expect(people.map((person) => [person.name, person.clientIds])).toEqual([
      ['Dana', [3, 9]],
      ['Bo', [5]],
    ]);
  });

  it('leaves out this person’s own other tabs', () => {
    expect(peopleOf([tab(3, 'u-ada', 'Ada'), tab(5, 'u-bo', 'Bo')], 'u-ada')).toHaveLength(1);
  });

  it('follows the tab the person’s pointer is on, else one that shows the board', () => {
    const viewport = { x: 0, y: 0, width: 800, height: 600 };
    const pointing = peopleOf(
      [
        tab(3, 'u-dana', 'Dana', { viewport }),
        tab(9, 'u-dana', 'Dana', { viewport, cursor: { x: 1, y: 2 } }),
      ],
      null,
    );
    expect(pointing[0]!.followClientId).toBe(9);
    const looking = peopleOf(
      [tab(3, 'u-dana', 'Dana'), tab(9, 'u-dana', 'Dana', { viewport })],
      null,
    );
    expect(looking[0]!.followClientId).toBe(9);
  });
});

describe('countWhoCan: the "of 28" of a round in progress', () => {
  it('counts each person once, by what the server stamped them as, and this person if they may', () => {
    const people = peopleOf(
      [
        tab(1, 'guest:a', 'Ana', { callerKind: 'workshop-guest' }),
        tab(2, 'guest:a', 'Ana', { callerKind: 'workshop-guest' }), // her second tab
        tab(3, 'u-cara', 'Cara', { callerKind: 'commenter' }),
        tab(4, 'u-vic', 'Vic', { callerKind: 'viewer' }), // reads only
        tab(5, 'link:1', 'Guest viewer', { callerKind: 'share-link' }),
        tab(6, 'client:6', 'Old client', { callerKind: null }),
      ],
      'u-fiona',
    );
    expect(countWhoCan(people, 'vote.cast', true)).toBe(3); // Ana, Cara and the facilitator
    expect(countWhoCan(people, 'emotion.rate', false)).toBe(2);
  });

  it('reads the kind from the identity the server stamps on a presence', () => {
    expect(presenceCallerKind({ kind: 'workshop', role: 'editor' })).toBe('workshop-guest');
    expect(presenceCallerKind({ kind: 'member', role: 'commenter' })).toBe('commenter');
    expect(presenceCallerKind({ kind: 'share', role: 'viewer' })).toBe('share-link');
    expect(presenceCallerKind({ kind: 'share', role: 'commenter' })).toBe('share-link-comments');
    expect(presenceCallerKind({})).toBeNull();
    // Every kind the server can stamp reads back as itself: no two show the same.
    for (const kind of CALLER_KINDS) expect(presenceCallerKind(PRESENCE_SHOWN_AS[kind])).toBe(kind);
  });
});

describe('summonFollowers', () => {
  it('counts a person as along when any of their tabs follows this summon, not an older one', () => {
    const people = peopleOf(
      [
        tab(3, 'u-dana', 'Dana', { following: 'summon-2' }),
        tab(4, 'u-bo', 'Bo'),
        tab(5, 'u-cy', 'Cy', { following: 'summon-1' }),
        tab(6, 'u-bo', 'Bo', { following: 'summon-2' }),
      ],
      'u-ada',
    );
    const { along, elsewhere } = summonFollowers(people, 'summon-2');
    expect(along.map((person) => person.name)).toEqual(['Dana', 'Bo']);
    expect(elsewhere.map((person) => person.name)).toEqual(['Cy']);
  });

  it('counts only the people taking part: a watcher is no one to wait for, following or not', () => {
    const people = peopleOf(
      [
        tab(3, 'u-dana', 'Dana', { following: 'summon-2' }),
        tab(4, 'u-link-1', 'Viewer (link)', { callerKind: 'share-link' }),
        tab(5, 'u-lee', 'Lee', { callerKind: 'viewer', following: 'summon-2' }),
        tab(6, 'u-cy', 'Cy', { callerKind: 'workshop-guest' }),
      ],
      'u-ada',
    );
    const { along, elsewhere } = summonFollowers(people, 'summon-2');
    expect(along.map((person) => person.name)).toEqual(['Dana']);
    expect(elsewhere.map((person) => person.name)).toEqual(['Cy']);
  });
});
