import { useEffect, useState, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { useCan } from '../../capabilities/capabilities.tsx';
import { CARD_SELECTOR } from '../board/cell-dom.ts';
import { useActivity } from '../../history/version-queries.ts';
import { RelativeTime } from '../common/relative-time.tsx';

/** How long a pointer or focus rests on a card before its byline is asked for. */
const HOVER_DELAY_MS = 400;

/**
 * "Created by Ana · last changed by Ben, 5 minutes ago" for a card, from its
 * activity (the server's attribution, never the client's claim). Null while
 * it loads, or for a card older than the feed.
 */
function useBylineText(cardId: string, enabled: boolean) {
  const canRead = useCan('version.read');
  const activity = useActivity({ cardId }, { enabled: canRead && enabled });
  const entries = activity.data?.pages.flatMap((page) => page.entries) ?? [];
  const last = entries[0];
  if (!canRead || !enabled || !last) return null;
  const created = entries.find((entry) => entry.changes.some((c) => c.kind === 'card.added'));
  return (
    <>
      {created ? (
        <>
          Created by {created.author.name} <RelativeTime iso={created.firstAt} />
          {' · '}
        </>
      ) : null}
      Last changed by {last.author.name} <RelativeTime iso={last.at} />
    </>
  );
}

/** The byline under an open card. */
export function CardByline({ cardId }: { cardId: string }) {
  const text = useBylineText(cardId, true);
  if (!text) return null;
  return (
    <p className="card__byline" data-testid="card-byline">
      {text}
    </p>
  );
}

/** The card that holds focus (its id), if one does. */
const focusedCardId = (): string | null =>
  document.activeElement?.closest<HTMLElement>(CARD_SELECTOR)?.dataset.cardId ?? null;

const subscribeToFocus = (onChange: () => void) => {
  document.addEventListener('focusin', onChange);
  document.addEventListener('focusout', onChange);
  return () => {
    document.removeEventListener('focusin', onChange);
    document.removeEventListener('focusout', onChange);
  };
};

/**
 * The card whose tooltip is put away while it keeps focus: its reader pressed
 * Escape (a tooltip must be dismissible), or focus came back to it from its
 * editor — after writing a card one has seen who wrote it, and a tooltip kept
 * up for as long as focus rests there covered the card below for minutes.
 * Until focus leaves that card or the pointer comes to it; meanwhile other
 * cards' show on hover.
 */
const useQuietByline = create<{ cardId: string | null }>(() => ({ cardId: null }));

/** Puts the focused card's tooltip away (see useQuietByline); null: none is. */
export function quietByline(cardId: string | null): void {
  useQuietByline.setState({ cardId });
}

/** Focus left `cardId`, or the pointer came to it: its tooltip may show again. */
export function wakeByline(cardId: string): void {
  if (useQuietByline.getState().cardId === cardId) quietByline(null);
}

/**
 * The byline as a tooltip while a card is pointed at or has focus (render it
 * only then): asked for after a short rest, so sweeping the pointer across a
 * board of a thousand cards asks for nothing. `id`: the card's text points
 * at it with aria-describedby, so a screen reader reads it with the card.
 * One at a time: while a card has focus only its own shows, not that of a
 * card the pointer passes over (two covered the cards around them).
 */
export function CardBylineTooltip({ cardId, id }: { cardId: string; id: string }) {
  const [rested, setRested] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setRested(true), HOVER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const focused = useSyncExternalStore(subscribeToFocus, focusedCardId, () => null);
  const quiet = useQuietByline((state) => state.cardId);
  const shown = quiet !== cardId && (focused === null || focused === cardId || focused === quiet);
  const text = useBylineText(cardId, rested && shown);
  if (!text) return null;
  return (
    <p id={id} role="tooltip" className="card__byline-tooltip" data-testid="card-byline-tooltip">
      {text}
    </p>
  );
}
