import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/app-error.ts';
import { TurnQueue } from './turn-queue.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnQueue', () => {
  it('returns each turn’s result or error, with at most `concurrency` turns under way', async () => {
    const queue = new TurnQueue({ concurrency: 2 });
    let running = 0;
    let most = 0;
    const turn = (value: number) =>
      queue.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (value === 3) throw new Error('turn 3 failed');
        return value * 10;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(turn));
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message))).toEqual([10, 20, 'turn 3 failed', 40, 50]);
    expect(most).toBe(2);
    expect(queue.load).toEqual({ waiting: 0, running: 0 });
  });

  it('starts no turn in the tick that queued it, and serves other callbacks between two turns', async () => {
    const queue = new TurnQueue();
    const order: string[] = [];
    const first = queue.run(async () => {
      order.push('turn 1');
      setImmediate(() => order.push('request read between turns'));
    });
    const second = queue.run(async () => void order.push('turn 2'));
    order.push('queued');
    await Promise.all([first, second]);
    expect(order).toEqual(['queued', 'turn 1', 'request read between turns', 'turn 2']);
  });

  it('holds turns while requests wait for their ack, but not longer than maxHoldMs', async () => {
    let busy = true;
    const queue = new TurnQueue({ busy: () => busy, maxHoldMs: 10_000 });
    let ran = false;
    const turn = queue.run(async () => void (ran = true));
    for (let index = 0; index < 5; index++) await tick();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    busy = false;
    await turn;
    expect(ran).toBe(true);

    const starved = new TurnQueue({ busy: () => true, maxHoldMs: 30 });
    const started = Date.now();
    await starved.run(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
  });

  it('refuses with RATE_LIMITED when too many turns are waiting', async () => {
    const queue = new TurnQueue({ concurrency: 1, maxWaiting: 2 });
    const turns = [1, 2].map(() => queue.run(async () => 'ok'));
    const refused = await queue.run(async () => 'late').catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('RATE_LIMITED');
    await expect(Promise.all(turns)).resolves.toEqual(['ok', 'ok']);
  });
});
