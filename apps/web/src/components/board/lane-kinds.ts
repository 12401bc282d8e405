import type { LaneKind } from '../../board/use-board.ts';

/** Short, human names for lane kinds, shown under each lane title. */
export const LANE_KIND_LABELS: Record<LaneKind, string> = {
  touchpoint: 'Touchpoints',
  action: 'Actions',
  thought: 'Thoughts',
  pain: 'Pain points',
  emotion: 'Emotion curve',
  opportunity: 'Opportunities',
  backstage: 'Backstage',
  metric: 'Metrics',
  notes: 'Notes',
};
