import { CARD_TEXT_MAX, setCardText } from '@journeyboard/shared/board';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { listenToRenders } from '../../board/render-probe.ts';
import { useUiStore } from '../../state/ui-store.ts';
import {
  addCardTo,
  cellTexts,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
  renderWithSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { BoardView } from './board-view.tsx';

const TEMPLATE_STAGES = [
  'Awareness',
  'Consideration',
  'Purchase',
  'Onboarding',
  'Retention',
  'Advocacy',
];

const cell = (lane: string, stage: string) =>
  screen.getByRole('group', { name: `${lane} in ${stage}` });
const cardsIn = (lane: string, stage: string) =>
  within(cell(lane, stage))
    .queryAllByTestId('card')
    .map((card) => card.getAttribute('aria-label'));

beforeEach(() => useUiStore.getState().reset());

describe('BoardView', () => {
  it('renders the stages, lanes and cards of the document', () => {
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Purchase', 'Pain points', 'Checkout asks for an account');
    addCardTo(doc, 'Purchase', 'Pain points', 'Shipping cost appears late');
    renderWithSession(<BoardView mode="edit" />, doc);

    for (const stage of TEMPLATE_STAGES) {
      expect(screen.getByRole('button', { name: `Rename stage ${stage}` })).toHaveTextContent(
        stage,
      );
    }
    for (const lane of [
      'Touchpoints',
      'Customer actions',
      'Pain points',
      'Emotions',
      'Opportunities',
    ]) {
      expect(screen.getByRole('button', { name: `Rename lane ${lane}` })).toBeInTheDocument();
    }
    expect(cardsIn('Pain points', 'Purchase')).toEqual([
      'Checkout asks for an account',
      'Shipping cost appears late',
    ]);
    expect(screen.getAllByTestId('card')).toHaveLength(2);

    const target = cell('Touchpoints', 'Onboarding');
    const { stage, lane } = idsByTitle(doc);
    expect(target).toHaveAttribute('data-testid', 'cell');
    expect(target).toHaveAttribute('data-stage-id', stage('Onboarding'));
    expect(target).toHaveAttribute('data-lane-id', lane('Touchpoints'));
  });

  it('adds a card from the cell button and saves what is typed into the document', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);

    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['']);

    // The new card opens straight in its editor.
    const editor = screen.getByRole('textbox', { name: 'Card text' });
    expect(editor).toHaveFocus();
    // Enter makes a new line, so the editor says how to save and how to cancel.
    expect(editor).toHaveAccessibleDescription('Ctrl+Enter or click away saves · Esc cancels');
    await user.type(editor, 'Sees an ad{Control>}{Enter}{/Control}');

    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Sees an ad']);
    expect(screen.queryByRole('textbox', { name: 'Card text' })).not.toBeInTheDocument();
    expect(cardsIn('Touchpoints', 'Awareness')).toEqual(['Sees an ad']);
  });

  it('tells a touch screen how a finger saves, not Ctrl+Enter and Esc', async () => {
    const touchOnly = (query: string) =>
      ({
        matches: query === '(hover: none) and (pointer: coarse)',
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as MediaQueryList;
    const matchMedia = vi.spyOn(window, 'matchMedia').mockImplementation(touchOnly);
    try {
      const user = userEvent.setup();
      renderWithSession(<BoardView mode="edit" />);
      await user.click(
        screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }),
      );
      expect(screen.getByRole('textbox', { name: 'Card text' })).toHaveAccessibleDescription(
        'Tap anywhere else to save',
      );
    } finally {
      matchMedia.mockRestore();
    }
  });

  it('cuts a paste longer than a card holds, and says so', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    const editor = screen.getByRole('textbox', { name: 'Card text' });
    await user.click(editor);
    await user.paste('Waits on hold. '.repeat(800)); // 12,000 characters
    expect(editor).toHaveValue('Waits on hold. '.repeat(800).slice(0, CARD_TEXT_MAX));
    expect(editor).toHaveAccessibleDescription('A card holds at most 5,000 characters.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')[0]).toHaveLength(CARD_TEXT_MAX);
  });

  it('takes back a new card closed without text, by Escape or a click away', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    const add = screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' });

    await user.click(add);
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['']);
    await user.keyboard('{Escape}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
    expect(cardsIn('Touchpoints', 'Awareness')).toEqual([]);
    // Keyboard users stay in the cell.
    expect(add).toHaveFocus();

    await user.click(add);
    await user.type(screen.getByRole('textbox', { name: 'Card text' }), '   ');
    await user.click(document.body);
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);

    // Written, given a channel, then Escape: the whole card goes, not an "Empty card · Store".
    await user.click(add);
    await user.type(screen.getByRole('textbox', { name: 'Card text' }), 'Courier drop-off');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Store');
    await user.keyboard('{Escape}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
    expect(cardsIn('Touchpoints', 'Awareness')).toEqual([]);
  });

  it('keeps what is typed when the page is left with the card open (a reload, a closed tab)', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    const editor = screen.getByRole('textbox', { name: 'Card text' });
    await user.type(editor, 'Is it worth');

    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Is it worth']);
    // Back on the page, the editor is still open and goes on from there.
    expect(editor).toHaveFocus();
    await user.type(editor, ' the price?{Control>}{Enter}{/Control}');
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Is it worth the price?']);

    // A new card nothing was written in is taken back when the page is left.
    await user.click(screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Is it worth the price?', '']);
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Is it worth the price?']);
  });

  it('edits a card in place: leaving the card saves, Escape cancels', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Awareness', 'Customer actions', 'Billboard');
    renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Billboard' }));
    const editor = screen.getByRole('textbox', { name: 'Card text' });
    await user.clear(editor);
    await user.type(editor, 'Radio spot{Enter}Morning show');
    // Leaving the card (its fields, then the evidence, are still inside it) saves.
    await user.click(document.body);
    expect(cellTexts(doc, 'Awareness', 'Customer actions')).toEqual(['Radio spot\nMorning show']);

    await user.click(screen.getByRole('button', { name: /Radio spot/ }));
    await user.type(screen.getByRole('textbox', { name: 'Card text' }), ' — discarded{Escape}');
    expect(cellTexts(doc, 'Awareness', 'Customer actions')).toEqual(['Radio spot\nMorning show']);
    expect(screen.getByRole('button', { name: /Radio spot/ })).toHaveFocus();
  });

  it('deletes a card', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Awareness', 'Touchpoints', 'Keep');
    addCardTo(doc, 'Awareness', 'Touchpoints', 'Remove me');
    renderWithSession(<BoardView mode="edit" />, doc);

    const card = screen.getByRole('listitem', { name: 'Remove me' });
    // A card's tools appear when it has focus (or the pointer).
    expect(within(card).queryByRole('button', { name: 'Card actions' })).not.toBeInTheDocument();
    act(() => within(card).getByRole('button', { name: 'Remove me' }).focus());
    // Every card's tools have the same names; each says which card it is as its description.
    for (const name of ['Card actions', 'Comment on card']) {
      expect(within(card).getByRole('button', { name })).toHaveAccessibleDescription('Remove me');
    }
    expect(within(card).getByRole('button', { name: 'Move card' })).toHaveAccessibleDescription(
      /^Remove me /,
    );
    await user.click(within(card).getByRole('button', { name: 'Card actions' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete card' }));
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual(['Keep']);
    expect(screen.queryByRole('listitem', { name: 'Remove me' })).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Add card to Touchpoints in Awareness' }),
    ).toHaveFocus();
  });

  it('re-renders only the changed card when a collaborator edits it', () => {
    const doc = makeTemplateDoc();
    const first = addCardTo(doc, 'Awareness', 'Touchpoints', 'First');
    addCardTo(doc, 'Awareness', 'Touchpoints', 'Second');
    addCardTo(doc, 'Purchase', 'Pain points', 'Third');
    renderWithSession(<BoardView mode="edit" />, doc);

    const collaborator = new Y.Doc();
    syncInto(collaborator, doc);
    setCardText(collaborator, first, 'First, edited remotely');

    const renders: string[] = [];
    const stop = listenToRenders((component, id) => renders.push(`${component}:${id}`));
    act(() => syncInto(doc, collaborator));
    stop();

    expect(screen.getByRole('listitem', { name: 'First, edited remotely' })).toBeInTheDocument();
    expect(renders).toEqual([`CardItem:${first}`]);
  });

  it('re-renders only the affected cell when a collaborator adds a card', () => {
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Awareness', 'Touchpoints', 'Existing');
    renderWithSession(<BoardView mode="edit" />, doc);

    const collaborator = new Y.Doc();
    syncInto(collaborator, doc);
    const added = addCardTo(collaborator, 'Awareness', 'Touchpoints', 'Added remotely');
    const { stage, lane } = idsByTitle(doc);

    const renders: string[] = [];
    const stop = listenToRenders((component, id) => renders.push(`${component}:${id}`));
    act(() => syncInto(doc, collaborator));
    stop();

    expect(cardsIn('Touchpoints', 'Awareness')).toEqual(['Existing', 'Added remotely']);
    expect(renders.sort()).toEqual(
      [`CardCell:${stage('Awareness')}:${lane('Touchpoints')}`, `CardItem:${added}`].sort(),
    );
  });

  it('sets and clears an emotion score, and draws it on the curve', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    const { stage, lane } = idsByTitle(doc);
    const emotionOf = (stageTitle: string) =>
      readDoc(doc).emotions.get(`${stage(stageTitle)}:${lane('Emotions')}`)?.score;

    const slider = screen.getByRole('slider', { name: 'Emotion in Purchase' });
    expect(slider).toHaveAttribute('aria-valuetext', 'Not set');
    expect(screen.getByRole('img', { name: 'Emotion curve: no scores yet' })).toBeInTheDocument();

    fireEvent.change(slider, { target: { value: '-2' } });
    expect(emotionOf('Purchase')).toBe(-2);
    expect(slider).toHaveAttribute('aria-valuetext', 'Very negative (−2)');

    fireEvent.change(screen.getByRole('slider', { name: 'Emotion in Awareness' }), {
      target: { value: '1' },
    });
    expect(
      screen.getByRole('img', { name: 'Emotion curve: Awareness +1, Purchase −2' }),
    ).toBeInTheDocument();
    const curve = screen.getByTestId('emotion-curve');
    expect(screen.getAllByTestId('emotion-point')).toHaveLength(2);
    expect(curve.querySelector('path')?.getAttribute('d')).toMatch(/^M .* C /);

    await user.click(screen.getByRole('button', { name: 'Clear emotion in Purchase' }));
    expect(emotionOf('Purchase')).toBeUndefined();
    expect(screen.getByRole('slider', { name: 'Emotion in Purchase' })).toHaveAttribute(
      'aria-valuetext',
      'Not set',
    );
  });

  it('counts a click on an unset slider as choosing its value (0)', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    const { stage, lane } = idsByTitle(doc);
    await user.click(screen.getByRole('slider', { name: 'Emotion in Retention' }));
    expect(readDoc(doc).emotions.get(`${stage('Retention')}:${lane('Emotions')}`)?.score).toBe(0);
  });

  it('adds a stage and names it straight away', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);

    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    const title = screen.getByRole('textbox', { name: 'Stage title' });
    expect(title).toHaveValue('New stage');
    expect(title).toHaveFocus();
    // The placeholder title is selected, so typing replaces it.
    await user.keyboard('Renewal{Enter}');

    expect(readDoc(doc).stages.map((stage) => stage.title)).toEqual([
      ...TEMPLATE_STAGES,
      'Renewal',
    ]);
    expect(screen.getByRole('button', { name: 'Rename stage Renewal' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Touchpoints in Renewal' })).toBeInTheDocument();
  });

  it('renames a stage inline', async () => {
    const user = userEvent.setup();
    const { doc } = renderWithSession(<BoardView mode="edit" />);
    await user.click(screen.getByRole('button', { name: 'Rename stage Awareness' }));
    const input = screen.getByRole('textbox', { name: 'Stage title' });
    await user.clear(input);
    await user.type(input, 'Discovery{Enter}');
    expect(readDoc(doc).stages[0]?.title).toBe('Discovery');
    expect(screen.getByRole('group', { name: 'Touchpoints in Discovery' })).toBeInTheDocument();
  });

  it('deletes a stage only after confirming', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Purchase', 'Touchpoints', 'Checkout');
    renderWithSession(<BoardView mode="edit" />, doc);

    const deleteFromMenu = async () => {
      await user.click(screen.getByRole('button', { name: 'Actions for stage Purchase' }));
      await user.click(screen.getByRole('menuitem', { name: 'Delete stage' }));
    };
    await deleteFromMenu();
    const dialog = screen.getByRole('alertdialog', { name: 'Delete stage “Purchase”?' });
    expect(dialog).toHaveTextContent('Its card and emotion scores are deleted with it.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(readDoc(doc).stages).toHaveLength(6);

    await deleteFromMenu();
    await user.click(screen.getByRole('button', { name: 'Delete stage' }));
    expect(readDoc(doc).stages.map((stage) => stage.title)).not.toContain('Purchase');
    expect(readDoc(doc).cards.size).toBe(0);
    expect(screen.queryByRole('button', { name: 'Rename stage Purchase' })).not.toBeInTheDocument();
  });
});

afterEach(() => useUiStore.getState().reset());
