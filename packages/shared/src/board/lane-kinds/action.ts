import { defineCardLaneKind } from './define.ts';

/** What the customer does at each stage. */
export const action = defineCardLaneKind({
  kind: 'action',
  label: 'Actions',
  cardLabel: 'Action',
  aliases: ['Doing', 'Steps', 'Activities'],
  description: 'What the customer does: searches, compares, signs up, asks for help.',
  icon: 'footprints',
  color: 'green',
  fields: [],
  newCard: {},
  chips: () => [],
  samples: [
    { text: 'Compares plans and reads reviews' },
    { text: 'Creates an account with a work email' },
    { text: 'Invites two colleagues' },
  ],
});
