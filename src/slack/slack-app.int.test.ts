import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentAnswer } from '../agent/agent.ts';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { createAgent } from '../container.ts';
import { AppError } from '../core/app-error.ts';
import type { Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import { createLogger } from '../logger.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { CLARIFIED_QUESTION } from '../testing/clarifying-question.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { startFakeSlackApi, type FakeSlackApi, type RecordedSlackCall } from '../testing/fake-slack-api.ts';
import { createSlackApp, SLACK_EVENTS_PATH, threadIdFor, type SlackApp } from './create-slack-app.ts';
import { ACTION_IDS } from './slack-blocks.ts';

/**
 * The Slack app over real HTTP on loopback: bolt's HTTP receiver gets signed event, interaction and
 * slash-command requests as Slack sends them, and its Web API client talks to a fake Slack API, over
 * the demo database with the offline local model. No internet.
 */
const BOT_TOKEN = 'xoxb-omni-test-0000000000';
const SIGNING_SECRET = 'omni-test-signing-secret-0123456789';
const BOT_USER = 'U0OMNIBOT';
const TEAM = 'T0SYN0001';
const REP_SLACK = 'U0SYN0001'; // u-rep-ne-1, Taylor Brandt, T-NE
const STRANGER_SLACK = 'U0NOBODY99';
const PLANTED_NOTE = 'Call back about dosing <!channel> see <https://evil.example|click here> and tell <@U0SYN0002>';

let demo: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let log: SqliteDecisionLog;
let rep: User;
let hcp: Hcp;
let notedHcp: Hcp;
let fake: FakeSlackApi;
let slack: SlackApp;
let eventsUrl: string;
const logLines: string[] = [];

/** What the agent was asked, and knobs to slow it down or make it fail. */
const asked: { userId: string; question: string; threadId: string | undefined }[] = [];
let agentDelayMs = 0;
let agentFailure: Error | null = null;

beforeAll(async () => {
  demo = createTemporaryDemoStore('omni-slack-');
  store = demo.store;
  log = new SqliteDecisionLog(store.database);
  rep = store.users.getBySlackUserId(REP_SLACK)!;
  expect(rep.id).toBe('u-rep-ne-1');
  const territory = store.hcps.listInTerritories(['T-NE']);
  hcp = territory[0]!;
  notedHcp = territory[1]!;
  store.notes.upsert({
    id: 'note-slack-planted',
    hcpId: notedHcp.id,
    authorId: 'u-rep-ne-2',
    writtenAt: new Date(Date.parse(DEMO_AS_OF) - 60 * 60 * 1000).toISOString(),
    kind: 'rep',
    text: PLANTED_NOTE,
    synthetic: true,
  });

  const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 60_000 }, { now: () => new Date(DEMO_AS_OF) });
  fake = await startFakeSlackApi({ token: BOT_TOKEN, botUserId: BOT_USER, teamId: TEAM });
  slack = createSlackApp({
    agent: {
      async ask(request): Promise<AgentAnswer> {
        asked.push({ userId: request.user.id, question: request.question, threadId: request.threadId });
        if (agentDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, agentDelayMs));
        if (agentFailure) throw agentFailure;
        return agent.ask(request);
      },
    },
    store,
    decisionLog: log,
    logger: createLogger('info', { write: (line: string) => void logLines.push(line) }),
    slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: undefined, apiUrl: fake.url },
  });
  expect(slack.mode).toBe('http');
  await slack.start(0);
  eventsUrl = `http://127.0.0.1:${slack.port}${SLACK_EVENTS_PATH}`;
  // start() checked the token with auth.test against the fake API.
  expect(fake.calls.some((call) => call.method === 'auth.test' && call.token === BOT_TOKEN)).toBe(true);
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
  demo?.remove();
});

beforeEach(() => {
  agentDelayMs = 0;
  agentFailure = null;
});

// ---- requests as Slack sends them ----

const nowSeconds = () => Math.floor(Date.now() / 1000);

function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

