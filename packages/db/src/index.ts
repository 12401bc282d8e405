// @journeyboard/db: the generated Prisma client, connected through
// @prisma/adapter-pg (plain `pg`, no native query engine).
// Run `pnpm --filter @journeyboard/db generate` first; src/generated is not committed.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from './generated/prisma/client.ts';

/** The `pg` pool under each client made by createPrismaClient (see `driverOf`). */
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  // $disconnect() ends the pool, as it did when the adapter made its own.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/** Plain SQL to Postgres, past Prisma's query layer. */
export type SqlDriver = Pick<pg.Pool, 'query'>;

/**
 * The `pg` pool under `prisma` (one made by createPrismaClient), usable until
 * its $disconnect(). For hot paths only: the board's bulk writes (the update
 * log and the activity feed, a few times a second per busy map) and the
 * policy's reads that every request and sync socket makes (apps/server
 * policy/actor.ts, policy.ts). A Prisma raw query
 * serialises its parameters to JSON and parses them back (bytes as base64),
 * and those copies were much of what outlived V8's young generation under
 * load. Measured (docs/benchmarks.md): 0.4 instead of 0.75 ms of CPU per
 * 20-update batch, and under 50 writers about 40 % of the bytes surviving
 * each scavenge. Everything else goes through Prisma.
 */
export function driverOf(prisma: PrismaClient): SqlDriver {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('driverOf: this PrismaClient was not made by createPrismaClient');
  return pool;
}

/** A driverOf query failed on a foreign key (SQLSTATE 23503), e.g. its row's map was deleted. */
export function isDriverForeignKeyViolation(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === '23503';
}

/** A Prisma write refused by a unique constraint (P2002): the value is taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type {
  BoardSnapshot,
  BoardVersion,
  BoardUpdate,
  JourneyMap,
  Membership,
  Session,
  ShareLink,
  User,
  Workspace,
  WorkspaceInvite,
  WorkshopLink,
} from './generated/prisma/client.ts';
export type { WorkspaceRole } from './generated/prisma/enums.ts';
