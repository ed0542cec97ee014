import { hcpDisplayName, type Hcp } from '../domain/hcp.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { NbaEvaluator, summarise, type NbaDependencies, type ScoredAction } from './next-best-actions.ts';
import type { Caller } from '../compliance/caller.ts';
import { consentRulesProvenance } from '../compliance/consent-jurisdictions.ts';

export interface PlanEntry {
  rank: number;
  hcp: { id: string; name: string; territory: string; specialty: string; segment: string | null };
  action: ScoredAction;
  /** The sentence of the signal that added most to the score. */
  topReason: string;
  /** Open items worth a glance: dead ends, open medical questions, follow-ups due, no field visit in 90 days. */
  flags: PlanFlag[];
}

export type PlanFlag = 'dead_end' | 'open_medical_question' | 'follow_up_due' | 'no_recent_visit';

/** "Which of my rheumatologists in Portland have open medical questions?": narrows the plan; every filter is applied or the plan says it matched nothing. */
export interface PlanFilters {
  /** Part of the specialty, any case ("rheumatology"). */
  specialty?: string | null;
  city?: string | null;
  segment?: string | null;
  flag?: PlanFlag | null;
  /** HCPs whose consent for this channel (promotional, all products) is in this state; "none" = no record. */
  consent?: { channel: Channel; status: 'granted' | 'revoked' | 'expired' | 'none' } | null;
}

/** No completed field visit in the last 90 days (the days-since-visit signal at its ceiling). */
const VISIT_OVERDUE = 1;

export interface TerritoryPlan {
  planId: string;
  asOf: string;
  territories: readonly string[] | 'all';
  hcpsConsidered: number;
  /** HCPs that passed every filter (entries holds the first `limit` of them). */
  matched: number;
  weightsVersion: string;
  entries: PlanEntry[];
}

/**
 * "Who should I see this week?": every HCP the caller may see, each with their best allowed action,
 * ranked by its score ("wait" last). The plan as shown is written to the decision log first.
 */
export function planTerritory(deps: NbaDependencies, caller: Caller, asOf: string, options: { limit?: number; filters?: PlanFilters } = {}): TerritoryPlan {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 500);
  const filters = options.filters ?? {};
  const evaluator = new NbaEvaluator(deps);
  const inScope = deps.store.hcps.listInTerritories(caller.scope.territories);
  const hcps = inScope.filter((hcp) => matchesProfile(hcp, filters));
  const ranked: Omit<PlanEntry, 'rank'>[] = [];
  // The batch path: the same evaluation per HCP as evaluate(), with reads shared across HCPs.
  for (const { hcp, signals, actions, consents } of evaluator.evaluateMany(hcps, caller, asOf)) {
    const action = actions.find((candidate) => candidate.allowed)!;
    const top = action.contributions.filter((entry) => entry.contribution > 0).sort((a, b) => b.contribution - a.contribution)[0];
    const flags: PlanFlag[] = (['dead_end', 'open_medical_question', 'follow_up_due'] as const).filter((name) => signals.common.find((signal) => signal.name === name)?.value);
    if ((signals.common.find((signal) => signal.name === 'days_since_visit')?.value ?? 0) >= VISIT_OVERDUE) flags.push('no_recent_visit');
    if (filters.flag && !flags.includes(filters.flag)) continue;
    if (filters.consent) {
      const wanted = filters.consent;
      const state = consents.find((consent) => consent.channel === wanted.channel && consent.purpose === 'promotional' && consent.productId === null);
      if ((state?.status ?? 'none') !== wanted.status) continue;
    }
    ranked.push({
      hcp: { id: hcp.id, name: hcpDisplayName(hcp), territory: hcp.territory, specialty: hcp.specialty, segment: hcp.segment },
      action,
      topReason: top?.sentence ?? 'Nothing stands out.',
      flags,
    });
  }
  ranked.sort((a, b) => Number(a.action.kind === 'wait') - Number(b.action.kind === 'wait') || b.action.score - a.action.score || a.hcp.id.localeCompare(b.hcp.id));
  const entries = ranked.slice(0, limit).map((entry, index) => ({ rank: index + 1, ...entry }));
  const record = deps.decisionLog.append({
    kind: 'plan',
    actorId: caller.actorId,
    hcpId: null,
    refersTo: null,
    payload: {
      asOf,
      territories: caller.scope.territories ?? 'all',
      hcpsConsidered: hcps.length,
      filters,
      matched: ranked.length,
      entries: entries.map((entry) => ({ rank: entry.rank, hcpId: entry.hcp.id, topReason: entry.topReason, flags: entry.flags, action: summarise(entry.action) })),
      weights: { version: deps.weights.version, sha256: deps.weights.sha256 },
      consentRules: consentRulesProvenance(deps.consentRules),
      deadEndDays: deps.deadEndDays,
      model: caller.provenance?.model ?? null,
      prompt: caller.provenance ? { name: caller.provenance.promptName, sha256: caller.provenance.promptSha256 } : null,
    },
  });
  return { planId: record.id, asOf, territories: caller.scope.territories ?? 'all', hcpsConsidered: hcps.length, matched: ranked.length, weightsVersion: deps.weights.version, entries };
}

function matchesProfile(hcp: Hcp, filters: PlanFilters): boolean {
  const has = (value: string | null | undefined, part: string) => (value ?? '').toLowerCase().includes(part.toLowerCase());
  if (filters.specialty && !has(hcp.specialty, filters.specialty)) return false;
  if (filters.city && (hcp.city ?? '').toLowerCase() !== filters.city.toLowerCase()) return false;
  if (filters.segment && hcp.segment !== filters.segment) return false;
  return true;
}
