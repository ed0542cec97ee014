import { SqliteDecisionLog } from './audit/sqlite-decision-log.ts';
import type { Config } from './config.ts';
import type { NbaDependencies } from './nba/next-best-actions.ts';
import { loadNbaWeights } from './nba/weights.ts';
import { ApprovedContentLibrary } from './retrieval/approved-content-search.ts';
import type { SqliteStore } from './store/sqlite-store.ts';

/**
 * Wires the next-best-action engine to a store. Content for actions is chosen by the lexical
 * (bm25) ranking: it needs no embedding model at start-up, and on the held-out retrieval queries it
 * ranks better than hybrid with the offline encoder (evals/datasets/README.md).
 */
export function createNbaDependencies(store: SqliteStore, config: Pick<Config, 'deadEndDays'>, options: { weightsPath?: string } = {}): NbaDependencies {
  return {
    store,
    content: new ApprovedContentLibrary(store, null),
    decisionLog: new SqliteDecisionLog(store.database),
    weights: loadNbaWeights(options.weightsPath),
    deadEndDays: config.deadEndDays,
  };
}
