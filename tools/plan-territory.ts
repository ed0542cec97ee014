import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { planTerritory } from '../src/nba/territory-plan.ts';
import type { ToolContext } from './tool-context.ts';

export const planTerritoryTool = defineTool({
  name: 'plan_territory',
  description:
    '"Who should I see this week?" Ranks every HCP the user may see by their best allowed next action, with the top reason for each and flags ' +
    '(dead end, open medical question, follow-up due). Waiting comes last. The plan is written to the decision log; cite its planId.',
  input: z.strictObject({ limit: z.number().int().min(1).max(50).default(10).describe('how many HCPs to return') }),
  output: z.object({
    status: z.literal('planned'),
    planId: z.string(),
    asOf: z.string(),
    territories: z.union([z.array(z.string()), z.literal('all')]),
    hcpsConsidered: z.number(),
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
  execute({ limit }, ctx: ToolContext) {
    const plan = planTerritory(ctx.nba, ctx.caller, ctx.asOf, { limit });
    return {
      status: 'planned' as const,
      planId: plan.planId,
      asOf: plan.asOf,
      territories: plan.territories === 'all' ? ('all' as const) : [...plan.territories],
      hcpsConsidered: plan.hcpsConsidered,
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
});
