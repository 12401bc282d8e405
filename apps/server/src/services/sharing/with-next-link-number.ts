import { isUniqueViolation } from '@journeyboard/db';

const ATTEMPTS = 5;

/**
 * Creates a map's link under the map's next number ("Read-only link 3": one
 * more than the highest on record, revoked links included, so a number is
 * never given to another link while its row exists). Two links made at the
 * same moment may pick the same number: the unique (mapId, number) refuses
 * the second, which tries the next one.
 */
export async function withNextLinkNumber<T>(
  highest: () => Promise<number | null>,
  create: (number: number) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const number = ((await highest()) ?? 0) + 1;
    try {
      return await create(number);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}
