import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_RULES } from '../compliance/content-provenance.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { addDays } from '../core/dates.ts';
import type { Hcp } from '../domain/hcp.ts';
import { productDisplayName } from '../domain/product.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { ApprovedContentLibrary } from '../retrieval/approved-content-search.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { actionShapes } from './candidate-actions.ts';
import { recommendNextBestActions, summarise, type NbaDependencies } from './next-best-actions.ts';
import { computeOpenSignals } from './open-signals.ts';
import { SIGNAL_WINDOW_DAYS } from './signals.ts';
import { planTerritory, type TerritoryPlan } from './territory-plan.ts';
import { loadNbaWeights } from './weights.ts';
import type { Caller } from '../compliance/caller.ts';
import { loadConsentRules } from '../compliance/consent-jurisdictions.ts';

/** The demo data's anchor: the last moment of its simulated year. */
const AS_OF = '2026-11-20T18:00:00.000Z';
const DEAD_END_DAYS = 14;

let directory: string;
let store: SqliteStore;
let deps: NbaDependencies;
let log: SqliteDecisionLog;

function callerFor(userId: string): Caller {
  const user = store.users.getById(userId)!;
  return { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
}

/** Dead ends computed apart from the engine, the way the HCP profile computes them. */
function hasOpenDeadEnd(hcp: Hcp): boolean {
  const names = new Map(store.products.list().map((product) => [product.id, productDisplayName(product)]));
  const interactions = store.interactions.forHcpBetween(hcp.id, addDays(AS_OF, -SIGNAL_WINDOW_DAYS), new Date(Date.parse(AS_OF) + 1).toISOString());
  return computeOpenSignals({
    interactions,
    consents: store.consents.forHcp(hcp.id),
    segment: hcp.segment,
    asOf: AS_OF,
    options: { deadEndDays: DEAD_END_DAYS },
    productName: (id) => (id ? (names.get(id) ?? id) : 'unspecified product'),
  }).some((signal) => signal.kind === 'dead_end');
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-plan-'));
  const path = join(directory, 'omni.db');
  createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  store = openSqliteStore(path);
  log = new SqliteDecisionLog(store.database);
  deps = { store, content: new ApprovedContentLibrary(store, null), decisionLog: log, weights: loadNbaWeights(), deadEndDays: DEAD_END_DAYS, contentRules: DEFAULT_CONTENT_RULES, consentRules: loadConsentRules() };
});

