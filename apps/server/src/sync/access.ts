/**
 * Authorisation: decides, once per connection at upgrade time, whether a
 * socket may join a map's document and whether it may change it.
 *
 * Today every existing map is open to everyone with write access. Accounts and
 * roles plug in here: a resolver gets the upgrade `request` (cookies, headers)
 * and answers with a decision; the rest of the sync server only ever looks at
 * the resulting `ConnectionAccess`. Credentials should travel in a cookie or
 * header, not the URL — URLs end up in proxy and server logs.
 */
import type { PrismaClient } from '@journeyboard/db';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CloseCode, CloseReason } from './close-codes.ts';

/** What a connection is allowed to do once it has joined. */
export interface ConnectionAccess {
  /** false: sync step 2 and updates from this connection are dropped (see read-only.ts). */
  readonly canWrite: boolean;
}

export type AccessDecision =
  | { readonly allow: true; readonly access: ConnectionAccess }
  /** The socket is closed with this code; use 4400–4499 for "don't retry" (the client stops). */
  | { readonly allow: false; readonly code: number; readonly reason: string };

export interface AccessContext {
  readonly mapId: string;
  /** The HTTP upgrade request. */
  readonly request: FastifyRequest;
  readonly prisma: PrismaClient;
}

export type ResolveAccess = (context: AccessContext) => Promise<AccessDecision>;

const ZMapId = z.uuid();

export const MAP_NOT_FOUND: AccessDecision = {
  allow: false,
  code: CloseCode.mapNotFound,
  reason: CloseReason.mapNotFound,
};

/**
 * The default policy: the map must exist; anyone may write. A non-UUID id
 * can't name a map, so it gets the same answer as a missing map (and never
 * reaches Postgres, which would reject it as invalid input).
 */
export const resolveAccess: ResolveAccess = async ({ mapId, prisma }) => {
  if (!ZMapId.safeParse(mapId).success) return MAP_NOT_FOUND;
  const map = await prisma.journeyMap.findUnique({ where: { id: mapId }, select: { id: true } });
  return map ? { allow: true, access: { canWrite: true } } : MAP_NOT_FOUND;
};
