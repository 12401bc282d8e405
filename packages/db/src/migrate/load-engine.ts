// Loads Prisma's schema engine compiled to WebAssembly.
//
// The package's entry module does `import * as wasm from "./schema_engine_bg.wasm"`,
// which only bundlers understand; Node cannot import a .wasm file. So we do
// what that entry does by hand: instantiate the .wasm with the wasm-bindgen
// glue module as its imports, then hand the instance back to the glue.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

// lib ES2023 and @types/node 22 declare no WebAssembly types; this is the
// slice we use, read off globalThis so it cannot clash with a DOM lib.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };

// The glue keeps the instance in module state, so instantiate once per
// module instance (per process, or per test file under vitest's isolation).
let ready: Promise<typeof glue> | undefined;
let panicMessage: string | undefined;

/** The message of the panic that killed this process's engine instance, if one did. */
export function enginePanic(): string | undefined {
  return panicMessage;
}

export function loadSchemaEngineWasm(): Promise<typeof glue> {
  if (panicMessage !== undefined) {
    return Promise.reject(
      new Error(`The schema engine panicked earlier in this process; restart it.\n${panicMessage}`),
    );
  }
  ready ??= instantiate().catch((error: unknown) => {
    ready = undefined; // let a later call retry
    throw error;
  });
  return ready;
}

/**
 * The engine races each advisory-lock attempt against a 10 s setTimeout and
 * never clears it, which kept every CLI run and test process alive for 10 s
 * after finishing. Its timers only ever race real I/O (which keeps the
 * process alive by itself while pending), so they need not hold it open.
 */
function withUnrefTimers(imports: typeof glue): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...imports };
  for (const name of Object.keys(patched).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

/**
 * A Rust panic inside the engine reports its message through this global
 * (Prisma's CLI defines it), then traps. Without it the panic surfaces only as
 * "Cannot read properties of undefined (reading 'set_message')". The instance
 * is unusable afterwards, and the glue's module state cannot be re-pointed at
 * a fresh one, so later calls fail fast (see loadSchemaEngineWasm).
 */
function installPanicRegistry(): void {
  const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  g.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      panicMessage = message;
    },
  };
}

async function instantiate(): Promise<typeof glue> {
  installPanicRegistry();
  const gluePath = createRequire(import.meta.url).resolve(
    '@prisma/schema-engine-wasm/schema_engine_bg',
  );
  const bytes = await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm'));
  // The module imports everything from "./schema_engine_bg.js", i.e. the glue.
  const { instance } = await WebAssembly.instantiate(bytes, {
    './schema_engine_bg.js': withUnrefTimers(glue),
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}
