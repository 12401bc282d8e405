/**
 * What reading sheets has to tell a person — problems that stop an import,
 * or warnings about what it left out — as sentences that name the sheet and
 * the row. The same sentence about many rows is one line naming them all
 * ("Cards rows 30–41: stage #6 is not in the Stages sheet…"): deleting one
 * stage row is then one problem, not one per card of that stage.
 */

/** At most this many lines are listed; a file with more has a deeper fault. */
const MAX_NOTES = 20;
/** A list of numbers shows this many runs, then how many more. */
const MAX_RUNS = 6;

/** 2, 3, 4, 7, 9, 10 → "2–4, 7, 9, 10": runs of three or more as ranges. */
export function describeNumbers(numbers: readonly number[], maxRuns = MAX_RUNS): string {
  const runs: [number, number][] = [];
  for (const number of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && number === last[1] + 1) last[1] = number;
    else runs.push([number, number]);
  }
  const shown = runs
    .slice(0, maxRuns)
    .map(([first, end]) =>
      first === end ? `${first}` : end === first + 1 ? `${first}, ${end}` : `${first}–${end}`,
    );
  const more = runs.slice(maxRuns).reduce((count, [first, end]) => count + end - first + 1, 0);
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

interface Note {
  readonly label: string;
  readonly message: string;
  readonly rows: number[];
}

export class SheetNotes {
  private readonly notes = new Map<string, Note>();

  /**
   * A sentence about a row: `label` is the sheet's name and a space ("Cards "),
   * or '' when the file is one sheet; `message` has no final full stop.
   */
  add(label: string, row: number, message: string): void {
    const key = `${label}\u0000${message}`;
    const note = this.notes.get(key);
    if (note) note.rows.push(row);
    else this.notes.set(key, { label, message, rows: [row] });
  }

  /** A sentence about the whole file or a sheet, already complete. */
  addSentence(sentence: string): void {
    if (!this.notes.has(sentence))
      this.notes.set(sentence, { label: '', message: sentence, rows: [] });
  }

  get size(): number {
    return this.notes.size;
  }

  /** The lines to show, in the order they first came up. */
  lines(): string[] {
    const lines = [...this.notes.values()].map(({ label, message, rows }) =>
      rows.length === 0
        ? message
        : `${label}${rows.length === 1 ? 'row' : 'rows'} ${describeNumbers(rows)}: ${message}.`,
    );
    return lines.length > MAX_NOTES
      ? [...lines.slice(0, MAX_NOTES), `…and ${lines.length - MAX_NOTES} more.`]
      : lines;
  }
}
