import { useState } from 'react';
import { usePersonas } from '../../personas/persona-queries.ts';

/**
 * "Persona: …" select for the map list. Reports the chosen persona's map ids
 * (null = every map); renders nothing while the workspace has no personas.
 * Keyed by workspace by its parent, so switching workspaces starts afresh.
 */
export function PersonaFilter({
  workspaceId,
  onChange,
}: {
  workspaceId: string;
  onChange: (mapIds: ReadonlySet<string> | null) => void;
}) {
  // On an error the list still works, unfiltered.
  const personas = usePersonas(workspaceId).data ?? [];
  const [chosen, setChosen] = useState('');
  if (personas.length === 0) return null;
  return (
    <label className="field persona-filter">
      <span className="field__label">Persona</span>
      <select
        className="input"
        value={chosen}
        onChange={(event) => {
          setChosen(event.target.value);
          const persona = personas.find((p) => p.id === event.target.value);
          onChange(persona ? new Set(persona.mapIds) : null);
        }}
      >
        <option value="">All maps</option>
        {personas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name}
          </option>
        ))}
      </select>
    </label>
  );
}
