import {
  applyTemplate,
  boardToMapFile,
  readBoard,
  readBoardState,
  type MapFile,
} from '@journeyboard/shared/board';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { signedInAs, type TeamMember } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
let owner: TeamMember;
beforeAll(async () => {
  owner = await signedInAs(app(), 'owner');
});

/** The customer-support template as an exported map file. */
function templateFile() {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-support');
  const file = boardToMapFile(readBoard(doc), { title: 'Support', description: 'From a file' });
  doc.destroy();
  return file;
}

/** A board's content without its ids (an import gives everything new ones). */
const strip = (f: MapFile) => ({
  stages: f.stages.map(({ id: _id, ...stage }) => stage),
  lanes: f.lanes.map(({ id: _id, ...lane }) => lane),
  cards: f.cards.map(({ text, fields }) => ({ text, fields })),
  emotions: f.emotions.map(({ score, note }) => ({ score, note })),
});

const importMap = (payload: Record<string, unknown>) =>
  owner.inject({ method: 'POST', url: '/api/maps/import', payload });

const mapCount = () => app().prisma.journeyMap.count({ where: { workspaceId: owner.workspaceId } });

describe('POST /api/maps/import', () => {
  it('creates a map whose board is the file’s board', async () => {
    const file = templateFile();
    const response = await importMap({ map: file, workspaceId: owner.workspaceId });
    expect(response.statusCode).toBe(201);
    const map = response.json();
    expect(map).toMatchObject({ title: 'Support', description: 'From a file' });
    expect(map.capabilities).toContain('board.edit');

    const snapshot = await app().prisma.boardSnapshot.findUniqueOrThrow({
      where: { mapId: map.id },
    });
    const imported = boardToMapFile(readBoardState(snapshot.state), {
      title: map.title,
      description: map.description,
    });
    expect(strip(imported)).toEqual(strip(file));
    expect(file.cards.length).toBeGreaterThan(10);
  });

  it('takes a title of its own', async () => {
    const response = await importMap({ map: templateFile(), title: '  Copy  ' });
    expect(response.statusCode).toBe(201);
    expect(response.json().title).toBe('Copy');
  });

  it('refuses a file with a dangling reference, naming the card, and writes nothing', async () => {
    const before = await mapCount();
    const file = templateFile();
    const cards = [...file.cards];
    cards[3] = { ...cards[3]!, lane: 'no-such-lane' };
    const response = await importMap({ map: { ...file, cards }, workspaceId: owner.workspaceId });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error)).toContain(
      "Card 4: there is no lane 'no-such-lane'.",
    );
    expect(await mapCount()).toBe(before);
  });

  it('refuses more cards than a map holds and a body over the limit', async () => {
    const file = templateFile();
    const card = file.cards[0]!;
    const many = await importMap({ map: { ...file, cards: Array(5001).fill(card) } });
    expect(many.statusCode).toBe(400);

    const huge = await importMap({
      map: { ...file, map: { ...file.map, description: 'x'.repeat(9 * 1024 * 1024) } },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('GET /api/maps/:id/export gives the map file an import takes back', async () => {
    const created = await importMap({ map: templateFile(), workspaceId: owner.workspaceId });
    const mapId = created.json().id as string;
    const exported = await owner.inject({ method: 'GET', url: `/api/maps/${mapId}/export` });
    expect(exported.statusCode).toBe(200);
    const file = exported.json<MapFile>();
    expect(file).toMatchObject({
      format: 'journeyboard-map',
      version: 1,
      map: { title: 'Support' },
    });
    expect(file.cards).toHaveLength(templateFile().cards.length);

    const again = await importMap({ map: file, title: 'Round trip' });
    expect(again.statusCode).toBe(201);
    const back = await owner.inject({ method: 'GET', url: `/api/maps/${again.json().id}/export` });
    const content = (f: typeof file) => ({
      stages: f.stages.map(({ id: _id, ...stage }: { id: string }) => stage),
      lanes: f.lanes.map(({ id: _id, ...lane }: { id: string }) => lane),
      cards: f.cards.map(({ text, fields }: { text: string; fields: unknown }) => ({
        text,
        fields,
      })),
      emotions: f.emotions.map(({ score, note }: { score: number; note: string }) => ({
        score,
        note,
      })),
    });
    expect(content(back.json())).toEqual(content(file));
  });

  it('writes the export on the board worker, not on the event loop', async () => {
    const created = await importMap({ map: templateFile(), workspaceId: owner.workspaceId });
    const mapFile = vi.spyOn(app().sync.boardWork, 'mapFile');
    try {
      const exported = await owner.inject({ url: `/api/maps/${created.json().id}/export` });
      expect(exported.json<MapFile>().cards).toHaveLength(templateFile().cards.length);
      expect(mapFile).toHaveBeenCalledTimes(1);
    } finally {
      mapFile.mockRestore();
    }
  });
});
