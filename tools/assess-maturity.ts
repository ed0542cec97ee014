import { z } from 'zod';
import { barChart, describeBarChart } from '../src/charts/index.ts';
import { defineTool } from '../src/core/define-tool.ts';
import type { MaturityAssessment } from '../src/maturity/maturity-engine.ts';
import { dimensionNames, metricNames, stageIds } from '../src/maturity/thresholds.ts';
import { Refusal, refusingNotFound } from './refusal.ts';
import type { ToolContext } from './tool-context.ts';

const Stage = z.enum([...stageIds, 'unknown']);
const MetricName = z.enum(metricNames);
const Metric = z.object({
  name: MetricName,
  label: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  detail: z.string(),
});
const Shortfall = z.object({ metric: MetricName, required: z.number(), value: z.number().nullable() });

export const AssessedMaturity = z.object({
  status: z.literal('assessed'),
  asOf: z.string(),
  period: z.object({ since: z.string(), until: z.string(), days: z.number() }),
  scope: z
    .object({ territories: z.union([z.array(z.string()), z.literal('all')]), hcps: z.number(), leftOut: z.number() })
    .describe('hcps: the HCPs measured (assigned to a territory, or with an interaction on record); leftOut: the others, never contacted and in no territory'),
  thresholds: z.object({ version: z.string(), sha256: z.string() }),
  queries: z.object({ interactions: z.string(), repNotes: z.string(), decisions: z.string() }).describe('the SQL each number was read with, by name'),
  overall: z.object({ stage: Stage, stageLabel: z.string(), rule: z.string(), basedOn: z.array(z.enum(dimensionNames)) }),
  nextStep: z
    .object({ dimension: z.enum(dimensionNames), from: Stage, to: Stage, gap: z.number(), metric: MetricName, required: z.number(), value: z.number().nullable(), sentence: z.string() })
    .nullable(),
  dimensions: z.array(
    z.object({
      dimension: z.enum(dimensionNames),
      label: z.string(),
      stage: Stage,
      stageLabel: z.string(),
      metrics: z.array(Metric),
      next: z.object({ stage: Stage, stageLabel: z.string(), unmet: z.array(Shortfall) }).nullable(),
      nextAction: z.string().nullable(),
      unknownReason: z.string().nullable(),
      evidence: z.object({
        definition: z.string(),
        queries: z.array(z.enum(['interactions', 'repNotes', 'decisions'])),
        examples: z.array(z.object({ label: z.string(), ids: z.array(z.string()) })),
        caveat: z.string().nullable(),
      }),
    }),
  ),
});
export type AssessedMaturity = z.infer<typeof AssessedMaturity>;

export const assessMaturityTool = defineTool({
  name: 'assess_maturity',
  description:
    '"Where are we on omnichannel maturity, and what do we build next?" For managers (their team\'s territories) and admins (all). Places the ' +
    'organisation on seven dimensions (automation, data, segmentation, relevance, testing, analysis, teams), each on a stage (fragmented, ' +
    'coordinated multichannel, data-driven orchestration, AI-driven) computed from the data, with its numbers (numerator and denominator), the ' +
    'queries and example row ids behind them; "unknown" where the data holds no measure. Gives an overall stage and the one next step with the ' +
    'biggest gap. Quote the numbers as given; do not invent a stage for an unknown dimension.',
  input: z.strictObject({
    periodDays: z.number().int().min(30).max(365).default(180).describe('how many days back to assess, ending now (default 180)'),
  }),
  output: z.union([AssessedMaturity, Refusal]),
  access: { roles: ['manager', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ periodDays }, ctx: ToolContext) {
    return refusingNotFound(() => assessedOutput(ctx.analytics.maturity.assess(ctx.caller, ctx.asOf, { periodDays })));
  },
  charts: (output) => (output.status === 'assessed' ? [maturityChart(output)] : []),
  refinable: true,
});

/** Stages as bar lengths, 1 (fragmented) to 4 (AI-driven); a dimension with no measure is left out and named in the description. */
function maturityChart(output: AssessedMaturity): { title: string; alt: string; svg: string } {
  const measured = output.dimensions.filter((dimension) => dimension.stage !== 'unknown');
  const unknown = output.dimensions.filter((dimension) => dimension.stage === 'unknown').map((dimension) => dimension.label);
  const spec = {
    title: `Omnichannel maturity: ${output.overall.stageLabel} overall`,
    bars: measured.map((dimension) => ({ label: `${dimension.label.replace(/ \(.*\)$/, '')}: ${dimension.stageLabel}`, value: stageIds.indexOf(dimension.stage as (typeof stageIds)[number]) + 1 })),
    valueLabel: 'stage: 1 fragmented … 4 AI-driven',
  };
  const alt = `${describeBarChart(spec)}${unknown.length > 0 ? ` No measure in the data for: ${unknown.join(', ')}.` : ''}`;
  return { title: spec.title, alt, svg: barChart({ ...spec, description: alt }) };
}

/** An assessment as this tool returns it (evidence grouped per dimension). */
export function assessedOutput(assessment: MaturityAssessment): AssessedMaturity {
  return {
    status: 'assessed',
    asOf: assessment.asOf,
    period: assessment.period,
    scope: assessment.scope,
    thresholds: assessment.thresholds,
    queries: assessment.queries,
    overall: assessment.overall,
    nextStep: assessment.nextStep,
    dimensions: assessment.dimensions.map((dimension) => ({
      dimension: dimension.dimension,
      label: dimension.label,
      stage: dimension.stage,
      stageLabel: dimension.stageLabel,
      metrics: dimension.metrics,
      next: dimension.next,
      nextAction: dimension.nextAction,
      unknownReason: dimension.unknownReason,
      evidence: { definition: dimension.definition, queries: dimension.queries, examples: dimension.examples, caveat: dimension.caveat },
    })),
  };
}
