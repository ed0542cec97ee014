import { DAY_MS } from './dates.ts';

/**
 * The clock answers about the data are computed at. A demo database records where its data ends
 * (its demo as-of); once the wall clock has passed the end of that day, answers are as of the end of
 * that day, so "this month" and "the last 7 days" still find the demo's activity. An explicit as-of
 * (--as-of) always wins; a database without a demo as-of runs on the wall clock.
 */
export interface DataClock {
  now(): Date;
  /** The demo's last day (YYYY-MM-DD) when an answer computed at `at` is past the end of the demo data, else null. */
  demoDayAt(at: Date | string): string | null;
}

/** The last millisecond of the UTC day `instant` falls on. */
export function endOfUtcDay(instant: string): Date {
  const time = Date.parse(instant);
  return new Date(time - (((time % DAY_MS) + DAY_MS) % DAY_MS) + DAY_MS - 1);
}

/** The demo's last day when `at` is at or past the end of it, so the answer should say so; else null. */
export function demoDayAt(demoAsOf: string | null, at: Date | string): string | null {
  if (demoAsOf === null) return null;
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return time >= endOfUtcDay(demoAsOf).getTime() ? demoAsOf.slice(0, 10) : null;
}

/** What front ends print once per answer on a demo database answered past its data's end. */
export function demoDataLine(day: string): string {
  return `Demo data as of ${day}.`;
}

export function chooseDataClock(options: { demoAsOf: string | null; explicitAsOf?: string | undefined; wallClock?: () => Date }): DataClock {
  const wallClock = options.wallClock ?? (() => new Date());
  const { demoAsOf, explicitAsOf } = options;
  const demoDay = (at: Date | string) => demoDayAt(demoAsOf, at);
  if (explicitAsOf !== undefined) return { now: () => new Date(explicitAsOf), demoDayAt: demoDay };
  if (demoAsOf === null) return { now: wallClock, demoDayAt: demoDay };
  const end = endOfUtcDay(demoAsOf);
  // Read per call: a server started on the demo's own day moves to its end once midnight passes.
  return {
    now: () => {
      const wall = wallClock();
      return wall.getTime() > end.getTime() ? new Date(end) : wall;
    },
    demoDayAt: demoDay,
  };
}
