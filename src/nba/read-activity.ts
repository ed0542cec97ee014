import { addDays } from '../core/dates.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { RECENT_WINDOW_DAYS, SIGNAL_WINDOW_DAYS } from './signals.ts';

/** Where medical questions are asked and answered (src/nba/open-signals.ts). */
const QUESTION_CHANNELS: readonly Channel[] = ['medical_inquiry', 'call_center'];

/**
 * The windows an HCP's signals are read from. [since, until): one millisecond past asOf includes what
 * happened at asOf itself. Every signal but open medical questions looks back at most
 * RECENT_WINDOW_DAYS, so older rows are read for the question channels only (rows are most of an
 * HCP's cost; see npm run bench).
 */
function windows(asOf: string) {
  return { yearAgo: addDays(asOf, -SIGNAL_WINDOW_DAYS), recentSince: addDays(asOf, -RECENT_WINDOW_DAYS), until: new Date(Date.parse(asOf) + 1).toISOString() };
}

/** The interaction rows an HCP's signals are computed from, oldest first. */
export function readActivity(store: OmniStore, hcpId: string, asOf: string): InteractionActivity[] {
  const { yearAgo, recentSince, until } = windows(asOf);
  return [
    ...store.interactions.activityForHcp(hcpId, yearAgo, recentSince, QUESTION_CHANNELS),
    ...store.interactions.activityForHcp(hcpId, recentSince, until),
  ];
}

/**
 * readActivity for many HCPs: two statements for the lot instead of two per HCP. Every id gets an
 * entry, the same rows in the same order readActivity gives it (src/nba/read-activity.test.ts).
 */
export function readActivityOfMany(store: OmniStore, hcpIds: readonly string[], asOf: string): Map<string, InteractionActivity[]> {
  const { yearAgo, recentSince, until } = windows(asOf);
  const older = store.interactions.activityForHcps(hcpIds, yearAgo, recentSince, QUESTION_CHANNELS);
  const recent = store.interactions.activityForHcps(hcpIds, recentSince, until);
  const byHcp = new Map<string, InteractionActivity[]>();
  for (const hcpId of hcpIds) {
    const before = older.get(hcpId);
    const after = recent.get(hcpId) ?? [];
    byHcp.set(hcpId, before ? before.concat(after) : after);
  }
  return byHcp;
}
