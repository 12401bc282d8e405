import type { TShareLink, TShareLinkView } from '@journeyboard/shared';
import { useId } from 'react';

/**
 * Per read-only link: whether it opens on the board or on the leadership
 * briefing (a director gets the two-minute summary first; the board is one
 * click away from it).
 */
export function ShareLinkOpensOn({
  links,
  onChange,
}: {
  links: readonly TShareLink[];
  onChange: (linkId: string, opensOn: TShareLinkView) => void;
}) {
  const id = useId();
  if (links.length === 0) return null;
  return (
    <ul className="share-link-opens-on">
      {links.map((link, index) => (
        <li key={link.id}>
          <label htmlFor={`${id}-${index}`}>Read-only link {index + 1} opens on</label>{' '}
          <select
            id={`${id}-${index}`}
            className="input input--small"
            value={link.opensOn}
            onChange={(event) =>
              onChange(link.id, event.target.value === 'briefing' ? 'briefing' : 'board')
            }
          >
            <option value="board">the board</option>
            <option value="briefing">the briefing</option>
          </select>
        </li>
      ))}
    </ul>
  );
}
