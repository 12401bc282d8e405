import type { CardFields } from '../../board/use-board.ts';
import type { PaletteKind } from './drag-data.ts';

/** The palette's card types, in the order the method usually fills a map. */
export const PALETTE_KINDS: readonly PaletteKind[] = [
  'touchpoint',
  'action',
  'thought',
  'pain',
  'opportunity',
  'backstage',
  'metric',
  'notes',
];

export const PALETTE_LABELS: Record<PaletteKind, string> = {
  touchpoint: 'Touchpoint',
  action: 'Action',
  thought: 'Thought',
  pain: 'Pain point',
  opportunity: 'Opportunity',
  backstage: 'Backstage',
  metric: 'Metric',
  notes: 'Note',
};

/** What a card dropped from the palette starts with (a pain point is medium until judged). */
export const PALETTE_DEFAULT_FIELDS: Record<PaletteKind, Partial<CardFields>> = {
  touchpoint: {},
  action: {},
  thought: {},
  pain: { severity: 2 },
  opportunity: {},
  backstage: {},
  metric: {},
  notes: {},
};
