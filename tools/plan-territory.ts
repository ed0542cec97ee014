import { z } from 'zod';
import { channels } from '../src/domain/vocabulary.ts';
import { defineTool } from '../src/core/define-tool.ts';
import { planTerritory } from '../src/nba/territory-plan.ts';
import type { ToolContext } from './tool-context.ts';

export const planTerritoryTool = defineTool({
  name: 'plan_territory',
  description:
    '"Who should I see this week?" Ranks every HCP the user may see by their best allowed next action, with the top reason for each and flags ' +
    '(dead end, open medical question, follow-up due, no visit in 90 days). Waiting comes last. Optional filters narrow it to a list ' +
    '("which of my rheumatologists in Portland have open medical questions?", "who opted out of email?"). The plan is written to the decision log; cite its planId.',
  input: z.strictObject({
    limit: z.number().int().min(1).max(50).default(10).describe('how many HCPs to return'),
    specialty: z.string().trim().min(3).max(60).nullish().describe('part of the specialty, e.g. "rheumatology"'),
    city: z.string().trim().min(2).max(60).nullish(),
    segment: z.enum(['A', 'B', 'C', 'D']).nullish(),
    flag: z.enum(['dead_end', 'open_medical_question', 'follow_up_due', 'no_recent_visit']).nullish().describe('only HCPs with this open item'),
    consent: z
      .strictObject({ channel: z.enum(channels), status: z.enum(['granted', 'revoked', 'expired', 'none']) })
      .nullish()
      .describe('only HCPs whose promotional consent for the channel is in this state ("revoked": opted out; "none": no record)'),
  }),
  output: z.object({
    status: z.literal('planned'),
    planId: z.string(),
    asOf: z.string(),
    territories: z.union([z.array(z.string()), z.literal('all')]),
    hcpsConsidered: z.number(),
    matched: z.number(),
    filters: z.record(z.string(), z.unknown()),
    entries: z.array(
      z.object({
        rank: z.number(),
        hcp: z.object({ id: z.string(), name: z.string(), specialty: z.string(), territory: z.string() }),
        action: z.object({ kind: z.string(), label: z.string(), channel: z.string().nullable(), score: z.number() }),
        topReason: z.string(),
        flags: z.array(z.string()),
      }),
    ),
  }),
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ limit, ...given }, ctx: ToolContext) {
    const filters = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== null && value !== undefined));
    const plan = planTerritory(ctx.nba, ctx.caller, ctx.asOf, { limit, filters });
    return {
      status: 'planned' as const,
      planId: plan.planId,
      asOf: plan.asOf,
      territories: plan.territories === 'all' ? ('all' as const) : [...plan.territories],
      hcpsConsidered: plan.hcpsConsidered,
      matched: plan.matched,
      filters,
      entries: plan.entries.map((entry) => ({
        rank: entry.rank,
        hcp: { id: entry.hcp.id, name: entry.hcp.name, specialty: entry.hcp.specialty, territory: entry.hcp.territory },
        action: { kind: entry.action.kind, label: entry.action.label, channel: entry.action.channel, score: entry.action.score },
        topReason: entry.topReason,
        flags: [...entry.flags],
      })),
    };
  },
  citations: (output) => ({ hcps: output.entries.map((entry) => entry.hcp.id), recommendations: [output.planId] }),
  refinable: true,
});
