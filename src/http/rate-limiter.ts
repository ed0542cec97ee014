/**
 * Events per key (a token, a client address) in fixed windows. In memory: one server process.
 * Several processes behind a load balancer would each allow the limit, so a shared store would
 * replace this there.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one event; returns 0 when allowed, else the milliseconds until the window resets. */
  take(key: string): number {
    const at = this.now().getTime();
    let window = this.current(key, at);
    if (!window) {
      window = { startedAt: at, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.forgetExpired(at);
    }
    if (window.count >= this.limit) return window.startedAt + this.windowMs - at;
    window.count++;
    return 0;
  }

  /** Counts nothing: 0 while the key is under its limit, else the milliseconds until its window resets. */
  waitFor(key: string): number {
    const at = this.now().getTime();
    const window = this.current(key, at);
    return window && window.count >= this.limit ? window.startedAt + this.windowMs - at : 0;
  }

  private current(key: string, at: number): { startedAt: number; count: number } | undefined {
    const window = this.windows.get(key);
    return window && at - window.startedAt < this.windowMs ? window : undefined;
  }

  private forgetExpired(at: number): void {
    for (const [key, window] of this.windows) if (at - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
