import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { Channel } from '../src/domain/vocabulary.ts';
import { explainRecommendation, type Explanation } from '../src/nba/explain-recommendation.ts';
import { actionKinds } from '../src/nba/weights.ts';
import { Refusal, refusingNotFound } from './refusal.ts';
import type { ToolContext } from './tool-context.ts';

export const explainRecommendationTool = defineTool({
  name: 'explain_recommendation',
  description:
    'Why was this recommended, and why not another action or channel ("why not email her?"). Answers from the decision log as it was shown, ' +
    'never recomputed: the recommended action with its contributions, and for the action or channel asked about, the gate that failed with ' +
    'the record behind it, or the score gap and the signal that makes it, plus the consented alternatives.',
  input: z.strictObject({
    recommendationId: z.string().trim().regex(/^dec-[0-9A-Za-z]+$/, 'a recommendationId from get_next_best_actions (dec-…)'),
    action: z.enum(actionKinds).nullable().default(null).describe('the action asked about, e.g. approved_email'),
    channel: Channel.nullable().default(null).describe('the channel asked about, e.g. email'),
  }),
  output: z.union([
    z.object({
      status: z.literal('explained'),
      recommendationId: z.string(),
      hcpId: z.string(),
      recordedAt: z.string(),
      recommended: z.object({ kind: z.string(), channel: z.string().nullable(), score: z.number(), reasons: z.array(z.object({ signal: z.string(), contribution: z.number(), sentence: z.string() })) }),
      asked: z.object({ kind: z.string(), channel: z.string().nullable(), allowed: z.boolean(), answer: z.string(), alternatives: z.array(z.string()) }).nullable(),
      weightsVersion: z.string(),
    }),
    Refusal,
  ]),
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ recommendationId, action, channel }, ctx: ToolContext) {
    return refusingNotFound(() => {
      const ask = { ...(action ? { kind: action } : {}), ...(channel ? { channel } : {}) };
      return explainedOutput(explainRecommendation(ctx.decisionLog, recommendationId, ask, { store: ctx.store, caller: ctx.caller }));
    });
  },
  citations: (output) => (output.status === 'explained' ? { hcps: [output.hcpId], recommendations: [output.recommendationId] } : {}),
});

/** An explanation as this tool returns it (the Slack "Why?" button shows the same shape). */
export function explainedOutput(explanation: Explanation) {
  return {
    status: 'explained' as const,
    recommendationId: explanation.recommendationId,
    hcpId: explanation.hcpId,
    recordedAt: explanation.recordedAt,
    recommended: {
      kind: explanation.recommended.kind,
      channel: explanation.recommended.channel,
      score: explanation.recommended.score,
      reasons: explanation.recommended.contributions.slice(0, 5).map(({ signal, contribution, sentence }) => ({ signal, contribution, sentence })),
    },
    asked: explanation.asked
      ? { kind: explanation.asked.kind, channel: explanation.asked.channel, allowed: explanation.asked.allowed, answer: explanation.asked.answer, alternatives: explanation.asked.alternatives }
      : null,
    weightsVersion: explanation.weights.version,
  };
}
