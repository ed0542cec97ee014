import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { ContentModule, moduleKey } from '../domain/content-module.ts';
import { ContentVectorIndex, embeddingText, exactSearchLimit } from './content-vector-index.ts';
import type { Embedder } from './embedder.ts';
import { HashedNgramEmbedder } from './hashed-ngram-embedder.ts';
import { CountingEmbedder } from '../testing/counting-embedder.ts';


const WORDS = [
  'neuropathy', 'infusion', 'reaction', 'dosing', 'hepatic', 'renal', 'impairment', 'efficacy', 'safety', 'survival',
  'progression', 'response', 'webinar', 'invitation', 'congress', 'biomarker', 'pembrolizumab', 'brentuximab', 'rash',
  'fatigue', 'nausea', 'monitoring', 'adverse', 'events', 'patients', 'trial', 'overall', 'median', 'cycle', 'weekly',
];

function sentence(random: SeededRandom, words: number): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
}

function randomModules(random: SeededRandom, count: number): ContentModule[] {
  return Array.from({ length: count }, (_, index) =>
    ContentModule.parse({
      id: `cm-${index}`,
      version: 1 + (index % 3),
      mlrCode: `MLR-${index}`,
      // The id in the title keeps every text, and so every vector, distinct.
      title: `Module ${index} ${sentence(random, 3)}`,
      body: `${sentence(random, 20)}.`,
      kind: 'claim',
      allowedChannels: ['email'],
      purpose: 'promotional',
      approvedAt: '2026-01-01',
      status: 'approved',
    }),
  );
}

const reference = new HashedNgramEmbedder();
/** Where the exact search of the test embedder's vectors ends and the filtered graph starts. */
const EXACT_SEARCH_LIMIT = exactSearchLimit(reference.dimensions);

/** The exact ranking, computed from the embedder's own vectors, with the same tie-break (key order). */
function bruteForce(modules: readonly ContentModule[], query: Float32Array, k: number, keys: Iterable<string>): { key: string; similarity: number }[] {
  const byKey = new Map(modules.map((module) => [moduleKey(module), module]));
  const scored: { key: string; similarity: number }[] = [];
  for (const key of new Set(keys)) {
    const module = byKey.get(key);
    if (!module) continue;
    const vector = reference.embedOne(embeddingText(module));
    let similarity = 0;
    for (let dimension = 0; dimension < vector.length; dimension++) similarity += vector[dimension]! * query[dimension]!;
    scored.push({ key, similarity });
  }
  return scored.sort((a, b) => b.similarity - a.similarity || (a.key < b.key ? -1 : 1)).slice(0, k);
}

function expectSameRanking(actual: { key: string; similarity: number }[], expected: { key: string; similarity: number }[], digits = 10): void {
  expect(actual.map((hit) => hit.key)).toEqual(expected.map((hit) => hit.key));
  actual.forEach((hit, position) => expect(hit.similarity).toBeCloseTo(expected[position]!.similarity, digits));
}

const random = new SeededRandom(404);
const modules = randomModules(random.fork('modules'), 300);
const keys = modules.map(moduleKey);
const queries = Array.from({ length: 12 }, (_, index) => reference.embedOne(sentence(random.fork(`query-${index}`), 4)));

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-vectors-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(directory, { recursive: true, force: true });
});

async function built(embedder: Embedder = new HashedNgramEmbedder(), path: string | null = null): Promise<ContentVectorIndex> {
  const index = ContentVectorIndex.open(embedder, path);
  await index.sync(modules);
  return index;
}

