import {
  routes,
  type TBallot,
  type TStartVoteRoundRequest,
  type TVoteProgress,
  type TVoteRound,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { shareHeaders, useMapEventStore, useStreamLive } from '../map-events/map-event-store.ts';
import { useVotingUi } from './voting-store.ts';
import { refetchChanged } from '../api/query-client.ts';

type Rounds = readonly TVoteRound[];

/**
 * The open map's voting rounds, newest first (ended ones with their
 * results): loaded after every `ready` of the map event stream, kept current
 * by its `vote-round` events. Nothing here ever holds another participant's
 * votes before the reveal — the server never sends them.
 */
export function useVoteRounds<T = Rounds>(select?: (rounds: Rounds) => T) {
  const mapId = useMapEventStore((state) => state.mapId);
  const shareToken = useMapEventStore((state) => state.shareToken);
  const live = useStreamLive();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.maps.voteRounds(mapId ?? '');
  return useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<Rounds> => {
      const { rounds } = await call(routes.voting.list, {
        params: { id: mapId ?? '' },
        signal,
        ...shareHeaders(shareToken),
      });
      revealEndedSince(queryClient.getQueryData<Rounds>(queryKey), rounds);
      return rounds;
    },
    enabled: mapId !== null && live,
    staleTime: Infinity,
    ...(select ? { select } : {}),
  });
}

const findRunning = (rounds: Rounds) => rounds.find((round) => round.status === 'running') ?? null;

/** The round that is running, if any. */
export const useRunningRound = (): TVoteRound | null => useVoteRounds(findRunning).data ?? null;

/** The round whose results are on show (the reveal opens them), if any. */
export function useShownResults(): TVoteRound | null {
  const shownId = useVotingUi((state) => state.shownResultsId);
  return (
    useVoteRounds((rounds) => rounds.find((round) => round.id === shownId && round.results)).data ??
    null
  );
}

/**
 * This person's own votes in the running round (only for those who vote):
 * loaded when the round is, kept current by their own `ballot` events.
 */
export function useBallot(): TBallot | null {
  const mapId = useMapEventStore((state) => state.mapId);
  const running = useRunningRound();
  const canVote = useCan('vote.cast');
  const queryClient = useQueryClient();
  const roundId = running?.id ?? '';
  const queryKey = queryKeys.maps.ballot(mapId ?? '', roundId);
  return (
    useQuery({
      queryKey,
      queryFn: async ({ signal }) =>
        newerBallot(
          queryClient.getQueryData<TBallot>(queryKey),
          await call(routes.voting.ballot, { params: { id: roundId }, signal }),
        ),
      enabled: mapId !== null && running !== null && canVote,
      staleTime: Infinity,
    }).data ?? null
  );
}

/**
 * How far the running round has got, for facilitators only (the server
 * answers nobody else): loaded with the round, kept current by
 * `vote-progress` events, which carry the counts whole.
 */
export function useVoteProgress(): TVoteProgress | null {
  const mapId = useMapEventStore((state) => state.mapId);
  const running = useRunningRound();
  const canFacilitate = useCan('workshop.facilitate');
  const roundId = running?.id ?? '';
  return (
    useQuery({
      queryKey: queryKeys.maps.voteProgress(mapId ?? '', roundId),
      queryFn: ({ signal }) => call(routes.voting.progress, { params: { id: roundId }, signal }),
      enabled: mapId !== null && running !== null && canFacilitate,
      staleTime: Infinity,
    }).data ?? null
  );
}

/** The queries of one round's details (`ballot`, `voteProgress`), of any round on the map. */
export const isRoundDetail =
  (mapId: string) =>
  ({ queryKey }: { queryKey: readonly unknown[] }): boolean => {
    const rounds = queryKeys.maps.voteRounds(mapId);
    return queryKey.length > rounds.length + 1 && rounds.every((part, i) => queryKey[i] === part);
  };

export function receiveVoteProgress(
  queryClient: QueryClient,
  mapId: string,
  progress: TVoteProgress,
): void {
  queryClient.setQueryData(queryKeys.maps.voteProgress(mapId, progress.roundId), progress);
}

/**
 * A reload (after a reconnect) that finds ended a round this tab knew running:
 * its reveal happened while the stream was down, so it is shown now, as it
 * was to everyone else. A first load shows nothing — a late arrival opens the
 * results from "Results".
 */
