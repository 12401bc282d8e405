import { Link } from 'react-router';
import { BriefingIcon } from '../common/icons.tsx';

/** The board header's way to the map's leadership briefing (an icon: the header is full). */
export function BriefingLink({ mapId }: { mapId: string }) {
  return (
    <Link
      to={`/maps/${mapId}/briefing`}
      className="icon-button"
      aria-label="Leadership briefing"
      title="Leadership briefing"
    >
      <BriefingIcon />
    </Link>
  );
}
