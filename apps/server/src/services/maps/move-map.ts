import type { PrismaClient } from '@journeyboard/db';
import type { MapAction, TMoveMapResponse } from '@journeyboard/shared';
import { MAP_INCLUDE, toJourneyMap } from './to-journey-map.ts';

/**
 * Moves a map into another workspace (the caller checked `map.move` on the
 * map and ownership of the target). Everything that hangs off the map by its
 * id stays as it is: the board, share and workshop links, comments, votes.
 * Personas belong to workspaces: each persona of the old workspace linked to
 * the map is COPIED into the new one and the link moves to the copy (same
 * primary flag); the original stays in the old workspace for its other maps.
 * One transaction: nothing half-moved.
 */
export async function moveMap(
  prisma: PrismaClient,
  mapId: string,
  toWorkspaceId: string,
  capabilities: readonly MapAction[],
): Promise<TMoveMapResponse> {
  return prisma.$transaction(async (tx) => {
    const map = await tx.journeyMap.findUniqueOrThrow({
      where: { id: mapId },
      include: MAP_INCLUDE,
    });
    if (map.workspaceId === toWorkspaceId) {
      return { map: toJourneyMap(map, capabilities), personasCopied: 0 };
    }
    const links = await tx.mapPersona.findMany({
      where: { mapId, persona: { workspaceId: map.workspaceId } },
      include: { persona: true },
    });
    for (const link of links) {
      const { id: _id, workspaceId: _ws, createdAt: _c, updatedAt: _u, ...fields } = link.persona;
      const copy = await tx.persona.create({ data: { ...fields, workspaceId: toWorkspaceId } });
      await tx.mapPersona.delete({
        where: { mapId_personaId: { mapId, personaId: link.personaId } },
      });
      await tx.mapPersona.create({
        data: { mapId, personaId: copy.id, primary: link.primary },
      });
    }
    // A map's owner is a member of its workspace: one who isn't a member there leaves the post open.
    const ownerStays =
      map.ownerId !== null &&
      (await tx.membership.count({
        where: { workspaceId: toWorkspaceId, userId: map.ownerId },
      })) > 0;
    const moved = await tx.journeyMap.update({
      where: { id: mapId },
      data: { workspaceId: toWorkspaceId, ...(ownerStays ? {} : { ownerId: null }) },
      include: MAP_INCLUDE,
    });
    return { map: toJourneyMap(moved, capabilities), personasCopied: links.length };
  });
}
