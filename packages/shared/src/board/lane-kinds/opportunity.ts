import type { Level } from '../types.ts';
import { defineCardLaneKind, levelField, levelLabel, type Chip } from './define.ts';

/** High impact for low effort: what a team should do first (the chip, the briefing's matrix). */
export const isQuickWin = (impact: Level | null, effort: Level | null): boolean =>
  impact === 3 && effort === 1;

/** What the team could do, weighed by impact and effort. */
export const opportunity = defineCardLaneKind({
  kind: 'opportunity',
  label: 'Opportunities',
  cardLabel: 'Opportunity',
  aliases: ['Ideas', 'Improvements'],
  description: 'What the team could improve, with its impact and the effort it takes.',
  icon: 'lightbulb',
  color: 'yellow',
  fields: [levelField('impact', 'Impact'), levelField('effort', 'Effort')],
  newCard: {},
  chips: ({ impact, effort }) => {
    const chips: Chip[] = [];
    if (isQuickWin(impact, effort)) chips.push({ text: 'Quick win', tone: 'highlight' });
    if (impact) chips.push({ text: `Impact ${levelLabel(impact).toLowerCase()}`, level: impact });
    if (effort) chips.push({ text: `Effort ${levelLabel(effort).toLowerCase()}`, level: effort });
    return chips;
  },
  samples: [
    { text: 'Remember the address from the first step', fields: { impact: 3, effort: 1 } },
    { text: 'Plain-language labels in the wizard', fields: { impact: 2, effort: 2 } },
    { text: 'Rebuild onboarding as a guided tour', fields: { impact: 3, effort: 3 } },
  ],
});
