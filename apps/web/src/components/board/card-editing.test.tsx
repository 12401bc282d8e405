import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { moveCard, setCardText } from '@journeyboard/shared/board';
import {
  addCardTo,
  cellTexts,
  collaboratorOf,
  idsByTitle,
  makeTemplateDoc,
  readDoc,
  renderWithSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { BoardView } from './board-view.tsx';

beforeEach(() => useUiStore.getState().reset());

const cardNamed = (name: string) => screen.getByRole('listitem', { name });
const fieldsOf = (doc: ReturnType<typeof makeTemplateDoc>, id: string) =>
  readDoc(doc).cards.get(id);

describe('card fields by lane kind', () => {
  it('a pain point gets a severity; the card shows it', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Purchase', 'Pain points', 'Shipping cost is a surprise');
    renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Shipping cost is a surprise' }));
    await user.click(screen.getByRole('button', { name: 'Severity high' }));
    expect(fieldsOf(doc, id)?.severity).toBe(3);
    expect(screen.getByRole('button', { name: 'Severity high' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Pressing the chosen level again keeps it: every pain point starts with one.
    await user.click(screen.getByRole('button', { name: 'Severity high' }));
    expect(fieldsOf(doc, id)?.severity).toBe(3);
    await user.click(screen.getByRole('button', { name: 'Severity medium' }));
    await user.click(screen.getByRole('button', { name: 'Severity medium' }));
    expect(fieldsOf(doc, id)?.severity).toBe(2);
    await user.keyboard('{Escape}');
    expect(
      within(cardNamed('Shipping cost is a surprise')).getByText(/Medium severity/),
    ).toBeInTheDocument();
  });

  it('a touchpoint gets a channel and an opportunity impact and effort', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const touchpoint = addCardTo(doc, 'Awareness', 'Touchpoints', 'Newsletter');
    const opportunity = addCardTo(doc, 'Awareness', 'Opportunities', 'Referral bonus');
    renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Newsletter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Channel' }), 'Email');
    expect(fieldsOf(doc, touchpoint)?.channel).toBe('email');
    await user.keyboard('{Escape}');
    expect(within(cardNamed('Newsletter')).getByText('Email')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Referral bonus' }));
    await user.click(screen.getByRole('button', { name: 'Impact high' }));
    await user.click(screen.getByRole('button', { name: 'Effort low' }));
    // A level no new card starts with: pressing the chosen one again clears it.
    await user.click(screen.getByRole('button', { name: 'Effort medium' }));
    await user.click(screen.getByRole('button', { name: 'Effort medium' }));
    expect(fieldsOf(doc, opportunity)?.effort).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Effort low' }));
    await user.keyboard('{Escape}');
    expect(fieldsOf(doc, opportunity)).toMatchObject({ impact: 3, effort: 1 });
    expect(within(cardNamed('Referral bonus')).getByText('Quick win')).toBeInTheDocument();
  });

  it('text fields (owner, metric) save when left, and moving between fields keeps the card open', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const { session } = renderWithSession(<BoardView mode="edit" />, doc);
    const { stages } = readDoc(doc);
    const metricLane = session.actions.addLane('KPIs', 'metric')!;
    const id = session.actions.addCard(stages[0]!.id, metricLane, 'Visitors who sign up')!;
    useUiStore.getState().startEditingCard(id);

    await user.type(await screen.findByRole('textbox', { name: 'Metric' }), 'Conversion');
    await user.tab();
    await user.type(screen.getByRole('textbox', { name: 'Current' }), '3.1');
    await user.tab();
    await user.type(screen.getByRole('textbox', { name: 'Target' }), '4');
    await user.tab();
    await user.type(screen.getByRole('textbox', { name: 'Unit' }), '%');
    await user.tab();
    expect(fieldsOf(doc, id)).toMatchObject({
      metricName: 'Conversion',
      metricCurrent: '3.1',
      metricTarget: '4',
      metricUnit: '%',
    });
    await user.keyboard('{Escape}');
    expect(
      within(cardNamed('Visitors who sign up')).getByText('3.1% → 4% target'),
    ).toBeInTheDocument();
  });
});

describe('card text', () => {
  it('saves without the line break an Enter before Ctrl+Enter leaves at the end', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Purchase', 'Pain points', 'Too many fields');
    renderWithSession(<BoardView mode="edit" />, doc);

    await user.click(screen.getByRole('button', { name: 'Too many fields' }));
    await user.type(screen.getByRole('textbox', { name: 'Card text' }), ' on sign-up{Enter}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(fieldsOf(doc, id)?.text).toBe('Too many fields on sign-up');
  });
});

describe('card menu', () => {
  it('duplicates, flags as moment of truth, colours and deletes', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Awareness', 'Customer actions', 'Reads a review');
    renderWithSession(<BoardView mode="edit" />, doc);
    const openMenu = async () => {
      const card = screen.getAllByRole('listitem', { name: 'Reads a review' })[0]!;
      act(() => within(card).getByRole('button', { name: 'Reads a review' }).focus());
      await user.click(within(card).getByRole('button', { name: 'Card actions' }));
    };

    await openMenu();
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Moment of truth' }));
    expect(fieldsOf(doc, id)?.momentOfTruth).toBe(true);
    expect(within(cardNamed('Reads a review')).getByText('Moment of truth')).toBeInTheDocument();
    expect(cardNamed('Reads a review')).toHaveClass('card--moment');

    await openMenu();
    await user.click(screen.getByRole('menuitemradio', { name: 'Colour: Pink' }));
    expect(fieldsOf(doc, id)?.color).toBe('pink');
    expect(cardNamed('Reads a review')).toHaveClass('card--color-pink');

    await openMenu();
    await user.click(screen.getByRole('menuitem', { name: 'Duplicate' }));
    await user.keyboard('{Escape}');
    expect(cellTexts(doc, 'Awareness', 'Customer actions')).toEqual([
      'Reads a review',
      'Reads a review',
    ]);

    await openMenu();
    // Arrow keys move through the menu; Escape closes it and returns focus.
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: 'Duplicate' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});

describe('selection', () => {
  it('shift-click selects several cards; Delete removes them all in one undo step', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const first = addCardTo(doc, 'Awareness', 'Customer actions', 'One');
    addCardTo(doc, 'Purchase', 'Customer actions', 'Two');
    addCardTo(doc, 'Purchase', 'Customer actions', 'Three');
    const { session } = renderWithSession(<BoardView mode="edit" />, doc);

    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('button', { name: 'One' }));
    await user.click(screen.getByRole('button', { name: 'Three' }));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('2 cards selected')).toBeInTheDocument();
    expect(cardNamed('One')).toHaveAttribute('data-selected', 'true');
    expect(cardNamed('Two')).not.toHaveAttribute('data-selected');

    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    expect(readDoc(doc).cards.size).toBe(1);
    expect(screen.queryByText(/selected/)).not.toBeInTheDocument();
    act(() => session.actions.undo());
    expect(readDoc(doc).cards.has(first)).toBe(true);
    expect(readDoc(doc).cards.size).toBe(3);
  });
});

