import { Worker } from 'node:worker_threads';
import { AppError } from '../core/app-error.ts';

type Row = Record<string, unknown>;
export type ReaderParameters = Record<string, string | number | null>;

interface Reader {
  worker: Worker;
  pending: Map<number, { resolve: (rows: Row[]) => void; reject: (error: AppError) => void }>;
}

type Reply = { id: number; rows: Row[] } | { id: number; error: { kind: 'prepare' | 'not-reader' | 'run'; message: string } };

const WORKER_URL = new URL('./sqlite-reader-worker.mjs', import.meta.url);

export interface SqliteReaderPoolOptions {
  /** Reader threads (each one read-only connection). Default 2. */
  readers?: number;
  /**
   * Page cache per connection, KiB. Default 16,384 (16 MiB): the metrics' statements read each page
   * about once, the operating system keeps the file cached, and on the large bench database 16 MiB ran
   * them 3–8% faster than 128 MiB (fewer pages for SQLite to manage).
   */
  cacheKiB?: number;
}

/**
 * Read-only statements over a database file, run in worker threads, each with its own read-only
 * connection. better-sqlite3 runs a statement synchronously, so two statements on one connection
 * take the sum of their times; here they run side by side (the performance metrics' two periods:
 * about twice as fast on two cores, npm run bench). In WAL mode readers never block the writer; each
 * statement sees the database as last committed when it starts. Threads start on the first
 * statement and hold the process open only while a statement is under way.
 */
export class SqliteReaderPool {
  private readonly readers: Reader[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly options: SqliteReaderPoolOptions = {},
  ) {}

  /** How many reader threads the pool runs at most. */
  get size(): number {
    return Math.max(1, Math.floor(this.options.readers ?? 2));
  }

  /** Every row of a read-only statement. A statement that does not read, or fails, rejects with an AppError. */
  all(sql: string, parameters: ReaderParameters): Promise<Row[]> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'the database readers are closed'));
    const reader = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Row[]>((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.ref();
      reader.worker.postMessage({ type: 'all', id, sql, parameters });
    });
  }

  /** Stops the threads; statements under way are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const readers = this.readers.splice(0);
    await Promise.all(
      readers.map(async ({ worker }) => {
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.postMessage({ type: 'close' });
        const timer = setTimeout(() => void worker.terminate(), 5_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  private leastBusy(): Reader {
    const idle = this.readers.find((reader) => reader.pending.size === 0);
    if (idle) return idle;
    if (this.readers.length < this.size) return this.spawn();
    return this.readers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
  }

  private spawn(): Reader {
    // No execArgv: the reader is plain JavaScript and needs none of the parent's flags or loaders.
    const worker = new Worker(WORKER_URL, { execArgv: [], workerData: { path: this.path, cacheKiB: this.options.cacheKiB ?? 16_384, statementCache: 256 } });
    const reader: Reader = { worker, pending: new Map() };
    this.readers.push(reader);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const waiting = reader.pending.get(reply.id);
      reader.pending.delete(reply.id);
      if (reader.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('rows' in reply) waiting.resolve(reply.rows);
      else if (reply.error.kind === 'run') waiting.reject(new AppError('STORE_FAILURE', 'a read-only statement failed', { cause: new Error(reply.error.message) }));
      else if (reply.error.kind === 'prepare') waiting.reject(new AppError('INTERNAL', 'a read-only statement could not be prepared', { cause: new Error(reply.error.message) }));
      else waiting.reject(new AppError('INTERNAL', 'a statement sent to the readers must only read'));
    });
    // A reader that fails (the file cannot be opened) or exits takes its statements with it; the next statement starts a new one.
    const fail = (cause: unknown) => {
      const index = this.readers.indexOf(reader);
      if (index >= 0) this.readers.splice(index, 1);
      for (const waiting of reader.pending.values()) waiting.reject(new AppError('STORE_FAILURE', 'a database reader stopped', { cause }));
      reader.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return reader;
  }
}
