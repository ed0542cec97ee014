import { AIMessage, HumanMessage, type AIMessageChunk, SystemMessage, ToolMessage, type BaseMessage, type MessageContent } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { AppError, isAppError } from '../../core/app-error.ts';
import type { ChatMessage, ChatModel, ChatRequest, ChatResponse, ToolCallRequest, ToolSpec } from '../../core/chat-model.ts';

export interface OpenAiChatModelOptions {
  /** API key (any non-empty string for local servers that do not check it). Never appears in an error. */
  apiKey: string;
  /**
   * Base URL of an OpenAI-compatible chat-completions API, including `/v1`: OpenAI (the default),
   * Azure OpenAI's v1 API (https://RESOURCE.openai.azure.com/openai/v1), vLLM (http://host:8000/v1),
   * Ollama (http://127.0.0.1:11434/v1), llama.cpp's server.
   */
  baseUrl?: string | undefined;
  /** Model name as the server knows it (an Azure deployment name for Azure). */
  model: string;
  /** Per-request HTTP timeout in milliseconds. Default 60 000 (the agent loop has its own turn budget). */
  timeoutMs?: number;
  /** Retries after a failed request (timeouts, 429, 5xx; never 400/401/403/404). Default 2. */
  maxRetries?: number;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

type BoundChat = ReturnType<ChatOpenAI['bindTools']>;

/**
 * The OpenAI-compatible adapter: LangChain's `ChatOpenAI` on the chat-completions API, no
 * streaming, with the request's tools bound as OpenAI function tools.
 *
 * - The base URL is always passed explicitly, so LangChain's own environment fallbacks
 *   (OPENAI_BASE_URL, OPENAI_API_BASE, LANGSMITH_GATEWAY, which would route every prompt through
 *   LangSmith's gateway) never choose the endpoint; organisation and project headers are not sent.
 * - `request.context` (who asks, "now", what the thread is about) is rendered into the system
 *   message after the persona prompt, so the prompt prefix stays the same from turn to turn.
 * - Tool calls come back in the order the model made them. Arguments that are not valid JSON are
 *   passed on as the raw string (LangChain files them under `invalid_tool_calls`), so the loop's
 *   schema check refuses them and the model sees why.
 * - `request.signal` aborts the HTTP call. Failures reject with AppError MODEL_FAILURE whose
 *   message names the HTTP status; the server's own text (which may echo a masked key) is kept
 *   only, redacted, in `cause`. The key never appears in a message, a cause or `details`.
 *
 * Caveat: LangChain switches ChatOpenAI to the Responses API by itself for model names containing
 * "codex" or "-pro" of gpt-5.x (`_modelPrefersResponsesAPI`), whatever `useResponsesApi` says; such
 * models only work against OpenAI itself.
 */
export class OpenAiChatModel implements ChatModel {
  readonly id: string;
  // Private fields: util.inspect and JSON.stringify of this object show neither the key nor the client.
  readonly #chat: ChatOpenAI;
  readonly #apiKey: string;
  #bound: { key: string; runnable: BoundChat } | null = null;

  constructor(options: OpenAiChatModelOptions) {
    if (options.apiKey.length === 0) throw new AppError('CONFIG_INVALID', 'the OpenAI-compatible model needs an API key (any non-empty string for servers that do not check it)');
    if (options.model.trim().length === 0) throw new AppError('CONFIG_INVALID', 'the OpenAI-compatible model needs a model name');
    this.id = `openai:${options.model}`;
    this.#apiKey = options.apiKey;
    this.#chat = new ChatOpenAI({
      model: options.model,
      apiKey: options.apiKey,
      useResponsesApi: false,
      streaming: false,
      timeout: options.timeoutMs ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      configuration: { baseURL: options.baseUrl ?? OPENAI_BASE_URL, organization: null, project: null },
    });
  }

  async respond(request: ChatRequest): Promise<ChatResponse> {
    const messages = toLangChainMessages(request);
    let reply: AIMessage | AIMessageChunk;
    try {
      const options = request.signal ? { signal: request.signal } : {};
      reply = request.tools.length === 0 ? await this.#chat.invoke(messages, options) : await this.#withTools(request.tools).invoke(messages, options);
    } catch (error) {
      throw modelFailure(error, this.#apiKey, request.signal);
    }
    return fromLangChainReply(reply);
  }

  /** The chat model with these tools bound; reused while the tool set stays the same (it usually does). */
  #withTools(tools: readonly ToolSpec[]): BoundChat {
    const key = JSON.stringify(tools);
    if (this.#bound?.key !== key) this.#bound = { key, runnable: this.#chat.bindTools(tools.map(toOpenAiTool)) };
    return this.#bound.runnable;
  }
}

function toOpenAiTool(tool: ToolSpec) {
  return { type: 'function' as const, function: { name: tool.name, description: tool.description, parameters: tool.parameters } };
}

/** The system message: the persona prompt, then who is asking, when, and what the thread is about. */
export function renderSystemMessage(request: Pick<ChatRequest, 'system' | 'context'>): string {
  const { user, now, focus } = request.context;
  const lines = [
    `- You are assisting ${flat(user.name)} (role: ${flat(user.role)}, user id ${flat(user.id)}).`,
    `- Now is ${flat(now)}; dates in tool results are relative to it.`,
  ];
  if (focus.hcpId !== null) {
    const who = focus.hcpName === null ? flat(focus.hcpId) : `${flat(focus.hcpName)} (${flat(focus.hcpId)})`;
    lines.push(`- The conversation is about ${who}; "she", "he" or "they" refers to them.`);
  }
  if (focus.recommendationId !== null) lines.push(`- The latest recommendation in this conversation is ${flat(focus.recommendationId)}.`);
  if (focus.listed.length > 1) lines.push(`- The latest list in this conversation named, in order: ${focus.listed.slice(0, 10).map((id, index) => `${index + 1}. ${flat(id)}`).join(', ')}; "the first one" means the first of them.`);
  if (focus.lastQuery) lines.push(`- The latest analytics call in this conversation was ${flat(focus.lastQuery.tool)} ${flat(JSON.stringify(focus.lastQuery.input))}; a follow-up ("by rep", "what about safety?") changes only what it names.`);
  return `${request.system.trimEnd()}\n\nThis conversation:\n${lines.join('\n')}`;
}

