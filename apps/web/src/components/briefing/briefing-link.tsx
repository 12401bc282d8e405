import { Link } from 'react-router';
import { BriefingIcon } from '../common/icons.tsx';
import { HeaderLabel } from '../common/header-label.tsx';

/**
 * The board header's way to the map's leadership briefing, drawn like
 * "Present" beside it: labelled "Briefing" where the header has room for
 * words, its icon alone where it hasn't (HeaderLabel). Its name says what
 * the word shortens.
 */
export function BriefingLink({ mapId }: { mapId: string }) {
  return (
    <Link
      to={`/maps/${mapId}/briefing`}
      className="button button--ghost"
      aria-label="Leadership briefing"
      title="Leadership briefing"
    >
      <BriefingIcon />
      <HeaderLabel>Briefing</HeaderLabel>
    </Link>
  );
}
