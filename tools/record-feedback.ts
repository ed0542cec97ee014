import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { parseIsoDate } from '../src/core/dates.ts';
import { recordFeedback } from '../src/nba/explain-recommendation.ts';
import { Refusal, refusingNotFound } from './refusal.ts';
import type { ToolContext } from './tool-context.ts';

export const recordFeedbackTool = defineTool({
  name: 'record_feedback',
  description:
    'Record the user\'s feedback on a recommendation, plan or draft: accept, dismiss or snooze (until a date), with their reason in their words. ' +
    'It is kept as a new decision-log record referring to the one it answers.',
  input: z.strictObject({
    recommendationId: z.string().trim().regex(/^dec-[0-9A-Za-z]+$/, 'a recommendation, plan or draft id (dec-…)'),
    verdict: z.enum(['accept', 'dismiss', 'snooze']),
    reason: z.string().trim().max(500).default(''),
    snoozeUntil: z
      .string()
      .refine((value) => parseIsoDate(value) !== undefined, 'a date, YYYY-MM-DD')
      .nullable()
      .default(null),
  }),
  output: z.union([z.object({ status: z.literal('recorded'), feedbackId: z.string(), refersTo: z.string(), verdict: z.string() }), Refusal]),
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute({ recommendationId, verdict, reason, snoozeUntil }, ctx: ToolContext) {
    return refusingNotFound(() => {
      const record = recordFeedback(ctx.decisionLog, { store: ctx.store, caller: ctx.caller }, recommendationId, { verdict, reason, ...(snoozeUntil ? { snoozeUntil } : {}) });
      return { status: 'recorded' as const, feedbackId: record.id, refersTo: recommendationId, verdict };
    });
  },
  citations: (output) => (output.status === 'recorded' ? { recommendations: [output.feedbackId, output.refersTo] } : {}),
});
