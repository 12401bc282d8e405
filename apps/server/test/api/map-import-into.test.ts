// Importing a map file into an existing, empty map (POST /api/maps/:id/import)
// and the file's personas on both imports: the board goes through the live
// document, personas are linked by name or created, and a refusal writes nothing.
import type { MapFile } from '@journeyboard/shared/board';
import {
  applyTemplate,
  boardToMapFile,
  readBoard,
  readBoardState,
  type BoardSnapshot,
} from '@journeyboard/shared/board';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createMapFixture } from '../factories/map-factory.ts';
import { signedInAs, type TeamMember } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
let owner: TeamMember;
let viewer: TeamMember;
beforeAll(async () => {
  owner = await signedInAs(app(), 'owner');
  viewer = await signedInAs(app(), 'viewer', { owner, workspaceId: owner.workspaceId });
});

const DANA = {
  id: 'p-dana',
  name: 'Dana, support lead',
  title: 'Support lead',
  segment: 'Mid-market',
  initials: 'DL',
  color: '#16a34a',
  goals: ['Close tickets on first contact'],
  needs: ['One view of the customer'],
  behaviours: [],
  channels: ['Email', 'Phone'],
  quote: 'Just tell me what happened.',
  primary: true,
};

/** The customer-support template as an exported map file, with a persona. */
function templateFile(personas: MapFile['map']['personas'] = []): MapFile {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-support');
  const file = boardToMapFile(readBoard(doc), {
    title: 'Support',
    description: 'From a file',
    personas,
  });
  doc.destroy();
  return file;
}

/** A board's content without its ids. */
const content = (board: BoardSnapshot) => {
  const file = boardToMapFile(board, { title: '', description: '' });
  return {
    stages: file.stages.map(({ id: _id, ...stage }) => stage),
    lanes: file.lanes.map(({ id: _id, ...lane }) => lane),
    cards: file.cards.map(({ text, fields }) => ({ text, fields })),
    emotions: file.emotions.map(({ score, note }) => ({ score, note })),
  };
};

const fileContent = (file: MapFile) => {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-support');
  const board = content(readBoard(doc));
  doc.destroy();
  expect(file.cards.length).toBeGreaterThan(10);
  return board;
};

const liveBoard = async (mapId: string) => (await app().sync.readBoard(mapId, readBoard))!;
const importInto = (as: TeamMember, mapId: string, map: unknown) =>
  as.inject({ method: 'POST', url: `/api/maps/${mapId}/import`, payload: { map } });
const mapPersonas = (mapId: string) =>
  app()
    .prisma.mapPersona.findMany({ where: { mapId }, include: { persona: true } })
    .then((links) => links.map((link) => ({ name: link.persona.name, primary: link.primary })));

