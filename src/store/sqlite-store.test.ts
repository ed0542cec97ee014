import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ContentModule } from '../domain/content-module.ts';
import { Hcp, UNASSIGNED_TERRITORY } from '../domain/hcp.ts';
import { migrations } from './migrations.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

let directory: string;
let store: SqliteStore;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-store-'));
  store = openSqliteStore(join(directory, 'omni.db'));
});

afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

const module = (fields: Partial<ContentModule> & Pick<ContentModule, 'id' | 'title' | 'body'>) =>
  ContentModule.parse({
    version: 1,
    mlrCode: `MLR-${fields.id}`,
    kind: 'safety',
    allowedChannels: ['email'],
    purpose: 'promotional',
    approvedAt: '2026-01-01',
    status: 'approved',
    ...fields,
  });

describe('content modules: lexical search', () => {
  it('finds modules by words in the title, body, MLR code and names, best first', () => {
    store.contentModules.upsert(module({ id: 'cm-a', title: 'Peripheral neuropathy', body: 'Monitor patients for neuropathy.', brandName: 'ADCETRIS', genericName: 'brentuximab vedotin' }));
    store.contentModules.upsert(module({ id: 'cm-b', title: 'Infusion reactions', body: 'Stop the infusion.' }));
    expect(store.contentModules.lexicalSearch(['neuropathy'], 10).map((hit) => hit.id)).toEqual(['cm-a']);
    expect(store.contentModules.lexicalSearch(['brentuximab'], 10).map((hit) => hit.id)).toEqual(['cm-a']);
    expect(store.contentModules.lexicalSearch(['MLR-cm-b'], 10).map((hit) => hit.id)).toEqual(['cm-b']);
    expect(store.contentModules.lexicalSearch(['infusion', 'neuropathy'], 10)).toHaveLength(2);
  });

  it('keeps one text entry per module version when a module is updated', () => {
    store.contentModules.upsert(module({ id: 'cm-a', title: 'Old title', body: 'obsolete wording' }));
    store.contentModules.upsert(module({ id: 'cm-a', title: 'New title', body: 'current wording' }));
    expect(store.contentModules.lexicalSearch(['obsolete'], 10)).toEqual([]);
    expect(store.contentModules.lexicalSearch(['current'], 10)).toHaveLength(1);
    store.contentModules.upsert(module({ id: 'cm-a', version: 2, title: 'Second edition', body: 'current wording' }));
    expect(store.contentModules.lexicalSearch(['current'], 10).map((hit) => hit.version).sort()).toEqual([1, 2]);
  });

  it('treats query syntax in user text as plain words', () => {
    store.contentModules.upsert(module({ id: 'cm-a', title: 'Hepatotoxicity', body: 'Monitor liver enzymes.' }));
    for (const hostile of ['title:*', '"unbalanced', 'NEAR(a b)', 'liver* OR', ')', 'body : enzymes', "'; DROP TABLE content_modules; --"]) {
      expect(() => store.contentModules.lexicalSearch([hostile], 10)).not.toThrow();
    }
    expect(store.contentModules.lexicalSearch(['"liver"'], 10).map((hit) => hit.id)).toEqual(['cm-a']);
    expect(store.contentModules.count()).toBe(1);
  });
});

describe('embedding cache', () => {
  it('returns the stored vector for a content hash and model, and nothing for another model', () => {
    const vector = new Float32Array([0.25, -1.5, 3]);
    store.embeddingCache.put('hash-1', 'model-a', vector);
    expect(Array.from(store.embeddingCache.get('hash-1', 'model-a') ?? [])).toEqual([0.25, -1.5, 3]);
    expect(store.embeddingCache.get('hash-1', 'model-b')).toBeUndefined();
    store.embeddingCache.put('hash-1', 'model-a', new Float32Array([1, 2, 3]));
    expect(Array.from(store.embeddingCache.get('hash-1', 'model-a') ?? [])).toEqual([1, 2, 3]);
  });
});

describe('migrations', () => {
  it('turns the "" territory of HCPs stored before "unassigned" into "unassigned"', () => {
    store.close();
    const path = join(directory, 'older.db');
    const database = new Database(path);
    const before = migrations.findIndex((migration) => migration.includes("SET territory = 'unassigned'"));
    for (const migration of migrations.slice(0, before)) database.exec(migration);
    database.pragma(`user_version = ${before}`);
    const insert = database.prepare(
      `INSERT INTO hcps (id, first_name, last_name, first_name_key, last_name_key, full_name_key, specialty, territory, source)
       VALUES (?, 'Ana', 'Reyes', 'ana', 'reyes', 'ana reyes', 'Oncology', ?, ?)`,
    );
    insert.run('npi-1', '', 'nppes');
    insert.run('hcp-1', 'T-NE', 'synthetic');
    database.close();
    store = openSqliteStore(path);
    expect(store.hcps.getById('npi-1')!.territory).toBe(UNASSIGNED_TERRITORY);
    expect(store.hcps.getById('hcp-1')!.territory).toBe('T-NE');
  });

  it('stores an HCP imported without a territory as "unassigned"', () => {
    store.hcps.upsert(Hcp.parse({ id: 'hcp-2', firstName: 'Ana', lastName: 'Reyes', specialty: 'Oncology', territory: '' }));
    store.hcps.upsert(Hcp.parse({ id: 'hcp-3', firstName: 'Ana', lastName: 'Reyes', specialty: 'Oncology' }));
    expect(store.hcps.listInTerritories([UNASSIGNED_TERRITORY]).map((hcp) => hcp.id)).toEqual(['hcp-2', 'hcp-3']);
  });
});
