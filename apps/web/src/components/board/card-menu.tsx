import { CARD_COLORS, useBoardActions, type Card } from '../../board/use-board.ts';
import { cardLink } from '../../board/card-link.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { CopyIcon, LinkIcon, PencilIcon, StarIcon, TrashIcon } from '../common/icons.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';
import { CARD_COLOR_LABELS } from '@journeyboard/shared/board';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import { LockMenuItem } from '../workshop/lock-controls.tsx';
import { MenuItem } from '../common/menu-popup.tsx';
import { ActionsMenu } from '../common/actions-menu.tsx';
import './card.css';

interface CardMenuProps {
  card: Card;
  /** The id of the card's text, which tells a screen reader whose actions these are. */
  describedBy: string;
  /** Deletes the card and moves focus somewhere sensible. */
  onDelete: () => void;
}

/**
 * "Card actions": edit, duplicate, moment of truth, colour, delete
 * (ActionsMenu: arrow keys, Escape or a click elsewhere closes it).
 */
export function CardMenu({ card, describedBy, onDelete }: CardMenuProps) {
  const actions = useBoardActions();
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const { all: locks, facilitates } = useLocks();
  const cardLocked = locks.has('card', card.id);

  return (
    <ActionsMenu
      className="card-menu"
      buttonClassName="card__more"
      label="Card actions"
      describedBy={describedBy}
      menuLabel="Card actions"
    >
      {(run) => (
        <>
          <MenuItem onClick={run(() => startEditingCard(card.id))}>
            <PencilIcon />
            Edit
          </MenuItem>
          <MenuItem
            onClick={run(() => {
              const copy = actions.duplicateCard(card.id);
              if (copy) startEditingCard(copy);
            })}
          >
            <CopyIcon />
            Duplicate
          </MenuItem>
          <MenuItem onClick={run(() => void navigator.clipboard?.writeText(cardLink(card.id)))}>
            <LinkIcon />
            Copy link to card
          </MenuItem>
          <MenuCheckbox
            checked={card.momentOfTruth}
            icon={<StarIcon />}
            onClick={run(() => actions.updateCard(card.id, { momentOfTruth: !card.momentOfTruth }))}
          >
            Moment of truth
          </MenuCheckbox>
          {facilitates ? (
            <LockMenuItem scope="card" itemId={card.id} locked={cardLocked} run={run} />
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
          <MenuItem className="menu__item--danger" onClick={run(onDelete)}>
            <TrashIcon />
            Delete card
          </MenuItem>
        </>
      )}
    </ActionsMenu>
  );
}
