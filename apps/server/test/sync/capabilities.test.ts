// The capabilities message on the sync socket: every connection hears what it
// may do before any board content, a role change brings the new list on
// reconnect, and a stock y-websocket client that knows nothing of it works
// unchanged and logs nothing.
import {
  SYNC_AUTH_MESSAGE,
  mapCapabilities,
  readCapabilitiesMessage,
  type MapAction,
} from '@journeyboard/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import {
  boardAccess,
  boardMember,
  connectClient,
  createBoard,
  openRawSocket,
  shareLinkFor,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

afterEach(() => vi.restoreAllMocks());

/** Every capabilities message the client hears, newest last (the web app does the same). */
function hearCapabilities(client: TestClient): MapAction[][] {
  const heard: MapAction[][] = [];
  const stock = client.provider.messageHandlers[SYNC_AUTH_MESSAGE]!;
  client.provider.messageHandlers[SYNC_AUTH_MESSAGE] = (encoder, decoder, ...rest) => {
    const welcome = readCapabilitiesMessage(decoder);
    if (welcome) heard.push(welcome.capabilities);
    else stock(encoder, decoder, ...rest);
  };
  return heard;
}

describe('the capabilities message', () => {
  it('tells each kind of connection its own capabilities', async () => {
    const mapId = await createBoard(db().prisma);
    const viewer = await boardMember(db().prisma, mapId, 'viewer');
    const share = await shareLinkFor(db().prisma, mapId);
    const guest = await workshopGuestFor(db().prisma, mapId, 'Pat');
    const cases = [
      ['editor', connectClient(server().syncUrl, mapId)],
      [
        'owner',
        connectClient(server().syncUrl, mapId, { as: { cookie: boardAccess(mapId).owner.cookie } }),
      ],
      ['viewer', connectClient(server().syncUrl, mapId, { as: { cookie: viewer.cookie } })],
      [
        'share-link',
        connectClient(server().syncUrl, mapId, {
          as: { protocols: [SYNC_SUBPROTOCOL, share.token] },
        }),
      ],
      ['workshop-guest', connectClient(server().syncUrl, mapId, { as: { cookie: guest.cookie } })],
    ] as const;
    const heard = cases.map(([, client]) => hearCapabilities(client));
    await Promise.all(cases.map(([, client]) => synced(client)));
    cases.forEach(([kind], index) => expect(heard[index], kind).toEqual([mapCapabilities([kind])]));
  });

  it('comes first, before any board content', async () => {
    const mapId = await createBoard(db().prisma);
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    await waitFor(() => raw.messages.length > 0);
    const decoder = decoding.createDecoder(raw.messages[0]!);
    expect(decoding.readVarUint(decoder)).toBe(SYNC_AUTH_MESSAGE);
    expect(readCapabilitiesMessage(decoder)?.capabilities).toEqual(mapCapabilities(['editor']));
    raw.socket.close();
  });

  it('is ignored silently by a stock client that has no handler for it', async () => {
    const errors = vi.spyOn(console, 'error');
    const warnings = vi.spyOn(console, 'warn');
    const mapId = await createBoard(db().prisma);
    const plain = connectClient(server().syncUrl, mapId);
    await synced(plain);
    expect(plain.store.getSnapshot().stages.length).toBeGreaterThan(0);
    expect(plain.provider.wsconnected).toBe(true);
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it('unites the kinds of a member who also joined the workshop, and keeps the member when the link goes', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const member = await boardMember(db().prisma, mapId, 'commenter');
    const guest = await workshopGuestFor(db().prisma, mapId, 'Also a guest');
    const client = connectClient(server().syncUrl, mapId, {
      as: { cookie: `${member.cookie}; ${guest.cookie}` },
    });
    const heard = hearCapabilities(client);
    await synced(client);
    expect(heard).toEqual([mapCapabilities(['commenter', 'workshop-guest'])]);

    const revoked = await server().app.inject({
      method: 'DELETE',
      url: `/api/workshop-links/${guest.linkId}`,
      headers: { cookie: owner.cookie },
    });
    expect(revoked.statusCode).toBe(204);
    // Reconnected (not ended), re-authorised on the membership that remains.
    await waitFor(() => heard.length === 2, { what: 'the capabilities after the link went' });
    expect(heard[1]).toEqual(mapCapabilities(['commenter']));
    expect(client.closes.at(-1)).toEqual({ code: 4000, reason: 'access changed' });
  });

  it('brings the new capabilities when a role change reconnects the socket', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner, workspaceId } = boardAccess(mapId);
    const member = await boardMember(db().prisma, mapId, 'editor');
    const client = connectClient(server().syncUrl, mapId, { as: { cookie: member.cookie } });
    const heard = hearCapabilities(client);
    await synced(client);
    expect(heard).toEqual([mapCapabilities(['editor'])]);

    const demoted = await server().app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/members/${member.userId}`,
      headers: { cookie: owner.cookie },
      payload: { role: 'commenter' },
    });
    expect(demoted.statusCode).toBe(200);
    await waitFor(() => heard.length === 2, { what: 'the capabilities after reconnecting' });
    expect(heard[1]).toEqual(mapCapabilities(['commenter']));
    expect(client.closes.at(-1)).toEqual({ code: 4000, reason: 'access changed' });
  });
});
