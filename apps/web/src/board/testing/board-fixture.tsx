/**
 * Boards for component tests: a real Y.Doc made from the blank template,
 * wrapped in a session without a socket, rendered with the real components.
 */
import { addCard, applyTemplate, BoardStore, type BoardSnapshot } from '@journeyboard/shared/board';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import * as Y from 'yjs';
import { createBoardSession, type BoardSession } from '../board-session.ts';
import { withQueries } from '../../test/query-wrapper.tsx';
import { BoardSessionContext } from '../use-board.ts';

export function makeTemplateDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, 'blank');
  return doc;
}

/** Reads the doc directly (not through the app's session), as an independent witness. */
export function readDoc(doc: Y.Doc): BoardSnapshot {
  const store = new BoardStore(doc);
  const snapshot = store.getSnapshot();
  store.destroy();
  return snapshot;
}

export function idsByTitle(doc: Y.Doc) {
  const board = readDoc(doc);
  const stage = (title: string) => {
    const found = board.stages.find((item) => item.title === title);
    if (!found) throw new Error(`No stage "${title}"`);
    return found.id;
  };
  const lane = (title: string) => {
    const found = board.lanes.find((item) => item.title === title);
    if (!found) throw new Error(`No lane "${title}"`);
    return found.id;
  };
  return { stage, lane };
}

export function addCardTo(doc: Y.Doc, stageTitle: string, laneTitle: string, text: string): string {
  const { stage, lane } = idsByTitle(doc);
  const id = addCard(doc, { stageId: stage(stageTitle), laneId: lane(laneTitle), text });
  if (!id) throw new Error('addCard failed');
  return id;
}

/** Every card of a cell, in order, as text. */
export function cellTexts(doc: Y.Doc, stageTitle: string, laneTitle: string): string[] {
  const board = readDoc(doc);
  const { stage, lane } = idsByTitle(doc);
  const ids = board.cells.get(`${stage(stageTitle)}:${lane(laneTitle)}`) ?? [];
  return ids.map((id) => board.cards.get(id)?.text ?? '?');
}

/** Sends everything `from` has that `to` lacks, as a collaborator's update would arrive. */
export function syncInto(to: Y.Doc, from: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
}

/** Another person's copy of the board, in step with `doc` (send changes back with syncInto). */
export function collaboratorOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  syncInto(copy, doc);
  return copy;
}

export function renderWithSession(ui: ReactNode, doc: Y.Doc = makeTemplateDoc()) {
  const session: BoardSession = createBoardSession(doc);
  const result = render(
    withQueries(<BoardSessionContext value={session}>{ui}</BoardSessionContext>),
  );
  return { ...result, doc, session };
}

/** Renders `ui` over a session made elsewhere (a history preview). */
export function renderWithBoardSession(ui: ReactNode, session: BoardSession) {
  return render(withQueries(<BoardSessionContext value={session}>{ui}</BoardSessionContext>));
}
