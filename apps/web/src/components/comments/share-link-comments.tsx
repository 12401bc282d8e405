import type { TShareLink } from '@journeyboard/shared';

/** Per read-only link: whether its viewers see the map's comment threads (read-only). */
export function ShareLinkComments({
  links,
  onChange,
}: {
  links: readonly TShareLink[];
  onChange: (linkId: string, allowComments: boolean) => void;
}) {
  if (links.length === 0) return null;
  return (
    <ul className="share-link-comments">
      {links.map((link, index) => (
        <li key={link.id}>
          <label>
            <input
              type="checkbox"
              checked={link.allowComments}
              onChange={(event) => onChange(link.id, event.target.checked)}
            />{' '}
            Show comments to people with read-only link {index + 1}
          </label>
        </li>
      ))}
    </ul>
  );
}
