import { Agent } from './agent/agent.ts';
import { SqliteConversationMemory } from './agent/conversation-memory.ts';
import { LocalModel } from './agent/local-model/local-model.ts';
import { OpenAiChatModel } from './agent/models/openai-chat-model.ts';
import { loadPersonaPrompts } from './agent/persona-prompts.ts';
import { PerformanceMetrics } from './analytics/performance-metrics.ts';
import { SqliteDecisionLog } from './audit/sqlite-decision-log.ts';
import { ContentProvenance, DEFAULT_CONTENT_LINK_DOMAINS, type ContentRules } from './compliance/content-provenance.ts';
import { loadConsentRules } from './compliance/consent-jurisdictions.ts';
import type { ChatModel } from './core/chat-model.ts';
import { agentTools, type AgentTool } from '../tools/index.ts';
import type { AnalyticsContext } from '../tools/tool-context.ts';
import type { Config } from './config.ts';
import { SqliteFieldInsights } from './insights/sqlite-field-insights.ts';
import { createMaturityEngine } from './maturity/sqlite-maturity-source.ts';
import type { NbaDependencies } from './nba/next-best-actions.ts';
import { loadNbaWeights } from './nba/weights.ts';
import { ApprovedContentLibrary } from './retrieval/approved-content-search.ts';
import type { ContentVectorIndex } from './retrieval/content-vector-index.ts';
import type { SqliteStore } from './store/sqlite-store.ts';

/**
 * Wires the next-best-action engine to a store. Content for actions is chosen by the lexical
 * (bm25) ranking: it needs no embedding model at start-up, and on the held-out retrieval queries it
 * ranks better than hybrid with the offline encoder (evals/datasets/README.md).
 */
export function createNbaDependencies(
  store: SqliteStore,
  config: Pick<Config, 'deadEndDays'> & Partial<Pick<Config, 'contentLinkDomains'>>,
  options: { weightsPath?: string; consentRulesPath?: string } = {},
): NbaDependencies & { content: ApprovedContentLibrary } {
  const contentRules = { linkDomains: config.contentLinkDomains ?? DEFAULT_CONTENT_LINK_DOMAINS };
  return {
    store,
    content: createContentLibrary(store, contentRules, null),
    decisionLog: new SqliteDecisionLog(store.database),
    weights: loadNbaWeights(options.weightsPath),
    deadEndDays: config.deadEndDays,
    contentRules,
    consentRules: loadConsentRules(options.consentRulesPath),
  };
}

/** The approved-content library over a store, holding only the modules with their provenance under the content rules. */
export function createContentLibrary(store: SqliteStore, rules: ContentRules, vectorIndex: ContentVectorIndex | null): ApprovedContentLibrary {
  const provenance = new ContentProvenance(rules, (id) => store.users.exists(id));
  return new ApprovedContentLibrary(store, vectorIndex, { admit: (module) => provenance.usable(module) });
}

/** The agent over a store: the configured model (the offline local model by default), every tool, the persona prompts and thread memory. */
export function createAgent(store: SqliteStore, config: Pick<Config, 'deadEndDays' | 'chatModel' | 'agentTimeoutMs'> & Partial<Pick<Config, 'contentLinkDomains'>>, options: { model?: ChatModel; now?: () => Date; tools?: readonly AgentTool[] } = {}): Agent {
  const nba = createNbaDependencies(store, config);
  return new Agent({
    model: options.model ?? createChatModel(store, config),
    tools: options.tools ?? agentTools,
    prompts: loadPersonaPrompts(),
    memory: new SqliteConversationMemory(store.database),
    store,
    nba,
    // The agent searches lexically, as the NBA engine does: no embedding model to load per process,
    // and bm25 ranks better than hybrid on the held-out retrieval set (evals/datasets/README.md).
    content: nba.content,
    decisionLog: nba.decisionLog,
    analytics: createAnalyticsContext(store, { deadEndDays: config.deadEndDays }),
    limits: { timeoutMs: config.agentTimeoutMs },
    ...(options.now ? { now: options.now } : {}),
  });
}

/** The analytics engines over a store (field insights, performance metrics, maturity), for the tools. */
export function createAnalyticsContext(store: SqliteStore, options: Partial<Pick<Config, 'deadEndDays'>> = {}): AnalyticsContext {
  return {
    fieldInsights: new SqliteFieldInsights(store),
    performance: new PerformanceMetrics(store.database, store.readers()),
    maturity: createMaturityEngine(store, options.deadEndDays === undefined ? {} : { deadEndDays: options.deadEndDays }),
  };
}

/** The language model the configuration names. */
export function createChatModel(store: SqliteStore, config: Pick<Config, 'chatModel' | 'agentTimeoutMs'>): ChatModel {
  const chat = config.chatModel;
  if (chat.kind === 'openai') return new OpenAiChatModel({ apiKey: chat.apiKey, baseUrl: chat.baseUrl, model: chat.model, timeoutMs: config.agentTimeoutMs });
  return new LocalModel(store);
}
