/**
 * How well a card is known: the evidence behind it. Every card may carry a
 * level and free-text sources (links or notes, one a line); both are common
 * card fields (card-fields.ts), like its colour, whatever its lane's kind.
 * "Backed by evidence" (the board filter, the briefing) means observed or
 * reported: something a customer did or said, not what the team supposes.
 */
export const EVIDENCE_LEVELS = ['observed', 'reported', 'inferred', 'hypothesised'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** Sources are a few links or lines of text; anything longer is cut when stored. */
export const EVIDENCE_SOURCES_MAX_LENGTH = 1000;

export interface EvidenceLevelInfo {
  readonly level: EvidenceLevel;
  /** "Observed": the editor's option, the legend, the export's spelling (lower-cased). */
  readonly label: string;
  /** What counts as this level, in one phrase (legend, tooltip). */
  readonly description: string;
}

export const EVIDENCE_LEVEL_INFO: readonly EvidenceLevelInfo[] = [
  { level: 'observed', label: 'Observed', description: 'seen in research or analytics' },
  { level: 'reported', label: 'Reported', description: 'customer feedback or support tickets' },
  { level: 'inferred', label: 'Inferred', description: 'concluded from other evidence' },
  { level: 'hypothesised', label: 'Hypothesised', description: 'a guess still to be checked' },
];

export const isEvidenceLevel = (value: unknown): value is EvidenceLevel =>
  typeof value === 'string' && (EVIDENCE_LEVELS as readonly string[]).includes(value);

export const evidenceLabel = (level: EvidenceLevel | null): string =>
  level ? (EVIDENCE_LEVEL_INFO.find((info) => info.level === level)?.label ?? '') : 'Not set';

/** Observed or reported: what the "backed by evidence" filter keeps. */
export const isBackedByEvidence = (level: EvidenceLevel | null): boolean =>
  level === 'observed' || level === 'reported';

/** The sources as lines, blank ones dropped; a line that is an http(s) URL is a link. */
export function evidenceSourceLines(sources: string): readonly { text: string; href?: string }[] {
  return sources
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => (/^https?:\/\/\S+$/i.test(line) ? { text: line, href: line } : { text: line }));
}
