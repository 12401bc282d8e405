// Shared helpers for the sync tests: a database per test file, the real app
// listening on a random port, and real y-websocket clients.
import { randomBytes } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@journeyboard/db';
import { createTestDatabase, type TestDatabase } from '@journeyboard/db/testing';
import type { TWorkspaceRole } from '@journeyboard/shared';
import { BoardStore } from '@journeyboard/shared/board';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { buildApp } from '../../src/app.ts';
import type { AppConfig, ServerRole, SyncConfig } from '../../src/config/config.ts';
import { createSession } from '../../src/services/auth/create-session.ts';
import { hashToken, newToken } from '../../src/services/auth/tokens.ts';
import { createMap } from '../../src/services/maps/create-map.ts';
import type { SyncPluginOptions } from '../../src/sync/sync-plugin.ts';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import { TEST_AUTH_CONFIG } from '../helpers/test-config.ts';

export function syncTestConfig(databaseUrl: string, sync: Partial<SyncConfig> = {}): AppConfig {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    databaseUrl,
    logLevel: (process.env.JB_TEST_LOG_LEVEL as AppConfig['logLevel']) ?? 'silent',
    webDistDir: null,
    sync: {
      maxMessageBytes: 1024 * 1024,
      pingIntervalMs: 30_000,
      flushIntervalMs: 50,
      compactAfterUpdates: 500,
      ...sync,
    },
    auth: TEST_AUTH_CONFIG,
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
  options: {
    sync?: Partial<SyncConfig>;
    plugin?: SyncPluginOptions;
    /** Other settings, e.g. `metricsToken`. */
    config?: Partial<AppConfig>;
  } = {},
): Promise<RunningServer> {
  const config = { ...syncTestConfig(databaseUrl, options.sync), ...options.config };
  const app = await buildApp(config, {
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

/**
 * One server for the whole test file, on the file's database (started in
 * beforeAll, closed in afterAll). Returns a getter, like useTestDatabase.
 */
export function useSyncServer(
  db: () => TestDb,
  options: Parameters<typeof startServer>[1] = {},
): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(db().databaseUrl, options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('The test server runs only inside tests.');
    return server;
  };
}

/** ws://… or http://… of an app listening on a random port. */
export function urlOf(app: FastifyInstance, scheme: 'ws' | 'http'): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `${scheme}://127.0.0.1:${address.port}`;
}

/** The sync endpoint of an app listening on a random port (the provider appends /<mapId>). */
export const syncUrlOf = (app: FastifyInstance): string => `${urlOf(app, 'ws')}/sync`;

/**
 * Two instances of the app on the file's database and one Redis, as a
 * scale-out deployment runs (each with its `role`; both `all` by default).
 * Their Redis keys carry a prefix of their own, deleted afterwards.
 */
export function useTwoInstances(
  db: () => TestDb,
  roles: readonly [ServerRole, ServerRole] = ['all', 'all'],
): () => readonly [FastifyInstance, FastifyInstance] {
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;
  let apps: readonly [FastifyInstance, FastifyInstance] | undefined;
  beforeAll(async () => {
    const config = { ...syncTestConfig(db().databaseUrl), redis: { url: redisUrl, keyPrefix } };
    const [first, second] = await Promise.all(roles.map((role) => buildApp({ ...config, role })));
    apps = [first!, second!];
    await Promise.all(apps.map((app) => app.listen({ host: '127.0.0.1', port: 0 })));
  });
  afterAll(async () => {
    await Promise.all((apps ?? []).map((app) => app.close()));
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  return () => {
    if (!apps) throw new Error('The two instances run only inside tests.');
    return apps;
  };
}

/** A sync "update" frame carrying `update`, as the stock client sends it. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

// ── Who connects ──────────────────────────────────────────────────────────
// Sync sockets authenticate like browsers: a session cookie (accounts), a
// guest cookie (workshop participants) or a share token offered as a
// subprotocol. createBoard() remembers an owner's and an editor's cookie per
// board, so connectClient()/openRawSocket() connect as that editor unless told
// otherwise — tests that don't care about auth stay unchanged.

export interface BoardAccess {
  readonly workspaceId: string;
  readonly owner: BoardMember;
  readonly editor: BoardMember;
}

export interface BoardMember {
  readonly userId: string;
  readonly name: string;
  /** `jb_session=…` */
  readonly cookie: string;
  /** The bare session token, for a subprotocol: `{ protocols: ['journeyboard', token] }`. */
  readonly token: string;
}

/** How a test client authenticates. `anonymous`: no credentials at all. */
export type SyncCredentials =
  | 'anonymous'
  | { readonly cookie?: string; readonly protocols?: readonly string[]; readonly origin?: string };

const boards = new Map<string, BoardAccess>();

let accounts = 0;
async function createAccount(
  prisma: PrismaClient,
  name: string,
  membership?: { workspaceId: string; role: TWorkspaceRole },
): Promise<BoardMember & { personalWorkspaceId: string }> {
  accounts += 1;
  const user = await prisma.user.create({
    data: {
      email: `sync-${accounts}-${crypto.randomUUID().slice(0, 8)}@example.test`,
      name,
      passwordHash: 'not-a-login', // these accounts only ever use sessions
      memberships: { create: membership ? [membership] : [] },
    },
  });
  const personal = await prisma.workspace.create({
    data: {
      name: `${name}'s maps`,
      personal: true,
      members: { create: { userId: user.id, role: 'owner' } },
    },
  });
  const session = await createSession(prisma, user.id);
  return {
    userId: user.id,
    name,
    cookie: `jb_session=${session.token}`,
    token: session.token,
    personalWorkspaceId: personal.id,
  };
}

/**
 * A board made from the blank template, like the API creates it, in a team
 * workspace with an owner and an editor (see `boardAccess`).
 */
export async function createBoard(prisma: PrismaClient): Promise<string> {
  const owner = await createAccount(prisma, 'Olivia Owner');
  const workspace = await prisma.workspace.create({
    data: { name: 'Sync test team', members: { create: { userId: owner.userId, role: 'owner' } } },
  });
  const editor = await createAccount(prisma, 'Eddie Editor', {
    workspaceId: workspace.id,
    role: 'editor',
  });
  const map = await createMap(
    prisma,
    { title: 'Sync test board', description: '', template: 'blank' },
    workspace.id,
  );
  boards.set(map.id, { workspaceId: workspace.id, owner, editor });
  return map.id;
}

/** The board's workspace and the owner's and editor's cookies (boards from createBoard only). */
export function boardAccess(mapId: string): BoardAccess {
  const access = boards.get(mapId);
  if (!access) throw new Error(`No access recorded for ${mapId}; create it with createBoard()`);
  return access;
}

/** Another account in the board's workspace with `role` (viewer, commenter, …). */
export async function boardMember(
  prisma: PrismaClient,
  mapId: string,
  role: TWorkspaceRole,
  name = `${role[0]!.toUpperCase()}${role.slice(1)} ${accounts + 1}`,
): Promise<BoardMember> {
  const { workspaceId } = boardAccess(mapId);
  return createAccount(prisma, name, { workspaceId, role });
}

/** A read-only share link for the map: connect with `{ protocols: ['journeyboard', token] }`. */
/** Link numbers for links made here (unique per map; the API numbers links 1, 2, … per map). */
let lastLinkNumber = 0;

export async function shareLinkFor(
  prisma: PrismaClient,
  mapId: string,
  options: { expiresAt?: Date } = {},
): Promise<{ linkId: string; token: string }> {
  const token = newToken('share');
  const link = await prisma.shareLink.create({
    data: {
      mapId,
      number: (lastLinkNumber += 1),
      tokenHash: hashToken(token),
      expiresAt: options.expiresAt ?? null,
    },
  });
  return { linkId: link.id, token };
}

/** A workshop participant (guest session) on the map: connect with `{ cookie }`. */
export async function workshopGuestFor(
  prisma: PrismaClient,
  mapId: string,
  name: string,
): Promise<{ linkId: string; sessionId: string; cookie: string }> {
  const link = await prisma.workshopLink.create({
    data: { mapId, number: (lastLinkNumber += 1), tokenHash: hashToken(newToken('workshop')) },
  });
  const token = newToken('guest');
  const session = await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      workshopLinkId: link.id,
      guestName: name,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { linkId: link.id, sessionId: session.id, cookie: `jb_guest=${token}` };
}

/**
 * Credentials → what the WebSocket constructor needs. Default: the board's
 * editor, whose session token travels as a subprotocol — it survives tests
 * that swap the provider's WebSocket class (a "load balancer"), which a
 * header would not.
 */
function socketSetup(
  mapId: string,
  as: SyncCredentials | undefined,
): { headers: Record<string, string>; protocols: string[] } {
  if (as === 'anonymous') return { headers: {}, protocols: [] };
  if (!as) {
    const editor = boards.get(mapId)?.editor;
    return { headers: {}, protocols: editor ? [SYNC_SUBPROTOCOL, editor.token] : [] };
  }
  const headers: Record<string, string> = {};
  if (as.cookie) headers.cookie = as.cookie;
  if (as?.origin) headers.origin = as.origin;
  return { headers, protocols: as?.protocols ? [...as.protocols] : [] };
}

/** The `ws` class with fixed headers (a browser would send its cookies by itself). */
function webSocketWith(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly store: BoardStore;
  readonly provider: WebsocketProvider;
  /** Close events seen by the provider, newest last. */
  readonly closes: { code: number; reason: string }[];
  destroy(): void;
}

/** The next close the client's provider sees (code and the server's reason). */
export function closedWith(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.provider.once('closed', (event) => resolve(event));
  });
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
  options: { params?: Record<string, string>; doc?: Y.Doc; as?: SyncCredentials } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const { headers, protocols } = socketSetup(mapId, options.as);
  const provider = new WebsocketProvider(syncUrl, mapId, doc, {
    disableBc: true,
    WebSocketPolyfill: webSocketWith(headers) as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    protocols,
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

/**
 * Polls `condition` until it holds. The deadline is a safety net, not a
 * performance goal: be generous. `missing` says, when it passes, what was
 * still missing (evaluated then), so a failure explains itself.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  {
    timeoutMs = 5_000,
    what = 'condition',
    missing,
  }: {
    timeoutMs?: number;
    what?: string;
    missing?: () => string | Promise<string>;
  } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      const detail = missing ? `; missing: ${await missing()}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
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

/**
 * A raw socket, for sending what a well-behaved client never would. Connects
 * as the board's editor (the map id is the URL's last segment) unless
 * `options.headers` or `as` say otherwise.
 */
export async function openRawSocket(
  url: string,
  options: ClientOptions & { as?: SyncCredentials } = {},
): Promise<RawSocket> {
  const { as, ...clientOptions } = options;
  const mapId = new URL(url).pathname.split('/').pop() ?? '';
  const { headers, protocols } = socketSetup(mapId, as);
  const socket = new WebSocket(url, protocols, {
    ...clientOptions,
    headers: { ...headers, ...clientOptions.headers },
  });
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
