import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AgentAnswer, AgentTurns } from '../agent/agent.ts';
import { svgToPng } from '../charts/index.ts';
import type { Config } from '../config.ts';
import { AppError, isAppError, type AppErrorCode } from '../core/app-error.ts';
import { demoDayAt } from '../core/demo-clock.ts';
import type { DecisionLog } from '../domain/decision-record.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { User } from '../domain/user.ts';
import { assertMaySee, explainRecommendation, recordFeedback } from '../nba/explain-recommendation.ts';
import { SeenDeliveries } from './seen-deliveries.ts';
import { TurnQueue } from './turn-queue.ts';
import { explainedOutput } from '../../tools/explain-recommendation.ts';
import { ACTION_IDS, answerMessage, CHOICE_ACTION_ID, DISMISS_REASONS, explanationMessage, noticeMessage, type SlackMessage } from './slack-blocks.ts';
import { callerFor } from '../compliance/caller.ts';

/** What the Slack front end needs: the agent, the store and log behind it, a logger and Slack's settings. */
export interface SlackAppDependencies {
  /** The agent, or the pool that runs it in worker threads (omni serve), so turns never hold up acks. */
  agent: Pick<AgentTurns, 'ask'>;
  store: OmniStore;
  decisionLog: DecisionLog;
  logger: Logger;
  slack: NonNullable<Config['slack']>;
  /**
   * The wall clock, for the 5-minute signature window and the duplicate-delivery TTL. Not the data's
   * as-of (the agent has its own): Slack signs with real time.
   */
  now?: () => Date;
  /** The database's demo as-of (SqliteSettings.demoAsOf): an answer computed past its day says so. */
  demoAsOf?: string | null;
  /** HTTP mode: the interface to listen on. Default 127.0.0.1 (put a TLS proxy in front for Slack). */
  host?: string;
  /** How the Web API client retries (after a 429 it first waits Retry-After). Default: 5 retries, 0.5 s to 30 s apart. */
  retryConfig?: webApi.RetryOptions;
  /** Agent turns under way at once (default 4); more wait their turn, at most 200 (see TurnQueue). */
  maxConcurrentTurns?: number;
  /** HTTP mode: called with each request's time from arrival to the end of its response (the ack), in ms; for metrics. */
  observeAck?: (milliseconds: number) => void;
}

export interface SlackApp {
  /** The bolt app (listeners registered). */
  readonly app: App;
  /** socket: an app token is configured (no public URL needed); http: events, interactivity and /omni at POST /slack/events. */
  readonly mode: 'socket' | 'http';
  /** HTTP mode: listens on `port` (default 3001; 0 picks a free one). Checks the bot token with auth.test first. */
  start(port?: number): Promise<void>;
  stop(): Promise<void>;
  /** HTTP mode, once started: the port listened on. */
  readonly port: number | undefined;
}

/** The path Slack posts events, interactions and the slash command to (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';
export const DEFAULT_SLACK_PORT = 3001;
/** Slack signs requests with a timestamp; one more than this many seconds off (either way) is refused. */
export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
const SLASH_COMMAND = '/omni';
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true };

/** Where a delivery's answer (or its error) goes: set by each listener before any work, read by app.error. */
interface ReplyTarget {
  channel: string;
  /** The thread to answer in; absent when there is none yet (a slash command before its first post). */
  threadTs?: string;
  slackUserId: string;
  requestId: string;
  /** A slash command's response_url: the way back when posting in the channel fails. */
  responseUrl?: string;
}
const REPLY = 'omniReply';

const UNKNOWN_USER =
  "Sorry, I can't help you yet: your Slack account is not linked to an Omni user, so I can't show you any data. Ask your Omni administrator to add your Slack user id to your Omni user.";
const HELP =
  'Ask me about your HCPs, for example: "brief me on Dr. Reyes", "what should I do next with her, and why?", "can I email her?", "draft a follow-up on the webinar she attended", "who should I see this week?".';

/**
 * The one place AppError codes become words for Slack users (app.error). Raw error text never reaches
 * a user; the reference lets support find the log line.
 */
