// Presence colours are handed out per map, so the people on one map never
// wear the same colour (the complaint: two participants got near-identical
// avatars from a hash into eight colours).
import { randomUUID } from 'node:crypto';
import { ANONYMOUS_PRESENCE_COLOR, PRESENCE_COLORS } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { resolveActor } from '../../src/policy/actor.ts';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import { findMapAccess } from '../../src/policy/policy.ts';
import { assignPresenceColor } from '../../src/services/presence/assign-presence-color.ts';
import {
  boardAccess,
  boardMember,
  connectClient,
  createBoard,
  shareLinkFor,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

function colorOn(watcher: TestClient, of: TestClient): unknown {
  const state = watcher.provider.awareness.getStates().get(of.doc.clientID) as
    { user?: { color?: unknown } } | undefined;
  return state?.user?.color;
}

async function lastSeen(mapId: string, identityId: string): Promise<Date> {
  const slot = await db().prisma.presenceSlot.findUniqueOrThrow({
    where: { mapId_identityId: { mapId, identityId } },
  });
  return slot.lastSeenAt;
}

describe('presence colours', () => {
  it('gives fifty people on one map fifty different colours, and each keeps theirs', async () => {
    const mapId = await createBoard(db().prisma);
    const people = Array.from({ length: 50 }, (_, n) => `guest:person-${n}`);
    const colors: string[] = [];
    // One after another, like people arriving; in parallel below, like a room joining at once.
    for (const person of people.slice(0, 25)) {
      colors.push(await assignPresenceColor(db().prisma, mapId, person));
    }
    colors.push(
      ...(await Promise.all(
        people.slice(25).map((person) => assignPresenceColor(db().prisma, mapId, person)),
      )),
    );
    expect(new Set(colors).size).toBe(50);
    expect(colors.every((color) => (PRESENCE_COLORS as readonly string[]).includes(color))).toBe(
      true,
    );
    // The first people on a map get the palette's first (most different) colours.
    expect(colors.slice(0, 3)).toEqual(PRESENCE_COLORS.slice(0, 3));

    expect(await assignPresenceColor(db().prisma, mapId, people[7]!)).toBe(colors[7]);

    // Another map hands out its own colours from the start.
    const otherMap = await createBoard(db().prisma);
    expect(await assignPresenceColor(db().prisma, otherMap, people[7]!)).toBe(PRESENCE_COLORS[0]);
  });

  it('gives a 51st person the colour of whoever was seen longest ago', async () => {
    const mapId = await createBoard(db().prisma);
    const people = Array.from({ length: 50 }, () => `guest:${randomUUID()}`);
    const colors = new Map<string, string>();
    for (const person of people) {
      colors.set(person, await assignPresenceColor(db().prisma, mapId, person));
    }
    // Everyone but the first comes back later; the first has been away longest.
    await db().prisma.presenceSlot.updateMany({
      where: { mapId, identityId: people[0]! },
      data: { lastSeenAt: new Date(Date.now() - 86_400_000) },
    });
    const newcomer = await assignPresenceColor(db().prisma, mapId, `guest:${randomUUID()}`);
    expect(newcomer).toBe(colors.get(people[0]!));
    const slots = await db().prisma.presenceSlot.count({ where: { mapId } });
    expect(slots).toBe(50);
  });

  it('notes when a person was last seen to ten minutes, so a room rejoining only reads', async () => {
    const mapId = await createBoard(db().prisma);
    const person = `guest:${randomUUID()}`;
    const color = await assignPresenceColor(db().prisma, mapId, person);
    const seenAt = async (minutesAgo: number) => {
      await db().prisma.presenceSlot.updateMany({
        where: { mapId, identityId: person },
        data: { lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
      const before = await lastSeen(mapId, person);
      expect(await assignPresenceColor(db().prisma, mapId, person)).toBe(color);
      return { before, after: await lastSeen(mapId, person) };
    };
    const recent = await seenAt(5);
    expect(recent.after).toEqual(recent.before);
    const stale = await seenAt(11);
    expect(stale.after.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('reads the slot a person holds with the map, so a joining socket asks once', async () => {
    const { prisma } = db();
    const mapId = await createBoard(prisma);
    const { editor } = boardAccess(mapId);
    await assignPresenceColor(prisma, mapId, `guest:${randomUUID()}`);
    const color = await assignPresenceColor(prisma, mapId, editor.userId);
    const actor = await resolveActor(prisma, { sessionToken: editor.token });

    const access = await findMapAccess(prisma, actor, mapId, { presenceOf: editor.userId });
    expect(access?.presenceSlot).toEqual({ slot: 1, lastSeenMs: expect.any(Number) as number });
    expect(color).toBe(PRESENCE_COLORS[1]);
    const newcomer = await findMapAccess(prisma, actor, mapId, { presenceOf: 'guest:new' });
    expect(newcomer?.presenceSlot).toBeNull();
    // Routes don't ask, and get no slot.
    expect(await findMapAccess(prisma, actor, mapId)).not.toHaveProperty('presenceSlot');

    // A slot read that way is not read again: this identity holds no row.
    const held = { slot: 5, lastSeenMs: Date.now() };
    expect(await assignPresenceColor(prisma, mapId, 'guest:held', held)).toBe(PRESENCE_COLORS[5]);
    expect(await prisma.presenceSlot.count({ where: { mapId, identityId: 'guest:held' } })).toBe(0);
  });

  it('stamps each person’s colour into their presence; link viewers are neutral', async () => {
    const mapId = await createBoard(db().prisma);
    const [ana, ben] = await Promise.all([
      boardMember(db().prisma, mapId, 'editor', 'Ana'),
      boardMember(db().prisma, mapId, 'editor', 'Ben'),
    ]);
    const { token } = await shareLinkFor(db().prisma, mapId);
    const anaClient = connectClient(server().syncUrl, mapId, { as: { cookie: ana.cookie } });
    const benClient = connectClient(server().syncUrl, mapId, { as: { cookie: ben.cookie } });
    const viewer = connectClient(server().syncUrl, mapId, {
      as: { protocols: [SYNC_SUBPROTOCOL, token] },
    });
    for (const client of [anaClient, benClient, viewer]) {
      client.provider.awareness.setLocalStateField('cursor', null);
    }
    await Promise.all([synced(anaClient), synced(benClient), synced(viewer)]);
    await waitFor(
      () =>
        colorOn(anaClient, benClient) !== undefined &&
        colorOn(anaClient, viewer) !== undefined &&
        colorOn(benClient, anaClient) !== undefined,
      { what: "Ben's and the viewer's presence on Ana, and Ana's on Ben" },
    );
    const anaColor = colorOn(benClient, anaClient);
    const benColor = colorOn(anaClient, benClient);
    expect(anaColor).not.toBe(benColor);
    expect([anaColor, benColor].sort()).toEqual(
      [
        await assignPresenceColor(db().prisma, mapId, ana.userId),
        await assignPresenceColor(db().prisma, mapId, ben.userId),
      ].sort(),
    );
    expect(colorOn(anaClient, viewer)).toBe(ANONYMOUS_PRESENCE_COLOR);
  });
});
