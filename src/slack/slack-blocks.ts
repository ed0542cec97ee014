import type { types } from '@slack/bolt';
import type { AgentAnswer } from '../agent/agent.ts';
import { demoDataLine } from '../core/demo-clock.ts';
import { checkConsentTool } from '../../tools/check-consent.ts';
import { draftFollowupTool } from '../../tools/draft-followup.ts';
import { explainRecommendationTool } from '../../tools/explain-recommendation.ts';
import { getNextBestActionsTool } from '../../tools/get-next-best-actions.ts';
import { lookupHcpProfileTool } from '../../tools/lookup-hcp-profile.ts';
import { planTerritoryTool } from '../../tools/plan-territory.ts';
import { searchApprovedContentTool } from '../../tools/search-approved-content.ts';

/**
 * Block Kit for Omni's answers: pure functions from an agent answer (its text and its tool results)
 * to a Slack message. Every piece of data and user text goes through `escapeMrkdwn` and every mrkdwn
 * object is `verbatim`, so nothing from a note, a name or a question can ping `<!channel>`, mention a
 * user or inject a link: Slack shows it as typed. Button labels and placeholders are constants, except
 * a clarifying question's choices: plain text, where Slack parses no mentions or links, cut to 75.
 */

export type Block = types.KnownBlock;

/** A message ready for chat.postMessage: `text` is the notification and accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** action_id of each interactive element; the value carries the decision-log id (dec-…). */
export const ACTION_IDS = {
  accept: 'omni_accept',
  /** A static select of reasons: the option value is `<recommendationId>|<reason key>`. */
  dismiss: 'omni_dismiss',
  why: 'omni_why',
  draft: 'omni_draft',
  /** A clarifying question's choice: `omni_choice_<n>` (action ids are unique within a block); the value is the choice's question. */
  choice: 'omni_choice',
} as const;

/** Matches every choice button's action_id. */
export const CHOICE_ACTION_ID = /^omni_choice_\d{1,2}$/;

/** The reasons a recommendation or draft can be dismissed with, as the select offers them. */
export const DISMISS_REASONS = [
  { key: 'already_in_touch', label: 'Already in touch with this HCP' },
  { key: 'not_relevant', label: 'Not relevant for this HCP' },
  { key: 'wrong_timing', label: 'Wrong timing' },
  { key: 'other_channel', label: 'HCP prefers another channel' },
  { key: 'data_wrong', label: 'The data behind it is wrong' },
  { key: 'other', label: 'Other reason' },
] as const;
export type DismissReasonKey = (typeof DISMISS_REASONS)[number]['key'];

/** Slack's limits (docs.slack.dev, Block Kit reference). */
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_CONTEXT_TEXT = 2000;
const MAX_FALLBACK_TEXT = 3000;
const DECISION_ID = /^dec-[0-9A-Za-z]{1,60}$/;
const MAX_CHOICES = 5;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;

/** Escapes the three characters Slack's mrkdwn uses for control sequences (`<!channel>`, `<@U…>`, `<url|label>`). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped data, cut to `max` characters (an escape sequence is never cut in half). */
function esc(text: string, max = 500): string {
  return escapeMrkdwn(clip(text, max));
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Cuts already-escaped mrkdwn without splitting an entity such as &amp;. */
function clipMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut.trimEnd()}…`;
}

const words = (value: string) => value.replace(/_/g, ' ');
const day = (iso: string) => iso.slice(0, 10);
const code = (id: string) => `\`${esc(id, 80).replace(/`/g, "'")}\``;

function mrkdwn(text: string): { type: 'mrkdwn'; text: string; verbatim: true } {
  return { type: 'mrkdwn', text: clipMrkdwn(text, MAX_SECTION_TEXT), verbatim: true };
}

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text.length > 0 ? text : ' ') };
}

function context(...texts: string[]): Block {
  return {
    type: 'context',
    elements: texts
      .filter((text) => text.length > 0)
      .slice(0, 10)
      .map((text) => ({ type: 'mrkdwn' as const, text: clipMrkdwn(text, MAX_CONTEXT_TEXT), verbatim: true as const })),
  };
}

