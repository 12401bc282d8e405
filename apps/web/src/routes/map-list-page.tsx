import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAccount } from '../auth/me.ts';
import { currentWorkspace, useWorkspaceStore } from '../auth/workspace-store.ts';
import { WorkspaceCapabilities } from '../capabilities/workspace-capabilities.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { CreateMapForm } from '../components/maps/create-map-form.tsx';
import { ImportMapPanel } from '../components/maps/import-map-panel.tsx';
import { MapList } from '../components/maps/map-list.tsx';
import { MapSearchField, MapSearchResults } from '../components/maps/map-search.tsx';
import { useMapSearch } from '../maps/use-map-search.ts';
import { PersonaFilter } from '../components/personas/persona-filter.tsx';
import { useMapList } from '../maps/use-map-list.ts';
import { useArchivedMaps } from '../lifecycle/lifecycle-queries.ts';
import {
  filterMaps,
  LifecycleFilters,
  NO_LIFECYCLE_FILTER,
  ownersOf,
  type LifecycleFilter,
} from '../components/lifecycle/lifecycle-filters.tsx';
import { usePersonas } from '../personas/persona-queries.ts';
import { useOnline } from '../offline/use-online.ts';
import { needsServer } from '../components/shell/needs-server.ts';
import { FormProblem } from '../components/common/form-problem.tsx';
import { AddedToWorkspaceNotice } from '../components/shell/added-to-workspace-notice.tsx';

export const OFFLINE_MESSAGE =
  'You’re offline. These are the maps saved on this device; edits you make in them sync when you’re back online.';