describe('ContentVectorIndex.searchAmong', () => {
  it('is the brute-force dot product ranking over the given keys', async () => {
    const index = await built();
    const subsetRandom = random.fork('subsets');
    for (const query of queries) {
      const some = keys.filter(() => subsetRandom.chance(0.3));
      expectSameRanking(index.searchAmong(query, 10, some), bruteForce(modules, query, 10, some));
      expectSameRanking(index.searchAmong(query, 25, keys), bruteForce(modules, query, 25, keys));
    }
  });

  it('scores the query against itself as 1 and ranks that module first', async () => {
    const index = await built();
    const target = modules[42]!;
    const [best] = index.searchAmong(reference.embedOne(embeddingText(target)), 1, keys);
    expect(best!.key).toBe(moduleKey(target));
    expect(best!.similarity).toBeCloseTo(1, 5);
  });

  it('skips unknown keys and respects k', async () => {
    const index = await built();
    const query = queries[0]!;
    const some = keys.slice(0, 5);
    const withUnknown = ['cm-nowhere@1', some[0]!, 'cm-0@99', ...some.slice(1), 'not a key'];
    const result = index.searchAmong(query, 10, withUnknown);
    expect(result).toHaveLength(5);
    expectSameRanking(result, bruteForce(modules, query, 10, some));
    expect(index.searchAmong(query, 3, withUnknown)).toEqual(result.slice(0, 3));
    expect(index.searchAmong(query, 0, keys)).toEqual([]);
    expect(index.searchAmong(query, 10, [])).toEqual([]);
    expect(index.searchAmong(query, 10, ['cm-nowhere@1'])).toEqual([]);
    // Any iterable will do.
    expectSameRanking(index.searchAmong(query, 4, new Set(some)), bruteForce(modules, query, 4, some));
  });
});

/** Keys of versions the index does not hold, to push a key set past EXACT_SEARCH_LIMIT. */
const unknownKeys = (count: number) => Array.from({ length: count }, (_, n) => `cm-unknown-${n}@1`);

describe('ContentVectorIndex.searchEligible', () => {
  it('is exact, through searchAmong, for up to EXACT_SEARCH_LIMIT keys', async () => {
    const index = await built();
    const graph = vi.spyOn(index, 'search');
    const exact = vi.spyOn(index, 'searchAmong');
    const some = keys.filter((_, position) => position % 3 !== 0);
    const padded = new Set([...some, ...unknownKeys(EXACT_SEARCH_LIMIT - some.length)]);
    expect(padded.size).toBe(EXACT_SEARCH_LIMIT);
    // The eligible sets of the catalog are maps keyed by id@version; those work as well as sets.
    const asMap = new Map(some.map((key) => [key, { key }]));
    for (const query of queries) {
      const expected = bruteForce(modules, query, 10, some);
      expectSameRanking(index.searchEligible(query, 10, new Set(some)), expected);
      expectSameRanking(index.searchEligible(query, 10, padded), expected);
      expectSameRanking(index.searchEligible(query, 10, asMap), expected);
    }
    expect(graph).not.toHaveBeenCalled();
    expect(exact).toHaveBeenCalledTimes(queries.length * 3);
  });

  it('goes through the filtered graph above the limit and returns only allowed keys', async () => {
    const index = await built();
    const graph = vi.spyOn(index, 'search');
    const allowed = keys.filter((_, position) => position % 4 === 1);
    // The index holds 300 versions; unknown keys pad the list past the limit, as a large library would.
    const padded = new Set([...allowed, ...unknownKeys(EXACT_SEARCH_LIMIT + 1 - allowed.length)]);
    expect(padded.size).toBe(EXACT_SEARCH_LIMIT + 1);
    const allowedSet = new Set(allowed);
    for (const query of queries) {
      const result = index.searchEligible(query, 10, padded);
      expect(result).toHaveLength(10);
      for (const hit of result) expect(allowedSet.has(hit.key)).toBe(true);
      // With ef 512 over 300 vectors the graph search visits everything: it finds the exact top 10.
      expectSameRanking(result, bruteForce(modules, query, 10, allowed), 5);
    }
    expect(graph).toHaveBeenCalledTimes(queries.length);
  });

  it('returns fewer than k when fewer keys are allowed, above the limit too', async () => {
    const index = await built();
    const allowed = [keys[7]!, keys[99]!, keys[250]!];
    const padded = new Set([...allowed, ...unknownKeys(EXACT_SEARCH_LIMIT)]);
    const query = queries[1]!;
    const result = index.searchEligible(query, 10, padded);
    expect(result.map((hit) => hit.key).sort()).toEqual([...allowed].sort());
    expectSameRanking(result, bruteForce(modules, query, 10, allowed), 5);
    expect(index.searchEligible(query, 10, new Set(unknownKeys(EXACT_SEARCH_LIMIT + 1)))).toEqual([]);
    expect(index.searchEligible(query, 10, new Set())).toEqual([]);
  });
});

