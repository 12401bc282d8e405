import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from './board-store.ts';
import { inspectBoard } from './integrity.ts';
import { applyTemplate, TEMPLATE_IDS, TEMPLATES } from './templates.ts';
import { cellKey } from './types.ts';

describe('templates', () => {
  it('offers blank, B2B SaaS onboarding, e-commerce purchase and customer support', () => {
    expect(TEMPLATE_IDS).toEqual([
      'blank',
      'saas-onboarding',
      'ecommerce-purchase',
      'customer-support',
    ]);
  });

  for (const id of TEMPLATE_IDS.filter((templateId) => templateId !== 'blank')) {
    it(`${id}: stages, several lane kinds, example cards with fields, emotion scores`, () => {
      const doc = new Y.Doc();
      applyTemplate(doc, id);
      const board = new BoardStore(doc).getSnapshot();
      expect(inspectBoard(doc)).toEqual({ status: 'ok' });
      expect(board.stages.map((stage) => stage.title)).toEqual(
        TEMPLATES[id].stages.map((stage) => stage.title),
      );
      expect(board.stages.some((stage) => stage.momentOfTruth)).toBe(true);
      expect(new Set(board.lanes.map((lane) => lane.kind)).size).toBeGreaterThanOrEqual(6);
      expect(board.cards.size).toBe(TEMPLATES[id].cards.length);
      const cards = [...board.cards.values()];
      expect(cards.some((card) => card.channel !== null)).toBe(true);
      expect(cards.some((card) => card.severity !== null)).toBe(true);
      expect(cards.some((card) => card.impact !== null && card.effort !== null)).toBe(true);
      expect(cards.some((card) => card.owner !== '')).toBe(true);
      expect(cards.some((card) => card.metricTarget !== '')).toBe(true);
      const emotionLane = board.lanes.find((lane) => lane.kind === 'emotion')!;
      for (const stage of board.stages) {
        expect(board.emotions.get(cellKey(stage.id, emotionLane.id))?.score).toBeTypeOf('number');
      }
      // Every card sits in a cell that is shown.
      const shown = [...board.cells.values()].reduce((sum, ids) => sum + ids.length, 0);
      expect(shown).toBe(board.cards.size);
    });
  }
});
