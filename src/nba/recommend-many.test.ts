import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_RULES } from '../compliance/content-provenance.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { AppError } from '../core/app-error.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { ApprovedContentLibrary } from '../retrieval/approved-content-search.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { recommendNextBestActions, type NbaDependencies, type NbaResult } from './next-best-actions.ts';
import { recommendForMany } from './recommend-many.ts';
import { loadNbaWeights } from './weights.ts';
import type { Caller } from '../compliance/caller.ts';
import { loadConsentRules } from '../compliance/consent-jurisdictions.ts';

/** The demo data's anchor: the last moment of its simulated year. */
const AS_OF = '2026-11-20T18:00:00.000Z';

let directory: string;
let store: SqliteStore;
let log: SqliteDecisionLog;
let deps: NbaDependencies;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-recommend-many-'));
  const path = join(directory, 'omni.db');
  createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  store = openSqliteStore(path);
  log = new SqliteDecisionLog(store.database);
  deps = { store, content: new ApprovedContentLibrary(store, null), decisionLog: log, weights: loadNbaWeights(), deadEndDays: 14, contentRules: DEFAULT_CONTENT_RULES, consentRules: loadConsentRules() };
});

afterAll(() => {
  store?.close();
  rmSync(directory, { recursive: true, force: true });
});

function callerFor(userId: string): Caller {
  const user = store.users.getById(userId)!;
  return { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
}

const withoutId = ({ recommendationId: _, ...rest }: NbaResult) => rest;

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('recommendForMany (a nightly run)', () => {
  it('gives each HCP what recommendNextBestActions gives it, and logs the same record for it, a batch per transaction', () => {
    const rep = callerFor('u-rep-ne-1');
    const hcps = store.hcps.listInTerritories(rep.scope.territories);
    const before = log.count();
    const batches = [...recommendForMany(deps, rep, hcps, AS_OF, { batchSize: 64 })];
    expect(batches.map((batch) => batch.length)).toEqual([...Array(Math.floor(hcps.length / 64)).fill(64), ...(hcps.length % 64 ? [hcps.length % 64] : [])]);
    const results = batches.flat();
    expect(results.map((result) => result.hcp.id)).toEqual(hcps.map((hcp) => hcp.id));
    expect(log.count()).toBe(before + hcps.length);
    for (const [index, result] of results.entries()) {
      const single = recommendNextBestActions(deps, rep, hcps[index]!.id, AS_OF);
      expect(withoutId(result), result.hcp.id).toEqual(withoutId(single));
      const batchRecord = log.get(result.recommendationId)!;
      const singleRecord = log.get(single.recommendationId)!;
      expect(batchRecord).toMatchObject({ kind: 'recommendation', actorId: rep.actorId, hcpId: result.hcp.id, refersTo: null });
      expect(canonicalJson(batchRecord.payload), result.hcp.id).toBe(canonicalJson(singleRecord.payload));
    }
    expect(log.verify()).toMatchObject({ intact: true, records: before + 2 * hcps.length });
  });

  it('refuses an HCP the caller may not see before writing anything', () => {
    const rep = callerFor('u-rep-ne-1');
    const elsewhere = store.hcps.listInTerritories(undefined).find((hcp) => !rep.scope.territories!.includes(hcp.territory))!;
    const mine = store.hcps.listInTerritories(rep.scope.territories).slice(0, 3);
    const before = log.count();
    const error = caught(() => [...recommendForMany(deps, rep, [...mine, elsewhere], AS_OF)]);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: `HCP ${elsewhere.id} is outside your territories` });
    expect(log.count()).toBe(before);
  });

  it('shows nothing of a batch whose write fails, and leaves none of its records', () => {
    const rep = callerFor('u-rep-ne-1');
    const hcps = store.hcps.listInTerritories(rep.scope.territories).slice(0, 30);
    const before = log.count();
    // The 15th record of the run is refused: the first batch of 10 is written and shown, the second is not.
    store.database.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON decision_log WHEN NEW.sequence = ${before + 15} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const run = recommendForMany(deps, rep, hcps, AS_OF, { batchSize: 10 });
      expect(run.next().value).toHaveLength(10);
      expect(caught(() => run.next())).toMatchObject({ code: 'STORE_FAILURE', message: 'the decision log could not be written' });
      expect(log.count()).toBe(before + 10);
    } finally {
      store.database.exec('DROP TRIGGER refuse_one');
    }
    expect(log.verify()).toMatchObject({ intact: true, records: before + 10 });
  });
});
