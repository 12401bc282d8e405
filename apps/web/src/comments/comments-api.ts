import {
  ZCommentThread,
  ZListCommentThreadsResponse,
  ZListMentionsResponse,
  type TCommentAnchor,
  type TCommentThread,
  type TListMentionsResponse,
} from '@journeyboard/shared';
import { requestJson, send } from '../api/client.ts';

const enc = encodeURIComponent;

/** Comment calls. `shareToken` (read-only links) goes in a header, never the URL. */
export const commentsApi = {
  async list(mapId: string, shareToken?: string): Promise<TCommentThread[]> {
    const options = shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {};
    const body = await requestJson(
      'GET',
      `/api/maps/${enc(mapId)}/comments`,
      ZListCommentThreadsResponse,
      options,
    );
    return body.threads;
  },
  start(
    mapId: string,
    anchor: TCommentAnchor,
    body: string,
    mentions: string[],
  ): Promise<TCommentThread> {
    return requestJson('POST', `/api/maps/${enc(mapId)}/comments`, ZCommentThread, {
      body: { anchor, body, mentions },
    });
  },
  reply(threadId: string, body: string, mentions: string[]): Promise<TCommentThread> {
    return requestJson('POST', `/api/comment-threads/${enc(threadId)}/comments`, ZCommentThread, {
      body: { body, mentions },
    });
  },
  edit(commentId: string, body: string, mentions: string[]): Promise<TCommentThread> {
    return requestJson('PATCH', `/api/comments/${enc(commentId)}`, ZCommentThread, {
      body: { body, mentions },
    });
  },
  async remove(commentId: string): Promise<void> {
    await send('DELETE', `/api/comments/${enc(commentId)}`, {});
  },
  setResolved(threadId: string, resolved: boolean): Promise<TCommentThread> {
    return requestJson('PATCH', `/api/comment-threads/${enc(threadId)}`, ZCommentThread, {
      body: { resolved },
    });
  },
  mentions(): Promise<TListMentionsResponse> {
    return requestJson('GET', '/api/me/mentions', ZListMentionsResponse);
  },
  async markMentionsRead(commentIds?: string[]): Promise<void> {
    await send('POST', '/api/me/mentions/read', { body: commentIds ? { commentIds } : {} });
  },
};
