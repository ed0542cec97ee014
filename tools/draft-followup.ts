import { z } from 'zod';
import { defineTool } from '../src/core/define-tool.ts';
import { draftChannels, draftFollowUp } from '../src/drafts/follow-up-draft.ts';
import type { ToolContext } from './tool-context.ts';

const FREE_TEXT_REFUSED =
  'draft_followup takes an HCP id, a channel, approved module ids and data slots only; text of your own cannot go into a draft (choose modules with search_approved_content)';

export const draftFollowupTool = defineTool({
  name: 'draft_followup',
  description:
    'Draft a follow-up message to an HCP, assembled only from the text of approved modules (by id) plus slots taken from the data: the HCP\'s ' +
    'and your name, and an event\'s title and date (pass the webinar or congress interaction id from the profile as eventInteractionId). ' +
    'It checks consent for the channel and purpose and the contact caps, adds the greeting, sign-off and any required safety information, ' +
    'and returns the draft with each sentence traced to its module and version. You cannot add your own text: a refusal says what to do instead. ' +
    'The draft is written to the decision log; cite its draftId. Show the text exactly as returned.',
  input: z.strictObject(
    {
      hcpId: z.string().trim().min(1).max(60),
      channel: z.enum(draftChannels),
      moduleIds: z.array(z.string().trim().min(1).max(80)).min(1).max(8).describe('approved module ids from search_approved_content or get_next_best_actions'),
      eventInteractionId: z.string().trim().min(1).max(80).nullable().default(null).describe('the webinar or congress interaction this follows up on'),
      purpose: z.enum(['promotional', 'medical']).default('promotional'),
      slots: z.record(z.string(), z.string().max(300)).default({}).describe('optional: hcp_name, rep_name, event_title, event_date; each must equal the value in the data'),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `${FREE_TEXT_REFUSED} (unexpected: ${issue.keys.join(', ')})` : undefined) },
  ),
  output: z.union([
    z.object({
      status: z.literal('drafted'),
      draftId: z.string(),
      hcpId: z.string(),
      channel: z.string(),
      purpose: z.string(),
      text: z.string(),
      sentences: z.array(z.object({ text: z.string(), moduleId: z.string(), version: z.number(), slots: z.array(z.string()) })),
      modules: z.array(z.object({ id: z.string(), version: z.number(), title: z.string(), kind: z.string(), addedBecause: z.string() })),
      slots: z.record(z.string(), z.string()),
      gates: z.array(z.object({ gate: z.string(), passed: z.boolean(), reason: z.string(), records: z.array(z.string()) })),
    }),
    z.object({
      status: z.literal('refused'),
      reason: z.string(),
      message: z.string(),
      gates: z.array(z.object({ gate: z.string(), passed: z.boolean(), reason: z.string(), records: z.array(z.string()) })),
      alternatives: z.array(z.string()),
    }),
  ]),
  // One purpose per call: a promotional draft for the commercial roles, a medical one for the medical roles (reps route medical questions).
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'], purposeOf: (input) => input.purpose },
  execute(input, ctx: ToolContext) {
    return draftFollowUp(ctx.nba, ctx.caller, ctx.user.name, ctx.asOf, {
      hcpId: input.hcpId,
      channel: input.channel,
      purpose: input.purpose,
      moduleIds: input.moduleIds,
      eventInteractionId: input.eventInteractionId ?? undefined,
      slots: input.slots,
    });
  },
  citations: (output) =>
    output.status === 'drafted' ? { hcps: [output.hcpId], modules: output.modules.map((module) => `${module.id}@${module.version}`), recommendations: [output.draftId] } : {},
});
