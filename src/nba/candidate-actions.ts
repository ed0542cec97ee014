import type { PurposeUse } from '../compliance/role-policy.ts';
import type { Channel, Purpose } from '../domain/vocabulary.ts';
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
  /** What the action does for its purpose: provides it (a visit, an email) or routes a medical question on; who may is the role x purpose table's (src/compliance/role-policy.ts). */
  use: PurposeUse;
  /** Only offered when the HCP has an open medical question. */
  needsOpenQuestion: boolean;
  label: string;
}

export const actionShapes: Record<ActionKind, ActionShape> = {
  field_visit: {
    kind: 'field_visit', channel: 'field_visit', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: false, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, use: 'provide', needsOpenQuestion: false, label: 'field visit',
  },
  remote_detail: {
    kind: 'remote_detail', channel: 'remote_detail', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: false, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, use: 'provide', needsOpenQuestion: false, label: 'remote detail',
  },
  approved_email: {
    kind: 'approved_email', channel: 'email', purpose: 'promotional', needsConsent: true, capped: true,
    content: { required: true, kinds: ['claim', 'education', 'safety', 'isi'], purpose: 'promotional' }, use: 'provide', needsOpenQuestion: false, label: 'approved email',
  },
  event_invitation: {
    kind: 'event_invitation', channel: 'email', purpose: 'events', needsConsent: true, capped: true,
    content: { required: true, kinds: ['invitation'], purpose: 'promotional' }, use: 'provide', needsOpenQuestion: false, label: 'event invitation by email',
  },
  msl_handoff: {
    kind: 'msl_handoff', channel: 'msl_meeting', purpose: 'medical', needsConsent: true, capped: false,
    content: null, use: 'route', needsOpenQuestion: true, label: 'MSL handoff for the scientific question',
  },
  medical_information_route: {
    kind: 'medical_information_route', channel: 'medical_inquiry', purpose: 'medical', needsConsent: false, capped: false,
    content: null, use: 'route', needsOpenQuestion: true, label: 'medical-information request route',
  },
  wait: { kind: 'wait', channel: null, purpose: null, needsConsent: false, capped: false, content: null, use: 'route', needsOpenQuestion: false, label: 'wait' },
};
