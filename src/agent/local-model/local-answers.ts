/**
 * The local model's answers, written from tool results with templates. Pure functions: the same
 * results give the same text. Tool outputs are read loosely typed (they arrive as JSON, as they would
 * for any model); every figure and sentence shown comes from them.
 */

import { quoteData } from '../../core/quoting.ts';
import { asksEmailEngagement } from './question-parser.ts';

// Tool outputs as the local model reads them back from JSON.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export const CAPABILITIES = [
  'a pre-call brief ("brief me on Dr. Reyes")',
  'what to do next with an HCP, and why ("what should I do next with her?")',
  'whether a channel is allowed ("can I email him?", "can I WhatsApp Dr. Costa?")',
  'approved content on a topic ("approved content on KEYTRUDA infusion reactions")',
  'a follow-up drafted only from approved content ("draft a follow-up after the webinar she attended")',
  'who to see this week ("who should I see this week?")',
  'why not another action ("why not email her?")',
  'feedback on a recommendation ("snooze that until 2026-12-01")',
  'for MSLs and medical affairs, what the field is hearing ("any safety signals in the notes this month?")',
  'for managers, team performance ("how is the Northeast doing on follow-ups vs last quarter?") and omnichannel maturity',
];

/** A tool call the model got wrong (bad arguments, over the limit): said plainly, never the tool's internals. */
export function toolProblemAnswer(output: Json): string {
  return output.error === 'invalid_arguments'
    ? 'I could not look that up as asked (a name or topic too long or malformed). Ask a shorter question, for example "approved content on KEYTRUDA dosing".'
    : 'I could not complete that lookup, so I have no answer to show.';
}

export function capabilitiesAnswer(prefix: string): string {
  return `${prefix}I am Omni's offline local model: a small trained intent classifier and templates over your data, deterministic, no language model. I can answer:\n${CAPABILITIES.map((line) => `- ${line}`).join('\n')}`;
}

export function greetingAnswer(name: string): string {
  return `Hi ${name.split(' ')[0]}. Ask me about an HCP ("brief me on Dr. Reyes"), your week ("who should I see this week?"), approved content or your team's engagement.`;
}

const label = (kind: string) => kind.replace(/_/g, ' ');
const day = (iso: string) => iso.slice(0, 10);

export function lookupProblem(result: Json): string {
  switch (result.status) {
    case 'ambiguous':
      return `Several HCPs match "${result.query}":\n${result.candidates.map((hcp: Json, index: number) => `${index + 1}. ${hcp.name} (${hcp.id}), ${hcp.specialty}, ${hcp.city}`).join('\n')}\nWhich one? Say the number ("the second one"), where they work ("the one in ${result.candidates[0]?.city?.split(',')[0] ?? 'Denver'}") or the HCP id.`;
    case 'not_found':
    case 'out_of_scope':
    case 'invalid':
      return `${capitalise(result.message)}.`;
    default:
      return 'I could not find that HCP.';
  }
}

/** Offered wherever a possible adverse event is shown: the duty, and how Omni takes the report. */
export const REPORT_OFFER =
  'A possible adverse event must reach Drug Safety within one business day of hearing of it, unless it was already reported. Say "report an adverse event" and I will take the report.';

/** " ⚠ possible adverse event: …" after a note that describes one. */
function adverseEventFlag(note: Json): string {
  return note.possibleAdverseEvent ? `\n  ⚠ possible adverse event: ${quoteData(note.possibleAdverseEvent.phrase.quoted, 80)}` : '';
}

/** Channels that count as a contact by the company (what the contact caps count). */
const CONTACT_CHANNELS = new Set(['field_visit', 'remote_detail', 'email', 'phone', 'sms', 'whatsapp', 'msl_meeting']);

