import {
  MAP_STATUSES,
  MAP_STATUS_LABELS,
  type MapStatus,
  type TJourneyMap,
} from '@journeyboard/shared';
import './lifecycle.css';

/** What the map list shows: '' = every status but archived; 'archived' asks the server for those. */
export interface LifecycleFilter {
  readonly status: MapStatus | '';
  /** '' = anyone; 'none' = maps with no owner. */
  readonly ownerId: string;
}

export const NO_LIFECYCLE_FILTER: LifecycleFilter = { status: '', ownerId: '' };

/** The maps a filter keeps (archived ones come from their own list, see the page). */
export function filterMaps(
  maps: readonly TJourneyMap[],
  filter: LifecycleFilter,
): readonly TJourneyMap[] {
  return maps.filter((map) => {
    const lifecycle = map.lifecycle;
    if (filter.status && filter.status !== 'archived' && lifecycle?.status !== filter.status) {
      return false;
    }
    if (filter.ownerId === 'none') return !lifecycle?.owner;
    if (filter.ownerId) return lifecycle?.owner?.id === filter.ownerId;
    return true;
  });
}

/** Status and owner selects above the map list; owners are the ones the listed maps have. */
export function LifecycleFilters({
  filter,
  owners,
  onChange,
}: {
  filter: LifecycleFilter;
  owners: readonly { id: string; name: string }[];
  onChange: (filter: LifecycleFilter) => void;
}) {
  return (
    <div className="lifecycle-filters">
      <label className="field">
        <span className="field__label">Status</span>
        <select
          className="input"
          value={filter.status}
          onChange={(event) =>
            onChange({ ...filter, status: event.target.value as LifecycleFilter['status'] })
          }
        >
          <option value="">All but archived</option>
          {MAP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {MAP_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Owner</span>
        <select
          className="input"
          value={filter.ownerId}
          onChange={(event) => onChange({ ...filter, ownerId: event.target.value })}
        >
          <option value="">Anyone</option>
          <option value="none">Nobody yet</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Everyone who owns one of `maps`, once each, by name. */
export function ownersOf(maps: readonly TJourneyMap[]): { id: string; name: string }[] {
  const owners = new Map<string, string>();
  for (const map of maps) {
    const owner = map.lifecycle?.owner;
    if (owner) owners.set(owner.id, owner.name);
  }
  return [...owners]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
