import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { recommendNextBestActions, type ScoredAction } from '../src/nba/next-best-actions.ts';
import { Refusal, refusingNotFound } from './refusal.ts';
import type { ToolContext } from './tool-context.ts';

const Action = z.object({
  kind: z.string(),
  label: z.string(),
  channel: z.string().nullable(),
  productId: z.string().nullable(),
  topic: z.string(),
  score: z.number(),
  /** The largest contributions, each weight × signal value with its sentence. */
  reasons: z.array(z.object({ signal: z.string(), value: z.number(), weight: z.number(), contribution: z.number(), sentence: z.string() })),
  gates: z.array(z.object({ gate: z.string(), passed: z.boolean(), reason: z.string(), records: z.array(z.string()) })),
  modules: z.array(z.object({ id: z.string(), version: z.number(), title: z.string() })),
});

const shortAction = (action: ScoredAction, reasons: number): z.infer<typeof Action> => ({
  kind: action.kind,
  label: action.label,
  channel: action.channel,
  productId: action.productId,
  topic: action.topic,
  score: action.score,
  reasons: action.contributions.slice(0, reasons).map(({ signal, value, weight, contribution, sentence }) => ({ signal, value, weight, contribution, sentence })),
  gates: action.gates,
  modules: action.modules,
});

export const getNextBestActionsTool = defineTool({
  name: 'get_next_best_actions',
  description:
    'What to do next with one HCP, and why. Scores every action (field visit, remote detail, approved email, event invitation, MSL handoff, ' +
    'medical-information route, wait) as the sum of weight × signal; returns the recommended action with its largest reasons and its gates ' +
    '(consent, frequency cap, approved content, access), the other allowed actions, and the blocked ones with the gate that failed. ' +
    'The recommendation is written to the decision log; cite its recommendationId. Pass the HCP id from lookup_hcp_profile.',
  input: z.strictObject({ hcpId: z.string().trim().min(1).max(60) }),
  output: z.union([
    z.object({
      status: z.literal('recommended'),
      recommendationId: z.string(),
      hcp: z.object({ id: z.string(), name: z.string(), territory: z.string(), specialty: z.string() }),
      asOf: z.string(),
      weightsVersion: z.string(),
      recommended: Action,
      otherAllowed: z.array(Action),
      blocked: z.array(z.object({ kind: z.string(), channel: z.string().nullable(), score: z.number(), failedGates: z.array(z.object({ gate: z.string(), reason: z.string(), records: z.array(z.string()) })) })),
    }),
    Refusal,
  ]),
  // Every role: each candidate action is judged by the role x purpose table (an MSL gets medical routes, never promotion).
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ hcpId }, ctx: ToolContext) {
    return refusingNotFound(() => {
      const result = recommendNextBestActions(ctx.nba, ctx.caller, hcpId, ctx.asOf);
      return {
        status: 'recommended' as const,
        recommendationId: result.recommendationId,
        hcp: result.hcp,
        asOf: result.asOf,
        weightsVersion: result.weightsVersion,
        recommended: shortAction(result.recommended, 5),
        otherAllowed: result.actions.filter((action) => action !== result.recommended).slice(0, 3).map((action) => shortAction(action, 2)),
        blocked: result.blocked.map((action) => ({
          kind: action.kind,
          channel: action.channel,
          score: action.score,
          failedGates: action.gates.filter((gate) => !gate.passed).map(({ gate, reason, records }) => ({ gate, reason, records })),
        })),
      };
    });
  },
  citations: (output) =>
    output.status === 'recommended'
      ? { hcps: [output.hcp.id], recommendations: [output.recommendationId], modules: output.recommended.modules.map((module) => `${module.id}@${module.version}`) }
      : {},
});
