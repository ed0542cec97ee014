import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { agentTools } from '../../tools/index.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { createAnalyticsContext, createNbaDependencies } from '../container.ts';
import { AppError } from '../core/app-error.ts';
import type { ChatRequest } from '../core/chat-model.ts';
import { toolParameters } from '../core/define-tool.ts';
import { hcpDisplayName, type Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import { lookupHcpProfile } from '../profile/hcp-profile.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../testing/demo-store.ts';
import { estimateTokens, startFakeOpenAiServer, toolResultIn, type ChatCompletionBody, type FakeOpenAiServer, type FakeStep, type WireMessage } from '../testing/fake-openai-server.ts';
import { Agent, type AgentLimits } from './agent.ts';
import { SqliteConversationMemory } from './conversation-memory.ts';
import { OpenAiChatModel } from './models/openai-chat-model.ts';
import { loadPersonaPrompts } from './persona-prompts.ts';

/**
 * The real agent loop with the real OpenAI-compatible adapter (LangChain ChatOpenAI → openai client
 * → HTTP) against a scripted chat-completions server on loopback, over the demo database.
 */
const API_KEY = 'sk-omni-test-0123456789abcdef';
const WRONG_KEY = 'sk-omni-wrong-fedcba9876543210';
const MODEL = 'fake-model-1';
const prompts = loadPersonaPrompts();

let demo: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let nba: ReturnType<typeof createNbaDependencies>;
let rep: User;
let hcp: Hcp;
let hcpName: string;
/** As the focus names them: with the credential. */
let displayName: string;
const servers: FakeOpenAiServer[] = [];

beforeAll(() => {
  demo = createTemporaryDemoStore('omni-openai-agent-');
  store = demo.store;
  nba = createNbaDependencies(store, { deadEndDays: 14 });
  rep = store.users.getById('u-rep-mw-1')!;
  expect(rep.role).toBe('rep');
  const asOf = DEMO_AS_OF;
  // A T-MW HCP whose name finds them alone (no namesake), so step 1 can look them up by name. The
  // name is written as a user would, without the credential: lookups of the display name with it
  // ("Rachel Chen, MD") do not find the HCP (reported).
  const findsItself = (candidate: Hcp) => {
    const found = lookupHcpProfile(store, `${candidate.firstName} ${candidate.lastName}`, { asOf, scope: accessScopeFor(rep) });
    return found.status === 'found' && found.profile.hcp.id === candidate.id;
  };
  hcp = store.hcps.listInTerritories(['T-MW']).find(findsItself)!;
  expect(hcp).toBeDefined();
  hcpName = `${hcp.firstName} ${hcp.lastName}`;
  displayName = hcpDisplayName(hcp);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(() => {
  demo?.remove();
});

async function setup(script: FakeStep[], options: { key?: string; maxRetries?: number; limits?: Partial<AgentLimits> } = {}) {
  const server = await startFakeOpenAiServer(script, { apiKey: API_KEY });
  servers.push(server);
  const model = new OpenAiChatModel({ apiKey: options.key ?? API_KEY, baseUrl: server.baseUrl, model: MODEL, maxRetries: options.maxRetries ?? 0 });
  const memory = new SqliteConversationMemory(store.database);
  const agent = new Agent({
    model,
    tools: agentTools,
    prompts,
    memory,
    store,
    nba,
    content: nba.content,
    decisionLog: nba.decisionLog,
    analytics: createAnalyticsContext(store),
    limits: options.limits ?? {},
    now: () => new Date(DEMO_AS_OF),
  });
  return { server, agent, memory };
}

const system = (body: ChatCompletionBody) => body.messages[0]!.content as string;
const toolMessages = (body: ChatCompletionBody) => body.messages.filter((message): message is Extract<WireMessage, { role: 'tool' }> => message.role === 'tool');
const lastAssistant = (body: ChatCompletionBody) => body.messages.filter((message): message is Extract<WireMessage, { role: 'assistant' }> => message.role === 'assistant').at(-1)!;

async function expectModelFailure(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('MODEL_FAILURE');
  return error as AppError;
}

describe('the agent over the OpenAI-compatible adapter', () => {
  it('looks an HCP up by name, gets next best actions with the id it found, answers, and logs the model and prompt', async () => {
    const { server, agent } = await setup([
      { toolCalls: [{ name: 'lookup_hcp_profile', arguments: { hcp: hcpName } }] },
      (body) => ({ toolCalls: [{ name: 'get_next_best_actions', arguments: { hcpId: toolResultIn<{ hcp: { id: string } }>(body, 'lookup_hcp_profile').hcp.id } }] }),
      (body) => {
        const nbaResult = toolResultIn<{ recommendationId: string; recommended: { label: string } }>(body, 'get_next_best_actions');
        return { content: `Next: ${nbaResult.recommended.label} (${nbaResult.recommendationId}).` };
      },
    ]);
    const answer = await agent.ask({ user: rep, question: `What should I do next with ${hcpName}?`, threadId: 't-openai-1' });

    expect(answer.toolCalls.map(({ name, input, status }) => ({ name, input, status }))).toEqual([
      { name: 'lookup_hcp_profile', input: { hcp: hcpName }, status: 'ok' },
      { name: 'get_next_best_actions', input: { hcpId: hcp.id }, status: 'ok' },
    ]);
    const nbaOutput = answer.toolCalls[1]!.output as { status: string; recommendationId: string; recommended: { label: string } };
    expect(nbaOutput.status).toBe('recommended');
    expect(answer.answer).toBe(`Next: ${nbaOutput.recommended.label} (${nbaOutput.recommendationId}).`);
    expect(answer.model).toBe(`openai:${MODEL}`);
    expect(answer.prompt).toEqual({ name: 'rep', sha256: prompts.rep.sha256 });
    expect(answer.citations.hcps).toEqual([hcp.id]);
    expect(answer.citations.recommendations).toEqual([nbaOutput.recommendationId]);

    // The decision log carries the model and the prompt's name and hash.
    const record = nba.decisionLog.get(nbaOutput.recommendationId)!;
    expect(record.actorId).toBe(rep.id);
    expect(record.hcpId).toBe(hcp.id);
    expect(record.payload.model).toBe(`openai:${MODEL}`);
    expect(record.payload.prompt).toEqual({ name: 'rep', sha256: prompts.rep.sha256 });

    // What went over the wire: three chat-completions requests with the key, the model and every tool schema.
    expect(server.requests).toHaveLength(3);
    expect(server.remaining).toBe(0);
    for (const request of server.requests) {
      expect(request.path).toBe('/v1/chat/completions');
      expect(request.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.body.model).toBe(MODEL);
      expect(request.body.stream).not.toBe(true);
      expect(request.body.tools).toEqual(
        agentTools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: toolParameters(tool) } })),
      );
    }
    const [first, second, third] = server.requests.map((request) => request.body) as [ChatCompletionBody, ChatCompletionBody, ChatCompletionBody];
    expect(first.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(system(first).startsWith(prompts.rep.text.trimEnd())).toBe(true);
    expect(system(first)).toContain(`You are assisting ${rep.name} (role: rep, user id ${rep.id})`);
    expect(system(first)).toContain(`Now is ${DEMO_AS_OF}`);
    expect(system(first)).not.toContain('The conversation is about');
    expect(first.messages[1]).toEqual({ role: 'user', content: `What should I do next with ${hcpName}?` });

    // Each tool result goes back as a `tool` message answering the assistant's call by id.
    expect(second.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    const lookupCall = lastAssistant(second).tool_calls![0]!;
    expect(lookupCall.function).toEqual({ name: 'lookup_hcp_profile', arguments: JSON.stringify({ hcp: hcpName }) });
    expect(toolMessages(second)[0]!.tool_call_id).toBe(lookupCall.id);
    expect(JSON.parse(toolMessages(second)[0]!.content)).toEqual(answer.toolCalls[0]!.output);
    // The focus follows the lookup: the next model call is told who "she" is.
    expect(system(second)).toContain(`The conversation is about ${displayName} (${hcp.id})`);

    expect(third.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'tool']);
    const nbaCall = lastAssistant(third).tool_calls![0]!;
    expect(nbaCall.function).toEqual({ name: 'get_next_best_actions', arguments: JSON.stringify({ hcpId: hcp.id }) });
    expect(toolMessages(third)[1]!.tool_call_id).toBe(nbaCall.id);
    expect(JSON.parse(toolMessages(third)[1]!.content)).toEqual(nbaOutput);
  });

  it('carries the thread into the next turn: earlier turns as messages, the HCP and recommendation as focus', async () => {
    const { server, agent } = await setup([
      { toolCalls: [{ name: 'lookup_hcp_profile', arguments: { hcp: hcp.id } }] },
      (body) => ({ toolCalls: [{ name: 'get_next_best_actions', arguments: { hcpId: toolResultIn<{ hcp: { id: string } }>(body, 'lookup_hcp_profile').hcp.id } }] }),
      { content: 'First answer.' },
      { content: 'Second answer.' },
    ]);
    const first = await agent.ask({ user: rep, question: 'Brief me and tell me what to do next.', threadId: 't-openai-2' });
    const recommendationId = first.citations.recommendations[0]!;
    const second = await agent.ask({ user: rep, question: 'Why that?', threadId: 't-openai-2' });
    expect(second.answer).toBe('Second answer.');
    const body = server.requests[3]!.body;
    expect(body.messages.slice(1)).toEqual([
      { role: 'user', content: 'Brief me and tell me what to do next.' },
      { role: 'assistant', content: 'First answer.' },
      { role: 'user', content: 'Why that?' },
    ]);
    expect(system(body)).toContain(`The conversation is about ${displayName} (${hcp.id}); "she", "he" or "they" refers to them.`);
    expect(system(body)).toContain(`The latest recommendation in this conversation is ${recommendationId}.`);
  });

  it('runs parallel tool calls from one reply and answers each by its id, in order', async () => {
    const { server, agent } = await setup([
      {
        toolCalls: [
          { name: 'lookup_hcp_profile', arguments: { hcp: hcp.id }, id: 'call_lookup' },
          { name: 'check_consent', arguments: { hcpId: hcp.id, channel: 'email' }, id: 'call_consent' },
        ],
      },
      { content: 'Both done.' },
    ]);
    const answer = await agent.ask({ user: rep, question: `Brief me on ${hcp.id} and can I email them?` });
    expect(answer.answer).toBe('Both done.');
    expect(answer.toolCalls.map(({ name, input, status }) => ({ name, input, status }))).toEqual([
      { name: 'lookup_hcp_profile', input: { hcp: hcp.id }, status: 'ok' },
      { name: 'check_consent', input: { hcpId: hcp.id, channel: 'email', purpose: 'promotional', productId: null }, status: 'ok' },
    ]);
    expect((answer.toolCalls[1]!.output as { status: string }).status).toBe('answered');
    const body = server.requests[1]!.body;
    expect(lastAssistant(body).tool_calls!.map((call) => call.id)).toEqual(['call_lookup', 'call_consent']);
    expect(toolMessages(body).map((message) => message.tool_call_id)).toEqual(['call_lookup', 'call_consent']);
    expect(toolMessages(body).map((message) => JSON.parse(message.content))).toEqual(answer.toolCalls.map((call) => call.output));
  });

  it('refuses arguments that are not valid JSON back to the model, next to a valid call in the same reply', async () => {
    const broken = '{"hcpId": "' + hcp.id + '", "channel": ';
    const { server, agent } = await setup([
      {
        toolCalls: [
          { name: 'lookup_hcp_profile', arguments: { hcp: hcp.id } },
          { name: 'check_consent', arguments: broken },
        ],
      },
      (body) => {
        const refusal = toolResultIn<{ error: string; issues: string[] }>(body, 'check_consent');
        return refusal.error === 'invalid_arguments'
          ? { toolCalls: [{ name: 'check_consent', arguments: { hcpId: hcp.id, channel: 'email' } }] }
          : { content: 'the refusal did not arrive' };
      },
      { content: 'Corrected.' },
    ]);
    const answer = await agent.ask({ user: rep, question: `Can I email ${hcp.id}?` });
    expect(answer.answer).toBe('Corrected.');
    expect(answer.toolCalls.map(({ name, status }) => [name, status])).toEqual([
      ['lookup_hcp_profile', 'ok'],
      ['check_consent', 'invalid'],
      ['check_consent', 'ok'],
    ]);
    expect(answer.toolCalls[1]!.input).toBe(broken);
    expect(answer.toolCalls[1]!.output).toMatchObject({ error: 'invalid_arguments' });

    // The second request echoes both calls exactly as the model wrote them, each answered by id.
    const body = server.requests[1]!.body;
    const calls = lastAssistant(body).tool_calls!;
    expect(calls.map((call) => call.function)).toEqual([
      { name: 'lookup_hcp_profile', arguments: JSON.stringify({ hcp: hcp.id }) },
      { name: 'check_consent', arguments: broken },
    ]);
    expect(toolMessages(body).map((message) => message.tool_call_id)).toEqual(calls.map((call) => call.id));
    expect(JSON.parse(toolMessages(body)[1]!.content)).toMatchObject({ error: 'invalid_arguments', issues: [expect.stringContaining('input')] });
  });

  it('turns a rejected key (401) into MODEL_FAILURE without the key anywhere in the error', async () => {
    const { server, agent, memory } = await setup([{ content: 'never sent' }], { key: WRONG_KEY });
    const error = await expectModelFailure(agent.ask({ user: rep, question: 'Hello?', threadId: 't-openai-401' }));
    expect(server.requests.map((request) => request.answered)).toEqual([401]);
    expect(error.message).toMatch(/rejected the API key \(HTTP 401\)/);
    // The server echoed the key masked, as OpenAI does; nothing of it survives, in the message or the cause chain.
    const everything = `${error.message}\n${inspect(error, { depth: null })}\n${JSON.stringify(error.details)}`;
    for (const secret of [WRONG_KEY, API_KEY, WRONG_KEY.slice(0, 5), WRONG_KEY.slice(-4), '****']) expect(everything).not.toContain(secret);
    expect(memory.recent(rep.id, 't-openai-401', 5)).toEqual([]);
  });

  it('turns a server error (500, unscripted request) into MODEL_FAILURE', async () => {
    const { server, agent } = await setup([]);
    const error = await expectModelFailure(agent.ask({ user: rep, question: 'Hello?' }));
    expect(server.requests.map((request) => request.answered)).toEqual([500]);
    expect(error.message).toMatch(/HTTP 500/);
    expect(inspect(error, { depth: null })).not.toContain(API_KEY);
  });

  it('retries a 503 when retries are configured', async () => {
    const { server, agent } = await setup([{ status: 503, message: 'overloaded' }, { content: 'After a retry.' }], { maxRetries: 1 });
    const answer = await agent.ask({ user: rep, question: 'Hello?' });
    expect(answer.answer).toBe('After a retry.');
    expect(server.requests.map((request) => request.answered)).toEqual([503, 200]);
  });

  it("aborts the HTTP call of a server that never answers when the turn's time runs out", async () => {
    const { server, agent } = await setup([{ hang: true }], { limits: { timeoutMs: 500 } });
    const started = Date.now();
    const error = await expectModelFailure(agent.ask({ user: rep, question: 'Hello?' }));
    expect(error.message).toMatch(/time limit/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // The signal reached the HTTP client: the server saw the request go away.
    await vi.waitFor(() => expect(server.abortedRequests).toBe(1), { timeout: 3_000 });
  });
});

describe('OpenAiChatModel over HTTP', () => {
  const request = (tools: ChatRequest['tools']): ChatRequest => ({
    system: 'PROMPT',
    messages: [{ role: 'user', content: 'Hello' }],
    tools,
    context: { user: { id: rep.id, name: rep.name, role: rep.role }, now: DEMO_AS_OF, focus: { hcpId: null, hcpName: null, recommendationId: null, lastQuery: null, listed: [] } },
  });

  it("reports the server's token usage and sends no tools key when there are no tools", async () => {
    const server = await startFakeOpenAiServer([{ content: 'Hi.' }, { toolCalls: [{ name: 'lookup_hcp_profile', arguments: { hcp: 'x' } }] }], { apiKey: API_KEY });
    servers.push(server);
    const model = new OpenAiChatModel({ apiKey: API_KEY, baseUrl: server.baseUrl, model: MODEL, maxRetries: 0 });
    const plain = await model.respond(request([]));
    expect(plain.content).toBe('Hi.');
    expect(plain.toolCalls).toEqual([]);
    const body = server.requests[0]!.body;
    expect(body).not.toHaveProperty('tools');
    const estimate = estimateTokens(JSON.stringify({ messages: body.messages, tools: [] }));
    expect(plain.usage).toEqual({ promptTokens: estimate, completionTokens: expect.any(Number) });

    const tools = agentTools.slice(0, 1).map((tool) => ({ name: tool.name, description: tool.description, parameters: toolParameters(tool) }));
    const withTools = await model.respond(request(tools));
    expect(withTools.toolCalls).toEqual([{ id: 'call_2_1', name: 'lookup_hcp_profile', arguments: { hcp: 'x' } }]);
    expect(withTools.usage!.promptTokens).toBeGreaterThan(estimate);
    expect(server.requests[1]!.body.tools!.map((tool) => tool.function.name)).toEqual(['lookup_hcp_profile']);
  });

  it('rejects with MODEL_FAILURE when nothing listens at the base URL', async () => {
    const server = await startFakeOpenAiServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const model = new OpenAiChatModel({ apiKey: API_KEY, baseUrl, model: MODEL, maxRetries: 0 });
    const error = await expectModelFailure(model.respond(request([])));
    expect(error.message).toBe('could not reach the model endpoint');
  });
});
