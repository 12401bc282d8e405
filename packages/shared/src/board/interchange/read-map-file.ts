import type { z } from 'zod';
import { MAP_FILE_FORMAT, MAP_FILE_VERSION, ZMapFileV1, type MapFile } from './map-file.ts';

/**
 * A file read for an import: the map, with `warnings` about what was left
 * out (a sheet's extra columns) for the preview to show; or the problems
 * that stop the import.
 */
export type MapFileReading =
  | { readonly ok: true; readonly file: MapFile; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** At most this many problems are listed; a file with more has a deeper fault. */
const MAX_PROBLEMS = 20;

/** "cards › 14 › fields › severity" → "card 15, severity". */
function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (typeof key === 'string' && typeof next === 'number') {
      parts.push(`${key.replace(/s$/, '').replace(/ie$/, 'y')} ${next + 1}`);
      i += 1;
    } else if (key !== 'fields') parts.push(String(key));
  }
  return parts.join(', ');
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const problems = issues.slice(0, MAX_PROBLEMS).map((issue) =>
    // Our own checks already say where; zod's say what, we add where.
    issue.code === 'custom' || issue.path.length === 0
      ? issue.message
      : `${describePath(issue.path)}: ${issue.message}`,
  );
  if (issues.length > MAX_PROBLEMS) problems.push(`…and ${issues.length - MAX_PROBLEMS} more.`);
  return problems;
}

/**
 * Reads a parsed JSON value as a map file of any version we ever wrote,
 * upgraded to the current one. There is one version so far; a version 2
 * adds its schema and an upgrade from 1 here.
 */
export function readMapFile(value: unknown): MapFileReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      problems: ['This is not a Journeyboard map file (expected a JSON object).'],
    };
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== MAP_FILE_FORMAT)
    return {
      ok: false,
      problems: [`This is not a Journeyboard map file ("format" should be "${MAP_FILE_FORMAT}").`],
    };
  if (typeof version !== 'number' || version > MAP_FILE_VERSION || version < 1)
    return {
      ok: false,
      problems: [
        `This map file has version ${String(version)}; this Journeyboard reads versions 1 to ${MAP_FILE_VERSION}. Update Journeyboard to import it.`,
      ],
    };
  const result = ZMapFileV1.safeParse(value);
  return result.success
    ? { ok: true, file: result.data, warnings: [] }
    : { ok: false, problems: describeIssues(result.error.issues) };
}
