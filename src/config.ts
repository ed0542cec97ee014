import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './core/app-error.ts';

/**
 * Omni's configuration, parsed once from the environment. This is the only module that reads
 * process.env; everything else receives a Config.
 */
const Environment = z.object({
  OMNI_DB: z.string().min(1).optional(),
  OMNI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OMNI_DEAD_END_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  OMNI_EMBEDDER: z.enum(['use', 'hashed-ngram', 'openai']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OMNI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OMNI_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(1).max(10_000).optional(),
  OMNI_MODEL: z.enum(['local', 'openai']).optional(),
  OMNI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OMNI_AGENT_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(60_000),
});

export interface Config {
  /** Path of the SQLite database. Default: var/omni.db under the working directory. */
  databasePath: string;
  logLevel: z.infer<typeof Environment>['OMNI_LOG_LEVEL'];
  /** Days after an intent signal within which someone should have followed up. */
  deadEndDays: number;
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
}

export const DEFAULT_DATABASE_PATH = 'var/omni.db';

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
  return {
    databasePath: resolve(overrides.databasePath ?? data.OMNI_DB ?? DEFAULT_DATABASE_PATH),
    logLevel: data.OMNI_LOG_LEVEL,
    deadEndDays: data.OMNI_DEAD_END_DAYS,
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
  };
}
