import type { Prisma } from '@journeyboard/db';

/**
 * Row-locks the workspace for the rest of the transaction, so two owners
 * demoting each other at once can't leave the workspace without an owner.
 */
export async function lockWorkspace(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<void> {
  await tx.$queryRaw`SELECT id FROM workspaces WHERE id = ${workspaceId}::uuid FOR UPDATE`;
}

export async function countOwners(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: 'owner' } });
}
