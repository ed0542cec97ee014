import { createAgent } from '../container.ts';
import { percentile, privateCopy } from './bench-support.ts';
import { createHttpApp } from '../http/create-http-app.ts';
import { startHttpServer } from '../http/start-http-server.ts';
import { createLogger } from '../logger.ts';
import { SqliteApiTokens } from '../store/sqlite-api-tokens.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';

/**
 * The HTTP part of `npm run bench` (issue 6): POST /v1/ask with the local model on a real server on
 * 127.0.0.1, 20 clients at once, each asking the rep questions in turn (briefs, next actions,
 * consent, content, drafts; not territory plans, whose cost is the NBA engine's and is benched there).
 * Baseline in the same run: GET /healthz with the same clients (the server and network path alone).
 */
export interface HttpBenchResults {
  clients: number;
  requests: number;
  askRequestsPerSecond: number;
  askP50Ms: number;
  askP95Ms: number;
  healthRequestsPerSecond: number;
  healthP95Ms: number;
  errors: number;
}

const CLIENTS = 20;
const REQUESTS_PER_CLIENT = 15;


export async function runHttpBench(demoPath: string, asOf: string): Promise<{ results: HttpBenchResults; lines: string[] }> {
  // A private copy: turns write the decision log and thread memory.
  const copy = await privateCopy(demoPath, 'omni-http-bench-');
  const path = copy.path;
  const store = openSqliteStore(path);
  const tokens = new SqliteApiTokens(store.database);
  const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 60_000 }, { now: () => new Date(asOf) });
  const app = createHttpApp({
    agent,
    store,
    decisionLog: agent.dependencies.decisionLog,
    userIdForToken: (token) => tokens.userIdFor(token),
    logger: createLogger('silent'),
    limits: { bodyLimitBytes: 65_536, rateLimitPerMinute: 1_000_000 },
  });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  try {
    const reps = store.users.list().filter((user) => user.role === 'rep');
    const clients = Array.from({ length: CLIENTS }, (_, index) => {
      const user = reps[index % reps.length]!;
      return { user, token: tokens.create(user.id, 'bench'), hcps: store.hcps.listInTerritories(user.territories).slice(index, index + REQUESTS_PER_CLIENT) };
    });
    const questions = [
      (id: string) => `brief me on ${id}`,
      (id: string) => `what should I do next with ${id}, and why?`,
      (id: string) => `can I email ${id}?`,
      () => 'approved content on patient support',
      (id: string) => `draft a follow-up email to ${id} after the webinar`,
    ];
    let errors = 0;
    const run = async (request: (client: (typeof clients)[number], index: number) => Promise<Response>) => {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        clients.map(async (client) => {
          for (let index = 0; index < REQUESTS_PER_CLIENT; index++) {
            const sent = performance.now();
            const response = await request(client, index);
            await response.arrayBuffer();
            if (!response.ok) errors++;
            latencies.push(performance.now() - sent);
          }
        }),
      );
      return { seconds: (performance.now() - started) / 1000, latencies };
    };
    const health = await run(() => fetch(`${server.url}/healthz`));
    const ask = await run((client, index) =>
      fetch(`${server.url}/v1/ask`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ question: questions[index % questions.length]!(client.hcps[index % client.hcps.length]!.id) }),
      }),
    );
    const requests = CLIENTS * REQUESTS_PER_CLIENT;
    const results: HttpBenchResults = {
      clients: CLIENTS,
      requests,
      askRequestsPerSecond: requests / ask.seconds,
      askP50Ms: percentile(ask.latencies, 0.5),
      askP95Ms: percentile(ask.latencies, 0.95),
      healthRequestsPerSecond: requests / health.seconds,
      healthP95Ms: percentile(health.latencies, 0.95),
      errors,
    };
    const fixed = (value: number, digits = 1) => value.toFixed(digits);
    return {
      results,
      lines: [
        '',
        `HTTP API, local model, demo scale (${CLIENTS} concurrent clients, ${requests} requests each run, one server process)`,
        `  POST /v1/ask: ${fixed(results.askRequestsPerSecond)} requests/s; latency p50 ${fixed(results.askP50Ms)} ms, p95 ${fixed(results.askP95Ms)} ms${errors > 0 ? `; ${errors} errors` : ''}`,
        `    baseline, GET /healthz with the same clients: ${fixed(results.healthRequestsPerSecond, 0)} requests/s, p95 ${fixed(results.healthP95Ms)} ms`,
      ],
    };
  } finally {
    await server.close();
    store.close();
    copy.remove();
  }
}
