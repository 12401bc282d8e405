// Password-protected read-only links: the owner sets, changes and removes the
// password; a holder sees nothing of the map until this device has typed it;
// wrong tries are limited per link and client. The route-by-route refusal of
// a locked link is the authorisation matrix's `locked-share-link` column.
import { describe, expect, it } from 'vitest';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { openMapEventStream, openReadyMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

interface CreatedLink {
  id: string;
  token: string;
  hasPassword: boolean;
}

async function protectedLink(map: MapFixture, password = 'river stone 42'): Promise<CreatedLink> {
  const created = await map.owner.inject({
    method: 'POST',
    url: `/api/maps/${map.id}/share-links`,
    payload: { password },
  });
  expect(created.statusCode).toBe(201);
  return created.json<CreatedLink>();
}

const open = (token: string, cookie?: string) =>
  app().inject({
    method: 'POST',
    url: '/api/share-links/open',
    payload: { token },
    ...(cookie ? { headers: { cookie } } : {}),
  });

const unlock = (token: string, password: string, client = '203.0.113.7') =>
  app().inject({
    method: 'POST',
    url: '/api/share-links/unlock',
    payload: { token, password },
    remoteAddress: client,
  });

/** `name=value` of the unlock cookie the response set. */
function unlockCookieOf(response: Awaited<ReturnType<typeof unlock>>): string {
  const cookie = response.cookies.find((c) => c.name.startsWith('jb_unlock_'));
  if (!cookie) throw new Error(`no unlock cookie: ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

const setPassword = (map: MapFixture, linkId: string, password: string | null) =>
  map.owner.inject({
    method: 'PATCH',
    url: `/api/share-links/${linkId}`,
    payload: { password },
  });

describe('password-protected share links', () => {
  it('shows nothing of the map until the right password; a wrong one says so; the device stays unlocked', async () => {
    const map = await createMapFixture(app(), { title: 'Board-only secret roadmap' });
    const link = await protectedLink(map);
    expect(link.hasPassword).toBe(true);
    const row = await app().prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    const listed = await map.owner.inject({ url: `/api/maps/${map.id}/share-links` });
    expect(listed.json<{ links: CreatedLink[] }>().links).toMatchObject([
      { id: link.id, hasPassword: true },
    ]);
    expect(listed.body).not.toContain('river stone');
    expect(listed.body).not.toContain('scrypt');

    const locked = await open(link.token);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('SHARE_LINK_PASSWORD_REQUIRED');
    expect(locked.body).not.toContain('secret roadmap');

    const wrong = await unlock(link.token, 'river stone 43');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({
      code: 'SHARE_LINK_PASSWORD_WRONG',
      message:
        'That password is not right. Check it with whoever shared the link (capitals and spaces count); 4 tries left before a 15-minute pause.',
    });
    expect(wrong.body).not.toContain('secret roadmap');
    expect(wrong.cookies).toEqual([]);

    const right = await unlock(link.token, 'river stone 42');
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ map: { id: map.id, title: map.title } });
    const set = right.cookies.find((c) => c.name === `jb_unlock_${link.id}`);
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // A month on this device, then the password again.
    const days = (set!.expires!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    // Reloading the page: the cookie opens it, no password.
    const cookie = unlockCookieOf(right);
    expect((await open(link.token, cookie)).statusCode).toBe(200);
    // Another link's unlock does not open this one.
    const other = await protectedLink(map);
    expect((await open(other.token, cookie)).json().error.code).toBe(
      'SHARE_LINK_PASSWORD_REQUIRED',
    );
  });

  it('refuses the map, its personas and its event stream to the token alone, and serves them unlocked', async () => {
    const map = await createMapFixture(app());
    const link = await protectedLink(map);
    const bearer = { authorization: `Bearer ${link.token}` };
    const cookie = unlockCookieOf(await unlock(link.token, 'river stone 42'));
    const urls = [
      `/api/maps/${map.id}`,
      `/api/maps/${map.id}/personas`,
      `/api/maps/${map.id}/export`,
    ];
    for (const url of urls) {
      const refused = await app().inject({ url, headers: bearer });
      expect(refused.statusCode, url).toBe(401);
      expect(refused.json().error.code).toBe('SHARE_LINK_PASSWORD_REQUIRED');
      const served = await app().inject({ url, headers: { ...bearer, cookie } });
      expect(served.statusCode, url).toBe(200);
    }
    const stream = await openMapEventStream(app(), map.id, bearer);
    expect(stream.status).toBe(401);
    stream.close();
    (await openReadyMapEventStream(app(), map.id, { ...bearer, cookie })).close();
  });

  it('changing the password ends every unlock and ends the open event stream; removing it opens the link to all', async () => {
    const map = await createMapFixture(app());
    const link = await protectedLink(map);
    const bearer = { authorization: `Bearer ${link.token}` };
    const before = unlockCookieOf(await unlock(link.token, 'river stone 42'));
    const stream = await openReadyMapEventStream(app(), map.id, { ...bearer, cookie: before });

    const changed = await setPassword(map, link.id, 'harbour light 7');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: link.id, hasPassword: true });
    await stream.ended;
    expect((await open(link.token, before)).json().error.code).toBe('SHARE_LINK_PASSWORD_REQUIRED');
    const mapRead = await app().inject({
      url: `/api/maps/${map.id}`,
      headers: { ...bearer, cookie: before },
    });
    expect(mapRead.statusCode).toBe(401);
    expect((await unlock(link.token, 'river stone 42')).statusCode).toBe(401);
    const after = unlockCookieOf(await unlock(link.token, 'harbour light 7'));
    expect((await open(link.token, after)).statusCode).toBe(200);

    const removed = await setPassword(map, link.id, null);
    expect(removed.json()).toMatchObject({ hasPassword: false });
    expect((await open(link.token)).statusCode).toBe(200);
    expect((await app().inject({ url: `/api/maps/${map.id}`, headers: bearer })).statusCode).toBe(
      200,
    );
    // A password set again later is not opened by an unlock from before.
    await setPassword(map, link.id, 'harbour light 7');
    expect((await open(link.token, after)).statusCode).toBe(401);
  });

  it('removing a password a link does not have changes nothing: its open views go on', async () => {
    const map = await createMapFixture(app());
    const created = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: {},
    });
    const link = created.json<CreatedLink>();
    const stream = await openReadyMapEventStream(app(), map.id, {
      authorization: `Bearer ${link.token}`,
    });
    const removed = await setPassword(map, link.id, null);
    expect(removed.json()).toMatchObject({ hasPassword: false });
    // The leader's stream still hears the room: the next timer reaches it.
    await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/timer`,
      payload: { durationSeconds: 60 },
    });
    const heard = await Promise.race([
      stream.next((event) => event.type === 'timer', 5000).then(() => 'timer'),
      stream.ended.then(() => 'ended'),
    ]);
    expect(heard).toBe('timer');
  });

  it('limits wrong passwords per link and client, with a 429 that says when to try again', async () => {
    const map = await createMapFixture(app());
    const link = await protectedLink(map);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await unlock(link.token, `guess ${attempt}`)).statusCode).toBe(401);
    }
    // Even the right password waits: that is what stops guessing.
    const limited = await unlock(link.token, 'river stone 42');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('SHARE_LINK_UNLOCK_LIMITED');
    expect(limited.json().error.message).toMatch(
      /^Too many wrong passwords for this link\. Try again in 15 minutes \(at \d\d:\d\d UTC\), and check the password with whoever shared the link\.$/,
    );
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Another client, and this client on another link, are not held up.
    expect((await unlock(link.token, 'river stone 42', '198.51.100.9')).statusCode).toBe(200);
    const other = await protectedLink(map);
    expect((await unlock(other.token, 'river stone 42')).statusCode).toBe(200);
  });

  it('counts guesses sent all at once: five are checked, the rest wait', async () => {
    const map = await createMapFixture(app());
    const link = await protectedLink(map);
    // Hashing a guess takes tens of milliseconds: counted before it is checked,
    // twenty guesses at once would all pass a count taken before any was filed.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, guess) => unlock(link.token, `guess ${guess}`)),
    );
    const statuses = answers.map((answer) => answer.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    expect((await unlock(link.token, 'river stone 42')).statusCode).toBe(429);
  });

  it('lets only those who manage links set a password, with a message for one too short', async () => {
    const map = await createMapFixture(app());
    const short = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: { password: 'abc' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues).toEqual([
      { path: 'password', message: "Use at least 6 characters for the link's password." },
    ]);
    const link = await protectedLink(map);
    // The link itself, unlocked, may not change its own password.
    const cookie = unlockCookieOf(await unlock(link.token, 'river stone 42'));
    const byHolder = await app().inject({
      method: 'PATCH',
      url: `/api/share-links/${link.id}`,
      headers: { authorization: `Bearer ${link.token}`, cookie },
      payload: { password: null },
    });
    expect(byHolder.statusCode).toBe(403);
  });

  it('ends unlocks when the link is revoked', async () => {
    const map = await createMapFixture(app());
    const link = await protectedLink(map);
    const cookie = unlockCookieOf(await unlock(link.token, 'river stone 42'));
    await map.owner.inject({ method: 'DELETE', url: `/api/share-links/${link.id}` });
    expect((await open(link.token, cookie)).json().error.code).toBe('LINK_NOT_FOUND');
  });
});
