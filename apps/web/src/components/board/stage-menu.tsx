import { useBoardActions, type Stage } from '../../board/use-board.ts';
import { useCommentStore } from '../../comments/comment-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { CommentsIcon, MoreIcon, StarIcon, TrashIcon } from '../common/icons.tsx';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import { MenuItem, MenuPopup } from '../common/menu-popup.tsx';
import { useMenu } from '../common/use-menu.ts';
import { SpotlightMenuItem } from '../workshop/facilitation-controls.tsx';
import { LockMenuItem } from '../workshop/lock-controls.tsx';

interface StageMenuProps {
  readonly stage: Stage;
  /** A facilitator's lock binds this person: only commenting is left. */
  readonly locked: boolean;
  /** Asks before deleting (the stage header's dialog). */
  readonly onDelete: () => void;
}

/**
 * "Actions for stage …": moment of truth, comment, a facilitator's lock and
 * spotlight, delete. One button beside the drag handle rather than a row of
 * them: the row hung below the header and covered the stage's first "Add
 * card" — on a new stage, right where the next click goes.
 */
export function StageMenu({ stage, locked, onDelete }: StageMenuProps) {
  const actions = useBoardActions();
  const openPanel = useCommentStore((state) => state.openPanel);
  const { all: locks, facilitates } = useLocks();
  const { open, close, toggle, buttonRef, menuRef, onMenuKeyDown } = useMenu();
  // Focus back on the menu's button first (a keyboard user keeps their place); the comment
  // panel and the delete dialog then take it.
  const run = (fn: () => void) => () => {
    close();
    fn();
  };
  return (
    <div className="stage-menu" onPointerDown={(event) => event.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-label={`Actions for stage ${stage.title}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title="Stage actions"
        onClick={toggle}
      >
        <MoreIcon />
      </button>
      {open ? (
        <MenuPopup menuRef={menuRef} onKeyDown={onMenuKeyDown} label={`Stage ${stage.title}`}>
          {locked ? null : (
            <MenuCheckbox
              checked={stage.momentOfTruth}
              icon={<StarIcon />}
              onClick={run(() =>
                actions.updateStage(stage.id, { momentOfTruth: !stage.momentOfTruth }),
              )}
            >
              Moment of truth
            </MenuCheckbox>
          )}
          <MenuItem onClick={run(() => openPanel({ kind: 'stage', id: stage.id }))}>
            <CommentsIcon />
            Comment
          </MenuItem>
          {facilitates ? (
            <LockMenuItem
              scope="stage"
              itemId={stage.id}
              locked={locks.has('stage', stage.id)}
              run={run}
            />
          ) : null}
          <SpotlightMenuItem stageId={stage.id} run={run} />
          {locked ? null : (
            <MenuItem className="menu__item--danger" onClick={run(onDelete)}>
              <TrashIcon />
              Delete stage
            </MenuItem>
          )}
        </MenuPopup>
      ) : null}
    </div>
  );
}
