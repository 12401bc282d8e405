import type { TActivityEntry } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { whoChangedCards } from './who-changed-cards.ts';

const AT = '2026-12-07T10:00:00.000Z';

function entry(authorId: string, name: string, kinds: string[]): TActivityEntry {
  return {
    id: `${authorId}-${kinds.join()}`,
    author: { kind: 'member', id: authorId, name },
    subject: { kind: 'card', id: 'c1' },
    stageId: 's1',
    changes: kinds.map((kind) => ({ kind }) as TActivityEntry['changes'][number]),
    sentence: '',
    firstAt: AT,
    at: AT,
  };
}

const ana = (...kinds: string[]) => entry('ana', 'Ana Diaz', kinds);
const ben = (...kinds: string[]) => entry('ben', 'Ben Ode', kinds);
const me = (...kinds: string[]) => entry('me', 'Me', kinds);

describe('who deleted or rewrote the cards a notice is about', () => {
  it('names the author of each card’s newest change of that kind, once each', () => {
    expect(
      whoChangedCards([[ana('card.removed'), ben('card.text')]], 'card.removed', 'me'),
    ).toEqual(['Ana Diaz']);
    expect(
      whoChangedCards(
        [[ana('card.removed')], [ben('card.removed')], [ana('card.removed', 'card.text')]],
        'card.removed',
        'me',
      ),
    ).toEqual(['Ana Diaz', 'Ben Ode']);
  });

  it('passes over this person’s own rewrites to the other person’s', () => {
    expect(whoChangedCards([[me('card.text'), ben('card.text')]], 'card.text', 'me')).toEqual([
      'Ben Ode',
    ]);
  });

  it('names nobody for a card put back and deleted again until the second deletion is in the feed', () => {
    // Newest first: Ana put it back (added again), after Ben had deleted it.
    expect(
      whoChangedCards([[ana('card.added'), ben('card.removed')]], 'card.removed', 'me'),
    ).toBeNull();
    expect(
      whoChangedCards(
        [[entry('cy', 'Cy', ['card.removed']), ana('card.added'), ben('card.removed')]],
        'card.removed',
        'me',
      ),
    ).toEqual(['Cy']);
  });

  it('names nobody until every card’s change is in the feed, or when the deletion was this person’s', () => {
    expect(whoChangedCards([[ana('card.removed')], undefined], 'card.removed', 'me')).toBeNull();
    expect(
      whoChangedCards([[ana('card.removed')], [ben('card.text')]], 'card.removed', 'me'),
    ).toBeNull();
    expect(
      whoChangedCards([[me('card.removed'), ana('card.removed')]], 'card.removed', 'me'),
    ).toBeNull();
    expect(whoChangedCards([], 'card.removed', 'me')).toBeNull();
  });
});
