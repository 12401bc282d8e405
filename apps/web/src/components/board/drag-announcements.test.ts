import type { Active, Over } from '@dnd-kit/core';
import { describe, expect, it } from 'vitest';
import {
  addCardTo,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
} from '../../board/testing/board-fixture.tsx';
import { createDragAnnouncements } from './drag-announcements.ts';

describe('what a screen reader hears while a card is moved', () => {
  const doc = makeTemplateDoc();
  const cardId = addCardTo(doc, 'Awareness', 'Touchpoints', 'Billboard');
  const ids = idsByTitle(doc);
  const active = { id: cardId, data: { current: { type: 'card', cardId } } } as unknown as Active;
  const overCell = (stage: string, lane: string) =>
    ({
      id: `${stage}:${lane}`,
      data: {
        current: { type: 'cell', stageId: ids.stage(stage), laneId: ids.lane(lane) },
      },
    }) as unknown as Over;

  it('says it was picked up and where it is, then each place it goes over, as sentences', () => {
    const say = createDragAnnouncements(
      () => readDoc(doc),
      () => 1,
    );
    // dnd-kit announces the start and at once where the drag is: the first says both.
    expect(say.onDragStart({ active })).toBe('Picked up card “Billboard”.');
    expect(say.onDragOver?.({ active, over: overCell('Awareness', 'Touchpoints') })).toBe(
      'Picked up card “Billboard”, over Touchpoints in Awareness.',
    );
    expect(say.onDragOver?.({ active, over: overCell('Consideration', 'Touchpoints') })).toBe(
      'Card “Billboard” is over Touchpoints in Consideration.',
    );
    expect(say.onDragEnd({ active, over: overCell('Consideration', 'Touchpoints') })).toBe(
      'Dropped card “Billboard” in Touchpoints in Consideration.',
    );
  });
});
