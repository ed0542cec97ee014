import { AppError } from '../core/app-error.ts';
import { canSeeHcp } from '../compliance/access-policy.ts';
import type { Hcp } from '../domain/hcp.ts';
import { NbaEvaluator, recommendationDecision, recommendationResult, type HcpEvaluation, type NbaDependencies, type NbaResult } from './next-best-actions.ts';
import type { Caller } from '../compliance/caller.ts';

/** Records per decision-log transaction: one commit per batch instead of one per HCP; NBA records are ~15 KB, and batches of 32 to 64 measured faster than 256 (fewer held at once). */
const LOG_BATCH = 64;

/**
 * Next best actions for many HCPs: a nightly run over a territory or every HCP. The batch path
 * (NbaEvaluator.evaluateMany) scores them, and each batch of recommendations is written to the
 * decision log in one transaction (appendMany) before it is yielded: written before shown, as for one
 * HCP. If a write fails, the error is thrown and nothing of that batch is yielded (batches already
 * yielded stay written). Each result is what recommendNextBestActions would return for the HCP.
 * Every HCP must be one the caller may see (FORBIDDEN otherwise, before anything is written).
 */
export function* recommendForMany(
  deps: NbaDependencies,
  caller: Caller,
  hcps: readonly Hcp[],
  asOf: string,
  options: { batchSize?: number } = {},
): Generator<NbaResult[]> {
  const hidden = hcps.find((hcp) => !canSeeHcp(caller.scope, hcp));
  if (hidden) throw new AppError('FORBIDDEN', `HCP ${hidden.id} is outside your territories`);
  const batchSize = Math.max(1, options.batchSize ?? LOG_BATCH);
  let batch: { hcp: Hcp; evaluation: HcpEvaluation }[] = [];
  const flush = (): NbaResult[] => {
    const records = deps.decisionLog.appendMany(batch.map(({ hcp, evaluation }) => recommendationDecision(deps, caller, hcp, evaluation, asOf)));
    const results = batch.map(({ hcp, evaluation }, index) => recommendationResult(deps, hcp, evaluation, asOf, records[index]!.id));
    batch = [];
    return results;
  };
  for (const { hcp, ...evaluation } of new NbaEvaluator(deps).evaluateMany(hcps, caller, asOf)) {
    batch.push({ hcp, evaluation });
    if (batch.length === batchSize) yield flush();
  }
  if (batch.length > 0) yield flush();
}
