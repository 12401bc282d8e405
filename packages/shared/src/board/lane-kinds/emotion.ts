import { defineEmotionLaneKind } from './define.ts';

/** How the customer feels at each stage, drawn as a curve. */
export const emotion = defineEmotionLaneKind({
  kind: 'emotion',
  label: 'Emotion curve',
  description: 'How the customer feels at each stage, from −2 (very negative) to +2.',
  icon: 'heart-pulse',
  color: 'amber',
  // "Emotion" and "Emotions" are its kind already.
  aliases: ['Emotional curve', 'Emotional journey', 'Feelings', 'Mood'],
  samples: [
    { score: 1, note: 'Curious' },
    { score: 0 },
    { score: -2, note: 'Frustrated at checkout' },
    { score: 1 },
    { score: 2, note: 'Relieved it works' },
    { score: -1 },
  ],
});
