import type { BoardChange } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { marksFrom, targetOf } from './change-targets.ts';

const score = (value: number) => ({ score: value, note: '' });

describe('what "what changed" marks on the board', () => {
  it('marks lanes and emotion scores, not only cards and stages', () => {
    const changes: BoardChange[] = [
      { kind: 'lane.renamed', laneId: 'l1', from: 'Doing', to: 'Actions' },
      { kind: 'emotion.changed', stageId: 's1', laneId: 'l2', from: null, to: score(2) },
      { kind: 'emotion.changed', stageId: 's2', laneId: 'l2', from: score(-1), to: score(1) },
      { kind: 'emotion.changed', stageId: 's3', laneId: 'l2', from: score(1), to: null },
    ];
    const marks = marksFrom(changes, 's2:l2', null);
    expect([...marks.lanes]).toEqual([['l1', 'changed']]);
    expect([...marks.emotions]).toEqual([
      ['s1:l2', 'added'],
      ['s2:l2', 'changed'],
      ['s3:l2', 'removed'],
    ]);
    expect(marks.current).toBe('s2:l2');
    expect(changes.map((change) => targetOf(change).kind)).toEqual([
      'lanes',
      'emotions',
      'emotions',
      'emotions',
    ]);
  });

  it('keeps "added" for a card that was also edited afterwards', () => {
    const card = { id: 'c1' } as Extract<BoardChange, { kind: 'card.added' }>['card'];
    const marks = marksFrom(
      [
        { kind: 'card.added', cardId: 'c1', card },
        { kind: 'card.text', cardId: 'c1', from: '', to: 'Hello' } as BoardChange,
      ],
      null,
      null,
    );
    expect(marks.cards.get('c1')).toBe('added');
  });
});
