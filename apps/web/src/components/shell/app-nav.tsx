import type { TWorkspaceSummary } from '@journeyboard/shared';
import { NavLink } from 'react-router';
import { useOnline } from '../../offline/use-online.ts';
import { MentionsLink } from '../comments/mentions-link.tsx';
import { needsServer } from './needs-server.ts';
import { UnavailableAction } from './unavailable-action.tsx';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `app-nav__link${isActive ? ' app-nav__link--current' : ''}`;

/**
 * Maps, Personas, Members and Mentions of the current workspace, on every
 * signed-in page. Members shows in a personal workspace too: it is where
 * people look to invite someone, and says how (a team workspace). Offline it
 * is shown but not offered, with why — the list of members is never kept on
 * the device.
 */
export function AppNav({ workspace }: { workspace: TWorkspaceSummary }) {
  const online = useOnline();
  const base = `/workspaces/${encodeURIComponent(workspace.id)}`;
  return (
    <nav className="app-nav" aria-label="Main">
      <NavLink to="/" end className={navClass}>
        Maps
      </NavLink>
      <NavLink to={`${base}/personas`} className={navClass}>
        Personas
      </NavLink>
      {online ? (
        <NavLink to={`${base}/members`} className={navClass}>
          Members
        </NavLink>
      ) : (
        <UnavailableAction
          label="Members"
          reason={needsServer('Members')}
          className="app-nav__link app-nav__link--unavailable"
        />
      )}
      <MentionsLink className={navClass} />
    </nav>
  );
}
