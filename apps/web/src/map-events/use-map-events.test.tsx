import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { useCommentStore } from '../comments/comment-store.ts';
import { useMapEvents } from './use-map-events.ts';

afterEach(() => vi.unstubAllGlobals());

describe('useMapEvents', () => {
  it('keeps the comment panel open when the stream restarts for new capabilities, and closes it for another map', () => {
    // The stream itself never answers here: only the panel's state is under test.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    const client = createQueryClient({ retry: false });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { rerender, unmount } = renderHook(
      ({ mapId, comments }: { mapId: string; comments: boolean }) =>
        useMapEvents(mapId, { comments }),
      { wrapper, initialProps: { mapId: 'm1', comments: false } },
    );
    useCommentStore.getState().openPanel({ kind: 'card', id: 'c1' });

    rerender({ mapId: 'm1', comments: true });
    expect(useCommentStore.getState()).toMatchObject({
      mapId: 'm1',
      panelOpen: true,
      focus: { kind: 'card', id: 'c1' },
    });

    rerender({ mapId: 'm2', comments: true });
    expect(useCommentStore.getState()).toMatchObject({ mapId: 'm2', panelOpen: false });
    unmount();
    expect(useCommentStore.getState().mapId).toBeNull();
  });
});
