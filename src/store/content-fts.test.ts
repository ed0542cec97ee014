import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContentModule, moduleKey } from '../domain/content-module.ts';
import type { LexicalScope } from '../domain/repositories.ts';
import { migrations } from './migrations.ts';
import { contentScopeText, openSqliteStore, type SqliteStore } from './sqlite-store.ts';

const module = (fields: Partial<ContentModule> & Pick<ContentModule, 'id'>) =>
  ContentModule.parse({
    version: 1,
    mlrCode: `MLR-${fields.id}`,
    title: 'Infusion reactions',
    body: 'Monitor patients for infusion reactions.',
    kind: 'safety',
    allowedChannels: ['email'],
    purpose: 'promotional',
    market: 'US',
    approvedAt: '2026-01-01',
    status: 'approved',
    ...fields,
  });

const keyOf = (hit: { id: string; version: number }) => `${hit.id}@${hit.version}`;

describe('content full-text search: scope', () => {
  let directory: string;
  let store: SqliteStore;
  const markets = ['US', 'CA', 'CA-QC', 'GB'] as const;
  const purposes = ['promotional', 'medical', 'market_research', 'events'] as const;
  const library: ContentModule[] = [];
  for (const market of markets) {
    for (const purpose of purposes) {
      for (let copy = 0; copy < 3; copy++) {
        library.push(
          module({
            id: `cm-${market}-${purpose}-${copy}`.toLowerCase(),
            market,
            purpose,
            // Different lengths and repetitions give different bm25 scores.
            body: `${'Monitor patients for infusion reactions. '.repeat(copy + 1)}Neuropathy ${copy === 2 ? 'neuropathy' : ''}`,
            brandName: copy === 1 ? 'Zeltra' : '',
            genericName: copy === 1 ? 'zeltrazumab' : '',
          }),
        );
      }
    }
  }
  const byKey = new Map(library.map((entry) => [moduleKey(entry), entry]));

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-fts-'));
    store = openSqliteStore(join(directory, 'omni.db'));
    store.transaction(() => library.forEach((entry) => store.contentModules.upsert(entry)));
  });
  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const inScope = (scope: LexicalScope) =>
    new Set(library.filter((entry) => entry.market === scope.market && scope.purposes.includes(entry.purpose)).map(moduleKey));

  it('writes market and purpose as scope tokens', () => {
    expect(contentScopeText({ market: 'US', purpose: 'promotional' })).toBe('marketus0 purposepromotional0');
    expect(contentScopeText({ market: 'CA-QC', purpose: 'market_research' })).toBe('marketcaqc0 purposemarketresearch0');
  });

  it.each([
    { market: 'US', purposes: ['promotional', 'events'] },
    { market: 'US', purposes: ['medical'] },
    { market: 'CA', purposes: ['promotional', 'events'] },
    { market: 'CA-QC', purposes: ['medical'] },
    { market: 'CA-QC', purposes: ['market_research'] },
    { market: 'GB', purposes: ['promotional', 'medical', 'market_research', 'events'] },
  ])('keeps to market $market and purposes $purposes', (scope) => {
    for (const terms of [['infusion'], ['neuropathy'], ['zeltra'], ['infusion', 'neuropathy', 'zeltrazumab']]) {
      const hits = store.contentModules.lexicalSearch(terms, 1_000, scope);
      const expected = [...inScope(scope)].filter((key) => {
        const entry = byKey.get(key)!;
        const text = `${entry.title} ${entry.body} ${entry.brandName} ${entry.genericName}`.toLowerCase();
        return terms.some((term) => text.includes(term));
      });
      expect(new Set(hits.map(keyOf))).toEqual(new Set(expected));
      expect(hits.length).toBeGreaterThan(0);
    }
  });

  it('finds nothing in a market without modules, and lowercase market names work', () => {
    expect(store.contentModules.lexicalSearch(['infusion'], 100, { market: 'DE', purposes: ['promotional'] })).toEqual([]);
    const lower = store.contentModules.lexicalSearch(['infusion'], 100, { market: 'ca-qc', purposes: ['events'] });
    expect(new Set(lower.map(keyOf))).toEqual(inScope({ market: 'CA-QC', purposes: ['events'] }));
  });

  it('searches every market and purpose without a scope', () => {
    const hits = store.contentModules.lexicalSearch(['infusion'], 1_000);
    expect(new Set(hits.map(keyOf))).toEqual(new Set(byKey.keys()));
    expect(new Set(hits.map((hit) => byKey.get(keyOf(hit))!.market))).toEqual(new Set(markets));
  });

  it('never lets the scope change a score', () => {
    for (const terms of [['infusion'], ['neuropathy', 'zeltra'], ['monitor', 'patients', 'reactions']]) {
      const unscoped = new Map(store.contentModules.lexicalSearch(terms, 1_000).map((hit) => [keyOf(hit), hit.bm25]));
      for (const scope of [
        { market: 'US', purposes: ['promotional', 'events'] },
        { market: 'CA-QC', purposes: ['medical'] },
      ]) {
        const scoped = store.contentModules.lexicalSearch(terms, 1_000, scope);
        expect(scoped.length).toBeGreaterThan(0);
        for (const hit of scoped) expect(hit.bm25).toBeCloseTo(unscoped.get(keyOf(hit))!, 12);
        // Best first.
        for (let index = 1; index < scoped.length; index++) expect(scoped[index]!.bm25).toBeGreaterThanOrEqual(scoped[index - 1]!.bm25);
      }
    }
  });

  it('applies the limit after the scope', () => {
    const scope = { market: 'GB', purposes: ['medical'] };
    const hits = store.contentModules.lexicalSearch(['infusion'], 2, scope);
    expect(hits).toHaveLength(2);
    for (const hit of hits) expect(inScope(scope).has(keyOf(hit))).toBe(true);
  });

  it('does not let query syntax in user text widen a scoped search', () => {
    const scope = { market: 'US', purposes: ['medical'] };
    const allowed = inScope(scope);
    const hostile = [
      '"',
      '""',
      '"infusion" OR "neuropathy',
      'scope:',
      'scope: marketca',
      'scope : "marketca"',
      'marketca',
      'marketgb purposepromotional',
      'purposepromotional',
      'NEAR(',
      'NEAR(infusion marketca)',
      '*',
      'infusion*',
      '-',
      '- scope',
      'NOT',
      'OR',
      'AND',
      'infusion OR scope:marketca',
      ') OR (scope : marketca',
      '^infusion',
      '{title body scope} : marketca',
      'column:*',
      "'; DROP TABLE content_fts; --",
    ];
    for (const term of hostile) {
      for (const terms of [[term], [term, 'infusion'], ['infusion', term, 'neuropathy']]) {
        let hits: { id: string; version: number }[] = [];
        expect(() => (hits = store.contentModules.lexicalSearch(terms, 1_000, scope)), JSON.stringify(terms)).not.toThrow();
        for (const hit of hits) expect(allowed.has(keyOf(hit)), `${JSON.stringify(terms)} found ${keyOf(hit)}`).toBe(true);
      }
    }
    // All of it at once, as a question could bring it.
    const all = store.contentModules.lexicalSearch([...hostile, 'infusion'], 1_000, scope);
    expect(new Set(all.map(keyOf))).toEqual(allowed);
    expect(store.contentModules.count()).toBe(library.length);
  });

  it('returns nothing for terms that hold no words', () => {
    expect(store.contentModules.lexicalSearch([], 10)).toEqual([]);
    expect(store.contentModules.lexicalSearch(['"', '  ', ''], 10, { market: 'US', purposes: ['medical'] })).toEqual([]);
  });

  // BUG (src/store/sqlite-store.ts scopeToken, and migration 3): the scope column goes through the
  // porter stemmer like the text, so "marketes" (ES), "marketal" (AL) and "marketer" (ER) all become
  // "market", "marketbe"/"marketbs" both "marketb", and so on. A scoped search then returns other
  // markets' rows. Remove `.fails` once the tokens survive stemming.
  it('keeps markets apart whose scope tokens stem alike (ES, AL, ER; BE, BS; IE, IS)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'omni-fts-stem-'));
    const local = openSqliteStore(join(directory, 'omni.db'));
    try {
      for (const market of ['ES', 'AL', 'ER', 'BE', 'BS', 'IE', 'IS']) local.contentModules.upsert(module({ id: `cm-${market.toLowerCase()}`, market }));
      for (const market of ['ES', 'BE', 'IS']) {
        const hits = local.contentModules.lexicalSearch(['infusion'], 100, { market, purposes: ['promotional'] });
        expect(hits.map((hit) => hit.id)).toEqual([`cm-${market.toLowerCase()}`]);
      }
    } finally {
      local.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('content full-text search: rare terms', () => {
  let directory: string;
  let store: SqliteStore;
  const ROWS = 5_200;
  /** Rows holding "zebra" (the rare term); 10 also holds "common" three times. */
  const zebra = new Set([10, 20, 30, 40]);
  /** Rows holding "middling": 3,000 of them, fewer than RARE_TERM_ROWS (5,000). */
  const middling = (row: number) => row % 5 < 3 && row < 5_000;
  const textOf = new Map<string, string>();

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-fts-rare-'));
    store = openSqliteStore(join(directory, 'omni.db'));
    store.transaction(() => {
      for (let row = 0; row < ROWS; row++) {
        // Every body has four words, so the lengths are equal and only the term counts differ.
        const words =
          row === 10 ? ['common', 'common', 'zebra', 'common'] : ['common', middling(row) ? 'middling' : 'filler', zebra.has(row) ? 'zebra' : 'filler', 'filler'];
        const entry = { id: `cm-${row}`, version: 1, mlrCode: `MLR-${row}`, title: `Module ${row}`, body: words.join(' ') };
        textOf.set(entry.id, entry.body);
        store.contentModules.upsert(module(entry));
      }
    });
  });
  afterAll(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('sets up more rows for the common word than the rare-term budget', () => {
    expect(store.contentModules.count()).toBe(ROWS);
    expect(store.contentModules.lexicalSearch(['common'], ROWS)).toHaveLength(ROWS);
    // Row 10 (common three times) replaces its would-be "middling".
    expect([...textOf.values()].filter((body) => body.includes('middling'))).toHaveLength(2_999);
    expect(textOf.get('cm-10')).toBe('common common zebra common');
  });

  it('keeps to the rows of the rare term, and the common term still scores', () => {
    const hits = store.contentModules.lexicalSearch(['common', 'zebra'], 50);
    expect(hits.map((hit) => hit.id).sort()).toEqual(['cm-10', 'cm-20', 'cm-30', 'cm-40']);
    for (const hit of hits) expect(textOf.get(hit.id)).toContain('zebra');
    // Row 10 holds "common" three times: the common word still counts toward its score.
    expect(hits[0]!.id).toBe('cm-10');
    expect(hits[0]!.bm25).toBeLessThan(hits[1]!.bm25);
    // The order of the terms does not matter (up to the order floating-point sums are taken in).
    const reversed = store.contentModules.lexicalSearch(['zebra', 'common'], 50);
    expect(reversed.map((hit) => hit.id)).toEqual(hits.map((hit) => hit.id));
    reversed.forEach((hit, position) => expect(hit.bm25).toBeCloseTo(hits[position]!.bm25, 9));
  });

  it('keeps the rarest terms up to the budget: rows must hold one of them', () => {
    const hits = store.contentModules.lexicalSearch(['common', 'middling', 'zebra'], ROWS);
    const expected = [...textOf].filter(([, body]) => body.includes('zebra') || body.includes('middling')).map(([id]) => id);
    expect(expected).toHaveLength(3_000);
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set(expected));
    for (let index = 1; index < hits.length; index++) expect(hits[index]!.bm25).toBeGreaterThanOrEqual(hits[index - 1]!.bm25);
    // Rows with both kept terms come first.
    const both = hits.filter((hit) => textOf.get(hit.id)!.includes('zebra') && textOf.get(hit.id)!.includes('middling')).map((hit) => hit.id);
    expect(both.sort()).toEqual(['cm-20', 'cm-30', 'cm-40']);
    expect(hits.slice(0, 3).map((hit) => hit.id).sort()).toEqual(both);
  });

  it('always keeps at least one term, however common', () => {
    const hits = store.contentModules.lexicalSearch(['common'], 10);
    expect(hits).toHaveLength(10);
    // Row 10 holds it three times.
    expect(hits[0]!.id).toBe('cm-10');
    expect(store.contentModules.lexicalSearch(['common', 'filler'], 10)).toHaveLength(10);
  });

  it('sees new rows after a write (the term counts are not stale)', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'omni-fts-fresh-'));
    const local = openSqliteStore(join(scratch, 'omni.db'));
    try {
      local.contentModules.upsert(module({ id: 'cm-a', body: 'alpha' }));
      expect(local.contentModules.lexicalSearch(['alpha', 'beta'], 10).map((hit) => hit.id)).toEqual(['cm-a']);
      local.contentModules.upsert(module({ id: 'cm-b', body: 'beta' }));
      expect(local.contentModules.lexicalSearch(['alpha', 'beta'], 10).map((hit) => hit.id).sort()).toEqual(['cm-a', 'cm-b']);
    } finally {
      local.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  // BUG (src/store/sqlite-store.ts rarestTerms): a term no row holds (a typo, a name, a word of
  // punctuation) has frequency 0, so it is the "rarest" term and is always kept; when every other
  // term matches more than RARE_TERM_ROWS rows, the restriction is that term alone and the search
  // returns nothing. Remove `.fails` once zero-frequency terms are skipped.
  it('still finds the common rows when another term matches nothing', () => {
    expect(store.contentModules.lexicalSearch(['common', 'xyzzy'], 10)).toHaveLength(10);
  });

  it('still finds the common rows when another term has no words (an empty FTS5 phrase)', () => {
    expect(store.contentModules.lexicalSearch(['common', '*'], 10)).toHaveLength(10);
  });
});

