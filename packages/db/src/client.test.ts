// The generated client, through @prisma/adapter-pg, against a migrated database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  createPrismaClient,
  driverOf,
  isDriverForeignKeyViolation,
  type PrismaClient,
} from './index.ts';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db.databaseUrl);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

it('creates a journey map and reads it back', async () => {
  const created = await prisma.journeyMap.create({
    data: { title: 'Onboarding', workspace: { create: { name: 'Team' } } },
  });
  expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(created.description).toBe('');

  const found = await prisma.journeyMap.findUniqueOrThrow({ where: { id: created.id } });
  expect(found).toEqual(created);
});

it('round-trips Yjs bytes in board updates and snapshots, in arrival order', async () => {
  const map = await prisma.journeyMap.create({
    data: { title: 'Checkout', workspace: { create: { name: 'Team' } } },
  });
  const first = new Uint8Array([0, 1, 2, 127, 128, 254, 255]);
  const second = new Uint8Array(4096).map((_, i) => (i * 31) % 256);
  await prisma.boardUpdate.create({ data: { mapId: map.id, update: first } });
  await prisma.boardUpdate.create({ data: { mapId: map.id, update: second } });
  await prisma.boardSnapshot.create({ data: { mapId: map.id, state: second } });

  const updates = await prisma.boardUpdate.findMany({
    where: { mapId: map.id },
    orderBy: { id: 'asc' },
  });
  expect(updates.map((u) => [...u.update])).toEqual([[...first], [...second]]);
  expect(typeof updates[0]?.id).toBe('bigint');

  const loaded = await prisma.journeyMap.findUniqueOrThrow({
    where: { id: map.id },
    include: { board: true },
  });
  expect([...(loaded.board?.state ?? [])]).toEqual([...second]);

  // Deleting the map cascades to its board rows.
  await prisma.journeyMap.delete({ where: { id: map.id } });
  expect(await prisma.boardUpdate.count({ where: { mapId: map.id } })).toBe(0);
  expect(await prisma.boardSnapshot.count({ where: { mapId: map.id } })).toBe(0);
});

it("hands out the driver under a client, on the same database, and refuses a client it didn't make", async () => {
  const map = await prisma.journeyMap.create({
    data: { title: 'Driver', workspace: { create: { name: 'Team' } } },
  });
  const bytes = Buffer.from([0, 1, 2, 255]);
  await driverOf(prisma).query(
    'INSERT INTO board_updates ("mapId", "update") VALUES ($1::uuid, $2)',
    [map.id, bytes],
  );
  const [row] = await prisma.boardUpdate.findMany({ where: { mapId: map.id } });
  expect(Buffer.from(row!.update)).toEqual(bytes);
  expect(() => driverOf({} as PrismaClient)).toThrow(/not made by createPrismaClient/);

  const orphan = driverOf(prisma).query(
    'INSERT INTO board_updates ("mapId", "update") VALUES ($1::uuid, $2)',
    [randomUUID(), bytes],
  );
  await expect(orphan).rejects.toSatisfy(isDriverForeignKeyViolation);
});
