import { Link } from 'react-router';
import { LogoMark } from './icons.tsx';

/** The slim top bar of the non-board pages. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        <LogoMark />
        <span className="brand__name">Journeyboard</span>
      </Link>
    </header>
  );
}
