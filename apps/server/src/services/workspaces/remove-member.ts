import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { MAP_INCLUDE, toJourneyMap } from '../maps/to-journey-map.ts';
import { countOwners, lockWorkspace } from './lock-workspace.ts';

/**
 * Removes a member (or lets someone leave). The last owner cannot go.
 *
 * The workspace's maps they owned are left with no owner, in the same
 * transaction: a map's owner is the member answerable for it, and someone
 * who can no longer open the map cannot answer for it. Nobody is made owner
 * in their place — being answerable is taken on, not handed out — so the
 * map shows no owner until a workspace owner picks one (the list's owner
 * filter leaves it out meanwhile). Resolves to those maps as they are now,
 * so their open boards can be told (the route publishes them).
 */
export async function removeMember(
  prisma: PrismaClient,
  workspaceId: string,
  userId: string,
): Promise<TJourneyMap[]> {
  const orphaned = await prisma.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const member = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
    });
    if (!member) throw new AppError('MEMBER_NOT_FOUND');
    if (member.role === 'owner' && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError('LAST_OWNER');
    }
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    const owned = await tx.journeyMap.findMany({
      where: { workspaceId, ownerId: userId },
      select: { id: true },
    });
    await tx.journeyMap.updateMany({
      where: { id: { in: owned.map((map) => map.id) } },
      data: { ownerId: null },
    });
    return owned.map((map) => map.id);
  });
  if (orphaned.length === 0) return [];
  const maps = await prisma.journeyMap.findMany({
    where: { id: { in: orphaned } },
    include: MAP_INCLUDE,
  });
  return maps.map((map) => toJourneyMap(map));
}
