/**
 * THE authorisation policy. Every REST route and the sync socket ask here;
 * nothing else decides who may do what. It decides from the one capability
 * table in `@journeyboard/shared` (packages/shared/src/capabilities/table.ts).
 *
 * - On a map, an actor is every caller kind their credentials make them:
 *   their membership role in the map's workspace, `workshop-guest` through a
 *   workshop link for that map, `share-link` (`share-link-comments`) through a
 *   share link for it. They may do what any of those kinds may.
 * - No kind on a map → MAP_NOT_FOUND, exactly like a map that doesn't exist,
 *   so nobody can probe which map ids exist. A kind that may not take the
 *   action → FORBIDDEN (they can see the map anyway).
 * - Workspace actions need an account; a non-member gets WORKSPACE_NOT_FOUND.
 * - Things that live under a map or a workspace (threads, comments, links,
 *   personas, invitations) are authorised on their parent by
 *   `authorizeChild`; one the actor can't reach is "not found" itself.
 */
import { driverOf, type JourneyMap, type PrismaClient } from '@journeyboard/db';
import {
  sharedMapCapabilities,
  shareLinkKind,
  workspaceCapabilities,
  type CallerKind,
  type MapAction,
  type TMapEvent,
  type TMapLifecycle,
  type TUser,
  type TWorkspaceRole,
  type WorkspaceAction,
} from '@journeyboard/shared';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import {
  heldSlotOf,
  PRESENCE_SLOT_COLUMNS,
  type HeldPresenceSlot,
  type PresenceSlotRow,
} from '../services/presence/assign-presence-color.ts';
import { anonymousRefusal, isAnonymous, type Actor } from './actor.ts';
import { CHILD_RESOURCES, type ChildKind, type ChildRef } from './child-resources.ts';

export type { MapAction, WorkspaceAction } from '@journeyboard/shared';

type MapWithMembershipRow = JourneyMap & {
  readonly memberRole: TWorkspaceRole | null;
} & PresenceSlotRow;

/**
 * `journey_maps` as Prisma's `JourneyMap` reads it. Prisma keeps DateTime
 * columns as UTC `timestamp(3)`, which `pg` would read in the process's time
 * zone, so they are read as UTC. A column added to the model must be added
 * here (test/api/policy-reads.test.ts compares the two).
 */
const JOURNEY_MAP_COLUMNS = [
  'm.id',
  'm."workspaceId"',
  'm.title',
  'm.description',
  `m."createdAt" AT TIME ZONE 'UTC' AS "createdAt"`,
  `m."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`,
  'm.status',
  'm."ownerId"',
  `m."nextReviewAt" AT TIME ZONE 'UTC' AS "nextReviewAt"`,
  'm."reviewIntervalDays"',
  'm."sourceMapId"',
].join(', ');

export interface MapAccess {
  readonly map: JourneyMap;
  /**
   * Every kind the actor is on this map, in the order their credentials were
   * looked at: membership role, then workshop guest, then share link.
   */
  readonly kinds: readonly CallerKind[];
  /** What those kinds allow together, in catalogue order (sent to the caller). */
  readonly capabilities: readonly MapAction[];
  /**
   * Only when asked for (`presenceOf`): the presence slot that identity holds
   * on this map, null when it holds none yet (assign-presence-color.ts).
   */
  readonly presenceSlot?: HeldPresenceSlot | null;
}

export interface WorkspaceAccess {
  readonly user: TUser;
  readonly role: TWorkspaceRole;
  readonly capabilities: readonly WorkspaceAction[];
}

const ZUuid = z.uuid();
export const isUuid = (value: string): boolean => ZUuid.safeParse(value).success;

/** Whether the access allows `action`. */
export const can = (access: Pick<MapAccess, 'capabilities'>, action: MapAction): boolean =>
  access.capabilities.includes(action);

/** Someone watching a map's event stream, as of their last access check. */
export interface MapWatcher {
  readonly capabilities: readonly MapAction[];
  /** `participantOf(actor)?.key`; null for share links. */
  readonly participant: string | null;
}

/**
 * Whether a map event may be written to this watcher's stream: they hold
 * the audience's action and, for someone's own events (their votes), are
 * that someone. Every map event stream asks here for every event.
 */
