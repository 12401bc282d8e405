import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { signedInAs } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

type Results = {
  results: { map: { id: string; title: string }; workspaceName: string; snippet: string }[];
};

describe('map search', () => {
  it('finds maps by title, description and card text, only in workspaces the caller belongs to', async () => {
    const ada = await signedInAs(app(), 'owner');
    const bob = await signedInAs(app(), 'owner');
    const word = `zeppelin${Date.now().toString(36)}`;
    const adas = await createMapFixture(
      app(),
      { title: `Airship ${word} journey`, template: 'saas-onboarding' },
      { as: ada },
    );
    // The template's cards are indexed at creation: a card's text finds the map.
    const byCard = await createMapFixture(app(), { template: 'ecommerce-purchase' }, { as: ada });
    const bobs = await createMapFixture(
      app(),
      { title: `Bob's ${word}`, description: 'secret' },
      { as: bob },
    );

    const search = async (who: typeof ada, q: string) => {
      const response = await who.inject({ url: `/api/search/maps?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      return response.json<Results>().results;
    };
    const adaHits = await search(ada, word);
    expect(adaHits.map((hit) => hit.map.id)).toEqual([adas.id]);
    expect(adaHits[0]!.snippet).toContain(`«${word}»`);
    expect((await search(bob, word)).map((hit) => hit.map.id)).toEqual([bobs.id]);

    // Card text, by a prefix of its last word, and several words all needed.
    const cardHits = (await search(ada, 'forced account creat')).map((hit) => hit.map.id);
    expect(cardHits).toContain(byCard.id);
    expect(cardHits).not.toContain(adas.id);
    expect(await search(ada, `${word} nosuchwordanywhere`)).toEqual([]);
    // Operators are not syntax: the words are searched as words.
    expect(await search(ada, "!&|:*()'")).toEqual([]);
  });

  it('follows the board: an edited card is found after the compaction that stores it', async () => {
    const ada = await signedInAs(app(), 'owner');
    const map = await createMapFixture(app(), { template: 'blank' }, { as: ada });
    const word = `quokka${Date.now().toString(36)}`;
    const { applyUpdate, Doc, encodeStateAsUpdate } = await import('yjs');
    const { addCard, readBoardState } = await import('@journeyboard/shared/board');
    const snapshot = await app().prisma.boardSnapshot.findUniqueOrThrow({
      where: { mapId: map.id },
    });
    const doc = new Doc();
    applyUpdate(doc, snapshot.state);
    const board = readBoardState(snapshot.state);
    addCard(doc, {
      stageId: board.stages[0]!.id,
      laneId: board.lanes[0]!.id,
      text: `A ${word} card`,
    });
    const update = encodeStateAsUpdate(doc, encodeStateAsUpdate(new Doc()));
    const { appendUpdates, compactBoard } = await import('../../src/sync/persistence.ts');
    const { stamp } = await import('../../src/sync/attribution.ts');
    const { SYSTEM_AUTHOR } = await import('@journeyboard/shared');
    await appendUpdates(app().prisma, map.id, [stamp(update, SYSTEM_AUTHOR)]);
    const before = await ada.inject({ url: `/api/search/maps?q=${word}` });
    expect(before.json<Results>().results).toEqual([]);
    await compactBoard(app().prisma, map.id);
    const after = await ada.inject({ url: `/api/search/maps?q=${word}` });
    expect(after.json<Results>().results.map((hit) => hit.map.id)).toEqual([map.id]);
    // The snippet is the matching card's text, not run on into its neighbours'.
    expect(after.json<Results>().results[0]!.snippet).toBe(`A «${word}» card`);
  });

  it('asks for something to search for', async () => {
    const ada = await signedInAs(app(), 'owner');
    const response = await ada.inject({ url: '/api/search/maps?q=' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Type something to search for/);
  });
});

describe('moving a map to another workspace', () => {
  it('needs an owner of both; keeps links and comments; copies the old workspace’s personas', async () => {
    const owner = await signedInAs(app(), 'owner');
    const map = await createMapFixture(app(), { template: 'saas-onboarding' }, { as: owner });
    const target = await signedInAs(app(), 'owner');
    // The map's owner is only an editor of the target workspace at first.
    await app().prisma.membership.create({
      data: { workspaceId: target.workspaceId, userId: owner.user.id, role: 'editor' },
    });

    const persona = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/personas`,
      payload: { name: 'Olga Operator' },
    });
    expect(persona.statusCode).toBe(201);
    const personaId = persona.json<{ id: string }>().id;
    await owner.inject({
      method: 'PUT',
      url: `/api/maps/${map.id}/personas`,
      payload: { personaIds: [personaId] },
    });
    const link = await owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: {},
    });
    const thread = await owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/comments`,
      payload: { anchor: { kind: 'map' }, body: 'Keep me', mentions: [] },
    });
    expect(thread.statusCode).toBe(201);

    const move = () =>
      owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/move`,
        payload: { workspaceId: target.workspaceId },
      });
    // Owner of the map, but only an editor of the target: refused, nothing moved.
    expect((await move()).statusCode).toBe(403);
    expect(
      (await app().prisma.journeyMap.findUniqueOrThrow({ where: { id: map.id } })).workspaceId,
    ).toBe(owner.workspaceId);
    // The target's owner may not pull a map they can't manage either.
    const pulled = await target.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/move`,
      payload: { workspaceId: target.workspaceId },
    });
    expect(pulled.statusCode).toBe(404);

    await app().prisma.membership.update({
      where: { workspaceId_userId: { workspaceId: target.workspaceId, userId: owner.user.id } },
      data: { role: 'owner' },
    });
    const moved = await move();
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      map: { id: map.id, workspaceId: target.workspaceId },
      personasCopied: 1,
    });

    // The link still opens it; the comment is still there; the persona is a copy in the new workspace.
    const opened = await app().inject({
      method: 'POST',
      url: '/api/share-links/open',
      payload: { token: link.json<{ token: string }>().token },
    });
    expect(opened.statusCode).toBe(200);
    const comments = await owner.inject({ url: `/api/maps/${map.id}/comments` });
    expect(JSON.stringify(comments.json())).toContain('Keep me');
    const linked = await owner.inject({ url: `/api/maps/${map.id}/personas` });
    const personas = linked.json<{
      personas: { id: string; name: string; workspaceId: string }[];
    }>().personas;
    expect(personas).toHaveLength(1);
    expect(personas[0]).toMatchObject({ name: 'Olga Operator', workspaceId: target.workspaceId });
    expect(personas[0]!.id).not.toBe(personaId);
    // The original stays in the old workspace.
    expect(await app().prisma.persona.count({ where: { id: personaId } })).toBe(1);
    // The target's owner sees it now.
    expect((await target.inject({ url: `/api/maps/${map.id}` })).statusCode).toBe(200);
  });
});
