import type { TListMapPersonasResponse, TPersona } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { openReadyMapEventStream, shareLinkFor } from '../helpers/event-stream.ts';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { addMemberFixture } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

const team = (map: MapFixture) => ({ owner: map.owner, workspaceId: map.workspaceId });

async function createPersona(map: MapFixture, payload: Record<string, unknown>): Promise<TPersona> {
  const response = await map.owner.inject({
    method: 'POST',
    url: `/api/workspaces/${map.workspaceId}/personas`,
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`createPersona: ${response.body}`);
  return response.json<TPersona>();
}

describe('personas', () => {
  it('creates, lists, reads and changes a persona with every field', async () => {
    const map = await createMapFixture(app());
    const persona = await createPersona(map, {
      name: 'Ana María López',
      title: 'Operations lead',
      segment: 'Mid-market',
      goals: ['Close the month in two days'],
      needs: ['Fewer spreadsheets'],
      behaviours: ['Works from the phone on the go'],
      channels: ['Email', 'Mobile app'],
      quote: 'I just want it to add up.',
    });
    expect(persona).toMatchObject({
      workspaceId: map.workspaceId,
      name: 'Ana María López',
      initials: 'AL',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      channels: ['Email', 'Mobile app'],
      mapIds: [],
    });

    const list = await map.owner.inject({ url: `/api/workspaces/${map.workspaceId}/personas` });
    expect(list.json<{ personas: TPersona[] }>().personas.map((p) => p.id)).toEqual([persona.id]);

    const changed = await map.owner.inject({
      method: 'PATCH',
      url: `/api/personas/${persona.id}`,
      payload: { quote: 'Numbers first.', color: '#16A34A', initials: 'am' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      quote: 'Numbers first.',
      color: '#16a34a',
      initials: 'AM',
      title: 'Operations lead',
    });
    expect((await map.owner.inject({ url: `/api/personas/${persona.id}` })).json()).toMatchObject({
      quote: 'Numbers first.',
    });
  });

  it('validates with clear messages', async () => {
    const map = await createMapFixture(app());
    const response = await map.owner.inject({
      method: 'POST',
      url: `/api/workspaces/${map.workspaceId}/personas`,
      payload: { name: ' ', color: 'red', goals: Array.from({ length: 21 }, () => 'x') },
    });
    expect(response.statusCode).toBe(400);
    const messages = response
      .json<{ error: { issues: { path: string; message: string }[] } }>()
      .error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name: Give the persona a name.',
        'color: Colour must look like #3b82f6.',
        'goals: List at most 20 goals.',
      ]),
    );
  });

  it('links personas to a map with one primary, and a delete unlinks it everywhere', async () => {
    const map = await createMapFixture(app());
    const second = await createMapFixture(app(), {}, { as: map.owner });
    const ana = await createPersona(map, { name: 'Ana' });
    const ben = await createPersona(map, { name: 'Ben' });

    const set = await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${map.id}/personas`,
      payload: { personaIds: [ana.id, ben.id], primaryId: ben.id },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<TListMapPersonasResponse>().personas.map((p) => [p.name, p.primary])).toEqual([
      ['Ben', true],
      ['Ana', false],
    ]);
    await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${second.id}/personas`,
      payload: { personaIds: [ben.id] },
    });

    // A viewer reads the panel; the persona tells how many maps a delete would unlink.
    const viewer = await addMemberFixture(app(), team(map), 'viewer');
    const panel = await viewer.inject({ url: `/api/maps/${second.id}/personas` });
    expect(panel.json<TListMapPersonasResponse>().personas).toEqual([
      expect.objectContaining({ id: ben.id, primary: true }),
    ]);
    const benNow = (await viewer.inject({ url: `/api/personas/${ben.id}` })).json<TPersona>();
    expect(benNow.mapIds.sort()).toEqual([map.id, second.id].sort());
    // A share link's leader sees the persona on this map, not which other maps it is on.
    const link = await shareLinkFor(map.owner, second.id);
    const asLeader = await app().inject({
      url: `/api/maps/${second.id}/personas`,
      headers: { authorization: `Bearer ${link.token}` },
    });
    expect(asLeader.json<TListMapPersonasResponse>().personas).toEqual([
      expect.objectContaining({ id: ben.id, mapIds: [second.id] }),
    ]);

    expect(
      (await map.owner.inject({ method: 'DELETE', url: `/api/personas/${ben.id}` })).statusCode,
    ).toBe(204);
    const after = await map.owner.inject({ url: `/api/maps/${map.id}/personas` });
    expect(after.json<TListMapPersonasResponse>().personas.map((p) => p.id)).toEqual([ana.id]);
    expect(
      (
        await map.owner.inject({ url: `/api/maps/${second.id}/personas` })
      ).json<TListMapPersonasResponse>().personas,
    ).toEqual([]);
  });

  it('tells everyone on a map its personas as they change: linked, edited, deleted', async () => {
    const map = await createMapFixture(app());
    const other = await createMapFixture(app(), {}, { as: map.owner });
    const ana = await createPersona(map, { name: 'Ana' });
    await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${other.id}/personas`,
      payload: { personaIds: [ana.id] },
    });
    const editor = await addMemberFixture(app(), team(map), 'editor');
    const link = await shareLinkFor(map.owner, map.id);
    const teammate = await openReadyMapEventStream(app(), map.id, { cookie: editor.cookie });
    const leader = await openReadyMapEventStream(app(), map.id, {
      authorization: `Bearer ${link.token}`,
    });
    const personasOn = async (stream: typeof teammate) => {
      const event = await stream.next((e) => e.type === 'map-personas');
      return event.type === 'map-personas' ? event.personas : [];
    };

    await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${map.id}/personas`,
      payload: { personaIds: [ana.id] },
    });
    // As each would read it: the team sees the persona's other maps, a leader's link only this one.
    expect(await personasOn(teammate)).toEqual([
      expect.objectContaining({
        name: 'Ana',
        primary: true,
        mapIds: expect.arrayContaining([map.id, other.id]),
      }),
    ]);
    expect(await personasOn(leader)).toEqual([
      expect.objectContaining({ name: 'Ana', mapIds: [map.id] }),
    ]);

    await map.owner.inject({
      method: 'PATCH',
      url: `/api/personas/${ana.id}`,
      payload: { name: 'Ana, busy parent' },
    });
    for (const stream of [teammate, leader]) {
      expect((await personasOn(stream)).map((p) => p.name)).toEqual(['Ana, busy parent']);
    }

    await map.owner.inject({ method: 'DELETE', url: `/api/personas/${ana.id}` });
    expect(await personasOn(teammate)).toEqual([]);
    expect(await personasOn(leader)).toEqual([]);
    teammate.close();
    leader.close();
  });

  it("refuses personas of another workspace and hides other workspaces' personas", async () => {
    const map = await createMapFixture(app());
    const other = await createMapFixture(app());
    const foreign = await createPersona(other, { name: 'Foreign' });
    const link = await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${map.id}/personas`,
      payload: { personaIds: [foreign.id] },
    });
    expect(link.statusCode).toBe(400);
    expect(link.json()).toMatchObject({ error: { code: 'PERSONA_NOT_IN_WORKSPACE' } });
    const peek = await map.owner.inject({ url: `/api/personas/${foreign.id}` });
    expect(peek.statusCode).toBe(404);
    expect(peek.json()).toMatchObject({ error: { code: 'PERSONA_NOT_FOUND' } });
    const primaryElsewhere = await map.owner.inject({
      method: 'PUT',
      url: `/api/maps/${map.id}/personas`,
      payload: { personaIds: [], primaryId: foreign.id },
    });
    expect(primaryElsewhere.statusCode).toBe(400);
  });
});
