/**
 * The stages (or the lanes) of a map read from sheets, and which of them a
 * row of the Cards or Emotions sheet means by its `Stage #` and `Stage`
 * cells. The rules (docs/map-format.md, "Excel (.xlsx) and CSV (.zip)"):
 *
 * - With a Stages sheet, its rows are the stages, in the sheet's row order,
 *   each known by the number in its `#` column (not by its position: a row
 *   inserted or deleted in a spreadsheet must not move every card after it).
 * - A row's stage name wins when it is the title of exactly one stage:
 *   people rename in a spreadsheet, they don't renumber. Otherwise its
 *   number decides — among stages that share the title, or when the name is
 *   nowhere (the stage was renamed on the Stages sheet), with a warning.
 *   A number that is not on the Stages sheet is a problem, never a guess.
 * - Without a Stages sheet (one CSV of cards), stages are made from the
 *   rows' names; their numbers only order them.
 */
import { describeNumbers } from './sheet-notes.ts';

export interface Titled {
  readonly id: string;
  readonly title: string;
}

/** A row's stage, with a warning when it was not found the plain way; or why there is none. */
export type Placement<T> =
  | { readonly ok: true; readonly item: T; readonly warning?: string }
  | { readonly ok: false; readonly problem: string };

/** How sheet names, headers and titles are compared: case and surrounding spaces aside. */
export const norm = (text: string) => text.trim().toLowerCase();

function wholeNumber(text: string): number | undefined {
  const number = Number(text);
  return text !== '' && Number.isInteger(number) ? number : undefined;
}

export class SheetPlaces<T extends Titled> {
  /** Left to right (top to bottom): the sheet's rows in order, then those made from names. */
  readonly items: T[] = [];
  /** The sheet's `#` → its stage; null while it listed none (no sheet, or only its header row). */
  private numbered: Map<number, T> | null = null;
  private readonly numberOf = new Map<T, number>();
  private readonly rowOf = new Map<number, number>();
  private readonly fromSheet = new Set<T>();
  private readonly byTitle = new Map<string, T[]>();
  /** Without a sheet: the lowest number rows gave each item, to put them in the export's order. */
  private readonly lowest = new Map<T, number>();

  /**
   * @param what `stage` or `lane`, for messages.
   * @param sheetName The sheet that lists them (`Stages`).
   */
  constructor(
    readonly what: string,
    readonly sheetName: string,
  ) {}

  /**
   * One row of the Stages sheet: its stage, its `#` cell (null when the sheet
   * has no `#` column: its position is its number then) and its row number.
   * Returns what is wrong with its number, if anything.
   */
  list(item: T, numberText: string | null, row: number): string | undefined {
    const numbered = (this.numbered ??= new Map<number, T>());
    this.add(item);
    this.fromSheet.add(item);
    const text = numberText === null ? String(this.fromSheet.size) : numberText.trim();
    const header = `${this.what[0]?.toUpperCase() ?? ''}${this.what.slice(1)} #`;
    if (text === '')
      return `the # is empty: give each ${this.what} a number of its own (a card's ${header} refers to it)`;
    const number = wholeNumber(text);
    if (number === undefined) return `# '${text}' is not a whole number`;
    const taken = numbered.get(number);
    if (taken)
      return `#${number} is also the number of row ${this.rowOf.get(number)} ('${taken.title}'): give each ${this.what} a number of its own`;
    numbered.set(number, item);
    this.numberOf.set(item, number);
    this.rowOf.set(number, row);
    return undefined;
  }

  /** Whether the sheet listed this item (it was not made from a row's name). */
  listed(item: T): boolean {
    return this.fromSheet.has(item);
  }

  /**
   * The item a row means by its number and name cells; `make` adds one from
   * a name that is nowhere yet (it calls `add`).
   */
  place(numberCell: string, nameCell: string, make: (title: string) => T): Placement<T> {
    const name = nameCell.trim();
    const number = numberCell.trim();
    return this.numbered
      ? this.placeBySheet(this.numbered, number, name, make)
      : this.placeByName(number, name, make);
  }

  /** Keeps an item made from a row's name (or listed by the sheet). */
  add(item: T): T {
    this.items.push(item);
    const key = norm(item.title);
    this.byTitle.set(key, [...(this.byTitle.get(key) ?? []), item]);
    return item;
  }

