import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core';
import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { flushSync } from 'react-dom';
import type { CardDragData } from './drag-data.ts';

/** The id of dnd-kit's hidden drag instructions; handles point at it with aria-describedby. */
export const CARD_DRAG_INSTRUCTIONS_ID = 'board-drag-instructions';

interface Candidate {
  readonly cardId: string;
  readonly node: HTMLElement;
  readonly handle: HTMLElement | null;
}

interface CardDragSource {
  /** Starts a pointer drag of this card (dnd-kit still waits for a few pixels of travel). */
  onPointerDown: (
    cardId: string,
    node: HTMLElement,
    handle: HTMLElement | null,
    event: PointerEvent,
  ) => void;
  /** Space/Enter on a card's "Move card" handle starts a keyboard drag. */
  onHandleKeyDown: (
    cardId: string,
    node: HTMLElement,
    handle: HTMLElement,
    event: KeyboardEvent,
  ) => void;
}

const CardDragSourceContext = createContext<CardDragSource | null>(null);

export function useCardDragSource(): CardDragSource {
  const source = useContext(CardDragSourceContext);
  if (!source) throw new Error('useCardDragSource must be used inside <CardDragSourceProvider>.');
  return source;
}

/**
 * The one dnd-kit draggable behind every card. dnd-kit re-renders each
 * useDraggable component whenever the drag target changes, which with a
 * thousand cards costs a hundred milliseconds per change; so cards do not
 * register themselves. Instead this single draggable is pointed at a card the
 * moment a drag could start (pointer down, or a key on its handle), and dnd-kit
 * sees an ordinary draggable with that card's id.
 */
function CardDragProxy({
  candidate,
  listenersRef,
}: {
  candidate: Candidate | null;
  listenersRef: RefObject<DraggableSyntheticListeners>;
}) {
  const cardId = candidate?.cardId ?? '';
  const data = useMemo<CardDragData>(() => ({ type: 'card', cardId }), [cardId]);
  const { setNodeRef, setActivatorNodeRef, listeners } = useDraggable({
    id: cardId || 'card-drag-proxy',
    data,
    disabled: candidate === null,
  });
  useLayoutEffect(() => {
    setNodeRef(candidate?.node ?? null);
    setActivatorNodeRef(candidate?.handle ?? null);
    listenersRef.current = listeners;
  }, [candidate, listeners, listenersRef, setNodeRef, setActivatorNodeRef]);
  return null;
}

export function CardDragSourceProvider({
  children,
  isDragging,
}: {
  children: React.ReactNode;
  /** While a drag runs the candidate must not change under it. */
  isDragging: () => boolean;
}) {
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const listenersRef = useRef<DraggableSyntheticListeners>(undefined);
  const candidateRef = useRef<Candidate | null>(null);

  const source = useMemo<CardDragSource>(() => {
    const point = (cardId: string, node: HTMLElement, handle: HTMLElement | null) => {
      if (isDragging()) return false;
      const current = candidateRef.current;
      if (current?.cardId !== cardId || current.node !== node || current.handle !== handle) {
        const next = { cardId, node, handle };
        candidateRef.current = next;
        // Synchronously, so the listeners below already belong to this card.
        flushSync(() => setCandidate(next));
      }
      return true;
    };
    return {
      onPointerDown: (cardId, node, handle, event) => {
        if (point(cardId, node, handle)) listenersRef.current?.onPointerDown?.(event);
      },
      onHandleKeyDown: (cardId, node, handle, event) => {
        if (event.key !== ' ' && event.key !== 'Enter') return;
        if (point(cardId, node, handle)) listenersRef.current?.onKeyDown?.(event);
      },
    };
  }, [isDragging]);

  return (
    <CardDragSourceContext value={source}>
      <CardDragProxy candidate={candidate} listenersRef={listenersRef} />
      {children}
    </CardDragSourceContext>
  );
}
