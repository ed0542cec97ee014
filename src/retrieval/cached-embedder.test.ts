import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { CachedEmbedder, contentHash } from './cached-embedder.ts';
import type { Embedder } from './embedder.ts';
import { HashedNgramEmbedder } from './hashed-ngram-embedder.ts';

/** Wraps the hashed n-gram embedder and records every batch it is asked to embed. */
class CountingEmbedder implements Embedder {
  readonly calls: string[][] = [];
  private readonly real: HashedNgramEmbedder;
  readonly model: string;
  readonly dimensions: number;

  constructor(model = 'counting-32') {
    this.real = new HashedNgramEmbedder({ dimensions: 32 });
    this.model = model;
    this.dimensions = this.real.dimensions;
  }

  get embedded(): string[] {
    return this.calls.flat();
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push([...texts]);
    return this.real.embed(texts);
  }
}

let directory: string;
let store: SqliteStore;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-embedding-cache-'));
  store = openSqliteStore(join(directory, 'omni.db'));
});

afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

const cached = (inner: Embedder) => new CachedEmbedder(inner, store.embeddingCache, { transaction: (work) => store.transaction(work) });

describe('CachedEmbedder', () => {
  it('keys by the sha256 of the exact text', () => {
    expect(contentHash('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('abc ')).not.toBe(contentHash('abc'));
  });

  it('takes model and dimensions from the inner embedder', () => {
    expect(cached(new CountingEmbedder())).toMatchObject({ model: 'counting-32', dimensions: 32 });
  });

  it('embeds misses in one batch, then serves them from the cache', async () => {
    const inner = new CountingEmbedder();
    const embedder = cached(inner);
    const texts = ['peripheral neuropathy', 'infusion reactions', 'hepatotoxicity'];

    const first = await embedder.embed(texts);
    expect(inner.calls).toEqual([texts]);
    expect(first).toEqual(await inner.embed(texts));
    inner.calls.length = 0;

    const second = await embedder.embed(texts);
    expect(inner.calls).toEqual([]);
    expect(second).toEqual(first);
    for (const vector of second) expect(vector).toBeInstanceOf(Float32Array);
  });

  it('embeds only the changed text', async () => {
    const inner = new CountingEmbedder();
    const embedder = cached(inner);
    await embedder.embed(['module one', 'module two', 'module three']);
    inner.calls.length = 0;

    const vectors = await embedder.embed(['module one', 'module two (revised)', 'module three']);
    expect(inner.calls).toEqual([['module two (revised)']]);
    expect(vectors[1]).toEqual((await new HashedNgramEmbedder({ dimensions: 32 }).embed(['module two (revised)']))[0]);
  });

  it('persists across instances and reopened stores', async () => {
    const path = join(directory, 'omni.db');
    await cached(new CountingEmbedder()).embed(['persisted text']);
    store.close();
    store = openSqliteStore(path);
    const inner = new CountingEmbedder();
    await cached(inner).embed(['persisted text']);
    expect(inner.calls).toEqual([]);
  });

  it('does not share entries between model ids', async () => {
    const a = new CountingEmbedder('model-a');
    const b = new CountingEmbedder('model-b');
    await cached(a).embed(['shared text']);
    await cached(b).embed(['shared text']);
    expect(a.embedded).toEqual(['shared text']);
    expect(b.embedded).toEqual(['shared text']);
    expect(store.embeddingCache.get(contentHash('shared text'), 'model-a')).toBeDefined();
    expect(store.embeddingCache.get(contentHash('shared text'), 'model-b')).toBeDefined();
    expect(store.embeddingCache.get(contentHash('shared text'), 'model-c')).toBeUndefined();
  });

  it('embeds a text repeated within one call once, and returns independent copies', async () => {
    const inner = new CountingEmbedder();
    const vectors = await cached(inner).embed(['same', 'other', 'same']);
    expect(inner.calls).toEqual([['same', 'other']]);
    expect(vectors[2]).toEqual(vectors[0]);
    expect(vectors[2]).not.toBe(vectors[0]);
  });

  it('re-embeds a cached vector of the wrong length', async () => {
    store.embeddingCache.put(contentHash('stale'), 'counting-32', new Float32Array(8).fill(1));
    const inner = new CountingEmbedder();
    const [vector] = await cached(inner).embed(['stale']);
    expect(inner.embedded).toEqual(['stale']);
    expect(vector).toHaveLength(32);
    expect(store.embeddingCache.get(contentHash('stale'), 'counting-32')).toHaveLength(32);
  });

  it('stores nothing when the inner embedder fails', async () => {
    const failing: Embedder = { model: 'failing', dimensions: 4, embed: async () => Promise.reject(new Error('model down')) };
    await expect(new CachedEmbedder(failing, store.embeddingCache).embed(['x'])).rejects.toThrow('model down');
    expect(store.embeddingCache.get(contentHash('x'), 'failing')).toBeUndefined();
  });

  it('handles an empty call without touching the inner embedder', async () => {
    const inner = new CountingEmbedder();
    expect(await cached(inner).embed([])).toEqual([]);
    expect(inner.calls).toEqual([]);
  });
});
