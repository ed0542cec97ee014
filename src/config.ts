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
});

export interface Config {
  /** Path of the SQLite database. Default: var/omni.db under the working directory. */
  databasePath: string;
  logLevel: z.infer<typeof Environment>['OMNI_LOG_LEVEL'];
  /** Days after an intent signal within which someone should have followed up. */
  deadEndDays: number;
}

export const DEFAULT_DATABASE_PATH = 'var/omni.db';

/** Parses the environment once; `overrides` are explicit command-line settings, which win. */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  overrides: Partial<Pick<Config, 'databasePath'>> = {},
): Config {
  const parsed = Environment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `invalid configuration: ${problems.join('; ')}`, {
      details: { variables: parsed.error.issues.map((issue) => issue.path.join('.')) },
    });
  }
  return {
    databasePath: resolve(overrides.databasePath ?? parsed.data.OMNI_DB ?? DEFAULT_DATABASE_PATH),
    logLevel: parsed.data.OMNI_LOG_LEVEL,
    deadEndDays: parsed.data.OMNI_DEAD_END_DAYS,
  };
}
