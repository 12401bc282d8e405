import { describe, expect, it } from 'vitest';
import {
  isReviewOverdue,
  nextReviewDay,
  reviewVersionName,
  ZUpdateLifecycleRequest,
} from './lifecycle.ts';

const NOW = new Date('2026-12-02T10:00:00Z');

describe('map lifecycle rules', () => {
  it('calls a review overdue once its day has passed, never for archived maps', () => {
    expect(isReviewOverdue('current', '2026-12-01', NOW)).toBe(true);
    expect(isReviewOverdue('current', '2026-12-02', NOW)).toBe(false);
    expect(isReviewOverdue('draft', null, NOW)).toBe(false);
    expect(isReviewOverdue('archived', '2026-01-01', NOW)).toBe(false);
  });

  it('moves the review day on by the interval from the due day, or from today when late', () => {
    expect(nextReviewDay('2026-12-20', '2026-12-02', 30)).toBe('2027-01-19');
    expect(nextReviewDay('2026-11-01', '2026-12-02', 30)).toBe('2027-01-01');
    expect(nextReviewDay(null, '2026-12-02', 90)).toBe('2027-03-02');
  });

  it('names the review version after the reviewer and the day', () => {
    expect(reviewVersionName('Ana', '2026-12-02')).toBe('Reviewed by Ana on 2026-12-02');
  });

  it('accepts a partial change, refuses an empty one', () => {
    expect(ZUpdateLifecycleRequest.safeParse({ status: 'archived' }).success).toBe(true);
    expect(ZUpdateLifecycleRequest.safeParse({ ownerId: null }).success).toBe(true);
    expect(ZUpdateLifecycleRequest.safeParse({}).success).toBe(false);
  });
});
