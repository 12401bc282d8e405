import type * as Y from 'yjs';
import type { EvidenceLevel } from './evidence.ts';
import { seedBoard } from './interchange/seed-board.ts';
import type { CardFields, LaneKind } from './types.ts';

interface TemplateStage {
  readonly title: string;
  readonly description?: string;
  readonly momentOfTruth?: boolean;
}

interface TemplateCard {
  /** Index into the template's stages and lanes. */
  readonly stage: number;
  readonly lane: number;
  readonly text: string;
  readonly fields?: Partial<CardFields>;
}

export interface Template {
  readonly name: string;
  readonly description: string;
  readonly stages: readonly TemplateStage[];
  readonly lanes: readonly { readonly title: string; readonly kind: LaneKind }[];
  readonly cards: readonly TemplateCard[];
  /** Score (and optional note) per stage for the template's emotion lane, if any. */
  readonly emotions: readonly (readonly [score: number, note?: string])[];
  /**
   * The evidence level an example card starts with, by its lane's kind (a
   * card's own `fields.evidence` wins): what the team saw is observed, what
   * customers said reported, what it thinks they think inferred, its ideas
   * hypothesised.
   */
  readonly evidence?: Partial<Record<LaneKind, EvidenceLevel>>;
}

const lane = (title: string, kind: LaneKind) => ({ title, kind });

/** Lane indexes shared by the three example templates (see EXAMPLE_LANES). */
const L = {
  touchpoint: 0,
  action: 1,
  thought: 2,
  pain: 3,
  emotion: 4,
  opportunity: 5,
  backstage: 6,
  metric: 7,
} as const;

const EXAMPLE_LANES = [
  lane('Touchpoints', 'touchpoint'),
  lane('Customer actions', 'action'),
  lane('Thoughts', 'thought'),
  lane('Pain points', 'pain'),
  lane('Emotions', 'emotion'),
  lane('Opportunities', 'opportunity'),
  lane('Backstage', 'backstage'),
  lane('Metrics', 'metric'),
];

const EXAMPLE_EVIDENCE: Partial<Record<LaneKind, EvidenceLevel>> = {
  touchpoint: 'observed',
  action: 'observed',
  thought: 'inferred',
  pain: 'reported',
  opportunity: 'hypothesised',
  backstage: 'observed',
  metric: 'observed',
};

const metric = (
  metricName: string,
  metricCurrent: string,
  metricTarget: string,
  metricUnit: string,
): Partial<CardFields> => ({ metricName, metricCurrent, metricTarget, metricUnit });

const blank: Template = {
  name: 'Blank journey',
  description: 'The six classic stages and the five core lanes, ready to fill.',
  stages: [
    { title: 'Awareness' },
    { title: 'Consideration' },
    { title: 'Purchase' },
    { title: 'Onboarding' },
    { title: 'Retention' },
    { title: 'Advocacy' },
  ],
  lanes: [
    lane('Touchpoints', 'touchpoint'),
    lane('Customer actions', 'action'),
    lane('Pain points', 'pain'),
    lane('Emotions', 'emotion'),
    lane('Opportunities', 'opportunity'),
  ],
  cards: [],
  emotions: [],
};

