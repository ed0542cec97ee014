import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AgentTurns } from '../agent/agent.ts';
import { accessScopeFor, canSeeHcp } from '../compliance/access-policy.ts';
import { HTTP_DEFAULTS, type ClientAddressSource } from '../config.ts';
import { AppError, appErrorCodes, isAppError } from '../core/app-error.ts';
import type { DecisionLog } from '../domain/decision-record.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { User } from '../domain/user.ts';
import { assertMaySee, recordFeedback } from '../nba/explain-recommendation.ts';
import { lookupHcpProfile } from '../profile/hcp-profile.ts';
import { answerBody, AskBody, FeedbackBody, openApiDocument } from './http-schemas.ts';
import { clientAddress } from './client-address.ts';
import { FixedWindowRateLimiter } from './rate-limiter.ts';
import { WEB_CHAT_PAGE_POLICY, webChatPage } from './web-chat-page.ts';
import { callerFor } from '../compliance/caller.ts';
import { listIntakes } from '../compliance/adverse-event-intake.ts';
import { parseIsoDateTime } from '../core/dates.ts';

export interface HttpDependencies {
  agent: AgentTurns;
  store: OmniStore;
  decisionLog: DecisionLog;
  /** The signed-in user for a bearer token (SqliteApiTokens.userIdFor). */
  userIdForToken(token: string): string | undefined;
  logger: Logger;
  /**
   * Requests per token and minute; failed sign-ins per client address and minute (then 429 for that
   * address until the minute is over; default HTTP_DEFAULTS), and where that address comes from.
   */
  limits: { bodyLimitBytes: number; rateLimitPerMinute: number; authFailuresPerMinute?: number; clientAddress?: ClientAddressSource };
  /** The wall clock (rate limits); also the data's clock unless `dataNow` is given. */
  now?: () => Date;
  /** The clock profiles are computed at (a demo database's data clock, see chooseDataClock). */
  dataNow?: () => Date;
  /** The database's demo as-of (SqliteSettings.demoAsOf): answers computed past its day say so (demoAsOf). */
  demoAsOf?: string | null;
}

type Variables = { user: User; requestId: string; log: Logger };

/** Every response but the page: nothing in it may load, run or be framed (JSON needs none of that). */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The HTTP API and the web chat page: a thin factory over the agent and the store. Every /v1 route
 * needs a bearer token, which decides the user and so what they may see. AppError codes become JSON
 * responses here, in onError, and nowhere else.
 */
