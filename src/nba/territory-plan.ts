import { hcpDisplayName } from '../domain/hcp.ts';
import { NbaEvaluator, summarise, type Caller, type NbaDependencies, type ScoredAction } from './next-best-actions.ts';

export interface PlanEntry {
  rank: number;
  hcp: { id: string; name: string; territory: string; specialty: string; segment: string | null };
  action: ScoredAction;
  /** The sentence of the signal that added most to the score. */
  topReason: string;
  /** Open items worth a glance: dead ends and open medical questions. */
  flags: ('dead_end' | 'open_medical_question' | 'follow_up_due')[];
}

export interface TerritoryPlan {
  planId: string;
  asOf: string;
  territories: readonly string[] | 'all';
  hcpsConsidered: number;
  weightsVersion: string;
  entries: PlanEntry[];
}

/**
 * "Who should I see this week?": every HCP the caller may see, each with their best allowed action,
 * ranked by its score ("wait" last). The plan as shown is written to the decision log first.
 */
export function planTerritory(deps: NbaDependencies, caller: Caller, asOf: string, options: { limit?: number } = {}): TerritoryPlan {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 500);
  const evaluator = new NbaEvaluator(deps);
  const hcps = deps.store.hcps.listInTerritories(caller.scope.territories);
  const ranked: Omit<PlanEntry, 'rank'>[] = [];
  // The batch path: the same evaluation per HCP as evaluate(), with reads shared across HCPs.
  for (const { hcp, signals, actions } of evaluator.evaluateMany(hcps, caller, asOf)) {
    const action = actions.find((candidate) => candidate.allowed)!;
    const top = action.contributions.filter((entry) => entry.contribution > 0).sort((a, b) => b.contribution - a.contribution)[0];
    const flags = (['dead_end', 'open_medical_question', 'follow_up_due'] as const).filter((name) => signals.common.find((signal) => signal.name === name)?.value);
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
      entries: entries.map((entry) => ({ rank: entry.rank, hcpId: entry.hcp.id, topReason: entry.topReason, flags: entry.flags, action: summarise(entry.action) })),
      weights: { version: deps.weights.version, sha256: deps.weights.sha256 },
      deadEndDays: deps.deadEndDays,
      model: caller.provenance?.model ?? null,
      prompt: caller.provenance ? { name: caller.provenance.promptName, sha256: caller.provenance.promptSha256 } : null,
    },
  });
  return { planId: record.id, asOf, territories: caller.scope.territories ?? 'all', hcpsConsidered: hcps.length, weightsVersion: deps.weights.version, entries };
}
