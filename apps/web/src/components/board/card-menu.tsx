import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CARD_COLORS, useBoardActions, type Card } from '../../board/use-board.ts';
import { cardLink } from '../../board/card-link.ts';
import { useUiStore } from '../../state/ui-store.ts';
import {
  CopyIcon,
  LinkIcon,
  LockIcon,
  MoreIcon,
  PencilIcon,
  StarIcon,
  TrashIcon,
} from '../common/icons.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';
import { useLockActions } from '../../workshop/lock-queries.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { CARD_COLOR_LABELS } from '@journeyboard/shared/board';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import './card.css';

interface CardMenuProps {
  card: Card;
  /** Deletes the card and moves focus somewhere sensible. */
  onDelete: () => void;
}

/**
 * "Card actions": edit, duplicate, moment of truth, colour, delete. A menu
 * button with arrow-key navigation; Escape or a click elsewhere closes it and
 * focus returns to the button.
 */
export function CardMenu({ card, onDelete }: CardMenuProps) {
  const actions = useBoardActions();
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const [open, setOpen] = useState(false);
  const { all: locks, facilitates } = useLocks();
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const { setLocked } = useLockActions(mapId);
  const cardLocked = locks.has('card', card.id);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const run = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      event.preventDefault();
      focusAt(index + 1);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      focusAt(index - 1);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="card-menu" onPointerDown={(event) => event.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button card__more"
        aria-label="Card actions"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
      >
        <MoreIcon />
      </button>
      {open ? (
        <div
          ref={menuRef}
          className="menu"
          role="menu"
          aria-label="Card actions"
          onKeyDown={onKeyDown}
        >
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => startEditingCard(card.id))}
          >
            <PencilIcon />
            Edit
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => {
              const copy = actions.duplicateCard(card.id);
              if (copy) startEditingCard(copy);
            })}
          >
            <CopyIcon />
            Duplicate
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu__item"
            onClick={run(() => void navigator.clipboard?.writeText(cardLink(card.id)))}
          >
            <LinkIcon />
            Copy link to card
          </button>
          <MenuCheckbox
            checked={card.momentOfTruth}
            icon={<StarIcon />}
            onClick={run(() => actions.updateCard(card.id, { momentOfTruth: !card.momentOfTruth }))}
          >
            Moment of truth
          </MenuCheckbox>
          {facilitates ? (
            <MenuCheckbox
              checked={cardLocked}
              icon={<LockIcon />}
              onClick={run(() => void setLocked({ scope: 'card', itemId: card.id }, !cardLocked))}
            >
              Lock card
            </MenuCheckbox>
          ) : null}
          <div className="menu__swatches" role="group" aria-label="Colour">
            {CARD_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                role="menuitemradio"
                aria-checked={card.color === color}
                aria-label={`Colour: ${CARD_COLOR_LABELS[color]}`}
                title={CARD_COLOR_LABELS[color]}
                className={`swatch swatch--${color}`}
                onClick={run(() => actions.updateCard(card.id, { color }))}
              />
            ))}
          </div>
          <button
            type="button"
            role="menuitem"
            className="menu__item menu__item--danger"
            onClick={run(onDelete)}
          >
            <TrashIcon />
            Delete card
          </button>
        </div>
      ) : null}
    </div>
  );
}
