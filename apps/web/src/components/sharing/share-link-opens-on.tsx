import type { TShareLink, TShareLinkView } from '@journeyboard/shared';
import { useId } from 'react';

/**
 * One read-only link's setting: whether it opens on the board or on the
 * leadership briefing (a director gets the two-minute summary first; the
 * board is one click away from it).
 */
export function ShareLinkOpensOn({
  link,
  name,
  onChange,
}: {
  link: TShareLink;
  /** What the dialog calls the link ("Read-only link 2"). */
  name: string;
  onChange: (linkId: string, opensOn: TShareLinkView) => void;
}) {
  const id = useId();
  return (
    <span className="share-link-setting">
      <label htmlFor={id}>{name} opens on</label>{' '}
      <select
        id={id}
        className="input input--small"
        value={link.opensOn}
        onChange={(event) =>
          onChange(link.id, event.target.value === 'briefing' ? 'briefing' : 'board')
        }
      >
        <option value="board">the board</option>
        <option value="briefing">the briefing</option>
      </select>
    </span>
  );
}
