export * from './types.ts';
export { BOARD_SCHEMA_VERSION } from './doc.ts';
export * from './ops.ts';
export { BoardStore, type BoardChangeListener } from './board-store.ts';
export { createUndoManager, type KeptByUndo, type UndoOptions } from './undo.ts';
export { snapshotFromJson, snapshotToJson } from './snapshot-json.ts';
export {
  TEMPLATES,
  TEMPLATE_IDS,
  applyTemplate,
  templateBoard,
  type TemplateId,
} from './templates.ts';
export { createId } from './ids.ts';
export { CARD_FIELD_NAMES, DEFAULT_CARD_FIELDS, normalizeCardField } from './card-fields.ts';
export * from './lane-kinds/index.ts';
export { BOARD_TEXT_LIMITS, boundedText } from './bounds.ts';
export { inspectBoard, repairBoard, REPAIR_ORIGIN, type BoardInspection } from './integrity.ts';
export { rebaseTextEdit, diffText, type Splice } from './text-diff.ts';
export {
  findPlacedCard,
  listPlacedCards,
  readBoardOutline,
  type BoardOutline,
  type PlacedCard,
} from './queries.ts';
export {
  diffBoards,
  summarizeChanges,
  changeStageId,
  changeCardId,
  emotionKey,
  type BoardChange,
  type BoardChangeKind,
  type CardFieldName,
  type CardFieldValue,
  type CellRef,
} from './diff.ts';
export { readBoardState, readBoard, encodeBoardState } from './state.ts';
export { restoreBoard } from './restore.ts';
export {
  subjectOf,
  foldChanges,
  type ActivityChange,
  type MapChange,
  type Subject,
  type SubjectKind,
} from './activity.ts';
export {
  describeActivity,
  describeChange,
  namesOf,
  quoteCard,
  type BoardNames,
} from './activity-text.ts';
export { addGhosts, COMPARE_ORIGIN, type Ghosts } from './compare.ts';
export {
  locksBind,
  BoardLockSet,
  enforceLocks,
  ITEM_LOCK_SCOPES,
  LOCK_SCOPES,
  type BoardLock,
  type ItemLockScope,
  type LockScope,
} from './locks.ts';
export { applyGuardedUpdate, type GuardedUpdateResult } from './guarded-update.ts';
export * from './evidence.ts';
export * from './briefing.ts';
export * from './briefing-changes.ts';
export { boardSearchText } from './search-text.ts';
export { findCards } from './find-cards.ts';
export * from './interchange/index.ts';
