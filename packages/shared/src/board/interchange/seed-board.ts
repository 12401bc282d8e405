import * as Y from 'yjs';
import { readBoard } from '../state.ts';
import {
  addCard,
  addLane,
  addStage,
  initBoard,
  setEmotion,
  setLaneCollapsed,
  updateStage,
} from '../ops.ts';
import type { BoardSnapshot } from '../types.ts';
import type { MapFile } from './map-file.ts';

/** The board part of a map file (what seeding writes). */
export type MapFileBoard = Pick<MapFile, 'stages' | 'lanes' | 'cards' | 'emotions'>;

/**
 * Writes a map file's board into an empty document, in one transaction: the
 * one way a new map gets its content (templates and imports both come here,
 * on the server, so two browsers never seed the same board).
 */
export function seedBoard(doc: Y.Doc, file: MapFileBoard): void {
  doc.transact(() => {
    initBoard(doc);
    const stageIds = new Map<string, string>();
    for (const stage of file.stages) {
      const id = addStage(doc, { title: stage.title });
      updateStage(doc, id, { description: stage.description, momentOfTruth: stage.momentOfTruth });
      stageIds.set(stage.id, id);
    }
    const laneIds = new Map<string, string>();
    for (const lane of file.lanes) {
      const id = addLane(doc, { title: lane.title, kind: lane.kind });
      if (lane.collapsed) setLaneCollapsed(doc, id, true);
      laneIds.set(lane.id, id);
    }
    for (const card of file.cards) {
      const stageId = stageIds.get(card.stage);
      const laneId = laneIds.get(card.lane);
      if (!stageId || !laneId) continue;
      addCard(doc, {
        stageId,
        laneId,
        text: card.text,
        fields: card.fields,
      });
    }
    for (const emotion of file.emotions) {
      const stageId = stageIds.get(emotion.stage);
      const laneId = laneIds.get(emotion.lane);
      if (!stageId || !laneId) continue;
      setEmotion(doc, { stageId, laneId, score: emotion.score, note: emotion.note });
    }
  });
}

/** A map file's board as the board model reads it (seeded into a scratch document). */
export function boardOfFile(file: MapFileBoard): BoardSnapshot {
  const seeded = new Y.Doc();
  try {
    seedBoard(seeded, file);
    return readBoard(seeded);
  } finally {
    seeded.destroy();
  }
}
