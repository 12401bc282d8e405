import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { findCards } from './find-cards.ts';
import { applyTemplate } from './templates.ts';

describe('findCards', () => {
  it('finds cards by text in reading order, ignoring case and accents', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'saas-onboarding');
    const board = new BoardStore(doc).getSnapshot();
    const texts = findCards(board, 'WORKSPACE').map((card) => card.text);
    expect(texts).toEqual([
      'Empty workspace with no sample data',
      'Pre-filled demo workspace',
      'Invitees land in the wrong workspace',
    ]);
    expect(findCards(board, '  ')).toEqual([]);
    expect(findCards(board, 'nothing like this')).toEqual([]);
  });
});
