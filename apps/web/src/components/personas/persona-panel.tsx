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
  // This person's own ticks over the live links (`linked` follows the map's events): a persona
  // someone else links while this form is open shows up ticked, and saving keeps it. The form
  // used to save the list as it was when opened, unlinking what a teammate had just linked.
  const [mine, setMine] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [primaryId, setPrimaryId] = useState<string | null>(null);
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
  const liveIds = linked.map((persona) => persona.id);
  const chosen = [...new Set([...liveIds, ...all.map((persona) => persona.id)])].filter(
    (id) => mine.get(id) ?? liveIds.includes(id),
  );
  const livePrimary = linked.find((persona) => persona.primary)?.id ?? null;
  const effectivePrimary =
    [primaryId, livePrimary].find((id) => id !== null && chosen.includes(id)) ?? chosen[0] ?? null;
  return (
    <form
      className="persona-link-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(chosen, effectivePrimary);
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
                onChange={(event) => {
                  const on = event.target.checked;
                  setMine((current) => new Map(current).set(persona.id, on));
                }}
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