/** Each line of quoted material as a Slack quote; the text is escaped first, so it cannot end the quote or start markup. */
function quote(text: string, max = 600): string {
  return esc(text, max)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Long text as consecutive sections of at most 3000 characters, split at line ends where possible. */
function textSections(escaped: string): Block[] {
  const blocks: Block[] = [];
  let rest = escaped.trim();
  while (rest.length > 0) {
    if (rest.length <= MAX_SECTION_TEXT) {
      blocks.push(section(rest));
      break;
    }
    let cut = rest.lastIndexOf('\n', MAX_SECTION_TEXT - 1);
    if (cut < MAX_SECTION_TEXT / 2) cut = MAX_SECTION_TEXT - 1;
    const amp = rest.slice(0, cut).lastIndexOf('&');
    if (amp !== -1 && !rest.slice(amp, cut).includes(';')) cut = amp;
    blocks.push(section(rest.slice(0, cut)));
    rest = rest.slice(cut).trim();
  }
  return blocks;
}

function dismissSelect(decisionId: string): types.StaticSelect {
  return {
    type: 'static_select',
    action_id: ACTION_IDS.dismiss,
    placeholder: { type: 'plain_text', text: 'Dismiss…' },
    options: DISMISS_REASONS.map((reason) => ({ text: { type: 'plain_text' as const, text: reason.label }, value: `${decisionId}|${reason.key}` })),
  };
}

function button(actionId: string, label: string, decisionId: string, style?: 'primary' | 'danger'): types.Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, value: decisionId, ...(style ? { style } : {}) };
}

/** Accept, Dismiss (with a reason), Why?, Draft follow-up for a recommendation; Accept and Dismiss for a draft. */
export function feedbackActions(decisionId: string, kind: 'recommendation' | 'draft'): Block | null {
  if (!DECISION_ID.test(decisionId)) return null;
  const elements: types.ActionsBlockElement[] = [button(ACTION_IDS.accept, 'Accept', decisionId, 'primary'), dismissSelect(decisionId)];
  if (kind === 'recommendation') elements.push(button(ACTION_IDS.why, 'Why?', decisionId), button(ACTION_IDS.draft, 'Draft follow-up', decisionId));
  return { type: 'actions', block_id: `omni_${kind}:${decisionId}`, elements };
}

/**
 * A clarifying question's choices as buttons, one per choice (at most 5), whose value is the choice's
 * whole question: pressing one asks it in the thread. A choice too long to carry as a value is left
 * out (the answer's text lists it by number, and a reply with the number picks it).
 */
export function choiceActions(choices: readonly string[]): Block | null {
  const usable = [...new Set(choices.map((choice) => choice.trim()))].filter((choice) => choice.length > 0 && choice.length <= MAX_BUTTON_VALUE).slice(0, MAX_CHOICES);
  if (usable.length === 0) return null;
  return {
    type: 'actions',
    block_id: 'omni_choices',
    elements: usable.map((choice, index) => ({
      type: 'button' as const,
      action_id: `${ACTION_IDS.choice}_${index + 1}`,
      text: { type: 'plain_text' as const, text: clip(choice, MAX_BUTTON_TEXT), emoji: false },
      value: choice,
    })),
  };
}

type Output<T> = T extends { output: { safeParse(value: unknown): { success: true; data: infer O } | { success: false } } } ? O : never;
export type ProfileOutput = Output<typeof lookupHcpProfileTool>;
export type NextBestActionsOutput = Output<typeof getNextBestActionsTool>;
export type ConsentOutput = Output<typeof checkConsentTool>;
export type DraftOutput = Output<typeof draftFollowupTool>;
export type PlanOutput = Output<typeof planTerritoryTool>;
export type ExplanationOutput = Output<typeof explainRecommendationTool>;
export type ContentOutput = Output<typeof searchApprovedContentTool>;

