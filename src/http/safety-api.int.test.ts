import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentTurns } from '../agent/agent.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { takeIntake } from '../compliance/adverse-event-intake.ts';
import { callerFor } from '../compliance/caller.ts';
import { Hcp } from '../domain/hcp.ts';
import { User } from '../domain/user.ts';
import { createLogger } from '../logger.ts';
import { SqliteApiTokens } from '../store/sqlite-api-tokens.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { createHttpApp } from './create-http-app.ts';
import { startHttpServer } from './start-http-server.ts';

/** GET /v1/safety/intakes on a real server on 127.0.0.1: Drug Safety's list, for medical affairs and admins only. */
let directory: string;
let store: SqliteStore;
let server: Awaited<ReturnType<typeof startHttpServer>>;
const tokens: Record<string, string> = {};
const intakeIds: string[] = [];

const agent: AgentTurns = {
  modelId: 'stub',
  ask: () => Promise.reject(new Error('not asked here')),
};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'omni-safety-http-'));
  store = openSqliteStore(join(directory, 'omni.db'));
  for (const user of [
    { id: 'u-rep', name: 'Rita Rep', role: 'rep', territories: ['T-NE'] },
    { id: 'u-rep-2', name: 'Ron Rep', role: 'rep', territories: ['T-NE'] },
    { id: 'u-msl', name: 'Mo Msl', role: 'msl', territories: ['T-NE'] },
    { id: 'u-mgr', name: 'Max Manager', role: 'manager', territories: ['T-NE'] },
    { id: 'u-ma', name: 'Mia Affairs', role: 'medical_affairs' },
    { id: 'u-admin', name: 'Ada Admin', role: 'admin' },
  ]) store.users.upsert(User.parse(user));
  store.hcps.upsert(Hcp.parse({ id: 'hcp-ne', firstName: 'Maria', lastName: 'Reyes', specialty: 'Rheumatology', territory: 'T-NE' }));
  store.products.upsert({ id: 'prod-xeljanz', brandName: 'XELJANZ', genericName: 'tofacitinib', therapeuticArea: 'immunology', labelId: '', topics: [] });
  let clock = Date.parse('2026-11-10T09:00:00.000Z');
  const log = new SqliteDecisionLog(store.database, { now: () => new Date((clock += 5 * 86_400_000)) });
  for (const asOf of ['2026-11-15T09:00:00.000Z', '2026-11-20T15:00:00.000Z']) {
    const outcome = takeIntake(
      { reporter: 'hcp', hcp: 'hcp-ne', patient: { initials: 'J.M.', age: 54, sex: 'female' }, product: 'XELJANZ', event: 'jaundice', narrative: 'patient Jane Miller, jane@example.com', submit: false },
      { store, log, caller: callerFor(store.users.getById('u-rep')!), employeeName: 'Rita Rep', asOf },
    );
    if (outcome.status === 'recorded') intakeIds.push(outcome.intakeId);
  }
  const issued = new SqliteApiTokens(store.database);
  for (const id of ['u-rep', 'u-rep-2', 'u-msl', 'u-mgr', 'u-ma', 'u-admin']) tokens[id] = issued.create(id, 'test');
  const app = createHttpApp({ agent, store, decisionLog: log, userIdForToken: (token) => issued.userIdFor(token), logger: createLogger('silent'), limits: { bodyLimitBytes: 4_096, rateLimitPerMinute: 1_000 } });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server?.close();
  store?.close();
  rmSync(directory, { recursive: true, force: true });
});

const get = (path: string, as: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[as]}` } });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();

describe('GET /v1/safety/intakes', () => {
  it('lists the intakes for medical affairs and admins (200), oldest first, redacted, with due times', async () => {
    expect(intakeIds).toHaveLength(2);
    for (const as of ['u-ma', 'u-admin']) {
      const response = await get('/v1/safety/intakes', as);
      expect(response.status).toBe(200);
      const body = await json(response);
      expect(body.since).toBeNull();
      expect(body.intakes.map((intake: { intakeId: string }) => intake.intakeId)).toEqual(intakeIds);
      expect(body.intakes[1]).toMatchObject({ dueBy: '2026-11-23T15:00:00.000Z', complete: true, reporter: { kind: 'hcp', hcpId: 'hcp-ne' }, product: { id: 'prod-xeljanz' }, patient: { initials: 'J.M.' } });
      expect(JSON.stringify(body)).not.toMatch(/Jane|Miller|jane@example\.com/);
    }
    const since = await json(await get('/v1/safety/intakes?since=2026-11-18', 'u-ma'));
    expect(since.since).toBe('2026-11-18T00:00:00.000Z');
    expect(since.intakes.map((intake: { intakeId: string }) => intake.intakeId)).toEqual([intakeIds[1]]);
  });

  it('gives every other role the standard 403, and a date it cannot read a 400', async () => {
    for (const as of ['u-rep', 'u-msl', 'u-mgr']) {
      const response = await get('/v1/safety/intakes', as);
      expect(response.status, as).toBe(403);
      const body = await json(response);
      expect(body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Drug Safety/) });
      expect(body.intakes).toBeUndefined();
    }
    expect((await get('/v1/safety/intakes?since=yesterday', 'u-ma')).status).toBe(400);
  });

  it('shows an intake record to its reporter and Drug Safety, not to another rep who may see the HCP', async () => {
    const id = intakeIds[0]!;
    expect((await get(`/v1/recommendations/${id}`, 'u-rep')).status).toBe(200);
    expect((await get(`/v1/recommendations/${id}`, 'u-ma')).status).toBe(200);
    expect((await get(`/v1/recommendations/${id}`, 'u-rep-2')).status).toBe(404);
  });
});
