import type { TCommentAnchor } from '@journeyboard/shared';

/**
 * Links into a board: `/maps/<id>?card=<card id>` opens the map with that
 * card in view and focused; `&comments` also opens its comment threads;
 * `comment=<comment id>` opens the thread holding that comment (on its card,
 * stage or the map) and brings the comment into view.
 * The same query works on a share link (`/s/<token>?card=…`).
 */
export const CARD_PARAM = 'card';
export const COMMENTS_PARAM = 'comments';
export const COMMENT_PARAM = 'comment';

/** The path of a comment on its map's board (the mentions inbox links there). */
export function commentPath(mapId: string, anchor: TCommentAnchor, commentId: string): string {
  const query = new URLSearchParams();
  if (anchor.kind === 'card') {
    query.set(CARD_PARAM, anchor.id);
    query.set(COMMENTS_PARAM, '');
  }
  query.set(COMMENT_PARAM, commentId);
  return `/maps/${mapId}?${query.toString()}`;
}

/** A link to a card on the page this board is on (the map's or the share link's). */
export function cardLink(
  cardId: string,
  location: Pick<Location, 'origin' | 'pathname'> = window.location,
): string {
  const url = new URL(location.pathname, location.origin);
  url.searchParams.set(CARD_PARAM, cardId);
  return url.toString();
}
