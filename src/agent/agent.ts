import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../core/app-error.ts';
import type { ChatMessage, ChatModel, ConversationFocus, ToolCallRequest } from '../core/chat-model.ts';
import { toolParameters, type AnswerChart, type Citations } from '../core/define-tool.ts';
import type { DecisionLog } from '../domain/decision-record.ts';
import { hcpDisplayName } from '../domain/hcp.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { User } from '../domain/user.ts';
import { toolUseDecision } from '../compliance/role-policy.ts';
import type { NbaDependencies } from '../nba/next-best-actions.ts';
import type { AgentTool, ToolContext } from '../../tools/index.ts';
import type { AnalyticsContext, ContentSearcher } from '../../tools/tool-context.ts';
import { assertThreadId, EMPTY_FOCUS, type ConversationMemory } from './conversation-memory.ts';
import { personaFor, type PersonaName, type PersonaPrompt } from './persona-prompts.ts';
import { callerFor } from '../compliance/caller.ts';

export interface AgentLimits {
  /** Model calls per turn. */
  maxSteps: number;
  /** Tool calls per turn, across steps. */
  maxToolCalls: number;
  /** Wall-clock budget per turn, model calls included. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: AgentLimits = { maxSteps: 6, maxToolCalls: 12, timeoutMs: 60_000 };

/** How many earlier turns of a thread the model sees. */
const HISTORY_TURNS = 6;

export interface AgentDependencies {
  model: ChatModel;
  tools: readonly AgentTool[];
  prompts: Record<PersonaName, PersonaPrompt>;
  memory: ConversationMemory;
  store: OmniStore;
  nba: NbaDependencies;
  content: ContentSearcher;
  decisionLog: DecisionLog;
  analytics: AnalyticsContext;
  limits?: Partial<AgentLimits>;
  now?: () => Date;
}

export interface ToolCallRecord {
  name: string;
  input: unknown;
  /**
   * ok: the tool ran (its "no" included); invalid: the arguments failed the schema; not_allowed: the
   * tool (or this call's purpose) is not for the caller's role, so it did not run; unknown: no such
   * tool; skipped: over the limit.
   */
  status: 'ok' | 'invalid' | 'not_allowed' | 'unknown' | 'skipped';
  output: unknown;
}

/** What a turn returns to a front end. */
export interface AgentAnswer {
  answer: string;
  toolCalls: ToolCallRecord[];
  citations: Citations;
  /** Charts drawn from this turn's tool results (at most MAX_CHARTS), to show beside the answer. */
  charts: AnswerChart[];
  model: string;
  prompt: { name: PersonaName; sha256: string };
  threadId: string;
  /** The moment the turn's tools answered as of (ISO): front ends say when it is a demo's last day. */
  asOf: string;
  /** Set when a limit ended the turn before the model answered. */
  stoppedBy: 'max_steps' | 'max_tool_calls' | null;
  /** A clarifying question's choices, each a question to send back as is (buttons in Slack and on the web page, numbers in the CLI). */
  choices: string[];
}

export interface AskRequest {
  user: User;
  question: string;
  /** A new thread when absent. */
  threadId?: string | undefined;
  /** Called as each tool call finishes (streaming front ends show progress). */
  onToolCall?: ((call: ToolCallRecord) => void) | undefined;
}

/** What front ends need of an agent: the Agent itself, or AgentWorkerPool running it in worker threads. */
export interface AgentTurns {
  ask(request: AskRequest): Promise<AgentAnswer>;
  /** The model answering (recorded with every decision). */
  readonly modelId: string;
}

const MAX_QUESTION_LENGTH = 4_000;
/** Charts per answer: more than a few is a dashboard, not an answer. */
const MAX_CHARTS = 4;

/**
 * The agent loop, the same for every model: the model is given the persona's prompt, the thread so
 * far and the tools; it asks for tool calls (run in parallel, each input checked by its schema, each
 * with the caller's identity from here, never from the model), sees their results and answers. Every
 * decision a tool logs carries this model's id and the prompt's hash.
 */
export class Agent implements AgentTurns {
  private readonly limits: AgentLimits;
  private readonly now: () => Date;

