import { setEmotion, updateCard, updateStage } from '@journeyboard/shared/board';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import {
  addCardTo,
  idsByTitle,
  makeTemplateDoc,
  renderWithSession,
} from '../../board/testing/board-fixture.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { BoardView } from './board-view.tsx';
import { Presentation } from './presentation.tsx';

beforeEach(() => useUiStore.getState().reset());

/** A board with what a leader must see: colour, moment of truth, chips, a curve. */
function teamBoard() {
  const doc = makeTemplateDoc();
  const { stage, lane } = idsByTitle(doc);
  const pain = addCardTo(doc, 'Purchase', 'Pain points', 'Checkout asks for the address twice');
  updateCard(doc, pain, { severity: 3, color: 'red', momentOfTruth: true });
  const touch = addCardTo(doc, 'Awareness', 'Touchpoints', 'Pricing page');
  updateCard(doc, touch, { channel: 'web' });
  updateStage(doc, stage('Purchase'), { momentOfTruth: true });
  setEmotion(doc, { stageId: stage('Awareness'), laneId: lane('Emotions'), score: 1 });
  setEmotion(doc, { stageId: stage('Purchase'), laneId: lane('Emotions'), score: -2 });
  return doc;
}

/** Counts every change made to the document from now on. */
function watchWrites(doc: Y.Doc) {
  const writes = vi.fn();
  doc.on('update', writes);
  return writes;
}

describe('the read-only board', () => {
  it('shows what the team sees: colours, chips, moments of truth and the emotion curve', () => {
    renderWithSession(<BoardView mode="read-only" />, teamBoard());

    const pain = screen.getByRole('listitem', { name: 'Checkout asks for the address twice' });
    expect(pain).toHaveClass('card--color-red');
    expect(pain).toHaveTextContent('Moment of truth');
    expect(pain).toHaveTextContent('High severity');
    expect(screen.getByRole('listitem', { name: 'Pricing page' })).toHaveTextContent('Web');
    expect(
      screen.getByRole('img', { name: /^Emotion curve: Awareness \+1, Purchase −2$/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('emotion-point')).toHaveLength(2);
    expect(screen.getByRole('group', { name: 'Emotions in Purchase' })).toHaveTextContent(
      '−2 Very negative',
    );
  });

  it('offers no control that writes, and writes nothing when used', async () => {
    const doc = teamBoard();
    // A damaged entry an editor would repair on open: a viewer must not.
    doc.getMap('emotions').set('garbage', 'x');
    const writes = watchWrites(doc);
    renderWithSession(<BoardView mode="read-only" />, doc);

    const buttons = screen
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? button.textContent);
    // Only controls that change what this person sees: zoom, fit, the evidence filter and legend, find.
    expect(
      buttons.every((label) =>
        /^(Zoom|Fit |Backed by evidence|Evidence legend|Find on the board)/.test(label ?? ''),
      ),
    ).toBe(true);
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('slider')).toHaveLength(0);
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
    expect(screen.queryByLabelText(/Card palette/)).not.toBeInTheDocument();

    const card = screen.getByRole('listitem', { name: 'Pricing page' });
    await userEvent.click(card);
    await userEvent.dblClick(card);
    await userEvent.keyboard('{Delete}n');
    fireEvent.pointerDown(screen.getByTestId('emotion-curve'), { button: 0 });
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(writes).not.toHaveBeenCalled();
  });
});

describe('the editable board', () => {
  it('offers the card palette to the pointer only, without keyboard instructions it cannot follow', () => {
    renderWithSession(<BoardView mode="edit" />, teamBoard());
    const palette = screen.getByRole('group', { name: /^Card palette/ });
    expect(palette).toHaveAccessibleName(
      'Card palette: drag a card type onto a cell, or click it to add one where you are (with the keyboard: N in a cell)',
    );
    const types = within(palette).getAllByTestId('palette-item');
    expect(types.length).toBeGreaterThan(5);
    for (const type of types) {
      expect(type).toHaveAttribute('tabindex', '-1');
      expect(type).not.toHaveAttribute('aria-describedby');
    }
  });
});

describe('presentation mode', () => {
  it('shows one stage at a time with the whole curve, steps with the arrow keys, leaves with Escape', async () => {
    const onExit = vi.fn();
    const doc = teamBoard();
    const writes = watchWrites(doc);
    renderWithSession(<Presentation onExit={onExit} />, doc);
    const presentation = screen.getByRole('dialog', { name: 'Presentation' });

    expect(presentation).toHaveTextContent('Stage 1 of 6: Awareness');
    expect(within(presentation).getAllByTestId('stage-header')).toHaveLength(1);
    expect(within(presentation).getByRole('listitem', { name: 'Pricing page' })).toBeVisible();
    // The journey's curve across every stage, above the one stage shown.
    expect(
      within(presentation).getAllByRole('img', { name: /Awareness \+1, Purchase −2/ })[0],
    ).toBeInTheDocument();

    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(presentation).toHaveTextContent('Stage 3 of 6: Purchase');
    expect(
      within(presentation).getByRole('listitem', { name: 'Checkout asks for the address twice' }),
    ).toHaveTextContent('High severity');
    expect(
      within(presentation).queryByRole('listitem', { name: 'Pricing page' }),
    ).not.toBeInTheDocument();
    await userEvent.keyboard('{ArrowLeft}');
    expect(presentation).toHaveTextContent('Stage 2 of 6: Consideration');

    act(() => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    expect(onExit).toHaveBeenCalled();
    expect(writes).not.toHaveBeenCalled();
  });
});
