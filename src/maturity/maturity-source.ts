import type { Hcp } from '../domain/hcp.ts';
import type { InteractionActivity } from '../domain/interaction.ts';

/** An interaction as the maturity measures read it: the NBA engine's fields plus the HCP and the content module sent. */
export interface MaturityInteraction extends InteractionActivity {
  hcpId: string;
  contentModuleId: string | null;
}

/** A rep's field note (the text is data: it is only matched against a fixed pattern, never followed). */
export interface MaturityNote {
  id: string;
  hcpId: string;
  writtenAt: string;
  text: string;
}

/** A recommendation or territory plan from the decision log, with the HCPs it was about and its feedback. */
export interface MaturityDecision {
  id: string;
  kind: 'recommendation' | 'plan';
  /** The moment the recommendation was computed for (its payload's asOf; else when it was recorded). */
  asOf: string;
  /** One HCP for a recommendation; every HCP listed for a plan. */
  hcpIds: string[];
  /** Feedback records (accept, dismiss, snooze) referring to it. */
  feedback: number;
}

/**
 * What the maturity engine reads. Narrow on purpose: a PostgreSQL store implements the same four
 * reads. `queries` is the text of each read, reported as evidence with the numbers.
 */
export interface MaturityDataSource {
  /** Every HCP in the territories (undefined: all). */
  hcps(territories: readonly string[] | undefined): Hcp[];
  /** Interactions of the HCPs in [since, until), grouped by HCP, oldest first; an HCP without rows is missing. */
  interactions(hcpIds: readonly string[], since: string, until: string): Map<string, MaturityInteraction[]>;
  /** Rep notes (kind rep) of the HCPs in [since, until), grouped by HCP, oldest first. */
  repNotes(hcpIds: readonly string[], since: string, until: string): Map<string, MaturityNote[]>;
  /** Recommendations and plans computed for a moment in [since, until), oldest first. */
  decisions(since: string, until: string): MaturityDecision[];
  readonly queries: { interactions: string; repNotes: string; decisions: string };
}
