import type { TVoteRound } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { addCardTo, idsByTitle, makeTemplateDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useVotingUi } from '../../workshop/voting-store.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { BoardModeContext, type BoardMode } from '../board/board-mode.ts';
import { BoardView } from '../board/board-view.tsx';
import { CardVotes } from './card-votes.tsx';
import { CardVotingProvider } from '../../workshop/card-voting.tsx';

const MAP = 'map-1';

const result = (cardId: string, votes: number, rank: number) => ({
  cardId,
  cardText: '',
  stageId: 's',
  stageTitle: 'Purchase',
  laneId: 'l',
  laneTitle: 'Pain points',
  votes,
  rank,
  voters: null,
});

const revealed = (results: ReturnType<typeof result>[]): TVoteRound => ({
  id: 'r1',
  mapId: MAP,
  question: 'Which hurts most?',
  votesPerPerson: 5,
  maxPerCard: 3,
  laneKinds: [],
  laneIds: [],
  anonymous: true,
  status: 'ended',
  startedBy: { name: 'Fiona' },
  createdAt: '2026-12-02T10:00:00.000Z',
  endsAt: null,
  endedAt: '2026-12-02T10:05:00.000Z',
  now: '2026-12-02T10:05:00.000Z',
  results,
  totals: null,
});

beforeEach(() => {
  useUiStore.getState().reset();
  useMapEventStore.getState().reset(MAP);
  useVotingUi.getState().showResults(null);
});

describe('votes on the board’s cards', () => {
  it('shows each card’s revealed count from one read of the rounds for the whole board', () => {
    const doc = makeTemplateDoc();
    const cards = Array.from({ length: 40 }, (_, index) =>
      addCardTo(doc, 'Purchase', 'Pain points', `Pain ${index + 1}`),
    );
    const client = createQueryClient({ retry: false });
    client.setQueryData(queryKeys.maps.voteRounds(MAP), [
      revealed([result(cards[0]!, 3, 1), result(cards[1]!, 1, 2)]),
    ]);
    useVotingUi.getState().showResults('r1');
    render(
      <QueryClientProvider client={client}>
        <BoardSessionContext value={createBoardSession(doc)}>
          <BoardView mode="read-only" />
        </BoardSessionContext>
      </QueryClientProvider>,
    );

    expect(screen.getByRole('listitem', { name: 'Pain 1' })).toContainElement(
      screen.getByLabelText('3 votes'),
    );
    expect(screen.getByRole('listitem', { name: 'Pain 2' })).toContainElement(
      screen.getByLabelText('1 vote'),
    );
    expect(screen.getAllByLabelText(/^\d+ votes?$/)).toHaveLength(2);
    // Not one observer (or three, with the ballot) per card: a 1,000-card board
    // spent seconds creating them, and again for every print.
    const rounds = client.getQueryCache().find({ queryKey: queryKeys.maps.voteRounds(MAP) });
    expect(rounds!.getObserversCount()).toBeLessThanOrEqual(2);
    // No ballot is asked for outside a running round (ballot keys start with the rounds').
    expect(
      client.getQueryCache().findAll({ queryKey: queryKeys.maps.voteRounds(MAP) }),
    ).toHaveLength(1);
  });

  it('offers no further vote on a card that has as many of this person’s votes as one card can take', () => {
    const doc = makeTemplateDoc();
    const full = addCardTo(doc, 'Purchase', 'Pain points', 'Pain 1');
    addCardTo(doc, 'Purchase', 'Pain points', 'Pain 2');
    const client = createQueryClient({ retry: false });
    const running: TVoteRound = {
      ...revealed([]),
      id: 'r2',
      maxPerCard: 1,
      status: 'running',
      endedAt: null,
      results: null,
    };
    client.setQueryData(queryKeys.maps.voteRounds(MAP), [running]);
    client.setQueryData(queryKeys.maps.ballot(MAP, 'r2'), {
      roundId: 'r2',
      votes: [{ cardId: full, votes: 1 }],
      used: 1,
      remaining: 4,
      revision: 1,
    });
    render(
      <QueryClientProvider client={client}>
        <CapabilitiesProvider map={['map.read', 'vote.cast']}>
          <BoardSessionContext value={createBoardSession(doc)}>
            <BoardView mode="read-only" />
          </BoardSessionContext>
        </CapabilitiesProvider>
      </QueryClientProvider>,
    );

    const vote = (name: string) => screen.getByRole('button', { name: `Vote for ${name}` });
    expect(vote('Pain 1')).toBeDisabled();
    expect(vote('Pain 1')).toHaveAttribute(
      'title',
      'This card has as many of your votes as one card can take',
    );
    expect(vote('Pain 2')).toBeEnabled();
  });

  it('opens a collapsed lane for everyone while a vote on some lanes asks for its cards, and while its results show', async () => {
    const doc = makeTemplateDoc();
    addCardTo(doc, 'Purchase', 'Pain points', 'Pain 1');
    const session = createBoardSession(doc);
    session.actions.setLaneCollapsed(idsByTitle(doc).lane('Pain points'), true);
    const client = createQueryClient({ retry: false });
    const running = (laneKinds: TVoteRound['laneKinds']): TVoteRound[] => [
      { ...revealed([]), status: 'running', endedAt: null, results: null, laneKinds },
    ];
    client.setQueryData(queryKeys.maps.voteRounds(MAP), running([]));
    render(
      <QueryClientProvider client={client}>
        <BoardSessionContext value={session}>
          <BoardView mode="read-only" />
        </BoardSessionContext>
      </QueryClientProvider>,
    );
    // A vote on every lane asks nothing of this one in particular: it stays as the board has it.
    expect(screen.queryByRole('listitem', { name: 'Pain 1' })).toBeNull();
    act(() => void client.setQueryData(queryKeys.maps.voteRounds(MAP), running(['pain'])));
    expect(await screen.findByRole('listitem', { name: 'Pain 1' })).toBeVisible();
    // Ended, its results on show: the dots are in the lane, which stays open for them.
    act(() => {
      client.setQueryData(queryKeys.maps.voteRounds(MAP), [
        { ...revealed([]), laneKinds: ['pain'] },
      ]);
      useVotingUi.getState().showResults('r1');
    });
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Pain 1' })).toBeVisible());
    act(() => useVotingUi.getState().showResults(null));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Pain 1' })).toBeNull());
  });

  it('shows no vote buttons on a printed board while a round runs', () => {
    const client = createQueryClient({ retry: false });
    const running: TVoteRound = {
      ...revealed([]),
      id: 'r3',
      status: 'running',
      endedAt: null,
      results: null,
    };
    client.setQueryData(queryKeys.maps.voteRounds(MAP), [running]);
    const card = (mode: BoardMode) =>
      render(
        <QueryClientProvider client={client}>
          <CapabilitiesProvider map={['map.read', 'vote.cast']}>
            <BoardModeContext value={mode}>
              <CardVotingProvider>
                <CardVotes cardId="c1" laneId="l1" laneKind="pain" label="Pain 1" />
              </CardVotingProvider>
            </BoardModeContext>
          </CapabilitiesProvider>
        </QueryClientProvider>,
      );
    const onScreen = card('read-only');
    expect(screen.getByRole('button', { name: 'Vote for Pain 1' })).toBeInTheDocument();
    onScreen.unmount();
    card('print');
    expect(screen.queryByRole('button', { name: 'Vote for Pain 1' })).toBeNull();
  });
});
