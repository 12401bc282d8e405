import type { JourneyMap } from '@journeyboard/db';
import type { MapAction, TJourneyMap } from '@journeyboard/shared';

/** `capabilities`: what the caller may do with the map (the policy's answer), so the UI offers only that. */
export const toJourneyMap = (
  row: JourneyMap,
  capabilities?: readonly MapAction[],
): TJourneyMap => ({
  id: row.id,
  title: row.title,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  workspaceId: row.workspaceId,
  ...(capabilities ? { capabilities: [...capabilities] } : {}),
});
