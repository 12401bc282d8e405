export * from './map-file.ts';
export { boardToMapFile, type MapFileMeta, type PersonaForFile } from './board-to-map-file.ts';
export { readMapFile, describeIssues, type MapFileReading } from './read-map-file.ts';
export { boardOfFile, replaceBoard, seedBoard, type MapFileBoard } from './seed-board.ts';
export { boardEmptiness, type BoardEmptiness } from './board-emptiness.ts';
export * from './tabular.ts';
export { mapFileJsonSchema } from './json-schema.ts';
