// The authorisation matrix: every registered route × every kind of caller →
// the expected status. Generated from ONE table; a route the app registers
// without an entry here fails the first test, so nobody can add a route
// without deciding who may call it.
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  createUserFixture,
  signedInAs,
  TEST_PASSWORD,
  type SignedIn,
  type TeamMember,
} from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const ACTORS = [
  'anonymous',
  'share',
  'workshop',
  'outsider',
  'viewer',
  'commenter',
  'editor',
  'owner',
] as const;
type ActorName = (typeof ACTORS)[number];
type Statuses = Record<ActorName, number>;

const registered = new Set<string>();
const app = useTestApp(testConfig(), {
  onRoute: (route) => {
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD twin for every GET; it runs the GET's handler.
      if (method !== 'HEAD') registered.add(`${method} ${route.url}`);
    }
  },
});

/** The standing cast: one team workspace with a member per role, and an outsider. */
interface World {
  team: { owner: SignedIn; workspaceId: string };
  members: Record<'viewer' | 'commenter' | 'editor' | 'owner', TeamMember>;
  outsider: SignedIn;
  /** A member whose role the PATCH cells change back and forth. */
  roleTarget: TeamMember;
  /** Invitations accepted in the matrix point here, so accepting never changes `team`. */
  otherWorkspaceId: string;
  otherOwner: SignedIn;
}

/** What one cell works on: a fresh map with its own share link and workshop guest. */
interface Cell {
  mapId: string;
  shareToken: string;
  guestCookie: string;
}

let world: World;
beforeAll(async () => {
  const owner = await signedInAs(app(), 'owner');
  const team = { owner, workspaceId: owner.workspaceId };
  const [viewer, commenter, editor, roleTarget] = await Promise.all([
    signedInAs(app(), 'viewer', team),
    signedInAs(app(), 'commenter', team),
    signedInAs(app(), 'editor', team),
    signedInAs(app(), 'viewer', team),
  ]);
  const other = await signedInAs(app(), 'owner');
  world = {
    team,
    members: { viewer, commenter, editor, owner },
    outsider: await createUserFixture(app()),
    roleTarget,
    otherWorkspaceId: other.workspaceId,
    otherOwner: other,
  };
}, 60_000);

