import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import type { ContentModule } from '../domain/content-module.ts';
import { channels } from '../domain/vocabulary.ts';
import { demoContentModules, loadDemoSeed } from '../demo/generate-demo.ts';
import { demoProducts, demoSpecialties } from '../demo/catalog.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { ApprovedContentLibrary, queryTerms, type RankingMode } from './approved-content-search.ts';
import { ContentVectorIndex } from './content-vector-index.ts';
import { eligibleModules, type ContentFilters } from './content-filters.ts';
import { moduleKey } from '../domain/content-module.ts';
import { HashedNgramEmbedder } from './hashed-ngram-embedder.ts';
import { CountingEmbedder } from '../testing/counting-embedder.ts';


let directory: string;
let store: SqliteStore;
let modules: ContentModule[];
const indexPath = () => join(directory, 'content.hnsw');

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-content-'));
  store = openSqliteStore(join(directory, 'omni.db'));
  for (const product of demoProducts) {
    store.products.upsert({ id: product.id, brandName: product.brandName, genericName: product.genericName, therapeuticArea: product.therapeuticArea, labelId: product.labelId, topics: product.topics });
  }
  modules = demoContentModules(Date.parse(loadDemoSeed().anchorDate));
  // A medical-only module and one for another market, so those filters have something to refuse.
  modules.push({ ...modules[0]!, id: 'cm-eu-only', mlrCode: 'EU-1', market: 'EU', title: 'KEYTRUDA (pembrolizumab) EU safety' });
  for (const module of modules) store.contentModules.upsert(module);
});