const saasOnboarding: Template = {
  name: 'B2B SaaS onboarding',
  description: 'From trial sign-up to a team that relies on the product, with owners and KPIs.',
  stages: [
    { title: 'Sign-up', description: 'Starts a free trial from the website.' },
    { title: 'First login', description: 'Lands in an empty workspace.' },
    {
      title: 'Setup',
      description: 'Connects data and configures the account.',
      momentOfTruth: true,
    },
    { title: 'Invite team', description: 'Brings colleagues in.' },
    { title: 'First value', description: 'Ships the first real result.' },
    { title: 'Upgrade', description: 'Decides to pay before the trial ends.' },
  ],
  lanes: EXAMPLE_LANES,
  evidence: EXAMPLE_EVIDENCE,
  cards: [
    {
      stage: 0,
      lane: L.touchpoint,
      text: 'Pricing page “Start free trial”',
      fields: { channel: 'web' },
    },
    { stage: 0, lane: L.touchpoint, text: 'Verification email', fields: { channel: 'email' } },
    {
      stage: 1,
      lane: L.touchpoint,
      text: 'Welcome checklist in the app',
      fields: { channel: 'app' },
    },
    { stage: 2, lane: L.touchpoint, text: 'Integration setup wizard', fields: { channel: 'app' } },
    {
      stage: 2,
      lane: L.touchpoint,
      text: 'Live chat with a solutions engineer',
      fields: { channel: 'chat' },
    },
    {
      stage: 3,
      lane: L.touchpoint,
      text: 'Invite email to colleagues',
      fields: { channel: 'email' },
    },
    { stage: 5, lane: L.touchpoint, text: 'Trial-ending reminder', fields: { channel: 'email' } },
    {
      stage: 5,
      lane: L.touchpoint,
      text: 'Call with account executive',
      fields: { channel: 'phone' },
    },
    { stage: 0, lane: L.action, text: 'Fills in work email and company size' },
    { stage: 1, lane: L.action, text: 'Clicks around looking for where to start' },
    { stage: 2, lane: L.action, text: 'Connects the CRM and imports contacts' },
    { stage: 3, lane: L.action, text: 'Invites two teammates' },
    { stage: 4, lane: L.action, text: 'Builds and shares the first report' },
    { stage: 5, lane: L.action, text: 'Compares plans with the finance lead' },
    { stage: 0, lane: L.thought, text: '“Will this work with the tools we already use?”' },
    { stage: 1, lane: L.thought, text: '“Where do I even begin?”' },
    { stage: 2, lane: L.thought, text: '“I need IT for this — that could take weeks.”' },
    { stage: 4, lane: L.thought, text: '“My manager will love this.”' },
    {
      stage: 1,
      lane: L.pain,
      text: 'Empty workspace with no sample data',
      fields: { severity: 2 },
    },
    {
      stage: 2,
      lane: L.pain,
      text: 'CRM connection needs admin rights',
      fields: {
        severity: 3,
        evidence: 'observed',
        evidenceSources: 'Onboarding usability study, round 2\nSupport tag "crm-admin"',
      },
    },
    {
      stage: 3,
      lane: L.pain,
      text: 'Invitees land in the wrong workspace',
      fields: { severity: 2 },
    },
    {
      stage: 5,
      lane: L.pain,
      text: 'Per-seat pricing is hard to justify',
      fields: { severity: 1, evidence: 'hypothesised' },
    },
    {
      stage: 1,
      lane: L.opportunity,
      text: 'Pre-filled demo workspace',
      fields: { impact: 3, effort: 1 },
    },
    {
      stage: 2,
      lane: L.opportunity,
      text: '“Ask your admin” one-click request',
      fields: { impact: 3, effort: 2 },
    },
    {
      stage: 4,
      lane: L.opportunity,
      text: 'Celebrate the first shared report',
      fields: { impact: 2, effort: 1 },
    },
    {
      stage: 5,
      lane: L.opportunity,
      text: 'Usage-based plan for small teams',
      fields: { impact: 2, effort: 3 },
    },
    {
      stage: 0,
      lane: L.backstage,
      text: 'Lead scoring and routing',
      fields: { owner: 'Marketing ops' },
    },
    {
      stage: 2,
      lane: L.backstage,
      text: 'Integration health monitoring',
      fields: { owner: 'Platform team' },
    },
    {
      stage: 3,
      lane: L.backstage,
      text: 'Onboarding email sequence',
      fields: { owner: 'Lifecycle marketing' },
    },
    { stage: 5, lane: L.backstage, text: 'Renewal forecast', fields: { owner: 'Sales' } },
    {
      stage: 0,
      lane: L.metric,
      text: 'Visitors who start a trial',
      fields: metric('Trial conversion', '3.1', '4', '%'),
    },
    {
      stage: 2,
      lane: L.metric,
      text: 'Accounts with a live integration',
      fields: metric('Setup completion', '42', '65', '%'),
    },
    {
      stage: 4,
      lane: L.metric,
      text: 'Time to first report',
      fields: metric('Time to value', '6', '2', 'days'),
    },
    {
      stage: 5,
      lane: L.metric,
      text: 'Trials that become paid',
      fields: metric('Trial to paid', '14', '20', '%'),
    },
  ],
  emotions: [[1, 'Curious'], [-1, 'Lost'], [-2, 'Blocked by IT'], [0], [2, 'Proud'], [1]],
};

