import { randomUUID } from 'node:crypto';
import type { TCreateMapRequest, TJourneyMap } from '@journeyboard/shared';
import type { FastifyInstance } from 'fastify';
import { signedInAs, type TeamMember } from './user-factory.ts';

export type MapFixture = TJourneyMap & {
  /** Who created it: the owner of the map's (team) workspace. */
  readonly owner: TeamMember;
  readonly workspaceId: string;
};

/**
 * Creates a map with a unique title through the public API, signed in as
 * `as` (default: a fresh owner of a fresh team workspace).
 */
export async function createMapFixture(
  app: FastifyInstance,
  overrides: Partial<TCreateMapRequest> = {},
  options: { as?: TeamMember } = {},
): Promise<MapFixture> {
  const owner = options.as ?? (await signedInAs(app, 'owner'));
  const response = await owner.inject({
    method: 'POST',
    url: '/api/maps',
    payload: {
      title: `Map ${randomUUID().slice(0, 8)}`,
      workspaceId: owner.workspaceId,
      ...overrides,
    },
  });
  if (response.statusCode !== 201) {
    throw new Error(`createMapFixture failed: ${response.statusCode} ${response.body}`);
  }
  const map = response.json<TJourneyMap>();
  return { ...map, owner, workspaceId: owner.workspaceId };
}
