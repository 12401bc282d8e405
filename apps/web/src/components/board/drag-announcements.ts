import type { Announcements, Over } from '@dnd-kit/core';
import type { BoardSnapshot, LaneKind } from '../../board/use-board.ts';
import { readDragData } from './drag-data.ts';
import { laneKindOf } from '@journeyboard/shared/board';

const cardLabel = (kind: LaneKind) => {
  const entry = laneKindOf(kind);
  return entry.holds === 'cards' ? entry.cardLabel : entry.label;
};

/** "card “Billboard” is over…" → "Card “Billboard” is over…". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What screen readers hear while something is dragged on the grid. */
export function createDragAnnouncements(
  read: () => BoardSnapshot,
  selectionSize: () => number,
): Announcements {
  const name = (active: { id: unknown; data: { current?: unknown } }) => {
    const data = readDragData(active.data.current);
    if (data?.type === 'palette') return `new ${cardLabel(data.kind).toLowerCase()} card`;
    if (data?.type === 'lane') {
      return `lane ${read().lanes.find((lane) => lane.id === data.laneId)?.title ?? ''}`.trim();
    }
    const count = selectionSize();
    const text = read().cards.get(String(active.id))?.text.trim();
    const card = text
      ? `card “${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`
      : 'empty card';
    return count > 1 ? `${card} and ${count - 1} other selected cards` : card;
  };
  const place = (over: Over | null) => {
    const data = readDragData(over?.data.current);
    if (!data) return null;
    const board = read();
    if (data.type === 'lane') {
      const index = board.lanes.findIndex((lane) => lane.id === data.laneId);
      return index === -1 ? null : `lane position ${index + 1} of ${board.lanes.length}`;
    }
    const position =
      data.type === 'cell' ? data : data.type === 'card' ? board.cards.get(data.cardId) : null;
    if (!position) return null;
    const stage = board.stages.find((s) => s.id === position.stageId)?.title ?? 'a stage';
    const lane = board.lanes.find((l) => l.id === position.laneId)?.title ?? 'a lane';
    return `${lane} in ${stage}`;
  };
  // dnd-kit announces where a drag is right after it starts, in the same live region: the
  // first of those says both, or the pick-up would be replaced before it is read.
  let pickedUp = false;
  return {
    onDragStart: ({ active }) => {
      pickedUp = true;
      return `Picked up ${name(active)}.`;
    },
    onDragOver: ({ active, over }) => {
      const where = place(over);
      if (pickedUp) {
        pickedUp = false;
        return where ? `Picked up ${name(active)}, over ${where}.` : `Picked up ${name(active)}.`;
      }
      return sentence(
        where
          ? `${name(active)} is over ${where}.`
          : `${name(active)} is not over a place it can go.`,
      );
    },
    onDragEnd: ({ active, over }) => {
      pickedUp = false;
      const where = place(over);
      return where
        ? `Dropped ${name(active)} in ${where}.`
        : `Dropped ${name(active)}; nothing changed.`;
    },
    onDragCancel: ({ active }) => `Moving ${name(active)} was cancelled.`,
  };
}
