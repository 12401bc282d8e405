import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardStore } from '@journeyboard/shared/board';
import { createMapFixture } from '../factories/map-factory.ts';
import { signedInAs, type TeamMember } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
// Who-may-do-what is authorization.test.ts's job; here, an owner does everything.
let owner: TeamMember;
beforeAll(async () => {
  owner = await signedInAs(app(), 'owner');
});

describe('maps API', () => {
  it('creates a map, lists it first, reads, renames and deletes it', async () => {
    const created = await createMapFixture(
      app(),
      { title: '  Onboarding journey  ', description: 'New admins' },
      { as: owner },
    );
    expect(created.title).toBe('Onboarding journey');
    expect(created.description).toBe('New admins');

    const list = await owner.inject({ method: 'GET', url: '/api/maps' });
    expect(list.statusCode).toBe(200);
    expect(list.json().maps[0]).toMatchObject({ id: created.id });

    const renamed = await owner.inject({
      method: 'PATCH',
      url: `/api/maps/${created.id}`,
      payload: { title: 'Admin onboarding' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ title: 'Admin onboarding', description: 'New admins' });

    const read = await owner.inject({ method: 'GET', url: `/api/maps/${created.id}` });
    expect(read.json().title).toBe('Admin onboarding');

    const deleted = await owner.inject({ method: 'DELETE', url: `/api/maps/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    const gone = await owner.inject({ method: 'GET', url: `/api/maps/${created.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('MAP_NOT_FOUND');
  });

  it('seeds the board from the template on the server', async () => {
    const map = await createMapFixture(app());
    const snapshot = await app().prisma.boardSnapshot.findUniqueOrThrow({
      where: { mapId: map.id },
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot.state);
    const board = new BoardStore(doc).getSnapshot();
    expect(board.stages.map((stage) => stage.title)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Onboarding',
      'Retention',
      'Advocacy',
    ]);
    expect(board.lanes.map((lane) => lane.title)).toEqual([
      'Touchpoints',
      'Customer actions',
      'Pain points',
      'Emotions',
      'Opportunities',
    ]);
  });

  it('rejects bad input with a clear message and changes nothing', async () => {
    const map = await createMapFixture(app(), { title: 'Keep me' }, { as: owner });

    const empty = await owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      payload: { title: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Give the map a title.',
    });

    const tooLong = await owner.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'x'.repeat(121) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('120 characters');

    const unknownField = await owner.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'ok', owner: 'me' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.code).toBe('VALIDATION_FAILED');

    const badTemplate = await owner.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'ok', template: 'nope' },
    });
    expect(badTemplate.statusCode).toBe(400);
    expect(badTemplate.json().error.message).toContain('Template must be one of');

    const nothing = await owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}`,
      payload: {},
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json().error.message).toContain('Send a title or a description');

    const notJson = await owner.inject({
      method: 'POST',
      url: '/api/maps',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('BAD_REQUEST');

    const after = await owner.inject({ method: 'GET', url: `/api/maps/${map.id}` });
    expect(after.json().title).toBe('Keep me');
  });

  it('answers 404 in the catalogue shape for unknown maps, malformed ids and routes', async () => {
    for (const url of [`/api/maps/${randomUUID()}`, '/api/maps/not-a-uuid']) {
      const response = await owner.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({
        error: { code: 'MAP_NOT_FOUND', message: expect.any(String) },
      });
    }
    const patch = await owner.inject({
      method: 'PATCH',
      url: `/api/maps/${randomUUID()}`,
      payload: { title: 'x' },
    });
    expect(patch.statusCode).toBe(404);
    const del = await owner.inject({ method: 'DELETE', url: `/api/maps/${randomUUID()}` });
    expect(del.statusCode).toBe(404);

    const route = await owner.inject({ method: 'GET', url: '/api/nope' });
    expect(route.statusCode).toBe(404);
    expect(route.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses bodies over the limit with 413', async () => {
    const response = await owner.inject({
      method: 'POST',
      url: '/api/maps',
      payload: { title: 'big', description: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('health and OpenAPI', () => {
  it('reports the database as up', async () => {
    const response = await owner.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', db: 'up' });
  });

  it('publishes OpenAPI generated from the request schemas', async () => {
    const response = await owner.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/maps', '/api/maps/{id}']),
    );
    const createBody = spec.paths['/api/maps'].post.requestBody.content['application/json'].schema;
    expect(createBody.properties.title.maxLength).toBe(120);
  });
});
