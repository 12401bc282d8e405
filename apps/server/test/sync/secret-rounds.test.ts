// While a vote or an "Everyone rates" round runs, the sync socket keeps every
// person's pointer and selected card to themselves (keepSecretRoundsSecret in
// sync/awareness-rules.ts), whatever their client sends — current browsers
// stop sending them on their own; an older tab or a hand-made client (here:
// the stock y-websocket client) does not. After the reveal they pass again.
import { readBoard, setEmotion } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import {
  boardAccess,
  connectClient,
  createBoard,
  synced,
  useClientCleanup,
  workshopGuestFor,
  useSyncServer,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

interface SeenState {
  cursor?: unknown;
  cardId?: unknown;
  editing?: unknown;
  viewport?: unknown;
}

/** Eddie (an editor, who may vote) moves his pointer; Olivia (the facilitator) watches. */
async function room(mapId?: string) {
  mapId ??= await createBoard(db().prisma);
  const { owner, editor } = boardAccess(mapId);
  const olivia = connectClient(server().syncUrl, mapId, { as: { cookie: owner.cookie } });
  const eddie = connectClient(server().syncUrl, mapId, { as: { cookie: editor.cookie } });
  await Promise.all([synced(olivia), synced(eddie)]);
  const seen = () =>
    olivia.provider.awareness.getStates().get(eddie.doc.clientID) as SeenState | undefined;
  let step = 0;
  /** Eddie points at a card (a new spot each time) and selects it; what reaches Olivia. */
  const point = async (): Promise<SeenState> => {
    step += 1;
    eddie.provider.awareness.setLocalState({
      ...eddie.provider.awareness.getLocalState(),
      cursor: { x: step, y: step },
      cardId: 'card-1',
      editing: true,
      viewport: { x: step, y: 0, width: 800, height: 600 },
    });
    await waitFor(() => (seen()?.viewport as { x?: number } | undefined)?.x === step);
    return seen()!;
  };
  const call = async (url: string, payload: object = {}) => {
    const response = await server().app.inject({
      method: 'POST',
      url,
      headers: { cookie: owner.cookie },
      payload,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<{ id: string }>();
  };
  const leave = () => {
    olivia.destroy();
    eddie.destroy();
  };
  return { mapId, olivia, point, call, leave };
}

const emotionLaneOf = (client: TestClient) =>
  readBoard(client.doc).lanes.find((lane) => lane.kind === 'emotion')?.id;

describe('pointers during a secret round, on the sync socket', () => {
  it('keeps a voter’s pointer and selected card from everyone until the vote ends, then passes them again', async () => {
    const { mapId, point, call } = await room();
    expect(await point()).toMatchObject({ cursor: { x: 1, y: 1 }, cardId: 'card-1' });

    const round = await call(`/api/maps/${mapId}/vote-rounds`, {
      question: 'Which pain hurts most?',
    });
    const during = await point();
    // The viewport still goes out ("follow" and "Bring everyone to me" use it).
    expect(during).toMatchObject({ cursor: null, cardId: null, editing: false });
    expect(during.viewport).toMatchObject({ x: 2 });

    await call(`/api/vote-rounds/${round.id}/end`);
    expect(await point()).toMatchObject({ cursor: { x: 3, y: 3 }, cardId: 'card-1' });
  });

  it('does the same while everyone rates, until the reveal', async () => {
    const { mapId, olivia, point, call } = await room();
    const laneId = emotionLaneOf(olivia);
    expect(laneId).toBeDefined();
    const round = await call(`/api/maps/${mapId}/rating-rounds`, { laneId });
    expect(await point()).toMatchObject({ cursor: null, cardId: null, editing: false });
    await call(`/api/rating-rounds/${round.id}/reveal`);
    expect(await point()).toMatchObject({ cursor: { x: 2, y: 2 }, cardId: 'card-1' });
  });

  it('keeps the rated lane’s shared scores to the facilitator while everyone rates: a participant’s is undone, until the reveal', async () => {
    const { mapId, olivia, call } = await room();
    const guest = await workshopGuestFor(db().prisma, mapId, 'Gabi Guest');
    const gabi = connectClient(server().syncUrl, mapId, { as: { cookie: guest.cookie } });
    await synced(gabi);
    const laneId = emotionLaneOf(olivia)!;
    const [first, second] = readBoard(olivia.doc).stages;
    const scoreOf = (client: TestClient, stageId: string) =>
      readBoard(client.doc).emotions.get(`${stageId}:${laneId}`)?.score;
    const round = await call(`/api/maps/${mapId}/rating-rounds`, { laneId });

    setEmotion(gabi.doc, { stageId: first!.id, laneId, score: 2 });
    await waitFor(() => scoreOf(gabi, first!.id) === undefined, {
      what: 'the participant’s shared score to be undone',
    });
    setEmotion(olivia.doc, { stageId: second!.id, laneId, score: -1 });
    await waitFor(() => scoreOf(gabi, second!.id) === -1);
    expect(scoreOf(olivia, first!.id)).toBeUndefined();

    await call(`/api/rating-rounds/${round.id}/reveal`);
    setEmotion(gabi.doc, { stageId: first!.id, laneId, score: 1 });
    await waitFor(() => scoreOf(olivia, first!.id) === 1);
    gabi.destroy();
  });

  it('knows of a round that was already running when the board loaded', async () => {
    const first = await room();
    await first.call(`/api/maps/${first.mapId}/vote-rounds`, { question: 'Which?' });
    // Everyone leaves: the board unloads; the next to come load it afresh.
    first.leave();
    await waitFor(() => !server().app.sync.isLoaded(first.mapId), { timeoutMs: 10_000 });
    const { point } = await room(first.mapId);
    expect(await point()).toMatchObject({ cursor: null, cardId: null });
  });
});