/** The HCP's profile card: who, where, open items, consent, recent activity and quoted field notes. */
export function profileCard(profile: Extract<ProfileOutput, { status: 'found' }>): Block[] {
  const { hcp } = profile;
  const facts = [`Territory ${esc(hcp.territory, 40)}`, hcp.segment ? `Segment ${esc(hcp.segment, 20)}` : '', hcp.preferredChannel ? `prefers ${esc(words(hcp.preferredChannel), 40)}` : '']
    .filter(Boolean)
    .join(' · ');
  const blocks: Block[] = [
    section(`:bust_in_silhouette: *${esc(hcp.name, 150)}* ${code(hcp.id)}\n${esc(hcp.specialty, 120)} at ${esc(hcp.institution, 200)}, ${esc(hcp.city, 120)}\n${facts}`),
  ];
  if (profile.signals.length > 0) {
    blocks.push(section(`*Open items*\n${profile.signals.slice(0, 5).map((signal) => `• ${esc(signal.sentence, 400)}`).join('\n')}`));
  }
  if (profile.consents.length > 0) {
    const consentLine = (consent: (typeof profile.consents)[number]) =>
      `${consent.status === 'granted' ? ':white_check_mark:' : ':no_entry:'} ${esc(words(consent.channel), 40)} (${esc(consent.purpose, 40)}${consent.productId ? `, ${esc(consent.productId, 60)}` : ''}) ${esc(consent.status, 20)} ${day(consent.since)}${consent.expiresAt ? `, expires ${day(consent.expiresAt)}` : ''}`;
    blocks.push(section(`*Consent*\n${profile.consents.slice(0, 10).map(consentLine).join('\n')}`));
  }
  if (profile.recentInteractions.length > 0) {
    const lines = profile.recentInteractions
      .slice(0, 5)
      .map((interaction) => `• ${day(interaction.occurredAt)} ${esc(words(interaction.channel), 40)} ${esc(interaction.outcome, 40)}: ${esc(interaction.topic, 160)}`);
    blocks.push(section(`*Recent activity*\n${lines.join('\n')}`));
  }
  if (profile.recentNotes.length > 0) {
    // A note describing a possible adverse event carries the duty to report it (report_adverse_event).
    const flag = (note: (typeof profile.recentNotes)[number]) => (note.possibleAdverseEvent ? `\n:warning: possible adverse event (${esc(note.possibleAdverseEvent.phrase.quoted, 80)}): report it to Drug Safety within one business day unless already reported` : '');
    const notes = profile.recentNotes.slice(0, 3).map((note) => `${day(note.writtenAt)} ${esc(note.kind, 10)} note ${code(note.id)}\n${quote(note.text.quoted, 700)}${flag(note)}`);
    blocks.push(section(`*Field notes* _(quoted as written: data, not instructions)_\n${notes.join('\n')}`));
  }
  blocks.push(context(`Profile as of ${day(profile.asOf)}`));
  return blocks;
}

/** The recommended next action with its top signals (weight × value) and gates, the alternatives, and the feedback buttons. */
export function nextBestActionsCard(nba: Extract<NextBestActionsOutput, { status: 'recommended' }>): Block[] {
  const action = nba.recommended;
  const signals = action.reasons
    .filter((reason) => reason.contribution !== 0)
    .map((reason) => `• ${reason.contribution > 0 ? '+' : ''}${round(reason.contribution)} ${esc(words(reason.signal), 60)} (${round(reason.weight)} × ${round(reason.value)}): ${esc(reason.sentence, 300)}`);
  const gates = action.gates.map((gate) => `${gate.passed ? ':white_check_mark:' : ':x:'} ${esc(words(gate.gate), 40)}: ${esc(gate.reason, 300)}`);
  const blocks: Block[] = [
    section(
      `:dart: *Next best action for ${esc(nba.hcp.name, 150)}* ${code(nba.hcp.id)}\n*${esc(action.label, 120)}*${action.channel ? ` via ${esc(words(action.channel), 40)}` : ''}${action.topic ? ` on ${esc(action.topic, 160)}` : ''} · score ${round(action.score)}`,
    ),
  ];
  if (signals.length > 0) blocks.push(section(`*Top signals*\n${signals.join('\n')}`));
  if (gates.length > 0) blocks.push(section(`*Checks*\n${gates.join('\n')}`));
  if (action.modules.length > 0) blocks.push(context(`Approved content: ${action.modules.map((module) => `${esc(module.title, 80)} ${code(`${module.id}@${module.version}`)}`).join(', ')}`));
  const alsoAllowed = nba.otherAllowed.map((other) => `${esc(other.label, 80)} (${round(other.score)})`).join(', ');
  const blocked = nba.blocked.map((other) => `${esc(words(other.kind), 60)}: ${esc(other.failedGates[0]?.reason ?? 'blocked', 160)}`).join('; ');
  if (alsoAllowed || blocked) blocks.push(context(alsoAllowed ? `Also allowed: ${alsoAllowed}` : '', blocked ? `Not allowed now: ${blocked}` : ''));
  const actions = feedbackActions(nba.recommendationId, 'recommendation');
  if (actions) blocks.push(actions);
  blocks.push(context(`Recommendation ${code(nba.recommendationId)} · weights ${esc(nba.weightsVersion, 40)} · as of ${day(nba.asOf)}`));
  return blocks;
}

