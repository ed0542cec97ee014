/**
 * Ranking metrics for the retrieval eval. Pure functions over a ranked list of ids (best first)
 * and the set of ids labelled relevant for the query.
 */

function relevantSet(relevant: Iterable<string>): ReadonlySet<string> {
  const set = new Set(relevant);
  if (set.size === 0) throw new RangeError('a query needs at least one relevant id');
  return set;
}

function positiveInteger(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

/**
 * recall@k: the share of the relevant ids that appear among the first k results
 * (|relevant ∩ top k| / |relevant|). A ranked id repeated counts once.
 */
export function recallAtK(ranked: readonly string[], relevant: Iterable<string>, k: number): number {
  positiveInteger(k, 'k');
  const wanted = relevantSet(relevant);
  const found = new Set(ranked.slice(0, k).filter((id) => wanted.has(id)));
  return found.size / wanted.size;
}

/** The 1-based rank of the first relevant id within the first `cutoff` results, or null if none. */
export function firstRelevantRank(ranked: readonly string[], relevant: Iterable<string>, cutoff = 10): number | null {
  positiveInteger(cutoff, 'cutoff');
  const wanted = relevantSet(relevant);
  const index = ranked.slice(0, cutoff).findIndex((id) => wanted.has(id));
  return index === -1 ? null : index + 1;
}

/** Reciprocal rank of the first relevant id within the first `cutoff` results (default 10), 0 if none. */
export function reciprocalRank(ranked: readonly string[], relevant: Iterable<string>, cutoff = 10): number {
  const rank = firstRelevantRank(ranked, relevant, cutoff);
  return rank === null ? 0 : 1 / rank;
}

/** Arithmetic mean; NaN for an empty list (there is nothing to average). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean reciprocal rank over queries, each given as its ranked ids and relevant ids. */
export function meanReciprocalRank(queries: readonly { ranked: readonly string[]; relevant: Iterable<string> }[], cutoff = 10): number {
  return mean(queries.map((query) => reciprocalRank(query.ranked, query.relevant, cutoff)));
}

/** Mean recall@k over queries. */
export function meanRecallAtK(queries: readonly { ranked: readonly string[]; relevant: Iterable<string> }[], k: number): number {
  return mean(queries.map((query) => recallAtK(query.ranked, query.relevant, k)));
}
