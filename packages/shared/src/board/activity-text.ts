/**
 * Human sentences for activity entries and changes: "Ana moved
 * 'Verification email' to Sign-up", "Ben set Setup's emotion to −2". Stage
 * and lane titles come from the board the reader is looking at (`names`);
 * card texts are carried in the changes themselves, so a deleted card is
 * still named.
 */
import type { ActivityChange, MapChange } from './activity.ts';
import type { BoardChange } from './diff.ts';
import {
  CARD_COLUMNS,
  fieldColumn,
  laneKindField,
  type ColumnDefinition,
} from './lane-kinds/index.ts';

export interface BoardNames {
  stage(id: string): string | undefined;
  lane(id: string): string | undefined;
}

const FIELD_LABELS: Record<string, string> = {
  color: 'colour',
  momentOfTruth: 'moment of truth',
  channel: 'channel',
  severity: 'severity',
  impact: 'impact',
  effort: 'effort',
  owner: 'owner',
  metricName: 'metric',
  metricCurrent: 'current value',
  metricTarget: 'target',
  metricUnit: 'unit',
  evidence: 'evidence',
  evidenceSources: 'sources',
  addedBy: 'author',
};

/**
 * How a field's value reads: as the board and the exports spell it (the
 * lane-kind registry's column: "high", not the stored 3; "email", not a code).
 */
function columnOf(field: string): ColumnDefinition | undefined {
  const own = CARD_COLUMNS.find((column) => column.key === field);
  if (own) return own;
  const declared = laneKindField(field);
  return declared ? fieldColumn(declared) : undefined;
}

/**
 * A card named in a sentence: its text in quotes, cut at 40 characters. A card
 * that is itself a quotation (a customer's thought: “Where do I begin?”)
 * keeps its own marks rather than getting a second pair.
 */
export const quoteCard = (text: string): string => quoteFrom(text.trim(), 0);

/** The quote of `text` from `start` on ("…" before it when that is past the start). */
function quoteFrom(trimmed: string, start: number): string {
  if (trimmed === '') return 'an empty card';
  const lead = start > 0 ? '…' : '';
  const rest = trimmed.slice(start);
  const room = 40 - lead.length;
  const short = lead + (rest.length > room ? `${rest.slice(0, room - 1).trimEnd()}…` : rest);
  if (!OPENING_QUOTE.test(short)) return `“${short}”`;
  return CLOSING_QUOTE.test(short) ? short : `${short}”`;
}

/** Characters of context kept before a change that quoting from the start would cut off. */
const CONTEXT_BEFORE_CHANGE = 16;

/**
 * A text edit's before and after, each quoted: from the start, unless that cuts both off
 * before they differ (a sentence added at the end of a long card read "edited “…workspa…” to
 * “…workspa…”") — then both from a little before where they part.
 */
