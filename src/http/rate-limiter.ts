/**
 * Requests per key (a token) in fixed windows. In memory: one server process. Several processes
 * behind a load balancer would each allow the limit, so a shared store would replace this there.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one request; returns 0 when allowed, else the milliseconds until the window resets. */
  take(key: string): number {
    const at = this.now().getTime();
    let window = this.windows.get(key);
    if (!window || at - window.startedAt >= this.windowMs) {
      window = { startedAt: at, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.forgetExpired(at);
    }
    if (window.count >= this.limit) return window.startedAt + this.windowMs - at;
    window.count++;
    return 0;
  }

  private forgetExpired(at: number): void {
    for (const [key, window] of this.windows) if (at - window.startedAt >= this.windowMs) this.windows.delete(key);
  }
}
