import type { JourneyMap } from '@journeyboard/db';
import type { TJourneyMap, TWorkspaceRole } from '@journeyboard/shared';

/** `role` is the caller's role on the map, so the UI knows whether to offer editing. */
export const toJourneyMap = (row: JourneyMap, role?: TWorkspaceRole): TJourneyMap => ({
  id: row.id,
  title: row.title,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  workspaceId: row.workspaceId,
  ...(role ? { role } : {}),
});
