import { AppError } from '../core/app-error.ts';
import { parseIsoDateTime } from '../core/dates.ts';
import { chooseDataClock, demoDataLine, type DataClock } from '../core/demo-clock.ts';
import { FULL_ACCESS } from '../compliance/access-policy.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { callerFor, type Caller } from '../compliance/caller.ts';

/** The actor id the decision log records for the local operator (no --as). */
export const LOCAL_OPERATOR = 'local-operator';

/** The caller for `--as <user-id>`, or the local operator with full access. */
export function callerFromOption(store: OmniStore, as: string | boolean | undefined): Caller {
  if (typeof as !== 'string') return { actorId: LOCAL_OPERATOR, role: null, scope: FULL_ACCESS };
  const user = store.users.getById(as);
  if (!user) throw new AppError('NOT_FOUND', `no user with id "${as}" (see omni users)`);
  return callerFor(user);
}

/** `--as-of <date>` as an ISO instant, or now. */
export function asOfFromOption(value: string | boolean | undefined, now: Date): string {
  if (typeof value !== 'string') return now.toISOString();
  const parsed = parseIsoDateTime(value);
  if (!parsed) throw new AppError('INVALID_INPUT', `--as-of must be an ISO 8601 date, not "${value}"`);
  return parsed;
}

/**
 * The clock answers about the data are computed at: `--as-of` when given, else the database's own
 * (a demo database past its last day answers as of the end of that day; see chooseDataClock).
 */
export function dataClockFor(store: Pick<SqliteStore, 'settings'>, asOfOption: string | boolean | undefined, wallClock: () => Date): DataClock {
  const explicitAsOf = typeof asOfOption === 'string' ? asOfFromOption(asOfOption, wallClock()) : undefined;
  return chooseDataClock({ demoAsOf: store.settings.demoAsOf(), explicitAsOf, wallClock });
}

/** The line a text answer computed at `asOf` ends with on a demo database past its last day, else nothing. */
export function demoLines(clock: DataClock, asOf: string): string[] {
  const day = clock.demoDayAt(asOf);
  return day ? [demoDataLine(day)] : [];
}
