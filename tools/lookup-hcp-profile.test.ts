import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsContext, createNbaDependencies } from '../src/container.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../src/testing/demo-store.ts';
import { lookupHcpProfileTool } from './lookup-hcp-profile.ts';
import type { ToolContext } from './tool-context.ts';
import { callerFor } from '../src/compliance/caller.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
let world: ReturnType<typeof createTemporaryDemoStore>;

beforeAll(() => {
  world = createTemporaryDemoStore('omni-lookup-tool-');
});
afterAll(() => world?.remove());

function contextFor(userId: string): ToolContext {
  const { store } = world;
  const user = store.users.getById(userId)!;
  const nba = createNbaDependencies(store, { deadEndDays: 14 });
  return { user, caller: callerFor(user), asOf: DEMO_AS_OF, store, nba, content: nba.content, decisionLog: nba.decisionLog, analytics: createAnalyticsContext(store) };
}

describe('lookup_hcp_profile', () => {
  it('shows medical affairs no promotional interaction, in the recent activity or in the events list', async () => {
    const { store } = world;
    // An HCP whose latest events include a promotional one (a congress booth visit or a webinar).
    const hcp = store.hcps.listInTerritories(undefined).find((candidate) =>
      store.interactions.recentForHcp(candidate.id, { limit: 50, before: DEMO_AS_OF }).some((interaction) => interaction.purpose !== 'medical' && (interaction.channel === 'congress_booth' || interaction.channel === 'webinar')),
    )!;
    const promotional = new Set(store.interactions.recentForHcp(hcp.id, { limit: 10_000, before: '9999' }).filter((interaction) => interaction.purpose !== 'medical').map((interaction) => interaction.id));
    const output = (await lookupHcpProfileTool.execute(lookupHcpProfileTool.input.parse({ hcp: hcp.id }), contextFor('u-medaffairs'))) as any;
    expect(output.status).toBe('found');
    const shown = JSON.stringify(output);
    for (const id of promotional) expect(shown).not.toContain(id);
    // A rep sees the same HCP's promotional events.
    const rep = store.users.list().find((user) => user.role === 'rep' && user.territories.includes(hcp.territory))!;
    const repOutput = (await lookupHcpProfileTool.execute(lookupHcpProfileTool.input.parse({ hcp: hcp.id }), contextFor(rep.id))) as any;
    expect(repOutput.events.some((event: any) => promotional.has(event.interactionId))).toBe(true);
  });
});
