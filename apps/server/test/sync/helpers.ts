// Shared helpers for the sync tests: a database per test file, the real app
// listening on a random port, and real y-websocket clients.
import { createPrismaClient, type PrismaClient } from '@journeyboard/db';
import { createTestDatabase, type TestDatabase } from '@journeyboard/db/testing';
import { BoardStore } from '@journeyboard/shared/board';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildApp } from '../../src/app.ts';
import type { AppConfig, SyncConfig } from '../../src/config/config.ts';
import { createMap } from '../../src/services/maps/create-map.ts';
import type { SyncPluginOptions } from '../../src/sync/sync-plugin.ts';

export function syncTestConfig(databaseUrl: string, sync: Partial<SyncConfig> = {}): AppConfig {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    logLevel: 'silent',
    webDistDir: null,
    sync: {
      maxMessageBytes: 1024 * 1024,
      pingIntervalMs: 30_000,
      flushIntervalMs: 50,
      compactAfterUpdates: 500,
      ...sync,
    },
  };
}

export interface TestDb {
  readonly databaseUrl: string;
  /** A client of the test's own, for arranging and asserting on rows. */
  readonly prisma: PrismaClient;
}

/** A fresh migrated database for this test file (created in beforeAll, dropped in afterAll). */
export function useTestDatabase(): () => TestDb {
  let database: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient(database.databaseUrl);
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });
  return () => {
    if (!database || !prisma) throw new Error('The test database exists only inside tests.');
    return { databaseUrl: database.databaseUrl, prisma };
  };
}

export interface RunningServer {
  readonly app: FastifyInstance;
  /** ws://127.0.0.1:<port>/sync — the provider appends /<mapId>. */
  readonly syncUrl: string;
  close(): Promise<void>;
}

export async function startServer(
  databaseUrl: string,
  options: { sync?: Partial<SyncConfig>; plugin?: SyncPluginOptions } = {},
): Promise<RunningServer> {
  const app = await buildApp(syncTestConfig(databaseUrl, options.sync), {
    sync: options.plugin ?? {},
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const port = new URL(address).port;
  let closed: Promise<void> | undefined;
  return {
    app,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    close: () => (closed ??= app.close()),
  };
}

/** A board made from the blank template, like the API creates it. */
export async function createBoard(prisma: PrismaClient): Promise<string> {
  const map = await createMap(prisma, { title: 'Sync test board' });
  return map.id;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly store: BoardStore;
  readonly provider: WebsocketProvider;
  /** Close events seen by the provider, newest last. */
  readonly closes: { code: number; reason: string }[];
  destroy(): void;
}

const openClients = new Set<TestClient>();

/** Destroys every client a test connected (registered once per file that uses clients). */
export function useClientCleanup(): void {
  afterEach(() => {
    for (const client of openClients) client.destroy();
    openClients.clear();
  });
}

/**
 * A real browser-like client. disableBc: without it, two providers in one
 * process sync over BroadcastChannel and a broken server would still pass.
 */
export function connectClient(
  syncUrl: string,
  mapId: string,
  options: { params?: Record<string, string>; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, mapId, doc, {
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    maxBackoffTime: 200,
  });
  const store = new BoardStore(doc);
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    // A `ws` CloseEvent (the DOM type isn't in this project's lib).
    const close = event as unknown as { code: number; reason: string } | null;
    if (close) closes.push({ code: close.code, reason: close.reason });
  });
  const client: TestClient = {
    doc,
    store,
    provider,
    closes,
    destroy() {
      openClients.delete(client);
      provider.destroy();
      store.destroy();
      doc.destroy();
    },
  };
  openClients.add(client);
  return client;
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what = 'condition' }: { timeoutMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** The first cell of the board (first stage × first lane). */
export function firstCell(client: TestClient): { stageId: string; laneId: string } {
  const { stages, lanes } = client.store.getSnapshot();
  const stageId = stages[0]?.id;
  const laneId = lanes[0]?.id;
  if (!stageId || !laneId) throw new Error('The board has no stages or lanes yet.');
  return { stageId, laneId };
}

/** The board as stored in Postgres: snapshot + log, as a loaded server would see it. */
export async function storedDoc(prisma: PrismaClient, mapId: string): Promise<Y.Doc> {
  const rows = await prisma.boardUpdate.findMany({ where: { mapId }, orderBy: { id: 'asc' } });
  const snapshot = await prisma.boardSnapshot.findUnique({ where: { mapId } });
  const doc = new Y.Doc();
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return doc;
}

export function cardTexts(doc: Y.Doc): string[] {
  const store = new BoardStore(doc);
  const texts = [...store.getSnapshot().cards.values()].map((card) => card.text).sort();
  store.destroy();
  return texts;
}

/** A raw socket, for sending what a well-behaved client never would. */
export async function openRawSocket(url: string, options: ClientOptions = {}): Promise<RawSocket> {
  const socket = new WebSocket(url, options);
  const messages: Uint8Array[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, messages, closed };
}

export interface RawSocket {
  readonly socket: WebSocket;
  readonly messages: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
}