/** Values from the data go on one line, so a name cannot add lines to the system message. */
function flat(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim().slice(0, 200);
}

export function toLangChainMessages(request: Pick<ChatRequest, 'system' | 'context' | 'messages'>): BaseMessage[] {
  return [new SystemMessage(renderSystemMessage(request)), ...request.messages.map(toLangChainMessage)];
}

function toLangChainMessage(message: ChatMessage): BaseMessage {
  switch (message.role) {
    case 'user':
      return new HumanMessage(message.content);
    case 'tool':
      return new ToolMessage({ content: message.content, tool_call_id: message.toolCallId });
    case 'assistant': {
      if (message.toolCalls.length === 0) return new AIMessage(message.content);
      if (!message.toolCalls.some((call) => typeof call.arguments === 'string')) {
        return new AIMessage({
          content: message.content,
          tool_calls: message.toolCalls.map((call) => ({ type: 'tool_call' as const, id: call.id, name: call.name, args: call.arguments as Record<string, unknown> })),
        });
      }
      // A call whose arguments were not JSON goes back to the server exactly as the model wrote it,
      // next to its "invalid_arguments" result. LangChain renders only parsed `tool_calls` when there
      // are any (dropping invalid ones, which would orphan their tool results), and falls back to the
      // raw OpenAI `additional_kwargs.tool_calls` when there are none: so all calls go there, in
      // order. Set after construction, because the constructor re-parses (and warns about) them.
      const ai = new AIMessage({
        content: message.content,
        tool_calls: [],
        invalid_tool_calls: message.toolCalls.filter((call) => typeof call.arguments === 'string').map((call) => ({ type: 'invalid_tool_call' as const, id: call.id, name: call.name, args: call.arguments as string, error: 'arguments are not valid JSON' })),
      });
      ai.additional_kwargs.tool_calls = message.toolCalls.map((call) => ({
        id: call.id,
        type: 'function' as const,
        function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
      }));
      return ai;
    }
  }
}

/** Tool calls in the model's order: LangChain splits them into parsed and invalid ones. */
export function fromLangChainReply(reply: AIMessage | AIMessageChunk): ChatResponse {
  const calls: ToolCallRequest[] = [];
  const byId = new Map<string, ToolCallRequest>();
  const add = (id: string | undefined, name: string | undefined, args: unknown) => {
    const call = { id: id && id.length > 0 ? id : `call_${calls.length + 1}`, name: name ?? '', arguments: args };
    calls.push(call);
    if (id) byId.set(id, call);
  };
  for (const call of reply.tool_calls ?? []) add(call.id, call.name, call.args);
  for (const call of reply.invalid_tool_calls ?? []) add(call.id, call.name, call.args ?? '');
  const raw = reply.additional_kwargs?.tool_calls;
  let ordered = calls;
  if (Array.isArray(raw) && raw.length === calls.length && byId.size === calls.length) {
    const inRawOrder = raw.map((entry) => byId.get(entry.id)).filter((call): call is ToolCallRequest => call !== undefined);
    if (inRawOrder.length === calls.length) ordered = inRawOrder;
  }
  const usage = reply.usage_metadata;
  return {
    content: textOf(reply.content),
    toolCalls: ordered,
    ...(usage ? { usage: { promptTokens: usage.input_tokens, completionTokens: usage.output_tokens } } : {}),
  };
}

function textOf(content: MessageContent): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (typeof part === 'string' ? part : part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/** Turns any failure into AppError MODEL_FAILURE; the key is never part of it. */
function modelFailure(error: unknown, apiKey: string, signal: AbortSignal | undefined): AppError {
  if (isAppError(error)) return error;
  const detail = redactSecrets(messageOf(error), [apiKey]);
  const cause = new Error(detail);
  if (signal?.aborted) return new AppError('MODEL_FAILURE', 'the model call was cancelled', { cause });
  const status = statusOf(error);
  const name = error instanceof Error ? error.name : '';
  let message: string;
  if (status === 401 || status === 403) message = `the model endpoint rejected the API key (HTTP ${status})`;
  else if (status === 404) message = 'the model endpoint does not know the model or the URL (HTTP 404)';
  else if (status === 429) message = 'the model endpoint is rate limiting or out of quota (HTTP 429)';
  else if (status === 400) message = 'the model endpoint rejected the request (HTTP 400)';
  else if (status !== undefined) message = `the model endpoint failed (HTTP ${status})`;
  else if (name === 'TimeoutError') message = 'the model endpoint did not answer in time';
  else message = 'could not reach the model endpoint';
  return new AppError('MODEL_FAILURE', message, { cause, details: status === undefined ? {} : { status } });
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Removes secrets from text that came from a server or a client library: the given values, key-like
 * tokens (sk-…), bearer tokens and masked echoes such as OpenAI's "sk-ab****wxyz".
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join('[redacted]');
  return result
    .replace(/\b(?:sk|rk|pk|key)-[\w*.-]{3,}/gi, '[redacted]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\S*\*{3,}\S*/g, '[redacted]')
    .slice(0, 500);
}
