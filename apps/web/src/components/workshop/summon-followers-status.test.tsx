import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { Doc } from 'yjs';
import type { BoardSession } from '../../board/board-session.ts';
import { BoardSessionContext } from '../../board/use-board.ts';
import { PresenceStore } from '../../presence/presence-store.ts';
import { SummonFollowersStatus } from './summon-followers-status.tsx';

const STARTED = '2026-12-07T10:00:00.000Z';

/** The facilitator's room: Ana and Ben take part, and leadership watches through a share link. */
function room() {
  const awareness = new Awareness(new Doc());
  const presence = new PresenceStore(awareness, { scheduleFrame: (run) => run() });
  const states = awareness.getStates() as Map<number, Record<string, unknown>>;
  const people = [
    { name: 'Ana', role: 'editor', kind: 'workshop' },
    { name: 'Ben', role: 'editor', kind: 'member' },
    { name: 'Viewer (link)', role: 'viewer', kind: 'share' },
  ];
  people.forEach(({ name, role, kind }, index) => {
    states.set(100 + index, { user: { id: `u${index}`, name, color: '#0079a5', role, kind } });
  });
  awareness.emit('change', [{ added: [100, 101, 102], updated: [], removed: [] }, 'remote']);
  render(
    <BoardSessionContext value={{ presence } as unknown as BoardSession}>
      <p role="status">
        <SummonFollowersStatus startedAt={STARTED} />
      </p>
    </BoardSessionContext>,
  );
  const follow = (index: number, following: string | null) =>
    act(() => {
      states.get(100 + index)!.following = following;
      awareness.emit('change', [{ added: [], updated: [100 + index], removed: [] }, 'remote']);
    });
  return { follow };
}

describe('who follows the facilitator’s view', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('is "bringing everyone" while their presence catches up, then names who didn’t come', () => {
    const { follow } = room();
    // Before, this said "Nobody follows your view" until the others' presence arrived.
    expect(screen.getByRole('status')).toHaveTextContent('Bringing everyone to your view…');
    follow(0, STARTED);
    act(() => void vi.advanceTimersByTime(1_500));
    // The share link's viewer only watches: not someone to wait for.
    expect(screen.getByRole('status')).toHaveTextContent(
      '1 of 2 follow your view · not following: Ben',
    );
    follow(1, STARTED);
    follow(2, STARTED);
    // Both people taking part; the leader who follows too is not a third.
    expect(screen.getByRole('status')).toHaveTextContent(/^Both follow your view$/);
    follow(0, null);
    follow(1, 'an older summon');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Nobody follows your view · not following: Ana, Ben',
    );
  });
});