const ecommercePurchase: Template = {
  name: 'E-commerce purchase',
  description: 'Discovering a product, buying it online and receiving it.',
  stages: [
    { title: 'Discover', description: 'Notices the product.' },
    { title: 'Browse', description: 'Compares options on the site.' },
    { title: 'Checkout', description: 'Pays.', momentOfTruth: true },
    { title: 'Delivery', description: 'Waits for the parcel.' },
    { title: 'Use', description: 'Unboxes and uses it.' },
    { title: 'Return or rebuy', description: 'Comes back, or returns it.' },
  ],
  lanes: EXAMPLE_LANES,
  evidence: EXAMPLE_EVIDENCE,
  cards: [
    { stage: 0, lane: L.touchpoint, text: 'Instagram ad', fields: { channel: 'social' } },
    { stage: 0, lane: L.touchpoint, text: 'Friend’s recommendation', fields: { channel: 'other' } },
    { stage: 1, lane: L.touchpoint, text: 'Product page', fields: { channel: 'web' } },
    { stage: 2, lane: L.touchpoint, text: 'Mobile checkout', fields: { channel: 'app' } },
    { stage: 3, lane: L.touchpoint, text: 'Shipping notification', fields: { channel: 'email' } },
    { stage: 5, lane: L.touchpoint, text: 'Returns desk', fields: { channel: 'store' } },
    { stage: 0, lane: L.action, text: 'Saves the post for later' },
    { stage: 1, lane: L.action, text: 'Reads reviews and the size guide' },
    { stage: 2, lane: L.action, text: 'Enters address and card details' },
    { stage: 3, lane: L.action, text: 'Tracks the parcel twice a day' },
    { stage: 4, lane: L.action, text: 'Tries it on' },
    { stage: 5, lane: L.action, text: 'Orders a second colour' },
    { stage: 1, lane: L.thought, text: '“Will it fit me?”' },
    { stage: 2, lane: L.thought, text: '“Why is shipping so expensive?”' },
    { stage: 3, lane: L.thought, text: '“Is it lost?”' },
    {
      stage: 2,
      lane: L.pain,
      text: 'Shipping cost appears only at the last step',
      fields: { severity: 3 },
    },
    { stage: 2, lane: L.pain, text: 'Forced account creation', fields: { severity: 2 } },
    {
      stage: 3,
      lane: L.pain,
      text: 'Tracking link shows no updates for 2 days',
      fields: { severity: 2 },
    },
    { stage: 5, lane: L.pain, text: 'Return label must be printed', fields: { severity: 1 } },
    {
      stage: 1,
      lane: L.opportunity,
      text: 'Fit predictor from past orders',
      fields: { impact: 2, effort: 3 },
    },
    {
      stage: 2,
      lane: L.opportunity,
      text: 'Show total price on the product page',
      fields: { impact: 3, effort: 1 },
    },
    { stage: 2, lane: L.opportunity, text: 'Guest checkout', fields: { impact: 3, effort: 2 } },
    { stage: 5, lane: L.opportunity, text: 'QR-code returns', fields: { impact: 2, effort: 2 } },
    { stage: 2, lane: L.backstage, text: 'Payment provider', fields: { owner: 'Payments team' } },
    {
      stage: 3,
      lane: L.backstage,
      text: 'Warehouse picking and courier handover',
      fields: { owner: 'Logistics' },
    },
    {
      stage: 5,
      lane: L.backstage,
      text: 'Refund processing',
      fields: { owner: 'Customer service' },
    },
    {
      stage: 1,
      lane: L.metric,
      text: 'Product page to cart',
      fields: metric('Add-to-cart rate', '8', '11', '%'),
    },
    {
      stage: 2,
      lane: L.metric,
      text: 'Carts that become orders',
      fields: metric('Checkout conversion', '52', '65', '%'),
    },
    {
      stage: 3,
      lane: L.metric,
      text: 'Delivered on the promised day',
      fields: metric('On-time delivery', '91', '97', '%'),
    },
    {
      stage: 5,
      lane: L.metric,
      text: 'Orders returned',
      fields: metric('Return rate', '18', '12', '%'),
    },
  ],
  emotions: [
    [1, 'Intrigued'],
    [1],
    [-2, 'Surprised by shipping'],
    [-1, 'Anxious'],
    [2, 'Delighted'],
    [1],
  ],
};