async function ok<T>(options: InjectOptions, status: number): Promise<T> {
  const response = await world.team.owner.inject(options);
  if (response.statusCode !== status) {
    throw new Error(`setup failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<T>();
}

async function newCell(): Promise<Cell> {
  const { workspaceId } = world.team;
  const map = await ok<{ id: string }>(
    { method: 'POST', url: '/api/maps', payload: { title: 'Matrix map', workspaceId } },
    201,
  );
  const share = await ok<{ token: string }>(
    { method: 'POST', url: `/api/maps/${map.id}/share-links`, payload: {} },
    201,
  );
  const workshop = await ok<{ token: string }>(
    { method: 'POST', url: `/api/maps/${map.id}/workshop-links`, payload: {} },
    201,
  );
  const joined = await app().inject({
    method: 'POST',
    url: '/api/workshop-links/join',
    payload: { token: workshop.token, name: 'Guest' },
  });
  return { mapId: map.id, shareToken: share.token, guestCookie: cookieFrom(joined) };
}

async function headersFor(actor: ActorName, cell: Cell, freshSession: boolean) {
  switch (actor) {
    case 'anonymous':
      return {};
    case 'share':
      return { authorization: `Bearer ${cell.shareToken}` };
    case 'workshop':
      return { cookie: cell.guestCookie };
    default: {
      const who = actor === 'outsider' ? world.outsider : world.members[actor];
      if (!freshSession) return { cookie: who.cookie };
      // Signing out ends the session: give such cells a session of their own.
      const login = await app().inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: who.user.email, password: TEST_PASSWORD },
      });
      return { cookie: cookieFrom(login) };
    }
  }
}

interface Entry {
  /** Builds the request for one cell (fresh targets where the call consumes them). */
  request: (cell: Cell) => Promise<InjectOptions> | InjectOptions;
  expect: Statuses;
  freshSession?: boolean;
  /** A response that never ends (server-sent events): read only the status, then hang up. */
  stream?: boolean;
}

const all = (status: number): Statuses =>
  Object.fromEntries(ACTORS.map((actor) => [actor, status])) as Statuses;
/** Account-only, workspace-level: link holders are not signed in. */
const accounts = (status: number): Statuses => ({
  ...all(status),
  anonymous: 401,
  share: 401,
  workshop: 401,
});
/** Owner-only workspace management. */
const workspaceOwner = (status: number): Statuses => ({
  anonymous: 401,
  share: 401,
  workshop: 401,
  outsider: 404,
  viewer: 403,
  commenter: 403,
  editor: 403,
  owner: status,
});
/** Owner-only map actions (sharing, deleting); link holders see the map, so 403. */
const mapOwner = (status: number): Statuses => ({
  anonymous: 401,
  share: 403,
  workshop: 403,
  outsider: 404,
  viewer: 403,
  commenter: 403,
  editor: 403,
  owner: status,
});
/** Facilitator (editor+) map actions that link holders may not take. */
const mapFacilitator = (status: number): Statuses => ({
  ...mapOwner(status),
  editor: status,
});

/** Reading comments: members and workshop participants; share links only with comments on. */
const commentReaders = (status: number): Statuses => ({
  ...all(status),
  anonymous: 401,
  share: 403,
  outsider: 404,
});
/** Writing comments: accounts with commenter or a stronger role. */
const commentWriters = (status: number): Statuses => ({
  ...mapOwner(status),
  commenter: status,
  editor: status,
});
/** Workspace personas: every member reads; editors and owners change. */
const personaReaders = (status: number): Statuses => ({
  ...workspaceOwner(status),
  viewer: status,
  commenter: status,
  editor: status,
});
const personaEditors = (status: number): Statuses => ({
  ...workspaceOwner(status),
  editor: status,
});

async function freshThread(cell: Cell): Promise<{ id: string; comments: { id: string }[] }> {
  return ok(
    {
      method: 'POST',
      url: `/api/maps/${cell.mapId}/comments`,
      payload: { anchor: { kind: 'card', id: 'card-1' }, body: 'Matrix thread' },
    },
    201,
  );
}

async function freshPersona(): Promise<{ id: string }> {
  return ok(
    {
      method: 'POST',
      url: `/api/workspaces/${world.team.workspaceId}/personas`,
      payload: { name: 'Matrix persona' },
    },
    201,
  );
}

async function freshVersion(cell: Cell): Promise<{ id: string }> {
  return ok(
    { method: 'POST', url: `/api/maps/${cell.mapId}/versions`, payload: { name: 'Matrix' } },
    201,
  );
}

/** History reads: everyone who can see the map, share-link viewers included. */
const historyReaders = (status: number): Statuses => ({
  ...all(status),
  anonymous: 401,
  outsider: 404,
});

const uniqueEmail = () => `matrix-${randomUUID().slice(0, 8)}@example.test`;

async function freshInvite(
  workspaceId = world.team.workspaceId,
): Promise<{ id: string; token: string }> {
  const owner = workspaceId === world.team.workspaceId ? world.team.owner : null;
  const response = await (owner ?? world.otherOwner).inject({
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/members`,
    payload: { email: uniqueEmail(), role: 'viewer' },
  });
  if (response.statusCode !== 201) throw new Error(`freshInvite: ${response.body}`);
  return response.json<{ invite: { id: string; token: string } }>().invite;
}

