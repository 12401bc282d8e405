import type { TCommentThread } from '@journeyboard/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { useCommentStore } from './comment-store.ts';

const thread = (resolved: boolean): TCommentThread => ({
  id: 't1',
  mapId: 'm1',
  anchor: { kind: 'stage', id: 'stage-1' },
  resolved,
  resolvedAt: resolved ? '2026-01-01T00:00:00.000Z' : null,
  resolvedBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  comments: [],
});

describe('a link to a comment', () => {
  afterEach(() => {
    useCommentStore.getState().reset(null);
    useCommentStore.getState().setFilter('open');
  });

  it('opens the panel on its thread’s anchor, and shows a resolved thread the Open filter would hide', () => {
    useCommentStore.getState().linkTo('c1', { thread: thread(true), openPanel: true });
    expect(useCommentStore.getState()).toMatchObject({
      panelOpen: true,
      focus: { kind: 'stage', id: 'stage-1' },
      filter: 'all',
      linkedComment: { id: 'c1', revealed: false },
    });
    useCommentStore.getState().markLinkedRevealed();
    expect(useCommentStore.getState().linkedComment).toEqual({ id: 'c1', revealed: true });
  });

  it('leaves the panel to the card link when the card’s link opens it, and an open thread’s filter alone', () => {
    useCommentStore.getState().linkTo('c1', { thread: thread(false), openPanel: false });
    expect(useCommentStore.getState()).toMatchObject({ panelOpen: false, filter: 'open' });
  });
});
