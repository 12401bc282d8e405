import type { TJourneyMap, TMapLifecycle } from '@journeyboard/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { filterMaps, NO_LIFECYCLE_FILTER, ownersOf } from './lifecycle-filters.tsx';
import { LifecycleSummary } from './lifecycle-summary.tsx';

const lifecycle = (overrides: Partial<TMapLifecycle> = {}): TMapLifecycle => ({
  status: 'draft',
  owner: null,
  nextReviewOn: null,
  reviewIntervalDays: 90,
  reviewOverdue: false,
  sourceMap: null,
  futureStates: [],
  ...overrides,
});

const map = (id: string, overrides: Partial<TMapLifecycle> = {}): TJourneyMap => ({
  id,
  title: id,
  description: '',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  lifecycle: lifecycle(overrides),
});

const ana = { id: 'u-ana', name: 'Ana' };
const maps = [
  map('draft'),
  map('current', { status: 'current', owner: ana }),
  map('future', { status: 'future', owner: { id: 'u-ben', name: 'Ben' } }),
];

describe('the map list by lifecycle', () => {
  it('keeps every map without a filter, and filters by status and by owner', () => {
    expect(filterMaps(maps, NO_LIFECYCLE_FILTER).map((m) => m.id)).toEqual([
      'draft',
      'current',
      'future',
    ]);
    expect(filterMaps(maps, { status: 'current', ownerId: '' }).map((m) => m.id)).toEqual([
      'current',
    ]);
    expect(filterMaps(maps, { status: '', ownerId: ana.id }).map((m) => m.id)).toEqual(['current']);
    expect(filterMaps(maps, { status: '', ownerId: 'none' }).map((m) => m.id)).toEqual(['draft']);
    expect(ownersOf(maps).map((o) => o.name)).toEqual(['Ana', 'Ben']);
  });

  it('shows status and owner, and marks an overdue review', () => {
    const { rerender } = render(
      <LifecycleSummary
        lifecycle={lifecycle({
          status: 'current',
          owner: ana,
          nextReviewOn: '2020-01-15',
          reviewOverdue: true,
        })}
      />,
    );
    expect(screen.getByTestId('map-status')).toHaveTextContent('Current state');
    expect(screen.getByTestId('map-owner')).toHaveTextContent('Owner: Ana');
    expect(screen.getByTestId('review-overdue')).toHaveTextContent('Review overdue since');
    rerender(<LifecycleSummary lifecycle={lifecycle({ nextReviewOn: '2030-01-15' })} />);
    expect(screen.queryByTestId('review-overdue')).toBeNull();
    expect(screen.getByTestId('next-review')).toHaveTextContent('Review by');
  });
});
