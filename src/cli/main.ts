import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { AppError, isAppError } from '../core/app-error.ts';
import { DEFAULT_DATABASE_PATH, loadConfig, type Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { CliContext, Command } from './command.ts';
import { initCommand } from './commands/init-command.ts';
import { importCommand } from './commands/import-command.ts';
import { usersCommand } from './commands/users-command.ts';
import { hcpCommand } from './commands/hcp-command.ts';
import { contentCommand } from './commands/content-command.ts';
import { auditCommand } from './commands/audit-command.ts';
import { nbaCommand } from './commands/nba-command.ts';
import { planCommand } from './commands/plan-command.ts';
import { whyCommand } from './commands/why-command.ts';
import { feedbackCommand } from './commands/feedback-command.ts';
import { askCommand } from './commands/ask-command.ts';
import { chatCommand } from './commands/chat-command.ts';
import { serveCommand } from './commands/serve-command.ts';
import { tokenCommand } from './commands/token-command.ts';
import { safetyCommand } from './commands/safety-command.ts';

const commands: Command[] = [askCommand, chatCommand, serveCommand, tokenCommand, initCommand, importCommand, usersCommand, hcpCommand, contentCommand, nbaCommand, planCommand, whyCommand, feedbackCommand, auditCommand, safetyCommand];

const globalOptions = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Defaults to the process environment, read by config.ts. */
  environment?: Record<string, string | undefined>;
  now?: () => Date;
}

function overview(): string {
  return [
    'omni: the unified HCP view behind the Omni assistant (synthetic demo data by default)',
    '',
    'Usage: omni <command> [options]',
    '',
    ...commands.map((command) => `  ${command.name.padEnd(8)} ${command.summary}`),
    '',
    'Global options:',
    `  --db <path>   SQLite database (default: $OMNI_DB, else ${DEFAULT_DATABASE_PATH} in the current directory)`,
    '  -h, --help    help for omni or for a command',
    '',
    'Exit codes: 0 ok, 1 unexpected failure, 2 bad arguments or input, 3 not found, 4 not allowed,',
    '5 import rejected (nothing committed), 6 bad configuration, 7 database failure,',
    '8 decision log broken (omni audit verify names the first broken record).',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`error [INVALID_INPUT]: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  let config: Config | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : 'invalid arguments';
      throw new AppError('INVALID_INPUT', `${message}; see omni ${command.name} --help`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help && !(command.name === 'import' && parsed.positionals.length > 0)) {
      io.out(`Usage: ${command.usage}\n\n${command.details}`);
      return 0;
    }
    if (values.model !== undefined && values.model !== 'local' && values.model !== 'openai') {
      throw new AppError('INVALID_INPUT', '--model must be local or openai');
    }
    config = loadConfig(io.environment, {
      ...(typeof values.db === 'string' ? { databasePath: values.db } : {}),
      ...(values.model === 'local' || values.model === 'openai' ? { model: values.model } : {}),
    });
    const databasePath = config.databasePath;
    const context: CliContext = {
      config,
      out: io.out,
      err: io.err,
      now: io.now ?? (() => new Date()),
      openStore(options) {
        if (!options?.create && !existsSync(databasePath)) {
          throw new AppError('NOT_FOUND', `no database at ${databasePath}; run "npx omni init" first (or pass --db)`);
        }
        return openSqliteStore(databasePath);
      },
    };
    return await command.run({ positionals: parsed.positionals, values }, context);
  } catch (error) {
    if (isAppError(error)) {
      io.err(`error [${error.code}]: ${error.message}`);
      return error.exitCode;
    }
    createLogger(config?.logLevel ?? 'error').error({ err: error, command: name }, 'unexpected failure');
    io.err('error [INTERNAL]: unexpected failure (details in the log above; set OMNI_LOG_LEVEL=debug for more)');
    return 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntryPoint) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
  process.exitCode = code;
}
