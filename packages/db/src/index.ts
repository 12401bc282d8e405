// @journeyboard/db: the generated Prisma client, connected through
// @prisma/adapter-pg (plain `pg`, no native query engine).
// Run `pnpm --filter @journeyboard/db generate` first; src/generated is not committed.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
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