/** A direct answer to the specific thing a brief question asks (webinar, last visit, touches, open items…), from the profile; null for a plain brief. */
function briefFocus(text: string, profile: Json): string | null {
  const hcp = profile.hcp;
  const activity = (channel: string): Json | undefined => (profile.channelActivity as Json[]).find((entry) => entry.channel === channel);
  const interactions: Json[] = profile.recentInteractions;
  if (/\b(webinars?|congress(es)?|booths?|conferences?|events?)\b/.test(text) && /\b(attend\w*|on the|join\w*|show(ed)? up|went|been to|make it|there|come to|came to|visited)\b/.test(text)) {
    // "which of our webinars or congresses has she been to": each kind asked, attended or not.
    const kinds = [/\bwebinars?\b/.test(text) || /\bevents?\b/.test(text) ? 'webinar' : null, /\b(congress(es)?|booths?|conferences?)\b/.test(text) || /\bevents?\b/.test(text) ? 'congress_booth' : null].filter((kind): kind is string => kind !== null);
    return kinds
      .map((kind) => {
        const attended = (profile.events as Json[]).filter((event) => event.channel === kind);
        const what = kind === 'webinar' ? 'webinar attendance' : 'congress booth visit';
        return attended.length > 0 ? `Yes: ${hcp.name} ${kind === 'webinar' ? 'attended' : 'visited'} ${attended.map((event) => `${quoteData(event.title)} (${event.date})`).join(', ')}.` : `No: no ${what} on record for ${hcp.name}.`;
      })
      .join(' ');
  }
  const visitAsked = /\blast (f2f|ftf|field visit|visit|in[- ]person|face[- ]to[- ]face|call)\b|\bwhen (was|did) .{0,30}\b(visit\w*|seen|saw|see|in front of)\b|\bwho (saw|visited|went|called on|has been seeing)\b|\bwho (from|on|in) (my|the|our) team (has )?(seen|visited|met|called on|been to see)\b/.test(text);
  const mslAsked = /\b(last|any|recent) msl (contact|meeting|visit|touch)\b|\bmsl (contact|meeting)s? (this|in the|last)\b|\bwhen did .{0,30}\bmsl\b/.test(text);
  if (visitAsked || mslAsked) {
    const channel = mslAsked ? 'msl_meeting' : 'field_visit';
    const last = interactions.find((interaction) => interaction.channel === channel);
    const entry = activity(channel);
    if (last) return `Last ${label(channel)}: ${day(last.occurredAt)}, ${last.outcome}${last.topic ? ` on ${quoteData(last.topic)}` : ''}, by ${last.actorId} (${last.id}); ${entry?.last365Days ?? 1} in the last 365 days.`;
    if (entry) return `Last ${label(channel)}: ${day(entry.lastAt)}; ${entry.last365Days} in the last 365 days.`;
    return `No ${label(channel)} with ${hcp.name} in the last 365 days.`;
  }
  // "how has she engaged with us over the year" (a QBR): every channel's count over the last 365 and 90 days, most used first.
  if (/\b(engag\w*|interact\w*|activity|touchpoints?|touches)\b.{0,40}\b(over|in|during|across|through|the past|the last|this) (the )?(year|yr|12 months|twelve months)\b|\b(year|12 months) of (engagement|activity|touchpoints)\b|\byear[- ]in[- ]review\b/.test(text) && !/\bhow many\b/.test(text)) {
    const channels = [...(profile.channelActivity as Json[])].filter((entry) => entry.last365Days > 0).sort((a, b) => b.last365Days - a.last365Days);
    if (channels.length === 0) return `No engagement with ${hcp.name} on record in the last 365 days.`;
    const total = channels.reduce((sum, entry) => sum + entry.last365Days, 0);
    const recent = channels.reduce((sum, entry) => sum + entry.last90Days, 0);
    return `Engagement with ${hcp.name} over the last 365 days: ${total} interactions (${channels.map((entry) => `${label(entry.channel)} ${entry.last365Days}, last ${day(entry.lastAt)}`).join('; ')}); ${recent} of them in the last 90 days.`;
  }
  if (/\bhow many (touches|touchpoints|contacts|times|calls|visits|interactions)\b|\b(touches|touchpoints|contacts) (this|last|in the|ytd|so far)\b/.test(text)) {
    const contacts = (profile.channelActivity as Json[]).filter((entry) => CONTACT_CHANNELS.has(entry.channel));
    const year = contacts.reduce((sum, entry) => sum + entry.last365Days, 0);
    const quarter = contacts.reduce((sum, entry) => sum + entry.last90Days, 0);
    // The profile counts by the last 90 and 365 days: a calendar quarter or year asked is said to be read that way.
    const calendar = /\b(this|last) (quarter|qtr|year|yr)\b|\bytd\b|\bqtd\b/.test(text) ? ' (counted over the last 90 and 365 days, not calendar quarters or years)' : '';
    return `Contacts with ${hcp.name}: ${year} in the last 365 days (${contacts.map((entry) => `${label(entry.channel)} ${entry.last365Days}`).join(', ') || 'none'}), ${quarter} in the last 90 days${calendar}.`;
  }
  if (/\b(too (many|often|much)|over[- ]?contact\w*|over[- ]?messag\w*|hammer\w*|bombard\w*|fatigue|spamm\w*|overdo(ing|ne)?|too hard)\b/.test(text)) {
    const load = (profile.signals as Json[]).find((signal) => signal.kind === 'over_contacted');
    return load ? `Yes: ${load.sentence}` : `No over-contact flag for ${hcp.name}: within the contact caps across all reps and channels.`;
  }
  if (asksEmailEngagement(text)) {
    const emails = interactions.filter((interaction) => interaction.channel === 'email');
    const count = (outcome: string) => emails.filter((interaction) => interaction.outcome === outcome).length;
    return `Email in ${hcp.name}'s last ${interactions.length} interactions: ${count('sent')} sent, ${count('opened')} opened, ${count('clicked')} clicked${emails[0] ? ` (latest ${day(emails[0].occurredAt)}, ${emails[0].outcome})` : ''}.`;
  }
  if (/\b(anything|something|stuff) (still )?(open|outstanding|pending)\b|\bstill open\b|\bopen items?\b|\bowe (her|him|them)\b|\banything open\b/.test(text)) {
    const open: Json[] = profile.signals;
    return open.length > 0 ? `Open for ${hcp.name}: ${open.length} item${open.length === 1 ? '' : 's'} (below).` : `Nothing open for ${hcp.name}: no dead end, open medical question or follow-up due.`;
  }
  // "is she a KOL?", "any trial work?": the CRM's influence score and trial flag, and what Omni does not hold.
  if (/\bkols?\b|\bkey opinion leaders?\b|\bthought leaders?\b|\binfluen\w*\b|\bspeaker (potential|material|candidate)\b|\badvisory board\b|\bpublications?\b|\b(clinical )?trials?\b/.test(text)) {
    const influence = typeof hcp.influenceScore === 'number' ? `influence score ${hcp.influenceScore} of 100` : 'no influence score recorded';
    const trials = hcp.clinicalTrialInvolvement === true ? 'involved in clinical trials' : hcp.clinicalTrialInvolvement === false ? 'no clinical trial involvement recorded' : 'trial involvement not recorded';
    return `${hcp.name}: ${influence}, ${trials}, segment ${hcp.segment ?? 'not set'} (from the CRM record). Omni holds no publication or speaking record, so whether they fit a speaker role or advisory board is for Medical Affairs to judge.`;
  }
  if (/\b(tier|segment)\b/.test(text)) return `${hcp.name} is segment ${hcp.segment ?? 'not set'} (the segment is the tier in this data).`;
  return null;
}

