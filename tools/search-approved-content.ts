import { z } from 'zod';
import { defineTool, quoted, QuotedText } from '../src/core/define-tool.ts';
import { canSeeHcp } from '../src/compliance/access-policy.ts';
import { purposeDecision } from '../src/compliance/role-policy.ts';
import { hcpMarket } from '../src/domain/hcp.ts';
import { Channel } from '../src/domain/vocabulary.ts';
import type { ContentFilters } from '../src/retrieval/content-filters.ts';
import type { ToolContext } from './tool-context.ts';

export const searchApprovedContentTool = defineTool({
  name: 'search_approved_content',
  description:
    'Search the MLR-approved content library. Only modules approved today, unexpired, for the market, the HCP\'s specialty (when hcpId is given) ' +
    'and the channel can come back, so anything returned may be used as is. Each result has its module id, version, MLR code, title and the ' +
    'best-matching passage (quoted data). Use the module ids with draft_followup. Purpose "medical" is for MSLs and medical affairs.',
  input: z.strictObject({
    query: z.string().trim().min(2).max(300).describe('what the content should be about, e.g. "KEYTRUDA immune-mediated adverse reactions"'),
    hcpId: z.string().trim().min(1).max(60).nullable().default(null).describe("apply this HCP's market and specialty"),
    channel: Channel.nullable().default(null),
    purpose: z.enum(['promotional', 'medical']).default('promotional'),
    limit: z.number().int().min(1).max(10).default(5),
  }),
  output: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('found'),
      suggestionId: z.string().describe('the decision-log record of this suggestion'),
      results: z.array(
        z.object({ id: z.string(), version: z.number(), mlrCode: z.string(), title: z.string(), kind: z.string(), brandName: z.string(), genericName: z.string(), passage: QuotedText, passedBecause: z.array(z.string()) }),
      ),
    }),
    z.object({ status: z.enum(['nothing_found', 'not_found', 'out_of_scope', 'not_allowed']), message: z.string() }),
  ]),
  // One purpose per call: promotional content for the commercial roles, medical content for the medical ones.
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'], purposeOf: (input) => input.purpose },
  async execute({ query, hcpId, channel, purpose, limit }, ctx: ToolContext) {
    // The promotional/medical firewall: no content across it, whatever the query.
    const firewall = purposeDecision(ctx.caller.role, purpose);
    if (!firewall.allowed) return { status: 'not_allowed' as const, message: `${firewall.reason}; instead: ${firewall.alternatives.join('; ')}` };
    const filters: ContentFilters = { asOf: ctx.asOf.slice(0, 10), market: 'US', purpose };
    if (channel) filters.channel = channel;
    if (hcpId) {
      const hcp = ctx.store.hcps.getById(hcpId);
      if (!hcp) return { status: 'not_found' as const, message: `no HCP with id ${hcpId}` };
      if (!canSeeHcp(ctx.caller.scope, hcp)) return { status: 'out_of_scope' as const, message: `HCP ${hcpId} is outside your territories` };
      filters.market = hcpMarket(hcp);
      filters.specialty = hcp.specialty;
    }
    const results = await ctx.content.search(query, filters, { limit });
    if (results.length === 0) return { status: 'nothing_found' as const, message: `no approved module matches "${query}" for ${describe(filters)}` };
    // A content suggestion shown to a person is a decision: logged before it is returned.
    const record = ctx.decisionLog.append({
      kind: 'content_suggestion',
      actorId: ctx.caller.actorId,
      hcpId,
      refersTo: null,
      payload: {
        asOf: ctx.asOf,
        query,
        filters: { ...filters },
        modules: results.map(({ id, version }) => ({ id, version })),
        model: ctx.caller.provenance?.model ?? null,
        prompt: ctx.caller.provenance ? { name: ctx.caller.provenance.promptName, sha256: ctx.caller.provenance.promptSha256 } : null,
      },
    });
    return {
      status: 'found' as const,
      suggestionId: record.id,
      results: results.map((result) => ({
        id: result.id,
        version: result.version,
        mlrCode: result.mlrCode,
        title: result.title,
        kind: result.kind,
        brandName: result.brandName,
        genericName: result.genericName,
        passage: quoted(result.passage),
        passedBecause: result.passedBecause,
      })),
    };
  },
  citations: (output) => (output.status === 'found' ? { modules: output.results.map((result) => `${result.id}@${result.version}`), recommendations: [output.suggestionId] } : {}),
  refinable: true,
});

function describe(filters: ContentFilters): string {
  return [`${filters.purpose} use`, `market ${filters.market}`, filters.specialty, filters.channel && `channel ${filters.channel}`, `as of ${filters.asOf}`].filter(Boolean).join(', ');
}
