export * from './map-file.ts';
export { boardToMapFile, type MapFileMeta } from './board-to-map-file.ts';
export { readMapFile, describeIssues, type MapFileReading } from './read-map-file.ts';
export { seedBoard } from './seed-board.ts';
export * from './tabular.ts';
export { mapFileJsonSchema } from './json-schema.ts';
