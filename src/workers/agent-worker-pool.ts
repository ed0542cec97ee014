import { Worker } from 'node:worker_threads';
import type { AgentAnswer, AgentTurns, AskRequest, ToolCallRecord } from '../agent/agent.ts';
import { agentWorkerCount } from '../config.ts';
import { AppError } from '../core/app-error.ts';
import type { AgentWorkerData, FromWorker, SerializedError, ToWorker } from './agent-worker-protocol.ts';

export interface AgentWorkerPoolOptions extends AgentWorkerData {
  /** Worker threads. Default: one fewer than the machine's cores (the main thread keeps one for acks and I/O), 1 to 4. */
  workers?: number;
  /** How long a worker may take to load the agent. Default 60 s. */
  startTimeoutMs?: number;
}

interface PendingTurn {
  resolve: (answer: AgentAnswer) => void;
  reject: (error: unknown) => void;
  onToolCall: ((call: ToolCallRecord) => void) | undefined;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, PendingTurn>;
}

/** Registers the TypeScript loader, then loads agent-worker.ts. */
const WORKER_URL = new URL('./agent-worker-bootstrap.mjs', import.meta.url);

/**
 * The agent, run in worker threads. A turn with the local model is one long stretch of synchronous
 * work (SQLite reads, scoring); on the main thread it holds up every request behind it, so Slack's
 * acknowledgements waited for answers under load. Here the main thread only receives, acks, posts and
 * formats; turns run in the workers, each over its own database connection. It answers ask() as the
 * Agent does (AppErrors keep their code across the thread boundary), so front ends take either.
 */
export class AgentWorkerPool implements AgentTurns {
  private readonly workers: PooledWorker[] = [];
  private nextId = 1;
  private closing = false;

  private constructor(
    private readonly options: AgentWorkerPoolOptions,
    private model: string,
  ) {}

  /** Starts the workers and waits until each has loaded the agent (a bad model configuration fails here). */
  static async start(options: AgentWorkerPoolOptions): Promise<AgentWorkerPool> {
    const count = agentWorkerCount(options.workers);
    const pool = new AgentWorkerPool(options, '');
    try {
      const started = await Promise.all(Array.from({ length: count }, () => pool.spawn()));
      pool.model = started[0]!.modelId;
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  /** The model answering (recorded with every decision). */
  get modelId(): string {
    return this.model;
  }

  get size(): number {
    return this.workers.length;
  }

  /** One agent turn on the least busy worker. */
  ask(request: AskRequest): Promise<AgentAnswer> {
    if (this.closing) return Promise.reject(new AppError('INTERNAL', 'the agent workers are shutting down'));
    if (this.workers.length === 0) return Promise.reject(new AppError('INTERNAL', 'no agent worker is running'));
    const target = this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const id = this.nextId++;
    return new Promise<AgentAnswer>((resolve, reject) => {
      target.pending.set(id, { resolve, reject, onToolCall: request.onToolCall });
      const message: ToWorker = { type: 'ask', id, user: request.user, question: request.question, threadId: request.threadId, streamToolCalls: request.onToolCall !== undefined };
      target.worker.postMessage(message);
    });
  }

  /** Stops every worker; turns under way are rejected. */
  async close(): Promise<void> {
    this.closing = true;
    const workers = this.workers.splice(0);
    await Promise.all(
      workers.map(async ({ worker }) => {
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.postMessage({ type: 'close' } satisfies ToWorker);
        const timer = setTimeout(() => void worker.terminate(), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private spawn(): Promise<{ modelId: string }> {
    const { databasePath, config, fixedNow } = this.options;
    const data: AgentWorkerData = { databasePath, config, fixedNow };
    const worker = new Worker(WORKER_URL, { workerData: data });
    const pooled: PooledWorker = { worker, pending: new Map() };
    return new Promise((resolve, reject) => {
      let ready = false;
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new AppError('INTERNAL', 'an agent worker did not start in time'));
      }, this.options.startTimeoutMs ?? 60_000);
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            ready = true;
            clearTimeout(timer);
            this.workers.push(pooled);
            resolve({ modelId: message.modelId });
            return;
          case 'failed-to-start':
            clearTimeout(timer);
            void worker.terminate();
            reject(toAppError(message.error));
            return;
          case 'tool-call':
            pooled.pending.get(message.id)?.onToolCall?.(message.call);
            return;
          case 'answer':
            pooled.pending.get(message.id)?.resolve(message.answer);
            pooled.pending.delete(message.id);
            return;
          case 'error':
            pooled.pending.get(message.id)?.reject(toAppError(message.error));
            pooled.pending.delete(message.id);
            return;
        }
      });
      worker.on('error', (error) => {
        if (!ready) {
          clearTimeout(timer);
          reject(new AppError('INTERNAL', 'an agent worker failed to start', { cause: error }));
        }
      });
      // A worker that dies takes its turns with it: they fail (INTERNAL) and a new worker takes its place.
      worker.on('exit', (code) => {
        const index = this.workers.indexOf(pooled);
        if (index >= 0) this.workers.splice(index, 1);
        for (const turn of pooled.pending.values()) turn.reject(new AppError('INTERNAL', `an agent worker stopped (exit code ${code})`));
        pooled.pending.clear();
        if (ready && !this.closing) this.spawn().catch(() => undefined);
      });
    });
  }
}

function toAppError(error: SerializedError): AppError {
  return new AppError(error.code, error.message, { ...(error.details ? { details: error.details } : {}), ...(error.cause ? { cause: new Error(error.cause) } : {}) });
}

