import { AppError } from '../core/app-error.ts';
import type { ContentModule } from '../domain/content-module.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { ContentCatalog, type EligibleSet } from './content-catalog.ts';
import { checkContentFilters, type ContentFilters } from './content-filters.ts';
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
 * The approved-content library: modules from the store, a lexical (bm25, ranked as FTS5 ranks) and a
 * vector (hnswlib) ranking, merged by reciprocal rank fusion. Hard filters decide eligibility before
 * either ranking runs: both score only the eligible versions. Results are checked against the filters
 * once more before they leave.
 */
export class ApprovedContentLibrary {
  /** Built on first use or refresh, not in the constructor: refresh() right after would read the store twice. */
  private catalogState: { catalog: ContentCatalog; revision: number } | undefined;
  /** The vector label of each catalog document and back, for one catalog and one state of the vector index. */
  private vectorLabels: { catalog: ContentCatalog; generation: number; labelOf: Int32Array; documentOf: Int32Array } | undefined;
  /** Scratch: the labels one vector search may return. */
  private candidateLabels = new Int32Array(0);
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

  /**
   * `admit`: whether a stored module may be in the library at all, decided before the filters (the
   * container passes the content provenance rules, src/compliance/content-provenance.ts); default all.
   */
  constructor(
    private readonly store: OmniStore,
    private readonly vectorIndex: ContentVectorIndex | null,
    private readonly options: { admit?: (module: ContentModule) => boolean } = {},
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
   * judge stale rows and the lexical index never ranks stale text (the new catalog builds its own,
   * reusing the old one's tokens for unchanged versions). The vector index catches up on refresh();
   * until then new text is found lexically.
   */
  private currentCatalog(): ContentCatalog {
    const revision = this.store.contentModules.revision();
    if (!this.catalogState || this.catalogState.revision !== revision) {
      const admit = this.options.admit;
      const modules = admit ? this.store.contentModules.list().filter((module) => admit(module)) : this.store.contentModules.list();
      this.catalogState = { catalog: new ContentCatalog(modules, this.catalogState?.catalog), revision };
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
    const ranked = Array.from(eligible.documents, (document) => catalog.modules[document]!)
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

    // Both rankings give document numbers of the catalog, best first, and see only eligible versions.
    let lexical: number[] = [];
    if (mode !== 'vector' && terms.length > 0) lexical = catalog.lexicalIndex().search(terms, eligible.mask, CANDIDATES).map((hit) => hit.document);
    let vector: number[] = [];
    if (mode !== 'lexical') {
      if (!this.vectorIndex) throw new AppError('INVALID_INPUT', 'vector ranking needs the content index; run omni content index');
      const embedded = await this.vectorIndex.embedQuery(query);
      vector = this.nearestEligible(catalog, eligible, query, embedded);
    }

    const scores = new Map<number, { score: number; lexical: number | null; vector: number | null }>();
    const add = (documents: number[], which: 'lexical' | 'vector', weight: number) =>
      documents.forEach((document, index) => {
        const entry = scores.get(document) ?? { score: 0, lexical: null, vector: null };
        entry.score += weight / (RRF_K + index + 1);
        entry[which] = index + 1;
        scores.set(document, entry);
      });
    add(lexical, 'lexical', 1);
    add(vector, 'vector', options.vectorWeight ?? VECTOR_WEIGHT);

    return [...scores]
      .sort((a, b) => b[1].score - a[1].score || catalog.keys[a[0]]!.localeCompare(catalog.keys[b[0]]!))
      .slice(0, limit)
      .map(([document, ranking]) => {
        const module = catalog.modules[document]!;
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

  /**
   * The vector ranking: the CANDIDATES nearest eligible versions, as document numbers. Sentence
   * vectors barely register which product a question names, so when it names one, the ranking keeps
   * to that product's modules and product-neutral ones (templates).
   */
  private nearestEligible(catalog: ContentCatalog, eligible: EligibleSet, query: string, embedded: Float32Array): number[] {
    const vectorIndex = this.vectorIndex!;
    const { labelOf, documentOf } = this.labelsFor(catalog, vectorIndex);
    const named = namedProducts(query, catalog, eligible);
    if (this.candidateLabels.length < eligible.size) this.candidateLabels = new Int32Array(Math.max(eligible.size, 2 * this.candidateLabels.length));
    const labels = this.candidateLabels;
    const { documents } = eligible;
    let count = 0;
    for (let position = 0; position < documents.length; position++) {
      const document = documents[position]!;
      if (named !== null && catalog.brandOf[document] !== -1 && !named.has(catalog.brandOf[document]!)) continue;
      const label = labelOf[document]!;
      // A version written since the last refresh has no vector yet; the lexical ranking still finds it.
      if (label >= 0) labels[count++] = label;
    }
    return vectorIndex.nearestAmong(embedded, CANDIDATES, labels, count).map((hit) => documentOf[hit.label]!);
  }

  /** The label of each document's vector and back, rebuilt when the catalog or the vector index changed. */
  private labelsFor(catalog: ContentCatalog, vectorIndex: ContentVectorIndex): { labelOf: Int32Array; documentOf: Int32Array } {
    const generation = vectorIndex.generation;
    if (this.vectorLabels?.catalog !== catalog || this.vectorLabels.generation !== generation) {
      const labelOf = Int32Array.from(catalog.keys, (key) => vectorIndex.labelOf(key));
      const documentOf = new Int32Array(vectorIndex.labelLimit).fill(-1);
      labelOf.forEach((label, document) => {
        if (label >= 0) documentOf[label] = document;
      });
      this.vectorLabels = { catalog, generation, labelOf, documentOf };
    }
    return this.vectorLabels;
  }
}

/**
 * The products (positions in catalog.products) whose brand or generic name the query mentions as
 * whole words and that have eligible modules; null when it names none.
 */
function namedProducts(query: string, catalog: ContentCatalog, eligible: EligibleSet): Set<number> | null {
  const text = ` ${query.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let named: Set<number> | null = null;
  const names = catalog.productNames;
  for (let position = 0; position < names.length; position++) {
    const { product, pattern } = names[position]!;
    // Only products the filters leave modules of count (eligible.brands is built once per filter set).
    if (text.includes(pattern) && eligible.brands.has(catalog.products[product]!.brand)) (named ??= new Set()).add(product);
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
