import { AppError } from '../core/app-error.ts';
import type { ContentModule } from '../domain/content-module.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { ContentCatalog } from './content-catalog.ts';
import { checkContentFilters, purposesFor, type ContentFilters } from './content-filters.ts';
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
/** The vector ranking's weight in the fusion (the lexical ranking's is 1); see evals/datasets/README.md. */
const VECTOR_WEIGHT = 0.4;
/** How many modules each ranking contributes to the fusion. */
const CANDIDATES = 100;
/** Rows asked of FTS5: more than CANDIDATES, since hits failing the date, audience or channel filter are dropped. */
const LEXICAL_ROWS = 300;

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
  /** Built on first use or refresh, not in the constructor: refresh() right after would read the store twice. */
  private catalogState: { catalog: ContentCatalog; revision: number } | undefined;
  /** Title words per module object; a rebuilt catalog holds new objects, so stale entries just fall away. */
  private readonly titleWords = new WeakMap<ContentModule, string[]>();

  private titleTerms(module: ContentModule): string[] {
    let words = this.titleWords.get(module);
    if (!words) {
      words = queryTerms(module.title);
      this.titleWords.set(module, words);
    }
    return words;
  }

  constructor(
    private readonly store: OmniStore,
    private readonly vectorIndex: ContentVectorIndex | null,
  ) {}

  /** Brings the catalog and the vector index up to date with the store (embedding only changed text). */
  async refresh(): Promise<SyncSummary | null> {
    const catalog = this.currentCatalog();
    if (!this.vectorIndex) return null;
    // Drafts and withdrawn modules can never be returned, so they are not embedded (a draft that is
    // approved later is embedded on the next refresh).
    const summary = await this.vectorIndex.sync(catalog.searchable);
    if (summary.added + summary.changed + summary.removed > 0) this.vectorIndex.save();
    return summary;
  }

  /**
   * The catalog of the store's modules as they are now: rebuilt whenever the store's content revision
   * moved (a module added, changed or withdrawn, by this process or another), so the hard filters never
   * judge stale rows. The vector index catches up on refresh(); until then new text is found lexically.
   */
  private currentCatalog(): ContentCatalog {
    const revision = this.store.contentModules.revision();
    if (!this.catalogState || this.catalogState.revision !== revision) {
      this.catalogState = { catalog: new ContentCatalog(this.store.contentModules.list()), revision };
    }
    return this.catalogState.catalog;
  }

  /**
   * Modules for a recommended action, without a text search: the eligible modules of the given kinds
   * for one product (and product-neutral ones), those whose title shares most words with `topic`
   * first, then the newest approval, each with the modules it requires (a claim's safety
   * information); a module whose companion is not eligible is left out. Cheap enough to call for
   * every HCP of a territory plan.
   */
  modulesFor(filters: ContentFilters, wanted: { brandName: string | null; kinds: readonly string[]; topic: string; limit: number }): ContentModule[] {
    const catalog = this.currentCatalog();
    const eligible = catalog.eligible(filters);
    const eligibleById = eligible.byId;
    const topicWords = new Set(queryTerms(wanted.topic));
    const brand = wanted.brandName?.toLowerCase() ?? null;
    const overlap = (module: ContentModule) => this.titleTerms(module).filter((word) => topicWords.has(word)).length;
    const ranked = [...eligible.byKey.values()]
      .filter((module) => wanted.kinds.includes(module.kind) && (brand === null || module.brandName === '' || module.brandName.toLowerCase() === brand))
      // A module whose required companion (a claim's safety information) is not usable here is not usable either.
      .filter((module) => module.requiredModuleIds.every((id) => eligibleById.has(id)))
      .map((module) => ({ module, score: overlap(module) + (module.brandName === '' ? 0 : 0.5) }))
      .sort((a, b) => b.score - a.score || b.module.approvedAt.localeCompare(a.module.approvedAt) || a.module.id.localeCompare(b.module.id))
      .slice(0, wanted.limit)
      .map(({ module }) => module);
    // Each chosen module brings its required companions, even past the limit.
    const chosen = new Map(ranked.map((module) => [module.id, module]));
    for (const module of ranked) for (const id of module.requiredModuleIds) if (!chosen.has(id)) chosen.set(id, eligibleById.get(id)!);
    return [...chosen.values()].map((module) => {
      // Defence in depth, as in search(): a module failing a filter is a bug, never an answer.
      if (!checkContentFilters(module, filters).passed) throw new AppError('INTERNAL', 'a content module failed the content filters');
      return module;
    });
  }

  async search(
    query: string,
    filters: ContentFilters,
    options: { limit?: number; mode?: RankingMode; vectorWeight?: number } = {},
  ): Promise<ContentSearchResult[]> {
    const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
    const mode = options.mode ?? (this.vectorIndex ? 'hybrid' : 'lexical');
    const catalog = this.currentCatalog();
    const eligible = catalog.eligible(filters);
    const terms = queryTerms(query);

    const lexical: string[] = [];
    if (mode !== 'vector' && terms.length > 0) {
      // The market and purpose filters run inside FTS5; the rest are checked on the hits.
      const scope = { market: filters.market, purposes: purposesFor(filters.purpose) };
      for (const hit of this.store.contentModules.lexicalSearch(terms, LEXICAL_ROWS, scope)) {
        const key = `${hit.id}@${hit.version}`;
        if (eligible.byKey.has(key)) lexical.push(key);
        if (lexical.length === CANDIDATES) break;
      }
    }
    const vector: string[] = [];
    if (mode !== 'lexical') {
      if (!this.vectorIndex) throw new AppError('INVALID_INPUT', 'vector ranking needs the content index; run omni content index');
      // Sentence vectors barely register which product a question names, so when it names one, the
      // vector ranking keeps to that product's modules and product-neutral ones (templates).
      const named = namedProducts(query, catalog.products, eligible.brands);
      const onTopic =
        named.size === 0
          ? eligible.byKey
          : new Set([...eligible.byKey].filter(([, module]) => module.brandName === '' || named.has(module.brandName.toLowerCase())).map(([key]) => key));
      const embedded = await this.vectorIndex.embedQuery(query);
      for (const hit of this.vectorIndex.searchEligible(embedded, CANDIDATES, onTopic)) vector.push(hit.key);
    }

    const scores = new Map<string, { score: number; lexical: number | null; vector: number | null }>();
    const add = (keys: string[], which: 'lexical' | 'vector', weight: number) =>
      keys.forEach((key, index) => {
        const entry = scores.get(key) ?? { score: 0, lexical: null, vector: null };
        entry.score += weight / (RRF_K + index + 1);
        entry[which] = index + 1;
        scores.set(key, entry);
      });
    add(lexical, 'lexical', 1);
    add(vector, 'vector', options.vectorWeight ?? VECTOR_WEIGHT);

    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key, ranking]) => {
        const module = eligible.byKey.get(key)!;
        // Defence in depth: a result that fails a filter is a bug, never an answer.
        const decision = checkContentFilters(module, filters);
        if (!decision.passed) throw new AppError('INTERNAL', 'a search result failed the content filters');
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
          passedBecause: decision.reasons,
          ranks: { lexical: ranking.lexical, vector: ranking.vector },
          score: ranking.score,
        };
      });
  }
}

/** Brands (lower case) among `eligibleBrands` whose brand or generic name the query mentions as whole words. */
function namedProducts(query: string, products: ContentCatalog['products'], eligibleBrands: ReadonlySet<string>): Set<string> {
  const text = ` ${query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const named = new Set<string>();
  for (const { brand, generic } of products) {
    if (!eligibleBrands.has(brand)) continue;
    for (const name of [brand, generic]) {
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