const USER_MESSAGES: Record<AppErrorCode | 'SLACK' | 'UNKNOWN', string> = {
  INVALID_INPUT: "I couldn't take that request as written. Questions are up to 4,000 characters; try rephrasing it.",
  NOT_FOUND: "I couldn't find that record. The button may belong to an older message, or the record is not one you can act on.",
  FORBIDDEN: 'That is outside your access, so I cannot show or change it.',
  UNAUTHENTICATED: UNKNOWN_USER,
  CONFLICT: 'That changed while I was working on it. Please try again.',
  PAYLOAD_TOO_LARGE: "That request is too long for me; questions are up to 4,000 characters.",
  UNSUPPORTED_MEDIA_TYPE: "I couldn't take that request as written.",
  RATE_LIMITED: 'Too many requests just now; please wait a minute and try again.',
  IMPORT_REJECTED: "I couldn't take that request as written.",
  CONFIG_INVALID: 'Omni is not configured correctly, so I cannot answer right now. Your administrator can see why in the logs.',
  STORE_FAILURE: 'I could not write to the decision log, so I am not showing an answer: every recommendation must be recorded before it is shown. Please try again later.',
  CHAIN_BROKEN: 'The decision log failed its integrity check, so I am not showing an answer. Your administrator can see why in the logs.',
  MODEL_FAILURE: 'The assistant could not finish in time or its model failed; nothing was shown. Please try again.',
  INTERNAL: 'Something went wrong on my side; nothing was shown. Please try again later.',
  SLACK: 'Slack did not accept my answer here (is Omni a member of this channel?). Try again, or ask me in a direct message.',
  UNKNOWN: 'Something went wrong on my side; nothing was shown. Please try again later.',
};

/**
 * The Slack front end: a thin bolt app over the agent. Mentions, DMs and `/omni` are acknowledged at
 * once (bolt acks events before listeners run; commands and buttons ack first thing) and answered
 * afterwards with chat.postMessage in the thread; each Slack thread is one agent conversation
 * (threadId `slack:<channel>:<thread root ts>`). Repeated deliveries are dropped by event id. In HTTP
 * mode bolt checks each request's signature and staleness, and a request timestamped more than 5
 * minutes in the future is refused here before bolt sees it (bolt 5.1 checks only the past).
 */
