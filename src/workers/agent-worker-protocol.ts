import type { AgentAnswer, ToolCallRecord } from '../agent/agent.ts';
import type { Config } from '../config.ts';
import type { AppErrorCode } from '../core/app-error.ts';
import type { User } from '../domain/user.ts';

/** What a worker is started with (worker_threads workerData): plain data only. */
export interface AgentWorkerData {
  databasePath: string;
  config: Pick<Config, 'deadEndDays' | 'chatModel' | 'agentTimeoutMs'>;
  /** A fixed "now" (ISO instant) for every turn (--as-of; tests and benches); null: the database's data clock (chooseDataClock). */
  fixedNow: string | null;
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'ask'; id: number; user: User; question: string; threadId: string | undefined; streamToolCalls: boolean }
  | { type: 'close' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready'; modelId: string }
  | { type: 'failed-to-start'; error: SerializedError }
  | { type: 'tool-call'; id: number; call: ToolCallRecord }
  | { type: 'answer'; id: number; answer: AgentAnswer }
  | { type: 'error'; id: number; error: SerializedError };

/** An error crossing the thread boundary: AppErrors keep their code, message and details; others become INTERNAL. */
export interface SerializedError {
  code: AppErrorCode;
  message: string;
  details: Record<string, unknown> | undefined;
  /** For the log only: the original error's name, message and stack (never shown to users). */
  cause: string | undefined;
}
