import { AppError } from '../core/app-error.ts';
import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { checkContentFilters, eligibleModules, type ContentFilters } from './content-filters.ts';
import type { ContentVectorIndex, SyncSummary } from './content-vector-index.ts';

export type RankingMode = 'hybrid' | 'lexical' | 'vector';

export interface ContentSearchResult {
  id: string;
  version: number;
  mlrCode: string;
  title: string;
  kind: ContentModule['kind'];
  purpose: ContentModule['purpose'];
  brandName: string;
  genericName: string;
  /** The sentence of the module that best matches the query. */
  passage: string;
  /** Why the module passed every hard filter. */
  passedBecause: string[];
  /** 1-based ranks in each ranking, null where it did not appear. */
  ranks: { lexical: number | null; vector: number | null };
  score: number;
}

/** Reciprocal rank fusion constant (Cormack et al., 2009). */
const RRF_K = 60;
const CANDIDATES = 100;
const stopWords = new Set(
  'a an and are as at be by can do does for from has have how i in is it me my of on or our she he her his the to was what when which who why with you your about any there this that these those should would could'.split(' '),
);

/** Lay words and the words labels use for them ("side effects" are "adverse reactions" in a label). */
const labelVocabulary: [RegExp, string][] = [[/\bside[- ]effects?\b/g, 'side effects adverse reactions']];

/** Query words for the lexical ranking: lower case, stop words dropped, hyphenated codes kept whole. */
export function queryTerms(query: string): string[] {
  let text = query.toLowerCase();
  for (const [lay, label] of labelVocabulary) text = text.replace(lay, label);
  const words = text
    .split(/[\s,;:!?()[\]{}"'`]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word.length > 1 && !stopWords.has(word));
  return [...new Set(words)].slice(0, 32);
}

/**
 * The approved-content library: modules from the store, a lexical (FTS5 bm25) ranking and a vector
 * (hnswlib) ranking, merged by reciprocal rank fusion. Hard filters decide eligibility before either
 * ranking runs; results are checked against the filters once more before they leave.
 */
export class ApprovedContentLibrary {
  /** Read on first use or refresh, not in the constructor: refresh() right after would read them twice. */
  private modules: ContentModule[] | undefined;

  constructor(
    private readonly store: OmniStore,
    private readonly vectorIndex: ContentVectorIndex | null,
  ) {}

  /** Re-reads the modules and brings the vector index up to date (embedding only changed text). */
  async refresh(): Promise<SyncSummary | null> {
    this.modules = this.store.contentModules.list();
    if (!this.vectorIndex) return null;
    // Drafts and withdrawn modules can never be returned, so they are not embedded (a draft that is
    // approved later is embedded on the next refresh).
    const searchable = this.modules.filter((module) => module.status === 'approved' || module.status === 'expired');
    const summary = await this.vectorIndex.sync(searchable);
    if (summary.added + summary.changed + summary.removed > 0) this.vectorIndex.save();
    return summary;
  }

  async search(query: string, filters: ContentFilters, options: { limit?: number; mode?: RankingMode } = {}): Promise<ContentSearchResult[]> {
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
    const mode = options.mode ?? (this.vectorIndex ? 'hybrid' : 'lexical');
    this.modules ??= this.store.contentModules.list();
    const eligible = eligibleModules(this.modules, filters);
    // Keyed by id@version: the form both rankings return.
    const byKey = new Map([...eligible.values()].map((entry) => [moduleKey(entry.module), entry]));
    const terms = queryTerms(query);

    const lexical: string[] = [];
    if (mode !== 'vector' && terms.length > 0) {
      // Ask for more than needed: ineligible modules are dropped after the text match.
      for (const hit of this.store.contentModules.lexicalSearch(terms, CANDIDATES * 10)) {
        const key = `${hit.id}@${hit.version}`;
        if (byKey.has(key)) lexical.push(key);
        if (lexical.length === CANDIDATES) break;
      }
    }
    const vector: string[] = [];
    if (mode !== 'lexical') {
      if (!this.vectorIndex) throw new AppError('INVALID_INPUT', 'vector ranking needs the content index; run omni content index');
      // Sentence vectors barely register which product a question names, so when it names one, the
      // vector ranking keeps to that product's modules and product-neutral ones (templates).
      const named = namedProducts(query, eligible.values());
      const onTopic = (key: string) => {
        const module = byKey.get(key)?.module;
        return module !== undefined && (named.size === 0 || module.brandName === '' || named.has(module.brandName.toLowerCase()));
      };
      const embedded = await this.vectorIndex.embedQuery(query);
      for (const hit of this.vectorIndex.search(embedded, CANDIDATES, onTopic)) vector.push(hit.key);
    }

    const scores = new Map<string, { score: number; lexical: number | null; vector: number | null }>();
    const add = (keys: string[], which: 'lexical' | 'vector') =>
      keys.forEach((key, index) => {
        const entry = scores.get(key) ?? { score: 0, lexical: null, vector: null };
        entry.score += 1 / (RRF_K + index + 1);
        entry[which] = index + 1;
        scores.set(key, entry);
      });
    add(lexical, 'lexical');
    add(vector, 'vector');

    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key, ranking]) => {
        const { module, reasons } = byKey.get(key)!;
        // Defence in depth: a result that fails a filter is a bug, never an answer.
        if (!checkContentFilters(module, filters).passed) throw new AppError('INTERNAL', 'a search result failed the content filters');
        return {
          id: module.id,
          version: module.version,
          mlrCode: module.mlrCode,
          title: module.title,
          kind: module.kind,
          purpose: module.purpose,
          brandName: module.brandName,
          genericName: module.genericName,
          passage: bestPassage(module.body, terms),
          passedBecause: reasons,
          ranks: { lexical: ranking.lexical, vector: ranking.vector },
          score: ranking.score,
        };
      });
  }
}

/** Brands (lower case) whose brand or generic name the query mentions as whole words. */
function namedProducts(query: string, eligible: Iterable<{ module: ContentModule }>): Set<string> {
  const text = ` ${query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const named = new Set<string>();
  for (const { module } of eligible) {
    if (module.brandName === '') continue;
    const brand = module.brandName.toLowerCase();
    if (named.has(brand)) continue;
    for (const name of [brand, module.genericName.toLowerCase()]) {
      const words = name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (words.length > 2 && text.includes(` ${words} `)) named.add(brand);
    }
  }
  return named;
}

/** The sentence sharing most words with the query (the first sentence when none does). */
function bestPassage(body: string, terms: readonly string[]): string {
  const sentences = body.split(/(?<=[.!?])\s+|\n+/).map((sentence) => sentence.trim()).filter(Boolean);
  let best = sentences[0] ?? '';
  let bestHits = 0;
  for (const sentence of sentences) {
    const lower = sentence.toLowerCase();
    const hits = terms.filter((term) => lower.includes(term)).length;
    if (hits > bestHits) {
      best = sentence;
      bestHits = hits;
    }
  }
  return best.length > 300 ? `${best.slice(0, 299)}…` : best;
}
