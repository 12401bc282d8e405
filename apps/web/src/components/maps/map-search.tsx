import type { TMapSearchResult } from '@journeyboard/shared';
import { useId } from 'react';
import { Link } from 'react-router';
import { SearchIcon } from '../common/icons.tsx';
import '../lifecycle/lifecycle.css';

/** The search field above the map list. */
export function MapSearchField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="map-search" role="search">
      <label htmlFor={id} className="map-search__label">
        <SearchIcon />
        <span className="visually-hidden">Search maps</span>
      </label>
      <input
        id={id}
        className="input map-search__input"
        type="search"
        placeholder="Search titles, descriptions and cards in all your workspaces"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onChange('');
        }}
      />
    </div>
  );
}

/** The server marks matches with « »; shown as <mark>, as text (never HTML). */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <p className="map-search__snippet">
      {parts.map((part, index) =>
        index % 2 === 1 ? <mark key={index}>{part}</mark> : <span key={index}>{part}</span>,
      )}
    </p>
  );
}

/** Search results: each map with its workspace and where the words were found. */
export function MapSearchResults({ results }: { results: readonly TMapSearchResult[] }) {
  if (results.length === 0) return <p className="muted">No map matches that search.</p>;
  return (
    <ul className="map-search__results" aria-label="Search results">
      {results.map((result) => (
        <li key={result.map.id} className="map-search__result">
          <Link to={`/maps/${encodeURIComponent(result.map.id)}`} className="map-search__title">
            {result.map.title}
          </Link>
          <span className="map-search__workspace">{result.workspaceName}</span>
          {/* Archived maps are found too: say so, so nobody takes one for the current map. */}
          {result.map.lifecycle?.status === 'archived' ? (
            <span className="lifecycle-status lifecycle-status--archived">Archived</span>
          ) : null}
          <Snippet text={result.snippet} />
        </li>
      ))}
    </ul>
  );
}
