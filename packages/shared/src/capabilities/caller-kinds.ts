/**
 * Every kind of caller the policy knows. A person may be several at once (a
 * member who also holds a workshop or share link for the same map): they may
 * then do what any of their kinds may.
 */
import { WORKSPACE_ROLES, type TWorkspaceRole } from '../api/roles.ts';

export const CALLER_KINDS = [
  ...WORKSPACE_ROLES,
  /** Joined a workshop through its link: a display name on one map, no account. */
  'workshop-guest',
  /** Holds a read-only share link. */
  'share-link',
  /** Holds a read-only share link whose owner turned comments on. */
  'share-link-comments',
] as const;
export type CallerKind = (typeof CALLER_KINDS)[number];

/** Callers that are workspace members (the only ones with workspace actions). */
export type MemberKind = TWorkspaceRole;

export const shareLinkKind = (allowComments: boolean): CallerKind =>
  allowComments ? 'share-link-comments' : 'share-link';
