import { defineCardLaneKind } from './define.ts';

/** "42%", "3.9/5", "6 days": symbols stick to the number, words get a space. */
export function formatWithUnit(value: string, unit: string): string {
  if (!unit) return value;
  return /^[%/°€$£]/.test(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

/** A KPI per stage: its name, where it is and where it should be. */
export const metric = defineCardLaneKind({
  kind: 'metric',
  label: 'Metrics',
  cardLabel: 'Metric',
  aliases: ['KPIs', 'Measures'],
  description: 'How the stage is measured: a KPI with its current value and target.',
  icon: 'gauge',
  color: 'teal',
  fields: [
    { name: 'metricName', label: 'Metric', type: 'text', placeholder: 'e.g. NPS' },
    {
      name: 'metricCurrent',
      label: 'Current',
      type: 'text',
      placeholder: '32',
      narrow: true,
      numeric: true,
    },
    {
      name: 'metricTarget',
      label: 'Target',
      type: 'text',
      placeholder: '45',
      narrow: true,
      numeric: true,
    },
    { name: 'metricUnit', label: 'Unit', type: 'text', placeholder: '%', narrow: true },
  ],
  newCard: {},
  chips: ({ metricName, metricCurrent, metricTarget, metricUnit }) => {
    if (!metricName && !metricCurrent && !metricTarget) return [];
    const current = metricCurrent ? formatWithUnit(metricCurrent, metricUnit) : '—';
    const target = metricTarget ? ` → ${formatWithUnit(metricTarget, metricUnit)} target` : '';
    return [{ text: `${current}${target}`, ...(metricName ? { title: metricName } : {}) }];
  },
  samples: [
    {
      text: 'Trial to paid',
      fields: {
        metricName: 'Conversion',
        metricCurrent: '4.2',
        metricTarget: '6',
        metricUnit: '%',
      },
    },
    {
      text: 'Time to first value',
      fields: {
        metricName: 'Setup time',
        metricCurrent: '6',
        metricTarget: '2',
        metricUnit: 'days',
      },
    },
    {
      text: 'Satisfaction after support',
      fields: { metricName: 'CSAT', metricCurrent: '3.9', metricUnit: '/5' },
    },
  ],
});