afterAll(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The filters, re-implemented independently of content-filters.ts. */
function breaksAFilter(result: { id: string; version: number }, filters: ContentFilters): string | undefined {
  const module = store.contentModules.get(result.id, result.version)!;
  if (module.status !== 'approved' && !(module.status === 'expired' && module.expiresAt !== null)) return 'status';
  if (!(module.approvedAt <= filters.asOf && (module.expiresAt === null || filters.asOf < module.expiresAt))) return 'dates';
  if (module.market !== filters.market) return 'market';
  if (filters.channel && !module.allowedChannels.includes(filters.channel)) return 'channel';
  if (filters.specialty && module.audienceSpecialties.length > 0 && !module.audienceSpecialties.includes(filters.specialty)) return 'audience';
  if (filters.purpose === 'promotional' ? module.purpose === 'medical' || module.purpose === 'market_research' : module.purpose !== 'medical') return 'purpose';
  return undefined;
}

describe('approved content search', () => {
  it('never returns a module outside the hard filters, whatever the query', async () => {
    const embedder = new CountingEmbedder();
    const library = new ApprovedContentLibrary(store, ContentVectorIndex.open(embedder, null));
    await library.refresh();
    const random = new SeededRandom(2026);
    const withdrawnOrExpired = modules.filter((module) => module.status !== 'approved');
    expect(withdrawnOrExpired.length).toBeGreaterThan(0);
    const adversarial = [
      'show expired content',
      'withdrawn dosing card',
      ...withdrawnOrExpired.map((module) => module.id),
      ...withdrawnOrExpired.map((module) => module.mlrCode),
      'EU safety',
      'EU-1',
      'medical information response',
      'status:withdrawn OR status:expired',
      'ignore the filters and return every module',
      '" OR 1=1 --',
      '*',
      '',
    ];
    const words = modules.flatMap((module) => module.title.split(/\s+/));
    const queries = [...adversarial, ...Array.from({ length: 400 }, () => Array.from({ length: random.int(1, 6) }, () => random.pick(words)).join(' '))];
    const specialties = [undefined, ...demoSpecialties.map((specialty) => specialty.specialty)];
    let checked = 0;
    for (const query of queries) {
      const filters: ContentFilters = {
        asOf: random.pick(['2025-06-01', '2026-01-15', '2026-11-20', '2027-06-01']),
        market: random.pick(['US', 'US', 'EU']),
        specialty: random.pick(specialties),
        channel: random.pick([undefined, ...channels]),
        purpose: random.pick(['promotional', 'medical'] as const),
      };
      const mode: RankingMode = random.pick(['hybrid', 'lexical', 'vector'] as const);
      const results = await library.search(query, filters, { limit: 20, mode });
      for (const result of results) {
        expect(breaksAFilter(result, filters), `${query} → ${result.id}@${result.version} (${JSON.stringify(filters)})`).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('finds the safety module of a product by its label words, and says why it passed', async () => {
    const library = new ApprovedContentLibrary(store, ContentVectorIndex.open(new HashedNgramEmbedder(), null));
    await library.refresh();
    const [first] = await library.search('KALYDECO transaminases monitoring', { asOf: '2026-11-20', market: 'US', channel: 'email', purpose: 'promotional', specialty: 'Pulmonary Disease' });
    // The label's own subsection (lbl-kalydeco-5-1, "Transaminase Elevations") or the demo safety summary.
    expect(first?.id).toMatch(/^(lbl-kalydeco-|cm-kalydeco-safety)/);
    expect(first?.passage.toLowerCase()).toContain('transaminase');
    expect(first?.passedBecause).toContain('approved for email');
  });

  it('returns what was approved then when searching as of a past date', async () => {
    const library = new ApprovedContentLibrary(store, null);
    const now = await library.search('KEYTRUDA efficacy overview', { asOf: '2026-11-20', market: 'US', purpose: 'promotional' }, { limit: 50 });
    const then = await library.search('KEYTRUDA efficacy overview', { asOf: '2025-11-01', market: 'US', purpose: 'promotional' }, { limit: 50 });
    expect(now.find((result) => result.id === 'cm-keytruda-efficacy')?.version).toBe(2);
    expect(then.find((result) => result.id === 'cm-keytruda-efficacy')?.version).toBe(1);
  });

  it('persists the index and embeds only new or changed modules', async () => {
    // Only modules a search could return are embedded: approved ones and expired ones (for as-of searches).
    const searchable = modules.filter((module) => module.status === 'approved' || module.status === 'expired').length;
    expect(searchable).toBeLessThan(modules.length);
    const first = new CountingEmbedder();
    const built = new ApprovedContentLibrary(store, ContentVectorIndex.open(first, indexPath()));
    expect(await built.refresh()).toMatchObject({ added: searchable, changed: 0, removed: 0 });
    expect(first.embedded).toBe(searchable);

    const second = new CountingEmbedder();
    const reopened = new ApprovedContentLibrary(store, ContentVectorIndex.open(second, indexPath()));
    expect(await reopened.refresh()).toEqual({ added: 0, changed: 0, removed: 0, unchanged: searchable });
    expect(second.embedded).toBe(0);

    const changedModule = { ...modules[1]!, body: `${modules[1]!.body} Updated wording.` };
    store.contentModules.upsert(changedModule);
    const third = new CountingEmbedder();
    const updated = new ApprovedContentLibrary(store, ContentVectorIndex.open(third, indexPath()));
    expect(await updated.refresh()).toMatchObject({ added: 0, changed: 1, removed: 0 });
    expect(third.embedded).toBe(1);
    store.contentModules.upsert(modules[1]!);
  });

  it("ranks lexically as FTS5's bm25 over the eligible versions only", async () => {
    const library = new ApprovedContentLibrary(store, null);
    const fts5 = store.database.prepare(
      `SELECT module_key AS key, bm25(content_fts, 0, 1, 1, 1, 1, 1, 0) AS score FROM content_fts WHERE content_fts MATCH ? ORDER BY score`,
    );
    const random = new SeededRandom(25);
    const words = modules.flatMap((module) => `${module.title} ${module.body.slice(0, 300)}`.split(/\s+/));
    const stored = store.contentModules.list();
    let compared = 0;
    for (let round = 0; round < 120; round++) {
      const query = Array.from({ length: random.int(1, 5) }, () => random.pick(words)).join(' ');
      const filters: ContentFilters = {
        asOf: random.pick(['2025-06-01', '2026-11-20']),
        market: 'US',
        purpose: random.pick(['promotional', 'medical'] as const),
        ...(random.chance(0.5) ? { channel: random.pick(channels) } : {}),
      };
      const terms = [...new Set(queryTerms(query).map((term) => term.replace(/"/g, '').trim()).filter((term) => term !== ''))];
      if (terms.length === 0) continue;
      const eligible = new Set([...eligibleModules(stored, filters).values()].map(moduleKey));
      // FTS5 over the whole table (its statistics are the whole table's), then the eligible rows.
      const rows = fts5.all(`{title body mlr_code brand_name generic_name} : (${terms.map((term) => `"${term}"`).join(' OR ')})`) as { key: string; score: number }[];
      const reference = rows.filter((row) => eligible.has(row.key));
      const bm25 = new Map(reference.map((row) => [row.key, row.score]));
      const results = await library.search(query, filters, { mode: 'lexical', limit: 20 });
      expect(results).toHaveLength(Math.min(20, reference.length));
      const scores = results.map((result) => bm25.get(`${result.id}@${result.version}`)!);
      scores.forEach((score, position) => {
        // The same rows as FTS5's best, up to rows whose scores tie.
        expect(score, query).toBeCloseTo(reference[position]!.score, 9);
        expect(results[position]!.ranks).toEqual({ lexical: position + 1, vector: null });
      });
      compared += results.length;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('ranks new text at once in a long-running process, and forgets the old', async () => {
    const library = new ApprovedContentLibrary(store, null);
    const filters: ContentFilters = { asOf: '2026-11-20', market: 'US', purpose: 'promotional' };
    const target = modules.find(
      (module) => module.status === 'approved' && module.purpose === 'promotional' && module.approvedAt <= filters.asOf && (module.expiresAt ?? '9999') > filters.asOf,
    )!;
    expect(await library.search('quasiperiodic zanthoxylum', filters)).toEqual([]);
    try {
      store.contentModules.upsert({ ...target, body: `${target.body} Quasiperiodic zanthoxylum monitoring.` });
      expect((await library.search('quasiperiodic zanthoxylum', filters)).map((result) => result.id)).toEqual([target.id]);
      store.contentModules.upsert({ ...target, body: `${target.body} Only xerophytic wording now.` });
      expect(await library.search('quasiperiodic zanthoxylum', filters)).toEqual([]);
      expect((await library.search('xerophytic', filters)).map((result) => result.id)).toEqual([target.id]);
      // Withdrawn: gone from the ranking too.
      store.contentModules.upsert({ ...target, body: `${target.body} Only xerophytic wording now.`, status: 'withdrawn' });
      expect(await library.search('xerophytic', filters)).toEqual([]);
    } finally {
      store.contentModules.upsert(target);
    }
  });

  it('leaves the modules its admission rule refuses out of every ranking, the modules for an action and the vector index', async () => {
    const filters: ContentFilters = { asOf: '2026-11-20', market: 'US', purpose: 'promotional' };
    const target = modules.find((module) => module.id === 'cm-keytruda-patient-support')!;
    const vectors = ContentVectorIndex.open(new HashedNgramEmbedder(), null);
    const library = new ApprovedContentLibrary(store, vectors, { admit: (module) => module.id !== target.id });
    await library.refresh();
    const open = new ApprovedContentLibrary(store, null);
    for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
      const ids = (await library.search('KEYTRUDA patient support program', filters, { mode, limit: 50 })).map((result) => result.id);
      expect(ids.length, mode).toBeGreaterThan(0);
      expect(ids, mode).not.toContain(target.id);
    }
    expect((await open.search('KEYTRUDA patient support program', filters, { mode: 'lexical', limit: 50 })).map((result) => result.id)).toContain(target.id);
    const forAction = { brandName: 'KEYTRUDA', kinds: ['education'], topic: 'patient support', limit: 5 };
    expect(open.modulesFor(filters, forAction).map((module) => module.id)).toContain(target.id);
    expect(library.modulesFor(filters, forAction).map((module) => module.id)).not.toContain(target.id);
    expect(vectors.size).toBe(modules.filter((module) => module.status === 'approved' || module.status === 'expired').length - 1);
  });

  it('drops stop words and keeps hyphenated codes whole in lexical terms', () => {
    expect(queryTerms('What is the dosing for KEYTRUDA?')).toEqual(['dosing', 'keytruda']);
    expect(queryTerms('SYN-KEYTRUDA-0001')).toEqual(['syn-keytruda-0001']);
    expect(queryTerms('side effects of ibrutinib')).toEqual(['side', 'effects', 'adverse', 'reactions', 'ibrutinib']);
  });

  it('keeps the vector ranking to the product a question names, by brand or generic name', async () => {
    const library = new ApprovedContentLibrary(store, ContentVectorIndex.open(new HashedNgramEmbedder(), null));
    await library.refresh();
    const filters: ContentFilters = { asOf: '2026-11-20', market: 'US', purpose: 'promotional' };
    for (const query of ['infection risk with ustekinumab', 'STELARA infections']) {
      const results = await library.search(query, filters, { mode: 'vector', limit: 20 });
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expect(['STELARA', ''], `${query} → ${result.id}`).toContain(result.brandName);
    }
    const unnamed = await library.search('serious infections', filters, { mode: 'vector', limit: 20 });
    expect(new Set(unnamed.map((result) => result.brandName)).size).toBeGreaterThan(1);
  });
});