afterAll(() => {
  store?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('planTerritory on the demo data', () => {
  const plans = new Map<string, TerritoryPlan>();
  const reps = () => store.users.list().filter((user) => user.role === 'rep');

  it('puts every open dead end of a rep\'s territory in their plan, flagged, above every "wait"', () => {
    expect(reps().length).toBe(6);
    let deadEndsSeen = 0;
    let deadEndsWaiting = 0;
    for (const rep of reps()) {
      const territory = store.hcps.listInTerritories(rep.territories);
      const before = log.count();
      const plan = planTerritory(deps, callerFor(rep.id), AS_OF, { limit: 500 });
      plans.set(rep.id, plan);
      expect(log.count(), rep.id).toBe(before + 1);
      expect(plan.hcpsConsidered, rep.id).toBe(territory.length);
      expect(plan.entries, rep.id).toHaveLength(territory.length);

      const expected = territory.filter(hasOpenDeadEnd).map((hcp) => hcp.id).sort();
      const flagged = plan.entries.filter((entry) => entry.flags.includes('dead_end')).map((entry) => entry.hcp.id).sort();
      expect(expected.length, `${rep.id} has planted dead ends`).toBeGreaterThan(0);
      expect(flagged, rep.id).toEqual(expected);
      deadEndsSeen += flagged.length;

      const waits = plan.entries.filter((entry) => entry.action.kind === 'wait');
      const firstWait = Math.min(...waits.map((entry) => entry.rank));
      for (const entry of plan.entries.filter((candidate) => candidate.flags.includes('dead_end'))) {
        if (entry.action.kind === 'wait') {
          deadEndsWaiting++;
          continue;
        }
        expect(entry.rank, `${rep.id} ${entry.hcp.id}`).toBeLessThan(firstWait);
      }
      // Ranked: every non-wait entry first, by score; then the waits.
      plan.entries.forEach((entry, index) => {
        expect(entry.rank).toBe(index + 1);
        const next = plan.entries[index + 1];
        if (!next) return;
        if (entry.action.kind === 'wait') expect(next.action.kind, `${rep.id} rank ${next.rank}`).toBe('wait');
        else if (next.action.kind !== 'wait') expect(entry.action.score).toBeGreaterThanOrEqual(next.action.score);
      });
    }
    expect(deadEndsSeen).toBeGreaterThanOrEqual(30);
    // A dead end whose HCP can only be waited on (every contact blocked or outscored by fatigue) is rare.
    expect(deadEndsWaiting).toBeLessThan(deadEndsSeen / 10);
  });

  it('shows dead ends first in the default 20-entry plan, as the weights say', () => {
    for (const rep of reps()) {
      const full = plans.get(rep.id)!;
      const plan = planTerritory(deps, callerFor(rep.id), AS_OF);
      expect(plan.entries, rep.id).toHaveLength(20);
      expect(plan.entries.map((entry) => entry.hcp.id), rep.id).toEqual(full.entries.slice(0, 20).map((entry) => entry.hcp.id));
      expect(plan.entries[0]!.flags, rep.id).toContain('dead_end');
      expect(plan.entries[0]!.topReason, rep.id).toMatch(/^Dead end: /);
    }
  });

  it('never puts an HCP outside the rep\'s territories in their plan', () => {
    for (const rep of reps()) {
      const plan = plans.get(rep.id)!;
      expect(plan.territories).toEqual(rep.territories);
      for (const entry of plan.entries) expect(rep.territories, `${rep.id} ${entry.hcp.id}`).toContain(entry.hcp.territory);
      for (const entry of plan.entries) expect(rep.territories).toContain(store.hcps.getById(entry.hcp.id)!.territory);
    }
    const manager = planTerritory(deps, callerFor('u-mgr-west'), AS_OF, { limit: 500 });
    expect(new Set(manager.entries.map((entry) => entry.hcp.territory))).toEqual(new Set(['T-W']));
  });

  it('gives each entry its best allowed action, the same one a single recommendation gives, with its top reason', () => {
    const rep = callerFor('u-rep-mw-2');
    const plan = planTerritory(deps, rep, AS_OF, { limit: 500 });
    for (const entry of plan.entries.filter((_, index) => index % 10 === 0)) {
      const single = recommendNextBestActions(deps, rep, entry.hcp.id, AS_OF);
      expect(summarise(single.recommended), entry.hcp.id).toEqual(summarise(entry.action));
    }
    for (const entry of plan.entries) {
      expect(entry.action.allowed).toBe(true);
      const top = [...entry.action.contributions].filter((contribution) => contribution.contribution > 0).sort((a, b) => b.contribution - a.contribution)[0];
      expect(entry.topReason).toBe(top?.sentence ?? 'Nothing stands out.');
    }
  });

  it('never plans a promotional action for medical affairs', () => {
    const plan = planTerritory(deps, callerFor('u-medaffairs'), AS_OF, { limit: 500 });
    expect(plan.territories).toBe('all');
    expect(plan.hcpsConsidered).toBe(store.hcps.count());
    for (const entry of plan.entries) expect(actionShapes[entry.action.kind].purpose === 'medical' || entry.action.kind === 'wait', entry.hcp.id).toBe(true);
  });

  it('writes one "plan" record per plan, holding what was shown', () => {
    const rep = callerFor('u-rep-ne-2');
    const before = log.count();
    const plan = planTerritory(deps, rep, AS_OF, { limit: 25 });
    expect(log.count()).toBe(before + 1);
    const record = log.get(plan.planId)!;
    expect(record).toMatchObject({ kind: 'plan', actorId: 'u-rep-ne-2', hcpId: null, refersTo: null });
    const payload = record.payload as Record<string, any>;
    expect(payload.asOf).toBe(AS_OF);
    expect(payload.territories).toEqual(['T-NE']);
    expect(payload.hcpsConsidered).toBe(plan.hcpsConsidered);
    expect(payload.weights).toEqual({ version: deps.weights.version, sha256: deps.weights.sha256 });
    expect(payload.entries).toEqual(
      JSON.parse(JSON.stringify(plan.entries.map((entry) => ({ rank: entry.rank, hcpId: entry.hcp.id, topReason: entry.topReason, flags: entry.flags, action: summarise(entry.action) })))),
    );
    // Limits are clamped to 1..500.
    expect(planTerritory(deps, rep, AS_OF, { limit: 0 }).entries).toHaveLength(1);
    expect(log.count()).toBe(before + 2);
    expect(log.verify()).toMatchObject({ intact: true });
  });
});
