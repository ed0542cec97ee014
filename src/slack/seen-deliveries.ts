/**
 * Delivery ids seen recently, so a delivery Slack repeats (X-Slack-Retry-Num 1, 2, 3 with the same
 * event_id; Slack retries after ~0 s, 1 min and 5 min when it did not see an ack in time) is dropped.
 *
 * In memory and bounded: an id is remembered for `ttlMs` (default one hour, well past Slack's last
 * retry) and at most `maxEntries` ids are kept (the oldest go first). It is per process: several
 * app instances behind one Slack app would need a shared store (a table with a unique key) instead.
 */
export class SeenDeliveries {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** True the first time `key` is offered within the TTL (and remembers it); false for a repeat. */
  firstTime(key: string): boolean {
    const now = this.now();
    this.evict(now);
    const expiresAt = this.seen.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + this.ttlMs);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Entries are kept in insertion order with one TTL, so the expired ones are at the front. */
  private evict(now: number): void {
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt > now) break;
      this.seen.delete(key);
    }
  }
}
