import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONTENT_LINK_DOMAINS } from './compliance/content-provenance.ts';
import { AppError } from './core/app-error.ts';

/** A domain name (no scheme, path or port). */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const domainList = (text: string) => text.split(/[\s,]+/).filter(Boolean).map((domain) => domain.toLowerCase());

/**
 * Defaults of the HTTP API's sign-in limits, also used by createHttpApp when a caller (a test, a
 * bench) gives none: failed sign-ins allowed per client address and minute, and where the client
 * address comes from: the socket, or, behind a reverse proxy that sets it, the last (nearest) entry
 * of X-Forwarded-For, which is trusted only when configured.
 */
export const HTTP_DEFAULTS = { authFailuresPerMinute: 10, clientAddress: 'socket' } as const;
export type ClientAddressSource = 'socket' | 'x-forwarded-for';

/**
 * Omni's configuration, parsed once from the environment. This is the only module that reads
 * process.env; everything else receives a Config.
 */
const Environment = z.object({
  OMNI_DB: z.string().min(1).optional(),
  OMNI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OMNI_DEAD_END_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Domains approved content may link to, separated by commas or spaces (each with its subdomains). */
  OMNI_CONTENT_LINK_DOMAINS: z
    .string()
    .transform(domainList)
    .refine((domains) => domains.length > 0 && domains.every((domain) => DOMAIN.test(domain)), 'must be one or more domain names such as fda.gov, separated by commas')
    .optional(),
  OMNI_EMBEDDER: z.enum(['use', 'hashed-ngram', 'openai']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OMNI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OMNI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(10_000).optional(),
  OMNI_MODEL: z.enum(['local', 'openai']).optional(),
  OMNI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OMNI_AGENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
  OMNI_AGENT_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  OMNI_HOST: z.string().min(1).default('127.0.0.1'),
  OMNI_PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  OMNI_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).max(10_000_000).default(64 * 1024),
  OMNI_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  OMNI_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(HTTP_DEFAULTS.authFailuresPerMinute),
  OMNI_CLIENT_ADDRESS: z.enum(['socket', 'x-forwarded-for']).default(HTTP_DEFAULTS.clientAddress),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must start with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, 'must start with xapp-').optional(),
  /** Tests point bolt at a fake Slack Web API (http://127.0.0.1:port/api/). */
  SLACK_API_URL: z.url().optional(),
});

export interface Config {
  /** Path of the SQLite database. Default: var/omni.db under the working directory. */
  databasePath: string;
  logLevel: z.infer<typeof Environment>['OMNI_LOG_LEVEL'];
  /** Days after an intent signal within which someone should have followed up. */
  deadEndDays: number;
  /**
   * Domains links in approved content may point to, each with its subdomains (src/compliance/content-provenance.ts).
   * Default: fda.gov, dailymed.nlm.nih.gov and cdc.gov.
   */
  contentLinkDomains: readonly string[];
  /**
   * How content is embedded: the bundled Universal Sentence Encoder offline (default), OpenAI
   * embeddings (the default when OPENAI_API_KEY is set), or hashed n-grams (fast, for tests).
   */
  embedder:
    | { kind: 'use' }
    | { kind: 'hashed-ngram' }
    | { kind: 'openai'; apiKey: string; baseUrl: string | undefined; model: string; dimensions: number | undefined };
  /**
   * The agent's language model: the offline local model (default when nothing is configured), or
   * any OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama).
   */
  chatModel: { kind: 'local' } | { kind: 'openai'; apiKey: string; baseUrl: string | undefined; model: string };
  /** Wall-clock budget for one agent turn. */
  agentTimeoutMs: number;
  /**
   * Worker threads that run agent turns in `omni serve` (0: on the main thread). Default: one fewer
   * than the cores, 1 to 4, so the main thread stays free to acknowledge Slack and serve HTTP.
   */
  agentWorkers: number;
  /** The HTTP API and web page (omni serve, npm start). */
  http: { host: string; port: number; bodyLimitBytes: number; rateLimitPerMinute: number; authFailuresPerMinute: number; clientAddress: ClientAddressSource };
  /**
   * The Slack app, when its credentials are set: socket mode with an app token (no public URL needed),
   * else HTTP events mode with the signing secret (events at POST /slack/events).
   */
  slack: { botToken: string; signingSecret: string; appToken: string | undefined; apiUrl: string | undefined } | null;
}

export const DEFAULT_DATABASE_PATH = 'var/omni.db';

