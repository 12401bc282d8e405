// Runs one task against a fresh schema engine instance, and always cleans up:
// the engine's Wasm memory, its connection pools and any shadow database.
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { MigrationAdapterFactory } from './adapter-factory.ts';
import { enginePanic, loadSchemaEngineWasm } from './load-engine.ts';

export async function withSchemaEngine<T>(
  databaseUrl: string,
  task: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await loadSchemaEngineWasm();
  const factory = new MigrationAdapterFactory(databaseUrl);
  // The engine expects the error-capturing wrapper: adapter errors cross into
  // Rust as plain data and come back out by id via this registry.
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  let failed = false;
  try {
    // No datamodels: every call passes the schema it needs explicitly.
    engine = await wasm.SchemaEngine.new({ datamodels: undefined }, logEngineLine, bound);
    return await task(engine);
  } catch (error) {
    failed = true;
    throw toError(error, bound.errorRegistry);
  } finally {
    try {
      engine?.free();
    } catch {
      // Only fails after a panic, which the error thrown above already reports.
    }
    // Report a cleanup failure only if it would not hide the real error.
    await factory.close().catch((closeError: unknown) => {
      if (!failed) throw closeError;
    });
  }
}

/** The engine logs JSON lines (little beyond "starting"); shown with DEBUG=prisma*, like Prisma's own debug output. */
function logEngineLine(line: string): void {
  if (process.env.DEBUG?.includes('prisma')) console.error(`[schema-engine] ${line}`);
}

/**
 * Engine errors carry a Rust span trace after the message, and errors thrown
 * by our adapter come back only as "External error id#N" (the real error sits
 * in the registry). Rebuild a readable Error; the original stays as `cause`.
 */
function toError(error: unknown, registry: ErrorRegistry): Error {
  const panic = enginePanic();
  if (panic !== undefined) return new Error(`Schema engine panicked: ${panic}`, { cause: error });
  if (!(error instanceof Error)) {
    return new Error(`Schema engine failed: ${String(error)}`, { cause: error });
  }
  let message = error.message.split(/\n\s+0: /)[0] ?? error.message;
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
  if (original instanceof Error) {
    message = message.replace(/External error id#\d+/, original.message);
  }
  // Prisma's user-facing errors have a code (P3009 …) worth showing, as its CLI does.
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const readable = new Error(code ? `${code}: ${message.trim()}` : message.trim(), {
    cause: error,
  });
  readable.name = error.name;
  return Object.assign(readable, code ? { code } : {});
}
