import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { agentTools } from '../../tools/index.ts';
import { Agent } from '../agent/agent.ts';
import { SqliteConversationMemory } from '../agent/conversation-memory.ts';
import { OpenAiChatModel } from '../agent/models/openai-chat-model.ts';
import { loadPersonaPrompts, personaFor, type PersonaName } from '../agent/persona-prompts.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { createAnalyticsContext, createNbaDependencies } from '../container.ts';
import { loadDemoSeed, seedAnchorDay } from '../demo/generate-demo.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { lookupHcpProfile } from '../profile/hcp-profile.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { estimateTokens, startFakeOpenAiServer, toolResultIn, type ChatCompletionBody, type FakeStep, type WireMessage } from '../testing/fake-openai-server.ts';

/**
 * How big the prompt of an agent turn is, per persona: one realistic turn of the real agent loop
 * with the real OpenAI-compatible adapter against the fake chat-completions server on loopback,
 * measuring every request body the server receives (each model call of a turn resends the system
 * message, the tool schemas and everything so far).
 *
 * - rep (u-rep-mw-1) and medical affairs (u-msl-mw): "what next with <HCP>?" → lookup_hcp_profile →
 *   get_next_best_actions → answer (3 model calls);
 * - manager (u-mgr-east): "who should my team see this week?" → plan_territory → answer (2 calls).
 *
 * Tokens: with the o200k_base tokenizer (GPT-4o / 4.1 / 5 family) from js-tiktoken, whose ranks ship
 * in the package (no network), messages are counted as OpenAI's cookbook does (content and
 * tool-call arguments, plus 3 per message and 3 for the reply); tool schemas as the tokens of their
 * JSON definitions. OpenAI renders tools into the prompt in its own format, so the tool figure is
 * an estimate (JSON punctuation makes it err high). Without js-tiktoken the figures are
 * characters / 4 and labelled so. Other tokenizers (Llama, Qwen on vLLM/Ollama) count differently.
 */
export interface PromptRequestFigures {
  step: number;
  bodyCharacters: number;
  messages: number;
  messageTokens: number;
  toolTokens: number;
  tokens: number;
  /** Tool-schema tokens / all tokens of this request. */
  toolShare: number;
  /** The fake server's usage estimate (characters of messages + tools / 4), for comparison. */
  serverEstimate: number;
}

export interface PersonaPromptFigures {
  persona: PersonaName;
  userId: string;
  question: string;
  promptSha256: string;
  systemPromptTokens: number;
  requests: PromptRequestFigures[];
  turn: { requests: number; bodyCharacters: number; tokens: number; toolTokens: number; toolShare: number };
}

export interface AgentPromptBenchResults {
  tokenizer: { name: string; exact: boolean };
  toolSchemas: { tools: number; characters: number; tokens: number };
  personas: PersonaPromptFigures[];
}

interface Tokenizer {
  name: string;
  exact: boolean;
  count(text: string): number;
}

/** o200k_base from js-tiktoken when installed (it comes with @langchain/core), else characters / 4. */
async function loadTokenizer(): Promise<Tokenizer> {
  try {
    const [{ Tiktoken }, ranks] = await Promise.all([import('js-tiktoken/lite'), import('js-tiktoken/ranks/o200k_base')]);
    const encoder = new Tiktoken(ranks.default);
    return { name: 'o200k_base (js-tiktoken)', exact: true, count: (text) => encoder.encode(text, [], []).length };
  } catch {
    return { name: 'APPROXIMATION: characters / 4 (js-tiktoken not installed)', exact: false, count: estimateTokens };
  }
}

const USERS: Record<PersonaName, string> = { rep: 'u-rep-mw-1', 'medical-affairs': 'u-msl-mw', manager: 'u-mgr-east' };

/**
 * Runs the bench. `databasePath`: an existing demo database to use (the turns append decision-log
 * records to it); without it a demo database is built in a temporary directory (about 6 s) and removed.
 */
