import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentAnswer, AgentTurns, AskRequest } from '../agent/agent.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import type { ClientAddressSource } from '../config.ts';
import { Hcp } from '../domain/hcp.ts';
import { User } from '../domain/user.ts';
import { createLogger } from '../logger.ts';
import { SqliteApiTokens } from '../store/sqlite-api-tokens.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import { createHttpApp } from './create-http-app.ts';
import { startHttpServer } from './start-http-server.ts';

/**
 * Issue 17's hardening of the HTTP API, on real servers on 127.0.0.1: security headers and the page's
 * Content-Security-Policy, 415 for bodies that are not JSON, one 404 for missing and out-of-scope ids,
 * expired tokens, and the limit on failed sign-ins per client address. The agent is a stub that
 * records its calls, so "refused before it is read" can be checked.
 */
let directory: string;
let store: SqliteStore;
let decisionLog: SqliteDecisionLog;
let tokens: SqliteApiTokens;
let clock = new Date('2026-11-20T10:00:00.000Z');
const asked: AskRequest[] = [];
const servers: Awaited<ReturnType<typeof startHttpServer>>[] = [];
let rep: string;
let admin: string;

const agent: AgentTurns = {
  modelId: 'stub',
  async ask(request) {
    asked.push(request);
    const answer: AgentAnswer = { answer: 'ok', toolCalls: [], citations: { hcps: [], modules: [], recommendations: [] }, charts: [], model: 'stub', prompt: { name: 'rep', sha256: '0'.repeat(64) }, threadId: request.threadId ?? 't', asOf: clock.toISOString(), stoppedBy: null, choices: [] };
    return answer;
  },
};

async function serve(limits: { authFailuresPerMinute?: number; clientAddress?: ClientAddressSource } = {}): Promise<string> {
  const app = createHttpApp({ agent, store, decisionLog, userIdForToken: (token) => tokens.userIdFor(token, clock), logger: createLogger('silent'), limits: { bodyLimitBytes: 4_096, rateLimitPerMinute: 1_000, ...limits }, now: () => clock });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  servers.push(server);
  return server.url;
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-http-security-'));
  store = openSqliteStore(join(directory, 'omni.db'));
  store.users.upsert(User.parse({ id: 'u-rep', name: 'Rita Rep', role: 'rep', territories: ['T-NE'] }));
  store.users.upsert(User.parse({ id: 'u-admin', name: 'Ada Admin', role: 'admin', territories: [] }));
  store.hcps.upsert(Hcp.parse({ id: 'hcp-ne', firstName: 'Maria', lastName: 'Reyes', specialty: 'Medical Oncology', territory: 'T-NE' }));
  store.hcps.upsert(Hcp.parse({ id: 'hcp-w', firstName: 'John', lastName: 'Chen', specialty: 'Hematology', territory: 'T-W' }));
  decisionLog = new SqliteDecisionLog(store.database);
  tokens = new SqliteApiTokens(store.database);
  rep = tokens.create('u-rep', 'test');
  admin = tokens.create('u-admin', 'test');
});
afterAll(async () => {
  for (const server of servers) await server.close();
  store?.close();
  rmSync(directory, { recursive: true, force: true });
});

const bearer = (token: string, more: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...more });

