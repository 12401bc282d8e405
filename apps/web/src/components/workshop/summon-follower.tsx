import { SUMMON_RENEW_MS, type TViewport } from '@journeyboard/shared';
import { useEffect, useRef, type RefObject } from 'react';
import { useAccount } from '../../auth/me.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { usePresenceStore } from '../../presence/use-presence.ts';
import type { CanvasZoom } from '../board/use-canvas-zoom.ts';
import type { SavedView } from '../../state/canvas-storage.ts';
import { showStage } from '../board/cell-dom.ts';
import {
  useFacilitation,
  useFacilitationActions,
  useFollowedSummon,
  useFollowStore,
  useSummon,
} from '../../workshop/facilitation-queries.ts';
import {
  boardPointOf,
  gridPointAt,
  visibleViewport,
  watchView,
  type BoardElements,
} from '../presence/board-geometry.ts';

/** The facilitator's view goes out at most this often while they bring everyone along. */
const SEND_EVERY_MS = 250;

interface SummonFollowerProps {
  readonly scrollerRef: RefObject<HTMLElement | null>;
  readonly boardRef: RefObject<HTMLElement | null>;
  /**
   * The canvas' own moves: an area zoomed to fit and centred, as the zoom controls do it;
   * and this person's own view, taken and given back exactly.
   */
  readonly canvas: Pick<CanvasZoom, 'showArea' | 'currentView' | 'showView'>;
}

/**
 * Inside the board canvas (every mode): "Bring everyone to me" and the stage
 * spotlight, both from the map event stream.
 * - The facilitator who summons sends their viewport as it moves or zooms,
 *   and renews the summon while this page is open (SUMMON_LEASE_MS).
 * - Everyone else sees the same area (zoomed to fit their screen) and keeps
 *   following until they move themselves (wheel, pointer, key, touch) or
 *   press "Stop following".
 * - A spotlit stage is highlighted and scrolled into view (unless following).
 */
export function SummonFollower({ scrollerRef, boardRef, canvas }: SummonFollowerProps) {
  const { showArea, currentView, showView } = canvas;
  const myUserId = useAccount()?.user.id ?? null;
  const facilitation = useFacilitation();
  const { summon, leading } = useSummon(myUserId);
  const followed = useFollowedSummon(myUserId);
  const { change } = useFacilitationActions();
  const spotlit = facilitation?.spotlight?.stageId ?? null;
  const mapId = useMapEventStore((state) => state.mapId);

  // Said in this person's presence, for the leader's "3 of 5 follow your view".
  const presence = usePresenceStore();
  const followedSince = followed?.startedAt ?? null;
  useEffect(() => {
    presence?.setFollowing(followedSince);
  }, [presence, followedSince]);

  // What was running when this page got the map (useFollowedSummon: watchers don't follow it).
  const loaded = facilitation !== undefined;
  const summonOnArrival = summon?.startedAt ?? null;
  useEffect(() => {
    if (loaded && mapId) useFollowStore.getState().noteArrival(mapId, summonOnArrival);
  }, [loaded, mapId, summonOnArrival]);
  useEffect(() => () => useFollowStore.getState().forgetArrival(), []);

  // Where I look, for the header's "Bring everyone to me".
  useEffect(() => {
    const source = (): TViewport | null => {
      const scroller = scrollerRef.current;
      const board = boardRef.current;
      return scroller && board ? viewportToSend({ scroller, board }) : null;
    };
    useFollowStore.getState().setViewportSource(source);
    return () => useFollowStore.getState().setViewportSource(() => null);
  }, [scrollerRef, boardRef]);

  // Leading: my view goes out as it moves (trailing edge kept), and at least
  // every SUMMON_RENEW_MS, which renews the summon's lease while this page is open.
  useEffect(() => {
    const scroller = scrollerRef.current;
    const board = boardRef.current;
    if (!leading || !scroller || !board) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const send = () => {
      timer = null;
      void change({ summon: viewportToSend({ scroller, board }) }).catch(
        () => undefined, // the next move sends again
      );
    };
    const onView = () => {
      timer ??= setTimeout(send, SEND_EVERY_MS);
    };
    const stopViewWatch = watchView(scroller, onView);
    const renewal = setInterval(send, SUMMON_RENEW_MS);
    return () => {
      if (timer) clearTimeout(timer);
      clearInterval(renewal);
      stopViewWatch();
    };
  }, [leading, change, scrollerRef, boardRef]);

  // Following: see what the facilitator sees, centred on the same spot of the grid.
  // By value: every facilitation event (a spotlight too) brings a new object; only a changed
  // view moves the followers.
  // At a zoom this screen can read (a phone following a laptop sees the middle of its view).
  // What this person was looking at before is kept, and given back when the facilitator ends
  // the summon — not when they move away themselves, which is where they chose to be.
  const followedView = followed ? JSON.stringify(followed.viewport) : null;
  const ownView = useRef<SavedView | null>(null);
  const summonRunning = summon !== null;
  useEffect(() => {
    const scroller = scrollerRef.current;
    const board = boardRef.current;
    if (!scroller || !board) return;
    if (followedView === null) {
      // Ended by the facilitator: back to this person's own view. Left by moving: stay.
      if (ownView.current && !summonRunning) showView(ownView.current);
      ownView.current = null;
      return;
    }
    ownView.current ??= currentView();
    const viewport = JSON.parse(followedView) as TViewport;
    const centre = viewport.centre ? boardPointOf({ scroller, board }, viewport.centre) : null;
    const { width, height } = viewport;
    showArea(
      centre ? { x: centre.x - width / 2, y: centre.y - height / 2, width, height } : viewport,
      { readable: true },
    );
  }, [followedView, summonRunning, showArea, currentView, showView, scrollerRef, boardRef]);

  // Moving myself stops following.
  const startedAt = followed?.startedAt ?? null;
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (startedAt === null || !scroller) return;
    const stop = () => useFollowStore.getState().stopFollowing(startedAt);
    const events = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
    for (const type of events) scroller.addEventListener(type, stop, { passive: true });
    return () => {
      for (const type of events) scroller.removeEventListener(type, stop);
    };
  }, [startedAt, scrollerRef]);

  // The spotlight: into view for everyone who isn't following someone's view.
  const following = followed !== null;
  useEffect(() => {
    const board = boardRef.current;
    if (!spotlit || !board || following) return;
    showStage(board, spotlit);
  }, [spotlit, following, boardRef]);

  return spotlit ? <style>{spotlightRules(spotlit)}</style> : null;
}

/** The spotlit stage's header and column, highlighted by one generated rule (cells don't subscribe). */
function spotlightRules(stageId: string): string {
  const id = CSS.escape(stageId);
  return [
    `.stage-header[data-stage-id="${id}"]{outline:3px solid var(--accent);outline-offset:-3px;z-index:3}`,
    `.cell[data-stage-id="${id}"]{background:var(--accent-soft)}`,
  ].join('\n');
}

/** What the leader sends: the visible area, and its centre on the grid (see TGridPoint). */
function viewportToSend(elements: BoardElements): TViewport {
  const visible = visibleViewport(elements);
  const centre = gridPointAt(elements, {
    x: visible.x + visible.width / 2,
    y: visible.y + visible.height / 2,
  });
  return { ...clampViewport(visible), ...(centre ? { centre } : {}) };
}

/** A board smaller than the screen is centred: its visible part starts "before" 0. */
function clampViewport(viewport: TViewport): TViewport {
  return {
    x: Math.max(0, viewport.x),
    y: Math.max(0, viewport.y),
    width: Math.max(0, viewport.width),
    height: Math.max(0, viewport.height),
  };
}