describe('ContentVectorIndex.search', () => {
  it('returns only what the filter allows, and the exact ranking on a small graph', async () => {
    const index = await built();
    const allowed = new Set(keys.filter((_, position) => position % 2 === 0));
    for (const query of queries.slice(0, 4)) {
      const result = index.search(query, 15, (key) => allowed.has(key));
      expectSameRanking(result, bruteForce(modules, query, 15, allowed), 5);
      // A small ef still returns only allowed keys.
      for (const hit of index.search(query, 15, (key) => allowed.has(key), 16)) expect(allowed.has(hit.key)).toBe(true);
    }
  });
});

describe('ContentVectorIndex persistence', () => {
  it('reloads the vectors on open: the same exact results, nothing embedded again', async () => {
    const path = join(directory, 'content.hnsw');
    const first = new CountingEmbedder();
    const original = await built(first, path);
    expect(first.embedded).toBe(modules.length);
    original.save();
    expect(existsSync(path) && existsSync(`${path}.json`)).toBe(true);
    expect(existsSync(`${path}.tmp`) || existsSync(`${path}.json.tmp`)).toBe(false);

    const second = new CountingEmbedder();
    const reopened = ContentVectorIndex.open(second, path);
    expect(reopened.size).toBe(modules.length);
    for (const query of queries) {
      expect(reopened.searchAmong(query, 20, keys)).toEqual(original.searchAmong(query, 20, keys));
      expect(reopened.searchEligible(query, 10, new Set(keys))).toEqual(original.searchEligible(query, 10, new Set(keys)));
      expectSameRanking(reopened.search(query, 10, () => true), original.search(query, 10, () => true), 6);
    }
    expect(second.embedded).toBe(0);
    expect(await reopened.sync(modules)).toEqual({ added: 0, changed: 0, removed: 0, unchanged: modules.length });
    expect(second.embedded).toBe(0);
  });

  it('syncs changes into a reopened index (deleted slots are reused) and saves them again', async () => {
    const path = join(directory, 'content.hnsw');
    (await built(new HashedNgramEmbedder(), path)).save();
    const embedder = new CountingEmbedder();
    const reopened = ContentVectorIndex.open(embedder, path);
    const next = modules
      .filter((_, position) => position % 10 !== 3)
      .map((module, position) => (position % 10 === 7 ? { ...module, body: `Rewritten ${position}: varicella zoster shingles.` } : module));
    const summary = await reopened.sync(next);
    expect(summary.removed).toBe(30);
    expect(summary.changed).toBe(27);
    expect(embedder.embedded).toBe(27);
    for (const query of queries.slice(0, 4)) {
      expectSameRanking(reopened.searchAmong(query, 10, keys), bruteForce(next, query, 10, keys));
      expectSameRanking(reopened.search(query, 10, () => true), bruteForce(next, query, 10, keys), 5);
    }
    reopened.save();
    const again = ContentVectorIndex.open(new CountingEmbedder(), path);
    expect(again.size).toBe(next.length);
    for (const query of queries.slice(0, 4)) expect(again.searchAmong(query, 10, keys)).toEqual(reopened.searchAmong(query, 10, keys));
  });

  it('starts empty when the saved index was built with another model', async () => {
    const path = join(directory, 'content.hnsw');
    (await built(new HashedNgramEmbedder(), path)).save();
    const other = new HashedNgramEmbedder({ dimensions: 128 });
    const reopened = ContentVectorIndex.open(other, path);
    expect(reopened.size).toBe(0);
    expect(reopened.searchAmong(other.embedOne('rash'), 5, keys)).toEqual([]);
  });

  it('keeps changes and removals across a save and open', async () => {
    const path = join(directory, 'content.hnsw');
    const embedder = new CountingEmbedder();
    const index = await built(embedder, path);
    const changed = { ...modules[10]!, body: 'Entirely different wording about zoster vaccination.' };
    const kept = modules.filter((_, position) => position !== 20);
    const next = kept.map((module) => (module.id === changed.id ? changed : module));
    embedder.embedded = 0;
    expect(await index.sync(next)).toEqual({ added: 0, changed: 1, removed: 1, unchanged: modules.length - 2 });
    expect(embedder.embedded).toBe(1);
    index.save();

    const reopened = ContentVectorIndex.open(new CountingEmbedder(), path);
    expect(reopened.size).toBe(modules.length - 1);
    const changedVector = reference.embedOne(embeddingText(changed));
    const [hit] = reopened.searchAmong(changedVector, 1, keys);
    expect(hit!.key).toBe(moduleKey(changed));
    expect(hit!.similarity).toBeCloseTo(1, 5);
    expect(reopened.searchAmong(changedVector, 1, [moduleKey(modules[20]!)])).toEqual([]);
    for (const query of queries.slice(0, 4)) expectSameRanking(reopened.searchAmong(query, 10, keys), bruteForce(next, query, 10, keys));
  });
});

