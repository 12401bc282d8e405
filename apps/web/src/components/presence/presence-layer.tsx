/**
 * Everyone's cursors and card highlights, drawn in ONE absolutely positioned
 * layer over the board (so a cursor's board coordinates are its CSS
 * position, zoom included; contained, so a cursor's move repaints nothing
 * else and never resizes the board's scroll area: presence.css) — a leaf of its own, so 50 people moving their pointers re-render this layer (at most once
 * per animation frame) and never a cell or a card. Card highlights are one
 * generated <style> keyed on `data-card-id`, so cards don't subscribe either.
 *
 * It also publishes this person's own cursor, viewport and selected/editing
 * card, and shows what a followed person sees (until they move themselves).
 */
import { useEffect, type CSSProperties, type RefObject } from 'react';
import { useUiStore } from '../../state/ui-store.ts';
import { useBoardMode } from '../board/board-mode.ts';
import {
  useFollowing,
  usePeers,
  usePresenceStore,
  type Peer,
} from '../../presence/use-presence.ts';
import type { BoardArea } from '../board/use-canvas-zoom.ts';
import { useOthersCursorsHidden } from '../../presence/others-cursors.ts';
import { useSecretRoundRunning } from '../../workshop/secret-round.ts';
import { ReactionBubble } from '../workshop/reactions.tsx';
import { toBoardPoint, visibleViewport, watchView } from './board-geometry.ts';
import './presence.css';

interface PresenceLayerProps {
  readonly scrollerRef: RefObject<HTMLElement | null>;
  readonly boardRef: RefObject<HTMLElement | null>;
  /** The canvas' own move to someone's view: zoomed to fit and centred. */
  readonly showArea: (area: BoardArea, options?: { readable?: boolean }) => void;
}

export function PresenceLayer({ scrollerRef, boardRef, showArea }: PresenceLayerProps) {
  const presence = usePresenceStore();
  const peers = usePeers();
  const following = useFollowing();
  const secret = useSecretRoundRunning();
  const cursorsHidden = useOthersCursorsHidden();

  // Until a vote or rating round's reveal, pointers and selections stay private.
  useEffect(() => presence?.setDiscreet(secret), [presence, secret]);

  // Publish our own pointer and viewport.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const board = boardRef.current;
    if (!presence || !scroller || !board) return;
    const current = { scroller, board };
    const onMove = (event: PointerEvent) =>
      presence.setCursor(toBoardPoint(current, event.clientX, event.clientY));
    const onLeave = () => presence.setCursor(null);
    const onView = () => presence.setViewport(visibleViewport(current));
    // The first viewport once the board is painted: read during the commit, the board's
    // zoom (a computed style) forced a style pass over the whole new board.
    let firstView: ReturnType<typeof setTimeout> | undefined;
    const firstFrame = requestAnimationFrame(() => (firstView = setTimeout(onView, 0)));
    scroller.addEventListener('pointermove', onMove, { passive: true });
    scroller.addEventListener('pointerleave', onLeave);
    const stopViewWatch = watchView(scroller, onView);
    return () => {
      cancelAnimationFrame(firstFrame);
      clearTimeout(firstView);
      scroller.removeEventListener('pointermove', onMove);
      scroller.removeEventListener('pointerleave', onLeave);
      stopViewWatch();
      // Gone with the editing board (made a viewer, history opened): a pointer left
      // here would hang frozen on everyone else's board.
      presence.setCursor(null);
    };
  }, [presence, scrollerRef, boardRef]);

  // Publish the card we have selected or are editing — on the editing board only: what a
  // closed editor left in the UI store (made a viewer mid-sentence) would otherwise show
  // on everyone's board as "… is editing" for good.
  const editable = useBoardMode() === 'edit';
  useEffect(() => {
    if (!presence) return;
    if (!editable) {
      presence.setCard(null, false);
      return;
    }
    const publish = (state: ReturnType<typeof useUiStore.getState>) => {
      const editing = state.editingCardId;
      const selected = state.selectedCardIds.values().next().value ?? null;
      presence.setCard(editing ?? selected, editing !== null);
    };
    publish(useUiStore.getState());
    const stop = useUiStore.subscribe(publish);
    return () => {
      stop();
      // Without the editing board nothing is being written or selected here, whatever the
      // closed editor left in the UI store: others would see "… is editing" for good.
      presence.setCard(null, false);
    };
  }, [presence, editable]);

  // Follow: see what the followed person sees; our own input ends it.
  const followed = following === null ? null : peers.find((peer) => peer.clientId === following);
  const viewport = followed?.viewport ?? null;
  const followX = viewport?.x;
  const followY = viewport?.y;
  const followWidth = viewport?.width;
  const followHeight = viewport?.height;
  useEffect(() => {
    if (
      followX === undefined ||
      followY === undefined ||
      followWidth === undefined ||
      followHeight === undefined
    ) {
      return;
    }
    showArea(
      { x: followX, y: followY, width: followWidth, height: followHeight },
      { readable: true },
    );
  }, [followX, followY, followWidth, followHeight, showArea]);
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!presence || following === null || !scroller) return;
    const stop = () => presence.follow(null);
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const type of events) scroller.addEventListener(type, stop, { passive: true });
    window.addEventListener('keydown', stop);
    return () => {
      for (const type of events) scroller.removeEventListener(type, stop);
      window.removeEventListener('keydown', stop);
    };
  }, [presence, following, scrollerRef]);

  return (
    <div className="presence-layer" aria-hidden="true" data-testid="presence-layer">
      {/* Not even from a client that still sends them (one loaded before this rule). */}
      {secret ? null : <style>{highlightRules(peers)}</style>}
      {peers.map((peer) =>
        peer.cursor && !secret && (!cursorsHidden || peer.clientId === following) ? (
          // Hidden cursors leave the followed person's: what they point at is why one follows.
          <Cursor key={peer.clientId} peer={peer} />
        ) : null,
      )}
    </div>
  );
}