const TABLE: Record<string, Entry | { skip: string }> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), expect: all(200) },
  'GET /api/openapi.json': { request: () => ({ url: '/api/openapi.json' }), expect: all(200) },
  'GET /sync/:mapId': { skip: 'the sync socket: test/sync/auth.test.ts and access.test.ts' },

  'POST /api/auth/signup': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: uniqueEmail(), password: TEST_PASSWORD, name: 'New person' },
    }),
    expect: all(201),
  },
  'POST /api/auth/login': {
    request: () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: world.members.viewer.user.email, password: TEST_PASSWORD },
    }),
    expect: all(200),
  },
  'POST /api/auth/logout': {
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: all(204),
    freshSession: true,
  },
  'GET /api/me': {
    request: () => ({ url: '/api/me' }),
    expect: { ...all(200), anonymous: 401, share: 401 },
  },

  'GET /api/workspaces': { request: () => ({ url: '/api/workspaces' }), expect: accounts(200) },
  'POST /api/workspaces': {
    request: () => ({ method: 'POST', url: '/api/workspaces', payload: { name: 'Another team' } }),
    expect: accounts(201),
  },
  'PATCH /api/workspaces/:id': {
    request: () => ({
      method: 'PATCH',
      url: `/api/workspaces/${world.team.workspaceId}`,
      payload: { name: 'Renamed team' },
    }),
    expect: workspaceOwner(200),
  },
  'GET /api/workspaces/:id/members': {
    request: () => ({ url: `/api/workspaces/${world.team.workspaceId}/members` }),
    expect: { ...workspaceOwner(200), viewer: 200, commenter: 200, editor: 200 },
  },
  'POST /api/workspaces/:id/members': {
    request: () => ({
      method: 'POST',
      url: `/api/workspaces/${world.team.workspaceId}/members`,
      payload: { email: uniqueEmail(), role: 'viewer' },
    }),
    expect: workspaceOwner(201),
  },
  'PATCH /api/workspaces/:id/members/:userId': {
    request: () => ({
      method: 'PATCH',
      url: `/api/workspaces/${world.team.workspaceId}/members/${world.roleTarget.user.id}`,
      payload: { role: 'commenter' },
    }),
    expect: workspaceOwner(200),
  },
  'DELETE /api/workspaces/:id/members/:userId': {
    request: async () => {
      const target = await signedInAs(app(), 'viewer', world.team);
      return {
        method: 'DELETE',
        url: `/api/workspaces/${world.team.workspaceId}/members/${target.user.id}`,
      };
    },
    expect: workspaceOwner(204),
  },
  'DELETE /api/invites/:id': {
    request: async () => ({ method: 'DELETE', url: `/api/invites/${(await freshInvite()).id}` }),
    expect: workspaceOwner(204),
  },
  'POST /api/invites/accept': {
    request: async () => ({
      method: 'POST',
      url: '/api/invites/accept',
      payload: { token: (await freshInvite(world.otherWorkspaceId)).token },
    }),
    expect: accounts(200),
  },

  'GET /api/maps': { request: () => ({ url: '/api/maps' }), expect: accounts(200) },
  'POST /api/maps': {
    request: () => ({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'New map', workspaceId: world.team.workspaceId },
    }),
    expect: { ...workspaceOwner(201), editor: 201 },
  },
  'GET /api/maps/:id': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}` }),
    expect: { ...all(200), anonymous: 401, outsider: 404 },
  },
  'PATCH /api/maps/:id': {
    request: (cell) => ({
      method: 'PATCH',
      url: `/api/maps/${cell.mapId}`,
      payload: { title: 'Renamed' },
    }),
    expect: { ...mapFacilitator(200), workshop: 200 },
  },
  'DELETE /api/maps/:id': {
    request: (cell) => ({ method: 'DELETE', url: `/api/maps/${cell.mapId}` }),
    expect: mapOwner(204),
  },

  'POST /api/maps/:id/share-links': {
    request: (cell) => ({
      method: 'POST',
      url: `/api/maps/${cell.mapId}/share-links`,
      payload: {},
    }),
    expect: mapOwner(201),
  },
  'GET /api/maps/:id/share-links': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/share-links` }),
    expect: mapOwner(200),
  },
  'DELETE /api/share-links/:id': {
    request: async (cell) => {
      const link = await ok<{ id: string }>(
        { method: 'POST', url: `/api/maps/${cell.mapId}/share-links`, payload: {} },
        201,
      );
      return { method: 'DELETE', url: `/api/share-links/${link.id}` };
    },
    expect: mapOwner(204),
  },
  'PATCH /api/share-links/:id': {
    request: async (cell) => {
      const link = await ok<{ id: string }>(
        { method: 'POST', url: `/api/maps/${cell.mapId}/share-links`, payload: {} },
        201,
      );
      return {
        method: 'PATCH',
        url: `/api/share-links/${link.id}`,
        payload: { allowComments: true },
      };
    },
    expect: mapOwner(200),
  },
  'POST /api/share-links/open': {
    request: (cell) => ({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: cell.shareToken },
    }),
    expect: all(200),
  },

  'POST /api/maps/:id/workshop-links': {
    request: (cell) => ({
      method: 'POST',
      url: `/api/maps/${cell.mapId}/workshop-links`,
      payload: {},
    }),
    expect: mapFacilitator(201),
  },
  'GET /api/maps/:id/workshop-links': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/workshop-links` }),
    expect: mapFacilitator(200),
  },
  'DELETE /api/workshop-links/:id': {
    request: async (cell) => {
      const link = await ok<{ id: string }>(
        { method: 'POST', url: `/api/maps/${cell.mapId}/workshop-links`, payload: {} },
        201,
      );
      return { method: 'DELETE', url: `/api/workshop-links/${link.id}` };
    },
    expect: mapFacilitator(204),
  },
  'POST /api/workshop-links/join': {
    request: async (cell) => {
      const link = await ok<{ token: string }>(
        { method: 'POST', url: `/api/maps/${cell.mapId}/workshop-links`, payload: {} },
        201,
      );
      return {
        method: 'POST',
        url: '/api/workshop-links/join',
        payload: { token: link.token, name: 'Late joiner' },
      };
    },
    expect: all(201),
  },

  'GET /api/maps/:id/comments': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/comments` }),
    expect: commentReaders(200),
  },
  'GET /api/maps/:id/comments/events': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/comments/events` }),
    expect: commentReaders(200),
    stream: true,
  },
  'POST /api/maps/:id/comments': {
    request: (cell) => ({
      method: 'POST',
      url: `/api/maps/${cell.mapId}/comments`,
      payload: { anchor: { kind: 'stage', id: 'stage-1' }, body: 'A question' },
    }),
    expect: commentWriters(201),
  },
  'POST /api/comment-threads/:id/comments': {
    request: async (cell) => ({
      method: 'POST',
      url: `/api/comment-threads/${(await freshThread(cell)).id}/comments`,
      payload: { body: 'A reply' },
    }),
    expect: commentWriters(201),
  },
  'PATCH /api/comment-threads/:id': {
    request: async (cell) => ({
      method: 'PATCH',
      url: `/api/comment-threads/${(await freshThread(cell)).id}`,
      payload: { resolved: true },
    }),
    expect: commentWriters(200),
  },
  // The owner wrote these comments: only the author edits; the author (or an owner) deletes.
  // Commenters editing and deleting their own: test/api/comments.test.ts.
  'PATCH /api/comments/:id': {
    request: async (cell) => ({
      method: 'PATCH',
      url: `/api/comments/${(await freshThread(cell)).comments[0]?.id}`,
      payload: { body: 'Edited' },
    }),
    expect: mapOwner(200),
  },
  'DELETE /api/comments/:id': {
    request: async (cell) => ({
      method: 'DELETE',
      url: `/api/comments/${(await freshThread(cell)).comments[0]?.id}`,
    }),
    expect: mapOwner(204),
  },
  'GET /api/me/mentions': { request: () => ({ url: '/api/me/mentions' }), expect: accounts(200) },
  'POST /api/me/mentions/read': {
    request: () => ({ method: 'POST', url: '/api/me/mentions/read', payload: {} }),
    expect: accounts(204),
  },

  'GET /api/workspaces/:id/personas': {
    request: () => ({ url: `/api/workspaces/${world.team.workspaceId}/personas` }),
    expect: personaReaders(200),
  },
  'POST /api/workspaces/:id/personas': {
    request: () => ({
      method: 'POST',
      url: `/api/workspaces/${world.team.workspaceId}/personas`,
      payload: { name: 'New persona' },
    }),
    expect: personaEditors(201),
  },
  'GET /api/personas/:id': {
    request: async () => ({ url: `/api/personas/${(await freshPersona()).id}` }),
    expect: personaReaders(200),
  },
  'PATCH /api/personas/:id': {
    request: async () => ({
      method: 'PATCH',
      url: `/api/personas/${(await freshPersona()).id}`,
      payload: { segment: 'Enterprise' },
    }),
    expect: personaEditors(200),
  },
  'DELETE /api/personas/:id': {
    request: async () => ({ method: 'DELETE', url: `/api/personas/${(await freshPersona()).id}` }),
    expect: personaEditors(204),
  },
  'GET /api/maps/:id/personas': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/personas` }),
    expect: { ...all(200), anonymous: 401, outsider: 404 },
  },
  'PUT /api/maps/:id/personas': {
    request: async (cell) => ({
      method: 'PUT',
      url: `/api/maps/${cell.mapId}/personas`,
      payload: { personaIds: [(await freshPersona()).id] },
    }),
    expect: mapFacilitator(200),
  },

  'GET /api/maps/:id/versions': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/versions` }),
    expect: historyReaders(200),
  },
  'POST /api/maps/:id/versions': {
    request: (cell) => ({
      method: 'POST',
      url: `/api/maps/${cell.mapId}/versions`,
      payload: { name: 'Before the workshop' },
    }),
    // Anyone who can edit the board, workshop participants too.
    expect: { ...mapFacilitator(201), workshop: 201 },
  },
  'GET /api/maps/:id/versions/:versionId': {
    request: async (cell) => ({
      url: `/api/maps/${cell.mapId}/versions/${(await freshVersion(cell)).id}`,
    }),
    expect: historyReaders(200),
  },
  'GET /api/maps/:id/versions/:versionId/state': {
    request: async (cell) => ({
      url: `/api/maps/${cell.mapId}/versions/${(await freshVersion(cell)).id}/state`,
    }),
    expect: historyReaders(200),
  },
  'POST /api/maps/:id/versions/:versionId/restore': {
    request: async (cell) => ({
      method: 'POST',
      url: `/api/maps/${cell.mapId}/versions/${(await freshVersion(cell)).id}/restore`,
    }),
    expect: mapFacilitator(200),
  },
  'GET /api/maps/:id/activity': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/activity` }),
    expect: historyReaders(200),
  },
  'GET /api/maps/:id/changes': {
    request: (cell) => ({ url: `/api/maps/${cell.mapId}/changes?from=now` }),
    expect: historyReaders(200),
  },
  'POST /api/maps/:id/visit': {
    request: (cell) => ({ method: 'POST', url: `/api/maps/${cell.mapId}/visit` }),
    // Accounts only: link holders have no person to remember a visit for.
    expect: { ...historyReaders(200), share: 401, workshop: 401 },
  },
};

describe('authorisation matrix', () => {
  it('has an entry for every route the app registers (and no stale ones)', () => {
    const routes = [...registered].sort();
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !(route in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((route) => !registered.has(route))).toEqual([]);
  });

  const rows = Object.entries(TABLE).filter((row): row is [string, Entry] => !('skip' in row[1]));
  it.each(rows)('%s', async (_route, entry) => {
    const actual = {} as Statuses;
    for (const actor of ACTORS) {
      const cell = await newCell();
      const request = await entry.request(cell);
      const headers = await headersFor(actor, cell, entry.freshSession ?? false);
      const response = await app().inject({
        ...request,
        headers: { ...request.headers, ...headers },
        ...(entry.stream ? { payloadAsStream: true } : {}),
      });
      actual[actor] = response.statusCode;
      if (entry.stream) response.stream().destroy();
    }
    expect(actual).toEqual(entry.expect);
  });

  it('answers a map the caller cannot see exactly like a missing one', async () => {
    const cell = await newCell();
    const outsider = world.outsider;
    const hidden = await outsider.inject({ url: `/api/maps/${cell.mapId}` });
    const missing = await outsider.inject({ url: `/api/maps/${randomUUID()}` });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });
});
