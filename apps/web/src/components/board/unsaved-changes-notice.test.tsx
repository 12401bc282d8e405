import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MapAction } from '@journeyboard/shared';
import { describe, expect, it, vi } from 'vitest';
import { createBoardSession } from '../../board/board-session.ts';
import { makeTemplateDoc, renderWithBoardSession } from '../../board/testing/board-fixture.tsx';
import { ValueStore } from '../../board/value-store.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { UnsavedChangesNotice } from './unsaved-changes-notice.tsx';

/** The notice over a board whose session lists `lines` as refused, for someone who may do `may`. */
function renderNotice(lines: readonly string[], may: MapAction[] = ['map.read']) {
  const store = new ValueStore<readonly string[]>(lines);
  const dismiss = vi.fn(() => store.set([]));
  const session = {
    ...createBoardSession(makeTemplateDoc()),
    unsavedChanges: { lines: store, dismiss },
  };
  renderWithBoardSession(
    <CapabilitiesProvider map={may}>
      <UnsavedChangesNotice />
    </CapabilitiesProvider>,
    session,
  );
  return { dismiss };
}

const LINES = [
  'Added “Checkout asks twice” to Purchase · Pain points',
  'Removed “Price hidden” from Consideration',
  'Edited “Sees an ad” to “Sees an ad on TV”',
];

describe('UnsavedChangesNotice', () => {
  it('says the offline changes were not saved because this person can only view, and names each', () => {
    renderNotice(LINES);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(
      'Your changes made offline were not saved: you can only view this map now. The board shows it as it is saved. What you had done:',
    );
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(LINES);
  });

  it('says “view and comment on” to a commenter', () => {
    renderNotice(LINES, ['map.read', 'comment.read', 'comment.write']);
    expect(screen.getByRole('status')).toHaveTextContent(
      'you can only view and comment on this map now.',
    );
  });

  it('made an editor again since, no longer says they can only view: why the changes were refused', () => {
    renderNotice(LINES, ['map.read', 'comment.read', 'comment.write', 'board.edit']);
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(
      'Your changes made offline were not saved: you could not edit this map when you came back online. The board shows it as it is saved.',
    );
    expect(notice).not.toHaveTextContent('you can only');
  });

  it('shows the first eight and how many more; copies them all as text', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const many = Array.from(
      { length: 10 },
      (_, index) => `Added “Card ${index + 1}” to Awareness · Touchpoints`,
    );
    renderNotice(many);
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toHaveLength(9);
    expect(items.at(-1)).toBe('and 2 more changes');

    await user.click(screen.getByRole('button', { name: 'Copy as text' }));
    expect(writeText).toHaveBeenCalledWith(
      ['Changes made offline that were not saved:', ...many.map((line) => `- ${line}`)].join('\n'),
    );
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('goes when dismissed', async () => {
    const user = userEvent.setup();
    const { dismiss } = renderNotice(LINES);
    await user.click(screen.getByRole('button', { name: 'Dismiss: changes not saved' }));
    expect(dismiss).toHaveBeenCalled();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('is not there when the server refused nothing', () => {
    renderNotice([]);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
