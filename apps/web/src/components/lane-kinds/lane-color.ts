import { laneKindOf, type LaneKind } from '@journeyboard/shared/board';
import './lane-kinds.css';

/** The class that tints a lane's cards and accents: `lane-color--rose` for pain points. */
export const laneColorClass = (kind: LaneKind): string => `lane-color--${laneKindOf(kind).color}`;
