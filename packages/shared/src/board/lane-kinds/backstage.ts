import { defineCardLaneKind } from './define.ts';

/** What happens behind the scenes, and which team owns it. */
export const backstage = defineCardLaneKind({
  kind: 'backstage',
  label: 'Backstage',
  cardLabel: 'Backstage',
  aliases: ['Behind the scenes', 'Backstage actions', 'Owners'],
  description: 'What happens behind the scenes to support the stage, and who owns it.',
  icon: 'cog',
  color: 'slate',
  fields: [{ name: 'owner', label: 'Owner', type: 'text', placeholder: 'Team or department' }],
  newCard: {},
  chips: ({ owner }) => (owner ? [{ text: `Owner: ${owner}` }] : []),
  samples: [
    { text: 'Fraud check on the first order', fields: { owner: 'Payments' } },
    { text: 'Account provisioning job', fields: { owner: 'Platform team' } },
    { text: 'Ticket triage', fields: { owner: 'Support' } },
  ],
});
