/**
 * Changes this device made that the server refused to save: what a person
 * who was made a viewer or commenter while offline had done meanwhile.
 *
 * The server tells a read-only connection when a write it dropped would have
 * changed the board (refused-writes.ts, apps/server/src/sync/refused-writes.ts).
 * Neither the unsent-cards list (offline-edits.ts) nor `pendingChanges` can
 * say which changes those were: an offline deletion shows in no state vector,
 * and Yjs has already collected a deleted card's text on this device. So the
 * session that heard the refusal hands over the board as this device had it,
 * its own copy is dropped (the device's too), and a fresh session loads the
 * server's board; once that one is live, the difference between the two —
 * the history's own comparison, `diffBoards`, worded as the activity feed
 * words it — is exactly what was not saved.
 */
import {
  describeChange,
  diffBoards,
  namesOf,
  type BoardChange,
  type BoardNames,
  type BoardSnapshot,
} from '@journeyboard/shared/board';
import type { ConnectionState } from './connection.ts';
import type { LostCard } from './offline-edits.ts';
import { ValueStore, type ReadableStore } from './value-store.ts';

export interface UnsavedChanges {
  /**
   * What this device had that the server's board has not, one sentence per
   * change ("Added “Sees an ad” to Purchase · Pain points"): empty when
   * nothing was (or once dismissed).
   */
  readonly lines: ReadableStore<readonly string[]>;
  dismiss(): void;
  dispose(): void;
}

const NONE: readonly never[] = Object.freeze([]);

/** The changes `device` has over `server`, each as a sentence. */
export function describeUnsavedChanges(
  server: BoardSnapshot,
  device: BoardSnapshot,
): { readonly changes: readonly BoardChange[]; readonly lines: readonly string[] } {
  const changes = diffBoards(server, device);
  // A stage or lane added on the device is named from it; one deleted there, from the server.
  const names = eitherNames(namesOf(device), namesOf(server));
  const lines = changes.map((change) => sentence(describeChange(change, names)));
  return { changes, lines };
}

/**
 * Once `connection` is live with the server's board in `board`, the
 * difference from `device` (the board as the refused session had it).
 */
export function watchUnsavedChanges(
  board: { getSnapshot(): BoardSnapshot },
  connection: ReadableStore<ConnectionState>,
  device: BoardSnapshot,
  deletedMeanwhile: readonly LostCard[] = NONE,
): UnsavedChanges {
  const lines = new ValueStore<readonly string[]>(NONE);
  let stop: (() => void) | null = null;
  const compare = () => {
    if (connection.getSnapshot().status !== 'live') return;
    stop?.();
    stop = null;
    lines.set([
      ...describeUnsavedChanges(board.getSnapshot(), device).lines,
      ...deletedMeanwhile.map(changedDeletedCard),
    ]);
  };
  stop = connection.subscribe(compare);
  compare();
  return { lines, dismiss: () => lines.set(NONE), dispose: () => stop?.() };
}

/**
 * A card this person changed offline that someone else deleted meanwhile: the
 * merge kept the deletion, so it is in neither board and no diff names it.
 */
function changedDeletedCard({ card }: LostCard): string {
  return `Changed “${card.text}”, a card someone else deleted meanwhile`;
}

/** Nothing unsaved: a session that heard no refusal. */
export function noUnsavedChanges(): UnsavedChanges {
  return { lines: new ValueStore<readonly string[]>(NONE), dismiss: () => {}, dispose: () => {} };
}

/** The changes as plain text, for the clipboard: a heading and one line each. */
export function unsavedChangesText(lines: readonly string[]): string {
  return ['Changes made offline that were not saved:', ...lines.map((line) => `- ${line}`)].join(
    '\n',
  );
}

const sentence = (clause: string) => clause.charAt(0).toUpperCase() + clause.slice(1);

const eitherNames = (first: BoardNames, second: BoardNames): BoardNames => ({
  stage: (id) => first.stage(id) ?? second.stage(id),
  lane: (id) => first.lane(id) ?? second.lane(id),
});
