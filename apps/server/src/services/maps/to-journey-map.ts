import type { JourneyMap } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';

export const toJourneyMap = (row: JourneyMap): TJourneyMap => ({
  id: row.id,
  title: row.title,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