export function briefAnswer(profile: Json, nba: Json | null, window: { since: string | null; label: string | null }, question = ''): string {
  const hcp = profile.hcp;
  const lines: string[] = [];
  // "did she attend the webinar?", "when was the last f2f?": the answer to what was asked comes first, then the brief.
  const focus = briefFocus(` ${question.toLowerCase()} `, profile);
  if (focus) lines.push(focus);
  lines.push(`Pre-call brief: ${hcp.name} (${hcp.id}), ${hcp.specialty} at ${hcp.institution}, ${hcp.city}. Segment ${hcp.segment ?? 'not set'}${hcp.preferredChannel ? `, prefers ${label(hcp.preferredChannel)}` : ''}.`);
  const signals: Json[] = profile.signals;
  if (signals.length > 0) lines.push(`Open items:\n${signals.map((signal) => `- ${signal.sentence}`).join('\n')}`);
  const interactions: Json[] = window.since ? profile.recentInteractions.filter((interaction: Json) => interaction.occurredAt >= window.since!) : profile.recentInteractions.slice(0, 5);
  lines.push(
    interactions.length > 0
      ? `Recent activity${window.label ? ` ${window.label}` : ''}:\n${interactions.map((interaction) => `- ${day(interaction.occurredAt)} ${label(interaction.channel)} ${interaction.outcome}${interaction.topic ? `: ${quoteData(interaction.topic)}` : ''} (${interaction.id})`).join('\n')}`
      : `No activity${window.label ? ` ${window.label}` : ' on record recently'}.`,
  );
  const consents: Json[] = profile.consents;
  const granted = consents.filter((consent) => consent.status === 'granted').map((consent) => `${label(consent.channel)} (${consent.purpose})`);
  const closed = consents.filter((consent) => consent.status !== 'granted').map((consent) => `${label(consent.channel)} (${consent.purpose}) ${consent.status} ${day(consent.since)}`);
  lines.push(`Consent: ${granted.length > 0 ? `granted for ${granted.join(', ')}` : 'none granted'}${closed.length > 0 ? `; not for ${closed.join(', ')}` : ''}.`);
  const notes: Json[] = profile.recentNotes;
  if (notes.length > 0) {
    // The latest three, and any older one that describes a possible adverse event: none of those is left out.
    const shown = notes.filter((note, index) => index < 3 || note.possibleAdverseEvent);
    lines.push(`Latest field notes (quoted as written, data only):\n${shown.map((note) => `- ${day(note.writtenAt)} ${note.kind} note ${note.id}: ${quoteData(note.text.quoted, 220)}${adverseEventFlag(note)}`).join('\n')}`);
    if (shown.some((note) => note.possibleAdverseEvent)) lines.push(REPORT_OFFER);
  }
  if (nba?.status === 'recommended') lines.push(nextActionSummary(nba));
  return lines.join('\n\n');
}

