import type { TJourneyMap } from '@journeyboard/shared';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { MapIcon } from '../common/icons.tsx';
import { MapListItem } from './map-list-item.tsx';

interface MapListProps {
  maps: readonly TJourneyMap[];
  onRename?: (id: string, title: string) => Promise<void>;
  onDelete?: (id: string) => Promise<void>;
  /**
   * No server to ask: the maps can only be opened (from this device's copy).
   * Renaming, moving, deleting, a status change or an export would only fail.
   */
  offline?: boolean;
}

const NOTHING: readonly never[] = [];

/** The maps, newest first, or a friendly empty state. */
export function MapList({ maps, onRename, onDelete, offline = false }: MapListProps) {
  if (maps.length === 0) {
    return (
      <div className="empty-state">
        <span className="empty-state__icon">
          <MapIcon />
        </span>
        <p className="empty-state__title">No journey maps yet</p>
        <p className="empty-state__text">
          Create your first map to lay out a customer’s journey, stage by stage.
        </p>
      </div>
    );
  }
  return (
    <ul className="map-grid" aria-label="Journey maps">
      {maps.map((map) => (
        <CapabilitiesProvider key={map.id} map={offline ? NOTHING : (map.capabilities ?? NOTHING)}>
          <MapListItem
            map={map}
            {...(onRename ? { onRename } : {})}
            {...(onDelete ? { onDelete } : {})}
          />
        </CapabilitiesProvider>
      ))}
    </ul>
  );
}
