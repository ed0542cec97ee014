import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_RULES } from '../compliance/content-provenance.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor, FULL_ACCESS } from '../compliance/access-policy.ts';
import type { Hcp } from '../domain/hcp.ts';
import { channels } from '../domain/vocabulary.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { ApprovedContentLibrary } from '../retrieval/approved-content-search.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { NbaEvaluator, type HcpEvaluation, type NbaDependencies } from './next-best-actions.ts';
import { readActivity, readActivityOfMany } from './read-activity.ts';
import { loadNbaWeights } from './weights.ts';
import type { Caller } from '../compliance/caller.ts';
import { loadConsentRules } from '../compliance/consent-jurisdictions.ts';

/** The demo data's anchor: the last moment of its simulated year. */
const AS_OF = '2026-11-20T18:00:00.000Z';

let directory: string;
let store: SqliteStore;
let deps: NbaDependencies;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-evaluate-many-'));
  const path = join(directory, 'omni.db');
  createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  store = openSqliteStore(path);
  deps = { store, content: new ApprovedContentLibrary(store, null), decisionLog: new SqliteDecisionLog(store.database), weights: loadNbaWeights(), deadEndDays: 14, contentRules: DEFAULT_CONTENT_RULES, consentRules: loadConsentRules() };
});

afterAll(() => {
  store?.close();
  rmSync(directory, { recursive: true, force: true });
});

function callerFor(userId: string): Caller {
  const user = store.users.getById(userId)!;
  return { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
}

/**
 * Everything an evaluation holds, the channel signals included (forChannel is a function), as JSON
 * text: stricter than toEqual (key order, every value) and fast enough for thousands of HCPs.
 */
function comparable(evaluation: HcpEvaluation): string {
  const { signals, consents, actions } = evaluation;
  return JSON.stringify({
    signals: { asOf: signals.asOf, common: signals.common, interest: signals.interest, contacts: signals.contacts, byChannel: channels.map((channel) => signals.forChannel(channel)) },
    consents,
    actions,
  });
}

describe('NbaEvaluator.evaluateMany (the batch path)', () => {
  it('gives every demo HCP exactly what evaluate() gives it, for every kind of caller and chunk size', () => {
    const callers: [string, Caller][] = [
      ['local operator', { actorId: 'local', role: null, scope: FULL_ACCESS }],
      ['admin', callerFor('u-admin')],
      ['rep', callerFor('u-rep-ne-1')],
      ['medical affairs', callerFor('u-medaffairs')],
    ];
    let compared = 0;
    for (const [name, caller] of callers) {
      const hcps = store.hcps.listInTerritories(caller.scope.territories);
      expect(hcps.length, name).toBeGreaterThanOrEqual(200);
      const single = new NbaEvaluator(deps);
      const expected = hcps.map((hcp) => comparable(single.evaluate(hcp, caller, AS_OF)));
      // Chunks of one and of everything for the operator; uneven chunks for every caller.
      for (const chunkSize of name === 'local operator' ? [1, 7, 128, 1_000] : [7, 128]) {
        const batch = [...new NbaEvaluator(deps).evaluateMany(hcps, caller, AS_OF, { chunkSize })];
        // In the order given, one evaluation per HCP.
        expect(batch.map((entry) => entry.hcp.id), `${name}, chunks of ${chunkSize}`).toEqual(hcps.map((hcp) => hcp.id));
        batch.forEach((entry, index) => expect(comparable(entry), `${name}, chunks of ${chunkSize}, ${entry.hcp.id}`).toBe(expected[index]));
        compared += batch.length;
      }
    }
    expect(compared).toBeGreaterThan(10 * 200);
  });

  it('reads the same rows for many HCPs as for each alone, HCPs without rows included', () => {
    const hcps = store.hcps.listInTerritories(undefined);
    const ids = [...hcps.map((hcp) => hcp.id), 'hcp-does-not-exist'];
    const many = readActivityOfMany(store, ids, AS_OF);
    expect([...many.keys()]).toEqual(ids);
    for (const id of ids) expect(many.get(id), id).toEqual(readActivity(store, id, AS_OF));
    expect(many.get('hcp-does-not-exist')).toEqual([]);
    const consents = store.consents.forHcps(ids);
    for (const id of ids) expect(consents.get(id) ?? [], id).toEqual(store.consents.forHcp(id));
  });

  it('stops offering a module withdrawn while a batch is running, from the next chunk on', () => {
    const caller: Caller = { actorId: 'local', role: null, scope: FULL_ACCESS };
    const hcps: Hcp[] = store.hcps.listInTerritories(undefined);
    const chunkSize = 50;
    const batch = new NbaEvaluator(deps).evaluateMany(hcps, caller, AS_OF, { chunkSize });
    const first: HcpEvaluation[] = [];
    for (let index = 0; index < chunkSize; index++) first.push(batch.next().value as HcpEvaluation);
    // The module the first chunk offered most often with an approved email.
    const offered = new Map<string, number>();
    for (const evaluation of first) {
      for (const module of evaluation.actions.find((action) => action.kind === 'approved_email')!.modules) offered.set(module.id, (offered.get(module.id) ?? 0) + 1);
    }
    const [withdrawn] = [...offered].sort((a, b) => b[1] - a[1])[0]!;
    const single = new NbaEvaluator(deps);
    const offers = (evaluation: HcpEvaluation) => evaluation.actions.some((action) => action.modules.some((entry) => entry.id === withdrawn));
    // Later HCPs would be offered it too, had it stayed approved.
    expect(hcps.slice(chunkSize, 3 * chunkSize).some((hcp) => offers(single.evaluate(hcp, caller, AS_OF)))).toBe(true);
    const module = store.contentModules.get(withdrawn)!;
    store.contentModules.upsert({ ...module, status: 'withdrawn' });
    try {
      const rest = [...batch];
      expect(rest).toHaveLength(hcps.length - chunkSize);
      expect(rest.filter(offers).map((evaluation) => evaluation.hcp.id)).toEqual([]);
      // And still what evaluate() gives now.
      for (const entry of rest.filter((_, index) => index % 25 === 0)) expect(comparable(entry)).toBe(comparable(single.evaluate(entry.hcp, caller, AS_OF)));
    } finally {
      store.contentModules.upsert(module);
    }
  });
});
