import { defineCardLaneKind } from './define.ts';

/** What the customer thinks or asks themselves, in their words. */
export const thought = defineCardLaneKind({
  kind: 'thought',
  label: 'Thoughts',
  cardLabel: 'Thought',
  aliases: ['Thinking', 'Questions'],
  description: 'What the customer thinks or asks themselves, in their own words.',
  icon: 'thought',
  color: 'violet',
  fields: [],
  newCard: {},
  chips: () => [],
  samples: [
    { text: '“Will this work with the tools we already use?”' },
    { text: '“Why do they need my phone number?”' },
    { text: '“That was quicker than I expected.”' },
  ],
});
