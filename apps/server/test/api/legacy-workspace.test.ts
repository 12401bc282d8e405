// Maps from before accounts existed: the migration put them in a claimable
// workspace, and the database's first sign-up owns it. "First" is the whole
// database's, so this file has a database of its own: on the run's shared one,
// another file's sign-up (files run in parallel) could claim it first.
import { createTestDatabase, type TestDatabase } from '@journeyboard/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createUserFixture } from '../factories/user-factory.ts';
import { testConfig } from '../helpers/test-config.ts';

let database: TestDatabase | undefined;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ ...testConfig(), databaseUrl: database.databaseUrl });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('maps from before accounts existed', () => {
  it('belong to a claimable legacy workspace that the first sign-up owns', async () => {
    const server = app!;
    // What the migration does to an existing database's maps.
    const legacy = await server.prisma.workspace.create({
      data: {
        name: 'Legacy maps',
        claimable: true,
        maps: { create: { title: 'Old map' } },
      },
    });
    const first = await createUserFixture(server);
    const second = await createUserFixture(server);
    const maps = await first.inject({ url: `/api/maps?workspaceId=${legacy.id}` });
    expect(maps.json<{ maps: { title: string }[] }>().maps.map((m) => m.title)).toEqual([
      'Old map',
    ]);
    expect((await second.inject({ url: `/api/maps?workspaceId=${legacy.id}` })).statusCode).toBe(
      404,
    );
  });
});
