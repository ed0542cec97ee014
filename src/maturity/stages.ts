import type { DimensionMeasure, MetricResult } from './measures.ts';
import { dimensionNames, raisedStages, stageIds, stageLabel, type DimensionName, type MaturityThresholds, type MetricName, type StageId } from './thresholds.ts';

/** A requirement of a stage that the data does not meet yet. */
export interface Shortfall {
  metric: MetricName;
  required: number;
  value: number | null;
}

export interface DimensionPlacement {
  stage: StageId | 'unknown';
  /** The stage above, and what it still needs; null at the top stage or when unknown. */
  next: { stage: StageId; unmet: Shortfall[] } | null;
  /** Why the stage is unknown (no measure, nothing to measure). */
  unknownReason: string | null;
}

/**
 * A dimension's stage: the highest stage whose every minimum (data/maturity/thresholds.json) its
 * measures meet, the stages below included. Unknown when the data holds no measure, or when a
 * measure the first raised stage needs has nothing to count (an empty denominator).
 */
export function placeDimension(measure: DimensionMeasure, thresholds: MaturityThresholds): DimensionPlacement {
  if (!measure.measured) return { stage: 'unknown', next: null, unknownReason: measure.metrics[0]?.detail ?? 'No measure in the data.' };
  const values = new Map(measure.metrics.map((metric) => [metric.name, metric.value]));
  const requirements = thresholds.dimensions[measure.dimension];
  const firstNeeds = Object.keys(requirements.coordinated_multichannel) as MetricName[];
  const empty = firstNeeds.filter((metric) => (values.get(metric) ?? null) === null);
  if (empty.length > 0) {
    const details = measure.metrics.filter((metric) => empty.includes(metric.name)).map((metric) => metric.detail);
    return { stage: 'unknown', next: null, unknownReason: `Nothing to measure in the period: ${details.join(' ')}` };
  }
  let stage: StageId = 'fragmented';
  for (const candidate of raisedStages) {
    const unmet = shortfalls(values, requirements[candidate]);
    if (unmet.length > 0) return { stage, next: { stage: candidate, unmet }, unknownReason: null };
    stage = candidate;
  }
  return { stage, next: null, unknownReason: null };
}

function shortfalls(values: Map<MetricName, number | null>, requirements: Partial<Record<MetricName, number>>): Shortfall[] {
  const unmet: Shortfall[] = [];
  for (const [metric, required] of Object.entries(requirements) as [MetricName, number][]) {
    const value = values.get(metric) ?? null;
    if (value === null || value < required) unmet.push({ metric, required, value });
  }
  return unmet;
}

/**
 * How far a dimension is from a stage's requirements: the largest relative shortfall over the
 * stage's minimums, (required − value) / required, 1 for a measure with nothing to count; 0 when met.
 */
export function relativeGap(measure: DimensionMeasure, thresholds: MaturityThresholds, stage: StageId): { gap: number; worst: Shortfall | null } {
  if (stage === 'fragmented') return { gap: 0, worst: null };
  const values = new Map(measure.metrics.map((metric) => [metric.name, metric.value]));
  let gap = 0;
  let worst: Shortfall | null = null;
  for (const shortfall of shortfalls(values, thresholds.dimensions[measure.dimension][stage])) {
    const relative = shortfall.value === null ? 1 : shortfall.required > 0 ? Math.min(1, (shortfall.required - shortfall.value) / shortfall.required) : 1;
    if (relative > gap || worst === null) {
      gap = relative;
      worst = shortfall;
    }
  }
  return { gap: Math.round(gap * 10_000) / 10_000, worst };
}

export const OVERALL_RULE =
  'The lower median of the measured dimensions\' stages (unknown ones left out): at least half of them are at this stage or above, and no more than half above it. One strong dimension cannot lift the organisation, and one weak one cannot sink it.';

/** The organisation's stage: the lower median of the known dimension stages; unknown when none is known. */
export function overallStage(stages: readonly (StageId | 'unknown')[]): StageId | 'unknown' {
  const known = stages.filter((stage): stage is StageId => stage !== 'unknown').map((stage) => stageIds.indexOf(stage)).sort((a, b) => a - b);
  if (known.length === 0) return 'unknown';
  return stageIds[known[Math.floor((known.length - 1) / 2)]!]!;
}

export interface NextStep {
  dimension: DimensionName;
  /** The dimension's stage now. */
  from: StageId;
  /** The stage after the overall stage: where the organisation goes next. */
  to: StageId;
  /** Relative shortfall against that stage's minimums (0–1); the largest of all dimensions. */
  gap: number;
  metric: MetricName;
  required: number;
  value: number | null;
  sentence: string;
}

/**
 * "The one next step with the biggest gap": for the stage after the overall stage, the dimension
 * whose measures fall furthest short of that stage's minimums (relativeGap); ties go to the lower
 * stage, then to the dimension listed first. null at the top stage, or when no dimension is known.
 */
export function chooseNextStep(
  measures: readonly DimensionMeasure[],
  placements: ReadonlyMap<DimensionName, DimensionPlacement>,
  overall: StageId | 'unknown',
  thresholds: MaturityThresholds,
): NextStep | null {
  if (overall === 'unknown' || overall === 'ai_driven') return null;
  const target = stageIds[stageIds.indexOf(overall) + 1]!;
  let best: (NextStep & { fromIndex: number; order: number }) | null = null;
  for (const measure of measures) {
    const placement = placements.get(measure.dimension)!;
    if (placement.stage === 'unknown' || stageIds.indexOf(placement.stage) >= stageIds.indexOf(target)) continue;
    const { gap, worst } = relativeGap(measure, thresholds, target);
    if (!worst) continue;
    const fromIndex = stageIds.indexOf(placement.stage);
    const order = dimensionNames.indexOf(measure.dimension);
    if (best && (gap < best.gap || (gap === best.gap && (fromIndex > best.fromIndex || (fromIndex === best.fromIndex && order > best.order))))) continue;
    const metric = measure.metrics.find((candidate) => candidate.name === worst.metric)!;
    best = {
      dimension: measure.dimension,
      from: placement.stage,
      to: target,
      gap,
      metric: worst.metric,
      required: worst.required,
      value: worst.value,
      sentence: actionSentence(measure.dimension, metric, worst, target, thresholds),
      fromIndex,
      order,
    };
  }
  if (!best) return null;
  const { fromIndex: _fromIndex, order: _order, ...step } = best;
  return step;
}

/** "Teams: <the action>. Today: <the numbers>. <Stage> needs <measure> of at least <minimum>." */
export function actionSentence(dimension: DimensionName, metric: MetricResult, shortfall: Shortfall, target: StageId, thresholds: MaturityThresholds): string {
  const action = thresholds.actions[shortfall.metric].replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (key === 'requiredValue') return formatMetric(shortfall.metric, shortfall.required);
    const value = (thresholds.windows as Record<string, number>)[key];
    return value === undefined ? whole : String(value);
  });
  const name = dimension.charAt(0).toUpperCase() + dimension.slice(1);
  return `${name}: ${action} Today: ${metric.detail} ${stageLabel(thresholds, target)} needs ${metric.label} of at least ${formatMetric(shortfall.metric, shortfall.required)}.`;
}

/** A measure's value as people read it: shares in percent, the intensity ratio as "×", correlations as decimals. */
export function formatMetric(metric: MetricName, value: number | null): string {
  if (value === null) return 'n/a';
  if (metric === 'segment_intensity_ratio') return `${value}×`;
  if (metric === 'within_segment_responsiveness') return value.toFixed(2);
  return `${Math.round(value * 1_000) / 10}%`;
}