/** "Can I email her?": yes or no, the deciding record, and the compliant alternatives. */
export function consentCard(consent: Extract<ConsentOutput, { status: 'answered' }>): Block[] {
  const what = `${esc(words(consent.channel), 40)} (${esc(consent.purpose, 40)}${consent.productId ? `, ${esc(consent.productId, 60)}` : ''})`;
  const record = consent.record
    ? `Record ${code(consent.record.id)}: ${esc(consent.record.status, 20)} since ${day(consent.record.since)} via ${esc(consent.record.source, 120)}${consent.record.expiresAt ? `, expires ${day(consent.record.expiresAt)}` : ''}`
    : 'No consent record on file for this channel and purpose.';
  const blocks: Block[] = [
    section(`${consent.allowed ? ':white_check_mark: *Allowed*' : ':no_entry: *Not allowed*'}: ${what} for ${code(consent.hcpId)}\n${esc(consent.reason, 400)}`),
    context(record),
  ];
  if (!consent.allowed) {
    const alternatives = consent.alternatives.map((alternative) => `• ${esc(words(alternative.channel), 40)}: ${esc(alternative.reason, 200)}`);
    blocks.push(section(`*Compliant alternatives*\n${alternatives.length > 0 ? `${alternatives.join('\n')}\n` : ''}• ${esc(consent.medicalInformationRoute, 300)}`));
  }
  return blocks;
}

/** A draft preview: the text as assembled, then each sentence with the module and version it comes from. */
export function draftCard(draft: DraftOutput): Block[] {
  if (draft.status === 'refused') {
    const failed = draft.gates.filter((gate) => !gate.passed).map((gate) => `:x: ${esc(words(gate.gate), 40)}: ${esc(gate.reason, 300)}`);
    const alternatives = draft.alternatives.map((alternative) => `• ${esc(alternative, 300)}`);
    return [
      section(`:no_entry: *No draft*: ${esc(draft.message, 600)}`),
      ...(failed.length > 0 ? [section(failed.join('\n'))] : []),
      ...(alternatives.length > 0 ? [section(`*Instead*\n${alternatives.join('\n')}`)] : []),
    ];
  }
  const sources = draft.sentences.map(
    (sentence, index) => `${index + 1}. _${esc(sentence.text, 160)}_ ← ${code(`${sentence.moduleId}@${sentence.version}`)}${sentence.slots.length > 0 ? ` (slots: ${esc(sentence.slots.join(', '), 80)})` : ''}`,
  );
  const blocks: Block[] = [
    section(`:memo: *Draft ${esc(words(draft.channel), 40)}* to ${code(draft.hcpId)}, assembled only from approved modules (${esc(draft.purpose, 20)})`),
    section(quote(draft.text, 2400)),
    section(`*Sources by sentence*\n${sources.join('\n')}`),
    context(`Checks: ${draft.gates.map((gate) => `${gate.passed ? ':white_check_mark:' : ':x:'} ${esc(gate.reason, 200)}`).join(' · ')}`),
  ];
  const actions = feedbackActions(draft.draftId, 'draft');
  if (actions) blocks.push(actions);
  blocks.push(context(`Draft ${code(draft.draftId)} · nothing is sent from here`));
  return blocks;
}

