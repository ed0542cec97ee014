import { AppError } from '../core/app-error.ts';

/**
 * Runs agent turns after the deliveries that asked for them have been acknowledged, so acks are
 * never starved by answers. An agent turn with the local model is one long stretch of synchronous
 * work (SQLite reads, scoring); started straight from the listener, fifty of them ran back to back
 * as promise continuations and the fiftieth ack waited for all the turns before it (seconds). Here
 * at most one turn starts per event-loop iteration (from setImmediate), so incoming requests are
 * read and acked between any two turns, and at most `concurrency` turns are under way (more only
 * helps models that wait on the network). While `busy()` says requests are being read and not yet
 * acked, no turn starts (for at most `maxHoldMs`, so a steady stream of requests cannot starve the
 * answers). Beyond `maxWaiting` queued turns a request is refused with RATE_LIMITED rather than
 * answered minutes late.
 */
export class TurnQueue {
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private readonly waiting: (() => void)[] = [];
  private readonly busy: () => boolean;
  private readonly maxHoldMs: number;
  private running = 0;
  private scheduled = false;
  private heldSince: number | null = null;

  constructor(options: { concurrency?: number; maxWaiting?: number; busy?: () => boolean; maxHoldMs?: number } = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxWaiting = Math.max(0, options.maxWaiting ?? 200);
    this.busy = options.busy ?? (() => false);
    this.maxHoldMs = options.maxHoldMs ?? 250;
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new AppError('RATE_LIMITED', `more than ${this.maxWaiting} questions are waiting for an answer`));
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        let result: Promise<T>;
        try {
          result = work();
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => {
          this.running -= 1;
          this.schedule();
        });
      });
      this.schedule();
    });
  }

  /** Turns waiting to start, and turns under way. */
  get load(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.running };
  }

  private schedule(delayMs = 0): void {
    if (this.scheduled || this.waiting.length === 0 || this.running >= this.concurrency) return;
    this.scheduled = true;
    const next = () => {
      this.scheduled = false;
      if (this.waiting.length === 0 || this.running >= this.concurrency) return;
      if (this.busy()) {
        const now = Date.now();
        this.heldSince ??= now;
        if (now - this.heldSince < this.maxHoldMs) return this.schedule(1);
      }
      this.heldSince = null;
      this.running += 1;
      this.waiting.shift()!();
      // The next turn starts in the next iteration at the earliest, after pending I/O (new requests) is served.
      this.schedule();
    };
    if (delayMs > 0) setTimeout(next, delayMs);
    else setImmediate(next);
  }
}
