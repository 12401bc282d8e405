/**
 * Applying a participant's Yjs update under facilitator locks (locks.ts).
 *
 * A CRDT update cannot be half-applied, and refusing it whole would lose the
 * honest edits travelling with it and leave the sender's replica diverged for
 * good (its client would resend the same structs on every reconnect). So the
 * update is applied, and in the SAME transaction the server writes a
 * compensating change that puts every locked item back as it was: the doc's
 * one 'update' event carries both, so nobody else — on this instance or,
 * through the relay, any other — ever sees the forbidden state, Postgres
 * stores the net result, and the sender receives the compensation
 * (`compensation`) and converges. Text written past the board's bounds
 * (bounds.ts) is cut the same way, with or without locks.
 */
import * as Y from 'yjs';
import { keepWithinBounds } from './bounds.ts';
import { diffBoards, type BoardChange } from './diff.ts';
import { enforceLocks, type BoardLockSet } from './locks.ts';
import { restoreBoard } from './restore.ts';
import { readBoard } from './state.ts';
import type { BoardSnapshot } from './types.ts';

/**
 * A change undone because it touched a locked item: what the diff reports, plus
 * a card reordered within its own cell (which the diff, written for people
 * reading a history, leaves out).
 */
export type RefusedChange =
  BoardChange | { readonly kind: 'card.reordered'; readonly cardId: string };

export interface GuardedUpdateResult {
  /** The changes undone because they touched locked items. */
  readonly refused: readonly RefusedChange[];
  /** How many values were cut to the board's bounds (bounds.ts). */
  readonly bounded: number;
  /**
   * What the sender lacks afterwards (its own update plus the server's
   * corrections), to send back to it; null when nothing was corrected.
   */
  readonly compensation: Uint8Array | null;
}

/**
 * Applies `update` to `doc` with `origin`, undoing in the same transaction
 * whatever it changed in items `locks` covers, and cutting whatever text it
 * wrote past the board's bounds (bounds.ts). Throws what Y.applyUpdate
 * throws.
 */
export function applyGuardedUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  locks: BoardLockSet,
  origin: unknown,
): GuardedUpdateResult {
  // Only locks need the whole board read; bounds look at what changed.
  const before = locks.isEmpty ? null : readBoard(doc);
  const outcome = {
    refused: [] as RefusedChange[],
    bounded: 0,
    stateBefore: null as Uint8Array | null,
  };
  doc.transact((transaction) => {
    Y.applyUpdate(doc, update, origin);
    // applyUpdate marks the transaction remote; a correction is the server's
    // own write, and a remote transaction that advances the doc's own client
    // id makes Yjs think another peer uses it (it then picks a new id).
    const ownWrite = () => {
      transaction.local = true;
      outcome.stateBefore ??= Y.encodeStateVector(transaction.beforeState);
    };
    if (before) {
      const after = readBoard(doc);
      const target = enforceLocks(before, after, locks);
      if (target) {
        ownWrite();
        outcome.refused = [...diffBoards(target, after), ...reorderedInCell(target, after)];
        // Nested: runs inside this transaction, so it goes out with the update.
        restoreBoard(doc, target, origin);
      }
    }
    outcome.bounded = keepWithinBounds(transaction, ownWrite);
  }, origin);
  const { refused, bounded, stateBefore } = outcome;
  const compensation = stateBefore ? Y.encodeStateAsUpdate(doc, stateBefore) : null;
  return { refused, bounded, compensation };
}

/** Cards in the same cell in both boards whose place in it differs. */
function reorderedInCell(target: BoardSnapshot, after: BoardSnapshot): RefusedChange[] {
  const reordered: RefusedChange[] = [];
  for (const [cardId, card] of target.cards) {
    const now = after.cards.get(cardId);
    const sameCell = now && now.stageId === card.stageId && now.laneId === card.laneId;
    if (sameCell && now.order !== card.order) reordered.push({ kind: 'card.reordered', cardId });
  }
  return reordered;
}
