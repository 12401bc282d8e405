import { MAP_ACTIONS, WORKSPACE_ACTIONS, type MapAction, type WorkspaceAction } from './actions.ts';
import type { CallerKind, MemberKind } from './caller-kinds.ts';
import { CAPABILITY_TABLE } from './table.ts';

/**
 * What a caller who is all of `kinds` at once may do with a map: the union of
 * their rows, in catalogue order (so two answers compare equal as arrays).
 */
export function mapCapabilities(kinds: readonly CallerKind[]): MapAction[] {
  const granted = new Set<MapAction>(kinds.flatMap((kind) => CAPABILITY_TABLE[kind].map));
  return MAP_ACTIONS.filter((action) => granted.has(action));
}

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
