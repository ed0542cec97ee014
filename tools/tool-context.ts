import type { PerformanceMetrics } from '../src/analytics/performance-metrics.ts';
import type { DecisionLog } from '../src/domain/decision-record.ts';
import type { OmniStore } from '../src/domain/repositories.ts';
import type { User } from '../src/domain/user.ts';
import type { FieldInsights } from '../src/insights/field-insights.ts';
import type { MaturityEngine } from '../src/maturity/maturity-engine.ts';
import type { NbaDependencies } from '../src/nba/next-best-actions.ts';
import type { ContentSearchResult, RankingMode } from '../src/retrieval/approved-content-search.ts';
import type { ContentFilters } from '../src/retrieval/content-filters.ts';
import type { Caller } from '../src/compliance/caller.ts';

/** Approved-content search as tools use it (ApprovedContentLibrary.search). */
export interface ContentSearcher {
  search(query: string, filters: ContentFilters, options?: { limit?: number; mode?: RankingMode }): Promise<ContentSearchResult[]>;
}

/**
 * What every tool receives besides its input. Identity and access come from here (set by the front
 * end from who is signed in), never from the model's arguments.
 */
export interface ToolContext {
  /** The signed-in user. */
  user: User;
  /** Their id, role and scope, plus the model and prompt behind this turn (recorded with every decision). */
  caller: Caller;
  /** "Now" for this turn (ISO instant): consents, content approval and signals are judged as of it. */
  asOf: string;
  store: OmniStore;
  nba: NbaDependencies;
  content: ContentSearcher;
  decisionLog: DecisionLog;
  /** Read-only analytics for medical affairs and managers (issue 7), built once per store. */
  analytics: AnalyticsContext;
}

/**
 * The analytics engines tools read through. Each is built over the store by createAnalyticsContext
 * (src/container.ts); access checks stay in the tools, from ctx.caller.
 */
export interface AnalyticsContext {
  /** What the field is hearing: themes, questions, competitors, possible adverse events (src/insights/, summarize_field_insights). */
  fieldInsights: FieldInsights;
  performance: PerformanceMetrics;
  /** The omnichannel maturity read-out (src/maturity/, assess_maturity). */
  maturity: Pick<MaturityEngine, 'assess'>;
}