/** `/`: every journey map, and the form to start a new one (which opens it). */
export function MapListPage() {
  useDocumentTitle('Journey maps');
  const navigate = useNavigate();
  const { state, reload, create, importMap, rename, remove } = useMapList();
  const me = useAccount();
  const remembered = useWorkspaceStore((store) => store.workspaceId);
  const workspace = me ? currentWorkspace(me.workspaces, remembered) : undefined;
  // An import links the workspace's personas by name; the preview says which.
  const workspacePersonas = usePersonas(workspace?.id).data;
  // Which maps the persona filter keeps, for the workspace it was chosen in.
  const [personaFilter, setPersonaFilter] = useState<{
    workspaceId: string;
    mapIds: ReadonlySet<string>;
  } | null>(null);
  const personaMaps =
    personaFilter && personaFilter.workspaceId === workspace?.id ? personaFilter.mapIds : null;
  // Maps of the current workspace (without accounts loaded, e.g. in tests: all of them).
  const listed = state.status === 'ready' || state.status === 'offline' ? state.maps : [];
  const workspaceMaps = workspace
    ? listed.filter((map) => !map.workspaceId || map.workspaceId === workspace.id)
    : listed;
  const [lifecycleFilter, setLifecycleFilter] = useState<LifecycleFilter>(NO_LIFECYCLE_FILTER);
  // Archived maps are not in the everyday list: asked for when the filter shows them.
  const showArchived = lifecycleFilter.status === 'archived';
  const archived = useArchivedMaps(showArchived);
  const statusMaps = showArchived
    ? (archived.data ?? []).filter(
        (map) => !workspace || !map.workspaceId || map.workspaceId === workspace.id,
      )
    : workspaceMaps;
  const personaKept = personaMaps
    ? statusMaps.filter((map) => personaMaps.has(map.id))
    : statusMaps;
  const maps = filterMaps(personaKept, lifecycleFilter);
  const filtering = lifecycleFilter !== NO_LIFECYCLE_FILTER;
  // Search spans every workspace; the persona filter (one workspace's personas) still applies.
  const [searchText, setSearchText] = useState('');
  const search = useMapSearch(searchText);
  const searchResults =
    search.status === 'ready' && personaMaps
      ? search.results.filter((result) => personaMaps.has(result.map.id))
      : search.status === 'ready'
        ? search.results
        : [];
  // The browser's word, or the list that could only come from this device.
  const offline = !useOnline() || state.status === 'offline';

  return (
    <div className="page">
      <AppHeader />
      <main className="page__main">
        <div className="page-intro">
          <h1 className="page-intro__title">Journey maps</h1>
          <p className="page-intro__text">
            Map what your customers do, think and feel — together, in real time.
          </p>
        </div>
        <AddedToWorkspaceNotice />
        <div className="map-list-layout">
          {offline ? (
            <section className="panel" aria-labelledby="create-offline-heading">
              <h2 id="create-offline-heading" className="panel__title">
                New journey map
              </h2>
              <p className="muted">{needsServer('Creating a map')}</p>
            </section>
          ) : (
            <WorkspaceCapabilities workspaceId={workspace?.id}>
              <div className="map-list-side">
                <CreateMapForm
                  onCreate={async (input) => {
                    const map = await create(
                      workspace ? { ...input, workspaceId: workspace.id } : input,
                    );
                    void navigate(`/maps/${encodeURIComponent(map.id)}`);
                  }}
                />
                <ImportMapPanel
                  workspacePersonaNames={workspacePersonas?.map((persona) => persona.name)}
                  onImport={async (input) => {
                    const map = await importMap(
                      workspace ? { ...input, workspaceId: workspace.id } : input,
                    );
                    void navigate(`/maps/${encodeURIComponent(map.id)}`);
                  }}
                />
              </div>
            </WorkspaceCapabilities>
          )}
          <section className="map-list-section" aria-labelledby="maps-heading">
            <h2 id="maps-heading" className="section-title">
              Your maps
              {maps.length > 0 ? <span className="section-title__count">{maps.length}</span> : null}
            </h2>
            {workspace ? (
              <PersonaFilter
                key={workspace.id}
                workspaceId={workspace.id}
                onChange={(mapIds) =>
                  setPersonaFilter(mapIds ? { workspaceId: workspace.id, mapIds } : null)
                }
              />
            ) : null}
            {offline ? null : <MapSearchField value={searchText} onChange={setSearchText} />}
            {offline || search.status === 'ready' ? null : (
              <LifecycleFilters
                filter={lifecycleFilter}
                owners={ownersOf(workspaceMaps)}
                onChange={setLifecycleFilter}
              />
            )}
            {search.status === 'searching' ? (
              <p className="muted" role="status">
                Searching…
              </p>
            ) : search.status === 'error' ? (
              <FormProblem>{search.message}</FormProblem>
            ) : search.status === 'ready' ? (
              <MapSearchResults results={searchResults} />
            ) : state.status === 'loading' ? (
              <p className="muted" role="status">
                Loading maps…
              </p>
            ) : state.status === 'error' ? (
              <div className="notice notice--error" role="alert">
                <p>{state.message}</p>
                <button type="button" className="button" onClick={reload}>
                  Try again
                </button>
              </div>
            ) : state.status === 'offline' ? (
              <>
                <div className="notice" role="status">
                  <p>{OFFLINE_MESSAGE}</p>
                </div>
                {maps.length > 0 ? (
                  <MapList maps={maps} offline />
                ) : (
                  <p className="muted">No maps are saved on this device yet.</p>
                )}
              </>
            ) : showArchived && archived.isPending ? (
              <p className="muted" role="status">
                Loading archived maps…
              </p>
            ) : filtering && maps.length === 0 ? (
              <p className="muted">No maps match these filters.</p>
            ) : offline ? (
              // Listed from the server before the network went: they open, nothing else.
              <>
                <div className="notice" role="status">
                  <p>{needsServer('Renaming, moving, deleting or exporting a map')}</p>
                </div>
                <MapList maps={maps} offline />
              </>
            ) : (
              <MapList maps={maps} onRename={rename} onDelete={remove} />
            )}
          </section>
        </div>
      </main>
    </div>
  );
}