/** Agent worker threads: `requested` (default one fewer than the cores, so the main thread keeps one) as a whole number from 1 to 4. */
export function agentWorkerCount(requested = availableParallelism() - 1): number {
  return Math.max(1, Math.min(4, Math.floor(requested)));
}

/** Parses the environment once; `overrides` are explicit command-line settings, which win. */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  overrides: { databasePath?: string; model?: 'local' | 'openai' } = {},
): Config {
  const parsed = Environment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `invalid configuration: ${problems.join('; ')}`, {
      details: { variables: parsed.error.issues.map((issue) => issue.path.join('.')) },
    });
  }
  const data = parsed.data;
  // LangChain reads these itself and would send every prompt (HCP data included) to LangSmith.
  const tracing = ['LANGSMITH_TRACING', 'LANGCHAIN_TRACING_V2', 'LANGCHAIN_TRACING'].filter((name) => /^(1|true|yes)$/i.test(environment[name] ?? ''));
  if (tracing.length > 0) {
    throw new AppError('CONFIG_INVALID', `invalid configuration: ${tracing.join(', ')} would send prompts with HCP data to LangSmith; unset ${tracing.length === 1 ? 'it' : 'them'}`, {
      details: { variables: tracing },
    });
  }
  const embedderKind = data.OMNI_EMBEDDER ?? (data.OPENAI_API_KEY ? 'openai' : 'use');
  if (embedderKind === 'openai' && !data.OPENAI_API_KEY) {
    throw new AppError('CONFIG_INVALID', 'invalid configuration: OMNI_EMBEDDER=openai needs OPENAI_API_KEY', {
      details: { variables: ['OPENAI_API_KEY'] },
    });
  }
  const modelKind = overrides.model ?? data.OMNI_MODEL ?? (data.OPENAI_API_KEY ? 'openai' : 'local');
  if (modelKind === 'openai' && !data.OPENAI_API_KEY) {
    throw new AppError('CONFIG_INVALID', 'invalid configuration: the openai model needs OPENAI_API_KEY (and OPENAI_BASE_URL for a server other than OpenAI)', {
      details: { variables: ['OPENAI_API_KEY'] },
    });
  }
  const slackVariables = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;
  const slackSet = slackVariables.filter((name) => data[name] !== undefined);
  if (slackSet.length === 1 || (data.SLACK_APP_TOKEN && slackSet.length < 2)) {
    const missing = slackVariables.filter((name) => data[name] === undefined);
    throw new AppError('CONFIG_INVALID', `invalid configuration: the Slack app needs ${missing.join(' and ')} as well`, { details: { variables: missing } });
  }
  return {
    databasePath: resolve(overrides.databasePath ?? data.OMNI_DB ?? DEFAULT_DATABASE_PATH),
    logLevel: data.OMNI_LOG_LEVEL,
    deadEndDays: data.OMNI_DEAD_END_DAYS,
    contentLinkDomains: data.OMNI_CONTENT_LINK_DOMAINS ?? DEFAULT_CONTENT_LINK_DOMAINS,
    embedder:
      embedderKind === 'openai'
        ? {
            kind: 'openai',
            apiKey: data.OPENAI_API_KEY!,
            baseUrl: data.OPENAI_BASE_URL,
            model: data.OMNI_EMBEDDING_MODEL,
            dimensions: data.OMNI_EMBEDDING_DIMENSIONS,
          }
        : { kind: embedderKind },
    chatModel:
      modelKind === 'openai' ? { kind: 'openai', apiKey: data.OPENAI_API_KEY!, baseUrl: data.OPENAI_BASE_URL, model: data.OMNI_CHAT_MODEL } : { kind: 'local' },
    agentTimeoutMs: data.OMNI_AGENT_TIMEOUT_MS,
    agentWorkers: data.OMNI_AGENT_WORKERS ?? agentWorkerCount(),
    http: {
      host: data.OMNI_HOST,
      port: data.OMNI_PORT,
      bodyLimitBytes: data.OMNI_BODY_LIMIT_BYTES,
      rateLimitPerMinute: data.OMNI_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: data.OMNI_AUTH_FAILURES_PER_MINUTE,
      clientAddress: data.OMNI_CLIENT_ADDRESS,
    },
    slack:
      data.SLACK_BOT_TOKEN && data.SLACK_SIGNING_SECRET
        ? { botToken: data.SLACK_BOT_TOKEN, signingSecret: data.SLACK_SIGNING_SECRET, appToken: data.SLACK_APP_TOKEN, apiUrl: data.SLACK_API_URL }
        : null,
  };
}