describe('content modules: market codes', () => {
  let directory: string;
  let store: SqliteStore;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-market-'));
    store = openSqliteStore(join(directory, 'omni.db'));
  });
  afterEach(() => {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('stores a market in upper case and scopes searches by it', () => {
    const parsed = module({ id: 'cm-us', market: 'us' });
    expect(parsed.market).toBe('US');
    expect(module({ id: 'cm-qc', market: ' ca-qc ' }).market).toBe('CA-QC');
    store.contentModules.upsert(parsed);
    expect(store.contentModules.get('cm-us')!.market).toBe('US');
    expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'US', purposes: ['promotional'] }).map((hit) => hit.id)).toEqual(['cm-us']);
  });

  it('defaults the market to US', () => {
    const { market: _, ...fields } = module({ id: 'cm-default' });
    expect(ContentModule.parse(fields).market).toBe('US');
  });

  it.each(['United States', 'USA', 'U', '', 'US-', 'us_qc', 'CA-QC-MTL', '1A', 'EU/UK'])('rejects the market %j', (market) => {
    const result = ContentModule.safeParse({ ...module({ id: 'cm-x' }), market });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((issue) => issue.path.join('.') === 'market')).toBe(true);
  });
});

describe('migration 3 on a version-2 database', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'omni-migrate-'));
  });
  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('recreates the full-text rows with scope tokens for the existing modules', () => {
    const path = join(directory, 'omni.db');
    const database = new Database(path);
    database.exec(migrations[0]!);
    database.exec(migrations[1]!);
    database.pragma('user_version = 2');
    const insertModule = database.prepare(`
      INSERT INTO content_modules (id, version, mlr_code, title, body, brand_name, generic_name, kind,
        allowed_channels, purpose, market, approved_at, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'claim', '["email"]', ?, ?, '2026-01-01', 'approved')`);
    const insertText = database.prepare(
      'INSERT INTO content_fts (rowid, module_key, title, body, mlr_code, brand_name, generic_name) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const rows = [
      ['cm-qc', 2, 'QC-1', 'Quebec infusion guide', 'Infusion reactions in Quebec.', 'Zeltra', 'zeltrazumab', 'events', 'CA-QC'],
      ['cm-us', 1, 'US-1', 'US infusion guide', 'Infusion reactions.', '', '', 'promotional', 'US'],
      ['cm-us-research', 1, 'US-2', 'Infusion survey', 'Infusion survey.', '', '', 'market_research', 'US'],
    ] as const;
    for (const [id, version, mlrCode, title, body, brand, generic, purpose, market] of rows) {
      const { lastInsertRowid } = insertModule.run(id, version, mlrCode, title, body, brand, generic, purpose, market);
      insertText.run(lastInsertRowid, `${id}@${version}`, title, body, mlrCode, brand, generic);
    }
    database.close();

    const store = openSqliteStore(path);
    try {
      expect(store.database.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(migrations.length).toBeGreaterThanOrEqual(3);
      expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'CA-QC', purposes: ['promotional', 'events'] })).toEqual([
        expect.objectContaining({ id: 'cm-qc', version: 2 }),
      ]);
      expect(store.contentModules.lexicalSearch(['zeltrazumab'], 10, { market: 'CA-QC', purposes: ['events'] }).map(keyOf)).toEqual(['cm-qc@2']);
      expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'US', purposes: ['promotional', 'events'] }).map(keyOf)).toEqual(['cm-us@1']);
      expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'US', purposes: ['market_research'] }).map(keyOf)).toEqual(['cm-us-research@1']);
      expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'CA', purposes: ['events'] })).toEqual([]);
      expect(store.contentModules.lexicalSearch(['infusion'], 10).map(keyOf).sort()).toEqual(['cm-qc@2', 'cm-us-research@1', 'cm-us@1']);
      // The backfilled tokens are the ones new rows get, and later writes keep the rowids in step.
      const scopes = store.database.prepare('SELECT module_key, scope FROM content_fts ORDER BY module_key').all();
      expect(scopes).toEqual([
        { module_key: 'cm-qc@2', scope: contentScopeText({ market: 'CA-QC', purpose: 'events' }) },
        { module_key: 'cm-us-research@1', scope: contentScopeText({ market: 'US', purpose: 'market_research' }) },
        { module_key: 'cm-us@1', scope: contentScopeText({ market: 'US', purpose: 'promotional' }) },
      ]);
      store.contentModules.upsert(module({ id: 'cm-us', title: 'Rewritten', body: 'Hepatic dosing.', market: 'US' }));
      expect(store.contentModules.lexicalSearch(['infusion'], 10, { market: 'US', purposes: ['promotional'] })).toEqual([]);
      expect(store.contentModules.lexicalSearch(['hepatic'], 10, { market: 'US', purposes: ['promotional'] }).map(keyOf)).toEqual(['cm-us@1']);
    } finally {
      store.close();
    }
    // Opening again does not migrate twice.
    const again = openSqliteStore(path);
    try {
      expect(again.database.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(again.contentModules.lexicalSearch(['infusion'], 10).map(keyOf).sort()).toEqual(['cm-qc@2', 'cm-us-research@1']);
    } finally {
      again.close();
    }
  });
});
