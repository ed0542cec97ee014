import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import { contentHash } from './cached-embedder.ts';
import type { Embedder } from './embedder.ts';
import { VectorRows } from './vector-rows.ts';

/**
 * What is embedded: the title and the opening of the body. Sentence encoders summarise long text
 * poorly and slowly; the lexical ranking covers the rest. A change here re-embeds every module.
 */
export function embeddingText(module: Pick<ContentModule, 'title' | 'body'>): string {
  return `${module.title}\n${module.body.slice(0, 1_200)}`;
}

interface Entry {
  label: number;
  hash: string;
}

interface SavedState {
  model: string;
  dimensions: number;
  nextLabel: number;
  entries: [key: string, label: number, hash: string][];
}

export interface SyncSummary {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

const INITIAL_CAPACITY = 1_024;
/**
 * Exact search scores every eligible vector (int8 with SIMD, then the near-best exactly: see
 * vector-rows.ts). Up to this many dimensions in all it beat the filtered graph at 50,000 modules
 * here (about 3 ms against 6 ms for 14,000 eligible 256-dimension vectors, on a busy machine); the
 * graph is cheaper when most of a large library passes.
 */
const EXACT_SEARCH_FLOATS = 4_500_000;

/** How many eligible vectors of `dimensions` are searched exactly (17,578 of 256 dimensions, 8,789 of 512). */
export function exactSearchLimit(dimensions: number): number {
  return Math.floor(EXACT_SEARCH_FLOATS / dimensions);
}

/**
 * An hnswlib (HNSW, inner product on unit vectors) index of content module versions, persisted
 * beside the database as `<path>` plus `<path>.json` (labels and content hashes). `sync` embeds
 * only versions that are new or whose text changed; a removed version is marked deleted and its
 * slot reused. Filtering happens inside the search, through the label filter, before ranking.
 */
export class ContentVectorIndex {
  private index: hnswlib.HierarchicalNSW;
  private readonly entries = new Map<string, Entry>();
  private readonly keysByLabel = new Map<number, string>();
  /**
   * Every vector at row `label`, for exact search over eligible sets. Labels are never reused (a
   * changed version gets a new one), so rows of removed versions stay unread until the process restarts.
   */
  private readonly vectors: VectorRows;
  /** Scratch for the filtered graph search: 1 at the labels a search allows. */
  private allowed = new Uint8Array(0);
  private nextLabel = 0;
  private changes = 0;

  private constructor(
    private readonly embedder: Embedder,
    private readonly path: string | null,
  ) {
    this.index = ContentVectorIndex.emptyIndex(embedder.dimensions, INITIAL_CAPACITY);
    this.vectors = new VectorRows(embedder.dimensions);
  }

  private static emptyIndex(dimensions: number, capacity: number): hnswlib.HierarchicalNSW {
    const index = new hnswlib.HierarchicalNSW('ip', dimensions);
    index.initIndex({ maxElements: capacity, m: 16, efConstruction: 200, randomSeed: 100, allowReplaceDeleted: true });
    return index;
  }

