/**
 * Diff between two versions of a 2,000-card map (target ≤ 300 ms): both
 * versions' stored states are read back into the typed board model and
 * compared — what GET /api/maps/:id/changes does for two version ids.
 */
import {
  addCard,
  addStage,
  addLane,
  deleteCard,
  diffBoards,
  encodeBoardState,
  moveCard,
  readBoard,
  readBoardState,
  renameStage,
  setCardText,
  setEmotion,
  updateCard,
  type BoardChange,
} from '@journeyboard/shared/board';
import * as Y from 'yjs';

export interface DiffMeasurement {
  readonly cards: number;
  readonly changes: number;
  readonly stateBytes: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** 12 stages × 8 lanes, `cards` cards spread over the cells, some emotion scores. */
function buildBoard(cards: number): Y.Doc {
  const doc = new Y.Doc();
  const stages = Array.from({ length: 12 }, (_, i) => addStage(doc, { title: `Stage ${i + 1}` }));
  const lanes = Array.from({ length: 8 }, (_, i) =>
    addLane(doc, { title: `Lane ${i + 1}`, kind: i === 2 ? 'pain' : 'notes' }),
  );
  for (let i = 0; i < cards; i++) {
    addCard(doc, {
      stageId: stages[i % stages.length]!,
      laneId: lanes[Math.floor(i / stages.length) % lanes.length]!,
      text: `Card ${i}: the customer does something worth writing down`,
    });
  }
  for (const stageId of stages) setEmotion(doc, { stageId, laneId: lanes[0]!, score: 0 });
  return doc;
}

/** A workshop's worth of edits: 5 % of the cards changed one way or another. */
function editBoard(doc: Y.Doc): void {
  const board = readBoard(doc);
  const cards = [...board.cards.values()];
  const stages = board.stages;
  for (let i = 0; i < cards.length; i += 20) {
    const card = cards[i]!;
    switch ((i / 20) % 5) {
      case 0:
        setCardText(doc, card.id, `${card.text} (revised)`);
        break;
      case 1:
        moveCard(doc, card.id, {
          stageId: stages[(i + 1) % stages.length]!.id,
          laneId: card.laneId,
        });
        break;
      case 2:
        updateCard(doc, card.id, { severity: 3, color: 'red' });
        break;
      case 3:
        deleteCard(doc, card.id);
        break;
      default:
        addCard(doc, { stageId: card.stageId, laneId: card.laneId, text: `New ${i}` });
    }
  }
  renameStage(doc, stages[0]!.id, 'Discover');
  setEmotion(doc, { stageId: stages[1]!.id, laneId: board.lanes[0]!.id, score: -2 });
}

export function measureDiff(cards = 2_000, runs = 15): DiffMeasurement {
  const doc = buildBoard(cards);
  const from = encodeBoardState(doc);
  editBoard(doc);
  const to = encodeBoardState(doc);
  const times: number[] = [];
  let changes: BoardChange[] = [];
  for (let run = 0; run < runs + 2; run++) {
    const start = performance.now();
    changes = diffBoards(readBoardState(from), readBoardState(to));
    const elapsed = performance.now() - start;
    if (run >= 2) times.push(elapsed); // the first runs warm up the JIT
  }
  times.sort((a, b) => a - b);
  return {
    cards,
    changes: changes.length,
    stateBytes: to.byteLength,
    medianMs: times[Math.floor(times.length / 2)]!,
    maxMs: times[times.length - 1]!,
    runs,
  };
}
