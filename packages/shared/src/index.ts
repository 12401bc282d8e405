export * from './errors.ts';
export * from './api/health.ts';
export * from './api/maps.ts';
