import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { currentConsents } from '../src/compliance/consent-policy.ts';
import { canSeeHcp } from '../src/compliance/access-policy.ts';
import { Channel, Purpose, channelName } from '../src/domain/vocabulary.ts';
import type { ToolContext } from './tool-context.ts';
import { consentedAlternatives, consentGate } from '../src/compliance/gates.ts';

export const checkConsentTool = defineTool({
  name: 'check_consent',
  description:
    'Can I contact this HCP on a channel for a purpose (and product)? Answers from the consent records in force now: the deciding record, ' +
    'its date, source and expiry, and the jurisdiction rule it was held to (some jurisdictions need an explicit opt-in). When the answer is no, it lists the consented alternatives and the medical-information request route. ' +
    'Use it before suggesting or drafting anything on a channel. Pass the HCP id from lookup_hcp_profile.',
  input: z.strictObject({
    hcpId: z.string().trim().min(1).max(60),
    channel: Channel.describe('email, whatsapp, sms, phone, remote_detail, field_visit, msl_meeting, ...'),
    purpose: Purpose.default('promotional'),
    productId: z.string().trim().min(1).max(60).nullable().default(null).describe('a product id such as prod-keytruda, or null for all products'),
  }),
  output: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('answered'),
      hcpId: z.string(),
      channel: z.string(),
      purpose: z.string(),
      productId: z.string().nullable(),
      allowed: z.boolean(),
      /** The sentence to pass on: "email consent (promotional) revoked on 2026-10-02 via web form". */
      reason: z.string(),
      record: z
        .object({ id: z.string(), status: z.string(), since: z.string(), source: z.string(), expiresAt: z.string().nullable(), productId: z.string().nullable(), jurisdiction: z.string() })
        .nullable(),
      /** The jurisdiction rule (data/policy/consent-jurisdictions.json) applied to the deciding record, if any: met or not. */
      jurisdictionRule: z
        .object({
          policyVersion: z.string(),
          id: z.string(),
          jurisdiction: z.string(),
          requires: z.string(),
          explicitSources: z.array(z.string()),
          rule: z.string(),
          satisfied: z.boolean(),
        })
        .nullable(),
      alternatives: z.array(z.object({ channel: z.string(), purpose: z.string(), reason: z.string() })),
      medicalInformationRoute: z.string(),
    }),
    z.object({ status: z.enum(['not_found', 'out_of_scope']), message: z.string() }),
  ]),
  // Consent is a fact anyone who may see the HCP may read; drafts and next actions are where the firewall acts.
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ hcpId, channel, purpose, productId }, ctx: ToolContext) {
    const hcp = ctx.store.hcps.getById(hcpId);
    if (!hcp) return { status: 'not_found' as const, message: `no HCP with id ${hcpId}; look them up by name first` };
    if (!canSeeHcp(ctx.caller.scope, hcp)) return { status: 'out_of_scope' as const, message: `HCP ${hcpId} is outside your territories` };
    const consents = currentConsents(ctx.store.consents.forHcp(hcp.id), ctx.asOf);
    const gate = consentGate(consents, channel, purpose, productId, ctx.nba.consentRules);
    const deciding = consents.find((state) => state.recordId === gate.records[0]);
    const alternatives = gate.passed ? [] : consentedAlternatives(consents, channel, purpose, productId, ctx.nba.consentRules);
    const rule = gate.rule ? ctx.nba.consentRules.rules.find((candidate) => candidate.id === gate.rule!.id) : undefined;
    return {
      status: 'answered' as const,
      hcpId: hcp.id,
      channel,
      purpose,
      productId,
      allowed: gate.passed,
      reason: gate.reason,
      record: deciding
        ? { id: deciding.recordId, status: deciding.status, since: deciding.since, source: deciding.source, expiresAt: deciding.expiresAt, productId: deciding.productId, jurisdiction: deciding.jurisdiction }
        : null,
      jurisdictionRule:
        gate.rule && rule
          ? { policyVersion: gate.rule.policy, id: rule.id, jurisdiction: gate.rule.jurisdiction, requires: rule.requires, explicitSources: rule.explicitSources, rule: rule.rule, satisfied: gate.rule.satisfied }
          : null,
      alternatives,
      medicalInformationRoute: `For a medical question the HCP can submit a medical-information request; it needs no ${channelName(channel)} consent.`,
    };
  },
  citations: (output) => ({ hcps: output.status === 'answered' ? [output.hcpId] : [] }),
});
