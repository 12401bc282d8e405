import { useBoardActions, type Stage } from '../../board/use-board.ts';
import { useCommentStore } from '../../comments/comment-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { ActionsMenu } from '../common/actions-menu.tsx';
import { CommentsIcon, StarIcon, TrashIcon } from '../common/icons.tsx';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import { MenuItem } from '../common/menu-popup.tsx';
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
  return (
    <ActionsMenu
      className="stage-menu"
      label={`Actions for stage ${stage.title}`}
      menuLabel={`Stage ${stage.title}`}
    >
      {(run) => (
        <>
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
        </>
      )}
    </ActionsMenu>
  );
}
