import { channelName, type Channel, type Purpose } from '../domain/vocabulary.ts';
import type { ConsentState } from './consent-policy.ts';
import { jurisdictionRuleFor, satisfiesRule, type ConsentRules } from './consent-jurisdictions.ts';

/**
 * The gates every outreach passes before anyone sees it (the NBA engine's actions, drafts,
 * check_consent): consent in force, the cross-rep contact caps, and the compliant alternatives
 * offered when the answer is no. Their one home.
 */
export interface GateResult {
  /** relevance: the action answers something that is there (an MSL handoff needs an open medical question). */
  gate: 'consent' | 'frequency_cap' | 'approved_content' | 'access' | 'relevance';
  passed: boolean;
  reason: string;
  /** The records behind the decision (consent record id, interaction ids, module ids). */
  records: string[];
  /**
   * Consent only, and only when a jurisdiction rule applied to the deciding record: which rule of
   * which policy version, and whether the grant met it (absent otherwise, so records stay as they were).
   */
  rule?: { policy: string; id: string; jurisdiction: string; satisfied: boolean };
}

/**
 * The consent in force for a channel and purpose (and product): of the all-products record and the
 * product's own record, the later one decides, so an opt-out from everything overrides an older
 * product grant (and a later product grant an older general opt-out). None at all means no consent.
 *
 * The jurisdiction rules (`rules`, data/policy/consent-jurisdictions.json) then apply to the deciding
 * record: where its jurisdiction needs an explicit opt-in for the channel and purpose, a grant
 * recorded through any other source does not pass, and the reason names the record, the
 * jurisdiction and the rule. Such a grant gives no consent, so it takes nothing away either: an
 * older grant of the other scope (all products, or the product's own) that passes still decides.
 */
export function consentGate(states: readonly ConsentState[], channel: Channel, purpose: Purpose, productId: string | null, rules: ConsentRules): GateResult {
  const candidates = states
    .filter((candidate) => candidate.channel === channel && candidate.purpose === purpose && (candidate.productId === null || candidate.productId === productId))
    .sort((a, b) => b.since.localeCompare(a.since) || Number(a.status === 'granted') - Number(b.status === 'granted'));
  const what = `${channelName(channel)} consent (${purpose})`;
  const [deciding, older] = candidates;
  if (!deciding) return { gate: 'consent', passed: false, reason: `no ${what} on record`, records: [] };
  const verdict = stateGate(deciding, what, rules);
  if (verdict.passed || !verdict.rule || !older) return verdict;
  const fallback = stateGate(older, what, rules);
  return fallback.passed ? fallback : verdict;
}

/** The gate on one consent state in force, its jurisdiction's rule applied to a grant. */
function stateGate(state: ConsentState, what: string, rules: ConsentRules): GateResult {
  const day = state.since.slice(0, 10);
  switch (state.status) {
    case 'granted': {
      const granted = `${what} granted on ${day} via ${state.source}${state.expiresAt ? `, until ${state.expiresAt.slice(0, 10)}` : ''}`;
      const rule = jurisdictionRuleFor(rules, state.jurisdiction, state.channel, state.purpose);
      if (!rule) return { gate: 'consent', passed: true, reason: granted, records: [state.recordId] };
      const cited = `policy ${rules.version}, rule ${rule.id}`;
      const named = { policy: rules.version, id: rule.id, jurisdiction: state.jurisdiction };
      if (satisfiesRule(rule, state.source)) {
        return { gate: 'consent', passed: true, reason: `${granted}, an explicit opt-in as ${state.jurisdiction} requires (${cited})`, records: [state.recordId], rule: { ...named, satisfied: true } };
      }
      const scope = state.productId ? ` for ${state.productId}` : '';
      return {
        gate: 'consent',
        passed: false,
        reason:
          `${what}${scope} ${state.recordId} was recorded via ${state.source} on ${day}; ${state.jurisdiction} needs an explicit opt-in on record ` +
          `(${rule.explicitSources.join(' or ')}) (${cited}: ${rule.rule})`,
        records: [state.recordId],
        rule: { ...named, satisfied: false },
      };
    }
    case 'revoked':
      return { gate: 'consent', passed: false, reason: `${what} revoked on ${day} via ${state.source}`, records: [state.recordId] };
    case 'expired':
      return { gate: 'consent', passed: false, reason: `${what} expired on ${day}`, records: [state.recordId] };
  }
}

export function capGate(
  contacts: { last7Days: number; last30Days: number; evidence7Days: string[]; evidence30Days: string[] },
  caps: { contacts7Days: number; contacts30Days: number },
): GateResult {
  const over7 = contacts.last7Days + 1 > caps.contacts7Days;
  const over30 = contacts.last30Days + 1 > caps.contacts30Days;
  const load = `${contacts.last7Days} contacts in 7 days (cap ${caps.contacts7Days}) and ${contacts.last30Days} in 30 days (cap ${caps.contacts30Days}) across all reps and channels`;
  if (over7 || over30) return { gate: 'frequency_cap', passed: false, reason: `one more contact would break the cap: ${load}`, records: over7 ? contacts.evidence7Days : contacts.evidence30Days };
  return { gate: 'frequency_cap', passed: true, reason: `within the caps: ${load}`, records: [] };
}

/** What is left when the contact cap is reached: it counts every channel, so no other channel is a way round it. */
export const CAP_WAIT_ALTERNATIVE = 'wait: the cap counts contacts on every channel by every rep, so no other channel is open until the 7- and 30-day counts fall below it';

/** The medical-information request route: open whatever consent says, because the HCP asks. */
export const MEDICAL_INFORMATION_ROUTE = 'a medical-information request (no consent needed: the HCP asks, medical information answers)';

/** Channels a person can reach an HCP on, in the order alternatives are offered. */
export const OUTREACH_CHANNELS = ['email', 'whatsapp', 'sms', 'phone', 'remote_detail', 'field_visit'] as const;

export interface ConsentedAlternative {
  channel: Channel;
  purpose: Purpose;
  /** The consent gate's sentence for it ("WhatsApp consent (promotional) granted on ..."). */
  reason: string;
}

/**
 * The compliant alternatives to a channel that may not be used: every other outreach channel with
 * consent in force for the same purpose and product (jurisdiction rules applied), in
 * OUTREACH_CHANNELS order. The medical-information route (MEDICAL_INFORMATION_ROUTE) is always open
 * beside them.
 */
export function consentedAlternatives(consents: readonly ConsentState[], channel: Channel, purpose: Purpose, productId: string | null, rules: ConsentRules): ConsentedAlternative[] {
  return OUTREACH_CHANNELS.filter((other) => other !== channel)
    .map((other) => ({ channel: other, purpose, reason: consentGate(consents, other, purpose, productId, rules) }))
    .filter(({ reason }) => reason.passed)
    .map(({ channel: other, reason }) => ({ channel: other, purpose, reason: reason.reason }));
}
