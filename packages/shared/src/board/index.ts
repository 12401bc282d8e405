export * from './types.ts';
export { BOARD_SCHEMA_VERSION } from './doc.ts';
export * from './ops.ts';
export { BoardStore, createUndoManager } from './board-store.ts';
export { TEMPLATES, TEMPLATE_IDS, applyTemplate, type TemplateId } from './templates.ts';
export { createId } from './ids.ts';
