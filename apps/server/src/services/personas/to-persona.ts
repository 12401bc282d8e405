import type { Prisma } from '@journeyboard/db';
import type { TPersona } from '@journeyboard/shared';

/** Loads the linked map ids with every persona (the UI tells how many maps a delete unlinks). */
export const PERSONA_INCLUDE = {
  maps: { select: { mapId: true }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.PersonaInclude;

export type PersonaRow = Prisma.PersonaGetPayload<{ include: typeof PERSONA_INCLUDE }>;

export const toPersona = (row: PersonaRow): TPersona => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  title: row.title,
  segment: row.segment,
  initials: row.initials,
  color: row.color,
  goals: row.goals,
  needs: row.needs,
  behaviours: row.behaviours,
  channels: row.channels,
  quote: row.quote,
  mapIds: row.maps.map((link) => link.mapId),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
