/**
 * Every query key, in one place, so a mutation or a live event invalidates
 * exactly what it changed. Keys nest: invalidating `mapKeys.one(id)` also
 * invalidates that map's comments, personas and links.
 */
export const queryKeys = {
  me: ['me'] as const,
  maps: {
    all: ['maps'] as const,
    list: (workspaceId?: string) => ['maps', 'list', workspaceId ?? 'all'] as const,
    /** Archived maps (they leave the everyday list). */
    archived: ['maps', 'list', 'archived'] as const,
    one: (mapId: string) => ['maps', 'one', mapId] as const,
    /** Full-text search results for one query (any change to maps refreshes them). */
    search: (query: string) => ['maps', 'search', query] as const,
    comments: (mapId: string) => ['maps', 'one', mapId, 'comments'] as const,
    personas: (mapId: string) => ['maps', 'one', mapId, 'personas'] as const,
    shareLinks: (mapId: string) => ['maps', 'one', mapId, 'share-links'] as const,
    workshopLinks: (mapId: string) => ['maps', 'one', mapId, 'workshop-links'] as const,
    /** The workshop timer (with the clock offset worked out when it arrived). */
    timer: (mapId: string) => ['maps', 'one', mapId, 'timer'] as const,
    /** The map as a map file (exports from the map list). */
    file: (mapId: string) => ['maps', 'one', mapId, 'file'] as const,
    voteRounds: (mapId: string) => ['maps', 'one', mapId, 'vote-rounds'] as const,
    /** The map's versions, newest first. */
    versions: (mapId: string) => ['maps', 'one', mapId, 'versions'] as const,
    /** One version with its board (never changes: versions are immutable). */
    version: (mapId: string, versionId: string) =>
      ['maps', 'one', mapId, 'versions', versionId] as const,
    /** What changed between two points ("now" is refetched whenever asked). */
    /** The version "since the last review" compares with (routes.versions.lastReview). */
    lastReview: (mapId: string) => ['maps', 'one', mapId, 'last-review'] as const,
    changes: (mapId: string, from: string, to: string) =>
      ['maps', 'one', mapId, 'changes', from, to] as const,
    /** The activity feed, per filter (person, stage, card). */
    activity: (mapId: string, filter: Readonly<Record<string, string>>) =>
      ['maps', 'one', mapId, 'activity', filter] as const,
    /** This person's previous visit, recorded when the board opened. */
    visit: (mapId: string) => ['maps', 'one', mapId, 'visit'] as const,
    /** A future-state map against its current-state source. */
    sourceComparison: (mapId: string) => ['maps', 'one', mapId, 'source-comparison'] as const,
    /** The facilitator's locks. */
    locks: (mapId: string) => ['maps', 'one', mapId, 'locks'] as const,
    /** "Bring everyone to me" and the spotlit stage. */
    facilitation: (mapId: string) => ['maps', 'one', mapId, 'facilitation'] as const,
    /** Whether a silent brainstorm runs. */
    privateMode: (mapId: string) => ['maps', 'one', mapId, 'private-mode'] as const,
    /** This person's own private cards of the running silent brainstorm. */
    privateCards: (mapId: string) => ['maps', 'one', mapId, 'private-cards'] as const,
    /** The running brainstorm's counts, for its facilitators. */
    privateProgress: (mapId: string) => ['maps', 'one', mapId, 'private-progress'] as const,
    /** The latest voting result of every card (the briefing's votes). */
    voteResults: (mapId: string) => ['maps', 'one', mapId, 'vote-results'] as const,
    /** This person's own votes in one round. */
    ballot: (mapId: string, roundId: string) =>
      ['maps', 'one', mapId, 'vote-rounds', roundId, 'ballot'] as const,
    /** How many have voted in one round so far (facilitators). */
    voteProgress: (mapId: string, roundId: string) =>
      ['maps', 'one', mapId, 'vote-rounds', roundId, 'progress'] as const,
    /** "Everyone rates" rounds, newest first. */
    ratingRounds: (mapId: string) => ['maps', 'one', mapId, 'rating-rounds'] as const,
    /** How many have rated in one rating round so far (facilitators). */
    ratingProgress: (mapId: string, roundId: string) =>
      ['maps', 'one', mapId, 'rating-rounds', roundId, 'progress'] as const,
    /** This person's own scores in one rating round. */
    myRatings: (mapId: string, roundId: string) =>
      ['maps', 'one', mapId, 'rating-rounds', roundId, 'mine'] as const,
    /** The raised hands (with which one is this person's). */
    hands: (mapId: string) => ['maps', 'one', mapId, 'hands'] as const,
  },
  workspaces: {
    members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
    /** What an invitation link is for (the sign-up page, before an account exists). */
    invitePreview: (token: string) => ['invites', 'preview', token] as const,
    personas: (workspaceId: string) => ['workspaces', workspaceId, 'personas'] as const,
  },
  mentions: ['mentions'] as const,
  shareLink: (token: string) => ['share-link', token] as const,
  workshopLink: (token: string) => ['workshop-link', token] as const,
};

/** Any workspace's persona list (`queryKeys.workspaces.personas`), for an event that names no workspace. */
export const isWorkspacePersonas = ({ queryKey }: { queryKey: readonly unknown[] }): boolean =>
  queryKey[0] === 'workspaces' && queryKey[2] === 'personas';
