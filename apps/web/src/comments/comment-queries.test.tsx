import type { TCommentThread, TMeResponse } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { meQuery, type CachedMe } from '../auth/me.ts';
import { MentionsLink } from '../components/comments/mentions-link.tsx';
import { jsonResponse, mockApi } from '../test/fetch-mock.ts';
import { applyCommentEvent, useThreads } from './comment-queries.ts';
import { useCommentStore } from './comment-store.ts';

const me: TMeResponse = {
  kind: 'user',
  user: { id: 'u1', email: 'ada@example.test', name: 'Ada' },
  workspaces: [],
};

const thread = (mentions: { id: string; name: string }[]): TCommentThread => ({
  id: 't1',
  mapId: 'm1',
  anchor: { kind: 'map' },
  resolved: false,
  resolvedAt: null,
  resolvedBy: null,
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
  comments: [
    {
      id: 'c1',
      threadId: 't1',
      authorId: 'u2',
      authorName: 'Ben',
      body: 'Look at this',
      mentions,
      createdAt: '2025-03-01T09:00:00.000Z',
      editedAt: null,
    },
  ],
});

afterEach(() => vi.unstubAllGlobals());

describe('live comment events', () => {
  it('update the unread mentions when a thread mentions me, and only then', async () => {
    let unread = 0;
    const fetchMock = mockApi({
      'GET /api/me/mentions': () => jsonResponse(200, { mentions: [], unread }),
    });
    const client = createQueryClient({ retry: false });
    const signedIn: CachedMe = { me };
    client.setQueryData(meQuery.queryKey, signedIn);
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <MentionsLink className={() => ''} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('link', { name: 'Mentions' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);

    unread = 1;
    const event = (mentions: { id: string; name: string }[]) =>
      act(() => applyCommentEvent(client, 'm1', { type: 'thread', thread: thread(mentions) }));
    event([{ id: 'u3', name: 'Cy' }]);
    event([{ id: 'u1', name: 'Ada' }]);
    expect(await screen.findByRole('link', { name: 'Mentions (1)' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe('the cached list of threads', () => {
  it('keeps a thread posted while the list was being reloaded (the reload began without it)', async () => {
    let calls = 0;
    let answerReload: (threads: TCommentThread[]) => void = () => {};
    let posted: TCommentThread[] = [];
    mockApi({
      'GET /api/maps/m1/comments': () => {
        calls += 1;
        if (calls !== 2) return jsonResponse(200, { threads: posted });
        // The reload after `ready`: it reads the list before the comment is posted.
        return new Promise((resolve) => {
          answerReload = (threads) => resolve(jsonResponse(200, { threads }));
        });
      },
    });
    const client = createQueryClient({ retry: false });
    act(() => {
      useCommentStore.getState().reset('m1');
      useCommentStore.getState().setStatus('live');
    });
    const Count = () => <p>{useThreads().data?.length ?? 'loading'} threads</p>;
    render(
      <QueryClientProvider client={client}>
        <Count />
      </QueryClientProvider>,
    );
    expect(await screen.findByText('0 threads')).toBeInTheDocument();

    act(() => applyCommentEvent(client, 'm1', { type: 'ready' }));
    await vi.waitFor(() => expect(calls).toBe(2));
    posted = [thread([])];
    act(() => applyCommentEvent(client, 'm1', { type: 'thread', thread: thread([]) }));
    await act(async () => answerReload([]));

    expect(await screen.findByText('1 threads')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('1 threads')).toBeInTheDocument();
  });
});