async function postToSlackEndpoint(
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { timestamp?: number; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...options.headers };
  if (options.signature !== null) headers['x-slack-signature'] = options.signature ?? signature(body, timestamp);
  const started = performance.now();
  const response = await fetch(eventsUrl, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

let sequence = 0;
const nextTs = () => `1763600000.${String(++sequence).padStart(6, '0')}`;

function eventCallback(event: Record<string, unknown>, eventId = `Ev${String(++sequence).padStart(10, '0')}`): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM,
    api_app_id: 'A0OMNI',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: nowSeconds(),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

function mention(options: { user?: string; text: string; channel: string; ts: string; threadTs?: string }): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: options.user ?? REP_SLACK,
    text: `<@${BOT_USER}> ${options.text}`,
    ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    channel: options.channel,
    event_ts: options.ts,
    team: TEAM,
  };
}

function blockActions(options: { user?: string; channel: string; messageTs: string; threadTs: string; action: Record<string, unknown> }): string {
  const payload = {
    type: 'block_actions',
    user: { id: options.user ?? REP_SLACK, username: 'rep', name: 'rep', team_id: TEAM },
    api_app_id: 'A0OMNI',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: options.messageTs, channel_id: options.channel, is_ephemeral: false, thread_ts: options.threadTs },
    trigger_id: `${++sequence}.trigger`,
    team: { id: TEAM, domain: 'omni-test' },
    channel: { id: options.channel, name: 'field-team' },
    message: { type: 'message', user: BOT_USER, ts: options.messageTs, thread_ts: options.threadTs, text: 'answer' },
    response_url: fake.responseUrl,
    actions: [{ block_id: 'omni_recommendation:x', action_ts: nowSeconds().toString(), ...options.action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function slashCommand(options: { user?: string; channel: string; text: string }): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: TEAM,
    team_domain: 'omni-test',
    channel_id: options.channel,
    channel_name: 'field-team',
    user_id: options.user ?? REP_SLACK,
    user_name: 'rep',
    command: '/omni',
    text: options.text,
    api_app_id: 'A0OMNI',
    response_url: fake.responseUrl,
    trigger_id: `${++sequence}.trigger`,
  }).toString();
}

// ---- what reached the fake Slack API ----

const posts = (filter: (call: RecordedSlackCall) => boolean = () => true) => fake.calls.filter((call) => call.method === 'chat.postMessage' && filter(call));
const inThread = (channel: string, threadTs: string) => (call: RecordedSlackCall) => call.method === 'chat.postMessage' && call.args.channel === channel && call.args.thread_ts === threadTs && call.status === 200;
const blocksText = (call: RecordedSlackCall) => JSON.stringify(call.args.blocks);
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

let lastRecommendationId: string | undefined;

/** The recommendation id on an answer's Accept button. */
function recommendationOn(call: RecordedSlackCall): string {
  const blocks = call.args.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  const accept = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === ACTION_IDS.accept);
  expect(accept?.value).toMatch(/^dec-/);
  lastRecommendationId = accept!.value!;
  return lastRecommendationId;
}

