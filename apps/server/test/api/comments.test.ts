import { randomUUID } from 'node:crypto';
import type { TCommentThread, TListMentionsResponse } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { addMemberFixture, createUserFixture, type TeamMember } from '../factories/user-factory.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

const team = (map: MapFixture) => ({ owner: map.owner, workspaceId: map.workspaceId });

async function startThread(
  who: TeamMember,
  mapId: string,
  payload: Record<string, unknown> = {},
): Promise<TCommentThread> {
  const response = await who.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/comments`,
    payload: {
      anchor: { kind: 'card', id: 'card-1' },
      body: 'Why is this a pain point?',
      ...payload,
    },
  });
  if (response.statusCode !== 201) throw new Error(`startThread: ${response.body}`);
  return response.json<TCommentThread>();
}

describe('comment threads', () => {
  it('starts a thread on a card, replies, edits, resolves and reopens it; a reply reopens it too', async () => {
    const map = await createMapFixture(app());
    const commenter = await addMemberFixture(app(), team(map), 'commenter');

    const thread = await startThread(commenter, map.id);
    expect(thread).toMatchObject({
      mapId: map.id,
      anchor: { kind: 'card', id: 'card-1' },
      resolved: false,
      comments: [
        { authorId: commenter.user.id, body: 'Why is this a pain point?', editedAt: null },
      ],
    });

    const reply = await map.owner.inject({
      method: 'POST',
      url: `/api/comment-threads/${thread.id}/comments`,
      payload: { body: 'Customers wait 3 days.\nSee https://example.com/report' },
    });
    expect(reply.statusCode).toBe(201);
    const replied = reply.json<TCommentThread>();
    expect(replied.comments.map((c) => c.body)).toEqual([
      'Why is this a pain point?',
      'Customers wait 3 days.\nSee https://example.com/report',
    ]);

    const firstId = thread.comments[0]?.id;
    const edited = await commenter.inject({
      method: 'PATCH',
      url: `/api/comments/${firstId}`,
      payload: { body: 'Why is this the biggest pain point?' },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<TCommentThread>().comments[0]).toMatchObject({
      body: 'Why is this the biggest pain point?',
      editedAt: expect.any(String),
    });

    const resolved = await commenter.inject({
      method: 'PATCH',
      url: `/api/comment-threads/${thread.id}`,
      payload: { resolved: true },
    });
    expect(resolved.json<TCommentThread>()).toMatchObject({
      resolved: true,
      resolvedBy: { id: commenter.user.id, name: commenter.user.name },
    });

    const open = await map.owner.inject({ url: `/api/maps/${map.id}/comments?status=open` });
    expect(open.json<{ threads: unknown[] }>().threads).toEqual([]);
    const done = await map.owner.inject({ url: `/api/maps/${map.id}/comments?status=resolved` });
    expect(done.json<{ threads: { id: string }[] }>().threads.map((t) => t.id)).toEqual([
      thread.id,
    ]);

    const reopened = await map.owner.inject({
      method: 'PATCH',
      url: `/api/comment-threads/${thread.id}`,
      payload: { resolved: false },
    });
    expect(reopened.json<TCommentThread>()).toMatchObject({ resolved: false, resolvedBy: null });

    // A reply to a resolved thread reopens it: sent there, it was seen by nobody.
    await commenter.inject({
      method: 'PATCH',
      url: `/api/comment-threads/${thread.id}`,
      payload: { resolved: true },
    });
    const late = await map.owner.inject({
      method: 'POST',
      url: `/api/comment-threads/${thread.id}/comments`,
      payload: { body: 'One more thing: it is 5 days in December.' },
    });
    expect(late.json<TCommentThread>()).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('keeps threads on cards the board no longer has: the anchor is only an id', async () => {
    const map = await createMapFixture(app());
    await startThread(map.owner, map.id, { anchor: { kind: 'card', id: 'deleted-card' } });
    await startThread(map.owner, map.id, { anchor: { kind: 'stage', id: 'stage-x' } });
    await startThread(map.owner, map.id, { anchor: { kind: 'map' } });
    const list = await map.owner.inject({ url: `/api/maps/${map.id}/comments` });
    expect(
      list
        .json<{ threads: TCommentThread[] }>()
        .threads.map((t) => t.anchor)
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: 'card', id: 'deleted-card' },
      { kind: 'map' },
      { kind: 'stage', id: 'stage-x' },
    ]);
  });

  it('rejects empty, over-long and HTML-free-for-all bodies with clear messages, stores text verbatim', async () => {
    const map = await createMapFixture(app());
    const empty = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      payload: { anchor: { kind: 'map' }, body: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'body', message: 'Write something before sending.' }],
      },
    });
    const long = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      payload: { anchor: { kind: 'map' }, body: 'x'.repeat(4001) },
    });
    expect(long.json()).toMatchObject({
      error: { issues: [{ message: 'Keep a comment to 4000 characters or fewer.' }] },
    });
    const badAnchor = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      payload: { anchor: { kind: 'lane', id: 'x' }, body: 'hi' },
    });
    expect(badAnchor.statusCode).toBe(400);
    // HTML is just text: the server stores it as typed; clients render text nodes.
    const html = await startThread(map.owner, map.id, { body: '<img src=x onerror=alert(1)>' });
    expect(html.comments[0]?.body).toBe('<img src=x onerror=alert(1)>');
  });

  it('lets only the author edit, and the author or an owner delete; the last comment takes the thread', async () => {
    const map = await createMapFixture(app());
    const editor = await addMemberFixture(app(), team(map), 'editor');
    const commenter = await addMemberFixture(app(), team(map), 'commenter');
    const thread = await startThread(commenter, map.id);
    const reply = (
      await editor.inject({
        method: 'POST',
        url: `/api/comment-threads/${thread.id}/comments`,
        payload: { body: 'A reply' },
      })
    ).json<TCommentThread>().comments[1];
    const rootId = thread.comments[0]?.id;

    const notYours = await editor.inject({
      method: 'PATCH',
      url: `/api/comments/${rootId}`,
      payload: { body: 'rewritten' },
    });
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json()).toMatchObject({ error: { code: 'NOT_COMMENT_AUTHOR' } });
    const ownerEdit = await map.owner.inject({
      method: 'PATCH',
      url: `/api/comments/${rootId}`,
      payload: { body: 'rewritten' },
    });
    expect(ownerEdit.statusCode).toBe(403);
    const editorDelete = await editor.inject({ method: 'DELETE', url: `/api/comments/${rootId}` });
    expect(editorDelete.statusCode).toBe(403);

    // The owner moderates: deleting the root keeps the thread (the reply is still there).
    expect(
      (await map.owner.inject({ method: 'DELETE', url: `/api/comments/${rootId}` })).statusCode,
    ).toBe(204);
    const list = await map.owner.inject({ url: `/api/maps/${map.id}/comments` });
    expect(
      list.json<{ threads: TCommentThread[] }>().threads[0]?.comments.map((c) => c.id),
    ).toEqual([reply?.id]);
    expect(
      (await editor.inject({ method: 'DELETE', url: `/api/comments/${reply?.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await map.owner.inject({ url: `/api/maps/${map.id}/comments` })).json<{
        threads: unknown[];
      }>().threads,
    ).toEqual([]);
    expect(
      (await editor.inject({ method: 'DELETE', url: `/api/comments/${reply?.id}` })).json(),
    ).toMatchObject({ error: { code: 'COMMENT_NOT_FOUND' } });
  });

  it('answers threads and comments on maps you cannot see as not found', async () => {
    const map = await createMapFixture(app());
    const thread = await startThread(map.owner, map.id);
    const stranger = await createMapFixture(app());
    const viaThread = await stranger.owner.inject({
      method: 'POST',
      url: `/api/comment-threads/${thread.id}/comments`,
      payload: { body: 'hello' },
    });
    expect(viaThread.json()).toMatchObject({ error: { code: 'THREAD_NOT_FOUND' } });
    const missing = await stranger.owner.inject({
      method: 'POST',
      url: `/api/comment-threads/${randomUUID()}/comments`,
      payload: { body: 'hello' },
    });
    expect(missing.json()).toEqual(viaThread.json());
    const viaComment = await stranger.owner.inject({
      method: 'DELETE',
      url: `/api/comments/${thread.comments[0]?.id}`,
    });
    expect(viaComment.json()).toMatchObject({ error: { code: 'COMMENT_NOT_FOUND' } });
  });
});