describe('a card moved by someone else while it is being written', () => {
  it('keeps what was typed: the editor goes with the card, draft and all, and saves it there', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const id = addCardTo(doc, 'Awareness', 'Touchpoints', 'Welcome email');
    renderWithSession(<BoardView mode="edit" />, doc);
    await user.click(screen.getByRole('button', { name: 'Welcome email' }));
    await user.type(screen.getByRole('textbox', { name: 'Card text' }), ' with a checklist');

    // A collaborator drags it to the next stage and, meanwhile, rewords its start.
    const collaborator = collaboratorOf(doc);
    const { stage, lane } = idsByTitle(doc);
    moveCard(collaborator, id, { stageId: stage('Consideration'), laneId: lane('Touchpoints') });
    setCardText(collaborator, id, 'Welcome e-mail');
    act(() => syncInto(doc, collaborator));

    const editor = screen.getByRole('textbox', { name: 'Card text' });
    expect(editor).toHaveValue('Welcome email with a checklist');
    await user.type(editor, ' today{Control>}{Enter}{/Control}');
    expect(cellTexts(doc, 'Consideration', 'Touchpoints')).toEqual([
      'Welcome e-mail with a checklist today',
    ]);
    expect(cellTexts(doc, 'Awareness', 'Touchpoints')).toEqual([]);
  });
});
