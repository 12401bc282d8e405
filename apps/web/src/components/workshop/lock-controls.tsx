import { useCan } from '../../capabilities/capabilities.tsx';
import type { ItemLockScope, LockScope } from '@journeyboard/shared/board';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { useLockActions } from '../../workshop/lock-queries.ts';
import { runFacilitatorAction } from '../../workshop/workshop-problem.ts';
import { MenuButton, type RunFromMenu } from '../common/menu-button.tsx';
import { LockIcon, UnlockIcon } from '../common/icons.tsx';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import { Toggletip } from '../common/toggletip.tsx';
import type { Anchoring } from '../common/use-anchored-popup.ts';
import './lock-controls.css';
import { ToolLabel } from './tool-label.tsx';

/** Lock or unlock; a refusal shows in the workshop's problem banner (workshop-problem.ts). */
function useLockToggle() {
  const mapId = useMapEventStore((state) => state.mapId) ?? '';
  const { setLocked } = useLockActions(mapId);
  return (lock: Parameters<typeof setLocked>[0], locked: boolean) =>
    runFacilitatorAction(() => setLocked(lock, locked));
}

/** The workshop tools sit at the foot of the board: the menu opens above its button. */
const ABOVE_THE_BUTTON: Anchoring = { placement: 'top-start', gap: 10 };

/**
 * The facilitator's menu (in the workshop tools) for the wide locks: the
 * board's structure (stages and lanes) and the whole board. Nothing for
 * anyone else. A menu button like every other (`useMenu`): arrow keys, Escape
 * gives the focus back to "Locks".
 */
export function LockMenu() {
  const { all, facilitates } = useLocks();
  const toggle = useLockToggle();
  if (!facilitates) return null;
  const anyLock = !all.isEmpty;
  return (
    <div className="lock-menu">
      {/* A choice is made: the menu closes (it hangs over the board) and focus goes back. */}
      <MenuButton
        content={
          <>
            {anyLock ? <LockIcon /> : <UnlockIcon />}
            <ToolLabel>Locks</ToolLabel>
          </>
        }
        buttonClassName={`icon-button lock-menu__button${anyLock ? ' lock-menu__button--on' : ''}`}
        label="Locks"
        title="Lock the board or its structure"
        menuLabel="Locks"
        menuClassName="lock-menu__menu"
        anchoring={ABOVE_THE_BUTTON}
      >
        {(run) => (
          <>
            <MenuCheckbox
              checked={all.structure}
              icon={<LockIcon />}
              onClick={run(() => toggle({ scope: 'structure' }, !all.structure))}
            >
              Lock the board structure
            </MenuCheckbox>
            <MenuCheckbox
              checked={all.board}
              icon={<LockIcon />}
              onClick={run(() => toggle({ scope: 'board' }, !all.board))}
            >
              Lock the whole board
            </MenuCheckbox>
            <p className="lock-menu__hint">
              Participants can’t change what is locked; facilitators still can. Choose a checked
              lock again to lift it.
            </p>
          </>
        )}
      </MenuButton>
    </div>
  );
}

const SCOPE_NOUN: Record<ItemLockScope, string> = { stage: 'stage', lane: 'lane', card: 'card' };

/** A facilitator's lock/unlock button for one stage, lane or card; nothing for anyone else. */
export function LockToggle({
  scope,
  itemId,
  name,
  className = 'icon-button',
}: {
  scope: ItemLockScope;
  itemId: string;
  /** The item's title, for the button's label. */
  name: string;
  className?: string;
}) {
  const { all, facilitates } = useLocks();
  const toggle = useLockToggle();
  if (!facilitates) return null;
  const locked = all.has(scope, itemId);
  const label = `${locked ? 'Unlock' : 'Lock'} ${SCOPE_NOUN[scope]} ${name}`.trim();
  return (
    <button
      type="button"
      className={`${className}${locked ? ' lock-toggle--on' : ''}`}
      aria-label={label}
      aria-pressed={locked}
      title={label}
      onClick={() => toggle({ scope, itemId }, !locked)}
    >
      {locked ? <LockIcon /> : <UnlockIcon />}
    </button>
  );
}

