import type { TMapPersona } from '@journeyboard/shared';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useMapPersonas, usePersonas, useSetMapPersonas } from '../../personas/persona-queries.ts';
import { HeaderLabel } from '../common/header-label.tsx';
import { CloseIcon, PersonasIcon } from '../common/icons.tsx';
import { SidePanel } from '../common/side-panel.tsx';
import { PersonaAvatar } from './persona-avatar.tsx';
import { PersonaCard } from './persona-card.tsx';
import { FormProblem } from '../common/form-problem.tsx';
import './personas.css';

/**
 * The board's persona panel: whose journey this is. Editors and owners link
 * the workspace's personas and pick the primary one.
 */
export function PersonaPanel({
  mapId,
  workspaceId,
}: {
  mapId: string;
  workspaceId: string | undefined;
}) {
  // Read by anyone who may read the map (a share link too); an error leaves the panel empty.
  const linked = useMapPersonas(mapId).data ?? [];
  const setMapPersonas = useSetMapPersonas(mapId, workspaceId);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canLink = useCan('personas.link');

  const primary = linked.find((p) => p.primary);
  return (
    <>
      <button
        type="button"
        className="button button--ghost persona-toggle"
        title="Personas"
        aria-pressed={open}
        onClick={() => setOpen((value) => !value)}
      >
        {primary ? <PersonaAvatar persona={primary} size={20} /> : <PersonasIcon />}
        <HeaderLabel count={linked.length}>Personas</HeaderLabel>
      </button>
      {open ? (
        <SidePanel
          side="left"
          name="personas"
          label="Personas"
          className="persona-panel"
          testId="persona-panel"
          onClose={() => setOpen(false)}
        >
          <header className="comment-panel__header">
            <h2 className="comment-panel__title">Personas</h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Close personas"
              onClick={() => setOpen(false)}
            >
              <CloseIcon />
            </button>
          </header>
          <FormProblem>{error}</FormProblem>
          {editing && workspaceId ? (
            <LinkPersonas
              workspaceId={workspaceId}
              linked={linked}
              onCancel={() => setEditing(false)}
              onSave={async (ids, primaryId) => {
                setError(null);
                try {
                  await setMapPersonas({ personaIds: ids, primaryId });
                  setEditing(false);
                } catch (caught) {
                  setError(errorMessage(caught));
                }
              }}
            />
          ) : (
            <>
              {linked.length === 0 ? (
                <p className="comment-panel__empty">No personas linked to this map yet.</p>
              ) : null}
              {linked.map((persona) => (
                <PersonaCard
                  key={persona.id}
                  persona={persona}
                  {...(persona.primary ? { badge: 'Primary' } : {})}
                />
              ))}
              {canLink ? (
                <button type="button" className="button" onClick={() => setEditing(true)}>
                  Link personas
                </button>
              ) : null}
            </>
          )}
        </SidePanel>
      ) : null}
    </>
  );
}

function LinkPersonas({
  workspaceId,
  linked,
  onSave,
  onCancel,
}: {
  workspaceId: string;
  linked: readonly TMapPersona[];
  onSave: (ids: string[], primaryId: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const personas = usePersonas(workspaceId);
  const all = personas.data;
  const [chosen, setChosen] = useState<readonly string[]>(linked.map((p) => p.id));
  const [primaryId, setPrimaryId] = useState<string | null>(
    linked.find((p) => p.primary)?.id ?? null,
  );
  if (personas.error) return <FormProblem error={personas.error} />;
  if (!all) return <p className="comment-panel__empty">Loading personas…</p>;
  if (all.length === 0) {
    return (
      <p className="comment-panel__empty">
        This workspace has no personas yet. Create them on the{' '}
        <a href={`/workspaces/${workspaceId}/personas`}>Personas page</a>.
      </p>
    );
  }
  const effectivePrimary =
    primaryId && chosen.includes(primaryId) ? primaryId : (chosen[0] ?? null);
  return (
    <form
      className="persona-link-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave([...chosen], effectivePrimary);
      }}
    >
      <fieldset>
        <legend>Linked personas</legend>
        {all.map((persona) => (
          <div key={persona.id} className="persona-link-form__row">
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(persona.id)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, persona.id]
                      : current.filter((id) => id !== persona.id),
                  )
                }
              />{' '}
              {persona.name}
            </label>
            {chosen.includes(persona.id) ? (
              <label>
                <input
                  type="radio"
                  name="primary-persona"
                  checked={effectivePrimary === persona.id}
                  onChange={() => setPrimaryId(persona.id)}
                />{' '}
                Primary
              </label>
            ) : null}
          </div>
        ))}
      </fieldset>
      <div className="comment-composer__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Save personas
        </button>
      </div>
    </form>
  );
}
