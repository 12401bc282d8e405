import { defineCardLaneKind } from './define.ts';

/** Anything else worth writing down. */
export const notes = defineCardLaneKind({
  kind: 'notes',
  label: 'Notes',
  cardLabel: 'Note',
  description: 'Anything else worth keeping next to the stage: quotes, links, questions.',
  icon: 'note',
  color: 'sand',
  fields: [],
  newCard: {},
  chips: () => [],
  fitsAnyLane: true,
  samples: [
    { text: 'Ask sales how often this comes up' },
    { text: 'Interview quotes in the research folder' },
  ],
});