/** "Who should I see this week?": the ranked list with each HCP's best allowed action and top reason. */
export function planCard(plan: PlanOutput): Block[] {
  const blocks: Block[] = [section(`:calendar: *Who to see first* (${plan.hcpsConsidered} HCPs considered, as of ${day(plan.asOf)})`)];
  for (const entry of plan.entries.slice(0, 15)) {
    const flags = entry.flags.length > 0 ? ` [${esc(entry.flags.map(words).join(', '), 120)}]` : '';
    blocks.push(
      section(
        `*${entry.rank}. ${esc(entry.hcp.name, 120)}* ${code(entry.hcp.id)} · ${esc(entry.hcp.specialty, 80)}\n${esc(entry.action.label, 80)} (score ${round(entry.action.score)}): ${esc(entry.topReason, 400)}${flags}`,
      ),
    );
  }
  if (plan.entries.length === 0) blocks.push(section('Nothing to plan: no HCPs in your territories have an allowed action.'));
  blocks.push(context(`Plan ${code(plan.planId)}`));
  return blocks;
}

/** Why a logged recommendation was made (and, when asked, why not another action), from the log as shown then. */
export function explanationCard(explanation: Extract<ExplanationOutput, { status: 'explained' }>): Block[] {
  const { recommended, asked } = explanation;
  const reasons = recommended.reasons.map((reason) => `• ${reason.contribution > 0 ? '+' : ''}${round(reason.contribution)} ${esc(words(reason.signal), 60)}: ${esc(reason.sentence, 300)}`);
  const blocks: Block[] = [
    section(
      `:mag: *Why ${esc(words(recommended.kind), 60)}*${recommended.channel ? ` via ${esc(words(recommended.channel), 40)}` : ''} for ${code(explanation.hcpId)} · score ${round(recommended.score)}\n${reasons.join('\n') || 'No signal contributed.'}`,
    ),
  ];
  if (asked) {
    const alternatives = asked.alternatives.map((alternative) => `• ${esc(alternative, 200)}`).join('\n');
    blocks.push(section(`${asked.allowed ? ':white_check_mark:' : ':no_entry:'} *${esc(words(asked.kind), 60)}*: ${esc(asked.answer, 1200)}${alternatives ? `\n*Allowed instead*\n${alternatives}` : ''}`));
  }
  blocks.push(context(`From recommendation ${code(explanation.recommendationId)} recorded ${esc(explanation.recordedAt.slice(0, 16).replace('T', ' '), 20)} · weights ${esc(explanation.weightsVersion, 40)}`));
  return blocks;
}

/** Approved content found: titles, ids and versions, and the matching passage (quoted). */
export function contentCard(content: Extract<ContentOutput, { status: 'found' }>): Block[] {
  const lines = content.results
    .slice(0, 5)
    .map((result) => `• *${esc(result.title, 160)}* ${code(`${result.id}@${result.version}`)} ${esc(result.mlrCode, 40)}\n${quote(result.passage.quoted, 300)}`);
  return [section(`:books: *Approved content*\n${lines.join('\n')}`), context(`Suggestion ${code(content.suggestionId)}`)];
}

/** Plain text (the agent's answer, a refusal, a confirmation) as escaped sections. */
export function plainBlocks(text: string): Block[] {
  return textSections(escapeMrkdwn(text));
}

/** A short message with no data but what the caller passes (escaped). */
export function noticeMessage(text: string): SlackMessage {
  return { text: fallback(text), blocks: plainBlocks(text) };
}