describe('the Slack app in HTTP events mode', () => {
  it('answers a mention in its thread, with Block Kit and no unfurls, and keeps the thread as one conversation', async () => {
    const channel = 'C0THREAD1';
    const ts = nextTs();
    const before = log.count();
    const response = await postToSlackEndpoint(eventCallback(mention({ text: `brief me on ${hcp.id}`, channel, ts })), 'application/json');
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1000);

    const answer = await fake.waitFor(inThread(channel, ts));
    expect(answer.token).toBe(BOT_TOKEN);
    expect(answer.args.unfurl_links).toBe(false);
    expect(answer.args.unfurl_media).toBe(false);
    expect(blocksText(answer)).toContain(`\`${hcp.id}\``);
    expect(blocksText(answer)).toContain('Next best action for');
    const recommendationId = recommendationOn(answer);
    expect(log.get(recommendationId)).toMatchObject({ kind: 'recommendation', actorId: rep.id, hcpId: hcp.id });
    expect(log.count()).toBeGreaterThan(before);
    expect(asked.at(-1)).toEqual({ userId: rep.id, question: `brief me on ${hcp.id}`, threadId: threadIdFor(channel, ts) });

    // A reply in the thread continues the conversation: "her" is the HCP of the turn before.
    const reply = nextTs();
    await postToSlackEndpoint(eventCallback(mention({ text: 'can I email her?', channel, ts: reply, threadTs: ts })), 'application/json');
    const consent = await fake.waitFor((call) => inThread(channel, ts)(call) && blocksText(call).includes('llowed*'));
    expect(blocksText(consent)).toContain(`for \`${hcp.id}\``);
    expect(asked.at(-1)!.threadId).toBe(threadIdFor(channel, ts));
  });

  it('uploads a chart as a PNG picture in the thread, with its description as alt text, after the answer', async () => {
    const channel = 'C0CHART01';
    const ts = nextTs();
    const manager = store.users.getById('u-mgr-east')!;
    await postToSlackEndpoint(eventCallback(mention({ user: manager.slackUserId!, text: 'where are we on omnichannel maturity?', channel, ts })), 'application/json');
    const answer = await fake.waitFor(inThread(channel, ts));
    expect(String(answer.args.text)).toContain('maturity');
    const completed = await fake.waitFor((call) => call.method === 'files.completeUploadExternal');
    expect(completed.args).toMatchObject({ channel_id: channel, thread_ts: ts });
    const [file] = JSON.parse(String(completed.args.files)) as { id: string; title: string }[];
    expect(file!.title).toMatch(/^Omnichannel maturity/);
    const requested = fake.delivered('files.getUploadURLExternal').at(-1)!;
    expect(String(requested.args.alt_text)).toMatch(/stage/i);
    const uploaded = fake.delivered('file_upload').find((call) => call.args.fileId === file!.id)!;
    expect(uploaded.args).toMatchObject({ png: true });
    expect(uploaded.args.bytes as number).toBeGreaterThan(1_000);
  });

  it('refuses a bad signature, a stale timestamp and a future one (5 minutes either way), with no agent call and no post', async () => {
    const channel = 'C0SIGNED1';
    const callsBefore = fake.calls.length;
    const askedBefore = asked.length;
    const body = () => eventCallback(mention({ text: `brief me on ${hcp.id}`, channel, ts: nextTs() }));

    const badSignature = await postToSlackEndpoint(body(), 'application/json', { signature: signature('something else', nowSeconds()) });
    const otherSecret = body();
    const otherSecretTs = nowSeconds();
    const signedWithOtherSecret = await postToSlackEndpoint(otherSecret, 'application/json', { timestamp: otherSecretTs, signature: signature(otherSecret, otherSecretTs, 'not-the-signing-secret') });
    const unsigned = await postToSlackEndpoint(body(), 'application/json', { signature: null });
    const stale = await postToSlackEndpoint(body(), 'application/json', { timestamp: nowSeconds() - 6 * 60 });
    const future = await postToSlackEndpoint(body(), 'application/json', { timestamp: nowSeconds() + 6 * 60 });
    const farFuture = await postToSlackEndpoint(body(), 'application/json', { timestamp: nowSeconds() + 24 * 60 * 60 });
    for (const refused of [badSignature, signedWithOtherSecret, unsigned, stale, future, farFuture]) expect(refused.status).toBe(401);

    // Inside the window both ways, correctly signed: accepted (a URL verification, which needs no agent).
    for (const offset of [-4 * 60, 4 * 60]) {
      const verification = JSON.stringify({ token: 'legacy', challenge: `challenge-${offset}`, type: 'url_verification' });
      const accepted = await postToSlackEndpoint(verification, 'application/json', { timestamp: nowSeconds() + offset });
      expect(accepted.status).toBe(200);
      expect(JSON.parse(accepted.text)).toEqual({ challenge: `challenge-${offset}` });
    }
    await settle();
    expect(asked.length).toBe(askedBefore);
    expect(fake.calls.slice(callsBefore).filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('answers a retried event (same event_id, X-Slack-Retry-Num) once and logs it once', async () => {
    const channel = 'C0RETRY01';
    const ts = nextTs();
    const body = eventCallback(mention({ text: `what should I do next with ${hcp.id}?`, channel, ts }), 'Ev0RETRIED01');
    const logBefore = log.count();
    const askedBefore = asked.length;

    const first = await postToSlackEndpoint(body, 'application/json');
    // Slack retries when it thinks the first delivery timed out: while the answer is still being worked on…
    const retry1 = await postToSlackEndpoint(body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await fake.waitFor(inThread(channel, ts));
    // …and after it was posted.
    const retry2 = await postToSlackEndpoint(body, 'application/json', { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    for (const response of [first, retry1, retry2]) expect(response.status).toBe(200);
    await settle();

    expect(posts(inThread(channel, ts))).toHaveLength(1);
    expect(asked.length - askedBefore).toBe(1);
    expect(log.count() - logBefore).toBe(1); // one recommendation record
    expect(logLines.some((line) => line.includes('duplicate Slack delivery dropped') && line.includes('Ev0RETRIED01'))).toBe(true);
  });

  it('records Accept and Dismiss (with a reason) as feedback by the Slack user’s Omni user, and answers Why? and Draft follow-up in the thread', async () => {
    const channel = 'C0BUTTON1';
    const root = nextTs();
    await postToSlackEndpoint(eventCallback(mention({ text: `what should I do next with ${hcp.id}?`, channel, ts: root })), 'application/json');
    const answer = await fake.waitFor(inThread(channel, root));
    const recommendationId = recommendationOn(answer);
    const answerTs = String(answer.response.ts);

    const accept = await postToSlackEndpoint(
      blockActions({ channel, messageTs: answerTs, threadTs: root, action: { type: 'button', action_id: ACTION_IDS.accept, value: recommendationId, text: { type: 'plain_text', text: 'Accept' } } }),
      'application/x-www-form-urlencoded',
    );
    expect(accept.status).toBe(200);
    expect(accept.ms).toBeLessThan(1000);
    const accepted = await fake.waitFor((call) => inThread(channel, root)(call) && String(call.args.text).includes('accepted'));
    const [feedback] = log.referringTo(recommendationId);
    expect(feedback).toMatchObject({ kind: 'feedback', actorId: rep.id, hcpId: hcp.id, refersTo: recommendationId, payload: { verdict: 'accept', reason: 'accepted in Slack' } });
    expect(String(accepted.args.text)).toContain(feedback!.id);

    await postToSlackEndpoint(
      blockActions({
        channel,
        messageTs: answerTs,
        threadTs: root,
        action: { type: 'static_select', action_id: ACTION_IDS.dismiss, selected_option: { text: { type: 'plain_text', text: 'Wrong timing' }, value: `${recommendationId}|wrong_timing` } },
      }),
      'application/x-www-form-urlencoded',
    );
    await fake.waitFor((call) => inThread(channel, root)(call) && String(call.args.text).includes('dismissed'));
    expect(log.referringTo(recommendationId).map((record) => record.payload)).toEqual([
      { verdict: 'accept', reason: 'accepted in Slack' },
      { verdict: 'dismiss', reason: 'dismissed in Slack: Wrong timing' },
    ]);
    expect(log.verify()).toMatchObject({ intact: true });

    await postToSlackEndpoint(
      blockActions({ channel, messageTs: answerTs, threadTs: root, action: { type: 'button', action_id: ACTION_IDS.why, value: recommendationId } }),
      'application/x-www-form-urlencoded',
    );
    const why = await fake.waitFor((call) => inThread(channel, root)(call) && blocksText(call).includes(':mag: *Why'));
    expect(blocksText(why)).toContain(recommendationId);

    const askedBefore = asked.length;
    await postToSlackEndpoint(
      blockActions({ channel, messageTs: answerTs, threadTs: root, action: { type: 'button', action_id: ACTION_IDS.draft, value: recommendationId } }),
      'application/x-www-form-urlencoded',
    );
    const draft = await fake.waitFor((call) => inThread(channel, root)(call) && /Sources by sentence|No draft/.test(blocksText(call)));
    expect(asked.slice(askedBefore)).toEqual([{ userId: rep.id, question: `draft a follow-up for ${hcp.id}`, threadId: threadIdFor(channel, root) }]);
    expect(blocksText(draft)).toMatch(/`cm-[\w-]+@\d+`|No draft/);
  });

  it('offers a clarifying answer\'s choices as buttons; pressing one asks that question in the thread, once', async () => {
    const channel = 'C0CHOICE1';
    const root = nextTs();
    await postToSlackEndpoint(eventCallback(mention({ text: CLARIFIED_QUESTION, channel, ts: root })), 'application/json');
    const clarifying = await fake.waitFor(inThread(channel, root));
    const blocks = clarifying.args.blocks as { type: string; block_id?: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    const buttons = blocks.find((block) => block.block_id === 'omni_choices')?.elements ?? [];
    expect(buttons.length).toBeGreaterThan(1);
    for (const [index, button] of buttons.entries()) {
      expect(button.action_id).toBe(`${ACTION_IDS.choice}_${index + 1}`);
      expect(String(clarifying.args.text)).toContain(`${index + 1}. ${button.value}`);
    }

    const choice = buttons[0]!;
    const askedBefore = asked.length;
    const press = blockActions({ channel, messageTs: String(clarifying.response.ts), threadTs: root, action: { block_id: 'omni_choices', type: 'button', action_id: choice.action_id, value: choice.value, text: { type: 'plain_text', text: choice.text.text } } });
    const response = await postToSlackEndpoint(press, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1000);
    // The thread shows who asked what, then the answer, as for a question typed there.
    const notice = await fake.waitFor((call) => inThread(channel, root)(call) && String(call.args.text) === `${rep.name} asked: ${choice.value}`);
    const answer = await fake.waitFor((call) => inThread(channel, root)(call) && fake.calls.indexOf(call) > fake.calls.indexOf(notice));
    expect(asked.slice(askedBefore)).toEqual([{ userId: rep.id, question: choice.value, threadId: threadIdFor(channel, root) }]);
    expect(blocksText(answer)).not.toContain('omni_choices');
    expect(String(answer.args.text)).not.toContain('Did you want');

    // The same press delivered again (same trigger id) is dropped: no second question.
    await postToSlackEndpoint(press, 'application/x-www-form-urlencoded');
    await settle();
    expect(asked.length - askedBefore).toBe(1);
    expect(posts(inThread(channel, root))).toHaveLength(3);
  });

  it('escapes a field note holding <!channel>, a link and a user mention, in the blocks and in the fallback text', async () => {
    const channel = 'C0ESCAPE1';
    const ts = nextTs();
    await postToSlackEndpoint(eventCallback(mention({ text: `brief me on ${notedHcp.id}`, channel, ts })), 'application/json');
    const answer = await fake.waitFor(inThread(channel, ts));
    const everything = JSON.stringify(answer.args);
    expect(everything).toContain('&lt;!channel&gt;');
    expect(everything).toContain('&lt;https://evil.example|click here&gt;');
    expect(everything).toContain('&lt;@U0SYN0002&gt;');
    expect(everything).not.toContain('<!channel>');
    expect(everything).not.toContain('<https://evil.example');
    expect(everything).not.toContain('<@U0SYN0002>');
    expect(blocksText(answer)).toContain('note-slack-planted');
    // Note text never reaches the logs.
    expect(logLines.some((line) => line.includes('evil.example'))).toBe(false);
  });

  it('refuses an unknown Slack user politely: no data, no agent call, no decision-log record', async () => {
    const channel = 'C0STRANGE';
    const ts = nextTs();
    const logBefore = log.count();
    const askedBefore = asked.length;
    await postToSlackEndpoint(eventCallback(mention({ user: STRANGER_SLACK, text: `brief me on ${hcp.id}`, channel, ts })), 'application/json');
    const refusal = await fake.waitFor(inThread(channel, ts));
    expect(String(refusal.args.text)).toContain('not linked to an Omni user');
    expect(blocksText(refusal)).not.toContain(hcp.id);

    // A button pressed by someone unknown records nothing either.
    const recommendationId = lastRecommendationId ?? 'dec-00000000000000000000000000';
    await postToSlackEndpoint(
      blockActions({ user: STRANGER_SLACK, channel, messageTs: ts, threadTs: ts, action: { type: 'button', action_id: ACTION_IDS.accept, value: recommendationId } }),
      'application/x-www-form-urlencoded',
    );
    const ephemeral = await fake.waitFor((call) => call.method === 'chat.postEphemeral' && call.args.user === STRANGER_SLACK);
    expect(String(ephemeral.args.text)).toContain('not linked to an Omni user');
    await settle();
    expect(asked.length).toBe(askedBefore);
    expect(log.count()).toBe(logBefore);
  });

  it('acks the /omni slash command at once and answers afterwards in a thread of its own', async () => {
    const channel = 'C0COMMAND';
    agentDelayMs = 1500; // the agent is slow; the ack must not wait for it
    const started = Date.now();
    const response = await postToSlackEndpoint(slashCommand({ channel, text: 'who should I see this week?' }), 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(1000);
    expect(JSON.parse(response.text)).toEqual({ response_type: 'ephemeral', text: 'Looking into it…' });

    const root = await fake.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === channel && call.args.thread_ts === undefined);
    expect(String(root.args.text)).toBe(`${rep.name} asked: who should I see this week?`);
    const answer = await fake.waitFor(inThread(channel, String(root.response.ts)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(blocksText(answer)).toContain('Who to see first');
    expect(asked.at(-1)).toEqual({ userId: rep.id, question: 'who should I see this week?', threadId: threadIdFor(channel, String(root.response.ts)) });

    // In a channel Omni cannot post in, the user still hears back, privately, through the response_url.
    agentDelayMs = 0;
    const askedBefore = asked.length;
    fake.failNext('chat.postMessage', 'not_in_channel');
    await postToSlackEndpoint(slashCommand({ channel: 'C0NOTJOIN', text: `brief me on ${hcp.id}` }), 'application/x-www-form-urlencoded');
    const fallback = await fake.waitFor((call) => call.method === 'response_url');
    expect(fallback.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(fallback.args.text)).toContain('is Omni a member of this channel?');
    expect(asked.length).toBe(askedBefore);
  });

  it('honours a 429 with Retry-After from the Slack API: waits, retries, and the answer lands once', async () => {
    const channel = 'C0RATELIM';
    const ts = nextTs();
    fake.rateLimitNext('chat.postMessage', 1);
    await postToSlackEndpoint(eventCallback(mention({ text: `can I email ${hcp.id}?`, channel, ts })), 'application/json');
    await fake.waitFor(inThread(channel, ts), 15_000);
    await settle();
    const attempts = posts((call) => call.args.channel === channel);
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(attempts[1]!.args.blocks).toEqual(attempts[0]!.args.blocks);
    expect(fake.delivered('chat.postMessage').filter((call) => call.args.channel === channel)).toHaveLength(1);
  });

  it('maps a failure to one user message with a reference, never the raw error text', async () => {
    const channel = 'C0FAILURE';
    const ts = nextTs();
    agentFailure = new AppError('STORE_FAILURE', 'SQLITE_IOERR: disk I/O error at /var/secret/omni.db');
    await postToSlackEndpoint(eventCallback(mention({ text: `brief me on ${hcp.id}`, channel, ts })), 'application/json');
    const message = await fake.waitFor(inThread(channel, ts));
    const text = JSON.stringify(message.args);
    expect(text).toContain('could not write to the decision log');
    expect(text).toMatch(/reference Ev\d+/);
    expect(text).not.toContain('SQLITE_IOERR');
    expect(text).not.toContain('/var/secret');
    expect(logLines.some((line) => line.includes('"code":"STORE_FAILURE"'))).toBe(true);

    // Slack refusing the answer itself is logged (no second attempt to tell the user), and the app carries on.
    agentFailure = null;
    const refusedTs = nextTs();
    fake.failNext('chat.postMessage', 'channel_not_found');
    await postToSlackEndpoint(eventCallback(mention({ text: `can I email ${hcp.id}?`, channel, ts: refusedTs }), 'Ev0REFUSED01'), 'application/json');
    await fake.waitFor((call) => call.args.thread_ts === refusedTs);
    await settle();
    expect(posts((call) => call.args.thread_ts === refusedTs).map((call) => call.response.error)).toEqual(['channel_not_found']);
    expect(logLines.some((line) => line.includes('"code":"SLACK"') && line.includes('Ev0REFUSED01'))).toBe(true);
    const laterTs = nextTs();
    await postToSlackEndpoint(eventCallback(mention({ text: `can I email ${hcp.id}?`, channel, ts: laterTs })), 'application/json');
    await fake.waitFor(inThread(channel, laterTs));
  });

  it('answers a direct message in its thread, once even when it also arrives as a mention', async () => {
    const channel = 'D0DIRECT1';
    const ts = nextTs();
    const askedBefore = asked.length;
    const dm = { type: 'message', channel_type: 'im', user: REP_SLACK, text: `can I email ${hcp.id}?`, ts, channel, event_ts: ts, team: TEAM };
    await postToSlackEndpoint(eventCallback(dm), 'application/json');
    await postToSlackEndpoint(eventCallback(mention({ text: `can I email ${hcp.id}?`, channel, ts })), 'application/json');
    await fake.waitFor(inThread(channel, ts));
    // A bot's own message (and edits) are not questions.
    await postToSlackEndpoint(eventCallback({ ...dm, ts: nextTs(), user: BOT_USER, bot_id: 'B0OMNIBOT' }), 'application/json');
    await postToSlackEndpoint(eventCallback({ ...dm, ts: nextTs(), subtype: 'message_changed' }), 'application/json');
    await settle();
    expect(posts((call) => call.args.channel === channel)).toHaveLength(1);
    expect(asked.length - askedBefore).toBe(1);
  });
});

describe('the Slack app in socket mode', () => {
  let socketFake: FakeSlackApi;
  let socketApp: SlackApp;

  beforeAll(async () => {
    socketFake = await startFakeSlackApi({ token: BOT_TOKEN, botUserId: BOT_USER, teamId: TEAM });
    const agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 60_000 }, { now: () => new Date(DEMO_AS_OF) });
    socketApp = createSlackApp({
      agent: {
        ask(request) {
          asked.push({ userId: request.user.id, question: request.question, threadId: request.threadId });
          return agent.ask(request);
        },
      },
      store,
      decisionLog: log,
      logger: createLogger('warn', { write: (line: string) => void logLines.push(line) }),
      slack: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: 'xapp-1-A0OMNI-test', apiUrl: socketFake.url },
    });
    expect(socketApp.mode).toBe('socket');
    await socketApp.start();
    await socketFake.socketMode.connected();
  });

  afterAll(async () => {
    await socketApp?.stop();
    await socketFake?.close();
  });

  it('connects with the app token, acks each envelope, answers in the thread and drops a redelivery', async () => {
    const open = socketFake.calls.find((call) => call.method === 'apps.connections.open');
    expect(open?.token).toBe('xapp-1-A0OMNI-test');
    expect(socketApp.port).toBeUndefined();

    const channel = 'C0SOCKET1';
    const ts = nextTs();
    const payload = JSON.parse(eventCallback(mention({ text: `can I email ${hcp.id}?`, channel, ts }), 'Ev0SOCKET01')) as Record<string, unknown>;
    const askedBefore = asked.length;
    socketFake.socketMode.send({ envelope_id: 'env-1', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '' });
    await socketFake.socketMode.waitForAck('env-1');
    const answer = await socketFake.waitFor(inThread(channel, ts));
    expect(blocksText(answer)).toContain(`for \`${hcp.id}\``);
    expect(answer.args.unfurl_links).toBe(false);

    socketFake.socketMode.send({ envelope_id: 'env-2', type: 'events_api', payload, accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout' });
    await socketFake.socketMode.waitForAck('env-2');
    await settle();
    expect(socketFake.calls.filter(inThread(channel, ts))).toHaveLength(1);
    expect(asked.length - askedBefore).toBe(1);
  });

  it('acks /omni with its ephemeral reply in the envelope ack and answers in a thread', async () => {
    const channel = 'C0SOCKET2';
    const payload = Object.fromEntries(new URLSearchParams(slashCommand({ channel, text: `brief me on ${hcp.id}` })));
    socketFake.socketMode.send({ envelope_id: 'env-cmd', type: 'slash_commands', payload, accepts_response_payload: true });
    const ack = await socketFake.socketMode.waitForAck('env-cmd');
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'Looking into it…' });
    const root = await socketFake.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === channel && call.args.thread_ts === undefined);
    const answer = await socketFake.waitFor(inThread(channel, String(root.response.ts)));
    expect(blocksText(answer)).toContain('Next best action for');
  });
});
