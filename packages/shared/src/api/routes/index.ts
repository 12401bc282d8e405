import type { RouteDefinition } from '../route.ts';
import { authRoutes } from './auth.ts';
import { commentRoutes } from './comments.ts';
import { healthRoutes } from './health.ts';
import { historyRoutes, versionRoutes } from './history.ts';
import { mapEventRoutes } from './map-events.ts';
import { mapRoutes } from './maps.ts';
import { personaRoutes } from './personas.ts';
import { handRoutes, ratingRoutes } from './room.ts';
import { sharingRoutes } from './sharing.ts';
import {
  facilitationRoutes,
  lockRoutes,
  privateModeRoutes,
  timerRoutes,
  votingRoutes,
} from './workshop.ts';
import { workspaceRoutes } from './workspaces.ts';

/**
 * THE REST contract: every route the server registers and the web calls,
 * by area. Nothing else writes an `/api/…` path.
 */
export const routes = {
  health: healthRoutes,
  auth: authRoutes,
  workspaces: workspaceRoutes,
  maps: mapRoutes,
  sharing: sharingRoutes,
  personas: personaRoutes,
  comments: commentRoutes,
  mapEvents: mapEventRoutes,
  timer: timerRoutes,
  voting: votingRoutes,
  versions: versionRoutes,
  history: historyRoutes,
  locks: lockRoutes,
  facilitation: facilitationRoutes,
  ratings: ratingRoutes,
  hands: handRoutes,
  privateMode: privateModeRoutes,
};

/** Every route of the contract, flat (registration checks, OpenAPI tests). */
export const allRoutes: readonly RouteDefinition[] = Object.values(routes).flatMap((area) =>
  Object.values<RouteDefinition>(area),
);
