import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 (random port) for tests and the bench:
 * scripted replies over real HTTP, so the `openai` client and LangChain's code paths run for real.
 *
 * - `POST /v1/chat/completions` (non-streaming) answers with the next scripted reply in the real
 *   `chat.completion` format, `usage` included. Anything else is a 404 in OpenAI's error format.
 * - Every request to that path is recorded (parsed body, path, Authorization header), in order,
 *   unscripted ones and rejected ones included.
 * - A request after the script is used up gets a 500 with an OpenAI-style error body.
 * - As OpenAI does, a 400 refuses messages where an assistant's tool calls are not each answered
 *   by a following `tool` message, or a `tool` message answers no preceding call.
 * - With `apiKey` set, a request without `Authorization: Bearer <apiKey>` gets OpenAI's 401
 *   `invalid_api_key`, whose message echoes the key masked as OpenAI does ("sk-wr****1234").
 * - `usage.prompt_tokens` is an ESTIMATE: ceil(characters of JSON.stringify({messages, tools}) / 4),
 *   the usual rule of thumb for English text; completion_tokens likewise over the reply. Real
 *   servers count with their tokenizer and their own rendering of messages and tools.
 */

/** A tool call the server sends: `arguments` as an object is JSON-encoded; a string is sent as is (e.g. invalid JSON). */
export interface FakeToolCall {
  name: string;
  arguments: unknown;
  /** Default call_<request>_<position>. */
  id?: string;
}

export type FakeReply =
  /** The model asks for tools (several = parallel tool calls), optionally with some text. */
  | { toolCalls: FakeToolCall[]; content?: string }
  /** The model's final text. */
  | { content: string }
  /** An error response, e.g. { status: 503, message: 'overloaded' }. */
  | { status: number; message: string; type?: string; code?: string | null }
  /** Never answers (the client's abort or timeout must end the call). */
  | { hang: true };

/** One step of the script: a reply, or a function of the request body (to use earlier tool results). */
export type FakeStep = FakeReply | ((body: ChatCompletionBody, requestIndex: number) => FakeReply | Promise<FakeReply>);

/** The parts of a chat-completions request body tests look at. */
export interface ChatCompletionBody {
  model: string;
  messages: WireMessage[];
  tools?: { type: string; function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean } }[];
  tool_choice?: unknown;
  stream?: boolean;
  [key: string]: unknown;
}

export type WireMessage =
  | { role: 'system' | 'developer'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: { id: string; type: 'function'; function: { name: string; arguments: string } }[] }
  | { role: 'tool'; content: string; tool_call_id: string };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: ChatCompletionBody;
  /** Characters of the raw request body. */
  bodyCharacters: number;
  /** What the server answered: a status code, or 'hang'. */
  answered: number | 'hang';
}

export interface FakeOpenAiServer {
  /** http://127.0.0.1:<port>/v1, as an OpenAI client wants it. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Requests whose client went away before an answer (an aborted or timed-out call). */
  readonly abortedRequests: number;
  /** Appends steps to the script. */
  push(...steps: FakeStep[]): void;
  /** Steps not used yet. */
  readonly remaining: number;
  close(): Promise<void>;
}

export interface FakeOpenAiServerOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