function Cursor({ peer }: { peer: Peer }) {
  const { x: left, y: top } = peer.cursor!;
  return (
    <div
      className="presence-cursor"
      data-testid="presence-cursor"
      data-name={peer.name}
      style={
        {
          transform: `translate(${left}px, ${top}px)`,
          color: peer.color,
          '--x': `${left}px`,
          '--y': `${top}px`,
        } as CSSProperties
      }
    >
      <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
        <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill="currentColor" stroke="white" />
      </svg>
      <span className="presence-cursor__name" style={{ background: peer.color }}>
        {peer.name}
      </span>
      {peer.reaction ? (
        <span key={peer.reaction.seq} className="presence-cursor__reaction">
          <ReactionBubble kind={peer.reaction.kind} />
        </span>
      ) : null}
    </div>
  );
}

/**
 * One outline per card someone has selected or is editing, with their name
 * above it — below it for a cell's first card, whose top is its lane's: in
 * the first lane the name ran under the sticky stage headers. Raised over
 * the cards around it, which its name overlaps. A new card being written
 * says so, instead of "Empty card".
 */
function highlightRules(peers: readonly Peer[]): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const peer of peers) {
    if (!peer.cardId || seen.has(peer.cardId)) continue;
    seen.add(peer.cardId);
    const selector = `[data-card-id="${CSS.escape(peer.cardId)}"]`;
    const label = JSON.stringify(`${peer.name}${peer.editing ? ' is editing' : ''}`);
    rules.push(
      `${selector}{outline:2px solid ${cssColor(peer.color)};outline-offset:2px;position:relative;z-index:1}`,
      `${selector}::after{content:${label};position:absolute;top:-1.4em;right:0;font-size:11px;` +
        `padding:0 4px;border-radius:3px;color:#fff;background:${cssColor(peer.color)};pointer-events:none}`,
      `${selector}:first-child::after{top:auto;bottom:-1.4em}`,
    );
    // A card someone is writing shows nothing yet (its text comes when they save): say so,
    // rather than "Empty card" — and then not "… is editing" above it as well.
    if (peer.editing) {
      const writing = JSON.stringify(`${peer.name} is writing…`);
      rules.push(
        `${selector} .card__text--empty{font-size:0}`,
        `${selector} .card__text--empty::before{content:${writing};font-size:13px}`,
        `${selector}:has(.card__text--empty)::after{content:none}`,
      );
    }
  }
  return rules.join('\n');
}

/** Colours come from other clients: only plain hex reaches the stylesheet. */
function cssColor(color: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(color) ? color : '#64748b';
}
