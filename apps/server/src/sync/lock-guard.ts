/**
 * Facilitator locks on the sync socket. Like read-only.ts, a filter on what
 * a connection's updates may do — but finer: an update from a connection
 * without `workshop.facilitate` is applied together with a server-written
 * compensation that puts every locked item it touched back
 * (`applyGuardedUpdate` in the shared board model; design and failure modes
 * in docs/architecture.md, "Locks"). Facilitators' updates, and every update
 * while the map has no locks, are applied as they are.
 */
import {
  applyGuardedUpdate,
  BoardLockSet,
  locksBind,
  type GuardedUpdateResult,
} from '@journeyboard/shared/board';
import type * as Y from 'yjs';
import type { ConnectionAccess } from './access.ts';

/** Whether locks bind this connection (facilitators are never bound). */
export function boundByLocks(access: ConnectionAccess): boolean {
  return locksBind(access.capabilities);
}

/** Applies a client's update under `locks`; see applyGuardedUpdate. */
export function applyUnderLocks(
  doc: Y.Doc,
  update: Uint8Array,
  access: ConnectionAccess,
  locks: BoardLockSet,
  origin: unknown,
): GuardedUpdateResult {
  return applyGuardedUpdate(doc, update, boundByLocks(access) ? locks : BoardLockSet.EMPTY, origin);
}
