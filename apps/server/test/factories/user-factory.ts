import { randomUUID } from 'node:crypto';
import type { TUser, TWorkspaceRole } from '@journeyboard/shared';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export const TEST_PASSWORD = 'correct horse battery staple';

/** A browser signed in to the test app: `inject` sends its session cookie. */
export interface SignedIn {
  readonly user: TUser;
  readonly password: string;
  /** `jb_session=…`, for a Cookie header (REST or the sync upgrade). */
  readonly cookie: string;
  /** The user's personal workspace. */
  readonly personalWorkspaceId: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** The Cookie header value for every cookie a response set. */
export function cookieFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

export function asCookie(app: FastifyInstance, cookie: string) {
  return (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...options.headers, cookie } });
}

/** Signs up a fresh account (unique email) through the public API. */
export async function createUserFixture(
  app: FastifyInstance,
  overrides: { name?: string; email?: string } = {},
): Promise<SignedIn> {
  const suffix = randomUUID().slice(0, 8);
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: {
      email: overrides.email ?? `user-${suffix}@example.test`,
      password: TEST_PASSWORD,
      name: overrides.name ?? `User ${suffix}`,
    },
  });
  if (response.statusCode !== 201) {
    throw new Error(`createUserFixture failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = cookieFrom(response);
  const me = await asCookie(app, cookie)({ method: 'GET', url: '/api/me' });
  const personal = me
    .json<{ workspaces: { id: string; personal: boolean }[] }>()
    .workspaces.find((workspace) => workspace.personal);
  if (!personal) throw new Error('createUserFixture: no personal workspace');
  return {
    user: response.json<{ user: TUser }>().user,
    password: TEST_PASSWORD,
    cookie,
    personalWorkspaceId: personal.id,
    inject: asCookie(app, cookie),
  };
}

export interface TeamMember extends SignedIn {
  readonly role: TWorkspaceRole;
  /** The team workspace the member belongs to with `role`. */
  readonly workspaceId: string;
  /** The workspace's owner (the member itself when role is owner). */
  readonly owner: SignedIn;
}

/** Creates a team workspace owned by a fresh owner. */
export async function createTeamFixture(
  app: FastifyInstance,
): Promise<{ owner: SignedIn; workspaceId: string }> {
  const owner = await createUserFixture(app);
  const response = await owner.inject({
    method: 'POST',
    url: '/api/workspaces',
    payload: { name: `Team ${randomUUID().slice(0, 8)}` },
  });
  if (response.statusCode !== 201) {
    throw new Error(`createTeamFixture failed: ${response.statusCode} ${response.body}`);
  }
  return { owner, workspaceId: response.json<{ id: string }>().id };
}

/** Adds a fresh account to the workspace with `role`, through the owner's API calls. */
export async function addMemberFixture(
  app: FastifyInstance,
  team: { owner: SignedIn; workspaceId: string },
  role: TWorkspaceRole,
  overrides: { name?: string } = {},
): Promise<TeamMember> {
  const member = await createUserFixture(app, overrides);
  const response = await team.owner.inject({
    method: 'POST',
    url: `/api/workspaces/${team.workspaceId}/members`,
    payload: { email: member.user.email, role },
  });
  if (response.statusCode !== 201) {
    throw new Error(`addMemberFixture failed: ${response.statusCode} ${response.body}`);
  }
  return { ...member, role, workspaceId: team.workspaceId, owner: team.owner };
}

/**
 * A signed-in member with `role` in a fresh team workspace (owner: that
 * workspace's creator). Pass `team` to join an existing one.
 */
export async function signedInAs(
  app: FastifyInstance,
  role: TWorkspaceRole,
  team?: { owner: SignedIn; workspaceId: string },
): Promise<TeamMember> {
  const workspace = team ?? (await createTeamFixture(app));
  if (role === 'owner' && !team) {
    return { ...workspace.owner, role, workspaceId: workspace.workspaceId, owner: workspace.owner };
  }
  return addMemberFixture(app, workspace, role);
}
