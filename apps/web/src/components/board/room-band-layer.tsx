import type { TRatingRound } from '@journeyboard/shared';
import type { Stage } from '../../board/use-board.ts';
import { buildRoomBand } from '../../board/room-band.ts';
import type { ChartLayout } from '../../board/emotion-curve.ts';
import { formatScore } from './emotion-scale.ts';

const BAND_WIDTH = 14;

/**
 * The room's scores of a revealed "Everyone rates" round, drawn inside the
 * emotion curve's SVG beside each stage's point: the min–max band, the mean
 * (a bar across it, joined stage to stage by a dashed line) and how many
 * rated ("5 rated"). Drawn the same in every board mode.
 */
export function RoomBandLayer({
  round,
  stages,
  layout,
}: {
  round: TRatingRound;
  stages: readonly Stage[];
  layout: ChartLayout;
}) {
  const band = buildRoomBand(stages, round.results ?? [], layout);
  return (
    <g className="room-band" data-testid="room-band" data-round-id={round.id}>
      {band.meanPath ? <path className="room-band__mean-line" d={band.meanPath} /> : null}
      {band.marks.map((mark) => (
        <g
          key={mark.stageId}
          className="room-band__stage"
          data-testid="room-band-stage"
          data-stage-id={mark.stageId}
          data-mean={mark.mean}
          data-min={mark.min}
          data-max={mark.max}
          data-n={mark.n}
        >
          <rect
            className="room-band__range"
            x={mark.x - BAND_WIDTH / 2}
            y={mark.maxY - 3}
            width={BAND_WIDTH}
            height={mark.minY - mark.maxY + 6}
            rx={BAND_WIDTH / 2}
          />
          <line
            className="room-band__mean"
            x1={mark.x - BAND_WIDTH}
            x2={mark.x + BAND_WIDTH}
            y1={mark.meanY}
            y2={mark.meanY}
          />
          <text className="room-band__n" x={mark.x + BAND_WIDTH + 2} y={mark.meanY + 4}>
            {mark.n} rated
          </text>
        </g>
      ))}
    </g>
  );
}

/** "Room: Sign-up −0.5 (−2 to +1, 2 people); …" for the curve's label. */
export function describeRoomBand(round: TRatingRound, stages: readonly Stage[]): string {
  const onBoard = new Set(stages.map((stage) => stage.id));
  const parts = (round.results ?? [])
    .filter((result) => onBoard.has(result.stageId))
    .map(
      (result) =>
        `${result.stageTitle} ${formatScore(result.mean)} (${formatScore(result.min)} to ${formatScore(result.max)}, ${result.n} ${result.n === 1 ? 'person' : 'people'})`,
    );
  return parts.length > 0 ? `Room's scores: ${parts.join('; ')}` : "Room's scores: nobody rated";
}