describe('security headers', () => {
  it('sends the page with a Content-Security-Policy that allows its own script and style by hash, and nothing inline besides', async () => {
    const response = await fetch(`${await serve()}/`);
    const html = await response.text();
    const policy = Object.fromEntries(response.headers.get('content-security-policy')!.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    const hash = (tag: string) => `'sha256-${createHash('sha256').update(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1]!, 'utf8').digest('base64')}'`;
    expect(policy).toEqual({
      'default-src': ["'none'"],
      'script-src': [hash('script')],
      'style-src': [hash('style')],
      'connect-src': ["'self'"],
      'img-src': ['blob:'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son[a-z]+=|style="/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('sends the same headers, with a policy that allows nothing, on JSON answers, errors and streams', async () => {
    const base = await serve();
    const responses = [
      await fetch(`${base}/healthz`),
      await fetch(`${base}/v1/whoami`, { headers: bearer(rep) }),
      await fetch(`${base}/v1/whoami`),
      await fetch(`${base}/v1/nothing`, { headers: bearer(rep) }),
      await fetch(`${base}/v1/ask`, { method: 'POST', headers: bearer(rep, { 'content-type': 'application/json', accept: 'text/event-stream' }), body: JSON.stringify({ question: 'hi' }) }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 401, 404, 200]);
    for (const response of responses) {
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      await response.text();
    }
  });
});

describe('request bodies', () => {
  it('answers 415 with a JSON error for a body that is not application/json, before the agent sees it', async () => {
    const base = await serve();
    asked.length = 0;
    const body = JSON.stringify({ question: 'who should I see this week?' });
    for (const type of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonp']) {
      const headers = bearer(rep, type ? { 'content-type': type } : {});
      // fetch labels a string body text/plain itself; a Blob without a type sends no Content-Type.
      const response = await fetch(`${base}/v1/ask`, { method: 'POST', headers, body: type ? body : new Blob([body]) });
      expect(response.status, type).toBe(415);
      const error = (await response.json()) as { error: { code: string; message: string } };
      expect(error.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.error.message).toMatch(/^the body must be JSON: send Content-Type: application\/json/);
    }
    expect(asked).toEqual([]);
    const feedback = await fetch(`${base}/v1/recommendations/dec-x/feedback`, { method: 'POST', headers: bearer(rep, { 'content-type': 'text/plain' }), body: '{"verdict":"accept"}' });
    expect(feedback.status).toBe(415);
    for (const type of ['application/json', 'Application/JSON; charset=UTF-8']) {
      expect((await fetch(`${base}/v1/ask`, { method: 'POST', headers: bearer(rep, { 'content-type': type }), body })).status, type).toBe(200);
    }
    expect(asked).toHaveLength(2);
  });
});

describe('ids outside the caller’s access', () => {
  it('answers an HCP outside the territories exactly as a missing one', async () => {
    const base = await serve();
    const get = async (id: string, token = rep) => {
      const response = await fetch(`${base}/v1/hcps/${id}`, { headers: bearer(token, { 'x-request-id': 'probe' }) });
      return { status: response.status, body: await response.text() };
    };
    const outside = await get('hcp-w');
    expect(outside.status).toBe(404);
    expect(await get('hcp-missing')).toEqual(outside);
    expect(JSON.parse(outside.body)).toEqual({ error: { code: 'NOT_FOUND', message: 'no HCP with that id among those you may see', requestId: 'probe' } });
    expect((await get('hcp-ne')).status).toBe(200);
    expect((await get('hcp-w', admin)).status).toBe(200);
  });

  it('answers a decision-log record about such an HCP exactly as a missing one, for reading and for feedback', async () => {
    const base = await serve();
    const theirs = decisionLog.append({ kind: 'recommendation', actorId: 'u-admin', hcpId: 'hcp-w', refersTo: null, payload: {} });
    const request = async (id: string, token: string, feedback = false) => {
      const init = feedback ? { method: 'POST', headers: bearer(token, { 'x-request-id': 'probe', 'content-type': 'application/json' }), body: JSON.stringify({ verdict: 'accept' }) } : { headers: bearer(token, { 'x-request-id': 'probe' }) };
      const response = await fetch(`${base}/v1/recommendations/${id}${feedback ? '/feedback' : ''}`, init);
      return { status: response.status, body: await response.text() };
    };
    const outside = await request(theirs.id, rep);
    expect(outside.status).toBe(404);
    expect(await request('dec-00000000000000000000000000', rep)).toEqual(outside);
    expect(await request(theirs.id, rep, true)).toEqual(outside);
    expect(await request('dec-00000000000000000000000000', rep, true)).toEqual(outside);
    expect(decisionLog.referringTo(theirs.id)).toEqual([]);
    expect((await request(theirs.id, admin)).status).toBe(200);
    expect((await request(theirs.id, admin, true)).status).toBe(201);
  });
});

describe('sign-in', () => {
  it('refuses an expired token exactly like a wrong one', async () => {
    const base = await serve();
    const expired = tokens.issue('u-rep', 'short', { now: new Date(clock.getTime() - 7_200_000), expiresAt: new Date(clock.getTime() - 1).toISOString() }).token;
    const soon = tokens.issue('u-rep', 'short', { now: clock, expiresAt: new Date(clock.getTime() + 1).toISOString() }).token;
    const whoami = async (token: string) => {
      const response = await fetch(`${base}/v1/whoami`, { headers: bearer(token, { 'x-request-id': 'probe' }) });
      return { status: response.status, body: await response.text() };
    };
    const wrong = await whoami('omni_wrong-token-000000000000000000');
    expect(wrong.status).toBe(401);
    expect(await whoami(expired)).toEqual(wrong);
    expect((await whoami(soon)).status).toBe(200);
  });

  it('after too many failed sign-ins from one address answers 429 with Retry-After, valid token or not, until the minute is over; successes do not count', async () => {
    const base = await serve({ authFailuresPerMinute: 3 });
    const whoami = (token: string, headers: Record<string, string> = {}) => fetch(`${base}/v1/whoami`, { headers: bearer(token, headers) });
    const statuses = async (...tokensTried: string[]) => {
      const seen: number[] = [];
      for (const token of tokensTried) seen.push((await whoami(token)).status);
      return seen;
    };
    // Successes in between count for nothing: the third failure is still a 401.
    expect(await statuses(rep, rep, 'omni_bad-1', rep, 'omni_bad-2', ...Array(20).fill(rep), 'omni_bad-3')).toEqual([200, 200, 401, 200, 401, ...Array(20).fill(200), 401]);
    const locked = await whoami(rep);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect(((await locked.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/too many failed sign-ins/) });
    // X-Forwarded-For is not trusted unless configured: a made-up address does not get round the limit.
    expect((await whoami('omni_bad-4', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    clock = new Date(clock.getTime() + 30_000);
    expect((await whoami(rep)).headers.get('retry-after')).toBe('30');
    clock = new Date(clock.getTime() + 30_000);
    expect(await statuses(rep, 'omni_bad-5')).toEqual([200, 401]);
  });

  it('behind a proxy (OMNI_CLIENT_ADDRESS=x-forwarded-for) counts per forwarded address, the entry the proxy appended', async () => {
    const base = await serve({ authFailuresPerMinute: 2, clientAddress: 'x-forwarded-for' });
    const whoami = async (token: string, forwardedFor: string) => (await fetch(`${base}/v1/whoami`, { headers: bearer(token, { 'x-forwarded-for': forwardedFor }) })).status;
    expect([await whoami('omni_bad', '198.51.100.1'), await whoami('omni_bad', '198.51.100.1')]).toEqual([401, 401]);
    expect(await whoami(rep, '198.51.100.1')).toBe(429);
    // A client that writes its own first entry is still known by the proxy's.
    expect(await whoami(rep, '192.0.2.77, 198.51.100.1')).toBe(429);
    expect(await whoami(rep, '198.51.100.2')).toBe(200);
    expect(await whoami('omni_bad', '198.51.100.2')).toBe(401);
  });
});
