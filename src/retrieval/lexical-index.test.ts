import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { ContentModule, moduleKey } from '../domain/content-module.ts';
import { demoContentModules, loadDemoSeed } from '../demo/generate-demo.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { queryTerms } from './approved-content-search.ts';
import { LexicalIndex, type LexicalHit } from './lexical-index.ts';

/**
 * The reference: FTS5's own bm25 over the content_fts table, for the query the in-memory index
 * stands for (every term quoted, OR-ed, kept to the text columns). Scores with the sign turned.
 */
function fts5Scores(store: SqliteStore, terms: readonly string[]): Map<string, number> {
  const quoted = [...new Set(terms.map((term) => term.replace(/"/g, '').trim()).filter((term) => term !== ''))].map((term) => `"${term}"`);
  const scores = new Map<string, number>();
  if (quoted.length === 0) return scores;
  const rows = store.database
    .prepare(
      `SELECT module_key AS key, bm25(content_fts, 0, 1, 1, 1, 1, 1, 0) AS score FROM content_fts
       WHERE content_fts MATCH ? ORDER BY score`,
    )
    .all(`{title body mlr_code brand_name generic_name} : (${quoted.join(' OR ')})`) as { key: string; score: number }[];
  for (const row of rows) scores.set(row.key, -row.score);
  return scores;
}

const everything = (size: number) => new Uint8Array(size).fill(1);

/**
 * Hits are the best `limit` of the reference, best first: the same score at each place, and each
 * hit's own score is the reference's for that row (so rows may trade places only when they tie).
 */
function expectSameRanking(hits: readonly LexicalHit[], keys: readonly string[], expected: readonly [string, number][], label: string, limit = expected.length): void {
  expect(hits.length, label).toBe(Math.min(limit, expected.length));
  const scoreOf = new Map(expected);
  const wrong: string[] = [];
  hits.forEach((hit, position) => {
    const key = keys[hit.document]!;
    // One expect per hit would take seconds over thousands of hits; collect what disagrees instead.
    if (Math.abs(hit.score - expected[position]![1]) > 1e-9) wrong.push(`${position}: score ${hit.score}, FTS5 ${expected[position]![1]}`);
    if (!(Math.abs(hit.score - (scoreOf.get(key) ?? Number.NaN)) <= 1e-9)) wrong.push(`${position}: ${key} scores ${hit.score}, FTS5 ${scoreOf.get(key)}`);
  });
  expect(wrong, label).toEqual([]);
}

describe('LexicalIndex against FTS5 bm25 (demo library: real label text, every status)', () => {
  let directory: string;
  let store: SqliteStore;
  let modules: ContentModule[];
  let keys: string[];
  let index: LexicalIndex;
  const random = new SeededRandom(1980);
  let queries: string[][];

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-lexical-'));
    store = openSqliteStore(join(directory, 'omni.db'));
    store.transaction(() => demoContentModules(Date.parse(loadDemoSeed().anchorDate)).forEach((module) => store.contentModules.upsert(module)));
    modules = store.contentModules.list();
    keys = modules.map(moduleKey);
    index = new LexicalIndex(modules);
    const words = modules.flatMap((module) => `${module.title} ${module.body.slice(0, 400)}`.split(/\s+/));
    queries = [
      ...Array.from({ length: 150 }, () => queryTerms(Array.from({ length: random.int(1, 7) }, () => random.pick(words)).join(' '))),
      // Codes and hyphenated words are phrases to FTS5.
      ...modules.slice(0, 20).map((module) => [module.mlrCode.toLowerCase()]),
      ['life-threatening', 'reactions'],
      ['lbl-gilenya-5-7'],
      ['5.1', 'mg/kg', 'qtc-prolongation'],
      ['side', 'effects', 'adverse', 'reactions', 'ibrutinib'],
      ['Reactions', 'reaction', 'REACTIONS'],
    ];
  });
  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('holds every stored version', () => {
    expect(index.size).toBe(modules.length);
    expect(modules.some((module) => module.status === 'draft')).toBe(true);
  });

  it('scores every matching row as FTS5 does', () => {
    let compared = 0;
    for (const terms of queries) {
      const expected = [...fts5Scores(store, terms)].sort((a, b) => b[1] - a[1]);
      const hits = index.search(terms, everything(index.size), index.size);
      expectSameRanking(hits, keys, expected, terms.join(' '));
      compared += hits.length;
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('ranks only the eligible rows: FTS5 order with the others left out', () => {
    for (const terms of queries.slice(0, 80)) {
      const eligible = new Uint8Array(index.size);
      for (let document = 0; document < index.size; document++) eligible[document] = random.chance(0.3) ? 1 : 0;
      const allowed = new Set(keys.filter((_, document) => eligible[document] === 1));
      const expected = [...fts5Scores(store, terms)].filter(([key]) => allowed.has(key)).sort((a, b) => b[1] - a[1]);
      const hits = index.search(terms, eligible, 40);
      for (const hit of hits) expect(eligible[hit.document]).toBe(1);
      expectSameRanking(hits, keys, expected, terms.join(' '), 40);
    }
  });

  it('finds nothing without eligible rows or without terms that hold a word', () => {
    expect(index.search(['reactions'], new Uint8Array(index.size), 10)).toEqual([]);
    expect(index.search([], everything(index.size), 10)).toEqual([]);
    expect(index.search(['"', '  ', '', '*', '®'], everything(index.size), 10)).toEqual([]);
    expect(index.search(['xyzzyplugh'], everything(index.size), 10)).toEqual([]);
    expect(new LexicalIndex([]).search(['reactions'], new Uint8Array(0), 10)).toEqual([]);
  });

  it('takes query syntax in a term as text', () => {
    const hostile = ['"infusion" OR "neuropathy', 'scope : marketus0', 'NEAR(infusion reactions)', 'infusion*', '^infusion', '{title body} : infusion', "'; DROP TABLE content_fts; --"];
    for (const term of hostile) {
      const expected = [...fts5Scores(store, [term])].sort((a, b) => b[1] - a[1]);
      expectSameRanking(index.search([term], everything(index.size), index.size), keys, expected, term);
    }
  });
});

describe('LexicalIndex phrases and columns', () => {
  const module = (id: string, title: string, body: string, fields: Partial<ContentModule> = {}) =>
    ContentModule.parse({ id, version: 1, mlrCode: `MLR-${id}`, title, body, kind: 'safety', allowedChannels: ['email'], purpose: 'promotional', approvedAt: '2026-01-01', status: 'approved', ...fields });
  const library = [
    module('cm-a', 'Warnings', 'Life-threatening reactions occurred.'),
    module('cm-b', 'Warnings', 'Threatening to life.'),
    // The phrase would run from the title into the body: FTS5 matches within one column only.
    module('cm-c', 'Risk to life', 'Threatening reactions.'),
    module('cm-d', 'Warnings', 'Life life threatening, life threatening.'),
    module('cm-e', 'Zeltra', 'Dosing.', { brandName: 'Zeltra', genericName: 'zeltra-mab', mlrCode: 'US-ZEL-0001' }),
  ];
  let directory: string;
  let store: SqliteStore;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-lexical-phrases-'));
    store = openSqliteStore(join(directory, 'omni.db'));
    library.forEach((entry) => store.contentModules.upsert(entry));
  });
  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it.each([[['life-threatening']], [['life', 'threatening']], [['zeltra-mab']], [['us-zel-0001']], [['zel-0001', 'dosing']], [['threatening life']]])('matches %j as FTS5 does', (terms) => {
    const index = new LexicalIndex(library);
    const keys = library.map(moduleKey);
    const expected = [...fts5Scores(store, terms)].sort((a, b) => b[1] - a[1]);
    expect(expected.length).toBeGreaterThan(0);
    expectSameRanking(index.search(terms, everything(library.length), 10), keys, expected, terms.join(' '));
  });

  it('counts a phrase once per place it occurs, and never across columns', () => {
    const index = new LexicalIndex(library);
    const found = index.search(['life-threatening'], everything(library.length), 10).map((hit) => library[hit.document]!.id);
    expect(found).toEqual(['cm-d', 'cm-a']);
  });
});

describe('LexicalIndex rebuilt from a previous index', () => {
  const random = new SeededRandom(77);
  const modules = demoContentModules(Date.parse(loadDemoSeed().anchorDate)).slice(0, 600);
  const words = modules.flatMap((module) => module.body.split(/\s+/).slice(0, 30));
  const queries = Array.from({ length: 60 }, () => queryTerms(Array.from({ length: random.int(1, 5) }, () => random.pick(words)).join(' ')));

  it('ranks exactly as a fresh build, and leaves the previous index as it was', () => {
    const before = new LexicalIndex(modules);
    const answersBefore = queries.map((terms) => before.search(terms, everything(before.size), 30));
    // Edits, a new version, removals and a new module with words no module had.
    const edited = modules
      .filter(() => !random.chance(0.05))
      .map((module) => (random.chance(0.1) ? { ...module, body: `${module.body} Newly added hepatoxenon wording.` } : module));
    edited.push({ ...modules[3]!, version: modules[3]!.version + 1, title: 'Second edition' }, { ...modules[4]!, id: 'cm-brand-new', body: 'Quixotically novel zorbulent text.' });
    const rebuilt = new LexicalIndex(edited, before);
    const fresh = new LexicalIndex(edited);
    for (const terms of [...queries, ['hepatoxenon'], ['zorbulent', 'novel'], ['second', 'edition']]) {
      expect(rebuilt.search(terms, everything(rebuilt.size), 30), terms.join(' ')).toEqual(fresh.search(terms, everything(fresh.size), 30));
    }
    expect(rebuilt.search(['zorbulent'], everything(rebuilt.size), 5)).toHaveLength(1);
    // The earlier index shares the vocabulary but knows nothing of the terms added after it.
    queries.forEach((terms, position) => expect(before.search(terms, everything(before.size), 30)).toEqual(answersBefore[position]));
    expect(before.search(['zorbulent', 'hepatoxenon'], everything(before.size), 5)).toEqual([]);
  });
});
