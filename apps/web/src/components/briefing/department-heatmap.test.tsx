import { applyTemplate, buildBriefing, readBoard } from '@journeyboard/shared/board';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DepartmentHeatmap } from './department-heatmap.tsx';

describe('DepartmentHeatmap', () => {
  it('says how many pain points each owned cell holds, one or many', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'ecommerce-purchase');
    const briefing = buildBriefing(readBoard(doc));
    render(<DepartmentHeatmap briefing={briefing} />);
    const cells = within(screen.getByRole('table'))
      .getAllByRole('cell')
      .map((cell) => cell.textContent ?? '')
      .filter((text) => /^\d/.test(text));
    expect(cells.length).toBeGreaterThan(0);
    for (const text of cells) {
      expect(text).toMatch(/^(1 pain point|([02-9]|\d\d+) pain points)$/);
    }
  });
});
