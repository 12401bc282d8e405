import type { ShareLink, WorkshopLink } from '@journeyboard/db';
import type { TShareLink, TWorkshopLink } from '@journeyboard/shared';

export const toShareLink = (row: ShareLink): TShareLink => ({
  id: row.id,
  mapId: row.mapId,
  number: row.number,
  allowComments: row.allowComments,
  opensOn: row.opensOn,
  hasPassword: row.passwordHash !== null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export const toWorkshopLink = (row: WorkshopLink): TWorkshopLink => ({
  id: row.id,
  mapId: row.mapId,
  number: row.number,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Links that still work: not revoked, not expired. */
export const activeLinkWhere = (mapId: string) => ({
  mapId,
  revokedAt: null,
  OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
});
