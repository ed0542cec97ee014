import type { ToolAccess } from '../core/define-tool.ts';
import { Purpose, type Role } from '../domain/vocabulary.ts';
import { MEDICAL_INFORMATION_ROUTE } from './gates.ts';

/**
 * The promotional/medical firewall: what each role may do for each purpose, in one table. The
 * domain (drafts, content search, NBA candidate actions) and the agent's check before a tool runs
 * both decide from it.
 *
 *   role             promotional   medical
 *   rep              provide       route    (MSL handoff, medical-information request; never a medical response)
 *   manager          provide       route
 *   msl              none          provide
 *   medical_affairs  none          provide
 *   admin            provide       provide
 *
 * provide: draft it, search its content, take its next action. route: pass the HCP's question on to
 * those who answer it. The local operator at the command line (no role) may do everything.
 */
export type FirewallPurpose = 'promotional' | 'medical';
export type PurposeRight = 'provide' | 'route' | 'none';
/** What a request does for its purpose: provides it (a draft, content, an action) or routes it on. */
export type PurposeUse = Exclude<PurposeRight, 'none'>;

export const ROLE_PURPOSES: Readonly<Record<Role, Readonly<Record<FirewallPurpose, PurposeRight>>>> = {
  rep: { promotional: 'provide', medical: 'route' },
  manager: { promotional: 'provide', medical: 'route' },
  msl: { promotional: 'none', medical: 'provide' },
  medical_affairs: { promotional: 'none', medical: 'provide' },
  admin: { promotional: 'provide', medical: 'provide' },
};

/** Which side of the firewall a purpose is on: medical is medical; promotion, events and market research are commercial. */
export function firewallPurpose(purpose: Purpose): FirewallPurpose {
  return purpose === 'medical' ? 'medical' : 'promotional';
}

export interface PurposeDecision {
  allowed: boolean;
  /** The rule, in a sentence the model can pass on. */
  reason: string;
  /** What the caller may do instead. */
  alternatives: string[];
}

const RANK: Record<PurposeRight, number> = { none: 0, route: 1, provide: 2 };
const roleName = (role: Role) => role.replace('_', ' ');

/** May this role do this for this purpose? null: the local operator, who may. */
export function purposeDecision(role: Role | null, purpose: Purpose, use: PurposeUse = 'provide'): PurposeDecision {
  if (role === null) return { allowed: true, reason: 'local operator', alternatives: [] };
  const side = firewallPurpose(purpose);
  const right = ROLE_PURPOSES[role][side];
  if (RANK[right] >= RANK[use]) return { allowed: true, reason: `a ${roleName(role)} may ${use === 'route' ? 'route' : 'provide'} ${side} requests`, alternatives: [] };
  if (side === 'medical') {
    return {
      allowed: false,
      reason: `a ${roleName(role)} does not send medical responses or medical content: a medical question goes to an MSL or the medical-information request route`,
      alternatives: ['an MSL handoff for the scientific question', MEDICAL_INFORMATION_ROUTE],
    };
  }
  return {
    allowed: false,
    reason: `a ${roleName(role)} does no promotion: promotional drafts, content and next actions are for the commercial team`,
    alternatives: ["the HCP's sales rep for anything promotional", 'medical content and medical next actions (purpose medical)'],
  };
}

/** Roles the table lets provide medical material (medical content, medical drafts, what the field is hearing). */
export function isMedicalRole(role: Role): boolean {
  return ROLE_PURPOSES[role].medical === 'provide';
}

/** What each tool gives, in users' words (plural), for a "no" a person reads. */
const TOOL_WORK: Record<string, string> = {
  summarize_field_insights: 'Field-note summaries (what the field is hearing)',
  query_performance: 'Team performance figures',
  assess_maturity: 'Omnichannel maturity assessments',
  plan_territory: 'Territory plans',
  draft_followup: 'Follow-up drafts',
  search_approved_content: 'Approved-content searches',
  get_next_best_actions: 'Next best actions',
  explain_recommendation: 'Recommendation explanations',
  record_feedback: 'Verdicts on recommendations',
  check_consent: 'Consent checks',
  lookup_hcp_profile: 'HCP profiles',
  report_adverse_event: 'Adverse-event reports',
};

/**
 * The agent's check before a tool runs, from the tool's declaration: the caller's role must be one
 * the tool is for, and a call for one purpose (a draft, a content search) must be on the role's side
 * of the firewall. The domain checks again inside; this makes the "no" uniform and early.
 */
export function toolUseDecision<Input>(role: Role | null, tool: { name: string; access: ToolAccess<Input> }, input: Input): PurposeDecision {
  if (role === null) return { allowed: true, reason: 'local operator', alternatives: [] };
  if (!tool.access.roles.includes(role)) {
    const roles = tool.access.roles.map((other) => roleName(other as Role));
    const who = roles.length > 1 ? `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}` : (roles[0] ?? 'no role');
    return { allowed: false, reason: `${TOOL_WORK[tool.name] ?? `The tool ${tool.name}`} ${TOOL_WORK[tool.name] ? 'are' : 'is'} only for ${who}, not for a ${roleName(role)} (${tool.name})`, alternatives: [] };
  }
  const purpose = tool.access.purposeOf?.(input);
  if (purpose === undefined) return { allowed: true, reason: `${tool.name} is for a ${roleName(role)}`, alternatives: [] };
  const parsed = Purpose.safeParse(purpose);
  if (!parsed.success || !tool.access.purposes.includes(purpose)) return { allowed: false, reason: `${tool.name} does not serve the purpose "${purpose}"`, alternatives: [] };
  return purposeDecision(role, parsed.data);
}
