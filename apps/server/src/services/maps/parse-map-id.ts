import { z } from 'zod';
import { AppError } from '../../errors/app-error.ts';

const ZMapId = z.uuid();

/**
 * Map ids are UUIDs. Anything else cannot name a map, so it gets the same
 * 404 as a map that does not exist — never a hint about which maps exist.
 */
export function parseMapId(id: string): string {
  const result = ZMapId.safeParse(id);
  if (!result.success) throw new AppError('MAP_NOT_FOUND');
  return result.data;
}