const customerSupport: Template = {
  name: 'Customer support',
  description: 'A customer with a problem, from noticing it to having it solved.',
  stages: [
    { title: 'Problem occurs', description: 'Something does not work.' },
    { title: 'Seeks help', description: 'Looks for an answer alone.' },
    { title: 'Contacts support', description: 'Reaches a person.', momentOfTruth: true },
    { title: 'Resolution', description: 'The problem gets fixed.' },
    { title: 'Follow-up', description: 'Reflects on the experience.' },
  ],
  lanes: EXAMPLE_LANES,
  evidence: EXAMPLE_EVIDENCE,
  cards: [
    { stage: 0, lane: L.touchpoint, text: 'Error message in the app', fields: { channel: 'app' } },
    { stage: 1, lane: L.touchpoint, text: 'Help centre search', fields: { channel: 'web' } },
    { stage: 1, lane: L.touchpoint, text: 'Community forum', fields: { channel: 'social' } },
    { stage: 2, lane: L.touchpoint, text: 'Chatbot, then live agent', fields: { channel: 'chat' } },
    { stage: 2, lane: L.touchpoint, text: 'Support hotline', fields: { channel: 'phone' } },
    { stage: 4, lane: L.touchpoint, text: 'Satisfaction survey', fields: { channel: 'email' } },
    { stage: 0, lane: L.action, text: 'Retries the action three times' },
    { stage: 1, lane: L.action, text: 'Searches for the error code' },
    { stage: 2, lane: L.action, text: 'Explains the problem again to a second agent' },
    { stage: 3, lane: L.action, text: 'Follows the agent’s steps' },
    { stage: 4, lane: L.action, text: 'Rates the conversation' },
    { stage: 0, lane: L.thought, text: '“Did I break something?”' },
    { stage: 2, lane: L.thought, text: '“Why do I have to repeat myself?”' },
    { stage: 3, lane: L.thought, text: '“Finally.”' },
    { stage: 1, lane: L.pain, text: 'Help articles are out of date', fields: { severity: 2 } },
    {
      stage: 2,
      lane: L.pain,
      text: 'Chatbot cannot hand over the conversation',
      fields: { severity: 3 },
    },
    { stage: 2, lane: L.pain, text: '25-minute queue on the phone', fields: { severity: 3 } },
    {
      stage: 4,
      lane: L.pain,
      text: 'Survey arrives before the fix is confirmed',
      fields: { severity: 1 },
    },
    {
      stage: 0,
      lane: L.opportunity,
      text: 'Error messages that say what to do',
      fields: { impact: 3, effort: 2 },
    },
    {
      stage: 2,
      lane: L.opportunity,
      text: 'Hand the chat transcript to the agent',
      fields: { impact: 3, effort: 1 },
    },
    {
      stage: 2,
      lane: L.opportunity,
      text: 'Call-back instead of queueing',
      fields: { impact: 2, effort: 2 },
    },
    {
      stage: 1,
      lane: L.backstage,
      text: 'Knowledge base upkeep',
      fields: { owner: 'Support content' },
    },
    {
      stage: 2,
      lane: L.backstage,
      text: 'Ticket routing rules',
      fields: { owner: 'Support operations' },
    },
    {
      stage: 3,
      lane: L.backstage,
      text: 'Bug triage with engineering',
      fields: { owner: 'Product engineering' },
    },
    {
      stage: 1,
      lane: L.metric,
      text: 'Solved without contacting us',
      fields: metric('Self-service rate', '35', '50', '%'),
    },
    {
      stage: 2,
      lane: L.metric,
      text: 'Time until a person answers',
      fields: metric('First response time', '25', '5', 'min'),
    },
    {
      stage: 3,
      lane: L.metric,
      text: 'Solved in the first contact',
      fields: metric('First contact resolution', '61', '75', '%'),
    },
    {
      stage: 4,
      lane: L.metric,
      text: 'Customer satisfaction',
      fields: metric('CSAT', '3.9', '4.5', '/5'),
    },
  ],
  emotions: [[-1, 'Worried'], [-1], [-2, 'Frustrated'], [1, 'Relieved'], [0]],
};

export const TEMPLATES = {
  blank,
  'saas-onboarding': saasOnboarding,
  'ecommerce-purchase': ecommercePurchase,
  'customer-support': customerSupport,
} as const satisfies Record<string, Template>;

export type TemplateId = keyof typeof TEMPLATES;
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as [TemplateId, ...TemplateId[]];

/** Fills an empty document with a template's stages, lanes, example cards and emotion scores. */
export function applyTemplate(doc: Y.Doc, templateId: TemplateId): void {
  seedBoard(doc, templateBoard(TEMPLATES[templateId]));
}

/** A template as the board content a new map is seeded with (see `seedBoard`). */
export function templateBoard(template: Template): Parameters<typeof seedBoard>[1] {
  const emotionLane = template.lanes.findIndex((item) => item.kind === 'emotion');
  return {
    stages: template.stages.map((stage, index) => ({
      id: `s${index}`,
      title: stage.title,
      description: stage.description ?? '',
      momentOfTruth: stage.momentOfTruth ?? false,
    })),
    lanes: template.lanes.map((item, index) => ({ id: `l${index}`, ...item, collapsed: false })),
    cards: template.cards.map((card) => {
      const laneKind = template.lanes[card.lane]?.kind;
      const evidence = laneKind ? template.evidence?.[laneKind] : undefined;
      return {
        stage: `s${card.stage}`,
        lane: `l${card.lane}`,
        text: card.text,
        fields: { ...(evidence ? { evidence } : {}), ...card.fields },
      };
    }),
    emotions:
      emotionLane < 0
        ? []
        : template.emotions.map(([score, note], index) => ({
            stage: `s${index}`,
            lane: `l${emotionLane}`,
            score,
            note: note ?? '',
          })),
  };
}