export async function startFakeOpenAiServer(script: readonly FakeStep[] = [], options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const steps = [...script];
  let used = 0;
  let aborted = 0;
  const requests: RecordedRequest[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const text = await readBody(request);
    const path = (request.url ?? '').split('?')[0]!;
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      return send(response, 404, errorBody(`Unknown request URL: ${request.method} ${path}. The fake server serves POST /v1/chat/completions only.`, 'invalid_request_error', 'unknown_url'));
    }
    let body: ChatCompletionBody;
    try {
      body = JSON.parse(text) as ChatCompletionBody;
    } catch {
      return send(response, 400, errorBody('We could not parse the JSON body of your request.', 'invalid_request_error', null));
    }
    const recorded: RecordedRequest = { path, authorization: request.headers.authorization, body, bodyCharacters: text.length, answered: 0 };
    requests.push(recorded);
    const answer = (status: number, payload: unknown) => {
      recorded.answered = status;
      send(response, status, payload);
    };

    const presented = /^Bearer (.*)$/.exec(request.headers.authorization ?? '')?.[1];
    if (options.apiKey !== undefined && presented !== options.apiKey) {
      const message = presented
        ? `Incorrect API key provided: ${maskKey(presented)}. You can find your API key at https://platform.openai.com/account/api-keys.`
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      return answer(401, errorBody(message, 'invalid_request_error', 'invalid_api_key'));
    }
    if (body.stream === true) return answer(400, errorBody('The fake server does not stream.', 'invalid_request_error', null));
    const sequenceProblem = toolSequenceProblem(body.messages ?? []);
    if (sequenceProblem) return answer(400, errorBody(sequenceProblem, 'invalid_request_error', null));
    const index = requests.length - 1;
    const step = steps[used];
    if (step === undefined) {
      return answer(500, errorBody(`The fake server has no scripted reply for request #${index + 1} (${steps.length} step(s) scripted).`, 'server_error', null));
    }
    used++;
    let reply: FakeReply;
    try {
      reply = typeof step === 'function' ? await step(body, index) : step;
    } catch (error) {
      return answer(500, errorBody(`The scripted step for request #${index + 1} threw: ${error instanceof Error ? error.message : String(error)}`, 'server_error', null));
    }
    if ('hang' in reply) {
      recorded.answered = 'hang';
      response.on('close', () => {
        if (!response.writableEnded) aborted++;
      });
      return;
    }
    if ('status' in reply) return answer(reply.status, errorBody(reply.message, reply.type ?? 'server_error', reply.code ?? null));
    return answer(200, completion(body, index, reply));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, errorBody(`fake server fault: ${error instanceof Error ? error.message : String(error)}`, 'server_error', null));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get abortedRequests() {
      return aborted;
    },
    push: (...more) => {
      steps.push(...more);
    },
    get remaining() {
      return steps.length - used;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function completion(body: ChatCompletionBody, index: number, reply: { toolCalls: FakeToolCall[]; content?: string } | { content: string }) {
  const toolCalls =
    'toolCalls' in reply
      ? reply.toolCalls.map((call, position) => ({
          id: call.id ?? `call_${index + 1}_${position + 1}`,
          type: 'function' as const,
          function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
        }))
      : [];
  const content = reply.content ?? null;
  const message = { role: 'assistant', content: toolCalls.length > 0 ? content : (content ?? ''), refusal: null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
  const promptTokens = estimateTokens(JSON.stringify({ messages: body.messages, tools: body.tools ?? [] }));
  const completionTokens = Math.max(1, estimateTokens((content ?? '') + JSON.stringify(toolCalls.map((call) => call.function))));
  return {
    id: `chatcmpl-fake-${index + 1}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, message, logprobs: null, finish_reason: toolCalls.length > 0 ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** OpenAI's check of tool calls and tool results (its 400 messages, abridged); null when they pair up. */
function toolSequenceProblem(messages: readonly WireMessage[]): string | null {
  let open: string[] = [];
  for (const [index, message] of messages.entries()) {
    if (message.role === 'tool') {
      if (!open.includes(message.tool_call_id)) {
        return `Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls' (messages[${index}], tool_call_id ${message.tool_call_id}).`;
      }
      open = open.filter((id) => id !== message.tool_call_id);
      continue;
    }
    if (open.length > 0) {
      return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${open.join(', ')}`;
    }
    if (message.role === 'assistant') open = (message.tool_calls ?? []).map((call) => call.id);
  }
  return open.length > 0 ? `The following tool_call_ids did not have response messages: ${open.join(', ')}` : null;
}

/** The rough "four characters a token" estimate the fake server reports as usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function errorBody(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

/** OpenAI's echo of a wrong key: the first few and the last four characters. */
function maskKey(key: string): string {
  return key.length <= 8 ? '*'.repeat(key.length) : `${key.slice(0, 5)}${'*'.repeat(Math.max(4, key.length - 9))}${key.slice(-4)}`;
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The parsed content of the latest `tool` message answering a call to `toolName` (the wire format
 * names the tool only in the assistant's tool_calls, so the id is followed back).
 */
export function toolResultIn<T = Record<string, unknown>>(body: ChatCompletionBody, toolName: string): T {
  const names = new Map<string, string>();
  for (const message of body.messages) {
    if (message.role === 'assistant') for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
  }
  const result = [...body.messages].reverse().find((message) => message.role === 'tool' && names.get(message.tool_call_id) === toolName);
  if (!result || result.role !== 'tool') throw new Error(`no ${toolName} result in the request`);
  return JSON.parse(result.content) as T;
}
