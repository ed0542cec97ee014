import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadVersionedJson } from '../core/versioned-json.ts';
import { Channel, Purpose } from '../domain/vocabulary.ts';

/**
 * Consent rules per jurisdiction, channel and purpose (data/policy/consent-jurisdictions.json, a
 * demo policy, not legal advice): some jurisdictions accept only an explicit, documented opt-in for
 * a channel and purpose, so a grant recorded through a weaker source (a rep's note of verbal
 * consent, a pre-ticked default) does not count there. The consent gate (gates.ts) applies them and
 * names the rule when a grant falls short; the version and sha256 go into every decision record.
 * Loaded once (src/container.ts) and passed down with the NBA and draft dependencies.
 */
export const ConsentJurisdictionRule = z
  .object({
    /** Stable id, cited in the gate's reason: "demo-us-ct-email-promotional". */
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'lower-case letters, digits, "." and "-" only'),
    /** As consent records carry it ("US-CA"); matched exactly, without case. */
    jurisdiction: z.string().trim().min(2).max(20),
    channel: Channel,
    purpose: Purpose,
    requires: z.literal('explicit_opt_in'),
    /** The recorded sources that are an explicit opt-in here (compared without case). */
    explicitSources: z.array(z.string().trim().min(1).max(80)).min(1),
    /** One human sentence: what the rule asks, for the gate's reason. */
    rule: z.string().trim().min(1).max(400),
  })
  .strict();
export type ConsentJurisdictionRule = z.infer<typeof ConsentJurisdictionRule>;

export const ConsentJurisdictionPolicy = z
  .object({
    version: z.string().min(1).max(60),
    description: z.string().default(''),
    rules: z.array(ConsentJurisdictionRule),
  })
  .strict()
  .superRefine((policy, context) => {
    // One rule per (jurisdiction, channel, purpose), each id once: two rules for one consent would leave which applies to file order.
    const seen = new Map<string, number>();
    const ids = new Map<string, number>();
    policy.rules.forEach((rule, index) => {
      const key = `${rule.jurisdiction.toUpperCase()}|${rule.channel}|${rule.purpose}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['rules', index], message: `a second rule for ${rule.jurisdiction} ${rule.channel} (${rule.purpose}); rule ${seen.get(key)} already covers it` });
      else seen.set(key, index);
      if (ids.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `duplicate rule id ${rule.id} (also rule ${ids.get(rule.id)})` });
      else ids.set(rule.id, index);
    });
  });
export type ConsentJurisdictionPolicy = z.infer<typeof ConsentJurisdictionPolicy>;

/** The policy as loaded, with the sha256 of its file (recorded beside the version). */
export type ConsentRules = ConsentJurisdictionPolicy & { sha256: string };

/** The policy file in the repository: data/policy/consent-jurisdictions.json. */
export const DEFAULT_CONSENT_RULES_PATH = fileURLToPath(new URL('../../data/policy/consent-jurisdictions.json', import.meta.url));

/** Reads and validates a consent jurisdiction policy; a bad file is an AppError CONFIG_INVALID naming the file and field. */
export function loadConsentRules(path: string = DEFAULT_CONSENT_RULES_PATH): ConsentRules {
  return loadVersionedJson(path, ConsentJurisdictionPolicy, 'consent jurisdiction policy');
}

/** The rule for a consent record's jurisdiction, channel and purpose, if the policy has one. */
export function jurisdictionRuleFor(rules: ConsentRules, jurisdiction: string, channel: Channel, purpose: Purpose): ConsentJurisdictionRule | undefined {
  const wanted = jurisdiction.trim().toUpperCase();
  return rules.rules.find((rule) => rule.channel === channel && rule.purpose === purpose && rule.jurisdiction.toUpperCase() === wanted);
}

/** Whether a grant recorded via `source` is an opt-in the rule accepts. */
export function satisfiesRule(rule: ConsentJurisdictionRule, source: string): boolean {
  const recorded = source.trim().toLowerCase();
  return rule.explicitSources.some((accepted) => accepted.toLowerCase() === recorded);
}

/** What decision records keep of the policy: enough to find the exact file again. */
export const consentRulesProvenance = (rules: ConsentRules) => ({ version: rules.version, sha256: rules.sha256 });
