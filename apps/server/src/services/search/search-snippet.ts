/** What `ts_headline` puts between fragments (the search query's `FragmentDelimiter`). */
export const FRAGMENT_DELIMITER = ' … ';

/**
 * The snippet shown under a search result: only the lines that hold a
 * match. The searched text is one line per title, card, owner or metric
 * (`boardSearchText`), and `ts_headline` counts words across line breaks,
 * so a fragment would otherwise run on into the neighbouring cards'
 * text, which reads as if it were one card.
 */
export function snippetOfMatches(headline: string): string {
  const lines = headline
    .split(FRAGMENT_DELIMITER)
    .flatMap((fragment) => fragment.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.includes('«'));
  return [...new Set(lines)].join(FRAGMENT_DELIMITER);
}
