import { defineCardLaneKind, levelField, levelLabel } from './define.ts';

/** What hurts, and how much. */
export const pain = defineCardLaneKind({
  kind: 'pain',
  label: 'Pain points',
  cardLabel: 'Pain point',
  aliases: ['Pains', 'Frustrations', 'Problems'],
  description: 'What frustrates or blocks the customer, with how severe it is.',
  icon: 'alert',
  color: 'rose',
  fields: [levelField('severity', 'Severity')],
  newCard: { severity: 2 },
  chips: ({ severity }) =>
    severity
      ? [
          {
            text: `${levelLabel(severity)} severity`,
            level: severity,
            tone: severity === 3 ? 'alert' : 'neutral',
          },
        ]
      : [],
  samples: [
    { text: 'Checkout asks for the address twice', fields: { severity: 3 } },
    { text: 'Setup wizard uses unfamiliar terms', fields: { severity: 2 } },
    { text: 'Confirmation email lands in spam', fields: { severity: 1 } },
  ],
});
