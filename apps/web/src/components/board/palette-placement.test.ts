import { readBoard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { makeTemplateDoc } from '../../board/testing/board-fixture.tsx';
import { placeForCardType, type CellPlace } from './palette-placement.ts';

const board = readBoard(makeTemplateDoc());
const stage = (title: string) => board.stages.find((item) => item.title === title)!.id;
const lane = (title: string) => board.lanes.find((item) => item.title === title)!.id;
const open = () => false;

describe('where a clicked card type goes', () => {
  it('into the first stage and the first lane of its kind when nothing is near', () => {
    expect(placeForCardType(board, 'pain', null, open)).toEqual({
      stageId: board.stages[0]!.id,
      laneId: lane('Pain points'),
    });
  });

  it('into the stage of the selected card or the view, and its lane when the type fits', () => {
    const near = { stageId: stage('Purchase'), laneId: lane('Touchpoints') };
    // A pain point doesn't fit a touchpoint lane: the stage is kept, the lane is its own kind's.
    expect(placeForCardType(board, 'pain', near, open)).toEqual({
      stageId: stage('Purchase'),
      laneId: lane('Pain points'),
    });
    // A note fits any card lane: right where the person is.
    expect(placeForCardType(board, 'notes', near, open)).toEqual(near);
  });

  it('passes over locked cells, and finds nothing when every fitting cell is locked or none exists', () => {
    const purchasePains = { stageId: stage('Purchase'), laneId: lane('Pain points') };
    const lockedPurchase = (place: CellPlace) => place.stageId === stage('Purchase');
    expect(placeForCardType(board, 'pain', purchasePains, lockedPurchase)).toEqual({
      stageId: board.stages[0]!.id,
      laneId: lane('Pain points'),
    });
    expect(placeForCardType(board, 'pain', null, () => true)).toBeNull();
    const noPainLane = { ...board, lanes: board.lanes.filter((item) => item.kind !== 'pain') };
    expect(placeForCardType(noPainLane, 'pain', null, open)).toBeNull();
  });
});
