import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import { contentHash } from './cached-embedder.ts';
import type { Embedder } from './embedder.ts';

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
 * An hnswlib (HNSW, inner product on unit vectors) index of content module versions, persisted
 * beside the database as `<path>` plus `<path>.json` (labels and content hashes). `sync` embeds
 * only versions that are new or whose text changed; a removed version is marked deleted and its
 * slot reused. Filtering happens inside the search, through the label filter, before ranking.
 */
export class ContentVectorIndex {
  private index: hnswlib.HierarchicalNSW;
  private readonly entries = new Map<string, Entry>();
  private readonly keysByLabel = new Map<number, string>();
  private nextLabel = 0;

  private constructor(
    private readonly embedder: Embedder,
    private readonly path: string | null,
  ) {
    this.index = ContentVectorIndex.emptyIndex(embedder.dimensions, INITIAL_CAPACITY);
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
        }
      }
    }
    return vectorIndex;
  }

  get size(): number {
    return this.entries.size;
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

  /** The nearest module versions to `vector` among those `allow` accepts, most similar first. */
  search(vector: Float32Array, k: number, allow: (key: string) => boolean): { key: string; similarity: number }[] {
    if (this.entries.size === 0) return [];
    this.index.setEf(Math.max(64, k * 2));
    const result = this.index.searchKnn(Array.from(vector), Math.min(k, this.entries.size), (label) => {
      const key = this.keysByLabel.get(label);
      return key !== undefined && allow(key);
    });
    return result.neighbors.map((label, position) => ({
      key: this.keysByLabel.get(label)!,
      similarity: 1 - result.distances[position]!,
    }));
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
