import type { MapAction, TRatingRound } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { idsByTitle, makeTemplateDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import userEvent from '@testing-library/user-event';
import { mapCapabilities } from '@journeyboard/shared';
import * as Y from 'yjs';
import { setEmotion } from '@journeyboard/shared/board';
import { applyMapEvent } from '../../map-events/use-map-events.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { RatingBanner } from './everyone-rates.tsx';

const MAP = 'map-1';

const revealed = (patch: Partial<TRatingRound>): TRatingRound => ({
  id: 'round-1',
  mapId: MAP,
  laneId: 'lane-1',
  laneTitle: 'Emotions',
  anonymous: true,
  status: 'revealed',
  startedBy: { name: 'Fay' },
  createdAt: '2026-12-02T09:00:00.000Z',
  revealedAt: '2026-12-02T09:05:00.000Z',
  closedAt: null,
  raters: 0,
  results: [],
  ...patch,
});

function showBanner(round: TRatingRound) {
  const client = createQueryClient({ retry: false });
  client.setQueryData<TRatingRound[]>(queryKeys.maps.ratingRounds(MAP), [round]);
  render(
    <QueryClientProvider client={client}>
      <BoardSessionContext value={createBoardSession(makeTemplateDoc())}>
        <RatingBanner />
      </BoardSessionContext>
    </QueryClientProvider>,
  );
  return { client, banner: screen.getByRole('region', { name: "The room's scores" }) };
}

beforeEach(() => {
  useMapEventStore.getState().reset(MAP);
});

describe('the banner after a rating round’s reveal', () => {
  it('says once that nobody rated, without a count of zero', () => {
    const { banner } = showBanner(revealed({ raters: 0, results: [] }));
    expect(banner).toHaveTextContent('The room’s scores for Emotions: nobody rated · anonymous');
    expect(banner).not.toHaveTextContent(/0 people|Nobody rated\./);
  });

  it('counts the people who rated', () => {
    const { banner } = showBanner(revealed({ raters: 1, anonymous: false }));
    expect(banner).toHaveTextContent('The room’s scores for Emotions: 1 person rated');
  });

  it('goes from everyone’s board when a facilitator closes the round', async () => {
    const { client, banner } = showBanner(revealed({ raters: 1 }));
    act(() =>
      applyMapEvent(
        client,
        MAP,
        {
          type: 'rating-round',
          round: revealed({ raters: 1, closedAt: '2026-12-02T09:20:00.000Z' }),
        },
        { comments: false },
      ),
    );
    // The query cache tells its observers on its next tick.
    await waitFor(() => expect(banner).not.toBeInTheDocument());
  });
});

describe('the room’s mean as the curve, for the facilitator', () => {
  it('says whether the curve is the mean, read from the board: a point moved since brings the button back', async () => {
    const user = userEvent.setup();
    const doc = makeTemplateDoc();
    const ids = idsByTitle(doc);
    const result = (stage: string, mean: number) => ({
      stageId: ids.stage(stage),
      stageTitle: stage,
      n: 2,
      mean,
      min: mean,
      max: mean,
      scores: [],
    });
    const client = createQueryClient({ retry: false });
    client.setQueryData<TRatingRound[]>(queryKeys.maps.ratingRounds(MAP), [
      revealed({
        laneId: ids.lane('Emotions'),
        raters: 2,
        results: [result('Awareness', -1), result('Purchase', 2)],
      }),
    ]);
    render(
      <QueryClientProvider client={client}>
        <CapabilitiesProvider map={mapCapabilities(['owner'])}>
          <BoardSessionContext value={createBoardSession(doc)}>
            <RatingBanner />
          </BoardSessionContext>
        </CapabilitiesProvider>
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Use the room’s mean as the curve' }));
    expect(screen.getByRole('button', { name: 'The curve is the room’s mean' })).toBeDisabled();

    // A participant moves a point (another client's change reaching this board).
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setEmotion(other, { stageId: ids.stage('Purchase'), laneId: ids.lane('Emotions'), score: 0 });
    act(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc))));
    // It said "Mean adopted — use again" over a curve that was no longer the mean.
    await user.click(
      screen.getByRole('button', { name: 'The curve has changed since: use the mean again' }),
    );
    expect(screen.getByRole('button', { name: 'The curve is the room’s mean' })).toBeDisabled();
  });
});

describe('the banner while everyone rates', () => {
  const running = revealed({ status: 'running', revealedAt: null, raters: null, results: null });

  function showRunning(capabilities: MapAction[]) {
    const client = createQueryClient({ retry: false });
    client.setQueryData<TRatingRound[]>(queryKeys.maps.ratingRounds(MAP), [running]);
    // Loaded already (the round's own load): nothing asks the server in this test.
    client.setQueryData(queryKeys.maps.ratingProgress(MAP, running.id), {
      roundId: running.id,
      raters: 0,
      scores: 0,
    });
    client.setQueryData(queryKeys.maps.myRatings(MAP, running.id), {
      roundId: running.id,
      scores: [],
      revision: 0,
    });
    render(
      <QueryClientProvider client={client}>
        <CapabilitiesProvider map={capabilities}>
          <BoardSessionContext value={createBoardSession(makeTemplateDoc())}>
            <RatingBanner />
          </BoardSessionContext>
        </CapabilitiesProvider>
      </QueryClientProvider>,
    );
    return { client, banner: screen.getByRole('region', { name: 'Everyone rates' }) };
  }

  it('tells the facilitator how many people have rated so far, as the counts arrive', async () => {
    const { client, banner } = showRunning(['map.read', 'workshop.facilitate', 'emotion.rate']);
    expect(banner).toHaveTextContent('Nobody has rated yet');
    act(() =>
      applyMapEvent(
        client,
        MAP,
        { type: 'rating-progress', progress: { roundId: running.id, raters: 3, scores: 12 } },
        { comments: false },
      ),
    );
    // The query cache tells its observers on its next tick.
    expect(await within(banner).findByText('3 people have rated (12 scores)')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reveal scores' })).toBeInTheDocument();
  });

  it('shows a participant no count of the others', () => {
    const { banner } = showRunning(['map.read', 'emotion.rate']);
    expect(banner).toHaveTextContent('You rated 0 of');
    expect(banner).not.toHaveTextContent(/rated yet|people have rated/);
  });
});