  /** Loads the persisted index when it exists and was built with the same model; else starts empty. */
  static open(embedder: Embedder, path: string | null): ContentVectorIndex {
    const vectorIndex = new ContentVectorIndex(embedder, path);
    if (path && existsSync(path) && existsSync(`${path}.json`)) {
      const state = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as SavedState;
      if (state.model === embedder.model && state.dimensions === embedder.dimensions) {
        const index = new hnswlib.HierarchicalNSW('ip', embedder.dimensions);
        index.readIndexSync(path, true);
        vectorIndex.index = index;
        vectorIndex.nextLabel = state.nextLabel;
        for (const [key, label, hash] of state.entries) {
          vectorIndex.entries.set(key, { label, hash });
          vectorIndex.keysByLabel.set(label, key);
          vectorIndex.vectors.set(label, index.getPoint(label));
        }
      }
    }
    return vectorIndex;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Changes whenever a version is added, replaced or removed: a caller's mapping to labels is stale when it moved. */
  get generation(): number {
    return this.changes;
  }

  /** The label of a module version's vector; -1 when it has none (not embedded yet). */
  labelOf(key: string): number {
    return this.entries.get(key)?.label ?? -1;
  }

  /** The module version (id@version) a label stands for. */
  keyOf(label: number): string | undefined {
    return this.keysByLabel.get(label);
  }

  /** One past the highest label ever given out. */
  get labelLimit(): number {
    return this.nextLabel;
  }

  /** Brings the index in line with `modules`, embedding only what is new or changed. */
  async sync(modules: readonly ContentModule[]): Promise<SyncSummary> {
    const summary: SyncSummary = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    const wanted = new Map(modules.map((module) => [moduleKey(module), module]));
    for (const [key, entry] of this.entries) {
      if (wanted.has(key)) continue;
      this.index.markDelete(entry.label);
      this.entries.delete(key);
      this.keysByLabel.delete(entry.label);
      this.changes++;
      summary.removed++;
    }
    const pending: { key: string; hash: string; text: string; existing: Entry | undefined }[] = [];
    for (const [key, module] of wanted) {
      const text = embeddingText(module);
      const hash = contentHash(text);
      const existing = this.entries.get(key);
      if (existing?.hash === hash) summary.unchanged++;
      else pending.push({ key, hash, text, existing });
    }
    const batchSize = 64;
    for (let start = 0; start < pending.length; start += batchSize) {
      const batch = pending.slice(start, start + batchSize);
      const vectors = await this.embedder.embed(batch.map((item) => item.text));
      batch.forEach((item, position) => {
        if (item.existing) {
          this.index.markDelete(item.existing.label);
          this.keysByLabel.delete(item.existing.label);
          summary.changed++;
        } else {
          summary.added++;
        }
        this.ensureCapacity();
        const label = this.nextLabel++;
        this.index.addPoint(Array.from(vectors[position]!), label, true);
        this.vectors.set(label, vectors[position]!);
        this.changes++;
        this.entries.set(item.key, { label, hash: item.hash });
        this.keysByLabel.set(label, item.key);
      });
    }
    return summary;
  }

  private ensureCapacity(): void {
    const capacity = this.index.getMaxElements();
    if (this.index.getCurrentCount() + 1 > capacity) this.index.resizeIndex(capacity * 2);
  }

  /**
   * The nearest module versions to `vector` among those `allow` accepts, most similar first, through
   * the HNSW graph. ef is at least 512: at 50,000 vectors ef 64 found 0.75 of the true top 10.
   */
  search(vector: Float32Array, k: number, allow: (key: string) => boolean, ef = Math.max(512, k * 2)): { key: string; similarity: number }[] {
    if (this.entries.size === 0) return [];
    this.index.setEf(ef);
    const result = this.index.searchKnn(Array.from(vector), Math.min(k, this.entries.size), (label) => {
      const key = this.keysByLabel.get(label);
      return key !== undefined && allow(key);
    });
    return result.neighbors.map((label, position) => ({
      key: this.keysByLabel.get(label)!,
      similarity: 1 - result.distances[position]!,
    }));
  }

  /**
   * The `k` nearest among `keys` (the versions a search may return): exact when there are up to
   * exactSearchLimit of them, else through the graph with the filter, which is fast when most of
   * the graph passes.
   */
  searchEligible(vector: Float32Array, k: number, keys: ReadonlySet<string> | ReadonlyMap<string, unknown>): { key: string; similarity: number }[] {
    if (keys.size <= exactSearchLimit(this.embedder.dimensions)) return this.searchAmong(vector, k, keys.keys());
    return this.search(vector, k, (key) => keys.has(key));
  }

  /** Exact search: the `k` most similar of `keys` (unknown keys are skipped), ties in key order. */
  searchAmong(vector: Float32Array, k: number, keys: Iterable<string>): { key: string; similarity: number }[] {
    // In key order, so that "ties go to the earlier label" is "ties go to the lower key".
    const known = [...new Set(keys)].filter((key) => this.entries.has(key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const labels = Int32Array.from(known, (key) => this.labelOf(key));
    return this.exactAmong(vector, k, labels, labels.length).map((hit) => ({ key: this.keysByLabel.get(hit.label)!, similarity: hit.similarity }));
  }

  /**
   * The `k` nearest among the first `count` of `labels`, most similar first (ties: the earlier in
   * `labels`): exact up to exactSearchLimit of them, else through the graph with the filter. A
   * filtered graph search that rejects most of the graph wanders; scoring a few thousand eligible
   * vectors directly is both faster and exact.
   */
  nearestAmong(vector: Float32Array, k: number, labels: Int32Array, count: number): { label: number; similarity: number }[] {
    if (count <= exactSearchLimit(this.embedder.dimensions)) return this.exactAmong(vector, k, labels, count);
    if (this.allowed.length < this.nextLabel) this.allowed = new Uint8Array(Math.max(this.nextLabel, 2 * this.allowed.length));
    const allowed = this.allowed;
    for (let position = 0; position < count; position++) allowed[labels[position]!] = 1;
    try {
      if (this.entries.size === 0) return [];
      this.index.setEf(Math.max(512, k * 2));
      const result = this.index.searchKnn(Array.from(vector), Math.min(k, this.entries.size, count), (label) => allowed[label] === 1);
      return result.neighbors.map((label, position) => ({ label, similarity: 1 - result.distances[position]! }));
    } finally {
      for (let position = 0; position < count; position++) allowed[labels[position]!] = 0;
    }
  }

  private exactAmong(vector: Float32Array, k: number, labels: Int32Array, count: number): { label: number; similarity: number }[] {
    return this.vectors.nearest(vector, labels, count, k).map((hit) => ({ label: labels[hit.position]!, similarity: hit.similarity }));
  }

  async embedQuery(query: string): Promise<Float32Array> {
    const [vector] = await this.embedder.embed([query]);
    return vector!;
  }

  /** Writes the index and its label map atomically (temporary files, then rename). */
  save(): void {
    if (!this.path) return;
    const state: SavedState = {
      model: this.embedder.model,
      dimensions: this.embedder.dimensions,
      nextLabel: this.nextLabel,
      entries: [...this.entries].map(([key, entry]) => [key, entry.label, entry.hash]),
    };
    this.index.writeIndexSync(`${this.path}.tmp`);
    writeFileSync(`${this.path}.json.tmp`, JSON.stringify(state));
    renameSync(`${this.path}.tmp`, this.path);
    renameSync(`${this.path}.json.tmp`, `${this.path}.json`);
  }
}
