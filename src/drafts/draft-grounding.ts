import type { OmniStore } from '../domain/repositories.ts';
import { ContentProvenance, DEFAULT_CONTENT_RULES, type ContentRules } from '../compliance/content-provenance.ts';
import { describeEvent, splitSentences } from './follow-up-draft.ts';

/** A draft as draft_followup returns it. */
export interface DraftLike {
  hcpId: string;
  text: string;
  sentences: { text: string; moduleId: string; version: number }[];
  slots: Record<string, string>;
}

/**
 * Checks a draft from the outside, against the store: each sentence is the text of the approved module
 * version it is traced to, with only whitelisted slots filled, and the slot values come from the data
 * (the HCP's name, a user's name, an event this HCP attended); nothing else is in the text; and every
 * module version has its provenance under `rules` (approver, MLR code, date, clean text). Returns the
 * problems, [] when the draft is grounded. Tests (expectDraftGrounded) and the evals' scorer use it.
 */
export function draftProblems(store: OmniStore, draft: DraftLike, rules: ContentRules = DEFAULT_CONTENT_RULES): string[] {
  const problems: string[] = [];
  const provenance = new ContentProvenance(rules, (id) => store.users.exists(id));
  const unproven = new Set<string>();
  const hcp = store.hcps.getById(draft.hcpId);
  if (!hcp) return [`draft for unknown HCP ${draft.hcpId}`];
  const allowed: Record<string, string[]> = {
    hcp_name: [`Dr. ${hcp.lastName}`],
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
    if (!allowed[name]) problems.push(`slot ${name} is not whitelisted`);
    else if (!allowed[name]!.includes(value)) problems.push(`slot ${name} = "${value}" is not taken from the data`);
  }
  let rest = draft.text;
  for (const sentence of draft.sentences) {
    const module = store.contentModules.get(sentence.moduleId, sentence.version);
    if (!module) {
      problems.push(`${sentence.moduleId}@${sentence.version} does not exist`);
      continue;
    }
    if (module.status !== 'approved') problems.push(`${sentence.moduleId}@${sentence.version} is not approved`);
    const key = `${sentence.moduleId}@${sentence.version}`;
    if (!unproven.has(key) && !provenance.usable(module)) {
      unproven.add(key);
      problems.push(`${key} fails content provenance: ${provenance.problems(module).map((problem) => `${problem.field} ${problem.reason}`).join('; ')}`);
    }
    const filled = splitSentences(module.body).map((text) => text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, (_, name: string) => draft.slots[name] ?? `{{${name}}}`));
    if (!filled.includes(sentence.text)) problems.push(`"${sentence.text}" is not a sentence of ${sentence.moduleId}@${sentence.version}`);
    const at = rest.indexOf(sentence.text);
    if (at < 0) {
      problems.push(`"${sentence.text}" is not in the draft text in order`);
      continue;
    }
    if (rest.slice(0, at).trim() !== '') problems.push(`the draft holds text traced to no module: "${rest.slice(0, at).trim().slice(0, 120)}"`);
    rest = rest.slice(at + sentence.text.length);
  }
  if (rest.trim() !== '') problems.push(`the draft ends with text traced to no module: "${rest.trim().slice(0, 120)}"`);
  return problems;
}
