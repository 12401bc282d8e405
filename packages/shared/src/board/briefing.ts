import { EVIDENCE_LEVELS, type EvidenceLevel } from './evidence.ts';
import { formatWithUnit, holdsCards, isQuickWin } from './lane-kinds/index.ts';
import type { BoardSnapshot, Card, Lane, Level, Stage } from './types.ts';

/**
 * The leadership briefing: what a director reads in two minutes, computed
 * from a board snapshot (the same one the board renders, so it is live) and
 * the latest dot-voting results. Pure: no Yjs, no React. Lanes are found by
 * their kind in the lane-kind registry, never by title, so a renamed lane
 * still counts. Every section is a list that may be empty: the page says so.
 */

export interface BriefingCard {
  readonly id: string;
  readonly text: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly evidence: EvidenceLevel | null;
}

export interface EmotionStagePoint {
  readonly stageId: string;
  readonly stageTitle: string;
  /** The average of the map's emotion lanes in this stage; null when none is scored. */
  readonly score: number | null;
  readonly note: string;
}

export interface RankedPainPoint extends BriefingCard {
  /** 1 (low) … 3 (high); a pain point without one counts as low. */
  readonly severity: Level | null;
  readonly votes: number;
  /** severity × (votes + 1): votes weigh in, and pain nobody voted on still counts. */
  readonly score: number;
}

export interface MomentOfTruth {
  readonly kind: 'stage' | 'card';
  readonly id: string;
  /** What is named first: the card's text, or the stage's title. */
  readonly text: string;
  readonly stageTitle: string;
  /** A stage's description, said under its title ('' when it has none). */
  readonly detail: string;
}

export interface BriefingOpportunity extends BriefingCard {
  readonly impact: Level | null;
  readonly effort: Level | null;
  readonly quickWin: boolean;
}

export interface Department {
  /** The owner as written on backstage cards (trimmed; case kept from its first card). */
  readonly name: string;
  /** The stages where it owns at least one backstage card, in board order. */
  readonly stageIds: readonly string[];
  readonly cards: readonly BriefingCard[];
}

export interface HeatmapCell {
  readonly stageId: string;
  /** Whether the department owns something in this stage. */
  readonly owned: boolean;
  /** Pain points in the stage (counted only where owned), and their summed severity. */
  readonly painPoints: number;
  readonly weight: number;
}

export interface BriefingMetric extends BriefingCard {
  readonly name: string;
  readonly current: string;
  readonly target: string;
}

export interface EvidenceShare {
  readonly level: EvidenceLevel | null;
  readonly cards: number;
  /** 0…1 of all cards; 0 on an empty board. */
  readonly share: number;
}

export interface Briefing {
  readonly stages: readonly Stage[];
  readonly emotion: {
    readonly points: readonly EmotionStagePoint[];
    /** Stages below neutral, lowest first. */
    readonly lows: readonly EmotionStagePoint[];
  };
  readonly painPoints: readonly RankedPainPoint[];
  readonly momentsOfTruth: readonly MomentOfTruth[];
  readonly opportunities: readonly BriefingOpportunity[];
  readonly departments: readonly Department[];
  /** One row per department, one cell per stage. */
  readonly heatmap: readonly {
    readonly department: string;
    readonly cells: readonly HeatmapCell[];
  }[];
  readonly metrics: readonly BriefingMetric[];
  readonly evidence: { readonly total: number; readonly shares: readonly EvidenceShare[] };
}

/** How many pain points the briefing ranks. */
export const TOP_PAIN_POINTS = 5;

/** Votes per card from the latest results (`routes.voting.latestResults`). */
export type VoteCounts = ReadonlyMap<string, number>;

function cardsOfKind(board: BoardSnapshot, kind: Lane['kind']): Card[] {
  const laneIds = new Set(board.lanes.filter((lane) => lane.kind === kind).map((lane) => lane.id));
  const stageOrder = new Map(board.stages.map((stage, index) => [stage.id, index]));
  const result: Card[] = [];
  // Board order: stage by stage, then the cells' own order.
  for (const stage of board.stages) {
    for (const lane of board.lanes) {
      if (!laneIds.has(lane.id)) continue;
      for (const id of board.cells.get(`${stage.id}:${lane.id}`) ?? []) {
        const card = board.cards.get(id);
        if (card && stageOrder.has(card.stageId)) result.push(card);
      }
    }
  }
  return result;
}

const toBriefingCard = (card: Card, stageTitles: ReadonlyMap<string, string>): BriefingCard => ({
  id: card.id,
  text: card.text,
  stageId: card.stageId,
  stageTitle: stageTitles.get(card.stageId) ?? '',
  evidence: card.evidence,
});

/** Every card that sits in a cell of a lane of cards. */
function placedCards(board: BoardSnapshot): Card[] {
  const lanes = new Set(board.lanes.filter((lane) => holdsCards(lane.kind)).map((l) => l.id));
  const stages = new Set(board.stages.map((stage) => stage.id));
  return [...board.cards.values()].filter(
    (card) => lanes.has(card.laneId) && stages.has(card.stageId),
  );
}

