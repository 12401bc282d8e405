import type { Person } from '../../presence/people.ts';
import { setOthersCursorsHidden, useOthersCursorsHidden } from '../../presence/others-cursors.ts';
import { MenuButton } from '../common/menu-button.tsx';
import { ChevronIcon, CursorIcon } from '../common/icons.tsx';
import { MenuCheckbox } from '../common/menu-checkbox.tsx';
import type { Anchoring } from '../common/use-anchored-popup.ts';

/** The avatars sit at the top right of the header: the list hangs below, right edges lined up. */
const UNDER_THE_AVATARS: Anchoring = { placement: 'bottom-end', gap: 6 };

/**
 * "+21" beside the avatars when more people are on the map than avatars fit
 * (a chevron when all of them fit): everyone else, by name (a facilitator
 * looks for a name, not for initials in a colour; type its first letter to
 * jump there), each one to follow — the ticked one is being followed,
 * choosing it again stops. Without this, only the first few of a 30-person
 * workshop could be found or followed at all. First in the list, above names
 * that scroll: whether other people's cursors show on this device.
 */
export function EveryoneMenu({
  people,
  hidden,
  following,
  onFollow,
}: {
  /** Everyone else on the map. */
  people: readonly Person[];
  /** How many of them have no avatar of their own in the header. */
  hidden: number;
  /** The followed client id, or null. */
  following: number | null;
  onFollow: (clientId: number | null) => void;
}) {
  const byName = [...people].sort((a, b) => a.name.localeCompare(b.name));
  const cursorsHidden = useOthersCursorsHidden();
  return (
    <MenuButton
      content={hidden > 0 ? `+${hidden}` : <ChevronIcon />}
      buttonClassName="presence-avatars__more"
      label={`Everyone on this map (${people.length} ${people.length === 1 ? 'other' : 'others'})`}
      title="Everyone on this map: follow someone, or hide their cursors"
      menuLabel="Everyone on this map"
      menuClassName="everyone-menu"
      anchoring={UNDER_THE_AVATARS}
    >
      {(run) => [
        <MenuCheckbox
          key="cursors"
          checked={!cursorsHidden}
          icon={<CursorIcon />}
          onClick={run(() => setOthersCursorsHidden(!cursorsHidden))}
        >
          Show others’ cursors
        </MenuCheckbox>,
        <hr key="people" className="everyone-menu__rule" />,
        ...byName.map((person) => {
          const active = following !== null && person.clientIds.includes(following);
          return (
            <MenuCheckbox
              key={person.userId}
              checked={active}
              icon={
                <span
                  className="everyone-menu__dot"
                  style={{ background: person.color }}
                  aria-hidden="true"
                />
              }
              onClick={run(() => onFollow(active ? null : person.followClientId))}
            >
              {person.name}
            </MenuCheckbox>
          );
        }),
      ]}
    </MenuButton>
  );
}