  /** Without a sheet: puts the items made from names in the order their rows' numbers say. */
  finish(): void {
    if (this.numbered) return;
    const order = (item: T) => this.lowest.get(item) ?? Number.MAX_SAFE_INTEGER;
    this.items.sort((a, b) => order(a) - order(b));
  }

  private placeBySheet(
    numbered: ReadonlyMap<number, T>,
    numberText: string,
    name: string,
    make: (title: string) => T,
  ): Placement<T> {
    const named = name === '' ? [] : (this.byTitle.get(norm(name)) ?? []);
    const number = wholeNumber(numberText);
    const found = number === undefined ? undefined : numbered.get(number);
    const [only] = named;
    if (only && named.length === 1)
      return found === only || numberText === ''
        ? { ok: true, item: only }
        : { ok: true, item: only, warning: this.byNameInstead(only, numberText, number, found) };
    if (numberText === '') {
      if (name === '') return { ok: false, problem: `the ${this.what} is empty` };
      if (named.length > 1)
        return {
          ok: false,
          problem: `${this.titleOf(named)}: give the row its ${this.what} # to say which`,
        };
      return { ok: true, item: make(name) };
    }
    if (number === undefined)
      return { ok: false, problem: `${this.what} # '${numberText}' is not a whole number` };
    if (!found) {
      const elsewhere = name === '' ? '' : `, and no ${this.what} there is called '${name}'`;
      return {
        ok: false,
        problem: `${this.what} #${number} is not in the ${this.sheetName} sheet (${this.sheetLists()})${elsewhere}`,
      };
    }
    if (named.length > 1 && !named.includes(found))
      return {
        ok: false,
        problem: `${this.what} #${number} is '${found.title}' in the ${this.sheetName} sheet, but ${this.titleOf(named)}: make the row's ${this.what} # and ${this.what} agree`,
      };
    if (name !== '' && named.length === 0)
      return {
        ok: true,
        item: found,
        warning: `${this.what} '${name}' is not in the ${this.sheetName} sheet, so ${this.what} #${number} ('${found.title}') was used`,
      };
    return { ok: true, item: found };
  }

  private placeByName(numberText: string, name: string, make: (title: string) => T): Placement<T> {
    if (name === '')
      return {
        ok: false,
        problem:
          numberText === ''
            ? `the ${this.what} is empty`
            : `the ${this.what} is empty: without a ${this.sheetName} sheet, ${this.what}s are made from their names`,
      };
    const item = this.byTitle.get(norm(name))?.[0] ?? make(name);
    const number = wholeNumber(numberText);
    if (number !== undefined && number < (this.lowest.get(item) ?? Number.MAX_SAFE_INTEGER))
      this.lowest.set(item, number);
    return { ok: true, item };
  }

  /** "went to stage 'First login' by its name; stage #1 in the Stages sheet is 'Sign-up'". */
  private byNameInstead(
    item: T,
    numberText: string,
    number: number | undefined,
    found: T | undefined,
  ): string {
    const because =
      number === undefined
        ? `${this.what} # '${numberText}' is not a whole number`
        : found
          ? `${this.what} #${number} in the ${this.sheetName} sheet is '${found.title}'`
          : `there is no ${this.what} #${number} in the ${this.sheetName} sheet`;
    return `went to ${this.what} '${item.title}' by its name; ${because}`;
  }

  /** "'Setup' is the title of stages #3 and #4". */
  private titleOf(items: readonly T[]): string {
    const numbers = items.map((item) => this.numberOf.get(item)).filter((n) => n !== undefined);
    const which =
      numbers.length === items.length
        ? `${this.what}s #${numbers.slice(0, -1).join(', #')} and #${numbers.at(-1)}`
        : `${items.length} ${this.what}s`;
    return `'${items[0]?.title ?? ''}' is the title of ${which}`;
  }

  /** "it lists 1–5" */
  private sheetLists(): string {
    const numbers = [...(this.numbered?.keys() ?? [])];
    return numbers.length === 0
      ? `it has no ${this.what}s`
      : `it lists ${describeNumbers(numbers, 10)}`;
  }
}