function fallback(text: string): string {
  return escapeMrkdwn(clip(text.trim() || 'Omni', MAX_FALLBACK_TEXT));
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** The cards for an answer's tool results, in the order the tools ran, one per result. */
export function toolCards(answer: Pick<AgentAnswer, 'toolCalls'>): Block[][] {
  const ok = answer.toolCalls.filter((call) => call.status === 'ok');
  const parsed = <T>(name: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T[] =>
    ok
      .filter((call) => call.name === name)
      .map((call) => schema.safeParse(call.output))
      .flatMap((result) => (result.success ? [result.data] : []));
  const drafts = parsed('draft_followup', draftFollowupTool.output);
  const consents = parsed('check_consent', checkConsentTool.output).filter((output) => output.status === 'answered');
  const explanations = parsed('explain_recommendation', explainRecommendationTool.output).filter((output) => output.status === 'explained');
  const focused = drafts.length > 0 || consents.length > 0 || explanations.length > 0;

  const cards: Block[][] = [];
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const call of ok) {
    switch (call.name) {
      case 'lookup_hcp_profile': {
        // A profile looked up on the way to a draft, a consent answer or an explanation is not what was asked.
        const result = lookupHcpProfileTool.output.safeParse(call.output);
        if (!focused && result.success && result.data.status === 'found' && once(`profile:${result.data.hcp.id}`)) cards.push(profileCard(result.data));
        break;
      }
      case 'get_next_best_actions': {
        const result = getNextBestActionsTool.output.safeParse(call.output);
        if (result.success && result.data.status === 'recommended' && once(`nba:${result.data.hcp.id}`)) cards.push(nextBestActionsCard(result.data));
        break;
      }
      case 'check_consent': {
        const result = checkConsentTool.output.safeParse(call.output);
        if (result.success && result.data.status === 'answered') cards.push(consentCard(result.data));
        break;
      }
      case 'draft_followup': {
        const result = draftFollowupTool.output.safeParse(call.output);
        if (result.success) cards.push(draftCard(result.data));
        break;
      }
      case 'plan_territory': {
        const result = planTerritoryTool.output.safeParse(call.output);
        if (result.success && once(`plan:${result.data.planId}`)) cards.push(planCard(result.data));
        break;
      }
      case 'explain_recommendation': {
        const result = explainRecommendationTool.output.safeParse(call.output);
        if (result.success && result.data.status === 'explained') cards.push(explanationCard(result.data));
        break;
      }
      case 'search_approved_content': {
        const result = searchApprovedContentTool.output.safeParse(call.output);
        if (drafts.length === 0 && result.success && result.data.status === 'found' && result.data.results.length > 0 && once('content')) cards.push(contentCard(result.data));
        break;
      }
      default:
        break;
    }
  }
  return cards;
}

/**
 * An agent answer as a Slack message: the answer text, a clarifying question's choices as buttons,
 * then a card per tool result (profile, next best action with buttons, consent, draft with its
 * sources, plan, explanation, content), then who answered (model and prompt). A profile fetched on
 * the way to a draft, a consent answer or an explanation is left out; so is a content search that led
 * to a draft. At most 50 blocks.
 */
export function answerMessage(answer: Pick<AgentAnswer, 'answer' | 'toolCalls' | 'model' | 'prompt' | 'choices'>, options: { demoDay?: string | null } = {}): SlackMessage {
  const blocks: Block[] = [...plainBlocks(answer.answer)];
  const choices = choiceActions(answer.choices);
  if (choices) blocks.push(choices);
  for (const card of toolCards(answer)) blocks.push({ type: 'divider' }, ...card);
  // A demo database answered past its data's end says so once, in the footer's context line.
  const footer = context(
    options.demoDay ? esc(demoDataLine(options.demoDay), 60) : '',
    `${esc(answer.model, 80)} · prompt ${esc(answer.prompt.name, 40)} ${esc(answer.prompt.sha256.slice(0, 12), 12)}`,
  );
  return { text: fallback(answer.answer), blocks: capBlocks(blocks, footer) };
}

/** Keeps a message within Slack's 50 blocks, saying so when cards were left out. */
function capBlocks(blocks: Block[], footer: Block): Block[] {
  if (blocks.length + 1 <= MAX_BLOCKS) return [...blocks, footer];
  const kept = blocks.slice(0, MAX_BLOCKS - 2);
  while (kept.at(-1)?.type === 'divider') kept.pop();
  return [...kept, context('More results than fit in one Slack message; ask a narrower question.'), footer];
}

/** An explanation produced outside the agent (the Why? button) as a message. */
export function explanationMessage(explanation: Extract<ExplanationOutput, { status: 'explained' }>): SlackMessage {
  const text = `Why ${words(explanation.recommended.kind)} was recommended (${explanation.recommendationId})`;
  return { text: fallback(text), blocks: explanationCard(explanation) };
}