  constructor(private readonly deps: AgentDependencies) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.now = deps.now ?? (() => new Date());
  }

  /** The model answering (recorded with every decision). */
  get modelId(): string {
    return this.deps.model.id;
  }

  /** What the agent was built over: front ends use the same store and decision log. */
  get dependencies(): Pick<AgentDependencies, 'store' | 'nba' | 'decisionLog'> {
    return { store: this.deps.store, nba: this.deps.nba, decisionLog: this.deps.decisionLog };
  }

  async ask(request: AskRequest): Promise<AgentAnswer> {
    const question = request.question.trim();
    if (question.length === 0) throw new AppError('INVALID_INPUT', 'ask a question');
    if (question.length > MAX_QUESTION_LENGTH) throw new AppError('INVALID_INPUT', `a question is at most ${MAX_QUESTION_LENGTH} characters`);
    const threadId = request.threadId ?? `t-${randomUUID()}`;
    assertThreadId(threadId);
    const { user } = request;
    const { model, tools, memory } = this.deps;
    const prompt = this.deps.prompts[personaFor(user.role)];
    const asOf = this.now().toISOString();
    const caller = callerFor(user, { model: model.id, promptName: prompt.name, promptSha256: prompt.sha256 });
    const ctx: ToolContext = { user, caller, asOf, store: this.deps.store, nba: this.deps.nba, content: this.deps.content, decisionLog: this.deps.decisionLog, analytics: this.deps.analytics };

    const history = memory.recent(user.id, threadId, HISTORY_TURNS);
    let focus: ConversationFocus = history.at(-1)?.focus ?? EMPTY_FOCUS;
    const messages: ChatMessage[] = history.flatMap((turn): ChatMessage[] => [
      { role: 'user', content: turn.question },
      { role: 'assistant', content: turn.answer, toolCalls: [] },
    ]);
    messages.push({ role: 'user', content: question });
    const specs = tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: toolParameters(tool) }));

    const records: ToolCallRecord[] = [];
    const citations: Citations = { hcps: [], modules: [], recommendations: [] };
    const charts: AnswerChart[] = [];
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.limits.timeoutMs);
    let answer: string | null = null;
    let choices: string[] = [];
    let stoppedBy: AgentAnswer['stoppedBy'] = null;
    /** The HCPs this turn's tools were about one at a time, in order. */
    const askedOneByOne: string[] = [];
    try {
      for (let step = 0; step < this.limits.maxSteps && answer === null; step++) {
        const response = await withDeadline(
          model.respond({ system: prompt.text, messages, tools: specs, context: { user: { id: user.id, name: user.name, role: user.role }, now: asOf, focus }, signal: controller.signal }),
          controller.signal,
        );
        if (response.toolCalls.length === 0) {
          answer = response.content.trim() || 'I have no answer to that.';
          focus = { ...focus, choices: [], ...response.focus };
          choices = response.focus?.choices ?? [];
          break;
        }
        messages.push({ role: 'assistant', content: response.content, toolCalls: response.toolCalls });
        const budget = this.limits.maxToolCalls - records.filter((record) => record.status !== 'skipped').length;
        const results = await Promise.all(response.toolCalls.map((call, index) => (index < budget ? this.runTool(call, ctx) : skipped(call))));
        for (const [index, call] of response.toolCalls.entries()) {
          const result = results[index]!;
          records.push(result.record);
          request.onToolCall?.(result.record);
          messages.push({ role: 'tool', toolCallId: call.id, name: call.name, content: JSON.stringify(result.record.output) });
          charts.push(...result.charts);
          if (result.citations) {
            mergeCitations(citations, result.citations);
            focus = this.focusAfter(focus, call.name, result.citations);
            const one = result.citations.hcps?.length === 1 ? result.citations.hcps[0]! : null;
            if (one && !askedOneByOne.includes(one)) askedOneByOne.push(one);
          }
          if (result.record.status === 'ok' && result.refinable) {
            const earlier = focus.lastQuery ? [focus.lastQuery, ...(focus.earlierQueries ?? [])].slice(0, 3) : (focus.earlierQueries ?? []);
            focus = { ...focus, lastQuery: { tool: call.name, input: result.record.input as Record<string, unknown> }, earlierQueries: earlier };
          }
          if (call.name === 'draft_followup' && result.record.status === 'ok' && (result.record.output as { status?: string } | null)?.status === 'drafted') {
            const input = result.record.input as { hcpId: string; channel: string; purpose: string; moduleIds: string[]; eventInteractionId?: string | null };
            focus = { ...focus, draft: { hcpId: input.hcpId, channel: input.channel, purpose: input.purpose, moduleIds: [...input.moduleIds], eventInteractionId: input.eventInteractionId ?? null } };
          }
        }
        if (results.some((result) => result.record.status === 'skipped')) {
          stoppedBy = 'max_tool_calls';
          break;
        }
      }
    } finally {
      clearTimeout(timer);
    }
    // "which of the two can i email?" then "the one that's allowed": this turn's consent answers.
    const consentAnswers = records.flatMap((record) => {
      const input = record.input as { hcpId?: string; channel?: string } | null;
      const output = record.output as { allowed?: unknown } | null;
      return record.name === 'check_consent' && record.status === 'ok' && input?.hcpId && input.channel && typeof output?.allowed === 'boolean' ? [{ hcpId: input.hcpId, channel: input.channel, allowed: output.allowed }] : [];
    });
    if (consentAnswers.length > 0) focus = { ...focus, consentAnswers };
    // "dubois vs duarte" asked about two HCPs one at a time: they are the thread's list ("the first of those two").
    // Entries of the list already there ("can i email the top two") keep that list, so "the 4th one" still means its fourth.
    const fromList = askedOneByOne.every((id) => focus.listed.includes(id));
    if (askedOneByOne.length >= 2 && !fromList) focus = { ...focus, listed: askedOneByOne.slice(0, 50) };
    if (answer === null) {
      stoppedBy ??= 'max_steps';
      answer =
        stoppedBy === 'max_tool_calls'
          ? `I stopped after ${this.limits.maxToolCalls} tool calls without a complete answer. The results so far are in the tool calls; try a narrower question.`
          : `I stopped after ${this.limits.maxSteps} steps without a complete answer; try a narrower question.`;
    }

    memory.append(user.id, threadId, {
      askedAt: asOf,
      question,
      answer,
      focus,
      toolCalls: records.map(({ name, input }) => ({ name, input })),
      model: model.id,
    });
    return { answer, toolCalls: records, citations, charts: charts.slice(0, MAX_CHARTS), model: model.id, prompt: { name: prompt.name, sha256: prompt.sha256 }, threadId, asOf, stoppedBy, choices };
  }

  /** Runs one tool call. Bad arguments and unknown tools go back to the model as results it can correct; faults throw. */
  private async runTool(call: ToolCallRequest, ctx: ToolContext): Promise<ToolRun> {
    const tool = this.deps.tools.find((candidate) => candidate.name === call.name);
    if (!tool) {
      const output = { error: 'unknown_tool', message: `there is no tool "${call.name}"; the tools are ${this.deps.tools.map((candidate) => candidate.name).join(', ')}` };
      return { record: { name: call.name, input: call.arguments, status: 'unknown', output }, citations: null, charts: [], refinable: false };
    }
    const parsed = tool.input.safeParse(call.arguments);
    if (!parsed.success) {
      const output = { error: 'invalid_arguments', issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`) };
      return { record: { name: call.name, input: call.arguments, status: 'invalid', output }, citations: null, charts: [], refinable: tool.refinable === true };
    }
    // Who may use the tool, for which purpose: decided from its declaration and the role x purpose
    // table before it runs (the domain checks again). The model gets a "no" it can act on.
    const permission = toolUseDecision(ctx.caller.role, tool, parsed.data);
    if (!permission.allowed) {
      const instead = permission.alternatives.length > 0 ? `; instead: ${permission.alternatives.join('; ')}` : '';
      const output = { status: 'not_allowed', message: `${permission.reason}${instead}`, alternatives: permission.alternatives };
      return { record: { name: call.name, input: parsed.data, status: 'not_allowed', output }, citations: null, charts: [], refinable: false };
    }
    let output: unknown;
    try {
      output = tool.output.parse(await tool.execute(parsed.data, ctx));
    } catch (error) {
      // A fault (the log cannot be written, the store is gone): the turn ends, and nothing the tool
      // computed is shown. Front ends map the AppError; raw text never reaches a user.
      if (isAppError(error)) throw error;
      throw new AppError('INTERNAL', `the ${call.name} tool failed`, { cause: error });
    }
    const charts = (tool.charts?.(output) ?? []).map((chart) => ({ tool: tool.name, ...chart }));
    return { record: { name: call.name, input: parsed.data, status: 'ok', output }, citations: tool.citations?.(output) ?? null, charts, refinable: tool.refinable === true };
  }

  /** The HCP a tool was about becomes the thread's focus ("her" in the next question). */
  private focusAfter(focus: ConversationFocus, toolName: string, cited: Partial<Citations>): ConversationFocus {
    const hcps = cited.hcps ?? [];
    const next = { ...focus };
    if (hcps.length === 1 && hcps[0] !== focus.hcpId) {
      const hcp = this.deps.store.hcps.getById(hcps[0]!);
      next.hcpId = hcps[0]!;
      next.hcpName = hcp ? hcpDisplayName(hcp) : null;
      next.recommendationId = null;
    }
    if (hcps.length === 1) next.discussed = [hcps[0]!, ...(focus.discussed ?? []).filter((id) => id !== hcps[0])].slice(0, 5);
    if (hcps.length === 1 && !(focus.mentioned ?? []).includes(hcps[0]!)) next.mentioned = [...(focus.mentioned ?? []), hcps[0]!].slice(-5);
    if (toolName === 'get_next_best_actions' && cited.recommendations?.[0]) next.recommendationId = cited.recommendations[0];
    // A plan of one is still the latest list: "top name" then means that one, not the list before.
    if (hcps.length > 1 || (toolName === 'plan_territory' && hcps.length === 1)) next.listed = hcps.slice(0, 50);
    return next;
  }
}

/** One tool call's outcome; `refinable`: a follow-up may refine the call ("break that down by rep"), as the tool declares. */
interface ToolRun {
  record: ToolCallRecord;
  citations: Partial<Citations> | null;
  charts: AnswerChart[];
  refinable: boolean;
}

function skipped(call: ToolCallRequest): ToolRun {
  return { record: { name: call.name, input: call.arguments, status: 'skipped', output: { error: 'tool_call_limit', message: 'the tool-call limit for this turn is reached' } }, citations: null, charts: [], refinable: false };
}

function mergeCitations(into: Citations, from: Partial<Citations>): void {
  for (const key of ['hcps', 'modules', 'recommendations'] as const) {
    for (const id of from[key] ?? []) if (!into[key].includes(id)) into[key].push(id);
  }
}

/** Rejects when the turn's time budget runs out, even if the model ignores the abort signal. */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(timeoutError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timeoutError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(isAppError(error) ? error : new AppError('MODEL_FAILURE', 'the language model could not be reached or failed', { cause: error }));
      },
    );
  });
}

const timeoutError = () => new AppError('MODEL_FAILURE', 'the answer took longer than the time limit for a turn');
