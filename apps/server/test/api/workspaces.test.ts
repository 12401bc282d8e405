import { randomUUID } from 'node:crypto';
import { mapCapabilities } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import {
  cookieFrom,
  createUserFixture,
  signedInAs,
  TEST_PASSWORD,
} from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

describe('workspaces and members', () => {
  it('adds an existing account directly and invites anyone else by link', async () => {
    const owner = await signedInAs(app(), 'owner');
    const existing = await createUserFixture(app(), { name: 'Existing' });
    const added = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/members`,
      payload: { email: existing.user.email, role: 'editor' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      kind: 'member',
      member: { name: 'Existing', role: 'editor' },
    });
    const again = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/members`,
      payload: { email: existing.user.email, role: 'viewer' },
    });
    expect(again.json().error.code).toBe('ALREADY_MEMBER');

    const newcomer = `new-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/members`,
      payload: { email: newcomer, role: 'commenter' },
    });
    expect(invited.json()).toMatchObject({
      kind: 'invite',
      invite: { email: newcomer, role: 'commenter' },
    });
    const { token, url } = invited.json().invite;
    expect(url).toContain(`/signup?invite=${token}`);

    const signup = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: newcomer, password: TEST_PASSWORD, name: 'Newcomer', inviteToken: token },
    });
    expect(signup.statusCode).toBe(201);
    const me = await app().inject({ url: '/api/me', headers: { cookie: cookieFrom(signup) } });
    expect(me.json().workspaces).toContainEqual(
      expect.objectContaining({ id: owner.workspaceId, role: 'commenter' }),
    );
    const members = await owner.inject({ url: `/api/workspaces/${owner.workspaceId}/members` });
    expect(
      members
        .json<{ members: { name: string }[] }>()
        .members.map((m) => m.name)
        .sort(),
    ).toEqual(['Existing', 'Newcomer', owner.user.name].sort());
    expect(members.json().invites).toEqual([]);
  });

  it('previews an invitation for the sign-up page, renews its link in one step, and says which workspace sign-up joined', async () => {
    const owner = await signedInAs(app(), 'owner');
    const workspace = (await owner.inject({ url: '/api/me' }))
      .json<{ workspaces: { id: string; name: string }[] }>()
      .workspaces.find((w) => w.id === owner.workspaceId);
    const newcomer = `new-${randomUUID().slice(0, 8)}@example.test`;
    const invited = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/members`,
      payload: { email: newcomer, role: 'editor' },
    });
    const first = invited.json<{ invite: { id: string; token: string } }>().invite;

    const preview = await app().inject({
      method: 'POST',
      url: '/api/invites/preview',
      payload: { token: first.token },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({
      workspaceName: workspace?.name,
      email: newcomer,
      role: 'editor',
    });

    // The link was shown once; a new one replaces it and the old one stops working.
    const renewed = await owner.inject({ method: 'POST', url: `/api/invites/${first.id}/renew` });
    expect(renewed.statusCode).toBe(200);
    const second = renewed.json<{ id: string; token: string; url: string; email: string }>();
    expect(second).toMatchObject({ id: first.id, email: newcomer });
    expect(second.token).not.toBe(first.token);
    expect(second.url).toContain(`/signup?invite=${second.token}`);
    const stale = await app().inject({
      method: 'POST',
      url: '/api/invites/preview',
      payload: { token: first.token },
    });
    expect(stale.json()).toMatchObject({ error: { code: 'INVITE_NOT_FOUND' } });
    const listed = await owner.inject({ url: `/api/workspaces/${owner.workspaceId}/members` });
    expect(listed.json<{ invites: { id: string }[] }>().invites.map((i) => i.id)).toEqual([
      first.id,
    ]);

    const signup = await app().inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: {
        email: newcomer,
        password: TEST_PASSWORD,
        name: 'Newcomer',
        inviteToken: second.token,
      },
    });
    expect(signup.statusCode).toBe(201);
    expect(signup.json()).toMatchObject({ joinedWorkspaceId: owner.workspaceId });
    // Accepted: nothing left to renew.
    const late = await owner.inject({ method: 'POST', url: `/api/invites/${first.id}/renew` });
    expect(late.json()).toMatchObject({ error: { code: 'INVITE_NOT_FOUND' } });
  });

  it('tells an account added directly who added it, until it says it has seen that', async () => {
    const owner = await signedInAs(app(), 'owner');
    const existing = await createUserFixture(app(), { name: 'Ben' });
    await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/members`,
      payload: { email: existing.user.email, role: 'editor' },
    });
    const team = async () =>
      (await existing.inject({ url: '/api/me' }))
        .json<{ workspaces: { id: string; addedBy?: string }[] }>()
        .workspaces.find((workspace) => workspace.id === owner.workspaceId);
    expect(await team()).toMatchObject({ addedBy: owner.user.name, role: 'editor' });
    // Their own workspaces (made at sign-up, or joined by themselves) say nothing.
    const own = (await owner.inject({ url: '/api/me' })).json<{ workspaces: object[] }>();
    expect(own.workspaces.every((workspace) => !('addedBy' in workspace))).toBe(true);

    const seen = await existing.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/acknowledge`,
    });
    expect(seen.statusCode).toBe(204);
    expect(await team()).not.toHaveProperty('addedBy');
    // Asked again (a second tab), it changes nothing and says so the same way.
    expect(
      (
        await existing.inject({
          method: 'POST',
          url: `/api/workspaces/${owner.workspaceId}/acknowledge`,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('keeps at least one owner: the last owner can neither leave nor be demoted', async () => {
    const owner = await signedInAs(app(), 'owner');
    const team = { owner, workspaceId: owner.workspaceId };
    const editor = await signedInAs(app(), 'editor', team);
    const url = `/api/workspaces/${owner.workspaceId}/members/${owner.user.id}`;

    const leave = await owner.inject({ method: 'DELETE', url });
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error).toMatchObject({
      code: 'LAST_OWNER',
      message: expect.stringContaining('owner'),
    });
    const demote = await owner.inject({ method: 'PATCH', url, payload: { role: 'editor' } });
    expect(demote.json().error.code).toBe('LAST_OWNER');

    // With a second owner, the first may leave; an editor may leave on their own.
    await owner.inject({
      method: 'PATCH',
      url: `/api/workspaces/${owner.workspaceId}/members/${editor.user.id}`,
      payload: { role: 'owner' },
    });
    expect((await owner.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect(
      (await owner.inject({ url: `/api/workspaces/${owner.workspaceId}/members` })).statusCode,
    ).toBe(404);
  });

  it('keeps personal workspaces personal', async () => {
    const user = await createUserFixture(app());
    const other = await createUserFixture(app());
    const response = await user.inject({
      method: 'POST',
      url: `/api/workspaces/${user.personalWorkspaceId}/members`,
      payload: { email: other.user.email, role: 'editor' },
    });
    expect(response.json().error.code).toBe('PERSONAL_WORKSPACE');
  });

  it("puts maps in the caller's personal workspace by default and lists them with what the owner may do", async () => {
    const user = await createUserFixture(app());
    const created = await user.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'Mine' },
    });
    const owner = mapCapabilities(['owner']);
    expect(created.json()).toMatchObject({
      workspaceId: user.personalWorkspaceId,
      capabilities: owner,
    });
    const list = await user.inject({ url: '/api/maps' });
    expect(list.json().maps).toEqual([
      expect.objectContaining({ title: 'Mine', capabilities: owner }),
    ]);
  });
});
