import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../container.ts';
import { chooseDataClock } from '../core/demo-clock.ts';
import { createLogger } from '../logger.ts';
import { SqliteApiTokens } from '../store/sqlite-api-tokens.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { CLARIFIED_QUESTION } from '../testing/clarifying-question.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { createHttpApp } from './create-http-app.ts';
import { AskAnswer } from './http-schemas.ts';
import { startHttpServer } from './start-http-server.ts';

/** The HTTP API on a real server on 127.0.0.1 over the demo data, with the local model. */
let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let limited: Awaited<ReturnType<typeof startHttpServer>>;
const tokens: Record<string, string> = {};
const logLines: string[] = [];

beforeAll(async () => {
  world = createTemporaryDemoStore('omni-http-');
  store = world.store;
  const issued = new SqliteApiTokens(store.database);
  for (const userId of ['u-rep-mw-1', 'u-admin']) tokens[userId] = issued.create(userId, 'test');
  const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 20_000 }, { now: () => new Date(DEMO_AS_OF) });
  const logger = createLogger('info', new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } }));
  const app = (rateLimitPerMinute: number) =>
    createHttpApp({ agent, store, decisionLog: agent.dependencies.decisionLog, userIdForToken: (token) => issued.userIdFor(token), logger, limits: { bodyLimitBytes: 4_096, rateLimitPerMinute }, now: () => new Date(DEMO_AS_OF) });
  server = await startHttpServer(app(1_000), { host: '127.0.0.1', port: 0 });
  limited = await startHttpServer(app(3), { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server?.close();
  await limited?.close();
  world?.remove();
});

const call = (path: string, init: RequestInit & { as?: string | null; base?: string } = {}) => {
  const headers = new Headers(init.headers);
  if (init.as !== null) headers.set('authorization', `Bearer ${tokens[init.as ?? 'u-rep-mw-1'] ?? init.as}`);
  if (init.body) headers.set('content-type', 'application/json');
  return fetch(`${init.base ?? server.url}${path}`, { ...init, headers });
};
// Response bodies are read loosely; AskAnswer.parse checks the ones whose shape is the contract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (response: Response): Promise<any> => response.json();
const ask = (question: string, init: RequestInit & { as?: string | null } = {}) => call('/v1/ask', { method: 'POST', body: JSON.stringify({ question }), ...init });

