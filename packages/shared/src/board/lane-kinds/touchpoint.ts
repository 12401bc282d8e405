import { defineCardLaneKind } from './define.ts';

/** Where a touchpoint happens. */
const CHANNEL_OPTIONS = [
  { value: 'web', label: 'Web' },
  { value: 'app', label: 'App' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'chat', label: 'Chat' },
  { value: 'store', label: 'Store' },
  { value: 'social', label: 'Social' },
  { value: 'other', label: 'Other' },
] as const;

/** Where the customer meets the company, and through which channel. */
export const touchpoint = defineCardLaneKind({
  kind: 'touchpoint',
  label: 'Touchpoints',
  cardLabel: 'Touchpoint',
  aliases: ['Touch points', 'Channels', 'Interactions'],
  description: 'Where the customer meets the company: a page, an email, a call, a shop.',
  icon: 'pointer',
  color: 'blue',
  fields: [
    {
      name: 'channel',
      label: 'Channel',
      type: 'choice',
      control: 'select',
      options: CHANNEL_OPTIONS,
    },
  ],
  newCard: {},
  chips: ({ channel }) => {
    const label = CHANNEL_OPTIONS.find((option) => option.value === channel)?.label;
    return label ? [{ text: label }] : [];
  },
  samples: [
    { text: 'Pricing page', fields: { channel: 'web' } },
    { text: 'Welcome email with setup checklist', fields: { channel: 'email' } },
    { text: 'Support chat widget', fields: { channel: 'chat' } },
    { text: 'Friend recommends it over lunch' },
  ],
});
