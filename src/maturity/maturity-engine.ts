import { AppError } from '../core/app-error.ts';
import { addDays } from '../core/dates.ts';
import { UNASSIGNED_TERRITORY, type Hcp } from '../domain/hcp.ts';
import { RECENT_WINDOW_DAYS, type SignalSettings } from '../nba/signals.ts';
import { MaturityMeasures, type DimensionMeasure, type MetricResult, type QueryName } from './measures.ts';
import type { MaturityDataSource } from './maturity-source.ts';
import { actionSentence, chooseNextStep, OVERALL_RULE, overallStage, placeDimension, relativeGap, type DimensionPlacement, type NextStep, type Shortfall } from './stages.ts';
import { loadMaturityThresholds, stageLabel, type DimensionName, type MaturityThresholds, type StageId } from './thresholds.ts';
import type { Caller } from '../compliance/caller.ts';

export const dimensionLabels: Record<DimensionName, string> = {
  automation: 'Automation',
  data: 'Data (unified HCP view)',
  segmentation: 'Segmentation',
  relevance: 'Relevance of content',
  testing: 'Testing',
  analysis: 'Analysis (use of recommendations and feedback)',
  teams: 'Teams (field, medical and digital handoffs)',
};

export interface DimensionAssessment {
  dimension: DimensionName;
  label: string;
  stage: StageId | 'unknown';
  stageLabel: string;
  /** Every measure with its numerator, denominator and a sentence stating them. */
  metrics: MetricResult[];
  /** The stage above and the minimums not met yet. */
  next: { stage: StageId; stageLabel: string; unmet: Shortfall[] } | null;
  /** One concrete action towards the next stage (for the measure furthest short of it). */
  nextAction: string | null;
  unknownReason: string | null;
  definition: string;
  /** The reads the numbers come from: keys of MaturityAssessment.queries. */
  queries: QueryName[];
  examples: { label: string; ids: string[] }[];
  caveat: string | null;
}

export interface MaturityAssessment {
  asOf: string;
  period: { since: string; until: string; days: number };
  /**
   * `hcps`: the HCPs measured, those the organisation engages (ENGAGED_RULE); `leftOut`: the others in
   * the territories read (unassigned and never contacted, e.g. an NPPES import of real clinicians).
   */
  scope: { territories: string[] | 'all'; hcps: number; leftOut: number };
  thresholds: { version: string; sha256: string };
  /** The SQL (or other store's query text) of each read, by name. */
  queries: Record<QueryName, string>;
  overall: { stage: StageId | 'unknown'; stageLabel: string; rule: string; basedOn: DimensionName[] };
  /** The one next step with the biggest gap; null at the top stage or when nothing is known. */
  nextStep: NextStep | null;
  dimensions: DimensionAssessment[];
}

/** Which HCPs the read-out measures; the others are counted as left out. */
export const ENGAGED_RULE = 'HCPs assigned to a territory, or with an interaction on record';

/** HCPs read and measured at a time. */
const CHUNK = 500;
/** Only the interest computation reads these; the frequency caps play no part in it. */
const INTEREST_CAPS: SignalSettings['caps'] = { contacts7Days: 3, contacts30Days: 8 };

/**
 * "Where are we on omnichannel maturity, and what do we build next?", answered from the data: each
 * dimension measured over the caller's HCPs (a manager: the team's territories; an admin: all),
 * placed on a stage by the versioned thresholds (data/maturity/thresholds.json), an overall stage
 * and the one next step with the biggest gap. Read-only.
 */
export class MaturityEngine {
  private readonly thresholds: MaturityThresholds;
  private readonly deadEndDays: number;

  constructor(
    private readonly source: MaturityDataSource,
    options: { thresholds?: MaturityThresholds; deadEndDays?: number } = {},
  ) {
    this.thresholds = options.thresholds ?? loadMaturityThresholds();
    this.deadEndDays = options.deadEndDays ?? 14;
  }

