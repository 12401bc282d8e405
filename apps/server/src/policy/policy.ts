/**
 * THE authorisation policy. Every REST route and the sync socket ask here;
 * nothing else decides who may do what.
 *
 * - A map's role for an actor is the strongest of: their workspace
 *   membership role, `editor` through a workshop link for that map, `viewer`
 *   (`commenter` if the link allows comments) through a share link for it.
 * - No role on a map → MAP_NOT_FOUND, exactly like a map that doesn't exist,
 *   so nobody can probe which map ids exist. A role that is too weak for the
 *   action → FORBIDDEN (they can see the map anyway).
 * - Workspace actions need an account; a non-member gets WORKSPACE_NOT_FOUND.
 */
import type { JourneyMap, PrismaClient } from '@journeyboard/db';
import type { ErrorCode, TUser, TWorkspaceRole } from '@journeyboard/shared';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { isAnonymous, type Actor } from './actor.ts';

const RANK: Record<TWorkspaceRole, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export const atLeast = (role: TWorkspaceRole, minimum: TWorkspaceRole): boolean =>
  RANK[role] >= RANK[minimum];

/** How the actor reaches the map; link holders get only what the link is for. */
export type MapVia = 'member' | 'workshop' | 'share';

interface Rule {
  readonly minRole: TWorkspaceRole;
  /** Whether workshop/share link holders may do it at all (given the role). */
  readonly links: boolean;
  /**
   * A stronger minimum for share-link holders: their role is `viewer`, or
   * `commenter` when the owner allowed comments on the link.
   */
  readonly shareMinRole?: TWorkspaceRole;
}

export const MAP_RULES = {
  'map.read': { minRole: 'viewer', links: true },
  'map.update': { minRole: 'editor', links: true },
  'map.delete': { minRole: 'owner', links: false },
  /** Create, list and revoke read-only share links. */
  'map.share': { minRole: 'owner', links: false },
  /** Create, list and revoke workshop join links (facilitators). */
  'map.workshop': { minRole: 'editor', links: false },
  /** Change the board over the sync socket. */
  'board.edit': { minRole: 'editor', links: true },
  /**
   * Read comment threads (and their live events). Share-link holders only
   * when the link allows comments; workshop participants may read.
   */
  'comment.read': { minRole: 'viewer', links: true, shareMinRole: 'commenter' },
  /**
   * Start, reply to, resolve and reopen threads. Needs an account: a
   * comment has an author who can edit and delete it later, and @mentions
   * reach an inbox (link holders have neither).
   */
  'comment.write': { minRole: 'commenter', links: false },
  /** Delete anyone's comment (moderation); authors may always delete their own. */
  'comment.moderate': { minRole: 'owner', links: false },
  /** Link workspace personas to the map (link holders can't see the workspace's personas). */
  'map.personas': { minRole: 'editor', links: false },
  /** See versions, preview them and "what changed" — share-link viewers too (leadership). */
  'version.read': { minRole: 'viewer', links: true },
  /** Name a version: anyone who can edit the board (workshop participants too). */
  'version.create': { minRole: 'editor', links: true },
  /** Bring the whole map back to a version: members who can edit, not link holders. */
  'version.restore': { minRole: 'editor', links: false },
} as const satisfies Record<string, Rule>;
export type MapAction = keyof typeof MAP_RULES;

export const WORKSPACE_RULES = {
  'workspace.read': 'viewer',
  'workspace.create-map': 'editor',
  'workspace.manage': 'owner',
  /** Create, change and delete personas. */
  'workspace.personas': 'editor',
} as const satisfies Record<string, TWorkspaceRole>;
export type WorkspaceAction = keyof typeof WORKSPACE_RULES;

export interface MapAccess {
  readonly map: JourneyMap;
  readonly role: TWorkspaceRole;
  readonly via: MapVia;
}

const ZUuid = z.uuid();
export const isUuid = (value: string): boolean => ZUuid.safeParse(value).success;

/** Whether `access` allows `action`. */
export function allows(access: Pick<MapAccess, 'role' | 'via'>, action: MapAction): boolean {
  const rule: Rule = MAP_RULES[action];
  if (access.via !== 'member' && !rule.links) return false;
  if (access.via === 'share' && rule.shareMinRole && !atLeast(access.role, rule.shareMinRole)) {
    return false;
  }
  return atLeast(access.role, rule.minRole);
}

/** The actor's strongest access to the map, or null when they cannot see it (or it doesn't exist). */
export async function findMapAccess(
  prisma: PrismaClient,
  actor: Actor,
  mapId: string,
): Promise<MapAccess | null> {
  if (!isUuid(mapId) || isAnonymous(actor)) return null;
  const id = mapId.toLowerCase();
  const map = await prisma.journeyMap.findUnique({ where: { id } });
  if (!map) return null;
  const candidates: { role: TWorkspaceRole; via: MapVia }[] = [];
  if (actor.user) {
    const membership = await prisma.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: map.workspaceId, userId: actor.user.user.id } },
      select: { role: true },
    });
    if (membership) candidates.push({ role: membership.role, via: 'member' });
  }
  if (actor.guest?.mapId === id) candidates.push({ role: 'editor', via: 'workshop' });
  if (actor.share?.mapId === id) {
    candidates.push({ role: actor.share.allowComments ? 'commenter' : 'viewer', via: 'share' });
  }
  // Strongest role wins; on a tie, membership (it carries more rights).
  const best = candidates.sort((a, b) => RANK[b.role] - RANK[a.role])[0];
  return best ? { map, ...best } : null;
}

/** Throws unless the actor may do `action` on the map; returns the map and the actor's role. */
export async function authorizeMap(
  prisma: PrismaClient,
  actor: Actor,
  mapId: string,
  action: MapAction,
): Promise<MapAccess> {
  if (isAnonymous(actor)) throw new AppError('UNAUTHENTICATED');
  const access = await findMapAccess(prisma, actor, mapId);
  if (!access) throw new AppError('MAP_NOT_FOUND');
  if (!allows(access, action)) throw new AppError('FORBIDDEN');
  return access;
}

/** Any credential at all (account, workshop guest, share link), else UNAUTHENTICATED. */
export function requireActor(actor: Actor): void {
  if (isAnonymous(actor)) throw new AppError('UNAUTHENTICATED');
}

/** Account-only routes: returns the signed-in user or throws UNAUTHENTICATED. */
export function requireUser(actor: Actor): TUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user.user;
}

/** Throws unless the signed-in user's role in the workspace allows `action`; returns that role. */
export async function authorizeWorkspace(
  prisma: PrismaClient,
  actor: Actor,
  workspaceId: string,
  action: WorkspaceAction,
): Promise<{ user: TUser; role: TWorkspaceRole }> {
  const user = requireUser(actor);
  if (!isUuid(workspaceId)) throw new AppError('WORKSPACE_NOT_FOUND');
  const membership = await prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspaceId.toLowerCase(), userId: user.id } },
    select: { role: true },
  });
  if (!membership) throw new AppError('WORKSPACE_NOT_FOUND');
  if (!atLeast(membership.role, WORKSPACE_RULES[action])) throw new AppError('FORBIDDEN');
  return { user, role: membership.role };
}

/**
 * For things that live under a map or workspace (links, invitations): when
 * the actor can't see the parent, the thing itself is simply "not found".
 */
export const rethrowAs =
  (from: ErrorCode, to: ErrorCode) =>
  (error: unknown): never => {
    throw error instanceof AppError && error.code === from ? new AppError(to) : error;
  };
