// An import never leaves a map linking more personas than a map may
// (MAP_PERSONAS_MAX): the file's own count, and the file's personas added to
// those the map already links (import into an empty map). A refusal names the
// limit and the counts, and writes nothing: no board, no persona, no link.
import { MAP_PERSONAS_MAX } from '@journeyboard/shared';
import {
  applyTemplate,
  boardToMapFile,
  readBoard,
  type MapFile,
  type MapFilePersona,
} from '@journeyboard/shared/board';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMapFixture } from '../factories/map-factory.ts';
import { signedInAs, type TeamMember } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
let owner: TeamMember;
beforeAll(async () => {
  owner = await signedInAs(app(), 'owner');
});

const persona = (name: string): MapFilePersona => ({
  id: `file-${name}`,
  name,
  title: '',
  segment: '',
  goals: [],
  needs: [],
  behaviours: [],
  channels: [],
  quote: '',
  primary: false,
});

const personas = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => persona(`${prefix} ${index + 1}`));

/** The customer-support template as an exported map file, with these personas. */
function templateFile(withPersonas: MapFilePersona[]): MapFile {
  const doc = new Y.Doc();
  applyTemplate(doc, 'customer-support');
  const file = boardToMapFile(readBoard(doc), {
    title: 'Support',
    description: '',
    personas: withPersonas,
  });
  doc.destroy();
  return file;
}

/** Links `count` new personas of the workspace to the map, through the API. */
async function linkPersonas(mapId: string, prefix: string, count: number): Promise<void> {
  const ids: string[] = [];
  for (const { name } of personas(prefix, count)) {
    const created = await owner.inject({
      method: 'POST',
      url: `/api/workspaces/${owner.workspaceId}/personas`,
      payload: { name },
    });
    expect(created.statusCode).toBe(201);
    ids.push(created.json().id);
  }
  const set = await owner.inject({
    method: 'PUT',
    url: `/api/maps/${mapId}/personas`,
    payload: { personaIds: ids },
  });
  expect(set.statusCode).toBe(200);
}

const cardCount = async (mapId: string) =>
  (await app().sync.readBoard(mapId, readBoard))!.cards.size;
const linkCount = (mapId: string) => app().prisma.mapPersona.count({ where: { mapId } });
const workspacePersonas = () =>
  app().prisma.persona.count({ where: { workspaceId: owner.workspaceId } });

describe('the persona limit on imports', () => {
  it('refuses an import into a map whose links plus the file’s would pass the limit, naming both, and writes nothing', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    await linkPersonas(map.id, 'Linked', 12);
    const personasBefore = await workspacePersonas();

    // Two of the file's ten are already linked (by name): 8 new links, 20 in all — allowed.
    // With one more new persona in the file, 21 — refused.
    const file = templateFile([
      persona('linked 1'),
      persona('LINKED 2 '),
      ...personas('From the file', 8),
      persona('One too many'),
    ]);
    const response = await owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/import`,
      payload: { map: file },
    });

    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MAP_PERSONA_LIMIT');
    expect(response.json().error.message).toBe(
      `A map can link at most ${MAP_PERSONAS_MAX} personas. This map already links 12 and the file has 11 personas, 9 of them not linked to it yet (21 in all): unlink 1 from the map (Personas) or remove 1 from the file, then import it again.`,
    );
    expect(await cardCount(map.id)).toBe(0);
    expect(await linkCount(map.id)).toBe(12);
    expect(await workspacePersonas()).toBe(personasBefore);
  });

  it('imports into that map when the file’s new personas just reach the limit', async () => {
    const map = await createMapFixture(app(), { template: 'blank' }, { as: owner });
    await linkPersonas(map.id, 'Reach', 12);
    const file = templateFile([persona('reach 1'), ...personas('Fits', 8)]);
    const response = await owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/import`,
      payload: { map: file },
    });
    expect(response.statusCode).toBe(200);
    expect(await linkCount(map.id)).toBe(MAP_PERSONAS_MAX);
    expect(await cardCount(map.id)).toBe(file.cards.length);
  });

  it('refuses a new map from a file with more personas than a map can link, naming the limit and the file’s count', async () => {
    const mapsBefore = await app().prisma.journeyMap.count({
      where: { workspaceId: owner.workspaceId },
    });
    const personasBefore = await workspacePersonas();
    const response = await owner.inject({
      method: 'POST',
      url: '/api/maps/import',
      payload: {
        map: templateFile(personas('Crowd', MAP_PERSONAS_MAX + 3)),
        workspaceId: owner.workspaceId,
      },
    });
    // The file itself is not a valid map file (its schema says at most 20): refused as such,
    // with the one issue saying what to do.
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.issues).toEqual([
      {
        path: 'map.map.personas',
        message: `This file has 23 personas, and a map can link at most ${MAP_PERSONAS_MAX}: remove 3 from the file, then import it again.`,
      },
    ]);
    expect(await app().prisma.journeyMap.count({ where: { workspaceId: owner.workspaceId } })).toBe(
      mapsBefore,
    );
    expect(await workspacePersonas()).toBe(personasBefore);
  });
});
