import type { Prisma } from '@journeyboard/db';

/**
 * Maps from before accounts existed sit in a "Legacy maps" workspace with no
 * members (created by the add_accounts_workspaces_sharing migration). The
 * first account to sign up becomes its owner. The conditional update claims
 * it atomically: two simultaneous first sign-ups cannot both own it.
 */
export async function claimLegacyWorkspace(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<void> {
  const claimed = await tx.workspace.findFirst({
    where: { claimable: true },
    select: { id: true },
  });
  if (!claimed) return;
  const { count } = await tx.workspace.updateMany({
    where: { id: claimed.id, claimable: true },
    data: { claimable: false },
  });
  if (count === 1) {
    await tx.membership.create({ data: { workspaceId: claimed.id, userId, role: 'owner' } });
  }
}