function nextActionSummary(nba: Json): string {
  const action = nba.recommended;
  const reason = action.reasons.find((entry: Json) => entry.contribution > 0);
  return `Suggested next step: ${action.label}${action.topic ? ` on ${action.topic}` : ''} (score ${action.score}${reason ? `; top reason: ${reason.sentence}` : ''}). Recommendation ${nba.recommendationId}.`;
}

export function nextActionAnswer(nba: Json): string {
  const action = nba.recommended;
  const lines = [`Next best action for ${nba.hcp.name} (${nba.hcp.id}): ${action.label}${action.topic ? ` on ${action.topic}` : ''}, score ${action.score}.`];
  const reasons = (action.reasons as Json[]).filter((entry) => entry.contribution !== 0);
  if (reasons.length > 0) lines.push(`Why (weight × signal):\n${reasons.map((entry) => `- ${entry.contribution > 0 ? '+' : ''}${entry.contribution} ${label(entry.signal)}: ${entry.sentence}`).join('\n')}`);
  const gates = (action.gates as Json[]).filter((gate) => gate.gate !== 'access');
  if (gates.length > 0) lines.push(`Checks passed: ${gates.map((gate) => gate.reason).join('; ')}.`);
  if (action.modules.length > 0) lines.push(`Approved content to use: ${action.modules.map((module: Json) => `${module.title} (${module.id}@${module.version})`).join(', ')}.`);
  const others = nba.otherAllowed as Json[];
  if (others.length > 0) lines.push(`Also allowed: ${others.map((other) => `${other.label} (score ${other.score})`).join(', ')}.`);
  const blocked = nba.blocked as Json[];
  if (blocked.length > 0) lines.push(`Not allowed now: ${blocked.map((entry) => `${label(entry.kind)} (${entry.failedGates.map((gate: Json) => gate.reason).join('; ')})`).join('; ')}.`);
  lines.push(`Recommendation ${nba.recommendationId}, weights ${nba.weightsVersion}.`);
  return lines.join('\n');
}

export function consentAnswer(result: Json, hcpName: string | null): string {
  if (result.status !== 'answered') return `${capitalise(result.message)}.`;
  const who = hcpName ?? result.hcpId;
  const what = `${label(result.channel)} (${result.purpose}${result.productId ? `, ${result.productId}` : ''})`;
  if (result.allowed) {
    return `Yes: you may contact ${who} by ${what}. ${capitalise(result.reason)}${result.record ? ` (record ${result.record.id})` : ''}.`;
  }
  return [`No: not by ${what} for ${who}. ${capitalise(result.reason)}${result.record ? ` (record ${result.record.id})` : ''}.`, ...consentAlternatives(result)].join('\n');
}

/** A draft stopped by consent: the rule and record that stopped it, then the consented alternatives. */
export function draftWithoutConsentAnswer(result: Json, hcpName: string): string {
  return [`Nothing was drafted for ${hcpName}: ${result.reason}${result.record ? ` (record ${result.record.id})` : ''}, and a draft is only written for a consented channel.`, ...consentAlternatives(result)].join('\n');
}

function consentAlternatives(result: Json): string[] {
  const alternatives = (result.alternatives as Json[]).map((alternative) => `- ${label(alternative.channel)}: ${alternative.reason}`);
  return [alternatives.length > 0 ? `Compliant alternatives:\n${alternatives.join('\n')}` : 'No other outreach channel is consented for this purpose.', result.medicalInformationRoute];
}

