import { describe, expect, it } from 'vitest';
import { peopleOf } from './people.ts';
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