/**
 * "Lock card" / "Lock stage" in an item's menu, for facilitators. Its own
 * component so that the lock request (a mutation observer) exists only while
 * a menu is open, not once per item.
 */
export function LockMenuItem({
  scope,
  itemId,
  locked,
  run,
}: {
  scope: ItemLockScope;
  itemId: string;
  locked: boolean;
  run: RunFromMenu;
}) {
  const toggle = useLockToggle();
  return (
    <MenuCheckbox
      checked={locked}
      icon={<LockIcon />}
      onClick={run(() => toggle({ scope, itemId }, !locked))}
    >
      Lock {SCOPE_NOUN[scope]}
    </MenuCheckbox>
  );
}

/** The lock shown on a locked item, to everyone; `detail` (its tooltip) says more than `label`. */
export function LockBadge({ label, detail = label }: { label: string; detail?: string }) {
  return (
    <span className="lock-badge" role="img" aria-label={label} title={detail}>
      <LockIcon size={12} />
    </span>
  );
}

/** What a lock on the board leaves free in a stage or lane, as its badge's tooltip says it. */
const HEADER_LOCK_DETAIL: Record<LockScope, (noun: 'stage' | 'lane', holds: string) => string> = {
  board: () => 'The whole board is locked.',
  // A structure lock holds the header only: its badge alone read as if the cards were held too.
  structure: (noun, holds) =>
    `Locked with the board’s structure: the ${noun}’s title and place stay; its ${holds} can still change.`,
  stage: (_noun, holds) => `The facilitator locked this stage and its ${holds}.`,
  lane: (_noun, holds) => `The facilitator locked this lane and its ${holds}.`,
  card: () => '',
};

/** The lock beside a stage's or lane's title, and which lock it is. */
export function HeaderLockBadge({
  noun,
  title,
  holds,
  lockedBy,
}: {
  noun: 'stage' | 'lane';
  title: string;
  /** What is in it: "cards", an emotion lane's "scores", a stage's "cards and scores". */
  holds: string;
  lockedBy: LockScope;
}) {
  const label = `${noun === 'stage' ? 'Stage' : 'Lane'} ${title} is locked`;
  const detail = HEADER_LOCK_DETAIL[lockedBy](noun, holds);
  return (
    <Toggletip className="lock-badge" label={label} detail={`${label}. ${detail}`}>
      <LockIcon size={12} />
    </Toggletip>
  );
}

/**
 * Tells a participant that the facilitator locked the whole board: a banner
 * above it, as nothing on the board is theirs to change meanwhile. Not
 * someone who may change nothing anyway (a viewer, a guest whose link was
 * closed): their header says why, and "you can look, not change" would be
 * news to nobody.
 */
export function LockBanner() {
  const { all, binding } = useLocks();
  const mayEdit = useCan('board.edit');
  // A board held by a silent brainstorm says so in its own banner.
  if (!mayEdit || !binding.board || !all.board) return null;
  return (
    <div className="banner lock-banner" role="status">
      <LockIcon /> The facilitator locked the board: you can look, not change.
    </div>
  );
}

const STRUCTURE_LOCKED =
  'The facilitator locked the board’s structure: the map’s name, stages and lanes stay as they are; cards are yours to edit.';

/**
 * Beside the map's title while a structure lock binds this participant. A
 * workshop link locks the structure by default, so this lasts the whole
 * session: a state, like "Guest", not news — as a banner it took a line of
 * the board from every participant's laptop for the whole workshop. The
 * stages and lanes carry their own lock icons.
 */
export function StructureLockBadge() {
  const { binding } = useLocks();
  const mayEdit = useCan('board.edit');
  // Not while the whole board binds them (a board lock's banner, a brainstorm's): "cards are
  // yours to edit" would be wrong then.
  const shown = mayEdit && binding.structure && !binding.board;
  return (
    <>
      {/* Always there, so a lock set mid-session is announced; out of the header's flow. */}
      <span role="status" className="visually-hidden">
        {shown ? STRUCTURE_LOCKED : null}
      </span>
      {shown ? (
        <Toggletip className="structure-lock-badge" detail={STRUCTURE_LOCKED}>
          <LockIcon size={13} />
          <span className="structure-lock-badge__words">Structure locked</span>
        </Toggletip>
      ) : null}
    </>
  );
}
