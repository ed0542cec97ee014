import { z } from 'zod';
import { isAppError } from '../src/core/app-error.ts';
import { defineTool } from '../src/core/define-tool.ts';
import { Channel, Segment } from '../src/domain/vocabulary.ts';
import { DimensionName, MetricName, metricCatalog, metricNames } from '../src/analytics/metric-catalog.ts';
import { performanceAccess } from '../src/analytics/performance-access.ts';
import { CompareInput, PeriodInput } from '../src/analytics/periods.ts';
import type { MetricFilters } from '../src/analytics/query-builder.ts';
import type { ToolContext } from './tool-context.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);

const metricList = metricNames
  .map((name) => {
    const metric = metricCatalog[name];
    return `${name} (${metric.unit}; by ${metric.dimensions.join('/')})`;
  })
  .join('; ');

const Period = z.object({ from: z.string(), to: z.string(), label: z.string() });
const Cell = z.object({ value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(), queryId: z.string() });

export const queryPerformanceTool = defineTool({
  name: 'query_performance',
  description:
    'Team performance for managers ("how is the Northeast doing on follow-ups vs last quarter?", "which reps have the most dead ends?"): one metric, optionally broken down by one dimension, ' +
    'for a period compared with the period before (equal length by default). Only the caller’s team is counted; reps and MSLs are refused, medical affairs may see medical_follow_up_rate only. ' +
    `Metrics: ${metricList}. A metric that does not support a dimension or filter answers status "unsupported" with what it does support. ` +
    'Shares are fractions (0.42 = 42%); change is current minus previous. Every number carries the queryId of the SQL query that made it (queries[] holds the SQL and its parameters): cite the queryId with the number. ' +
    'Periods: a preset (last_30_days, last_quarter, quarter_to_date, ...) or {from, to} whole days; compareTo previous_period, previous_year, none or {from, to}.',
  input: z.strictObject({
    metric: MetricName.describe('which metric'),
    dimension: DimensionName.nullable().default(null).describe('break the metric down by this; null for one number'),
    filters: z
      .strictObject({
        territory: z.array(shortText(40)).min(1).max(50).optional().describe('territory ids, e.g. ["T-NE"]'),
        rep: shortText(60).optional().describe('a rep user id, e.g. u-rep-ne-1'),
        product: shortText(60).optional().describe('a product id, e.g. prod-keytruda'),
        channel: Channel.optional(),
        segment: Segment.optional(),
        specialty: shortText(120).optional().describe('part of the HCP specialty, any case: "oncology" also counts Hematology & Oncology'),
      })
      .default({}),
    period: PeriodInput.default('last_30_days'),
    compareTo: CompareInput.default('previous_period'),
  }),
  output: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('answered'),
      metric: z.string(),
      label: z.string(),
      unit: z.enum(['share', 'contacts_per_hcp', 'days']),
      definition: z.string(),
      dimension: z.string().nullable(),
      filters: z.object({ territory: z.array(z.string()).optional(), rep: z.string().optional(), product: z.string().optional(), channel: z.string().optional(), segment: z.string().optional(), specialty: z.string().optional() }),
      period: Period,
      comparedWith: Period.nullable(),
      rows: z.array(z.object({ group: z.string().nullable(), label: z.string(), current: Cell.nullable(), previous: Cell.nullable(), change: z.number().nullable() })),
      queries: z.array(
        z.object({
          id: z.string(),
          period: z.enum(['current', 'previous']),
          sql: z.string(),
          parameters: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
          rows: z.number(),
        }),
      ),
    }),
    z.object({
      status: z.literal('unsupported'),
      metric: z.string(),
      message: z.string(),
      supportedDimensions: z.array(z.string()),
      supportedFilters: z.array(z.string()),
    }),
    z.object({ status: z.enum(['out_of_scope', 'not_found', 'invalid']), message: z.string() }),
  ]),
  // Every role may ask: reps and MSLs are told to ask their manager, medical affairs sees medical metrics only (src/analytics/performance-access.ts).
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  async execute({ metric, dimension, filters, period, compareTo }, ctx: ToolContext) {
    const cleaned = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as MetricFilters;
    const access = performanceAccess(ctx.caller, { metric, filters: cleaned }, ctx.store.users);
    if (!access.allowed) return { status: access.status, message: access.message };
    try {
      return await ctx.analytics.performance.run({
        metric,
        dimension,
        filters: cleaned,
        period,
        compareTo,
        asOf: ctx.asOf,
        territories: access.territories,
        settings: { deadEndDays: ctx.nba.deadEndDays, caps: ctx.nba.weights.caps },
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'INVALID_INPUT') return { status: 'invalid' as const, message: error.message };
      throw error;
    }
  },
  refinable: true,
});