export async function runAgentPromptBench(
  options: { databasePath?: string; progress?: (message: string) => void } = {},
): Promise<{ results: AgentPromptBenchResults; lines: string[] }> {
  const progress = options.progress ?? (() => {});
  const tokenizer = await loadTokenizer();
  let directory: string | null = null;
  let path = options.databasePath;
  if (path === undefined) {
    directory = mkdtempSync(join(tmpdir(), 'omni-prompt-bench-'));
    path = join(directory, 'omni.db');
    progress('agent prompt bench: building a demo database');
    createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: seedAnchorDay(loadDemoSeed()) });
  }
  const store = openSqliteStore(path);
  try {
    const prompts = loadPersonaPrompts();
    const nba = createNbaDependencies(store, { deadEndDays: 14 });
    const asOf = loadDemoSeed().anchorDate;
    const personas: PersonaPromptFigures[] = [];
    let toolSchemas: AgentPromptBenchResults['toolSchemas'] | null = null;

    for (const persona of ['rep', 'medical-affairs', 'manager'] as const) {
      const user = store.users.getById(USERS[persona]);
      if (!user) throw new Error(`the database has no user ${USERS[persona]}: is it a demo database?`);
      if (personaFor(user.role) !== persona) throw new Error(`${user.id} is a ${user.role}, not the ${persona} persona`);
      const { question, script } = scenario(persona, () => {
        // An HCP of the user's territory whose name finds them alone.
        const scope = accessScopeFor(user);
        const hcp = store.hcps.listInTerritories(user.territories).find((candidate) => {
          const found = lookupHcpProfile(store, `${candidate.firstName} ${candidate.lastName}`, { asOf, scope });
          return found.status === 'found' && found.profile.hcp.id === candidate.id;
        });
        if (!hcp) throw new Error(`no HCP found by name in ${user.territories.join(', ')}`);
        return `${hcp.firstName} ${hcp.lastName}`;
      });
      progress(`agent prompt bench: one ${persona} turn`);
      const server = await startFakeOpenAiServer(script, { apiKey: 'bench-key' });
      try {
        const agent = new Agent({
          model: new OpenAiChatModel({ apiKey: 'bench-key', baseUrl: server.baseUrl, model: 'bench-model', maxRetries: 0 }),
          tools: agentTools,
          prompts,
          memory: new SqliteConversationMemory(store.database),
          store,
          nba,
          content: nba.content,
          decisionLog: nba.decisionLog,
          analytics: createAnalyticsContext(store),
          now: () => new Date(asOf),
        });
        const answer = await agent.ask({ user, question });
        if (server.remaining !== 0 || answer.toolCalls.some((call) => call.status !== 'ok')) {
          throw new Error(`the ${persona} turn did not go as scripted: ${JSON.stringify(answer.toolCalls.map(({ name, status }) => ({ name, status })))}`);
        }
        const requests = server.requests.map((request, index) => measure(index + 1, request.body, request.bodyCharacters, tokenizer));
        const first = server.requests[0]!.body;
        const toolsJson = JSON.stringify(first.tools ?? []);
        toolSchemas ??= { tools: first.tools?.length ?? 0, characters: toolsJson.length, tokens: tokenizer.count(toolsJson) };
        const tokens = sum(requests.map((request) => request.tokens));
        const toolTokens = sum(requests.map((request) => request.toolTokens));
        personas.push({
          persona,
          userId: user.id,
          question,
          promptSha256: prompts[persona].sha256,
          systemPromptTokens: tokenizer.count(prompts[persona].text),
          requests,
          turn: { requests: requests.length, bodyCharacters: sum(requests.map((request) => request.bodyCharacters)), tokens, toolTokens, toolShare: toolTokens / tokens },
        });
      } finally {
        await server.close();
      }
    }
    const results: AgentPromptBenchResults = { tokenizer: { name: tokenizer.name, exact: tokenizer.exact }, toolSchemas: toolSchemas!, personas };
    return { results, lines: format(results) };
  } finally {
    store.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  }
}

