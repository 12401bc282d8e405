import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createMapFixture, type MapFixture } from './map-factory.ts';
import { addMemberFixture, cookieFrom, type TeamMember } from './user-factory.ts';

/** Someone on the workshop's map, with the headers their requests and streams carry. */
export interface WorkshopCaller {
  readonly name: string;
  readonly headers: Record<string, string>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * A map with everyone a workshop has: its owner and an editor (facilitators),
 * a commenter and a viewer, two workshop guests and a read-only link.
 */
export interface WorkshopFixture {
  readonly map: MapFixture;
  readonly owner: WorkshopCaller;
  readonly editor: WorkshopCaller;
  readonly commenter: WorkshopCaller;
  readonly viewer: WorkshopCaller;
  readonly guest: WorkshopCaller;
  readonly otherGuest: WorkshopCaller;
  readonly shareLink: WorkshopCaller;
}

const caller = (app: FastifyInstance, name: string, headers: Record<string, string>) => ({
  name,
  headers,
  inject: (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...options.headers, ...headers } }),
});

const member = (app: FastifyInstance, who: TeamMember) =>
  caller(app, who.user.name, { cookie: who.cookie });

/** A map from the SaaS onboarding template (cards in every lane, to vote on). */
export async function createWorkshopFixture(app: FastifyInstance): Promise<WorkshopFixture> {
  const map = await createMapFixture(app, { template: 'saas-onboarding' });
  const team = { owner: map.owner, workspaceId: map.workspaceId };
  const [editor, commenter, viewer] = await Promise.all([
    addMemberFixture(app, team, 'editor', { name: 'Eddie Editor' }),
    addMemberFixture(app, team, 'commenter', { name: 'Carla Commenter' }),
    addMemberFixture(app, team, 'viewer', { name: 'Vic Viewer' }),
  ]);
  const workshop = await map.owner.inject({
    method: 'POST',
    url: `/api/maps/${map.id}/workshop-links`,
    payload: {},
  });
  const join = async (name: string) => {
    const joined = await app.inject({
      method: 'POST',
      url: '/api/workshop-links/join',
      payload: { token: workshop.json<{ token: string }>().token, name },
    });
    if (joined.statusCode !== 201) throw new Error(`join failed: ${joined.body}`);
    return caller(app, name, { cookie: cookieFrom(joined) });
  };
  const share = await map.owner.inject({
    method: 'POST',
    url: `/api/maps/${map.id}/share-links`,
    payload: {},
  });
  return {
    map,
    owner: member(app, map.owner),
    editor: member(app, editor),
    commenter: member(app, commenter),
    viewer: member(app, viewer),
    guest: await join('Gabi Guest'),
    otherGuest: await join('Olli Other'),
    shareLink: caller(app, 'Viewer (link)', {
      authorization: `Bearer ${share.json<{ token: string }>().token}`,
    }),
  };
}