  /** Throws FORBIDDEN for anyone but a manager, an admin or the local operator; INVALID_INPUT for a bad date or period. */
  assess(caller: Caller, asOf: string, options: { periodDays?: number } = {}): MaturityAssessment {
    if (caller.role !== null && caller.role !== 'manager' && caller.role !== 'admin') {
      throw new AppError('FORBIDDEN', 'the omnichannel maturity read-out is for managers and admins');
    }
    const asOfMs = Date.parse(asOf);
    if (Number.isNaN(asOfMs)) throw new AppError('INVALID_INPUT', `asOf is not a date-time: ${asOf}`);
    const periodDays = options.periodDays ?? this.thresholds.windows.periodDays;
    if (!Number.isInteger(periodDays) || periodDays < 7 || periodDays > 730) throw new AppError('INVALID_INPUT', 'the period must be 7 to 730 days');

    const now = new Date(asOfMs).toISOString();
    const since = addDays(now, -periodDays);
    const until = new Date(asOfMs + 1).toISOString(); // [since, until) includes asOf itself
    const readSince = addDays(since, -RECENT_WINDOW_DAYS); // history for interest and for triggers just before the period
    const territories = caller.scope.territories;
    const inTerritories = this.source.hcps(territories);
    const hcps = this.engaged(inTerritories, until);
    const measures = new MaturityMeasures({
      asOf: now,
      since,
      windows: this.thresholds.windows,
      signalSettings: { deadEndDays: this.deadEndDays, caps: INTEREST_CAPS },
    });
    for (let start = 0; start < hcps.length; start += CHUNK) {
      const chunk = hcps.slice(start, start + CHUNK);
      const ids = chunk.map((hcp) => hcp.id);
      const rows = this.source.interactions(ids, readSince, until);
      const notes = this.source.repNotes(ids, since, until);
      for (const hcp of chunk) measures.addHcp(hcp, rows.get(hcp.id) ?? [], notes.get(hcp.id) ?? []);
    }
    const results = measures.finish(this.source.decisions(since, until));

    const placements = new Map<DimensionName, DimensionPlacement>(results.map((measure) => [measure.dimension, placeDimension(measure, this.thresholds)]));
    const overall = overallStage([...placements.values()].map((placement) => placement.stage));
    return {
      asOf: now,
      period: { since, until: now, days: periodDays },
      scope: { territories: territories === undefined ? 'all' : [...territories], hcps: hcps.length, leftOut: inTerritories.length - hcps.length },
      thresholds: { version: this.thresholds.version, sha256: this.thresholds.sha256 },
      queries: { ...this.source.queries },
      overall: {
        stage: overall,
        stageLabel: overall === 'unknown' ? 'Unknown' : stageLabel(this.thresholds, overall),
        rule: OVERALL_RULE,
        basedOn: results.filter((measure) => placements.get(measure.dimension)!.stage !== 'unknown').map((measure) => measure.dimension),
      },
      nextStep: chooseNextStep(results, placements, overall, this.thresholds),
      dimensions: results.map((measure) => this.dimensionAssessment(measure, placements.get(measure.dimension)!)),
    };
  }

  /**
   * The HCPs the organisation engages (ENGAGED_RULE): an unassigned HCP (an NPPES clinician nobody
   * covers) counts only once someone has interacted with them before `until`.
   */
  private engaged(hcps: readonly Hcp[], until: string): Hcp[] {
    const unassigned = hcps.filter((hcp) => hcp.territory === UNASSIGNED_TERRITORY).map((hcp) => hcp.id);
    if (unassigned.length === 0) return [...hcps];
    const contacted = new Set<string>();
    for (let start = 0; start < unassigned.length; start += CHUNK) {
      for (const id of this.source.interactions(unassigned.slice(start, start + CHUNK), '', until).keys()) contacted.add(id);
    }
    return hcps.filter((hcp) => hcp.territory !== UNASSIGNED_TERRITORY || contacted.has(hcp.id));
  }

  private dimensionAssessment(measure: DimensionMeasure, placement: DimensionPlacement): DimensionAssessment {
    const next = placement.next;
    let nextAction: string | null = null;
    if (next) {
      // The action for the minimum furthest short (relative), as for the overall next step.
      const worst = relativeGap(measure, this.thresholds, next.stage).worst!;
      nextAction = actionSentence(measure.dimension, measure.metrics.find((metric) => metric.name === worst.metric)!, worst, next.stage, this.thresholds);
    }
    return {
      dimension: measure.dimension,
      label: dimensionLabels[measure.dimension],
      stage: placement.stage,
      stageLabel: placement.stage === 'unknown' ? 'Unknown' : stageLabel(this.thresholds, placement.stage),
      metrics: measure.metrics,
      next: next ? { stage: next.stage, stageLabel: stageLabel(this.thresholds, next.stage), unmet: next.unmet } : null,
      nextAction,
      unknownReason: placement.unknownReason,
      definition: measure.definition,
      queries: measure.queries,
      examples: measure.examples,
      caveat: measure.caveat,
    };
  }
}
