import type { ChatModel, ChatRequest, ChatResponse, ToolCallRequest } from '../../core/chat-model.ts';

/** One scripted reply: tool calls to make, or the final answer; a function sees the request (earlier tool results). */
export type ScriptedStep = { toolCalls: Omit<ToolCallRequest, 'id'>[] } | { answer: string } | ((request: ChatRequest) => { toolCalls: Omit<ToolCallRequest, 'id'>[] } | { answer: string });

/**
 * A model for tests: replays its script step by step, records every request, and fails on a call
 * the script did not expect, so a test notices when the loop asks more than it should.
 */
export class ScriptedModel implements ChatModel {
  readonly requests: ChatRequest[] = [];
  private next = 0;

  constructor(
    private readonly steps: readonly ScriptedStep[],
    readonly id = 'scripted:test',
  ) {}

  async respond(request: ChatRequest): Promise<ChatResponse> {
    this.requests.push(structuredClone({ ...request, signal: undefined }));
    const step = this.steps[this.next];
    if (step === undefined) throw new Error(`unscripted model call #${this.next + 1}: the script has ${this.steps.length} step(s)`);
    const reply = typeof step === 'function' ? step(request) : step;
    const index = this.next++;
    if ('answer' in reply) return { content: reply.answer, toolCalls: [] };
    return { content: '', toolCalls: reply.toolCalls.map((call, position) => ({ id: `call-${index + 1}-${position + 1}`, ...call })) };
  }

  /** True when every scripted step was used. */
  get finished(): boolean {
    return this.next === this.steps.length;
  }
}

/** The parsed output of the latest result of a tool in a request (for steps that use earlier results). */
export function lastToolResult<T = Record<string, unknown>>(request: ChatRequest, toolName: string): T {
  const message = [...request.messages].reverse().find((candidate) => candidate.role === 'tool' && candidate.name === toolName);
  if (!message || message.role !== 'tool') throw new Error(`no ${toolName} result in the request`);
  return JSON.parse(message.content) as T;
}
