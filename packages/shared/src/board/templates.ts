import type * as Y from 'yjs';
import { addCard, addLane, addStage, initBoard, setEmotion } from './ops.ts';
import type { LaneKind } from './types.ts';

interface TemplateCard {
  stage: number;
  lane: number;
  text: string;
}

interface Template {
  name: string;
  description: string;
  stages: readonly string[];
  lanes: readonly { title: string; kind: LaneKind }[];
  cards: readonly TemplateCard[];
  /** Emotion score per stage for the template's emotion lane, if any. */
  emotions: readonly number[];
}

const DEFAULT_STAGES = [
  'Awareness',
  'Consideration',
  'Purchase',
  'Onboarding',
  'Retention',
  'Advocacy',
] as const;

const DEFAULT_LANES = [
  { title: 'Touchpoints', kind: 'touchpoint' },
  { title: 'Customer actions', kind: 'action' },
  { title: 'Pain points', kind: 'pain' },
  { title: 'Emotions', kind: 'emotion' },
  { title: 'Opportunities', kind: 'opportunity' },
] as const satisfies readonly { title: string; kind: LaneKind }[];

export const TEMPLATES = {
  blank: {
    name: 'Blank journey',
    description: 'The six classic stages and the five core lanes, ready to fill.',
    stages: DEFAULT_STAGES,
    lanes: DEFAULT_LANES,
    cards: [],
    emotions: [],
  },
} as const satisfies Record<string, Template>;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as [TemplateId, ...TemplateId[]];

/** Fills an empty document with a template's stages, lanes and example cards. */
export function applyTemplate(doc: Y.Doc, templateId: TemplateId): void {
  const template: Template = TEMPLATES[templateId];
  doc.transact(() => {
    initBoard(doc);
    const stageIds = template.stages.map((title) => addStage(doc, { title }));
    const laneIds = template.lanes.map((lane) => addLane(doc, lane));
    for (const card of template.cards) {
      const stageId = stageIds[card.stage];
      const laneId = laneIds[card.lane];
      if (stageId && laneId) addCard(doc, { stageId, laneId, text: card.text });
    }
    const emotionLaneId = laneIds[template.lanes.findIndex((lane) => lane.kind === 'emotion')];
    template.emotions.forEach((score, index) => {
      const stageId = stageIds[index];
      if (stageId && emotionLaneId) setEmotion(doc, { stageId, laneId: emotionLaneId, score });
    });
  });
}
