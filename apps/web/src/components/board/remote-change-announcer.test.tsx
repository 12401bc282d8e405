import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asOwnServerChange } from '../../board/own-server-changes.ts';
import {
  addCardTo,
  collaboratorOf,
  makeTemplateDoc,
  renderWithSession,
  syncInto,
} from '../../board/testing/board-fixture.tsx';
import { RemoteChangeAnnouncer } from './remote-change-announcer.tsx';

describe('RemoteChangeAnnouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says what others changed, not what the server changed for this person (a restore)', async () => {
    const doc = makeTemplateDoc();
    renderWithSession(<RemoteChangeAnnouncer />, doc);
    const server = collaboratorOf(doc);

    // A version this person restores: its change arrives over the socket, like anyone's.
    let answer = () => {};
    const restoring = asOwnServerChange(new Promise<void>((resolve) => (answer = resolve)));
    addCardTo(server, 'Awareness', 'Touchpoints', 'Back from the version');
    act(() => syncInto(doc, server));
    answer();
    await act(async () => {
      await restoring;
    });
    act(() => void vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('status')).toHaveTextContent('');

    // Someone else's change, later: said.
    addCardTo(server, 'Awareness', 'Touchpoints', 'A teammate’s card');
    act(() => syncInto(doc, server));
    act(() => void vi.advanceTimersByTime(10_000));
    expect(screen.getByRole('status')).toHaveTextContent('Changed by others: 1 card added.');
  });
});