describe('POST /api/maps/:id/import (into an empty map)', () => {
  it('replaces a new blank map’s board with the file’s on the live document and links its personas', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const file = templateFile([DANA]);
    const response = await importInto(owner, map.id, file);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      stages: 5,
      lanes: 8,
      cards: file.cards.length,
      personas: { created: ['Dana, support lead'], linked: [] },
    });
    expect(content(await liveBoard(map.id))).toEqual(fileContent(file));
    expect(await mapPersonas(map.id)).toEqual([{ name: 'Dana, support lead', primary: true }]);
    const created = await app().prisma.persona.findFirstOrThrow({
      where: { workspaceId: owner.workspaceId, name: DANA.name },
    });
    expect(created).toMatchObject({
      title: 'Support lead',
      initials: 'DL',
      color: '#16a34a',
      channels: ['Email', 'Phone'],
      quote: DANA.quote,
    });
  });

  it('works the board and its search text out on the board worker, not on the event loop', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const work = app().sync.boardWork;
    const rewrite = vi.spyOn(work, 'rewrite');
    const merge = vi.spyOn(work, 'merge');
    try {
      expect((await importInto(owner, map.id, templateFile())).statusCode).toBe(200);
      expect(rewrite).toHaveBeenCalledTimes(1);
      expect(merge).toHaveBeenCalledTimes(1);
    } finally {
      rewrite.mockRestore();
      merge.mockRestore();
    }
    const search = await owner.inject({ url: '/api/search/maps?q=chatbot' });
    expect(
      search.json<{ results: { map: { id: string } }[] }>().results.map((hit) => hit.map.id),
    ).toContain(map.id);
  });

  it('links a persona of the same name already in the workspace instead of copying it', async () => {
    const existing = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/personas`,
      payload: { name: 'Sam the shopper', quote: 'Mine, unchanged' },
    });
    expect(existing.statusCode).toBe(201);
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const file = templateFile([
      { ...DANA, id: 'x', name: '  sam THE shopper ', quote: 'From the file', primary: false },
    ]);
    const response = await importInto(owner, map.id, file);
    expect(response.json().personas).toEqual({ created: [], linked: ['  sam THE shopper '] });
    const links = await app().prisma.mapPersona.findMany({ where: { mapId: map.id } });
    expect(links.map((link) => link.personaId)).toEqual([existing.json().id]);
    expect(
      await app().prisma.persona.count({
        where: { workspaceId: owner.workspaceId, name: { contains: 'sam', mode: 'insensitive' } },
      }),
    ).toBe(1);
    expect(
      (await app().prisma.persona.findUniqueOrThrow({ where: { id: existing.json().id } })).quote,
    ).toBe('Mine, unchanged');
  });

  it('imports into a map with no stages or lanes at all', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    await app().sync.withBoard(map.id, (board) =>
      board.change({ kind: 'system', id: null, name: 'test' }, (doc, origin) =>
        doc.transact(() => {
          for (const root of ['stages', 'lanes'] as const) {
            const items = doc.getMap(root);
            for (const key of [...items.keys()]) items.delete(key);
          }
        }, origin),
      ),
    );
    expect((await liveBoard(map.id)).stages).toHaveLength(0);
    const response = await importInto(owner, map.id, templateFile());
    expect(response.statusCode).toBe(200);
    expect(content(await liveBoard(map.id))).toEqual(fileContent(templateFile()));
  });

  it('refuses a map with cards (409, saying what is there) and writes nothing, personas included', async () => {
    const map = await createMapFixture(app(), { template: 'customer-support' }, { as: owner });
    const before = content(await liveBoard(map.id));
    const personasBefore = await app().prisma.persona.count({
      where: { workspaceId: owner.workspaceId },
    });
    const response = await importInto(
      owner,
      map.id,
      templateFile([{ ...DANA, name: 'Nobody new' }]),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MAP_NOT_EMPTY');
    expect(response.json().error.message).toMatch(/This map is not empty \(it has \d+ cards\)/);
    expect(content(await liveBoard(map.id))).toEqual(before);
    expect(await app().prisma.persona.count({ where: { workspaceId: owner.workspaceId } })).toBe(
      personasBefore,
    );
    expect(await mapPersonas(map.id)).toEqual([]);
  });

  it('refuses a blank map whose stages were renamed: a renamed stage is someone’s work', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const stage = (await liveBoard(map.id)).stages[0]!;
    await app().sync.withBoard(map.id, (board) =>
      board.change({ kind: 'system', id: null, name: 'test' }, (doc, origin) =>
        doc.transact(() => {
          (doc.getMap('stages').get(stage.id) as Y.Map<unknown>).set('title', 'Discover');
        }, origin),
      ),
    );
    const response = await importInto(owner, map.id, templateFile());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('its stages are not those of a new blank map');
    expect((await liveBoard(map.id)).stages[0]!.title).toBe('Discover');
  });

  it('needs board.edit: a viewer is refused and nothing is written', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const before = content(await liveBoard(map.id));
    const response = await importInto(viewer, map.id, templateFile());
    expect(response.statusCode).toBe(403);
    expect(content(await liveBoard(map.id))).toEqual(before);
  });

  it('refuses a bad file with a 400 naming the card and field, and writes nothing', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    const before = content(await liveBoard(map.id));
    const file = templateFile();
    const cards = [...file.cards];
    cards[2] = { ...cards[2]!, fields: { ...cards[2]!.fields, severity: 9 } };
    const response = await importInto(owner, map.id, { ...file, cards });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([
      expect.objectContaining({ path: 'map.cards.2.fields.severity' }),
    ]);
    expect(content(await liveBoard(map.id))).toEqual(before);
    const stored = await app().prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId: map.id } });
    expect(content(readBoardState(stored.state))).toEqual(before);
  });
});

describe('POST /api/maps/import with personas', () => {
  it('creates the file’s personas in the workspace and links them to the new map, and exports them back', async () => {
    const file = templateFile([
      { ...DANA, name: 'Robin, new buyer', primary: false },
      { ...DANA, id: 'p2', name: 'Kim, admin', primary: true },
    ]);
    const response = await owner.inject({
      method: 'POST',
      url: '/api/maps/import',
      payload: { map: file, workspaceId: owner.workspaceId },
    });
    expect(response.statusCode).toBe(201);
    const mapId = response.json().id as string;
    expect(await mapPersonas(mapId)).toEqual(
      expect.arrayContaining([
        { name: 'Robin, new buyer', primary: false },
        { name: 'Kim, admin', primary: true },
      ]),
    );
    const exported = (
      await owner.inject({ method: 'GET', url: `/api/maps/${mapId}/export` })
    ).json<MapFile>();
    const withoutIds = (f: MapFile) =>
      f.map.personas
        .map(({ id: _id, ...persona }) => persona)
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(withoutIds(exported)).toEqual(withoutIds(file));
  });
});
