/**
 * The catalogue of actions: everything the product asks "may this caller do
 * it?" about. Map actions are answered per map, workspace actions per
 * workspace. Who holds which is decided in ONE place, `table.ts`.
 */
import { z } from 'zod';

export const MAP_ACTIONS = [
  /** Open the map and its board; see its linked personas. */
  'map.read',
  /**
   * See which maps it was copied from and into, by title, and which maps its
   * personas are on: the workspace's maps, so its members'. A share link or a
   * workshop guest opens this map and nothing else of the workspace.
   */
  'map.links',
  /** Rename it or change its description. */
  'map.rename',
  'map.delete',
  /** Move it to another workspace. */
  'map.move',
  /** Set its status (archive and unarchive), owner, next review date and review interval. */
  'map.lifecycle',
  /** "Mark as reviewed": a named version "Reviewed by … on …" and the next review date moved on. */
  'map.review',
  /** Copy it (board, personas) into a new future-state map in its workspace. */
  'map.future-state',
  /** Change the board's content over the sync socket (cards, emotions…). */
  'board.edit',
  /** Add, rename, reorder and delete stages and lanes. */
  'board.structure',
  /** Read the comment threads (and their live events). */
  'comment.read',
  /** Start, reply to, resolve and reopen threads; edit and delete one's own comments. */
  'comment.write',
  /** Delete anyone's comment. */
  'comment.moderate',
  /** Create, list, change and revoke read-only share links. */
  'share.manage',
  /** Create, list and revoke workshop join links. */
  'workshop.manage',
  /** Link the workspace's personas to the map. */
  'personas.link',
  /** Run a workshop: timers, votes, locks, summoning. */
  'workshop.facilitate',
  /** Place and take back one's own votes in a running voting round. */
  'vote.cast',
  /** Set one's own emotion score per stage while an "Everyone rates" round runs. */
  'emotion.rate',
  /** Raise and lower one's own hand, and send short reactions, in a workshop. */
  'workshop.participate',
  /** See the map's versions, open one read-only, and what changed between two points. */
  'version.read',
  /** Name the board as it is now ("Before Q3 workshop"). */
  'version.create',
  /** Put the board back to an earlier version (one forward change everyone receives). */
  'version.restore',
  /** Export the map (text, CSV, print). */
  'export',
] as const;
export type MapAction = (typeof MAP_ACTIONS)[number];

export const WORKSPACE_ACTIONS = [
  /** See the workspace, its maps, members and personas. */
  'workspace.read',
  /** Rename the workspace. */
  'workspace.manage',
  /** Create maps in it. */
  'map.create',
  /** Add members, change their roles, remove them; invitations. */
  'members.manage',
  /** Create, change and delete the workspace's personas. */
  'personas.manage',
] as const;
export type WorkspaceAction = (typeof WORKSPACE_ACTIONS)[number];

export type Action = MapAction | WorkspaceAction;

export const ZMapCapability = z.enum(MAP_ACTIONS);
export const ZWorkspaceCapability = z.enum(WORKSPACE_ACTIONS);
/** What the caller may do with one map, as sent with every map (REST and sync). */
export const ZMapCapabilities = z.array(ZMapCapability);
/** What the caller may do in one workspace, as sent with every workspace. */
export const ZWorkspaceCapabilities = z.array(ZWorkspaceCapability);