export function createSlackApp(deps: SlackAppDependencies): SlackApp {
  const { slack, store, decisionLog } = deps;
  const now = deps.now ?? (() => new Date());
  const demoAsOf = deps.demoAsOf ?? null;
  const log = deps.logger.child({ component: 'slack' });
  const mode: SlackApp['mode'] = slack.appToken ? 'socket' : 'http';
  const seen = new SeenDeliveries({ now: () => now().getTime() });
  // HTTP requests read but not yet answered: agent turns wait for them (acks first).
  const unacked = { count: 0 };
  const turns = new TurnQueue({ concurrency: deps.maxConcurrentTurns ?? 4, busy: () => unacked.count > 0 });
  const ask = (request: { user: User; question: string; threadId: string }) => turns.run(() => deps.agent.ask(request));
  const logger = boltLogger(deps.logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` } : {}),
    retryConfig: deps.retryConfig ?? DEFAULT_RETRY,
    rejectRateLimitedCalls: false,
    timeout: 15_000,
  };

  let receiver: HTTPReceiver | undefined;
  if (mode === 'http') {
    receiver = new HTTPReceiver({ signingSecret: slack.signingSecret, endpoints: SLACK_EVENTS_PATH, logger, processBeforeResponse: false });
    receiver.requestListener = countingUnacked(withTimestampWindow(receiver.requestListener, now, log), unacked, deps.observeAck);
  }
  const app = new App({
    token: slack.botToken,
    ...(receiver ? { receiver } : { appToken: slack.appToken, socketMode: true }),
    logger,
    clientOptions,
    convoStore: false,
    extendedErrorHandler: true,
    // auth.test runs in start(), so constructing the app needs no network and a bad token fails start.
    deferInitialization: true,
  });

  // Drop repeats before any listener runs. Events are already acked by bolt at this point; other
  // kinds carry ack(), and a repeat is acked and dropped. Slack does not retry interactions, but a
  // trigger id seen twice is a repeat all the same.
  app.use(async (args) => {
    const { body, context, next } = args;
    const key = deliveryKey(body as Record<string, unknown>);
    if (key !== null && !seen.firstTime(key)) {
      log.info({ requestId: key, retryNum: context.retryNum, retryReason: context.retryReason }, 'duplicate Slack delivery dropped');
      if ('ack' in args && typeof args.ack === 'function' && !isEventBody(body)) await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    if (event.bot_id || !event.user) return;
    await answerMessageEvent({ client, context, requestId: String((body as { event_id?: string }).event_id ?? randomUUID()) }, {
      channel: event.channel,
      ts: event.ts,
      threadTs: event.thread_ts,
      slackUserId: event.user,
      text: event.text,
    });
  });

  // Direct messages to the app. Channel messages are answered only when they mention the app (app_mention).
  app.event('message', async ({ event, body, context, client }) => {
    const message = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; ts: string; thread_ts?: string };
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    await answerMessageEvent({ client, context, requestId: String((body as { event_id?: string }).event_id ?? randomUUID()) }, {
      channel: message.channel,
      ts: message.ts,
      threadTs: message.thread_ts,
      slackUserId: message.user,
      text: message.text ?? '',
    });
  });

  app.command(SLASH_COMMAND, async ({ command, ack, context, client }) => {
    const question = slackTextToPlain(command.text, context.botUserId);
    await ack(question ? { response_type: 'ephemeral', text: 'Looking into it…' } : { response_type: 'ephemeral', text: HELP });
    if (!question) return;
    const requestId = `cmd-${command.trigger_id}`;
    const target: ReplyTarget = { channel: command.channel_id, slackUserId: command.user_id, requestId, responseUrl: command.response_url };
    context[REPLY] = target;
    const user = store.users.getBySlackUserId(command.user_id);
    if (!user) return refuseUnknown(client, target, { ephemeral: true });
    const started = Date.now();
    // The command itself is not a message, so the question opens a thread of its own, which is the conversation.
    const root = await post(client, target, noticeMessage(`${user.name} asked: ${question}`));
    target.threadTs = root;
    const answer = await ask({ user, question, threadId: threadIdFor(target.channel, root) });
    await postAnswer(client, target, answer, log, demoAsOf);
    log.info({ requestId, kind: 'command', omniUserId: user.id, threadId: answer.threadId, ms: Date.now() - started, tools: answer.toolCalls.map((call) => call.name) }, 'Slack question answered');
  });

  app.action(ACTION_IDS.accept, async ({ body, action, ack, context, client }) => {
    await ack();
    const pressed = await buttonPress(body, context, client);
    if (!pressed) return;
    const recommendationId = String((action as { value?: string }).value ?? '');
    const feedback = recordFeedback(decisionLog, { store, caller: callerFor(pressed.user) }, recommendationId, { verdict: 'accept', reason: 'accepted in Slack' });
    log.info({ requestId: pressed.target.requestId, omniUserId: pressed.user.id, refersTo: recommendationId, feedbackId: feedback.id }, 'Slack feedback recorded');
    await post(client, pressed.target, noticeMessage(`${pressed.user.name} accepted ${recommendationId} (feedback ${feedback.id} in the decision log).`));
  });

  app.action(ACTION_IDS.dismiss, async ({ body, action, ack, context, client }) => {
    await ack();
    const pressed = await buttonPress(body, context, client);
    if (!pressed) return;
    const [recommendationId = '', reasonKey = ''] = String((action as { selected_option?: { value?: string } }).selected_option?.value ?? '').split('|');
    const reason = DISMISS_REASONS.find((candidate) => candidate.key === reasonKey);
    if (!reason) throw new AppError('INVALID_INPUT', `unknown dismiss reason "${reasonKey}"`);
    const feedback = recordFeedback(decisionLog, { store, caller: callerFor(pressed.user) }, recommendationId, { verdict: 'dismiss', reason: `dismissed in Slack: ${reason.label}` });
    log.info({ requestId: pressed.target.requestId, omniUserId: pressed.user.id, refersTo: recommendationId, feedbackId: feedback.id }, 'Slack feedback recorded');
    await post(client, pressed.target, noticeMessage(`${pressed.user.name} dismissed ${recommendationId}: ${reason.label} (feedback ${feedback.id} in the decision log).`));
  });

  // Why? answers from the log for exactly the recommendation on the card (not whatever the thread last talked about).
  app.action(ACTION_IDS.why, async ({ body, action, ack, context, client }) => {
    await ack();
    const pressed = await buttonPress(body, context, client);
    if (!pressed) return;
    const recommendationId = String((action as { value?: string }).value ?? '');
    const explanation = explainRecommendation(decisionLog, recommendationId, {}, { store, caller: callerFor(pressed.user) });
    await post(
      client,
      pressed.target,
      explanationMessage(explainedOutput(explanation)),
    );
  });

  // Draft follow-up asks the agent in the same thread, so the draft is assembled, checked and logged as any other.
  app.action(ACTION_IDS.draft, async ({ body, action, ack, context, client }) => {
    await ack();
    const pressed = await buttonPress(body, context, client);
    if (!pressed) return;
    const recommendationId = String((action as { value?: string }).value ?? '');
    const record = decisionLog.get(recommendationId);
    if (!record || record.kind !== 'recommendation' || record.hcpId === null) throw new AppError('NOT_FOUND', `no recommendation with id ${recommendationId}`);
    assertMaySee(store, callerFor(pressed.user), record);
    const answer = await ask({ user: pressed.user, question: `draft a follow-up for ${record.hcpId}`, threadId: threadIdFor(pressed.target.channel, pressed.target.threadTs!) });
    await postAnswer(client, pressed.target, answer, log, demoAsOf);
  });

  // A clarifying question's choice is asked in the thread as if the presser had typed it (each choice is a
  // whole question, so it reads the same whoever presses it); the thread shows who asked what.
  app.action(CHOICE_ACTION_ID, async ({ body, action, ack, context, client }) => {
    await ack();
    const pressed = await buttonPress(body, context, client);
    if (!pressed) return;
    const question = String((action as { value?: string }).value ?? '').trim();
    if (!question) throw new AppError('INVALID_INPUT', 'a choice button without its question');
    const started = Date.now();
    await post(client, pressed.target, noticeMessage(`${pressed.user.name} asked: ${question}`));
    const answer = await ask({ user: pressed.user, question, threadId: threadIdFor(pressed.target.channel, pressed.target.threadTs!) });
    await postAnswer(client, pressed.target, answer, log, demoAsOf);
    log.info({ requestId: pressed.target.requestId, kind: 'choice', omniUserId: pressed.user.id, threadId: answer.threadId, ms: Date.now() - started, tools: answer.toolCalls.map((call) => call.name) }, 'Slack question answered');
  });

  app.error(async ({ error, context }: { error: Error; context: Record<string, unknown> }) => {
    const original = unwrapError(error);
    const code = isAppError(original) ? original.code : isSlackApiError(original) ? 'SLACK' : 'UNKNOWN';
    const target = context[REPLY] as ReplyTarget | undefined;
    const reference = target?.requestId ?? randomUUID();
    log.error({ requestId: reference, code, err: original }, 'Slack request failed');
    if (!target) return;
    try {
      const message = noticeMessage(`${USER_MESSAGES[code]} (reference ${reference})`);
      // When Slack refused a post, another post there would fail too; a slash command can still answer through its response_url.
      if (code === 'SLACK') {
        if (target.responseUrl) await respondEphemeral(target.responseUrl, message);
        return;
      }
      if (target.threadTs) await post(app.client, target, message);
      else await app.client.chat.postEphemeral({ channel: target.channel, user: target.slackUserId, text: message.text, blocks: message.blocks });
    } catch (postError) {
      log.error({ requestId: reference, err: unwrapError(postError) }, 'could not tell the Slack user about a failure');
    }
  });

  /** A mention or DM: refuse unknown users, otherwise ask the agent in the thread and answer there. */
  async function answerMessageEvent(
    delivery: { client: webApi.WebClient; context: Record<string, unknown>; requestId: string },
    message: { channel: string; ts: string; threadTs: string | undefined; slackUserId: string; text: string },
  ): Promise<void> {
    // The same message can arrive as app_mention and as message.im: answer it once.
    if (!seen.firstTime(`message:${message.channel}:${message.ts}`)) return;
    const target: ReplyTarget = { channel: message.channel, threadTs: message.threadTs ?? message.ts, slackUserId: message.slackUserId, requestId: delivery.requestId };
    delivery.context[REPLY] = target;
    const user = store.users.getBySlackUserId(message.slackUserId);
    if (!user) return refuseUnknown(delivery.client, target, { ephemeral: false });
    const question = slackTextToPlain(message.text, delivery.context.botUserId as string | undefined);
    if (!question) {
      await post(delivery.client, target, noticeMessage(HELP));
      return;
    }
    const started = Date.now();
    const answer = await ask({ user, question, threadId: threadIdFor(target.channel, target.threadTs!) });
    await postAnswer(delivery.client, target, answer, log, demoAsOf);
    log.info({ requestId: target.requestId, kind: 'message', omniUserId: user.id, threadId: answer.threadId, ms: Date.now() - started, tools: answer.toolCalls.map((call) => call.name) }, 'Slack question answered');
  }

  /** A button or select press: where to answer (the message's thread) and who pressed it (refused when unknown). */
  async function buttonPress(body: unknown, context: Record<string, unknown>, client: webApi.WebClient): Promise<{ user: User; target: ReplyTarget } | null> {
    const action = body as { user: { id: string }; channel?: { id: string }; container?: { channel_id?: string; message_ts?: string; thread_ts?: string }; message?: { ts: string; thread_ts?: string }; trigger_id: string };
    const channel = action.channel?.id ?? action.container?.channel_id;
    const messageTs = action.message?.ts ?? action.container?.message_ts;
    if (!channel || !messageTs) throw new AppError('INVALID_INPUT', 'a button press without its message');
    const target: ReplyTarget = {
      channel,
      threadTs: action.message?.thread_ts ?? action.container?.thread_ts ?? messageTs,
      slackUserId: action.user.id,
      requestId: `act-${action.trigger_id}`,
    };
    context[REPLY] = target;
    const user = store.users.getBySlackUserId(action.user.id);
    if (!user) {
      await refuseUnknown(client, target, { ephemeral: true });
      return null;
    }
    return { user, target };
  }

  async function refuseUnknown(client: webApi.WebClient, target: ReplyTarget, options: { ephemeral: boolean }): Promise<void> {
    log.warn({ requestId: target.requestId, slackUserId: target.slackUserId }, 'Slack user not linked to an Omni user: refused');
    const message = noticeMessage(UNKNOWN_USER);
    if (options.ephemeral) {
      await client.chat.postEphemeral({ channel: target.channel, user: target.slackUserId, text: message.text, blocks: message.blocks, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
    } else {
      await post(client, target, message);
    }
  }

  let port: number | undefined;
  let started = false;
  return {
    app,
    mode,
    get port() {
      return port;
    },
    async start(listenPort = DEFAULT_SLACK_PORT) {
      try {
        await app.init();
      } catch (error) {
        const reason = (unwrapError(error) as { data?: { error?: string } }).data?.error ?? 'no answer';
        throw new AppError('CONFIG_INVALID', `Slack did not accept the bot token (auth.test: ${reason}); check SLACK_BOT_TOKEN${slack.apiUrl ? ' and SLACK_API_URL' : ''}`, { cause: error });
      }
      if (mode === 'socket') {
        await app.start();
        log.info({ mode }, 'Slack app connected (socket mode)');
      } else {
        const server = (await app.start({ port: listenPort, host: deps.host ?? '127.0.0.1' })) as Server;
        port = (server.address() as AddressInfo).port;
        log.info({ mode, port, path: SLACK_EVENTS_PATH }, 'Slack app listening (HTTP events mode)');
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      port = undefined;
      await app.stop();
    },
  };
}

/**
 * An agent answer in the target's thread: the message, then each chart as a PNG picture (Slack does
 * not show SVG) with its description as alt text. A chart that cannot be uploaded is logged and
 * skipped: the answer itself has been posted.
 */
async function postAnswer(client: webApi.WebClient, target: ReplyTarget, answer: AgentAnswer, log: Logger, demoAsOf: string | null): Promise<void> {
  const ts = await post(client, target, answerMessage(answer, { demoDay: demoDayAt(demoAsOf, answer.asOf) }));
  const threadTs = target.threadTs ?? ts;
  for (const [index, chart] of answer.charts.entries()) {
    try {
      const { png } = await svgToPng(chart.svg);
      await client.files.uploadV2({ channel_id: target.channel, thread_ts: threadTs, file: png, filename: `omni-chart-${index + 1}.png`, title: chart.title, alt_text: chart.alt });
    } catch (error) {
      log.warn({ requestId: target.requestId, err: unwrapError(error), chart: chart.title }, 'a chart could not be uploaded to Slack');
    }
  }
}

/** chat.postMessage in the target's thread, without link or media unfurls; returns the message's ts. */
async function post(client: webApi.WebClient, target: ReplyTarget, message: SlackMessage): Promise<string> {
  const result = await client.chat.postMessage({
    channel: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  return String(result.ts);
}

/** An ephemeral reply through a slash command's response_url (valid for 30 minutes, five uses). */
async function respondEphemeral(responseUrl: string, message: SlackMessage): Promise<void> {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}

/** One conversation per Slack thread. */
export function threadIdFor(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}


function isEventBody(body: unknown): boolean {
  return (body as { type?: string }).type === 'event_callback';
}

/** Events by event_id; commands and interactions by their trigger id. */
function deliveryKey(body: Record<string, unknown>): string | null {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trigger:${body.trigger_id}`;
  return null;
}

/**
 * Slack's message text to what the user typed: the app's own mention removed, other mentions and
 * links as their labels, entities decoded.
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_whole, id: string, label?: string) => (id === botUserId ? '' : `@${label ?? id}`))
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_whole, label?: string) => `#${label ?? 'channel'}`)
    .replace(/<!([a-z]+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g, (_whole, name: string, label?: string) => `@${(label ?? name).replace(/^@/, '')}`)
    .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2')
    .replace(/<([^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Refuses a request whose X-Slack-Request-Timestamp is missing or more than 5 minutes from now in
 * either direction (bolt 5.1 refuses only stale ones), with 401 before the body is read; bolt then
 * checks the signature.
 */
function withTimestampWindow(listener: RequestListener, now: () => Date, log: Logger): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'POST' && path === SLACK_EVENTS_PATH) {
      const header = request.headers['x-slack-request-timestamp'];
      const timestamp = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : Number.NaN;
      const skew = timestamp - now().getTime() / 1000;
      if (!Number.isFinite(skew) || Math.abs(skew) > SIGNATURE_WINDOW_SECONDS) {
        log.warn({ skewSeconds: Number.isFinite(skew) ? Math.round(skew) : null }, 'Slack request refused: timestamp missing or outside the 5-minute window');
        request.resume();
        response.writeHead(401);
        response.end();
        return;
      }
    }
    listener(request, response);
  };
}

