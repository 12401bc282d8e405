/**
 * Things that live under a map or a workspace and are authorised on it
 * (policy.ts `authorizeChild`): how to find a child's parent, and which
 * "not found" a caller gets for a child they can't reach. A new kind of
 * child resource is one entry here, never another hand-written check.
 */
import type { PrismaClient } from '@journeyboard/db';
import type { ErrorCode } from '@journeyboard/shared';

interface ChildResource {
  readonly parent: 'map' | 'workspace';
  readonly notFound: ErrorCode;
  /** The child (by lower-cased UUID) with its parent's id, or null. */
  readonly find: (prisma: PrismaClient, id: string) => Promise<{ parentId: string } | null>;
}

export const CHILD_RESOURCES = {
  thread: {
    parent: 'map',
    notFound: 'THREAD_NOT_FOUND',
    find: async (prisma, id) => {
      const thread = await prisma.commentThread.findUnique({
        where: { id },
        select: { mapId: true },
      });
      return thread && { id, parentId: thread.mapId };
    },
  },
  comment: {
    parent: 'map',
    notFound: 'COMMENT_NOT_FOUND',
    find: async (prisma, id) => {
      const comment = await prisma.comment.findUnique({
        where: { id },
        select: { threadId: true, authorId: true, thread: { select: { mapId: true } } },
      });
      return (
        comment && {
          id,
          parentId: comment.thread.mapId,
          mapId: comment.thread.mapId,
          threadId: comment.threadId,
          authorId: comment.authorId,
        }
      );
    },
  },
  /** Revoked links are gone as far as anyone asking is concerned. */
  'share-link': {
    parent: 'map',
    notFound: 'LINK_NOT_FOUND',
    find: async (prisma, id) => {
      const link = await prisma.shareLink.findFirst({
        where: { id, revokedAt: null },
        select: { mapId: true },
      });
      return link && { id, parentId: link.mapId };
    },
  },
  'workshop-link': {
    parent: 'map',
    notFound: 'LINK_NOT_FOUND',
    find: async (prisma, id) => {
      const link = await prisma.workshopLink.findFirst({
        where: { id, revokedAt: null },
        select: { mapId: true },
      });
      return link && { id, parentId: link.mapId };
    },
  },
  /** A voting round: anyone who can see its map may see it. */
  'vote-round': {
    parent: 'map',
    notFound: 'VOTE_ROUND_NOT_FOUND',
    find: async (prisma, id) => {
      const round = await prisma.voteRound.findUnique({
        where: { id },
        select: { mapId: true, votesPerPerson: true, laneKinds: true, laneIds: true },
      });
      return (
        round && {
          id,
          parentId: round.mapId,
          votesPerPerson: round.votesPerPerson,
          laneKinds: round.laneKinds,
          laneIds: round.laneIds,
        }
      );
    },
  },
  /** An "Everyone rates" round: anyone who can see its map may see it. */
  'rating-round': {
    parent: 'map',
    notFound: 'RATING_ROUND_NOT_FOUND',
    find: async (prisma, id) => {
      const round = await prisma.ratingRound.findUnique({
        where: { id },
        select: { mapId: true, laneId: true },
      });
      return round && { id, parentId: round.mapId, laneId: round.laneId };
    },
  },
  persona: {
    parent: 'workspace',
    notFound: 'PERSONA_NOT_FOUND',
    find: async (prisma, id) => {
      const persona = await prisma.persona.findUnique({
        where: { id },
        select: { workspaceId: true },
      });
      return persona && { id, parentId: persona.workspaceId };
    },
  },
  invite: {
    parent: 'workspace',
    notFound: 'INVITE_NOT_FOUND',
    find: async (prisma, id) => {
      const invite = await prisma.workspaceInvite.findUnique({
        where: { id },
        select: { workspaceId: true },
      });
      return invite && { id, parentId: invite.workspaceId };
    },
  },
} as const satisfies Record<string, ChildResource>;

export type ChildKind = keyof typeof CHILD_RESOURCES;
/** What `find` returns for a kind: at least `{ id, parentId }`. */
export type ChildRef<K extends ChildKind> = NonNullable<
  Awaited<ReturnType<(typeof CHILD_RESOURCES)[K]['find']>>
>;
