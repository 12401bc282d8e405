import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { CARD_PARAM, COMMENTS_PARAM } from '../../board/card-link.ts';
import { useBoardReader, useConnection } from '../../board/use-board.ts';
import { useCommentStore } from '../../comments/comment-store.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { showCard } from './cell-dom.ts';

const NOT_HERE = 'The linked card is no longer on this map (it may have been deleted).';

/**
 * Opens a link to a card (card-link.ts) once the board has synced: scrolls
 * the card into the middle of the view, selects and focuses it, and with
 * `comments` opens its threads. Says so when the card is gone. Renders the
 * notice only.
 */
export function CardDeepLink() {
  const [params] = useSearchParams();
  const cardId = params.get(CARD_PARAM);
  const withComments = params.has(COMMENTS_PARAM);
  const { hasSynced } = useConnection();
  const read = useBoardReader();
  const selectCards = useUiStore((state) => state.selectCards);
  const openPanel = useCommentStore((state) => state.openPanel);
  const missing = cardId !== null && hasSynced && !read().cards.has(cardId);

  useEffect(() => {
    if (!cardId || !hasSynced || missing) return;
    let stop = () => {};
    // After the synced board has rendered.
    const frame = requestAnimationFrame(() => {
      stop = showCard(cardId, (item) => {
        selectCards([cardId]);
        (item.querySelector<HTMLElement>('[data-nav="card"]') ?? item).focus({
          preventScroll: true,
        });
        if (withComments) openPanel({ kind: 'card', id: cardId });
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [cardId, hasSynced, missing, selectCards, openPanel, withComments]);

  if (!missing) return null;
  return (
    <p className="banner" role="status">
      {NOT_HERE}
    </p>
  );
}