describe('share links and comments', () => {
  it('shows comments to a share link only when the owner allowed it, and never lets it write', async () => {
    const map = await createMapFixture(app());
    await startThread(map.owner, map.id);
    const create = (allowComments: boolean) =>
      map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/share-links`,
        payload: { allowComments },
      });
    const closed = (await create(false)).json<{ id: string; token: string }>();
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    const hidden = await app().inject({
      url: `/api/maps/${map.id}/comments`,
      headers: bearer(closed.token),
    });
    expect(hidden.statusCode).toBe(403);

    // The owner turns comments on for the existing link.
    const toggled = await map.owner.inject({
      method: 'PATCH',
      url: `/api/share-links/${closed.id}`,
      payload: { allowComments: true },
    });
    expect(toggled.statusCode).toBe(200);
    expect(toggled.json()).toMatchObject({ id: closed.id, allowComments: true });
    const shown = await app().inject({
      url: `/api/maps/${map.id}/comments`,
      headers: bearer(closed.token),
    });
    expect(shown.statusCode).toBe(200);
    expect(shown.json<{ threads: unknown[] }>().threads).toHaveLength(1);

    const write = await app().inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      headers: bearer(closed.token),
      payload: { anchor: { kind: 'map' }, body: 'anonymous' },
    });
    expect(write.statusCode).toBe(403);
  });
});

describe('mentions', () => {
  it('puts a mention in the member inbox, refuses non-members, and marks it read', async () => {
    const map = await createMapFixture(app());
    const editor = await addMemberFixture(app(), team(map), 'editor');
    const outsider = await createMapFixture(app());

    const refused = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      payload: {
        anchor: { kind: 'map' },
        body: '@Someone look',
        mentions: [outsider.owner.user.id],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'MENTION_NOT_MEMBER' } });

    const thread = await startThread(map.owner, map.id, {
      body: `@${editor.user.name} can you check this?`,
      mentions: [editor.user.id, editor.user.id],
    });
    expect(thread.comments[0]?.mentions).toEqual([{ id: editor.user.id, name: editor.user.name }]);

    const inbox = (await editor.inject({ url: '/api/me/mentions' })).json<TListMentionsResponse>();
    expect(inbox.unread).toBe(1);
    expect(inbox.mentions).toEqual([
      expect.objectContaining({
        commentId: thread.comments[0]?.id,
        threadId: thread.id,
        mapId: map.id,
        mapTitle: map.title,
        anchor: { kind: 'card', id: 'card-1' },
        authorName: map.owner.user.name,
        readAt: null,
      }),
    ]);
    expect((await map.owner.inject({ url: '/api/me/mentions' })).json()).toMatchObject({
      unread: 0,
    });

    const read = await editor.inject({ method: 'POST', url: '/api/me/mentions/read', payload: {} });
    expect(read.statusCode).toBe(204);
    expect((await editor.inject({ url: '/api/me/mentions' })).json()).toMatchObject({ unread: 0 });

    // Someone who leaves the workspace no longer sees what was said there.
    await map.owner.inject({
      method: 'DELETE',
      url: `/api/workspaces/${map.workspaceId}/members/${editor.user.id}`,
    });
    expect(
      (await editor.inject({ url: '/api/me/mentions' })).json<TListMentionsResponse>().mentions,
    ).toEqual([]);
  });
});

describe('mentions typed as text', () => {
  it('mentions a member whose "@Full Name" is typed, longest name first, never someone outside the workspace', async () => {
    const map = await createMapFixture(app());
    const suffix = randomUUID().slice(0, 6);
    const fran = await addMemberFixture(app(), team(map), 'commenter', { name: `Fran ${suffix}` });
    const franF = await addMemberFixture(app(), team(map), 'editor', {
      name: `Fran ${suffix} Facilitator`,
    });
    // Same name as a member, but of another workspace: it may not see the map.
    const outsider = await createUserFixture(app(), { name: franF.user.name });

    const thread = await startThread(map.owner, map.id, {
      body: `@${franF.user.name.toLowerCase()} could you run this? cc @${fran.user.name}.`,
    });
    expect(thread.comments[0]?.mentions).toEqual(
      expect.arrayContaining([
        { id: franF.user.id, name: franF.user.name },
        { id: fran.user.id, name: fran.user.name },
      ]),
    );
    expect(thread.comments[0]?.mentions).toHaveLength(2);

    // A reply and an edit resolve typed names too; an edit that drops the name drops the mention.
    const reply = await map.owner.inject({
      method: 'POST',
      url: `/api/comment-threads/${thread.id}/comments`,
      payload: { body: `@${fran.user.name} and nobody else` },
    });
    const replyComment = reply.json<TCommentThread>().comments[1];
    expect(replyComment?.mentions).toEqual([{ id: fran.user.id, name: fran.user.name }]);
    const edited = await map.owner.inject({
      method: 'PATCH',
      url: `/api/comments/${replyComment?.id}`,
      payload: { body: `@${franF.user.name} instead` },
    });
    expect(edited.json<TCommentThread>().comments[1]?.mentions).toEqual([
      { id: franF.user.id, name: franF.user.name },
    ]);

    const inbox = (await franF.inject({ url: '/api/me/mentions' })).json<TListMentionsResponse>();
    expect(inbox.unread).toBe(2);
    expect(
      (await outsider.inject({ url: '/api/me/mentions' })).json<TListMentionsResponse>().mentions,
    ).toEqual([]);
  });
});

describe('live comment events', () => {
  it('streams new threads, replies, edits, resolves and deletes to everyone on the map', async () => {
    const map = await createMapFixture(app());
    const viewer = await addMemberFixture(app(), team(map), 'viewer');
    const stream = await openMapEventStream(app(), map.id, { cookie: viewer.cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await stream.next((event) => event.type === 'ready');

      const thread = await startThread(map.owner, map.id);
      const created = await stream.next((e) => e.type === 'thread' && e.thread.id === thread.id);
      expect(created).toMatchObject({
        thread: { comments: [{ body: 'Why is this a pain point?' }] },
      });

      await map.owner.inject({
        method: 'POST',
        url: `/api/comment-threads/${thread.id}/comments`,
        payload: { body: 'Reply' },
      });
      await stream.next((e) => e.type === 'thread' && e.thread.comments.length === 2);

      await map.owner.inject({
        method: 'PATCH',
        url: `/api/comments/${thread.comments[0]?.id}`,
        payload: { body: 'Edited' },
      });
      await stream.next((e) => e.type === 'thread' && e.thread.comments[0]?.body === 'Edited');

      await map.owner.inject({
        method: 'PATCH',
        url: `/api/comment-threads/${thread.id}`,
        payload: { resolved: true },
      });
      await stream.next((e) => e.type === 'thread' && e.thread.resolved);

      const all = (await map.owner.inject({ url: `/api/maps/${map.id}/comments` })).json<{
        threads: TCommentThread[];
      }>().threads[0];
      for (const comment of all?.comments ?? []) {
        await map.owner.inject({ method: 'DELETE', url: `/api/comments/${comment.id}` });
      }
      await stream.next((e) => e.type === 'thread-deleted' && e.threadId === thread.id);
    } finally {
      stream.close();
    }
  });

  it('authorises the stream like the map (401, 404), and writes comments only to who may read them', async () => {
    const map = await createMapFixture(app());
    const anonymous = await app().inject({ url: `/api/maps/${map.id}/events` });
    expect(anonymous.statusCode).toBe(401);
    const other = await createMapFixture(app());
    const outsider = await other.owner.inject({ url: `/api/maps/${map.id}/events` });
    expect(outsider.statusCode).toBe(404);

    // A share link without comments may watch the map (its timer, its results)
    // but never receives a comment, not even on the wire.
    const shareLink = async (allowComments: boolean) =>
      (
        await map.owner.inject({
          method: 'POST',
          url: `/api/maps/${map.id}/share-links`,
          payload: { allowComments },
        })
      ).json<{ token: string }>().token;
    const without = await openMapEventStream(app(), map.id, {
      authorization: `Bearer ${await shareLink(false)}`,
    });
    const withComments = await openMapEventStream(app(), map.id, {
      authorization: `Bearer ${await shareLink(true)}`,
    });
    try {
      expect(without.status).toBe(200);
      await without.next((event) => event.type === 'ready');
      await withComments.next((event) => event.type === 'ready');
      await startThread(map.owner, map.id, { body: 'Only for comment readers' });
      await withComments.next((e) => e.type === 'thread');
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Nothing after `ready` (which carries only the workshop state).
      expect(without.received.map((event) => event.type)).toEqual([]);
      expect(without.rawPayloads).toHaveLength(1);
    } finally {
      without.close();
      withComments.close();
    }
  });

  it('does not leak events of one map to another map’s stream', async () => {
    const map = await createMapFixture(app());
    const other = await createMapFixture(app(), {}, { as: map.owner });
    const stream = await openMapEventStream(app(), other.id, { cookie: map.owner.cookie });
    try {
      await stream.next((event) => event.type === 'ready');
      await startThread(map.owner, map.id);
      await expect(stream.next((e) => e.type === 'thread', 300)).rejects.toThrow(
        /no matching event/,
      );
    } finally {
      stream.close();
    }
  });
});
