export * from './map-file.ts';
export { boardToMapFile, type MapFileMeta, type PersonaForFile } from './board-to-map-file.ts';
export { readMapFile, describeIssues, type MapFileReading } from './read-map-file.ts';
export { boardOfFile, seedBoard, type MapFileBoard } from './seed-board.ts';
export { boardEmptiness, type BoardEmptiness } from './board-emptiness.ts';
export {
  CARD_SHEET_COLUMNS,
  EMOTION_SHEET_COLUMNS,
  SHEET_NAMES,
  type Cell,
  type Sheet,
} from './tabular-sheets.ts';
export { mapFileToSheets } from './sheets-from-map-file.ts';
export { sheetsToMapFile } from './map-file-from-sheets.ts';
export { laneKindFromText } from './sheet-reader.ts';
export { mapFileJsonSchema } from './json-schema.ts';
