import { newCardFits, type BoardSnapshot, type LaneKind } from '@journeyboard/shared/board';

/** A cell: where a clicked card type goes. */
export interface CellPlace {
  readonly stageId: string;
  readonly laneId: string;
}

/**
 * Where a card type clicked in the palette (instead of dragged) goes: in the
 * stage of `near` (the selected card, or the cell in the middle of the view)
 * or else the first stage; in `near`'s lane when the type fits it, else in
 * the first lane it fits (a note fits any card lane). Cells this person may
 * not change (`blocked`: a facilitator's lock) are passed over; null when
 * the board has no cell left for it.
 */
export function placeForCardType(
  board: Pick<BoardSnapshot, 'stages' | 'lanes'>,
  kind: LaneKind,
  near: CellPlace | null,
  blocked: (place: CellPlace) => boolean,
): CellPlace | null {
  const nearStage = board.stages.find((stage) => stage.id === near?.stageId);
  const stages = nearStage ? [nearStage, ...board.stages] : board.stages;
  const fitting = board.lanes.filter((lane) => newCardFits(kind, lane.kind));
  const nearLane = fitting.find((lane) => lane.id === near?.laneId);
  const lanes = nearLane ? [nearLane, ...fitting] : fitting;
  for (const stage of stages) {
    for (const lane of lanes) {
      const place = { stageId: stage.id, laneId: lane.id };
      if (!blocked(place)) return place;
    }
  }
  return null;
}
