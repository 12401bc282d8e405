// The sync socket of a password-protected read-only link: refused to the
// token alone, opened with the device's unlock cookie, and closed — saying
// why — when the owner changes the password or the device's unlock runs out.
import { describe, expect, it } from 'vitest';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import {
  boardAccess,
  closedWith,
  connectClient,
  createBoard,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

/** A password-protected link to a new board, made by its owner over REST. */
async function protectedLink(): Promise<{
  mapId: string;
  owner: { cookie: string };
  id: string;
  token: string;
}> {
  const mapId = await createBoard(db().prisma);
  const { owner } = boardAccess(mapId);
  const created = await server().app.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/share-links`,
    headers: { cookie: owner.cookie },
    payload: { password: 'river stone 42' },
  });
  return { mapId, owner, ...created.json<{ id: string; token: string }>() };
}

/** This device's unlock cookie (`name=value`) for the link, from typing its password. */
async function unlockCookie(token: string): Promise<string | undefined> {
  const unlocked = await server().app.inject({
    method: 'POST',
    url: '/api/share-links/unlock',
    payload: { token, password: 'river stone 42' },
  });
  return unlocked.cookies
    .map((c) => `${c.name}=${c.value}`)
    .find((c) => c.startsWith('jb_unlock_'));
}

describe('a password-protected share link on the sync socket', () => {
  it('is refused without the unlock, opens with it, and closes when the password changes', async () => {
    const { mapId, owner, id, token } = await protectedLink();
    const protocols = [SYNC_SUBPROTOCOL, token];

    const locked = connectClient(server().syncUrl, mapId, { as: { protocols } });
    expect(await closedWith(locked)).toEqual({ code: 4404, reason: 'map not found' });

    const cookie = await unlockCookie(token);
    const viewer = connectClient(server().syncUrl, mapId, { as: { protocols, cookie } });
    await synced(viewer);
    const closed = closedWith(viewer);

    const changed = await server().app.inject({
      method: 'PATCH',
      url: `/api/share-links/${id}`,
      headers: { cookie: owner.cookie },
      payload: { password: 'harbour light 7' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await closed).toEqual({ code: 4403, reason: 'share link password changed' });
    // The old unlock opens it no more.
    const again = connectClient(server().syncUrl, mapId, { as: { protocols, cookie } });
    expect(await closedWith(again)).toEqual({ code: 4404, reason: 'map not found' });
  });

  it('closes when the device’s unlock runs out, saying so', async () => {
    const { mapId, id, token } = await protectedLink();
    const cookie = await unlockCookie(token);
    // As if the password was typed 30 days ago, less a moment.
    await db().prisma.shareLinkUnlock.updateMany({
      where: { linkId: id },
      data: { expiresAt: new Date(Date.now() + 1_000) },
    });
    const viewer = connectClient(server().syncUrl, mapId, {
      as: { protocols: [SYNC_SUBPROTOCOL, token], cookie },
    });
    await synced(viewer);
    expect(await closedWith(viewer)).toEqual({ code: 4403, reason: 'share link unlock expired' });
  });
});
