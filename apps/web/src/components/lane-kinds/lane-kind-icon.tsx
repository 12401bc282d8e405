import { laneKindOf, type LaneIcon, type LaneKind } from '@journeyboard/shared/board';
import {
  Cog,
  Footprints,
  Gauge,
  HeartPulse,
  Lightbulb,
  MessageCircle,
  MousePointerClick,
  StickyNote,
  TriangleAlert,
  type LucideIcon,
} from 'lucide-react';
import './lane-kinds.css';

/** The lane icon set: one SVG icon per key a lane kind may name (shared/board/lane-kinds). */
const LANE_ICONS: Record<LaneIcon, LucideIcon> = {
  pointer: MousePointerClick,
  footprints: Footprints,
  thought: MessageCircle,
  alert: TriangleAlert,
  'heart-pulse': HeartPulse,
  lightbulb: Lightbulb,
  cog: Cog,
  gauge: Gauge,
  note: StickyNote,
};

/** A lane kind's icon, decorative (the kind's name is always written next to it). */
export function LaneKindIcon({ kind, size = 14 }: { kind: LaneKind; size?: number }) {
  const Icon = LANE_ICONS[laneKindOf(kind).icon];
  return <Icon className="lane-kind-icon" size={size} aria-hidden="true" focusable="false" />;
}
