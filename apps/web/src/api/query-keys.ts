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
    one: (mapId: string) => ['maps', 'one', mapId] as const,
    comments: (mapId: string) => ['maps', 'one', mapId, 'comments'] as const,
    personas: (mapId: string) => ['maps', 'one', mapId, 'personas'] as const,
    shareLinks: (mapId: string) => ['maps', 'one', mapId, 'share-links'] as const,
    workshopLinks: (mapId: string) => ['maps', 'one', mapId, 'workshop-links'] as const,
    /** The workshop timer (with the clock offset worked out when it arrived). */
    timer: (mapId: string) => ['maps', 'one', mapId, 'timer'] as const,
    /** The map as a map file (exports from the map list). */
    file: (mapId: string) => ['maps', 'one', mapId, 'file'] as const,
    voteRounds: (mapId: string) => ['maps', 'one', mapId, 'vote-rounds'] as const,
    /** This person's own votes in one round. */
    ballot: (mapId: string, roundId: string) =>
      ['maps', 'one', mapId, 'vote-rounds', roundId, 'ballot'] as const,
  },
  workspaces: {
    members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
    personas: (workspaceId: string) => ['workspaces', workspaceId, 'personas'] as const,
  },
  mentions: ['mentions'] as const,
  shareLink: (token: string) => ['share-link', token] as const,
};
