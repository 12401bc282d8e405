import type { TShareLink } from '@journeyboard/shared';

/** One read-only link's setting: whether its viewers see the map's comment threads (read-only). */
export function ShareLinkComments({
  link,
  name,
  onChange,
}: {
  link: TShareLink;
  /** What the dialog calls the link ("Read-only link 2"). */
  name: string;
  onChange: (linkId: string, allowComments: boolean) => void;
}) {
  return (
    <label className="share-link-setting">
      <input
        type="checkbox"
        checked={link.allowComments}
        onChange={(event) => onChange(link.id, event.target.checked)}
      />{' '}
      Show comments to people with {name.toLowerCase()}
    </label>
  );
}