export function consentOverviewAnswer(profile: Json): string {
  const consents = profile.consents as Json[];
  if (consents.length === 0) return `${profile.hcp.name} (${profile.hcp.id}) has no consent on record for any channel.`;
  return `Consent in force for ${profile.hcp.name} (${profile.hcp.id}):\n${consents
    .map((consent) => `- ${label(consent.channel)} (${consent.purpose}${consent.productId ? `, ${consent.productId}` : ''}): ${consent.status} since ${day(consent.since)} via ${consent.source}${consent.expiresAt ? `, expires ${day(consent.expiresAt)}` : ''} (record ${consent.recordId})`)
    .join('\n')}`;
}

/** Words of a search that say nothing of its topic. */
const SEARCH_FILLER = new Set('about with from that this what which when where there their have does should could would please info information approved content material materials module modules version email emails whatsapp text send share data latest anything something stuff copy piece pieces need want patient patients medical response responses document doc standard letter'.split(' '));

/**
 * The topic words of a search that no result shown speaks of (by their first five letters), when they are
 * more than half of its topic words: "crohn's maintenance" among STELARA safety sections is not covered.
 */
function uncoveredTopic(results: Json[], query: string): string[] {
  const names = new Set(results.flatMap((module) => [module.brandName, module.genericName]).filter(Boolean).map((name: string) => name.toLowerCase()));
  const words = query.toLowerCase().split(/[^\p{L}\d'-]+/u).map((word) => word.replace(/'s?$/, '')).filter((word) => word.length >= 4 && !SEARCH_FILLER.has(word) && !names.has(word));
  const shown = results.map((module) => `${module.title} ${module.passage.quoted}`.toLowerCase().replace(/['’]/g, '')).join(' ');
  const uncovered = words.filter((word) => !shown.includes(word.replace(/'/g, '').slice(0, 5)));
  return uncovered.length > 0 && uncovered.length * 2 > words.length ? uncovered : [];
}

export function contentAnswer(result: Json, query: string): string {
  if (result.status !== 'found') return `${capitalise(result.message)}.`;
  // "Nothing approved matches" said plainly: the closest modules are not passed off as an answer.
  const uncovered = uncoveredTopic(result.results as Json[], query);
  return [
    uncovered.length > 0
      ? `Nothing approved found speaks of ${uncovered.map((word) => `"${word}"`).join(' or ')}: the closest approved modules for "${query}" (approved today, for the filters shown) are about something else:`
      : `Approved content on "${query}" (approved today, for the filters shown):`,
    ...(result.results as Json[]).map(
      (module) => `- ${module.title} (${module.id}@${module.version}, ${module.mlrCode}, ${module.kind}): ${quoteData(module.passage.quoted, 200)}`,
    ),
    `Logged as suggestion ${result.suggestionId}.`,
  ].join('\n');
}

/** One approved module of a search, as the search shows it: what it is, its approval and its best passage. */
export function moduleAnswer(module: Json): string {
  return [
    `${module.title} (${module.id}@${module.version}, ${module.mlrCode}, ${module.kind}; ${module.brandName}):`,
    quoteData(module.passage.quoted, 1200),
    `To send it, ask for a follow-up to an HCP with it, for example "draft an email to Dr. Reyes with that one".`,
  ].join('\n');
}

export function draftAnswer(draft: Json): string {
  if (draft.status !== 'drafted') {
    const alternatives = (draft.alternatives as Json[]) ?? [];
    return [`I could not draft that: ${draft.message}.`, alternatives.length > 0 ? `Compliant alternatives:\n${alternatives.map((alternative) => `- ${alternative}`).join('\n')}` : ''].filter(Boolean).join('\n');
  }
  return [
    `Draft ${label(draft.channel)} to ${draft.hcpId}, assembled only from approved modules (draft ${draft.draftId}):`,
    '',
    draft.text,
    '',
    `Sources: ${(draft.modules as Json[]).map((module) => `${module.id}@${module.version} (${module.addedBecause})`).join(', ')}.`,
    // The consent record is named, so the draft's leave can be checked against it.
    `Checks: ${(draft.gates as Json[]).map((gate) => (gate.gate === 'consent' && (gate.records as string[] | undefined)?.length ? `${gate.reason} (record ${(gate.records as string[])[0]})` : gate.reason)).join('; ')}.`,
  ].join('\n');
}

export function planAnswer(plan: Json): string {
  const filters = filterWords(plan.filters ?? {});
  if (plan.entries.length === 0) {
    return filters ? `None of the ${plan.hcpsConsidered} HCPs in your territories that fit the rest match ${filters} (as of ${day(plan.asOf)}). Plan ${plan.planId}.` : 'There are no HCPs in your territories.';
  }
  return [
    filters
      ? `Your HCPs matching ${filters}: ${plan.matched} of ${plan.hcpsConsidered} considered${plan.matched > plan.entries.length ? `, the first ${plan.entries.length} by priority` : ''} (as of ${day(plan.asOf)}):`
      : `Who to see first (${plan.hcpsConsidered} HCPs considered, as of ${day(plan.asOf)}):`,
    ...(plan.entries as Json[]).map(
      (entry) => `${entry.rank}. ${entry.hcp.name} (${entry.hcp.id}), ${entry.hcp.specialty}: ${entry.action.label} (score ${entry.action.score}). ${entry.topReason}${entry.flags.length > 0 ? ` [${entry.flags.map(label).join(', ')}]` : ''}`,
    ),
    `Plan ${plan.planId}.`,
  ].join('\n');
}

/** "rheumatology, in portland, with an open medical question": the filters a plan applied, in words. */
function filterWords(filters: Json): string {
  const flags: Record<string, string> = { dead_end: 'with a dead end', open_medical_question: 'with an open medical question', follow_up_due: 'with a follow-up due', no_recent_visit: 'with no field visit in 90 days' };
  const parts = [
    filters.specialty ? `specialty "${filters.specialty}"` : null,
    filters.city ? `in ${filters.city.replace(/(^|\s)\p{L}/gu, (start: string) => start.toUpperCase())}` : null,
    filters.segment ? `segment ${filters.segment}` : null,
    filters.flag ? flags[filters.flag] : null,
    filters.consent ? `${label(filters.consent.channel)} consent ${filters.consent.status === 'revoked' ? 'revoked (opted out)' : filters.consent.status === 'none' ? 'not on record' : filters.consent.status}` : null,
  ].filter(Boolean);
  return parts.join(', ');
}

export function explanationAnswer(result: Json, hcpName: string | null = null): string {
  if (result.status !== 'explained') return `${capitalise(result.message)}.`;
  if (result.asked) {
    const lines = [`${capitalise(result.asked.answer)} (${hcpName ? `${hcpName}, ` : ''}${result.hcpId}).`];
    if (!result.asked.allowed && result.asked.alternatives.length > 0) lines.push(`Compliant alternatives:\n${result.asked.alternatives.map((alternative: string) => `- ${alternative}`).join('\n')}`);
    lines.push(`From recommendation ${result.recommendationId} (recorded ${result.recordedAt.slice(0, 16).replace('T', ' ')}).`);
    return lines.join('\n');
  }
  const recommended = result.recommended;
  return [
    `${capitalise(label(recommended.kind))} was recommended for ${hcpName ? `${hcpName} (${result.hcpId})` : result.hcpId} with score ${recommended.score} because:`,
    ...(recommended.reasons as Json[]).map((entry) => `- ${entry.contribution > 0 ? '+' : ''}${entry.contribution} ${label(entry.signal)}: ${entry.sentence}`),
    `From recommendation ${result.recommendationId}, weights ${result.weightsVersion}.`,
  ].join('\n');
}

export function feedbackAnswer(result: Json): string {
  if (result.status !== 'recorded') return `${capitalise(result.message)}.`;
  return `Recorded: ${result.verdict} on ${result.refersTo} (feedback ${result.feedbackId}).`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "cut that in half" with no draft in the thread. */
export const NO_DRAFT_TO_RESTYLE =
  'There is no draft in this thread to change. Ask me to draft a follow-up to an HCP (for example "draft a follow-up email to Dr. Reyes"); a draft is assembled from approved modules, whose wording stays as approved.';

/** A draft's words are the approved modules' own: tone and length are not Omni's to change. */
export const DRAFT_RESTYLE_ANSWER =
  "I can't reword a draft: every sentence in it is an approved module's exact text, and changing the wording would need MLR approval again. " +
  'What I can change: use fewer or other approved modules ("draft it with just the patient support module"), another consented channel ("as an email instead"), or a different approved topic.';

/** "looks good, send it" after a draft: Omni writes drafts; a person sends them. */
export const DRAFT_NOT_SENT_ANSWER =
  "I don't send messages: a draft is for you to read and send yourself, from your company's approved email or messaging tool, so a person checks everything that reaches an HCP. " +
  'The draft above is already logged with its approved sources and consent check (its id is in that answer). To change it, ask for other approved modules or another consented channel.';