export function emotionCurve(board: BoardSnapshot): Briefing['emotion'] {
  const emotionLanes = board.lanes.filter((lane) => lane.kind === 'emotion');
  const points = board.stages.map((stage): EmotionStagePoint => {
    const scored = emotionLanes
      .map((lane) => board.emotions.get(`${stage.id}:${lane.id}`))
      .filter((point) => point !== undefined);
    const score =
      scored.length === 0
        ? null
        : Math.round((scored.reduce((sum, point) => sum + point.score, 0) / scored.length) * 10) /
          10;
    const note = scored.map((point) => point.note).find((text) => text.trim() !== '') ?? '';
    return { stageId: stage.id, stageTitle: stage.title, score, note };
  });
  const lows = points
    .filter((point) => point.score !== null && point.score < 0)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  return { points, lows };
}

export function rankPainPoints(
  board: BoardSnapshot,
  votes: VoteCounts,
  limit = TOP_PAIN_POINTS,
): RankedPainPoint[] {
  const titles = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  return (
    cardsOfKind(board, 'pain')
      .filter((card) => card.text.trim() !== '')
      .map((card, index) => {
        const cardVotes = votes.get(card.id) ?? 0;
        const ranked: RankedPainPoint = {
          ...toBriefingCard(card, titles),
          severity: card.severity,
          votes: cardVotes,
          score: (card.severity ?? 1) * (cardVotes + 1),
        };
        return { ranked, index };
      })
      // Highest score first; ties by severity, then votes, then board order.
      .sort(
        (a, b) =>
          b.ranked.score - a.ranked.score ||
          (b.ranked.severity ?? 0) - (a.ranked.severity ?? 0) ||
          b.ranked.votes - a.ranked.votes ||
          a.index - b.index,
      )
      .slice(0, limit)
      .map(({ ranked }) => ranked)
  );
}

export function momentsOfTruth(board: BoardSnapshot): MomentOfTruth[] {
  const titles = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  const stages = board.stages
    .filter((stage) => stage.momentOfTruth)
    .map((stage): MomentOfTruth => ({
      kind: 'stage',
      id: stage.id,
      text: stage.title,
      stageTitle: stage.title,
      detail: stage.description,
    }));
  const cards = placedCards(board)
    .filter((card) => card.momentOfTruth)
    .map((card): MomentOfTruth => ({
      kind: 'card',
      id: card.id,
      text: card.text,
      stageTitle: titles.get(card.stageId) ?? '',
      detail: '',
    }));
  return [...stages, ...cards];
}

export function opportunities(board: BoardSnapshot): BriefingOpportunity[] {
  const titles = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  return cardsOfKind(board, 'opportunity')
    .filter((card) => card.text.trim() !== '')
    .map((card) => ({
      ...toBriefingCard(card, titles),
      impact: card.impact,
      effort: card.effort,
      quickWin: isQuickWin(card.impact, card.effort),
    }));
}

/** Backstage owners as departments, and the stages × departments heatmap of pain points. */
export function departments(board: BoardSnapshot): Pick<Briefing, 'departments' | 'heatmap'> {
  const titles = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  const byName = new Map<string, { name: string; stageIds: Set<string>; cards: BriefingCard[] }>();
  for (const card of cardsOfKind(board, 'backstage')) {
    const name = card.owner.trim();
    if (name === '') continue;
    const key = name.toLowerCase();
    const entry = byName.get(key) ?? { name, stageIds: new Set(), cards: [] };
    entry.stageIds.add(card.stageId);
    entry.cards.push(toBriefingCard(card, titles));
    byName.set(key, entry);
  }
  const pain = cardsOfKind(board, 'pain');
  const list = [...byName.values()].map((entry) => ({
    name: entry.name,
    stageIds: board.stages.map((stage) => stage.id).filter((id) => entry.stageIds.has(id)),
    cards: entry.cards,
  }));
  const heatmap = list.map((department) => ({
    department: department.name,
    cells: board.stages.map((stage): HeatmapCell => {
      const owned = department.stageIds.includes(stage.id);
      const here = owned ? pain.filter((card) => card.stageId === stage.id) : [];
      return {
        stageId: stage.id,
        owned,
        painPoints: here.length,
        weight: here.reduce((sum, card) => sum + (card.severity ?? 1), 0),
      };
    }),
  }));
  return { departments: list, heatmap };
}

export function metrics(board: BoardSnapshot): BriefingMetric[] {
  const titles = new Map(board.stages.map((stage) => [stage.id, stage.title]));
  return cardsOfKind(board, 'metric')
    .filter((card) => card.text.trim() !== '' || card.metricName !== '')
    .map((card) => ({
      ...toBriefingCard(card, titles),
      name: card.metricName || card.text,
      current: card.metricCurrent ? formatWithUnit(card.metricCurrent, card.metricUnit) : '',
      target: card.metricTarget ? formatWithUnit(card.metricTarget, card.metricUnit) : '',
    }));
}

/** The share of cards at each evidence level, then not set. */
export function evidenceCoverage(board: BoardSnapshot): Briefing['evidence'] {
  const cards = placedCards(board);
  const total = cards.length;
  const shares = [...EVIDENCE_LEVELS, null].map((level): EvidenceShare => {
    const count = cards.filter((card) => card.evidence === level).length;
    return { level, cards: count, share: total === 0 ? 0 : count / total };
  });
  return { total, shares };
}

export function buildBriefing(board: BoardSnapshot, votes: VoteCounts = new Map()): Briefing {
  return {
    stages: board.stages,
    emotion: emotionCurve(board),
    painPoints: rankPainPoints(board, votes),
    momentsOfTruth: momentsOfTruth(board),
    opportunities: opportunities(board),
    ...departments(board),
    metrics: metrics(board),
    evidence: evidenceCoverage(board),
  };
}
