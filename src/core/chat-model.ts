/**
 * The one interface the agent loop talks to. Three implementations: the OpenAI-compatible adapter
 * (LangChain ChatOpenAI), the offline local model, and a scripted model for tests.
 */

/** A tool call the model asks for. `arguments` is the parsed JSON (or the raw text when it is not JSON). */
export interface ToolCallRequest {
  id: string;
  name: string;
  arguments: unknown;
}

export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls: ToolCallRequest[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

/** A tool as the model sees it: name, description and the JSON Schema of its input. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** What the conversation is about so far, from the thread's memory: "her" means this HCP. */
export interface ConversationFocus {
  hcpId: string | null;
  hcpName: string | null;
  recommendationId: string | null;
  /** The thread's latest analytics question as a tool call, so a follow-up can change one part ("break that down by rep"). */
  lastQuery: { tool: string; input: Record<string, unknown> } | null;
  /** The HCPs the latest list in the thread named, in order (a plan), so "the first one" can be resolved. */
  listed: string[];
  /** The HCPs the thread asked about one at a time, latest first (up to 5), so "both" or "which of the two" can be resolved. */
  discussed?: string[];
  /** The same HCPs in the order the thread first asked about them, so "the second doc" stays the second one asked about however often the first comes up again. */
  mentioned?: string[];
  /** The last question's intent as the model read it, so a follow-up ("and by rep?", "what about her phone?") can inherit it. */
  intent?: string | null;
  /** The channel the thread last asked about. */
  channel?: string | null;
  /** The purpose the thread last named (an event invitation, medical), so "what about by text" keeps it. */
  purpose?: string | null;
  /** The choices of a clarifying question still open ("1", "the second one" picks one). */
  choices?: string[];
  /** An adverse-event report still being gathered in the thread: report_adverse_event's input so far, redacted; null once filed. */
  adverseEvent?: Record<string, unknown> | null;
  /** The product the thread's last question about an HCP named, so "no wait, as an email" keeps it. */
  productId?: string | null;
  /** The draft the thread wrote last (draft_followup's input), so "add something on X", "make it a text" or "wrong doc, adeyemi" change that draft. */
  draft?: { hcpId: string; channel: string; purpose: string; moduleIds: string[]; eventInteractionId: string | null } | null;
  /** The consent answers of the thread's latest turn that checked consent, so "the one that's allowed" can be resolved. */
  consentAnswers?: { hcpId: string; channel: string; allowed: boolean }[];
  /** The analytics questions before lastQuery, latest first (up to 3), so "never mind, back to the full list" can undo a narrowing. */
  earlierQueries?: { tool: string; input: Record<string, unknown> }[];
  /** The adverse-event report the thread filed last: its intake id and due time, for "did that go through?". */
  filedIntake?: { intakeId: string; dueByText: string } | null;
}

export interface ChatRequest {
  /** The persona's system prompt. */
  system: string;
  messages: ChatMessage[];
  tools: ToolSpec[];
  /** Who is asking and what the thread is about; adapters render it into the system message. */
  context: {
    user: { id: string; name: string; role: string };
    now: string;
    focus: ConversationFocus;
  };
  signal?: AbortSignal;
}

export interface ChatResponse {
  content: string;
  toolCalls: ToolCallRequest[];
  /** What the model read in the question, kept in the thread's state for follow-ups (set on a final answer). */
  focus?: Pick<ConversationFocus, 'intent' | 'channel' | 'purpose' | 'productId' | 'choices' | 'adverseEvent' | 'filedIntake'>;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface ChatModel {
  /** Recorded with every decision, e.g. "openai:gpt-4o-mini" or "local:omni-local-1". */
  readonly id: string;
  respond(request: ChatRequest): Promise<ChatResponse>;
}
