import type { TPersona } from '@journeyboard/shared';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../api/client.ts';
import { useAccount } from '../auth/me.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { WorkspaceCapabilities } from '../capabilities/workspace-capabilities.tsx';
import { AppHeader } from '../components/common/app-header.tsx';
import { ConfirmDialog } from '../components/common/confirm-dialog.tsx';
import { useDocumentTitle } from '../components/common/use-document-title.ts';
import { PersonaCard } from '../components/personas/persona-card.tsx';
import { PersonaForm } from '../components/personas/persona-form.tsx';
import { FormProblem } from '../components/common/form-problem.tsx';
import '../components/personas/personas.css';
import { usePersonaActions, usePersonas } from '../personas/persona-queries.ts';

/** `/workspaces/:id/personas`: the workspace's personas; editors and owners change them. */
export function PersonasPage() {
  const { workspaceId = '' } = useParams();
  return (
    <WorkspaceCapabilities workspaceId={workspaceId}>
      <Personas workspaceId={workspaceId} />
    </WorkspaceCapabilities>
  );
}

function Personas({ workspaceId }: { workspaceId: string }) {
  useDocumentTitle('Personas');
  const me = useAccount();
  const workspace = me?.workspaces.find((w) => w.id === workspaceId);
  const canEdit = useCan('personas.manage');
  const query = usePersonas(workspaceId);
  const actions = usePersonaActions(workspaceId);
  const personas = query.data ?? null;
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (query.error ? errorMessage(query.error) : null);
  const [mode, setMode] = useState<{ kind: 'create' } | { kind: 'edit'; persona: TPersona } | null>(
    null,
  );
  const [deleting, setDeleting] = useState<TPersona | null>(null);

  return (
    <div className="page">
      <AppHeader />
      <main className="page__main personas-page">
        <h1 className="page-intro__title">Personas of {workspace?.name ?? 'this workspace'}</h1>
        <FormProblem>{error}</FormProblem>
        {canEdit && !mode ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setMode({ kind: 'create' })}
          >
            New persona
          </button>
        ) : null}
        {mode ? (
          <PersonaForm
            key={mode.kind === 'edit' ? mode.persona.id : 'new'}
            {...(mode.kind === 'edit' ? { initial: mode.persona } : {})}
            submitLabel={mode.kind === 'edit' ? 'Save persona' : 'Create persona'}
            onCancel={() => setMode(null)}
            onSubmit={async (input) => {
              if (mode.kind === 'edit') await actions.update(mode.persona.id, input);
              else await actions.create(input);
              setMode(null);
            }}
          />
        ) : null}
        {personas && personas.length === 0 ? <p>No personas yet.</p> : null}
        <div className="personas-page__grid">
          {personas?.map((persona) => (
            <div key={persona.id}>
              <PersonaCard persona={persona} />
              <p className="persona-card__sub">
                Linked to {persona.mapIds.length} map{persona.mapIds.length === 1 ? '' : 's'}
              </p>
              {canEdit ? (
                <div className="comment-composer__actions">
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setMode({ kind: 'edit', persona })}
                  >
                    Edit {persona.name}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost"
                    onClick={() => setDeleting(persona)}
                  >
                    Delete {persona.name}
                  </button>
                </div>
              ) : null}
            </div>
          ))}
        </div>
        {deleting ? (
          <ConfirmDialog
            title={`Delete persona “${deleting.name}”?`}
            confirmLabel="Delete persona"
            onCancel={() => setDeleting(null)}
            onConfirm={() => {
              const target = deleting;
              setDeleting(null);
              actions.remove(target.id).catch((e: unknown) => setError(errorMessage(e)));
            }}
          >
            <p>
              {deleting.mapIds.length === 0
                ? 'It is not linked to any map.'
                : `It is linked to ${deleting.mapIds.length} map${deleting.mapIds.length === 1 ? '' : 's'}; it will be unlinked from ${deleting.mapIds.length === 1 ? 'it' : 'all of them'}.`}
            </p>
          </ConfirmDialog>
        ) : null}
      </main>
    </div>
  );
}
