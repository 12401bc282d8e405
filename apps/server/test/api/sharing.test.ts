import { mapCapabilities } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { cookieFrom } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

describe('read-only share links', () => {
  it('creates a ≥128-bit token stored only as a hash, lists, opens and revokes it', async () => {
    const map = await createMapFixture(app());
    const created = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: {},
    });
    expect(created.statusCode).toBe(201);
    const link = created.json<{ id: string; token: string; url: string }>();
    expect(link).toMatchObject({ mapId: map.id, allowComments: false, expiresAt: null });
    expect(link.url).toMatch(new RegExp(`/s/${link.token}$`));
    const secret = link.token.replace(/^jbsh_/, '');
    expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const row = await app().prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).not.toContain(secret);

    const list = await map.owner.inject({ url: `/api/maps/${map.id}/share-links` });
    expect(list.json<{ links: { id: string }[] }>().links.map((l) => l.id)).toEqual([link.id]);
    expect(JSON.stringify(list.json())).not.toContain(link.token);

    const opened = await app().inject({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: link.token },
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      map: { id: map.id, capabilities: mapCapabilities(['share-link']) },
    });

    // The token also reads the map over REST — and changes nothing.
    const bearer = { authorization: `Bearer ${link.token}` };
    expect((await app().inject({ url: `/api/maps/${map.id}`, headers: bearer })).statusCode).toBe(
      200,
    );
    const rename = await app().inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      headers: bearer,
      payload: { title: 'Hijacked' },
    });
    expect(rename.statusCode).toBe(403);
    // Says what the link is and what to do, not just "no permission".
    expect(rename.json().error).toEqual({
      code: 'FORBIDDEN',
      message:
        'A read-only link shows this map but cannot change it. To edit or comment, ask the map’s owner to invite you to its workspace.',
    });

    const revoked = await map.owner.inject({
      method: 'DELETE',
      url: `/api/share-links/${link.id}`,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await app().inject({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: link.token },
    });
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('LINK_NOT_FOUND');
    expect(
      (await map.owner.inject({ url: `/api/maps/${map.id}/share-links` })).json().links,
    ).toEqual([]);
  });

  it('names the map’s owner and next review to a link holder and a workshop guest, as to the team', async () => {
    const map = await createMapFixture(app());
    const lifecycle = await map.owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}/lifecycle`,
      payload: { status: 'current', ownerId: map.owner.user.id, nextReviewOn: '2027-01-15' },
    });
    expect(lifecycle.statusCode).toBe(200);
    const seenByTeam = {
      status: 'current',
      owner: { id: map.owner.user.id, name: map.owner.user.name },
      nextReviewOn: '2027-01-15',
    };
    const link = async (kind: 'share-links' | 'workshop-links') =>
      (
        await map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/${kind}`, payload: {} })
      ).json<{ token: string }>().token;

    const opened = await app().inject({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: await link('share-links') },
    });
    expect(opened.json().map.lifecycle).toMatchObject(seenByTeam);
    const joined = await app().inject({
      method: 'POST',
      url: '/api/workshop-links/join',
      payload: { token: await link('workshop-links'), name: 'Guest' },
    });
    expect(joined.json().map.lifecycle).toMatchObject(seenByTeam);
  });

  it('numbers each kind of link per map as it is made, and a link keeps its number when others are revoked', async () => {
    const map = await createMapFixture(app());
    const other = await createMapFixture(app());
    const make = async (owner: typeof map, kind: 'share-links' | 'workshop-links') => {
      const created = await owner.owner.inject({
        method: 'POST',
        url: `/api/maps/${owner.id}/${kind}`,
        payload: {},
      });
      return created.json<{ id: string; number: number }>();
    };
    const first = await make(map, 'share-links');
    const second = await make(map, 'share-links');
    expect([first.number, second.number]).toEqual([1, 2]);
    // Numbers are per map and per kind.
    expect((await make(other, 'share-links')).number).toBe(1);
    expect((await make(map, 'workshop-links')).number).toBe(1);
    // Two made at the same moment get two numbers.
    const together = await Promise.all([make(map, 'share-links'), make(map, 'share-links')]);
    expect(together.map((link) => link.number).sort((a, b) => a - b)).toEqual([3, 4]);

    await map.owner.inject({ method: 'DELETE', url: `/api/share-links/${first.id}` });
    const third = await make(map, 'share-links');
    expect(third.number).toBe(5);
    const list = await map.owner.inject({ url: `/api/maps/${map.id}/share-links` });
    expect(
      list
        .json<{ links: { number: number }[] }>()
        .links.map((link) => link.number)
        .sort((a, b) => a - b),
    ).toEqual([2, 3, 4, 5]);
  });

  it('opens on the board unless the owner picks the briefing, per link', async () => {
    const map = await createMapFixture(app());
    const create = (payload: object) =>
      map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/share-links`, payload });
    const open = async (token: string) =>
      (
        await app().inject({ method: 'POST', url: '/api/share-links/open', payload: { token } })
      ).json<{ opensOn: string }>().opensOn;
    const board = (await create({})).json<{ id: string; token: string; opensOn: string }>();
    expect(board.opensOn).toBe('board');
    const briefing = (await create({ opensOn: 'briefing' })).json<{ token: string }>();
    expect(await open(briefing.token)).toBe('briefing');
    expect(await open(board.token)).toBe('board');

    const changed = await map.owner.inject({
      method: 'PATCH',
      url: `/api/share-links/${board.id}`,
      payload: { opensOn: 'briefing' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ opensOn: 'briefing', allowComments: false });
    expect(await open(board.token)).toBe('briefing');

    const bad = await map.owner.inject({
      method: 'PATCH',
      url: `/api/share-links/${board.id}`,
      payload: { opensOn: 'slides' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/opensOn must be 'board' or 'briefing'/);
    const empty = await map.owner.inject({
      method: 'PATCH',
      url: `/api/share-links/${board.id}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers an expired link with 410 LINK_EXPIRED and refuses a past expiry', async () => {
    const map = await createMapFixture(app());
    const past = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: { expiresAt: '2000-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toContain('future');

    const link = (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/share-links`,
        payload: { expiresAt: new Date(Date.now() + 60_000).toISOString(), allowComments: true },
      })
    ).json();
    expect(link.allowComments).toBe(true);
    await app().prisma.shareLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const expired = await app().inject({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: link.token },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('LINK_EXPIRED');
  });
});

describe('workshop links', () => {
  /** A new workshop link's token for the map, made by its owner. */
  const workshopTokenFor = async (map: MapFixture): Promise<string> =>
    (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/workshop-links`,
        payload: {},
      })
    ).json<{ token: string }>().token;

  it('lets a participant join with a name, edit that map only, until the link is revoked', async () => {
    const map = await createMapFixture(app());
    const other = await createMapFixture(app(), {}, { as: map.owner });
    const link = (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/workshop-links`,
        payload: {},
      })
    ).json();
    expect(link.url).toMatch(new RegExp(`/join/${link.token}$`));
    const preview = () =>
      app().inject({
        method: 'POST',
        url: '/api/workshop-links/preview',
        payload: { token: link.token },
      });
    // The join page names the map before anyone joins, and signs nobody in.
    const before = await preview();
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ mapTitle: map.title, expiresAt: null, joinedAs: null });
    expect(before.headers['set-cookie']).toBeUndefined();

    const joined = await app().inject({
      method: 'POST',
      url: '/api/workshop-links/join',
      payload: { token: link.token, name: '  Sam  ' },
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({
      map: { id: map.id, capabilities: mapCapabilities(['workshop-guest']) },
      guest: { name: 'Sam' },
    });
    const guest = { cookie: cookieFrom(joined) };
    expect((await app().inject({ url: '/api/me', headers: guest })).json()).toMatchObject({
      kind: 'guest',
      guest: { name: 'Sam', mapId: map.id },
    });
    const rename = await app().inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      headers: guest,
      payload: { title: 'Workshop output' },
    });
    expect(rename.statusCode).toBe(200);
    expect((await app().inject({ url: `/api/maps/${other.id}`, headers: guest })).statusCode).toBe(
      404,
    );
    expect((await app().inject({ url: '/api/maps', headers: guest })).statusCode).toBe(401);

    await map.owner.inject({ method: 'DELETE', url: `/api/workshop-links/${link.id}` });
    expect((await app().inject({ url: `/api/maps/${map.id}`, headers: guest })).statusCode).toBe(
      401,
    );
    // A guest reloading after that is told why, not asked for an account they never had.
    const ended = await app().inject({ url: '/api/me', headers: guest });
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error).toMatchObject({
      code: 'WORKSHOP_ACCESS_ENDED',
      message: expect.stringContaining('Ask the facilitator for a new one'),
    });
    expect((await app().inject({ url: '/api/me' })).json().error.code).toBe('UNAUTHENTICATED');
    const late = await app().inject({
      method: 'POST',
      url: '/api/workshop-links/join',
      payload: { token: link.token, name: 'Late' },
    });
    expect(late.json().error.code).toBe('LINK_NOT_FOUND');
    const revoked = await preview();
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.code).toBe('LINK_NOT_FOUND');
  });

  it('refuses a name another participant of the map goes by, in any case, with a way out', async () => {
    const map = await createMapFixture(app());
    const [first, second] = [await workshopTokenFor(map), await workshopTokenFor(map)];
    const join = (token: string, name: string) =>
      app().inject({ method: 'POST', url: '/api/workshop-links/join', payload: { token, name } });
    expect((await join(first, 'Ana')).statusCode).toBe(201);
    // The same map by another of its links, in other letters: still the same name.
    const again = await join(second, '  ana ');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({
      code: 'WORKSHOP_NAME_TAKEN',
      message:
        'Someone in this workshop already goes by that name. Add an initial or your team (“Ana B.”, “Ana – Sales”) so people can tell you apart.',
    });
    expect((await join(second, 'Ana B.')).statusCode).toBe(201);
    // Another map's Ana is someone else.
    const theirs = await workshopTokenFor(await createMapFixture(app()));
    expect((await join(theirs, 'Ana')).statusCode).toBe(201);
  });

  it('lets a device that opens the link again carry on under its name, or take another that frees it', async () => {
    const map = await createMapFixture(app());
    const token = await workshopTokenFor(map);
    const join = (name: string, cookie?: string) =>
      app().inject({
        method: 'POST',
        url: '/api/workshop-links/join',
        payload: { token, name },
        headers: cookie ? { cookie } : {},
      });
    const preview = (cookie: string) =>
      app().inject({
        method: 'POST',
        url: '/api/workshop-links/preview',
        payload: { token },
        headers: { cookie },
      });
    const first = await join('Ana');
    const ana = cookieFrom(first);
    const anaId = first.json<{ guest: { id: string } }>().guest.id;
    await app().inject({
      method: 'POST',
      url: `/api/maps/${map.id}/hands`,
      headers: { cookie: ana },
    });

    // The join page knows this device is in, and as whom.
    expect((await preview(ana)).json().joinedAs).toEqual({ name: 'Ana', mapId: map.id });
    expect((await preview(map.owner.cookie)).json().joinedAs).toBeNull();
    // Typing the same name again (any case) carries on: same session, no new cookie.
    const again = await join('  ana ', ana);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ map: { id: map.id }, guest: { id: anaId, name: 'Ana' } });
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await app().inject({ url: '/api/me', headers: { cookie: ana } })).statusCode).toBe(200);

    // Another name replaces the first on this device: its session ends, its hand comes down,
    // and the name is free for someone else.
    const renamed = await join('Ana B.', ana);
    expect(renamed.statusCode).toBe(201);
    const anaB = cookieFrom(renamed);
    expect((await app().inject({ url: '/api/me', headers: { cookie: ana } })).statusCode).toBe(401);
    expect(
      (await app().inject({ url: '/api/me', headers: { cookie: anaB } })).json().guest.name,
    ).toBe('Ana B.');
    const hands = await map.owner.inject({ url: `/api/maps/${map.id}/hands` });
    expect(hands.json().hands).toEqual([]);
    expect((await join('Ana')).statusCode).toBe(201);
    // A name someone else holds is still refused to a device already in.
    expect((await join('Ana', anaB)).statusCode).toBe(409);
    expect((await app().inject({ url: '/api/me', headers: { cookie: anaB } })).statusCode).toBe(
      200,
    );
  });

  it('tells the join page that a link has ended', async () => {
    const map = await createMapFixture(app());
    const link = (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/workshop-links`,
        payload: { expiresAt: new Date(Date.now() + 60_000).toISOString() },
      })
    ).json();
    await app().prisma.workshopLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const ended = await app().inject({
      method: 'POST',
      url: '/api/workshop-links/preview',
      payload: { token: link.token },
    });
    expect(ended.statusCode).toBe(410);
    expect(ended.json().error.code).toBe('LINK_EXPIRED');
  });
});
