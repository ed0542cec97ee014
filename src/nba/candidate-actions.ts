import type { ConsentState } from '../compliance/consent-policy.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { Channel, Purpose } from '../domain/vocabulary.ts';
import { channelName } from './open-signals.ts';
import type { ActionKind } from './weights.ts';

/** How each action reaches the HCP, and under which consent purpose. */
export interface ActionShape {
  kind: ActionKind;
  /** null for "wait". */
  channel: Channel | null;
  purpose: Purpose | null;
  /** Needs a consent record in force for channel and purpose. */
  needsConsent: boolean;
  /** Counts against the cross-rep contact caps. */
  capped: boolean;
  /** Needs approved content to go with it, and which kinds of module serve. */
  content: { required: boolean; kinds: readonly string[]; purpose: 'promotional' | 'medical' } | null;
  /** Roles that may take the action. */
  roles: readonly Role[];
  /** Only offered when the HCP has an open medical question. */
  needsOpenQuestion: boolean;
  label: string;
}

const promotionalRoles: readonly Role[] = ['rep', 'manager', 'admin'];

export const actionShapes: Record<ActionKind, ActionShape> = {
  field_visit: {
    kind: 'field_visit', channel: 'field_visit', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: false, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, roles: promotionalRoles, needsOpenQuestion: false, label: 'field visit',
  },
  remote_detail: {
    kind: 'remote_detail', channel: 'remote_detail', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: false, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, roles: promotionalRoles, needsOpenQuestion: false, label: 'remote detail',
  },
  approved_email: {
    kind: 'approved_email', channel: 'email', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: true, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, roles: promotionalRoles, needsOpenQuestion: false, label: 'approved email',
  },
  event_invitation: {
    kind: 'event_invitation', channel: 'email', purpose: 'events', needsConsent: true, capped: true,
    content: { required: true, kinds: ['invitation'], purpose: 'promotional' }, roles: promotionalRoles, needsOpenQuestion: false, label: 'event invitation by email',
  },
  msl_handoff: {
    kind: 'msl_handoff', channel: 'msl_meeting', purpose: 'medical', needsConsent: true, capped: false,
    content: null, roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], needsOpenQuestion: true, label: 'MSL handoff for the scientific question',
  },
  medical_information_route: {
    kind: 'medical_information_route', channel: 'medical_inquiry', purpose: 'medical', needsConsent: false, capped: false,
    content: null, roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], needsOpenQuestion: true, label: 'medical-information request route',
  },
  wait: { kind: 'wait', channel: null, purpose: null, needsConsent: false, capped: false, content: null, roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], needsOpenQuestion: false, label: 'wait' },
};

export interface GateResult {
  /** relevance: the action answers something that is there (an MSL handoff needs an open medical question). */
  gate: 'consent' | 'frequency_cap' | 'approved_content' | 'access' | 'relevance';
  passed: boolean;
  reason: string;
  /** The records behind the decision (consent record id, interaction ids, module ids). */
  records: string[];
}

/**
 * The consent in force for a channel and purpose (and product): of the all-products record and the
 * product's own record, the later one decides, so an opt-out from everything overrides an older
 * product grant (and a later product grant an older general opt-out). None at all means no consent.
 */
export function consentGate(states: readonly ConsentState[], channel: Channel, purpose: Purpose, productId: string | null): GateResult {
  const state = states
    .filter((candidate) => candidate.channel === channel && candidate.purpose === purpose && (candidate.productId === null || candidate.productId === productId))
    .sort((a, b) => b.since.localeCompare(a.since) || Number(a.status === 'granted') - Number(b.status === 'granted'))[0];
  const what = `${channelName(channel)} consent (${purpose})`;
  if (!state) return { gate: 'consent', passed: false, reason: `no ${what} on record`, records: [] };
  const day = state.since.slice(0, 10);
  switch (state.status) {
    case 'granted':
      return {
        gate: 'consent',
        passed: true,
        reason: `${what} granted on ${day} via ${state.source}${state.expiresAt ? `, until ${state.expiresAt.slice(0, 10)}` : ''}`,
        records: [state.recordId],
      };
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
