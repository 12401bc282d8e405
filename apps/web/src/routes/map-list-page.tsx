import { useNavigate } from 'react-router';
import { AppHeader } from '../components/common/app-header.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { CreateMapForm } from '../components/maps/create-map-form.tsx';
import { MapList } from '../components/maps/map-list.tsx';
import { useMapList } from '../maps/use-map-list.ts';

/** `/`: every journey map, and the form to start a new one (which opens it). */
export function MapListPage() {
  useDocumentTitle('Journey maps');
  const navigate = useNavigate();
  const { state, reload, create, rename, remove } = useMapList();

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
        <div className="map-list-layout">
          <CreateMapForm
            onCreate={async (input) => {
              const map = await create(input);
              void navigate(`/maps/${encodeURIComponent(map.id)}`);
            }}
          />
          <section className="map-list-section" aria-labelledby="maps-heading">
            <h2 id="maps-heading" className="section-title">
              Your maps
              {state.status === 'ready' && state.maps.length > 0 ? (
                <span className="section-title__count">{state.maps.length}</span>
              ) : null}
            </h2>
            {state.status === 'loading' ? (
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
            ) : (
              <MapList maps={state.maps} onRename={rename} onDelete={remove} />
            )}
          </section>
        </div>
      </main>
    </div>
  );
}
