import {
  routes,
  type TCreatePrivateCardRequest,
  type TPrivateCard,
  type TPrivateMode,
  type TPrivateModeProgress,
  type TUpdatePrivateCardRequest,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';

/**
 * The open map's silent brainstorm: whether it runs (everyone, share links
 * included), loaded after every `ready` of the map event stream and kept
 * current by its `private-mode` events.
 */
export function usePrivateMode(): TPrivateMode | undefined {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.privateMode(mapId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.privateMode.get, {
        params: { id: mapId ?? '' },
        signal,
        ...shareHeaders(shareToken),
      }),
    enabled: mapId !== null && live,
    staleTime: Infinity,
  }).data;
}

/**
 * This person's own private cards while a brainstorm runs (nobody else's
 * ever reach this browser): loaded on every `ready` — so a reload finds them
 * again — and replaced by each `private-cards` event (their other tabs).
 */
export function useOwnPrivateCards(running: boolean): readonly TPrivateCard[] {
  const mapId = useMapEventStore((state) => state.mapId);
  const live = useStreamLive();
  const mayWrite = useCan('board.edit');
  return (
    useQuery({
      queryKey: queryKeys.maps.privateCards(mapId ?? ''),
      queryFn: ({ signal }) =>
        call(routes.privateMode.listCards, { params: { id: mapId ?? '' }, signal }),
      enabled: mapId !== null && live && running && mayWrite,
      staleTime: Infinity,
    }).data?.cards ?? NO_CARDS
  );
}

const NO_CARDS: readonly TPrivateCard[] = Object.freeze([]);

/**
 * For a facilitator while a brainstorm runs: how many cards how many people
 * have written so far (counts only) — loaded on every `ready`, kept current
 * by `private-progress` events.
 */
export function usePrivateProgress(running: boolean): TPrivateModeProgress | undefined {
  const mapId = useMapEventStore((state) => state.mapId);
  const live = useStreamLive();
  const facilitates = useCan('workshop.facilitate');
  return useQuery({
    queryKey: queryKeys.maps.privateProgress(mapId ?? ''),
    queryFn: ({ signal }) =>
      call(routes.privateMode.progress, { params: { id: mapId ?? '' }, signal }),
    enabled: mapId !== null && live && running && facilitates,
    staleTime: Infinity,
  }).data;
}

export function receivePrivateProgress(
  queryClient: QueryClient,
  mapId: string,
  progress: TPrivateModeProgress,
): void {
  queryClient.setQueryData(queryKeys.maps.privateProgress(mapId), progress);
}

/** A state from an event or an answer; an older revision than the cached one is ignored. */
export function receivePrivateMode(
  queryClient: QueryClient,
  mapId: string,
  privateMode: TPrivateMode,
): void {
  queryClient.setQueryData<TPrivateMode>(queryKeys.maps.privateMode(mapId), (current) =>
    current && current.revision > privateMode.revision ? current : privateMode,
  );
  // Ended: the revealed cards are on the board now; the private copies go.
  if (!privateMode.running) receivePrivateCards(queryClient, mapId, []);
}

export function receivePrivateCards(
  queryClient: QueryClient,
  mapId: string,
  cards: TPrivateCard[],
): void {
  queryClient.setQueryData(queryKeys.maps.privateCards(mapId), { cards });
}

/** The facilitator's start and reveal; each answer is the new state, cached at once. */
export function usePrivateModeActions(mapId: string) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (change: 'start' | { anonymous: boolean }) =>
      change === 'start'
        ? call(routes.privateMode.start, { params: { id: mapId } })
        : call(routes.privateMode.end, { params: { id: mapId }, body: change }),
    onSuccess: (privateMode) => receivePrivateMode(queryClient, mapId, privateMode),
  });
  return { change: mutation.mutateAsync, pending: mutation.isPending };
}

/** A participant's own private cards: write, change, delete (the cache follows each answer). */
export function usePrivateCardActions(mapId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.maps.privateCards(mapId);
  const upsert = (card: TPrivateCard) =>
    queryClient.setQueryData<{ cards: TPrivateCard[] }>(key, (current) => {
      const cards = current?.cards ?? [];
      return cards.some((c) => c.id === card.id)
        ? { cards: cards.map((c) => (c.id === card.id ? card : c)) }
        : { cards: [...cards, card] };
    });
  return {
    create: async (body: TCreatePrivateCardRequest) =>
      upsert(await call(routes.privateMode.createCard, { params: { id: mapId }, body })),
    update: async (cardId: string, body: TUpdatePrivateCardRequest) =>
      upsert(await call(routes.privateMode.updateCard, { params: { id: mapId, cardId }, body })),
    remove: async (cardId: string) =>
      queryClient.setQueryData(
        key,
        await call(routes.privateMode.deleteCard, { params: { id: mapId, cardId } }),
      ),
  };
}