describe('the HTTP API', () => {
  it('needs a valid bearer token: 401 without one or with a wrong one, as JSON with a stable code', async () => {
    for (const response of [await ask('hello', { as: null }), await ask('hello', { as: 'omni_not-a-real-token-000000' }), await call('/v1/hcps/hcp-000001', { as: 'Basic abc' })]) {
      expect(response.status).toBe(401);
      const body = await json(response);
      expect(body.error.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await json(await call('/v1/whoami'))).toMatchObject({ id: 'u-rep-mw-1', role: 'rep' });
  });

  it('answers /v1/ask as JSON in the documented shape, for the token’s user', async () => {
    const response = await ask('who should I see this week?');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = AskAnswer.parse(await json(response));
    expect(body).toMatchObject({ asOf: DEMO_AS_OF, demoAsOf: null });
    expect(body.toolCalls.map((toolCall) => toolCall.name)).toEqual(['plan_territory']);
    const plan = body.toolCalls[0]!.output as { entries: { hcp: { id: string; territory: string } }[] };
    for (const entry of plan.entries) expect(entry.hcp.territory).toBe('T-MW');
  });

  it('on a demo database past its last day, answers as of the end of that day and says so (demoAsOf)', async () => {
    const demoAsOf = store.settings.demoAsOf();
    expect(demoAsOf).toBe(DEMO_AS_OF);
    const clock = chooseDataClock({ demoAsOf, wallClock: () => new Date('2026-12-07T10:00:00.000Z') });
    const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 20_000 }, { now: clock.now });
    const issued = new SqliteApiTokens(store.database);
    const app = createHttpApp({ agent, store, decisionLog: agent.dependencies.decisionLog, userIdForToken: (token) => issued.userIdFor(token), logger: createLogger('silent'), limits: { bodyLimitBytes: 4_096, rateLimitPerMinute: 100 }, dataNow: clock.now, demoAsOf });
    const headers = { authorization: `Bearer ${tokens['u-rep-mw-1']}`, 'content-type': 'application/json' };
    const body = AskAnswer.parse(await (await app.request('/v1/ask', { method: 'POST', headers, body: JSON.stringify({ question: 'who should I see this week?' }) })).json());
    expect(body).toMatchObject({ asOf: '2026-11-20T23:59:59.999Z', demoAsOf: '2026-11-20' });
    expect((body.toolCalls[0]!.output as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    const profile = (await (await app.request('/v1/hcps/hcp-000020', { headers })).json()) as { asOf: string };
    expect(profile.asOf).toBe('2026-11-20T23:59:59.999Z');
  });

  it('streams /v1/ask as server-sent events when asked: started, each tool call, then the answer', async () => {
    const response = await ask('what should I do next with hcp-000020?', { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter(Boolean).map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)])));
    expect(events.map((event) => event.event)).toEqual(['started', 'tool_call', 'answer']);
    expect(JSON.parse(events[1]!.data!)).toEqual({ name: 'get_next_best_actions', status: 'ok' });
    expect(AskAnswer.parse(JSON.parse(events[2]!.data!)).citations.hcps).toEqual(['hcp-000020']);
  });

  it('carries a clarifying answer\'s choices, as JSON and in the stream\'s answer event; a choice sent back in the thread is answered', async () => {
    const threadId = 'http-choices-1';
    const body = AskAnswer.parse(await json(await call('/v1/ask', { method: 'POST', body: JSON.stringify({ question: CLARIFIED_QUESTION, threadId }) })));
    expect(body.toolCalls).toEqual([]);
    expect(body.choices.length).toBeGreaterThan(1);
    for (const [index, choice] of body.choices.entries()) expect(body.answer).toContain(`${index + 1}. ${choice}`);
    const streamed = await call('/v1/ask', { method: 'POST', body: JSON.stringify({ question: CLARIFIED_QUESTION }), headers: { accept: 'text/event-stream' } });
    const answerEvent = (await streamed.text()).split('\n\n').find((block) => block.startsWith('event: answer'))!;
    expect(AskAnswer.parse(JSON.parse(answerEvent.slice(answerEvent.indexOf('data: ') + 6).split('\n')[0]!)).choices).toEqual(body.choices);
    // The choice's text as the next question in the thread: answered, not asked about again.
    const picked = AskAnswer.parse(await json(await call('/v1/ask', { method: 'POST', body: JSON.stringify({ question: body.choices[0], threadId }) })));
    expect(picked.choices).toEqual([]);
    expect(picked.answer).not.toContain('Did you want');
    // Any other answer says so with an empty list.
    expect(AskAnswer.parse(await json(await ask('what should I do next with hcp-000020?'))).choices).toEqual([]);
  });

  it('refuses bodies over the limit with 413 and bad bodies with 400', async () => {
    const big = await call('/v1/ask', { method: 'POST', body: JSON.stringify({ question: 'x'.repeat(10_000) }) });
    expect(big.status).toBe(413);
    expect((await json(big)).error.code).toBe('PAYLOAD_TOO_LARGE');
    const notJson = await call('/v1/ask', { method: 'POST', body: '{"question":' });
    expect(notJson.status).toBe(400);
    const extra = await call('/v1/ask', { method: 'POST', body: JSON.stringify({ question: 'hi', role: 'admin' }) });
    expect(extra.status).toBe(400);
  });

  it('rate-limits per token with 429 and Retry-After, and other tokens are unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 5; index++) {
      const response = await call('/v1/whoami', { base: limited.url });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await call('/v1/whoami', { base: limited.url, as: 'u-admin' })).status).toBe(200);
  });

  it('shows profiles by identity: own territory 200, another and unknown alike 404', async () => {
    const own = store.hcps.listInTerritories(['T-MW'])[0]!;
    const other = store.hcps.listInTerritories(['T-NE'])[0]!;
    const profile = await call(`/v1/hcps/${own.id}`);
    expect(profile.status).toBe(200);
    expect((await json(profile)).hcp.id).toBe(own.id);
    expect((await call(`/v1/hcps/${other.id}`)).status).toBe(404);
    expect((await call('/v1/hcps/hcp-999999')).status).toBe(404);
    expect((await call(`/v1/hcps/${other.id}`, { as: 'u-admin' })).status).toBe(200);
  });

  it('reads a recommendation and takes feedback on it as a new decision-log record', async () => {
    const answer = AskAnswer.parse(await json(await ask('what should I do next with hcp-000020?')));
    const id = answer.citations.recommendations[0]!;
    const record = await json(await call(`/v1/recommendations/${id}`));
    expect(record).toMatchObject({ id, kind: 'recommendation', hcpId: 'hcp-000020', feedback: [] });
    const feedback = await call(`/v1/recommendations/${id}/feedback`, { method: 'POST', body: JSON.stringify({ verdict: 'dismiss', reason: 'saw her yesterday' }) });
    expect(feedback.status).toBe(201);
    const { feedbackId } = await json(feedback);
    const after = await json(await call(`/v1/recommendations/${id}`));
    expect(after.feedback.map((entry: { id: string; payload: { verdict: string } }) => [entry.id, entry.payload.verdict])).toEqual([[feedbackId, 'dismiss']]);
    const outside = store.hcps.listInTerritories(['T-NE'])[0]!;
    const theirs = AskAnswer.parse(await json(await ask(`what should I do next with ${outside.id}?`, { as: 'u-admin' }))).citations.recommendations[0]!;
    expect((await call(`/v1/recommendations/${theirs}`)).status).toBe(404);
    expect((await call(`/v1/recommendations/${theirs}/feedback`, { method: 'POST', body: JSON.stringify({ verdict: 'accept' }) })).status).toBe(404);
  });

  it('verifies the audit chain for admins only', async () => {
    expect((await call('/v1/audit/verify')).status).toBe(403);
    expect(await json(await call('/v1/audit/verify', { as: 'u-admin' }))).toMatchObject({ intact: true });
  });

  it('serves a valid OpenAPI 3.1 document that covers every route, and the web page', async () => {
    const document = await json(await call('/openapi.json', { as: null }));
    expect(document.openapi).toBe('3.1.0');
    const paths = Object.keys(document.paths).sort();
    expect(paths).toEqual(['/healthz', '/v1/ask', '/v1/audit/verify', '/v1/hcps/{id}', '/v1/recommendations/{id}', '/v1/recommendations/{id}/feedback', '/v1/safety/intakes', '/v1/whoami']);
    // Every $ref resolves, and every operation declares responses.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]!);
    for (const ref of refs) expect(document.components.schemas[ref], ref).toBeDefined();
    for (const operations of Object.values(document.paths) as Record<string, { responses: object }>[]) for (const operation of Object.values(operations)) expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    expect(document.components.schemas.AskAnswer.required).toContain('choices');
    expect(document.components.schemas.AskAnswer.properties.choices).toMatchObject({ type: 'array', items: { type: 'string' } });
    const page = await call('/', { as: null });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('data-testid="signin"');
    const missing = await call('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('NOT_FOUND');
  });

  it('logs one JSON line per request with its request id, and never the token or the question', async () => {
    logLines.length = 0;
    await ask('brief me on hcp-000020', { headers: { 'x-request-id': 'req-test-1' } });
    const line = logLines.map((text) => JSON.parse(text)).find((record) => record.requestId === 'req-test-1');
    expect(line).toMatchObject({ path: '/v1/ask', status: 200 });
    expect(logLines.join('')).not.toContain(tokens['u-rep-mw-1']);
    expect(logLines.join('')).not.toContain('brief me on');
  });
});
