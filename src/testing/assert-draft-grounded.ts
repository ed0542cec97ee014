import { expect } from 'vitest';
import { describeEvent, splitSentences, type FollowUpDraft } from '../compliance/follow-up-draft.ts';
import type { OmniStore } from '../domain/repositories.ts';

/**
 * The one check every test that produces a draft runs: each sentence is the text of the approved
 * module version it is traced to, with only whitelisted slots filled, and the slot values come from
 * the data (the HCP's name, a user's name, an event this HCP attended). Nothing else is in the text.
 */
export function expectDraftGrounded(store: OmniStore, draft: Pick<FollowUpDraft, 'hcpId' | 'text' | 'sentences' | 'slots'>): void {
  const hcp = store.hcps.getById(draft.hcpId);
  expect(hcp, `draft for unknown HCP ${draft.hcpId}`).toBeDefined();
  const allowed: Record<string, string[]> = {
    hcp_name: [`Dr. ${hcp!.lastName}`],
    rep_name: store.users.list().map((user) => user.name),
    event_title: [],
    event_date: [],
  };
  for (const interaction of store.interactions.recentForHcp(draft.hcpId, { limit: 10_000 })) {
    if (interaction.channel !== 'webinar' && interaction.channel !== 'congress_booth') continue;
    const event = describeEvent(store, interaction);
    allowed.event_title!.push(event.title);
    allowed.event_date!.push(event.date);
  }
  for (const [name, value] of Object.entries(draft.slots)) {
    expect(allowed[name], `slot ${name} is not whitelisted`).toBeDefined();
    expect(allowed[name], `slot ${name} = "${value}" is not taken from the data`).toContain(value);
  }

  let rest = draft.text;
  for (const sentence of draft.sentences) {
    const module = store.contentModules.get(sentence.moduleId, sentence.version);
    expect(module, `${sentence.moduleId}@${sentence.version} does not exist`).toBeDefined();
    expect(module!.status, `${sentence.moduleId}@${sentence.version} is not approved`).toBe('approved');
    const filled = splitSentences(module!.body).map((text) => text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) => draft.slots[name as keyof typeof draft.slots] ?? `{{${name}}}`));
    expect(filled, `"${sentence.text}" is not a sentence of ${sentence.moduleId}@${sentence.version}`).toContain(sentence.text);
    const at = rest.indexOf(sentence.text);
    expect(at, `"${sentence.text}" is not in the draft text in order`).toBeGreaterThanOrEqual(0);
    expect(rest.slice(0, at).trim(), 'the draft holds text that is traced to no module').toBe('');
    rest = rest.slice(at + sentence.text.length);
  }
  expect(rest.trim(), 'the draft ends with text that is traced to no module').toBe('');
}
