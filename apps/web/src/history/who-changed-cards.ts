import { personKeyOf, routes, type TActivityEntry } from '@journeyboard/shared';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { signedInMe } from '../auth/me.ts';
import { useHistoryTarget } from './version-queries.ts';

/** A card's deletion, or a rewrite of its text. */
export type CardChangeKind = 'card.removed' | 'card.text';

/** Enough of a card's newest entries to find its deletion or someone else's last rewrite. */
const ENTRIES_PER_CARD = 10;

/**
 * Who made each card's latest change of `kind`, one name per person: from the
 * entries of each card, newest first, leaving out `myKey` (another tab of
 * this person's is not "someone else"). Null unless every card has one: a
 * notice names people only when it can name all of them.
 */
export function whoChangedCards(
  entriesPerCard: readonly (readonly TActivityEntry[] | undefined)[],
  kind: CardChangeKind,
  myKey: string | null,
): string[] | null {
  const names = new Set<string>();
  for (const entries of entriesPerCard) {
    const entry =
      kind === 'card.removed' ? lastDeletion(entries) : lastRewriteByOther(entries, myKey);
    if (!entry || entry.author.kind === 'system' || entry.author.id === myKey) return null;
    names.add(entry.author.name);
  }
  return names.size > 0 ? [...names] : null;
}

const has = (entry: TActivityEntry, kind: string) =>
  entry.changes.some((change) => change.kind === kind);

/**
 * The card's deletion, if it is the newest thing that happened to it: a card
 * put back (added again, same id) and deleted again is not named by its first
 * deletion while the second one is still on its way to the feed.
 */
function lastDeletion(entries: readonly TActivityEntry[] | undefined) {
  const last = entries?.find((entry) => has(entry, 'card.added') || has(entry, 'card.removed'));
  return last && has(last, 'card.removed') ? last : undefined;
}

/** The newest rewrite of the card's text by someone other than this person. */
function lastRewriteByOther(entries: readonly TActivityEntry[] | undefined, myKey: string | null) {
  return entries?.find((entry) => has(entry, 'card.text') && entry.author.id !== myKey);
}

/**
 * Who deleted, or rewrote, the cards a notice is about — from each card's
 * activity, the server's attribution — so it can say "Ana deleted the card you
 * were writing" rather than "Someone". Null until the feed has every card's
 * (entries are written about a second after a change, and `activity-written`
 * refetches the cards it names), and for a reader who may not read history.
 */
export function useWhoChangedCards(
  cardIds: readonly string[],
  kind: CardChangeKind,
  { enabled }: { enabled: boolean },
): string[] | null {
  const { mapId, headers, known } = useHistoryTarget();
  const queryClient = useQueryClient();
  const entriesPerCard = useQueries({
    queries: cardIds.map((cardId) => ({
      // Not the byline's key: that one is an infinite query of the same card.
      queryKey: queryKeys.maps.activity(mapId, { cardId, newest: String(ENTRIES_PER_CARD) }),
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        (
          await call(routes.history.activity, {
            params: { id: mapId },
            query: { cardId, limit: ENTRIES_PER_CARD },
            signal,
            ...headers,
          })
        ).entries,
      enabled: known && enabled,
      staleTime: Infinity,
    })),
    combine: (results) => results.map((result) => result.data),
  });
  if (!enabled || cardIds.length === 0) return null;
  const me = signedInMe(queryClient);
  return whoChangedCards(entriesPerCard, kind, me ? personKeyOf(me) : null);
}
