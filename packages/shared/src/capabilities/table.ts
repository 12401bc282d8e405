/**
 * WHO MAY DO WHAT — the one table. The server's policy
 * (apps/server/src/policy/policy.ts) decides from it, the server sends each
 * caller the resulting capabilities with every map and workspace, and the
 * web offers exactly those (`useCan`). The authorisation matrix test
 * (apps/server/test/api/authorization.test.ts) is generated from it.
 *
 * To let someone do something: add the action to `actions.ts`, then to the
 * rows here. A caller kind without a row does not compile.
 */
import type { MapAction, WorkspaceAction } from './actions.ts';
import type { CallerKind } from './caller-kinds.ts';

interface Row {
  readonly map: readonly MapAction[];
  /** Only workspace members have workspace actions. */
  readonly workspace: readonly WorkspaceAction[];
}

/**
 * What every reader may do: open the map, export it, and see its history
 * (versions, "what changed" — share-link viewers too: leadership asks "what
 * changed since we last looked?" without an account).
 */
const READ: readonly MapAction[] = ['map.read', 'export', 'version.read'];

/** What every workspace member reads besides: the map's place among the workspace's maps. */
const MEMBER_READ: readonly MapAction[] = [...READ, 'map.links'];

/*
 * Lifecycle: a map's status, owner and review dates say who answers for it,
 * so they are the map managers' (owners') — like deleting or moving it.
 * Marking it reviewed and copying it into a future-state map are content
 * work: the editors' too (a review is a named version, which they can
 * already take; a copy is a new map, which they can already create).
 */
export const CAPABILITY_TABLE = {
  owner: {
    map: [
      ...MEMBER_READ,
      'map.rename',
      'map.delete',
      'map.move',
      'map.lifecycle',
      'map.review',
      'map.future-state',
      'board.edit',
      'board.structure',
      'comment.read',
      'comment.write',
      'comment.moderate',
      'share.manage',
      'workshop.manage',
      'personas.link',
      'workshop.facilitate',
      'vote.cast',
      'emotion.rate',
      'workshop.participate',
      'version.create',
      'version.restore',
    ],
    workspace: [
      'workspace.read',
      'workspace.manage',
      'map.create',
      'members.manage',
      'personas.manage',
    ],
  },
  editor: {
    map: [
      ...MEMBER_READ,
      'map.rename',
      'map.review',
      'map.future-state',
      'board.edit',
      'board.structure',
      'comment.read',
      'comment.write',
      'workshop.manage',
      'personas.link',
      'workshop.facilitate',
      'vote.cast',
      'emotion.rate',
      'workshop.participate',
      'version.create',
      'version.restore',
    ],
    workspace: ['workspace.read', 'map.create', 'personas.manage'],
  },
  /** Gives feedback without editing: comments, and votes in a workshop's rounds. */
  commenter: {
    map: [
      ...MEMBER_READ,
      'comment.read',
      'comment.write',
      'vote.cast',
      'emotion.rate',
      'workshop.participate',
    ],
    workspace: ['workspace.read'],
  },
  viewer: {
    map: [...MEMBER_READ, 'comment.read'],
    workspace: ['workspace.read'],
  },
  /**
   * A workshop participant edits the board with everyone else, but has no
   * account: no comments of their own (a comment needs an author who can
   * edit it later, a mention needs an inbox), nothing that outlives the
   * workshop (links, versions), and no facilitation. They do vote.
   */
  'workshop-guest': {
    map: [
      ...READ,
      'map.rename',
      'board.edit',
      'board.structure',
      'comment.read',
      'vote.cast',
      'emotion.rate',
      'workshop.participate',
    ],
    workspace: [],
  },
  'share-link': { map: READ, workspace: [] },
  'share-link-comments': { map: [...READ, 'comment.read'], workspace: [] },
} as const satisfies Record<CallerKind, Row>;