/** Counts requests between arrival and the end of their response (for events and commands, the ack), and times them. */
function countingUnacked(listener: RequestListener, unacked: { count: number }, observe?: (milliseconds: number) => void): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    unacked.count += 1;
    const arrived = performance.now();
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      unacked.count -= 1;
      observe?.(performance.now() - arrived);
    };
    response.once('finish', settle);
    response.once('close', settle);
    listener(request, response);
  };
}

/** bolt wraps listener errors (UnknownError.original, MultipleListenerError.originals). */
function unwrapError(error: unknown): unknown {
  const wrapped = error as { original?: unknown; originals?: unknown[] };
  if (wrapped && typeof wrapped === 'object') {
    if (wrapped.original instanceof Error) return wrapped.original;
    if (Array.isArray(wrapped.originals) && wrapped.originals.length > 0) return unwrapError(wrapped.originals[0]);
  }
  return error;
}

function isSlackApiError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('slack_webapi_');
}

/**
 * bolt's and the Web API client's logging through Omni's pino logger. Their debug lines carry request
 * bodies (messages with HCP data), so they go out only at trace level.
 */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => {
      if (child.isLevelEnabled('trace')) child.trace(line(parts));
    },
    info: (...parts: unknown[]) => child.info(line(parts)),
    warn: (...parts: unknown[]) => child.warn(line(parts)),
    error: (...parts: unknown[]) => child.error(line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
