import type { TRatingRound } from '@journeyboard/shared';
import { setEmotion } from '@journeyboard/shared/board';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { makeTemplateDoc, readDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { receiveRatingRound, useRatingUi } from '../../workshop/rating-queries.ts';
import { BoardModeContext } from './board-mode.ts';
import { EmotionCurve } from './emotion-curve.tsx';

const MAP = 'map-1';

function setup(mode: 'edit' | 'read-only' | 'present' = 'read-only') {
  const doc = makeTemplateDoc();
  const board = readDoc(doc);
  const lane = board.lanes.find((item) => item.kind === 'emotion');
  const [first, second, third] = board.stages;
  if (!lane || !first || !second || !third) throw new Error('template changed');
  setEmotion(doc, { stageId: first.id, laneId: lane.id, score: 1 });
  const session = createBoardSession(doc);
  const client = createQueryClient({ retry: false });
  client.setQueryData<TRatingRound[]>(queryKeys.maps.ratingRounds(MAP), []);
  render(
    <QueryClientProvider client={client}>
      <BoardSessionContext value={session}>
        <BoardModeContext value={mode}>
          <EmotionCurve laneId={lane.id} stages={session.store.getSnapshot().stages} />
        </BoardModeContext>
      </BoardSessionContext>
    </QueryClientProvider>,
  );
  const round = (patch: Partial<TRatingRound>): TRatingRound => ({
    id: 'round-1',
    mapId: MAP,
    laneId: lane.id,
    laneTitle: lane.title,
    anonymous: true,
    status: 'revealed',
    startedBy: { name: 'Fay' },
    createdAt: '2026-12-02T09:00:00.000Z',
    revealedAt: '2026-12-02T09:05:00.000Z',
    closedAt: null,
    raters: 3,
    results: [
      {
        stageId: first.id,
        stageTitle: first.title,
        n: 3,
        mean: -0.33,
        min: -2,
        max: 1,
        scores: [-2, 0, 1].map((score) => ({ name: null, score })),
      },
      {
        stageId: third.id,
        stageTitle: third.title,
        n: 1,
        mean: 2,
        min: 2,
        max: 2,
        scores: [{ name: null, score: 2 }],
      },
    ],
    ...patch,
  });
  const receive = (value: TRatingRound) => act(() => receiveRatingRound(client, MAP, value));
  return { round, receive, first, third };
}

const bandStages = () => screen.queryAllByTestId('room-band-stage');

beforeEach(() => {
  useMapEventStore.getState().reset(MAP);
  useMapEventStore.getState().setStatus('live');
});
afterEach(() => {
  useMapEventStore.getState().reset(null);
  useRatingUi.setState({ hidden: new Set() });
});

describe('the room’s band beside the emotion curve', () => {
  for (const mode of ['edit', 'read-only', 'present'] as const) {
    it(`draws mean, min–max and n per rated stage once revealed (${mode})`, async () => {
      const { round, receive, first, third } = setup(mode);
      receive(round({ status: 'running', results: null, raters: null }));
      // While the round runs there is nothing to draw: nobody's scores are here.
      expect(screen.queryByTestId('room-band')).toBeNull();
      receive(round({}));
      await screen.findByTestId('room-band');
      expect(
        bandStages().map((mark) => ({
          stage: mark.dataset.stageId,
          mean: mark.dataset.mean,
          min: mark.dataset.min,
          max: mark.dataset.max,
          n: mark.textContent,
        })),
      ).toEqual([
        { stage: first.id, mean: '-0.33', min: '-2', max: '1', n: '3 rated' },
        { stage: third.id, mean: '2', min: '2', max: '2', n: '1 rated' },
      ]);
      // The band is tall where people disagree: from +1 (top) down to −2.
      const [range] = bandStages()[0]!.getElementsByTagName('rect');
      expect(Number(range?.getAttribute('height'))).toBeGreaterThan(40);
      // Drawn over the curve (SVG paints in document order), which crossed out "3 rated".
      const curve = screen.getByTestId('emotion-curve');
      expect(curve.lastElementChild).toBe(screen.getByTestId('room-band'));
      // Read aloud with the curve.
      expect(screen.getByRole('img').getAttribute('aria-label')).toContain(
        `Room's scores: ${first.title} −0.33 (−2 to +1, 3 people)`,
      );
    });
  }

  it('goes away when this person hides it, and when a new round starts on the lane', async () => {
    const { round, receive } = setup();
    receive(round({}));
    await waitFor(() => expect(bandStages()).toHaveLength(2));
    act(() => useRatingUi.getState().hide('round-1'));
    expect(screen.queryByTestId('room-band')).toBeNull();
    act(() => useRatingUi.setState({ hidden: new Set() }));
    expect(bandStages()).toHaveLength(2);
    receive(round({ id: 'round-2', status: 'running', results: null, raters: null }));
    await waitFor(() => expect(screen.queryByTestId('room-band')).toBeNull());
  });
});