function quoteEdit(from: string, to: string): [string, string] {
  const [before, after] = [from.trim(), to.trim()];
  const whole: [string, string] = [quoteFrom(before, 0), quoteFrom(after, 0)];
  if (whole[0] !== whole[1]) return whole;
  let same = 0;
  while (same < before.length && before[same] === after[same]) same++;
  let start = Math.max(0, same - CONTEXT_BEFORE_CHANGE);
  // From a word's start, not the middle of one.
  const space = before.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < same) start = space + 1;
  return [quoteFrom(before, start), quoteFrom(after, start)];
}
const OPENING_QUOTE = /^["“‘'«„]/u;
const CLOSING_QUOTE = /["”’'»]$/u;
const value = (v: string | number | boolean | null) =>
  v === null || v === '' ? 'nothing' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
const score = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** One clause, without the person: "moved “Verification email” to Sign-up". */
export function describeChange(change: BoardChange, names: BoardNames): string {
  const stage = (id: string) => names.stage(id) ?? 'a removed stage';
  const lane = (id: string) => names.lane(id) ?? 'a removed lane';
  switch (change.kind) {
    case 'card.added':
      return `added ${quoteCard(change.card.text)} to ${stage(change.card.stageId)} · ${lane(change.card.laneId)}`;
    case 'card.removed':
      return `removed ${quoteCard(change.card.text)} from ${stage(change.card.stageId)}`;
    case 'card.moved':
      return change.from.stageId === change.to.stageId
        ? `moved ${quoteCard(change.text)} to ${lane(change.to.laneId)}`
        : `moved ${quoteCard(change.text)} to ${stage(change.to.stageId)}`;
    case 'card.text': {
      const [from, to] = quoteEdit(change.from, change.to);
      return `edited ${from} to ${to}`;
    }
    case 'card.field':
      return describeFieldChange(change);
    case 'stage.added':
      return `added the stage ${change.stage.title}`;
    case 'stage.removed':
      return `removed the stage ${change.stage.title}`;
    case 'stage.renamed':
      return `renamed the stage ${change.from} to ${change.to}`;
    case 'stage.reordered':
      return `moved the stage ${change.title}`;
    case 'stage.changed':
      return change.field === 'description'
        ? `changed the description of ${change.title}`
        : `${change.to ? 'marked' : 'unmarked'} ${change.title} as a moment of truth`;
    case 'lane.added':
      return `added the lane ${change.lane.title}`;
    case 'lane.removed':
      return `removed the lane ${change.lane.title}`;
    case 'lane.renamed':
      return `renamed the lane ${change.from} to ${change.to}`;
    case 'lane.reordered':
      return `moved the lane ${change.title}`;
    case 'emotion.changed': {
      const emotion = `${stage(change.stageId)}’s emotion`;
      if (!change.to) return `cleared ${emotion}`;
      if (!change.from) return `set ${emotion} to ${score(change.to.score)}`;
      // What it was says as much as what it is now, in a comparison above all.
      if (change.from.score !== change.to.score) {
        return `changed ${emotion} from ${score(change.from.score)} to ${score(change.to.score)}`;
      }
      return `edited the note on ${emotion}`;
    }
  }
}

function describeFieldChange(change: Extract<BoardChange, { kind: 'card.field' }>): string {
  const card = quoteCard(change.text);
  if (change.field === 'momentOfTruth') {
    return `${change.to === true ? 'marked' : 'unmarked'} ${card} as a moment of truth`;
  }
  const column = columnOf(change.field);
  const label = FIELD_LABELS[change.field] ?? column?.header.toLowerCase() ?? change.field;
  const shown = column ? column.format(change.to) : value(change.to);
  return shown === ''
    ? `cleared the ${label} of ${card}`
    : `set the ${label} of ${card} to ${shown}`;
}

/** The map's own changes: "renamed the map from “Onboarding” to “Onboarding v2”". */
function describeMapChange(change: MapChange): string {
  switch (change.kind) {
    case 'map.renamed':
      return `renamed the map from “${change.from}” to “${change.to}”`;
    case 'map.described':
      if (change.to === '') return 'cleared the map’s description';
      return change.from === '' ? 'described the map' : 'changed the map’s description';
    case 'version.restored':
      switch (change.step) {
        case 'undo':
          return 'undid a restore (brought back the board as it was before it)';
        case 'redo':
          return 'redid a restore (brought back the board as it was before the undo)';
        default:
          return `restored the version “${change.version}”`;
      }
  }
}

const isMapChange = (change: ActivityChange): change is MapChange =>
  change.kind.startsWith('map.') || change.kind === 'version.restored';

/** "Ana moved “Verification email” to Sign-up and set the severity of “Checkout asks twice” to high". */
export function describeActivity(
  who: string,
  changes: readonly ActivityChange[],
  names: BoardNames,
): string {
  if (changes.length === 0) return `${who} made a change and undid it`;
  const clauses = changes.map((change) =>
    isMapChange(change) ? describeMapChange(change) : describeChange(change, names),
  );
  const last = clauses.pop()!;
  return `${who} ${clauses.length > 0 ? `${clauses.join(', ')} and ${last}` : last}`;
}

/** Names from a board snapshot. */
export function namesOf(board: {
  stages: readonly { id: string; title: string }[];
  lanes: readonly { id: string; title: string }[];
}): BoardNames {
  const stages = new Map(board.stages.map((s) => [s.id, s.title]));
  const lanes = new Map(board.lanes.map((l) => [l.id, l.title]));
  return { stage: (id) => stages.get(id), lane: (id) => lanes.get(id) };
}