export function mayReceive(
  watcher: MapWatcher,
  audience: { readonly action: MapAction; readonly participant?: string | undefined },
): boolean {
  if (!watcher.capabilities.includes(audience.action)) return false;
  return audience.participant === undefined || audience.participant === watcher.participant;
}

/**
 * A map's lifecycle as a caller sees it: the maps it was copied from and into
 * are the workspace's, named only to those who may see them (`map.links`) —
 * a share link's leader or a workshop guest sees this map's status and owner,
 * not the titles of the workspace's other maps.
 */
export function lifecycleSeenWith(
  lifecycle: TMapLifecycle,
  capabilities: readonly MapAction[],
): TMapLifecycle {
  if (capabilities.includes('map.links')) return lifecycle;
  return { ...lifecycle, sourceMap: null, futureStates: [] };
}

/** A map event as this watcher may see it (after `mayReceive`): see `lifecycleSeenWith`, `personaMapsSeenWith`. */
export function eventSeenBy(watcher: MapWatcher, event: TMapEvent): TMapEvent {
  switch (event.type) {
    case 'lifecycle':
      return { ...event, lifecycle: lifecycleSeenWith(event.lifecycle, watcher.capabilities) };
    case 'map-personas':
      return {
        ...event,
        personas: event.personas.map((persona) =>
          personaMapsSeenWith(persona, event.mapId, watcher.capabilities),
        ),
      };
    default:
      return event;
  }
}

/** A persona's other maps (`mapIds`) as a caller of this map may see them. */
export function personaMapsSeenWith<P extends { readonly mapIds: readonly string[] }>(
  persona: P,
  mapId: string,
  capabilities: readonly MapAction[],
): P {
  if (capabilities.includes('map.links')) return persona;
  return { ...persona, mapIds: persona.mapIds.filter((id) => id === mapId) };
}

/** What a workspace member may do with each map of their workspace (the map list). */
export const memberMapCapabilities = (role: TWorkspaceRole): readonly MapAction[] =>
  sharedMapCapabilities([role]);

/** What a member with `role` may do in the workspace (sent with every workspace). */
export const memberWorkspaceCapabilities = (role: TWorkspaceRole): WorkspaceAction[] =>
  workspaceCapabilities(role);

/** What opening a share link lets its holder do (before they hold it as a credential). */
export const shareLinkCapabilities = (allowComments: boolean): readonly MapAction[] =>
  sharedMapCapabilities([shareLinkKind(allowComments)]);

/** What joining a workshop lets the participant do. */
export const workshopGuestCapabilities = (): readonly MapAction[] =>
  sharedMapCapabilities(['workshop-guest']);

/** The actor's access to the map, or null when they cannot see it (or it doesn't exist). */
export async function findMapAccess(
  prisma: PrismaClient,
  actor: Actor,
  mapId: string,
  { presenceOf }: { readonly presenceOf?: string | undefined } = {},
): Promise<MapAccess | null> {
  if (!isUuid(mapId) || isAnonymous(actor)) return null;
  const id = mapId.toLowerCase();
  // The map and the caller's membership of its workspace in one query, sent
  // to the driver: every request on a map and every sync socket asks (the
  // join cost, issue #15; driverOf says why not Prisma). A sync socket also
  // reads its presence slot here: a third query per socket made a room
  // joining at once wait ~60 ms longer for the board (docs/benchmarks.md).
  const { rows } = await driverOf(prisma).query<MapWithMembershipRow>(
    `SELECT ${JOURNEY_MAP_COLUMNS}, ms.role AS "memberRole", ${PRESENCE_SLOT_COLUMNS}
     FROM journey_maps m
     LEFT JOIN memberships ms ON ms."workspaceId" = m."workspaceId" AND ms."userId" = $2::uuid
     LEFT JOIN presence_slots ps ON ps."mapId" = m.id AND ps."identityId" = $3
     WHERE m.id = $1::uuid`,
    [id, actor.user?.user.id ?? null, presenceOf ?? null],
  );
  const [row] = rows;
  if (!row) return null;
  const { memberRole, presenceSlot, presenceSeenMs, ...map } = row;
  const kinds: CallerKind[] = [];
  if (memberRole) kinds.push(memberRole);
  if (actor.guest?.mapId === id) kinds.push('workshop-guest');
  if (actor.share?.mapId === id) kinds.push(shareLinkKind(actor.share.allowComments));
  if (kinds.length === 0) return null;
  return {
    map,
    kinds,
    capabilities: sharedMapCapabilities(kinds),
    ...(presenceOf === undefined
      ? {}
      : { presenceSlot: heldSlotOf({ presenceSlot, presenceSeenMs }) }),
  };
}

