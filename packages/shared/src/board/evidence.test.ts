import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_CARD_FIELDS, normalizeCardField } from './card-fields.ts';
import { evidenceSourceLines, isBackedByEvidence } from './evidence.ts';
import { addCard, updateCard } from './ops.ts';
import { BoardStore } from './board-store.ts';
import { applyTemplate } from './templates.ts';

describe('evidence on cards', () => {
  it('is not set on a new card, and holds one of the four levels', () => {
    expect(DEFAULT_CARD_FIELDS.evidence).toBeNull();
    expect(DEFAULT_CARD_FIELDS.evidenceSources).toBe('');
    expect(normalizeCardField('evidence', 'observed')).toBe('observed');
    expect(normalizeCardField('evidence', null)).toBeNull();
    expect(normalizeCardField('evidence', 'guessed')).toBeUndefined();
    expect(normalizeCardField('evidenceSources', 'x'.repeat(1200))).toHaveLength(1000);
  });

  it('is written and read back through the typed model', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank');
    const store = new BoardStore(doc);
    const { stages, lanes } = store.getSnapshot();
    const id = addCard(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'x' })!;
    expect(store.getSnapshot().cards.get(id)?.evidence).toBeNull();
    updateCard(doc, id, { evidence: 'reported', evidenceSources: 'Ticket 4521' });
    expect(store.getSnapshot().cards.get(id)).toMatchObject({
      evidence: 'reported',
      evidenceSources: 'Ticket 4521',
    });
  });

  it('counts observed and reported as backed by evidence', () => {
    expect(isBackedByEvidence('observed')).toBe(true);
    expect(isBackedByEvidence('reported')).toBe(true);
    expect(isBackedByEvidence('inferred')).toBe(false);
    expect(isBackedByEvidence('hypothesised')).toBe(false);
    expect(isBackedByEvidence(null)).toBe(false);
  });

  it('reads sources as lines, URLs as links', () => {
    expect(evidenceSourceLines(' Study 3 \n\nhttps://x.test/a\n')).toEqual([
      { text: 'Study 3' },
      { text: 'https://x.test/a', href: 'https://x.test/a' },
    ]);
  });

  it('templates start their example cards with sensible levels', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'saas-onboarding');
    const store = new BoardStore(doc);
    const { cards, lanes } = store.getSnapshot();
    const kindOf = new Map(lanes.map((lane) => [lane.id, lane.kind]));
    const levels = new Set([...cards.values()].map((card) => card.evidence));
    expect(levels).toEqual(new Set(['observed', 'reported', 'inferred', 'hypothesised']));
    for (const card of cards.values()) {
      if (kindOf.get(card.laneId) === 'thought') expect(card.evidence).toBe('inferred');
    }
  });
});
