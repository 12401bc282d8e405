export * from './actions.ts';
export * from './caller-kinds.ts';
export * from './table.ts';
export * from './capabilities.ts';
export * from './sync-message.ts';
