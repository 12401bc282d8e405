import type { FastifyBaseLogger } from 'fastify';

/** The slice of Fastify's (pino) logger the sync server uses. */
export type SyncLogger = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
