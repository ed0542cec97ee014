import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadVersionedJson } from '../core/versioned-json.ts';

/** The maturity stages, lowest first. */
export const stageIds = ['fragmented', 'coordinated_multichannel', 'data_driven_orchestration', 'ai_driven'] as const;
export type StageId = (typeof stageIds)[number];
/** The stages a dimension can be raised to (fragmented is where every dimension starts). */
export const raisedStages = ['coordinated_multichannel', 'data_driven_orchestration', 'ai_driven'] as const satisfies readonly StageId[];

/** The maturity dimensions, in the order they are reported. */
export const dimensionNames = ['automation', 'data', 'segmentation', 'relevance', 'testing', 'analysis', 'teams'] as const;
export type DimensionName = (typeof dimensionNames)[number];

/** Every measure a threshold can name, with the dimension it belongs to (src/maturity/measures.ts computes them). */
export const metricDimensions = {
  triggered_share: 'automation',
  automated_triggered_share: 'automation',
  unified_view_share: 'data',
  segment_coverage: 'segmentation',
  segment_intensity_ratio: 'segmentation',
  within_segment_responsiveness: 'segmentation',
  interest_matched_share: 'relevance',
  tested_share: 'testing',
  recommendation_coverage: 'analysis',
  feedback_rate: 'analysis',
  medical_handoff_share: 'teams',
  digital_follow_up_share: 'teams',
} as const satisfies Record<string, DimensionName>;
export type MetricName = keyof typeof metricDimensions;
/** The metric names, in metricDimensions' order (a tuple, for z.enum). */
export const metricNames = Object.keys(metricDimensions) as [MetricName, ...MetricName[]];

const Requirements = z.partialRecord(z.enum(metricNames), z.number().finite().min(-1).max(1_000));
const StageRequirements = z.object({ coordinated_multichannel: Requirements, data_driven_orchestration: Requirements, ai_driven: Requirements }).strict();

export const MaturityThresholds = z
  .object({
    version: z.string().min(1).max(60),
    about: z.string().default(''),
    stages: z.array(z.object({ id: z.enum(stageIds), label: z.string().min(1) }).strict()).length(stageIds.length),
    windows: z
      .object({
        periodDays: z.number().int().min(7).max(730),
        triggerDays: z.number().int().min(1).max(90),
        medicalHandoffDays: z.number().int().min(1).max(180),
        digitalFollowUpDays: z.number().int().min(1).max(90),
        unifiedViewChannels: z.number().int().min(2).max(13),
        minSegmentSize: z.number().int().min(2).max(1_000),
      })
      .strict(),
    dimensions: z.object(Object.fromEntries(dimensionNames.map((name) => [name, StageRequirements])) as Record<DimensionName, typeof StageRequirements>).strict(),
    actions: z.object(Object.fromEntries(metricNames.map((name) => [name, z.string().min(1)])) as Record<MetricName, z.ZodString>).strict(),
  })
  .strict()
  .superRefine((thresholds, context) => {
    thresholds.stages.forEach((stage, index) => {
      if (stage.id !== stageIds[index]) context.addIssue({ code: 'custom', path: ['stages', index], message: `stage ${index + 1} must be ${stageIds[index]}` });
    });
    for (const dimension of dimensionNames) {
      let previous: Partial<Record<MetricName, number>> = {};
      for (const stage of raisedStages) {
        const requirements = thresholds.dimensions[dimension][stage];
        if (Object.keys(requirements).length === 0) context.addIssue({ code: 'custom', path: ['dimensions', dimension, stage], message: 'a stage needs at least one minimum' });
        for (const [metric, minimum] of Object.entries(requirements) as [MetricName, number][]) {
          if (metricDimensions[metric] !== dimension) {
            context.addIssue({ code: 'custom', path: ['dimensions', dimension, stage, metric], message: `${metric} measures ${metricDimensions[metric]}, not ${dimension}` });
          }
          if (previous[metric] !== undefined && minimum < previous[metric]) {
            context.addIssue({ code: 'custom', path: ['dimensions', dimension, stage, metric], message: 'a higher stage cannot ask for less than the stage below' });
          }
        }
        // A requirement of a stage holds for every stage above it, at least as strictly.
        for (const metric of Object.keys(previous) as MetricName[]) {
          if (requirements[metric] === undefined) {
            context.addIssue({ code: 'custom', path: ['dimensions', dimension, stage], message: `${metric} is required below, so it must be required here too` });
          }
        }
        previous = { ...previous, ...requirements };
      }
    }
  });
export type MaturityThresholds = z.infer<typeof MaturityThresholds> & { sha256: string };

/** The thresholds file in the repository: data/maturity/thresholds.json. */
export const DEFAULT_THRESHOLDS_PATH = fileURLToPath(new URL('../../data/maturity/thresholds.json', import.meta.url));

/** Reads and validates a thresholds file; its version and sha256 are reported with every assessment. */
export function loadMaturityThresholds(path: string = DEFAULT_THRESHOLDS_PATH): MaturityThresholds {
  return loadVersionedJson(path, MaturityThresholds, 'maturity thresholds file');
}

export function stageLabel(thresholds: Pick<MaturityThresholds, 'stages'>, stage: StageId): string {
  return thresholds.stages.find((entry) => entry.id === stage)?.label ?? stage;
}
