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

/**
 * Whether a module's status can ever pass: approved, or "expired" with dates (approval that ran out,
 * so a search as of an earlier day still finds it). Withdrawn and draft modules never pass.
 */
export function hasSearchableStatus(module: Pick<ContentModule, 'status' | 'expiresAt'>): boolean {
  return module.status === 'approved' || (module.status === 'expired' && module.expiresAt !== null);
}

/** The purposes a search of the given purpose may see. */
export function purposesFor(purpose: ContentFilters['purpose']): readonly ContentModule['purpose'][] {
  return purpose === 'medical' ? ['medical'] : ['promotional', 'events'];
}

export function checkContentFilters(module: ContentModule, filters: ContentFilters): FilterDecision {
  return evaluate(module, filters, true);
}

/** The same decision as checkContentFilters without building the reasons (the hot path of a search). */
export function passesContentFilters(module: ContentModule, filters: ContentFilters): boolean {
  return evaluate(module, filters, false).passed;
}

const PASSED_UNEXPLAINED: FilterDecision = Object.freeze({ passed: true, reasons: [] }) as FilterDecision;
const FAILED_UNEXPLAINED: FilterDecision = Object.freeze({ passed: false, reasons: [] }) as FilterDecision;

/** One implementation of the filters; `explain` decides whether reason text is built. */
function evaluate(module: ContentModule, filters: ContentFilters, explain: boolean): FilterDecision {
  const reasons: string[] = [];
  const fail = (reason: () => string): FilterDecision => (explain ? { passed: false, reasons: [reason()] } : FAILED_UNEXPLAINED);
  if (!hasSearchableStatus(module)) return fail(() => `status is ${module.status}`);
  if (module.approvedAt > filters.asOf) return fail(() => `not approved until ${module.approvedAt}`);
  if (module.expiresAt !== null && module.expiresAt <= filters.asOf) return fail(() => `expired on ${module.expiresAt}`);
  if (explain) reasons.push(`approved ${module.approvedAt}${module.expiresAt ? `, valid until ${module.expiresAt}` : ', no expiry'}`);
  if (module.market !== filters.market) return fail(() => `market ${module.market}, not ${filters.market}`);
  if (explain) reasons.push(`market ${module.market}`);
  if (filters.specialty !== undefined) {
    const audience = module.audienceSpecialties;
    const wanted = filters.specialty.toLowerCase();
    if (audience.length > 0 && !audience.some((specialty) => specialty.toLowerCase() === wanted)) {
      return fail(() => `audience ${audience.join(', ')} does not include ${filters.specialty}`);
    }
    if (explain) reasons.push(audience.length > 0 ? `audience includes ${filters.specialty}` : 'for all specialties');
  }
  if (filters.channel !== undefined) {
    if (!module.allowedChannels.includes(filters.channel)) return fail(() => `not approved for ${filters.channel}`);
    if (explain) reasons.push(`approved for ${filters.channel}`);
  }
  if (!purposesFor(filters.purpose).includes(module.purpose)) return fail(() => `purpose ${module.purpose}, not ${filters.purpose}`);
  if (!explain) return PASSED_UNEXPLAINED;
  reasons.push(`purpose ${module.purpose}`);
  return { passed: true, reasons };
}

/**
 * The modules a search may return, by id: every version passing the filters, keeping the highest
 * passing version of each module id (as of a past date, the version approved then).
 */
export function eligibleModules(modules: readonly ContentModule[], filters: ContentFilters): Map<string, ContentModule> {
  const eligible = new Map<string, ContentModule>();
  for (const module of modules) {
    if (!passesContentFilters(module, filters)) continue;
    const current = eligible.get(module.id);
    if (!current || current.version < module.version) eligible.set(module.id, module);
  }
  return eligible;
}
