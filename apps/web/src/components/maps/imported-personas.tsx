import type { MapFilePersona } from '@journeyboard/shared/board';

const nameKey = (name: string) => name.trim().toLocaleLowerCase();

/**
 * What an import does with the file's personas, the server's rule
 * (plan-persona-import.ts): one with the name of a persona already in the
 * workspace (ignoring case) is linked as it is there, never overwritten;
 * the others are created from the file.
 */
export function ImportedPersonas({
  personas,
  workspacePersonaNames,
}: {
  personas: readonly MapFilePersona[];
  workspacePersonaNames?: readonly string[] | undefined;
}) {
  if (personas.length === 0) return null;
  const known = workspacePersonaNames ? new Set(workspacePersonaNames.map(nameKey)) : null;
  return (
    <div className="import-map__personas">
      <p>
        Personas linked to the map: a persona whose name is already in the workspace is linked as it
        is there; the others are created from the file.
      </p>
      <ul aria-label="Personas">
        {personas.map((persona) => (
          <li key={persona.id}>
            {persona.name}
            {known
              ? known.has(nameKey(persona.name))
                ? ' (already in the workspace: linked)'
                : ' (new)'
              : ''}
            {persona.primary ? ', primary' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
