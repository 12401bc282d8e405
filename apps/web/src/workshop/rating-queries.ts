import {
  routes,
  type TMyRatings,
  type TRatingProgress,
  type TRatingRound,
  type TStartRatingRoundRequest,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';

type Rounds = readonly TRatingRound[];

/**
 * The open map's "Everyone rates" rounds, newest first (revealed ones with
 * the room's scores): loaded after every `ready` of the map event stream,
 * kept current by its `rating-round` events. Nothing here ever holds another
 * participant's scores before the reveal — the server never sends them.
 */
export function useRatingRounds<T = Rounds>(select?: (rounds: Rounds) => T) {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  return useQuery({
    queryKey: queryKeys.maps.ratingRounds(mapId ?? ''),
    queryFn: async ({ signal }): Promise<Rounds> =>
      (
        await call(routes.ratings.list, {
          params: { id: mapId ?? '' },
          signal,
          ...shareHeaders(shareToken),
        })
      ).rounds,
    enabled: mapId !== null && live,
    staleTime: Infinity,
    ...(select ? { select } : {}),
  });
}

const findRunning = (rounds: Rounds) => rounds.find((round) => round.status === 'running') ?? null;

/** The round everyone is rating in now, if any. */
export const useRunningRating = (): TRatingRound | null =>
  useRatingRounds(findRunning).data ?? null;

interface RatingUiState {
  /** Revealed rounds whose band this person closed (local: it is their view). */
  hidden: ReadonlySet<string>;
  hide: (roundId: string) => void;
}

export const useRatingUi = create<RatingUiState>()((set) => ({
  hidden: new Set(),
  hide: (roundId) => set((state) => ({ hidden: new Set([...state.hidden, roundId]) })),
}));

/**
 * Whether a round's scores show on this person's board: revealed, not
 * closed by a facilitator (for everyone), not hidden by this person (for
 * themselves).
 */
export function showsRoomScores(
  round: TRatingRound | null,
  hidden: ReadonlySet<string>,
): round is TRatingRound {
  return round?.status === 'revealed' && round.closedAt === null && !hidden.has(round.id);
}

/**
 * The revealed round whose band an emotion lane shows: the latest round on
 * that lane if its scores show (a new round on it hides the old band).
 */
export function useShownRating(laneId: string): TRatingRound | null {
  const hidden = useRatingUi((state) => state.hidden);
  const latest =
    useRatingRounds((rounds) => rounds.find((round) => round.laneId === laneId) ?? null).data ??
    null;
  return showsRoomScores(latest, hidden) ? latest : null;
}

/**
 * This person's own scores in the running round (only for those who rate):
 * loaded when the round is (and after every `ready`), kept current by the
 * answers to their changes and their own `my-ratings` events — whichever of
 * these is the newest revision, never the last to arrive.
 */
export function useMyRatings(): TMyRatings | null {
  const mapId = useMapEventStore((state) => state.mapId);
  const running = useRunningRating();
  const canRate = useCan('emotion.rate');
  const queryClient = useQueryClient();
  const roundId = running?.id ?? '';
  const queryKey = queryKeys.maps.myRatings(mapId ?? '', roundId);
  return (
    useQuery({
      queryKey,
      queryFn: async ({ signal }) =>
        newerRatings(
          queryClient.getQueryData<TMyRatings>(queryKey),
          await call(routes.ratings.mine, { params: { id: roundId }, signal }),
        ),
      enabled: mapId !== null && running !== null && canRate,
      staleTime: Infinity,
    }).data ?? null
  );
}

/**
 * How far the running round has got, for facilitators only (the server answers
 * nobody else): loaded with the round and after every `ready`, kept current by
 * `rating-progress` events, which carry the counts whole.
 */
export function useRatingProgress(): TRatingProgress | null {
  const mapId = useMapEventStore((state) => state.mapId);
  const running = useRunningRating();
  const canFacilitate = useCan('workshop.facilitate');
  const roundId = running?.id ?? '';
  return (
    useQuery({
      queryKey: queryKeys.maps.ratingProgress(mapId ?? '', roundId),
      queryFn: ({ signal }) => call(routes.ratings.progress, { params: { id: roundId }, signal }),
      enabled: mapId !== null && running !== null && canFacilitate,
      staleTime: Infinity,
    }).data ?? null
  );
}

export function receiveRatingProgress(
  queryClient: QueryClient,
  mapId: string,
  progress: TRatingProgress,
): void {
  queryClient.setQueryData(queryKeys.maps.ratingProgress(mapId, progress.roundId), progress);
}

/** The queries of one rating round's details (`mine`, `progress`), of any round on the map. */
export const isRatingRoundDetail =
  (mapId: string) =>
  ({ queryKey }: { queryKey: readonly unknown[] }): boolean => {
    const rounds = queryKeys.maps.ratingRounds(mapId);
    return queryKey.length > rounds.length + 1 && rounds.every((part, i) => queryKey[i] === part);
  };

/** The newer of two states of one person's scores (a load or answer may be overtaken). */
const newerRatings = (current: TMyRatings | undefined, next: TMyRatings): TMyRatings =>
  current && current.roundId === next.roundId && current.revision > next.revision ? current : next;

/** A round started or was revealed (event or answer). Never back from revealed to running. */
/** Every round (a stream's `ready`). */
export function receiveRatingRounds(queryClient: QueryClient, mapId: string, rounds: Rounds): void {
  queryClient.setQueryData<Rounds>(queryKeys.maps.ratingRounds(mapId), rounds);
}

export function receiveRatingRound(
  queryClient: QueryClient,
  mapId: string,
  round: TRatingRound,
): void {
  queryClient.setQueryData<Rounds>(queryKeys.maps.ratingRounds(mapId), (rounds) => {
    if (!rounds) return rounds; // not loaded yet: the load after `ready` will have it
    const known = rounds.find((r) => r.id === round.id);
    if (known?.status === 'revealed' && round.status === 'running') return rounds;
    return known ? rounds.map((r) => (r.id === round.id ? round : r)) : [round, ...rounds];
  });
  if (round.status === 'running') {
    // A new round: nobody has rated yet, so this person's scores are empty.
    queryClient.setQueryData<TMyRatings>(
      queryKeys.maps.myRatings(mapId, round.id),
      (mine) => mine ?? { roundId: round.id, scores: [], revision: 0 },
    );
  }
}

/**
 * This person's own scores, from their own event or answer. Two quick
 * choices are two requests: their answers and events may arrive in any
 * order, so an older revision than the cached one is ignored.
 */
export function receiveMyRatings(queryClient: QueryClient, mapId: string, mine: TMyRatings): void {
  queryClient.setQueryData<TMyRatings>(queryKeys.maps.myRatings(mapId, mine.roundId), (current) =>
    newerRatings(current, mine),
  );
}

/** Opening and revealing rounds (facilitators), setting one's own scores (participants). */
export function useRatingActions() {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const queryClient = useQueryClient();
  const onRound = (round: TRatingRound) => receiveRatingRound(queryClient, mapId, round);
  const onMine = (mine: TMyRatings) => receiveMyRatings(queryClient, mapId, mine);
  const start = useMutation({
    mutationFn: (input: TStartRatingRoundRequest) =>
      call(routes.ratings.start, { params: { id: mapId }, body: input }),
    onSuccess: onRound,
  });
  const reveal = useMutation({
    mutationFn: (roundId: string) => call(routes.ratings.reveal, { params: { id: roundId } }),
    onSuccess: onRound,
  });
  const close = useMutation({
    mutationFn: (roundId: string) => call(routes.ratings.close, { params: { id: roundId } }),
    onSuccess: onRound,
  });
  const rate = useMutation({
    mutationFn: (input: { roundId: string; stageId: string; score: number | null }) =>
      input.score === null
        ? call(routes.ratings.clear, { params: { id: input.roundId, stageId: input.stageId } })
        : call(routes.ratings.rate, {
            params: { id: input.roundId, stageId: input.stageId },
            body: { score: input.score },
          }),
    onSuccess: onMine,
  });
  return {
    start: start.mutateAsync,
    reveal: reveal.mutateAsync,
    close: close.mutateAsync,
    rate: rate.mutateAsync,
  };
}
