import { MAP_ACTIONS, WORKSPACE_ACTIONS, type MapAction, type WorkspaceAction } from './actions.ts';
import type { CallerKind, MemberKind } from './caller-kinds.ts';
import { CAPABILITY_TABLE } from './table.ts';

/**
 * What a caller who is all of `kinds` at once may do with a map: the union of
 * their rows, in catalogue order (so two answers compare equal as arrays).
 *
 * One frozen array per combination of kinds, shared by every caller who has
 * it: each open sync connection keeps its answer for its lifetime, and a
 * private copy of ~40 actions per socket was its largest single allocation.
 */
export function mapCapabilities(kinds: readonly CallerKind[]): readonly MapAction[] {
  const key = kinds.length === 1 ? kinds[0]! : [...kinds].sort().join(',');
  let answer = mapCapabilitiesByKinds.get(key);
  if (!answer) {
    const granted = new Set<MapAction>(kinds.flatMap((kind) => CAPABILITY_TABLE[kind].map));
    answer = Object.freeze(MAP_ACTIONS.filter((action) => granted.has(action)));
    mapCapabilitiesByKinds.set(key, answer);
  }
  return answer;
}

/** At most one entry per subset of the seven caller kinds. */
const mapCapabilitiesByKinds = new Map<string, readonly MapAction[]>();

/** What a member with `role` may do in their workspace, in catalogue order. */
export function workspaceCapabilities(role: MemberKind): WorkspaceAction[] {
  const granted = new Set<WorkspaceAction>(CAPABILITY_TABLE[role].workspace);
  return WORKSPACE_ACTIONS.filter((action) => granted.has(action));
}

/** Whether a caller of this one kind may take `action` (the table, read one cell at a time). */
export function kindMay(kind: CallerKind, action: MapAction | WorkspaceAction): boolean {
  const row: { map: readonly string[]; workspace: readonly string[] } = CAPABILITY_TABLE[kind];
  return row.map.includes(action) || row.workspace.includes(action);
}
