import { act, render, screen, within } from '@testing-library/react';
import { Profiler } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import { Doc } from 'yjs';
import type { BoardSession } from '../../board/board-session.ts';
import { BoardSessionContext } from '../../board/use-board.ts';
import { PresenceStore } from '../../presence/presence-store.ts';
import { PresenceAvatars } from './presence-avatars.tsx';

const NAMES = [
  'Zoe Fischer',
  'Amara Okafor',
  'Ben Schulz',
  'Chiara Rossi',
  'Dev Patel',
  'Elif Yılmaz',
  'Finn Larsen',
  'Grace Kim',
  'Hugo Martin',
  'Ines Duarte',
  'Jonas Berg',
  'Keiko Tanaka',
];

/** A workshop of twelve others (or `names`), as their presence arrives from the server. */
function room(names: readonly string[] = NAMES) {
  const awareness = new Awareness(new Doc());
  const frames: (() => void)[] = [];
  const presence = new PresenceStore(awareness, { scheduleFrame: (run) => void frames.push(run) });
  const states = awareness.getStates() as Map<number, Record<string, unknown>>;
  names.forEach((name, index) => {
    states.set(100 + index, {
      user: { id: `guest:${index}`, name, color: '#0079a5', role: 'editor', kind: 'workshop' },
      cursor: { x: 10 * index, y: 20 },
      cardId: null,
      editing: false,
      viewport: { x: 0, y: 0, width: 1280, height: 700 },
      reaction: null,
    });
  });
  awareness.emit('change', [
    { added: names.map((_, i) => 100 + i), updated: [], removed: [] },
    'remote',
  ]);
  frames.splice(0).forEach((run) => run());
  const session = { presence } as unknown as BoardSession;
  let renders = 0;
  render(
    <BoardSessionContext value={session}>
      <Profiler id="avatars" onRender={() => void renders++}>
        <PresenceAvatars />
      </Profiler>
    </BoardSessionContext>,
  );
  /** Remote presence changes of the people at `indexes`, as one animation frame delivers them. */
  const arrive = (indexes: number[], change: (state: Record<string, unknown>) => void) =>
    act(() => {
      for (const index of indexes) change(states.get(100 + index)!);
      awareness.emit('change', [
        { added: [], updated: indexes.map((i) => 100 + i), removed: [] },
        'remote',
      ]);
      frames.splice(0).forEach((run) => run());
    });
  return { presence, arrive, renders: () => renders };
}

describe('the people on a map beyond the avatars that fit', () => {
  it('lists everyone by name behind "+N", and following one from there follows them', async () => {
    const user = userEvent.setup();
    const { presence } = room();
    // Three avatars at the test window's laptop width; the other nine were only a number
    // before, impossible to find or follow.
    expect(screen.getAllByTestId('presence-avatar')).toHaveLength(3);
    const more = screen.getByRole('button', { name: 'Everyone on this map (12 others)' });
    expect(more).toHaveTextContent('+9');

    await user.click(more);
    const menu = screen.getByRole('menu', { name: 'Everyone on this map' });
    const items = within(menu).getAllByRole('menuitemcheckbox');
    expect(items.map((item) => item.textContent)).toEqual([
      'Show others’ cursors',
      ...[...NAMES].sort((a, b) => a.localeCompare(b)),
    ]);

    // A letter jumps to the next name starting with it.
    await user.keyboard('k');
    expect(document.activeElement).toHaveTextContent('Keiko Tanaka');
    // Jonas came tenth: no avatar of his own in the header.
    expect(screen.queryByRole('button', { name: 'Follow Jonas Berg' })).toBeNull();
    await user.keyboard('j{Enter}');
    expect(presence.following.getSnapshot()).toBe(110);
    expect(screen.queryByRole('menu')).toBeNull();

    // Ticked while followed; choosing them again stops following.
    await user.click(more);
    const jonas = screen.getByRole('menuitemcheckbox', { name: 'Jonas Berg' });
    expect(jonas).toHaveAttribute('aria-checked', 'true');
    await user.click(jonas);
    expect(presence.following.getSnapshot()).toBeNull();
  });

  it('shows one more avatar rather than "+1", which would take its room', () => {
    room(NAMES.slice(0, 4));
    expect(screen.getAllByTestId('presence-avatar')).toHaveLength(4);
    // The list is still there (to hide cursors), with no number on it.
    const everyone = screen.getByRole('button', { name: 'Everyone on this map (4 others)' });
    expect(everyone).not.toHaveTextContent(/\+/);
  });

  it('does not re-render for pointers moving, only for what an avatar shows', () => {
    const { arrive, renders } = room();
    const before = renders();
    // Everyone's pointer moves, ten times (a room at 10 Hz for a second).
    for (let step = 1; step <= 10; step++) {
      arrive(
        NAMES.map((_, i) => i),
        (state) => void (state.cursor = { x: step, y: 20 }),
      );
    }
    expect(renders()).toBe(before);
    // A reaction shows on an avatar: that re-renders them.
    arrive([0], (state) => void (state.reaction = { kind: 'thumbs-up', seq: 1 }));
    expect(renders()).toBe(before + 1);
  });
});