export function revealEndedSince(before: Rounds | undefined, after: Rounds): void {
  const ended = after.find(
    (round) =>
      round.status === 'ended' &&
      before?.some((known) => known.id === round.id && known.status === 'running'),
  );
  if (ended) useVotingUi.getState().showResults(ended.id);
}

/** Every round (a stream's `ready`); one that ended since this tab last looked is shown. */
export function receiveVoteRounds(queryClient: QueryClient, mapId: string, rounds: Rounds): void {
  const queryKey = queryKeys.maps.voteRounds(mapId);
  revealEndedSince(queryClient.getQueryData<Rounds>(queryKey), rounds);
  queryClient.setQueryData<Rounds>(queryKey, rounds);
}

/** A round started or ended (event or answer). An ended one is shown at once, to everyone. */
export function receiveRound(queryClient: QueryClient, mapId: string, round: TVoteRound): void {
  let revealed = false;
  queryClient.setQueryData<Rounds>(queryKeys.maps.voteRounds(mapId), (rounds) => {
    if (!rounds) {
      // Not loaded yet: the load after `ready` will have the round. The reveal
      // happened while this tab was on the map, so it is still shown.
      revealed = round.status === 'ended';
      return rounds;
    }
    const known = rounds.find((r) => r.id === round.id);
    // Never back from ended to running (an old answer overtaken by the reveal).
    if (known?.status === 'ended' && round.status === 'running') return rounds;
    revealed = round.status === 'ended' && known?.status !== 'ended';
    return known ? rounds.map((r) => (r.id === round.id ? round : r)) : [round, ...rounds];
  });
  if (round.status === 'running') {
    // A new round: nobody has voted yet, so this person's ballot is empty.
    queryClient.setQueryData<TBallot>(
      queryKeys.maps.ballot(mapId, round.id),
      (ballot) =>
        ballot ?? {
          roundId: round.id,
          votes: [],
          used: 0,
          remaining: round.votesPerPerson,
          revision: 0,
        },
    );
    useVotingUi.getState().showResults(null);
  }
  if (revealed) useVotingUi.getState().showResults(round.id);
  // The briefing ranks pain points by the latest results: an ended round changes them
  // (also where the rounds themselves were never loaded, as on the briefing page).
  if (round.status === 'ended') {
    void refetchChanged(queryClient, { queryKey: queryKeys.maps.voteResults(mapId) });
  }
}

/** The newer of two of one person's ballots (a load or answer may be overtaken). */
const newerBallot = (current: TBallot | undefined, next: TBallot): TBallot =>
  current && current.roundId === next.roundId && current.revision > next.revision ? current : next;

/**
 * This person's ballot, from their own event or answer. Two quick clicks are
 * two requests: their answers and events may arrive in any order, so an older
 * revision than the cached one is ignored.
 */
export function receiveBallot(queryClient: QueryClient, mapId: string, ballot: TBallot): void {
  queryClient.setQueryData<TBallot>(queryKeys.maps.ballot(mapId, ballot.roundId), (current) =>
    newerBallot(current, ballot),
  );
}

/** Starting and ending rounds (facilitators), voting and taking back (participants). */
export function useVotingActions(mapId: string) {
  const queryClient = useQueryClient();
  const onRound = (round: TVoteRound) => receiveRound(queryClient, mapId, round);
  const onBallot = (ballot: TBallot) => receiveBallot(queryClient, mapId, ballot);
  const start = useMutation({
    mutationFn: (input: TStartVoteRoundRequest) =>
      call(routes.voting.start, { params: { id: mapId }, body: input }),
    onSuccess: onRound,
  });
  const end = useMutation({
    mutationFn: (roundId: string) => call(routes.voting.end, { params: { id: roundId } }),
    onSuccess: onRound,
  });
  const vote = useMutation({
    mutationFn: (input: { roundId: string; cardId: string }) =>
      call(routes.voting.vote, { params: { id: input.roundId }, body: { cardId: input.cardId } }),
    onSuccess: onBallot,
  });
  const takeBack = useMutation({
    mutationFn: (input: { roundId: string; cardId: string }) =>
      call(routes.voting.takeBack, { params: { id: input.roundId, cardId: input.cardId } }),
    onSuccess: onBallot,
  });
  return {
    start: start.mutateAsync,
    end: end.mutateAsync,
    vote: vote.mutateAsync,
    takeBack: takeBack.mutateAsync,
  };
}
