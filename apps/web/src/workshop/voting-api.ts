import {
  ZBallot,
  ZListVoteRoundsResponse,
  ZVoteRound,
  type TBallot,
  type TStartVoteRoundRequest,
  type TVoteRound,
} from '@journeyboard/shared';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;
const withToken = (shareToken?: string) =>
  shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {};

/** Dot voting's REST calls. A ballot is always the caller's own. */
export const votingApi = {
  async list(mapId: string, shareToken?: string): Promise<TVoteRound[]> {
    const body = await requestJson(
      'GET',
      `/api/maps/${enc(mapId)}/vote-rounds`,
      ZListVoteRoundsResponse,
      withToken(shareToken),
    );
    return body.rounds;
  },
  start(mapId: string, input: TStartVoteRoundRequest): Promise<TVoteRound> {
    return requestJson('POST', `/api/maps/${enc(mapId)}/vote-rounds`, ZVoteRound, { body: input });
  },
  end(roundId: string): Promise<TVoteRound> {
    return requestJson('POST', `/api/vote-rounds/${enc(roundId)}/end`, ZVoteRound);
  },
  ballot(roundId: string): Promise<TBallot> {
    return requestJson('GET', `/api/vote-rounds/${enc(roundId)}/ballot`, ZBallot);
  },
  vote(roundId: string, cardId: string): Promise<TBallot> {
    return requestJson('POST', `/api/vote-rounds/${enc(roundId)}/votes`, ZBallot, {
      body: { cardId },
    });
  },
  takeBack(roundId: string, cardId: string): Promise<TBallot> {
    return requestJson('DELETE', `/api/vote-rounds/${enc(roundId)}/votes/${enc(cardId)}`, ZBallot);
  },
};
