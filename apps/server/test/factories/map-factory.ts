import { randomUUID } from 'node:crypto';
import type { TCreateMapRequest, TJourneyMap } from '@journeyboard/shared';
import type { FastifyInstance } from 'fastify';

/** Creates a map with a unique title through the public API. */
export async function createMapFixture(
  app: FastifyInstance,
  overrides: Partial<TCreateMapRequest> = {},
): Promise<TJourneyMap> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/maps',
    payload: { title: `Map ${randomUUID().slice(0, 8)}`, ...overrides },
  });
  if (response.statusCode !== 201) {
    throw new Error(`createMapFixture failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<TJourneyMap>();
}
