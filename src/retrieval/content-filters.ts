import type { ContentModule } from '../domain/content-module.ts';
import type { Channel } from '../domain/vocabulary.ts';

/**
 * The hard filters of the approved-content library. They are applied before any ranking, so no
 * query, however worded, can surface a module outside them.
 */
export interface ContentFilters {
  /** The calendar day the content must be approved on (YYYY-MM-DD). */
  asOf: string;
  market: string;
  /** The HCP's specialty; modules with an audience list must name it. */
  specialty?: string;
  channel?: Channel;
  /** promotional searches see promotional and event modules; medical searches medical ones only. */
  purpose: 'promotional' | 'medical';
}

export interface FilterDecision {
  passed: boolean;
  /** Why it passed (every filter), or the first filter it failed. */
  reasons: string[];
}

export function checkContentFilters(module: ContentModule, filters: ContentFilters): FilterDecision {
  const reasons: string[] = [];
  const fail = (reason: string): FilterDecision => ({ passed: false, reasons: [reason] });
  // "expired" is approval that ran out: its dates decide, so a search as of an earlier day still finds
  // it. Withdrawn and draft modules never pass.
  const expiredWithDates = module.status === 'expired' && module.expiresAt !== null;
  if (module.status !== 'approved' && !expiredWithDates) return fail(`status is ${module.status}`);
  if (module.approvedAt > filters.asOf) return fail(`not approved until ${module.approvedAt}`);
  if (module.expiresAt !== null && module.expiresAt <= filters.asOf) return fail(`expired on ${module.expiresAt}`);
  reasons.push(`approved ${module.approvedAt}${module.expiresAt ? `, valid until ${module.expiresAt}` : ', no expiry'}`);
  if (module.market !== filters.market) return fail(`market ${module.market}, not ${filters.market}`);
  reasons.push(`market ${module.market}`);
  if (filters.specialty !== undefined) {
    const audience = module.audienceSpecialties;
    if (audience.length > 0 && !audience.some((specialty) => specialty.toLowerCase() === filters.specialty!.toLowerCase())) {
      return fail(`audience ${audience.join(', ')} does not include ${filters.specialty}`);
    }
    reasons.push(audience.length > 0 ? `audience includes ${filters.specialty}` : 'for all specialties');
  }
  if (filters.channel !== undefined) {
    if (!module.allowedChannels.includes(filters.channel)) return fail(`not approved for ${filters.channel}`);
    reasons.push(`approved for ${filters.channel}`);
  }
  const purposes = filters.purpose === 'medical' ? ['medical'] : ['promotional', 'events'];
  if (!purposes.includes(module.purpose)) return fail(`purpose ${module.purpose}, not ${filters.purpose}`);
  reasons.push(`purpose ${module.purpose}`);
  return { passed: true, reasons };
}

/**
 * The modules a search may return: every version passing the filters, keeping the highest
 * passing version of each module id (as of a past date, the version approved then).
 */
export function eligibleModules(modules: readonly ContentModule[], filters: ContentFilters): Map<string, { module: ContentModule; reasons: string[] }> {
  const eligible = new Map<string, { module: ContentModule; reasons: string[] }>();
  for (const module of modules) {
    const decision = checkContentFilters(module, filters);
    if (!decision.passed) continue;
    const current = eligible.get(module.id);
    if (!current || current.module.version < module.version) eligible.set(module.id, { module, reasons: decision.reasons });
  }
  return eligible;
}
