import { act, fireEvent, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addCardTo,
  makeTemplateDoc,
  readDoc,
  renderWithSession,
} from '../../board/testing/board-fixture.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { BoardView } from './board-view.tsx';

beforeEach(() => useUiStore.getState().reset());

describe('stages', () => {
  it('describes a stage and flags it as a moment of truth', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    await user.click(screen.getByRole('button', { name: /^Describe stage Purchase/ }));
    await user.type(
      screen.getByRole('textbox', { name: 'Stage description' }),
      'Pays at checkout{Enter}',
    );
    const moment = async () => {
      await user.click(screen.getByRole('button', { name: 'Actions for stage Purchase' }));
      return screen.getByRole('menuitemcheckbox', { name: 'Moment of truth' });
    };
    const toggle = await moment();
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    await user.click(toggle);
    // The menu closed, and focus is back on its button.
    expect(screen.getByRole('button', { name: 'Actions for stage Purchase' })).toHaveFocus();
    expect(await moment()).toHaveAttribute('aria-checked', 'true');
    expect(readDoc(doc).stages[2]).toMatchObject({
      description: 'Pays at checkout',
      momentOfTruth: true,
    });
  });
});

describe('lanes', () => {
  it('adds a lane of a chosen kind, collapses it and deletes it after confirming (undo brings it back)', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const { session } = renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Add lane' }));
    const kinds = screen.getByRole('menu', { name: 'Kind of the new lane' });
    expect(within(kinds).getAllByRole('menuitem')[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add lane' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add lane' }));
    await user.click(screen.getByRole('menuitem', { name: /^Backstage/ }));
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add lane' })).toHaveFocus();
    expect(readDoc(doc).lanes.at(-1)).toMatchObject({ title: 'Backstage', kind: 'backstage' });
    addCardTo(doc, 'Awareness', 'Backstage', 'CRM sync');

    await user.click(screen.getByRole('button', { name: 'Collapse lane Backstage' }));
    expect(readDoc(doc).lanes.at(-1)?.collapsed).toBe(true);
    expect(screen.queryByRole('listitem', { name: 'CRM sync' })).not.toBeInTheDocument();
    expect(screen.getByText('1 card')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Expand lane Backstage' }));
    expect(screen.getByRole('listitem', { name: 'CRM sync' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete lane Backstage' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Its card is deleted with it');
    await user.click(within(dialog).getByRole('button', { name: 'Delete lane' }));
    expect(readDoc(doc).lanes.map((lane) => lane.title)).not.toContain('Backstage');
    act(() => session.actions.undo());
    expect(readDoc(doc).lanes.map((lane) => lane.title)).toContain('Backstage');
    expect(screen.getByRole('listitem', { name: 'CRM sync' })).toBeInTheDocument();
  });
});

describe('keyboard', () => {
  it('N adds a card to the focused cell; arrow keys move between cards and cells', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Awareness', 'Touchpoints', 'Billboard');
    renderWithSession(<BoardView mode="edit" />, doc);

    screen.getByRole('button', { name: 'Billboard' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(
      screen.getByRole('button', { name: 'Add card to Touchpoints in Consideration' }),
    ).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(
      screen.getByRole('button', { name: 'Add card to Customer actions in Consideration' }),
    ).toHaveFocus();
    await user.keyboard('n');
    expect(screen.getByRole('textbox', { name: 'Card text' })).toHaveFocus();
    await user.keyboard('Compares prices{Control>}{Enter}{/Control}');
    const { stages, lanes, cells, cards } = readDoc(doc);
    const ids = cells.get(`${stages[1]!.id}:${lanes[1]!.id}`) ?? [];
    expect(ids.map((id) => cards.get(id)?.text)).toEqual(['Compares prices']);
  });
});

describe('a damaged or foreign document', () => {
  it('a board from a newer Journeyboard shows a clear message instead of the grid', () => {
    const doc = makeTemplateDoc();
    doc.getMap('meta').set('schemaVersion', 99);
    renderWithSession(
      <MemoryRouter>
        <BoardView mode="edit" />
      </MemoryRouter>,
      doc,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This board can’t be opened');
    expect(screen.getByRole('alert')).toHaveTextContent(/newer version of Journeyboard/);
    expect(screen.queryByTestId('cell')).not.toBeInTheDocument();
  });

  it('an older board is upgraded when opened, says so, and the upgrade is not in the undo history', () => {
    const doc = makeTemplateDoc();
    doc.getMap('meta').set('schemaVersion', 1);
    (doc.getMap('lanes').values().next().value as Y.Map<unknown>).set('kind', 'nonsense');
    const { session } = renderWithSession(<BoardView mode="edit" />, doc);
    expect(readDoc(doc).schemaVersion).toBe(2);
    expect(readDoc(doc).lanes[0]?.kind).toBe('notes');
    expect(screen.getByText(/This board was repaired when it opened/)).toBeInTheDocument();
    expect(session.history.getSnapshot().canUndo).toBe(false);
    expect(screen.getAllByTestId('cell').length).toBeGreaterThan(0);
  });
});

describe('emotion curve', () => {
  it('pressing in a stage column of the chart sets that stage’s score from the height', () => {
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    const curve = screen.getByTestId('emotion-curve');
    // happy-dom has no layout: give the chart its real size.
    curve.getBoundingClientRect = () =>
      ({
        left: 0,
        top: 0,
        width: 6 * 220,
        height: 104,
        right: 1320,
        bottom: 104,
        x: 0,
        y: 0,
      }) as DOMRect;
    curve.setPointerCapture = () => {};
    fireEvent.pointerDown(curve, { button: 0, clientX: 330, clientY: 14, pointerId: 1 });
    const board = readDoc(doc);
    const emotionLane = board.lanes.find((lane) => lane.kind === 'emotion')!;
    expect(board.emotions.get(`${board.stages[1]!.id}:${emotionLane.id}`)?.score).toBe(2);
    fireEvent.pointerMove(curve, { clientX: 330, clientY: 90, pointerId: 1 });
    fireEvent.pointerUp(curve, { pointerId: 1 });
    const after = readDoc(doc);
    expect(after.emotions.get(`${after.stages[1]!.id}:${emotionLane.id}`)?.score).toBe(-2);
    expect(screen.getByTestId('emotion-curve')).toHaveAttribute(
      'aria-label',
      expect.stringMatching(/Consideration −2/),
    );

    // A finger swiping over the band scrolls: it scores nothing.
    fireEvent.pointerDown(curve, {
      button: 0,
      clientX: 550,
      clientY: 14,
      pointerId: 2,
      pointerType: 'touch',
    });
    fireEvent.pointerMove(curve, { clientX: 550, clientY: 90, pointerId: 2, pointerType: 'touch' });
    fireEvent.pointerUp(curve, { pointerId: 2, pointerType: 'touch' });
    const touched = readDoc(doc);
    expect(touched.emotions.get(`${touched.stages[2]!.id}:${emotionLane.id}`)?.score).toBe(
      board.emotions.get(`${board.stages[2]!.id}:${emotionLane.id}`)?.score,
    );
    expect(touched.emotions.get(`${touched.stages[1]!.id}:${emotionLane.id}`)?.score).toBe(-2);
  });
});