function scenario(persona: PersonaName, hcpName: () => string): { question: string; script: FakeStep[] } {
  if (persona === 'manager') {
    return {
      question: 'Who should my team see this week?',
      script: [
        { toolCalls: [{ name: 'plan_territory', arguments: { limit: 10 } }] },
        (body) => ({ content: `Plan ${toolResultIn<{ planId: string }>(body, 'plan_territory').planId}: the ten HCPs above, in order.` }),
      ],
    };
  }
  const name = hcpName();
  return {
    question: `What should I do next with ${name}, and why?`,
    script: [
      { toolCalls: [{ name: 'lookup_hcp_profile', arguments: { hcp: name } }] },
      (body) => ({ toolCalls: [{ name: 'get_next_best_actions', arguments: { hcpId: toolResultIn<{ hcp: { id: string } }>(body, 'lookup_hcp_profile').hcp.id } }] }),
      (body) => {
        const result = toolResultIn<{ recommendationId: string; recommended: { label: string } }>(body, 'get_next_best_actions');
        return { content: `${result.recommended.label} (${result.recommendationId}), because of the reasons listed.` };
      },
    ],
  };
}

function measure(step: number, body: ChatCompletionBody, bodyCharacters: number, tokenizer: Tokenizer): PromptRequestFigures {
  // OpenAI cookbook: 3 tokens per message plus 3 priming the reply.
  const messageTokens = 3 + sum(body.messages.map((message) => 3 + tokenizer.count(messageText(message))));
  const toolTokens = tokenizer.count(JSON.stringify(body.tools ?? []));
  const tokens = messageTokens + toolTokens;
  return {
    step,
    bodyCharacters,
    messages: body.messages.length,
    messageTokens,
    toolTokens,
    tokens,
    toolShare: toolTokens / tokens,
    serverEstimate: estimateTokens(JSON.stringify({ messages: body.messages, tools: body.tools ?? [] })),
  };
}

function messageText(message: WireMessage): string {
  const content = message.content ?? '';
  if (message.role !== 'assistant' || !message.tool_calls) return content;
  return content + message.tool_calls.map((call) => call.function.name + call.function.arguments).join('');
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function format(results: AgentPromptBenchResults): string[] {
  const thousands = (value: number) => Math.round(value).toLocaleString('en-US');
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  const lines = [
    '',
    `agent prompt size per turn (real agent loop + OpenAI adapter against the fake server; tokens: ${results.tokenizer.name})`,
    `  tool schemas: ${results.toolSchemas.tools} tools, ${thousands(results.toolSchemas.characters)} characters, ${thousands(results.toolSchemas.tokens)} tokens, sent with every model call`,
  ];
  for (const persona of results.personas) {
    lines.push(
      `  ${persona.persona} (${persona.userId}, system prompt ${thousands(persona.systemPromptTokens)} tokens): "${persona.question}"`,
      ...persona.requests.map(
        (request) =>
          `    call ${request.step}: ${thousands(request.bodyCharacters)} characters, ${thousands(request.tokens)} tokens (messages ${thousands(request.messageTokens)}, tools ${thousands(request.toolTokens)} = ${percent(request.toolShare)}); characters/4 estimate ${thousands(request.serverEstimate)}`,
      ),
      `    turn: ${persona.turn.requests} calls, ${thousands(persona.turn.bodyCharacters)} characters, ${thousands(persona.turn.tokens)} prompt tokens, of which tool schemas ${thousands(persona.turn.toolTokens)} = ${percent(persona.turn.toolShare)}`,
    );
  }
  return lines;
}

// `npx tsx src/bench/agent-prompt-bench.ts` runs this part alone.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { lines } = await runAgentPromptBench({ progress: (message) => process.stderr.write(`${message}\n`) });
  console.log(lines.join('\n'));
}
