/**
 * Links into a board: `/maps/<id>?card=<card id>` opens the map with that
 * card in view and focused; `&comments` also opens its comment threads.
 * The same query works on a share link (`/s/<token>?card=…`).
 */
export const CARD_PARAM = 'card';
export const COMMENTS_PARAM = 'comments';

/** A link to a card on the page this board is on (the map's or the share link's). */
export function cardLink(
  cardId: string,
  location: Pick<Location, 'origin' | 'pathname'> = window.location,
): string {
  const url = new URL(location.pathname, location.origin);
  url.searchParams.set(CARD_PARAM, cardId);
  return url.toString();
}
