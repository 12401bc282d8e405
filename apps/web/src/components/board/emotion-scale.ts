/** Words for each emotion score, used for screen readers and the label under each slider. */
const SCORE_NAMES: Record<number, string> = {
  [-2]: 'Very negative',
  [-1]: 'Negative',
  0: 'Neutral',
  1: 'Positive',
  2: 'Very positive',
};

export const describeScore = (score: number): string => SCORE_NAMES[score] ?? String(score);

/** "+2", "0", "−1" (a real minus sign). */
export const formatScore = (score: number): string =>
  score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';

export const scoreSign = (score: number): 'positive' | 'negative' | 'neutral' =>
  score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
