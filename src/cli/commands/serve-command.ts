import { existsSync } from 'node:fs';
import { createAgent } from '../../container.ts';
import { createDemoDatabase } from '../../demo/seed-store.ts';
import { createHttpApp } from '../../http/create-http-app.ts';
import { startHttpServer } from '../../http/start-http-server.ts';
import { createLogger } from '../../logger.ts';
import { createSlackApp } from '../../slack/create-slack-app.ts';
import { SqliteApiTokens } from '../../store/sqlite-api-tokens.ts';
import { AgentWorkerPool } from '../../workers/agent-worker-pool.ts';
import { demoDataLine } from '../../core/demo-clock.ts';
import { dataClockFor } from '../caller.ts';
import type { Command } from '../command.ts';
import { demoAnchorDay } from './init-command.ts';

/** Demo users who get a fresh token at each start with --demo-tokens (earlier demo tokens are revoked). */
const DEMO_TOKEN_USERS = ['u-rep-mw-1', 'u-rep-ne-1', 'u-msl-mw', 'u-medaffairs', 'u-mgr-east', 'u-admin'];
const DEMO_TOKEN_LABEL = 'demo (omni serve --demo-tokens)';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the HTTP API and the web chat page (and the Slack app when configured)',
  usage: 'omni serve [--init-if-missing] [--demo-tokens] [--as-of <date>] [--port <n>] [--host <h>]',
  details: [
    'Serves the API (/v1/ask, /v1/hcps/:id, /v1/recommendations/:id[/feedback], /v1/audit/verify,',
    '/openapi.json, /healthz) and the web chat page at /. Defaults: OMNI_HOST 127.0.0.1, OMNI_PORT 3000,',
    'OMNI_BODY_LIMIT_BYTES 65536, OMNI_RATE_LIMIT_PER_MINUTE 120 per token, OMNI_AUTH_FAILURES_PER_MINUTE 10',
    'failed sign-ins per client address (its socket address; OMNI_CLIENT_ADDRESS=x-forwarded-for behind a',
    'reverse proxy that sets X-Forwarded-For: its last entry). With SLACK_BOT_TOKEN and',
    'SLACK_SIGNING_SECRET the Slack app starts too: socket mode with SLACK_APP_TOKEN, else HTTP events',
    'on OMNI_PORT + 1 at POST /slack/events. Agent turns run in OMNI_AGENT_WORKERS worker threads',
    '(default: cores - 1, 1 to 4; 0 runs them on the main thread).',
    '  --init-if-missing   create the demo database first when there is none (npm start does)',
    '  --demo-tokens       issue fresh tokens for the demo users and print them (earlier demo tokens stop working)',
    '  --as-of <date>      answer as of that moment (default: now; on a demo database whose data ends before',
    '                      today, the end of its last day, and every answer says "Demo data as of <day>.")',
    'Stop with Ctrl-C.',
  ].join('\n'),
  options: { 'init-if-missing': { type: 'boolean', default: false }, 'demo-tokens': { type: 'boolean', default: false }, 'as-of': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
  async run({ values }, context) {
    const { config } = context;
    if (values['init-if-missing'] && !existsSync(config.databasePath)) {
      context.err(`creating the demo database at ${config.databasePath} …`);
      createDemoDatabase(config.databasePath, { scale: 'demo', replace: false, anchorDay: demoAnchorDay(undefined, context.now()) });
    }
    const store = context.openStore();
    const logger = createLogger(config.logLevel);
    const tokens = new SqliteApiTokens(store.database);
    // Tokens and rate limits keep the wall clock; answers about the data use the data clock.
    const clock = dataClockFor(store, values['as-of'], context.now);
    const demoAsOf = store.settings.demoAsOf();
    const agent = createAgent(store, config, { now: clock.now });
    const nba = agent.dependencies;
    // Turns run in worker threads (each over its own connection), so the main thread stays free to ack and serve.
    // Without --as-of each worker reads the database's data clock itself.
    const fixedNow = typeof values['as-of'] === 'string' ? clock.now().toISOString() : null;
    const workers = config.agentWorkers > 0 ? await AgentWorkerPool.start({ databasePath: config.databasePath, config, fixedNow, workers: config.agentWorkers }) : null;
    const turns = workers ?? agent;
    const app = createHttpApp({
      agent: turns,
      store,
      decisionLog: nba.decisionLog,
      userIdForToken: (token) => tokens.userIdFor(token, context.now()),
      logger,
      limits: {
        bodyLimitBytes: config.http.bodyLimitBytes,
        rateLimitPerMinute: config.http.rateLimitPerMinute,
        authFailuresPerMinute: config.http.authFailuresPerMinute,
        clientAddress: config.http.clientAddress,
      },
      now: context.now,
      dataNow: clock.now,
      demoAsOf,
    });
    const port = typeof values.port === 'string' ? Number(values.port) : config.http.port;
    const host = typeof values.host === 'string' ? values.host : config.http.host;
    const server = await startHttpServer(app, { host, port });
    const lines = [
      `Omni is up: ${server.url}  (model ${agent.modelId}; ${workers ? `agent turns in ${workers.size} worker thread${workers.size === 1 ? '' : 's'}` : 'agent turns on the main thread'}; API description at ${server.url}/openapi.json)`,
    ];
    const demoDay = clock.demoDayAt(clock.now());
    if (demoDay) lines.push(`${demoDataLine(demoDay)} Answers are as of the end of that day (omni init --force rebuilds it ending today).`);
    if (values['demo-tokens']) {
      tokens.revokeLabel(DEMO_TOKEN_LABEL, context.now());
      lines.push('Demo tokens (synthetic users; sign in on the web page with one):');
      for (const userId of DEMO_TOKEN_USERS) {
        const user = store.users.getById(userId);
        if (user) lines.push(`  ${tokens.create(user.id, DEMO_TOKEN_LABEL, context.now())}  ${user.name} (${user.id}, ${user.role})`);
      }
    }
    // Slack starts only when configured; the web clock (not a --as-of) signs its requests.
    const slack = config.slack ? createSlackApp({ agent: turns, store, decisionLog: nba.decisionLog, logger, slack: config.slack, host, demoAsOf }) : null;
    if (slack) {
      await slack.start(config.http.port === 0 ? 0 : config.http.port + 1);
      lines.push(slack.mode === 'socket' ? 'Slack: socket mode, connected' : `Slack: HTTP events mode, POST http://${host}:${slack.port}/slack/events (events, interactivity, /omni)`);
    } else {
      lines.push('Slack: not configured (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, and SLACK_APP_TOKEN for socket mode)');
    }
    context.out(lines.join('\n'));
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await slack?.stop();
    await server.close();
    await workers?.close();
    store.close();
    return 0;
  },
};
