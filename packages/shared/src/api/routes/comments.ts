import { z } from 'zod';
import {
  ZCommentThread,
  ZCreateCommentRequest,
  ZCreateCommentThreadRequest,
  ZListCommentThreadsQuery,
  ZListCommentThreadsResponse,
  ZListMentionsResponse,
  ZMarkMentionsReadRequest,
  ZUpdateCommentRequest,
  ZUpdateCommentThreadRequest,
} from '../comments.ts';
import { ZCommentParams, ZMapParams, ZThreadParams } from '../ids.ts';
import { defineRoute, errors } from '../route.ts';

const failures = errors(400, 401, 403, 404);

/**
 * Comment threads on a map and the @mention inbox (their live events come
 * on the map's event stream, routes/map-events.ts).
 */
export const commentRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/maps/:id/comments',
    summary: "The map's comment threads (open, resolved or all), newest activity first",
    params: ZMapParams,
    query: ZListCommentThreadsQuery,
    responses: { 200: ZListCommentThreadsResponse, ...failures },
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/maps/:id/comments',
    summary: 'Start a thread on a card, a stage or the whole map (commenters and up)',
    params: ZMapParams,
    body: ZCreateCommentThreadRequest,
    responses: { 201: ZCommentThread, ...failures },
  }),
  reply: defineRoute({
    method: 'POST',
    path: '/api/comment-threads/:id/comments',
    summary: 'Reply to a thread (commenters and up)',
    params: ZThreadParams,
    body: ZCreateCommentRequest,
    responses: { 201: ZCommentThread, ...failures },
  }),
  updateThread: defineRoute({
    method: 'PATCH',
    path: '/api/comment-threads/:id',
    summary: 'Resolve ({resolved: true}) or reopen a thread (commenters and up)',
    params: ZThreadParams,
    body: ZUpdateCommentThreadRequest,
    responses: { 200: ZCommentThread, ...failures },
  }),
  edit: defineRoute({
    method: 'PATCH',
    path: '/api/comments/:id',
    summary: 'Edit your own comment',
    params: ZCommentParams,
    body: ZUpdateCommentRequest,
    responses: { 200: ZCommentThread, ...failures },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/comments/:id',
    summary: "Delete your own comment (owners: anyone's); the last one takes the thread",
    params: ZCommentParams,
    responses: { 204: z.null(), ...failures },
  }),
  mentions: defineRoute({
    method: 'GET',
    path: '/api/me/mentions',
    summary: 'Where you were @mentioned (latest 50) and how many are unread',
    responses: { 200: ZListMentionsResponse, ...errors(400, 401) },
  }),
  markMentionsRead: defineRoute({
    method: 'POST',
    path: '/api/me/mentions/read',
    summary: "Mark mentions read (these comments' or all)",
    body: ZMarkMentionsReadRequest,
    responses: { 204: z.null(), ...errors(400, 401) },
  }),
};