export function createHttpApp(deps: HttpDependencies): Hono<{ Variables: Variables }> {
  const app = new Hono<{ Variables: Variables }>();
  const now = deps.now ?? (() => new Date());
  const dataNow = deps.dataNow ?? now;
  const demoAsOf = deps.demoAsOf ?? null;
  const limiter = new FixedWindowRateLimiter(deps.limits.rateLimitPerMinute, 60_000, now);
  const failedSignIns = new FixedWindowRateLimiter(deps.limits.authFailuresPerMinute ?? HTTP_DEFAULTS.authFailuresPerMinute, 60_000, now);
  const addressSource = deps.limits.clientAddress ?? HTTP_DEFAULTS.clientAddress;

  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    const log = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy')) c.header('content-security-policy', API_POLICY);
    c.header('x-frame-options', 'DENY');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });

  app.get('/', (c) => {
    c.header('content-security-policy', WEB_CHAT_PAGE_POLICY);
    return c.html(webChatPage());
  });
  app.get('/healthz', (c) => c.json({ status: 'ok', hcps: deps.store.hcps.count() }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));

  app.use('/v1/*', bodyLimit({ maxSize: deps.limits.bodyLimitBytes, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', `the body is over the limit of ${deps.limits.bodyLimitBytes} bytes`); } }));
  app.use('/v1/*', async (c, next) => {
    // Failed sign-ins are counted per client address; past the limit that address is refused, valid
    // token or not (else a guess that worked would stand out), until its minute is over.
    const address = clientAddress(c, addressSource);
    refuseWhileLimited(c, failedSignIns.waitFor(address), 'too many failed sign-ins from your address');
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const userId = token ? deps.userIdForToken(token) : undefined;
    const user = userId ? deps.store.users.getById(userId) : undefined;
    if (!user) {
      failedSignIns.take(address);
      throw new AppError('UNAUTHENTICATED', token ? 'the bearer token is not valid' : 'a bearer token is required (Authorization: Bearer omni_…; omni token create --as <user-id>)');
    }
    refuseWhileLimited(c, limiter.take(token!), 'too many requests');
    c.set('user', user);
    await next();
  });
  // Every body the API reads is JSON: anything else is refused before it is read.
  app.on(['POST', 'PUT', 'PATCH'], '/v1/*', async (c, next) => {
    requireJson(c);
    await next();
  });

  app.get('/v1/whoami', (c) => {
    const user = c.get('user');
    return c.json({ id: user.id, name: user.name, role: user.role, territories: user.territories });
  });

  app.post('/v1/ask', async (c) => {
    const body = await parseJson(c, AskBody);
    const user = c.get('user');
    if (!wantsStream(c)) {
      const answer = await deps.agent.ask({ user, question: body.question, threadId: body.threadId });
      return c.json(answerBody(answer, demoAsOf));
    }
    return streamSSE(c, async (stream) => {
      let id = 0;
      await stream.writeSSE({ event: 'started', data: JSON.stringify({ threadId: body.threadId ?? null }), id: String(id++) });
      const pending: Promise<void>[] = [];
      try {
        const answer = await deps.agent.ask({
          user,
          question: body.question,
          threadId: body.threadId,
          onToolCall: (call) => pending.push(stream.writeSSE({ event: 'tool_call', data: JSON.stringify({ name: call.name, status: call.status }), id: String(id++) })),
        });
        await Promise.all(pending);
        await stream.writeSSE({ event: 'answer', data: JSON.stringify(answerBody(answer, demoAsOf)), id: String(id++) });
      } catch (error) {
        // Headers are sent: the error goes as an event, with the same safe body as onError.
        await Promise.all(pending);
        await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(error, c.get('requestId'), c.get('log'))), id: String(id++) });
      }
    });
  });

  // A missing id and one outside the caller's access get the same 404 and body, so ids cannot be probed.
  app.get('/v1/hcps/:id', (c) => {
    const id = c.req.param('id');
    const scope = accessScopeFor(c.get('user'));
    const hcp = deps.store.hcps.getById(id);
    const found = hcp && canSeeHcp(scope, hcp) ? lookupHcpProfile(deps.store, hcp.id, { asOf: dataNow().toISOString(), scope }) : undefined;
    if (found?.status !== 'found') throw new AppError('NOT_FOUND', 'no HCP with that id among those you may see');
    return c.json(found.profile);
  });

  /** A decision-log record the caller may see, else the same NOT_FOUND whether it is missing or out of their access. */
  const visibleRecord = (c: Context<{ Variables: Variables }>) => {
    const id = c.req.param('id')!;
    const record = deps.decisionLog.get(id);
    if (record && maySee(() => assertMaySee(deps.store, callerFor(c.get('user')), record))) return record;
    throw new AppError('NOT_FOUND', 'no decision-log record with that id among those you may see');
  };

  app.get('/v1/recommendations/:id', (c) => {
    const record = visibleRecord(c);
    return c.json({ ...record, feedback: deps.decisionLog.referringTo(record.id) });
  });

  app.post('/v1/recommendations/:id/feedback', async (c) => {
    const body = await parseJson(c, FeedbackBody);
    const record = recordFeedback(deps.decisionLog, { store: deps.store, caller: callerFor(c.get('user')) }, visibleRecord(c).id, {
      verdict: body.verdict,
      reason: body.reason,
      ...(body.snoozeUntil ? { snoozeUntil: body.snoozeUntil } : {}),
    });
    return c.json({ feedbackId: record.id, refersTo: record.refersTo, verdict: body.verdict }, 201);
  });

  // Drug Safety's queue: medical affairs and admins; anyone else gets FORBIDDEN from listIntakes (403 in onError).
  app.get('/v1/safety/intakes', (c) => {
    const given = c.req.query('since');
    const since = given === undefined ? undefined : parseIsoDateTime(given);
    if (given !== undefined && !since) throw new AppError('INVALID_INPUT', 'since must be an ISO 8601 date or date-time');
    return c.json({ since: since ?? null, intakes: listIntakes(deps.decisionLog, callerFor(c.get('user')), since ? { since } : {}) });
  });

  app.get('/v1/audit/verify', (c) => {
    const user = c.get('user');
    if (user.role !== 'admin' && user.role !== 'manager' && user.role !== 'medical_affairs') throw new AppError('FORBIDDEN', 'verifying the decision log is for admins, managers and medical affairs');
    return c.json(deps.decisionLog.verify());
  });

  app.notFound(() => {
    throw new AppError('NOT_FOUND', 'no such route; see /openapi.json');
  });
  app.onError((error, c) => {
    const body = errorBody(error, c.get('requestId'), c.get('log') ?? deps.logger);
    return c.json(body, appErrorCodes[body.error.code as keyof typeof appErrorCodes].httpStatus as 400);
  });
  return app;
}

/** 429 with Retry-After while a limiter says wait. */
function refuseWhileLimited(c: Context, waitMs: number, what: string): void {
  if (waitMs <= 0) return;
  const seconds = Math.ceil(waitMs / 1000);
  c.header('retry-after', String(seconds));
  throw new AppError('RATE_LIMITED', `${what}; try again in ${seconds} s`);
}

/** A body must say it is JSON (application/json, UTF-8 if a charset is given); else 415. */
function requireJson(c: Context): void {
  const [type, ...parameters] = (c.req.header('content-type') ?? '').toLowerCase().split(';').map((part) => part.trim());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (type === 'application/json' && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the body must be JSON: send Content-Type: application/json${type ? `, not ${type}${charset ? `; charset=${charset}` : ''}` : ''}`);
}

/** Whether an access check passes; FORBIDDEN is the only refusal it turns into false. */
function maySee(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return false;
    throw error;
  }
}

function wantsStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

async function parseJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('INVALID_INPUT', 'the body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_INPUT', parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** The one error shape clients see: a stable code and a safe message, never a stack or SQL. */
function errorBody(error: unknown, requestId: string | undefined, log: Logger): { error: { code: string; message: string; requestId: string | null } } {
  if (isAppError(error)) {
    if (appErrorCodes[error.code].httpStatus >= 500) log.error({ err: error, code: error.code }, 'request failed');
    return { error: { code: error.code, message: error.message, requestId: requestId ?? null } };
  }
  log.error({ err: error }, 'unexpected failure');
  return { error: { code: 'INTERNAL', message: 'unexpected failure; the request id is in the server log', requestId: requestId ?? null } };
}