describe('ContentVectorIndex.sync', () => {
  it("replaces a changed module's vector and forgets a removed one", async () => {
    const index = await built();
    const target = modules[5]!;
    const gone = modules[6]!;
    const oldVector = reference.embedOne(embeddingText(target));
    const goneVector = reference.embedOne(embeddingText(gone));
    expect(index.searchAmong(oldVector, 1, [moduleKey(target)])[0]!.similarity).toBeCloseTo(1, 5);

    const changed = { ...target, title: 'A rewritten title', body: 'Nothing like the text before: zoster, varicella, shingles.' };
    const next = modules.filter((module) => module !== gone).map((module) => (module === target ? changed : module));
    expect(await index.sync(next)).toEqual({ added: 0, changed: 1, removed: 1, unchanged: modules.length - 2 });
    expect(index.size).toBe(modules.length - 1);

    // Exact search sees the new vector under the same key, and nothing of the removed version.
    const [rescored] = index.searchAmong(oldVector, 1, [moduleKey(target)]);
    expect(rescored!.similarity).toBeCloseTo(bruteForce(next, oldVector, 1, [moduleKey(target)])[0]!.similarity, 10);
    expect(rescored!.similarity).toBeLessThan(0.9);
    expect(index.searchAmong(goneVector, 10, [moduleKey(gone)])).toEqual([]);
    expectSameRanking(index.searchAmong(oldVector, 10, keys), bruteForce(next, oldVector, 10, keys));
    expectSameRanking(index.searchAmong(goneVector, 10, keys), bruteForce(next, goneVector, 10, keys));

    // The graph forgot them as well: the old vectors are no longer found at similarity 1.
    for (const query of [oldVector, goneVector]) {
      const viaGraph = index.search(query, 10, () => true);
      expect(viaGraph.map((hit) => hit.key)).not.toContain(moduleKey(gone));
      expectSameRanking(viaGraph, bruteForce(next, query, 10, keys), 5);
    }
  });

  it('adds a new version beside the old one and embeds only it', async () => {
    const embedder = new CountingEmbedder();
    const index = await built(embedder);
    embedder.embedded = 0;
    const newer = { ...modules[0]!, version: modules[0]!.version + 10, body: 'A second edition.' };
    expect(await index.sync([...modules, newer])).toEqual({ added: 1, changed: 0, removed: 0, unchanged: modules.length });
    expect(embedder.embedded).toBe(1);
    const both = [moduleKey(modules[0]!), moduleKey(newer)];
    expect(index.searchAmong(queries[0]!, 5, both).map((hit) => hit.key).sort()).toEqual([...both].sort());
  });

  it('grows past its initial capacity', async () => {
    const index = ContentVectorIndex.open(new HashedNgramEmbedder(), null);
    const many = randomModules(random.fork('many'), 1_100);
    expect((await index.sync(many)).added).toBe(1_100);
    const query = queries[2]!;
    expectSameRanking(index.searchAmong(query, 10, many.map(moduleKey)), bruteForce(many, query, 10, many.map(moduleKey)));
  });
});
