import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

/** Structured logs go to stderr, so command output on stdout stays clean for pipes and --json. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ level, base: { service: 'omni' } }, pino.destination(2));
}
