import type { TStageRating } from '@journeyboard/shared';

export interface StoredRating {
  readonly raterKey: string;
  readonly raterName: string;
  readonly stageId: string;
  readonly stageTitle: string;
  readonly score: number;
}

/**
 * The room's answer per stage: how many rated it, their mean, the lowest and
 * highest score, and every score (named, or — anonymous rounds — not, and
 * then sorted so their order says nothing about who gave which). Stages in
 * board order (`stages`), then stages rated but deleted since, by title.
 */
export function aggregateRatings(
  ratings: readonly StoredRating[],
  stages: readonly { id: string; title: string }[],
  anonymous: boolean,
): { results: TStageRating[]; raters: number } {
  const byStage = new Map<string, StoredRating[]>();
  for (const rating of ratings) {
    const list = byStage.get(rating.stageId) ?? [];
    list.push(rating);
    byStage.set(rating.stageId, list);
  }
  const order = new Map(stages.map((stage, index) => [stage.id, index]));
  const titles = new Map(stages.map((stage) => [stage.id, stage.title]));
  const results = [...byStage].map(([stageId, list]): TStageRating => {
    const scores = list.map((rating) => rating.score);
    const sum = scores.reduce((total, score) => total + score, 0);
    return {
      stageId,
      stageTitle: titles.get(stageId) ?? list[0]?.stageTitle ?? '',
      n: list.length,
      mean: Math.round((sum / list.length) * 100) / 100,
      min: Math.min(...scores),
      max: Math.max(...scores),
      scores: anonymous
        ? [...scores].sort((a, b) => a - b).map((score) => ({ name: null, score }))
        : [...list]
            .sort((a, b) => a.raterName.localeCompare(b.raterName) || a.score - b.score)
            .map((rating) => ({ name: rating.raterName, score: rating.score })),
    };
  });
  const rank = (stageId: string) => order.get(stageId) ?? Number.MAX_SAFE_INTEGER;
  results.sort(
    (a, b) => rank(a.stageId) - rank(b.stageId) || a.stageTitle.localeCompare(b.stageTitle),
  );
  return { results, raters: new Set(ratings.map((rating) => rating.raterKey)).size };
}