/** Throws unless the actor may do `action` on the map; returns the map and the actor's access. */
export async function authorizeMap(
  prisma: PrismaClient,
  actor: Actor,
  mapId: string,
  action: MapAction,
): Promise<MapAccess> {
  if (isAnonymous(actor)) throw new AppError(anonymousRefusal(actor));
  const access = await findMapAccess(prisma, actor, mapId);
  if (!access) throw new AppError('MAP_NOT_FOUND');
  if (!can(access, action)) throw new AppError('FORBIDDEN', forbiddenMessage(access));
  return access;
}

/**
 * Someone holding only a read-only link (a leader, a script with its token)
 * is told what the link is and what to do, not just "no permission".
 */
function forbiddenMessage(access: MapAccess): string | undefined {
  const onlyALink = access.kinds.every(
    (kind) => kind === shareLinkKind(false) || kind === shareLinkKind(true),
  );
  return onlyALink
    ? 'A read-only link shows this map but cannot change it. To edit or comment, ask the map’s owner to invite you to its workspace.'
    : undefined;
}

/** Any credential at all (account, workshop guest, share link), else UNAUTHENTICATED. */
export function requireActor(actor: Actor): void {
  if (isAnonymous(actor)) throw new AppError(anonymousRefusal(actor));
}

/** Account-only routes: returns the signed-in user or throws UNAUTHENTICATED. */
export function requireUser(actor: Actor): TUser {
  if (!actor.user) throw new AppError('UNAUTHENTICATED');
  return actor.user.user;
}

/** Throws unless the signed-in user's role in the workspace allows `action`. */
export async function authorizeWorkspace(
  prisma: PrismaClient,
  actor: Actor,
  workspaceId: string,
  action: WorkspaceAction,
): Promise<WorkspaceAccess> {
  const user = requireUser(actor);
  if (!isUuid(workspaceId)) throw new AppError('WORKSPACE_NOT_FOUND');
  const membership = await prisma.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: workspaceId.toLowerCase(), userId: user.id } },
    select: { role: true },
  });
  if (!membership) throw new AppError('WORKSPACE_NOT_FOUND');
  const capabilities = workspaceCapabilities(membership.role);
  if (!capabilities.includes(action)) throw new AppError('FORBIDDEN');
  return { user, role: membership.role, capabilities };
}

type ParentAction<K extends ChildKind> = (typeof CHILD_RESOURCES)[K]['parent'] extends 'map'
  ? MapAction
  : WorkspaceAction;
type ParentAccess<K extends ChildKind> = (typeof CHILD_RESOURCES)[K]['parent'] extends 'map'
  ? MapAccess
  : WorkspaceAccess;

/**
 * Authorises an action on something that lives under a map or a workspace
 * (see child-resources.ts) by authorising it on the parent. The actor must
 * hold a credential before anything is looked up (anonymous callers learn
 * nothing); an id that doesn't exist and a parent the actor can't see are
 * the same "not found" of the child's kind. Returns the child's row and the
 * actor's access to the parent.
 */
export async function authorizeChild<K extends ChildKind>(
  prisma: PrismaClient,
  actor: Actor,
  kind: K,
  id: string,
  action: ParentAction<K>,
): Promise<{ child: ChildRef<K>; access: ParentAccess<K> }> {
  const resource = CHILD_RESOURCES[kind];
  if (resource.parent === 'map') requireActor(actor);
  else requireUser(actor);
  const child = isUuid(id) ? await resource.find(prisma, id.toLowerCase()) : null;
  if (!child) throw new AppError(resource.notFound);
  const parentHidden = resource.parent === 'map' ? 'MAP_NOT_FOUND' : 'WORKSPACE_NOT_FOUND';
  const access = await (
    resource.parent === 'map'
      ? authorizeMap(prisma, actor, child.parentId, action as MapAction)
      : authorizeWorkspace(prisma, actor, child.parentId, action as WorkspaceAction)
  ).catch((error: unknown) => {
    throw error instanceof AppError && error.code === parentHidden
      ? new AppError(resource.notFound)
      : error;
  });
  return { child: child as ChildRef<K>, access: access as ParentAccess<K> };
}
