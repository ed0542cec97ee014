import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';

/** What a command can touch: configuration, output streams and the store. */
export interface CliContext {
  config: Config;
  out(text: string): void;
  err(text: string): void;
  /** Opens the configured database; fails clearly when it does not exist yet. */
  openStore(options?: { create?: boolean }): SqliteStore;
  now(): Date;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Help text below the usage line. */
  details: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(input: { positionals: string[]; values: Record<string, string | boolean | undefined> }, context: CliContext): number | Promise<number>;
}
