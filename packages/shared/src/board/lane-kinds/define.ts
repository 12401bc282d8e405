import type { Level } from '../types.ts';

/**
 * What a lane kind is, declared once (one file per kind in this folder): its
 * names, icon and colour, the fields its cards carry, the chips that show
 * them, and sample content. No React and no Yjs here: the board model, the
 * server, the exports and the benchmark read the same entries, and the web
 * renders them generically (apps/web/src/components/lane-kinds/).
 */

/** Free-text fields are short labels; anything longer is cut when stored. */
export const CARD_FIELD_MAX_LENGTH = 120;

/** Colour tokens; the web maps each to a card tint, an edge and an accent. */
export const LANE_COLORS = [
  'blue',
  'green',
  'violet',
  'rose',
  'amber',
  'yellow',
  'slate',
  'teal',
  'sand',
] as const;
export type LaneColor = (typeof LANE_COLORS)[number];

/** Keys of the web's lane icon set (one SVG icon each). */
export const LANE_ICONS = [
  'pointer',
  'footprints',
  'thought',
  'alert',
  'heart-pulse',
  'lightbulb',
  'cog',
  'gauge',
  'note',
] as const;
export type LaneIcon = (typeof LANE_ICONS)[number];

export interface ChoiceOption<V extends string | number> {
  readonly value: V;
  /** Shown in the editor and chips ("High"); lower-cased, it is the value's spelling in exports. */
  readonly label: string;
}

interface FieldBase<N extends string> {
  /** The card's key in the board document. Unique across all lane kinds. */
  readonly name: N;
  /** Editor label and export column header ("Severity"). */
  readonly label: string;
}

/** One of a fixed set of values, or not set (null). */
export interface ChoiceField<
  N extends string = string,
  V extends string | number = string | number,
> extends FieldBase<N> {
  readonly type: 'choice';
  /** `select`: a drop-down; `segmented`: a row of toggle buttons (pressing the chosen one clears it, unless `newCard` sets the field). */
  readonly control: 'select' | 'segmented';
  readonly options: readonly ChoiceOption<V>[];
}

/** Short free text ('' when not set), saved when the editor's field is left. */
export interface TextField<N extends string = string> extends FieldBase<N> {
  readonly type: 'text';
  readonly placeholder: string;
  /** A narrow input (numbers, units). */
  readonly narrow?: boolean;
  /**
   * Usually a number ("4.2"): a spreadsheet export stores a value that is a
   * plain number as one, so formulas and sorting work on it; anything else
   * ("~30", "n/a") stays text. The card keeps what was typed.
   */
  readonly numeric?: boolean;
}

export type FieldDefinition = ChoiceField | TextField;

/** The value a field holds on a card. */
export type FieldValue<F> =
  F extends ChoiceField<string, infer V> ? V | null : F extends TextField ? string : never;

/** `{ severity: Level | null }` for a kind whose fields are `[severity]`. */
export type FieldValues<F extends readonly FieldDefinition[]> = {
  readonly [D in F[number] as D['name']]: FieldValue<D>;
};

/**
 * A small label under a card's text. `tone` picks the style: `alert` for
 * what needs attention (high severity), `highlight` for good news (a quick
 * win). `level` adds three dots with that many filled; `title` is a bold
 * first line (a metric's name).
 */
export interface Chip {
  readonly text: string;
  readonly tone?: 'neutral' | 'alert' | 'highlight';
  readonly level?: Level;
  readonly title?: string;
}

interface LaneKindBase<K extends string> {
  readonly kind: K;
  /** The lane's name ("Pain points"): the default title of a new lane and its kind label. */
  readonly label: string;
  /** What the kind is for, in one sentence (tooltips, docs). */
  readonly description: string;
  readonly icon: LaneIcon;
  readonly color: LaneColor;
  /**
   * Other titles people give such a lane in a spreadsheet ("Feelings"): an
   * import that must guess a lane's kind from its title knows these too.
   */
  readonly aliases?: readonly string[];
}

/** What a lane-of-cards kind file declares. */
export interface CardLaneKindInput<
  K extends string = string,
  F extends readonly FieldDefinition[] = readonly FieldDefinition[],
> extends LaneKindBase<K> {
  /** One card's name ("Pain point"): the palette entry, "New pain point". */
  readonly cardLabel: string;
  readonly fields: F;
  /** What a card dropped from the palette starts with (a pain point is medium until judged). */
  readonly newCard: Partial<FieldValues<F>>;
  /** The chips under a card's text, from its fields; `[]` when none is set. */
  chips(values: FieldValues<F>): readonly Chip[];
  /** Realistic cards for fillers (benchmark, demos, tests); at least one. */
  readonly samples: readonly { readonly text: string; readonly fields?: Partial<FieldValues<F>> }[];
  /** A card of this kind from the palette may go into any lane of cards (a note), not only its own. */
  readonly fitsAnyLane?: boolean;
}

/** A lane of cards (touchpoints, pain points, …). */
export interface CardLaneKind<
  K extends string = string,
  F extends readonly FieldDefinition[] = readonly FieldDefinition[],
> extends CardLaneKindInput<K, F> {
  readonly holds: 'cards';
}

/** What the emotion kind file declares. */
export interface EmotionLaneKindInput<K extends string = string> extends LaneKindBase<K> {
  /** Realistic scores for fillers, one per stage in turn. */
  readonly samples: readonly { readonly score: number; readonly note?: string }[];
}

/** The emotion lane: a score per stage (−2…+2) and a note, drawn as a curve; no cards. */
export interface EmotionLaneKind<K extends string = string> extends EmotionLaneKindInput<K> {
  readonly holds: 'emotions';
}

export type LaneKindDefinition<K extends string = string> = CardLaneKind<K> | EmotionLaneKind<K>;

/** Declares a lane of cards; `const` keeps the field names and option values literal. */
export function defineCardLaneKind<
  const K extends string,
  const F extends readonly FieldDefinition[],
>(definition: CardLaneKindInput<K, F>): CardLaneKind<K, F> {
  return { ...definition, holds: 'cards' };
}

export function defineEmotionLaneKind<const K extends string>(
  definition: EmotionLaneKindInput<K>,
): EmotionLaneKind<K> {
  return { ...definition, holds: 'emotions' };
}

/** Low / Medium / High, for severity, impact and effort. */
export const LEVEL_OPTIONS = [
  { value: 1, label: 'Low' },
  { value: 2, label: 'Medium' },
  { value: 3, label: 'High' },
] as const satisfies readonly ChoiceOption<Level>[];

export const levelField = <const N extends string>(name: N, label: string) =>
  ({
    name,
    label,
    type: 'choice',
    control: 'segmented',
    options: LEVEL_OPTIONS,
  }) as const satisfies ChoiceField<N, Level>;

export const levelLabel = (level: Level): string =>
  LEVEL_OPTIONS.find((option) => option.value === level)?.label ?? '';
