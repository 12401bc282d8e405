import { beforeEach, describe, expect, it } from 'vitest';
import {
  dropInterruptedDraft,
  interruptedDraftOf,
  keepInterruptedDraft,
} from './interrupted-draft.ts';
import { addCardTo, makeTemplateDoc, readDoc } from '../board/testing/board-fixture.tsx';

const doc = makeTemplateDoc();
const cardId = addCardTo(doc, 'Purchase', 'Pain points', '');
const card = readDoc(doc).cards.get(cardId)!;
const draft = { card, laneKind: 'pain' as const, base: '', text: 'On hold for ages' };

beforeEach(() => window.sessionStorage.clear());

describe('a card draft kept across a reload', () => {
  it('comes back for its own map only, and not once dropped', () => {
    keepInterruptedDraft('map-1', draft);
    expect(interruptedDraftOf('map-2')).toBeNull();
    expect(interruptedDraftOf('map-1')).toEqual(draft);
    dropInterruptedDraft();
    expect(interruptedDraftOf('map-1')).toBeNull();
  });

  it('ignores what isn’t a draft of ours (another version’s, or damaged)', () => {
    window.sessionStorage.setItem('journeyboard:interrupted-card-draft', '{"mapId":"map-1"');
    expect(interruptedDraftOf('map-1')).toBeNull();
    window.sessionStorage.setItem(
      'journeyboard:interrupted-card-draft',
      JSON.stringify({ mapId: 'map-1', base: '', text: 'x', card: { id: 'c1' } }),
    );
    expect(interruptedDraftOf('map-1')).toBeNull();
  });
});
