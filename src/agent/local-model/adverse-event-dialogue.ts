import type { ChatMessage, ConversationFocus } from '../../core/chat-model.ts';
import { quoteData } from '../../core/quoting.ts';
import { adverseEventTerms, possibleAdverseEvents } from '../../insights/adverse-events.ts';
import { competitorNamedIn } from '../../insights/lexicons.ts';
import type { ReportAdverseEventOutput } from '../../../tools/report-adverse-event.ts';
import type { QuestionEntities } from './question-parser.ts';

/**
 * The local model's side of an adverse-event report (report_adverse_event): what a question says of
 * the four criteria, the report gathered so far in the thread (ConversationFocus.adverseEvent, kept
 * from the tool's redacted result, so no patient name is kept in the thread's state), whether a reply
 * continues it ("J.M., 54, female", "it was Dr. Lee", "submit anyway"), and the answers.
 */

/** report_adverse_event's input, as the thread gathers it (a type, so it is plain JSON for the thread's state). */
export type IntakeDraft = {
  reporter: 'hcp' | 'employee';
  hcp: string | null;
  patientInitials: string | null;
  patientAge: number | null;
  patientSex: 'female' | 'male' | null;
  product: string | null;
  event: string | null;
  narrative: string | null;
};

export interface IntakeReading {
  /** What the question adds (null: not said). */
  details: Partial<IntakeDraft>;
  submit: boolean;
  cancel: boolean;
}

/** The user saw or heard it first-hand: they are the reporter. */
const FIRST_HAND = /\b(i (personally |myself |actually )?(saw|noticed|witnessed|observed|watched)|i (was there|was in the room) when|i (was|am)\b[^.;]{0,50}\band (saw|watched|witnessed|noticed)|(a|the) (patient|caregiver|caller|pt|family member|parent|mom|dad|husband|wife)( \w+){0,8} (told|called|emailed|texted|showed) me|i('m| am) the reporter|(heard|saw|got) it (myself|directly|first[- ]hand|straight from (the|a) patient)|i heard (it|this|that) directly|told me (herself|himself|themselves|directly|in person)|first[- ]hand|with my own eyes|directly from (the|a) patient|my (neighbou?r|friend|relative|cousin|sister|brother|mum|mom|mother|dad|father|aunt|uncle|partner|husband|wife|son|daughter|flatmate|roommate|grandmother|grandfather|gran|grandma|grandpa|in-laws?)('s| is| was)?\b[^.;]{0,80}\b(told|tells|said|says|mentioned|showed|texted|called) me)\b/;
const SUBMIT = /\b(submit|file|send|log)\b.{0,25}\b(anyway|anyways|regardless|now|as is|as it is|like (that|this)|as (it|that) stands|what (we|i) have)\b|\b(submit|file|send|log) (whatever|what(ever)? (you|we|i) (can|have|got))\b|\beven if (it'?s |its )?incomplete\b|\b(file|submit|send|log) (it |this |that )?(as )?incomplete\b|\bincomplete is fine\b|\bthat'?s (all|everything) (i|we) (know|have)\b|\bi don'?t know (more|anything else|the rest)\b|\bno more (info|information|details)\b|\bjust (submit|file|send|log) it\b|\b(send|file|submit|pass|forward) (it|this|that|the report) (on )?(to|with) (drug safety|pv|pharmacovigilance|safety)\b|\bgo ahead and (file|submit|send) (it|this|that)\b|^\W*(?:(?:ok(?:ay)?|yes|yep|yeah|sure|fine|go ahead(?: and)?|please|pls)\W+)*(?:submit|file|send)(?: it| that| this| the report)?(?:\W+(?:now|please|pls|thanks|thx))*\W*$/;
const CANCEL = /\b(cancel( it| that| the report)?|never ?mind|forget (it|that)|don'?t (file|report|submit) (it|that)|already (been )?reported)\b/;
/** "initials JM", "initials are j.m.", or dotted capitals "J.M." / "J. M.". */
const INITIALS_SAID = /\binitials?\s*(?:are|is|:)?\s*([a-z](?:\.?\s?[a-z]){1,3})\b\.?/i;
const INITIALS_DOTTED = /(?:^|[\s,(])((?:[A-Z]\.\s?){2,4})(?=[\s,)]|$)/;
/** "54 year old", "54yo", "aged 54", "54F", "she's 54", "J.M., 54, female", "in his sixties"; never "for 3 years". */
const AGE = /\b(\d{1,3})\s*(?:-|\s)?(?:y\/?o|yo|yrs?[- ]old|years?[- ]old)\b|\baged?\s+(\d{1,3})\b|\b(\d{1,3})\s?[mf]\b|\b(?:pt|patient)(?:'s| is| was|,)?\s+(?:around |about |roughly )?(\d{1,3})\b(?!\s*(?:mg|days?|weeks?|months?|%|doses?|times?|visits?|mins?|minutes?|hours?))|\b(?:she|he)(?:'s| is| was)\s+(?:around |about |roughly |approx(?:imately|\.)? |~\s?)?(\d{1,3})\b|\b(?:around|about|roughly|approximately|~)\s?(\d{1,3})\s*(?:y\/?o|yo|years?)?\s*(?:,|$|and|\.)|(?:^|,)\s*(\d{1,3})\s*(?:,|$)|\b(\d{1,3}) (?:i think|i believe|i reckon|or so|ish|probably|maybe|roughly|give or take)\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:years?[- ]old|yrs?[- ]old|y\/?o)\b|\bin (?:her|his) (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b(?:said|says|more like|closer to|make that)\s+(\d{1,3})\b(?!\s*(?:mg|days?|weeks?|months?|%|doses?|times?|visits?|mins?|minutes?|hours?|am|pm|:))/i;
const AGE_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const DECADES: Record<string, number> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
const FEMALE = /\b(female|woman|lady|girl|\d{1,3}\s?f|she(?:'s| is| was)\s+(?:around |about |roughly |~\s?)?\d{1,3}|in her (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/i;
const MALE = /\b(male|man|gentleman|guy|boy|\d{1,3}\s?m|he(?:'s| is| was)\s+(?:around |about |roughly |~\s?)?\d{1,3}|in his (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/i;
/** "got a bad rash on", "had hives after": an event the lexicon may not know. */
/** Events in lay words the label terms miss ("a very slow heart rate", "made her throw up for days"). */
const LAY_EVENT = /\b(?:(?:very|really|super) )?(?:slow|fast|racing|irregular|pounding) heart ?(?:rate|beat)\b|\b(?:liver|kidney|heart|breathing|vision|eye) (?:problems?|issues?|damage|injury|trouble)\b|\b(?:thr(?:ow|ew|owing|own) up|vomit\w*|passed out|faint(?:ed|ing)|blacked out|shingles|hair loss|blurr(?:y|ed) vision|chest pain|short(?:ness)? of breath|swollen \w+|swelling)\b/i;

const EVENT_SAID = /\b(?:got|had|has|developed|experienced|having|reported|broke out in|ended up with)\s+(?:a |an |some )?((?:really |very |bad |severe |serious |mild )*[a-z][a-z-]*(?: [a-z][a-z-]*){0,3}?)\s+(?:on|after|while|from|since|taking|when|with)\b/i;
const NOT_EVENTS = /^(question|questions|call|visit|patient|patients|pt|doctor|doc|nurse|it|one|that|this|concern|concerns|issue|issues)$/i;
/** A brand written in capitals after "on", "taking": a product, ours or not ("a rash on RINVOQ"). */
const BRAND_SAID = /\b(?:on|taking|started|starting|after)\s+([A-Z][A-Z0-9-]{3,})\b/;


/** Words that say the reporter in reply to "who told you?". */
const REPORTER_CUE = /\b(it was|that was|reporter|reported by|told me|mentioned it|from dr|doctor is|doc is|doctor was|doc was|her name|his name|the hcp|the doctor)\b/i;

/** What a question says of an adverse event: reporter, patient, product, event, and whether to submit or stop. */
export function readIntake(question: string, entities: Pick<QuestionEntities, 'hcpId' | 'hcpName' | 'productId' | 'pronoun'>, focus: Pick<ConversationFocus, 'hcpId'>): IntakeReading {
  const text = question.trim();
  const lower = text.toLowerCase();
  const details: Partial<IntakeDraft> = {};
  if (FIRST_HAND.test(lower)) details.reporter = 'employee';
  // "her patient …" in a thread about an HCP: that HCP, whom the answer names so the user can correct it.
  // A name that is the patient's ("her patient Ana Lee") is never the reporter, even when an HCP bears it.
  const named = entities.hcpName && !patientsName(text, entities.hcpName) ? entities.hcpName : null;
  const hcp = entities.hcpId ?? named ?? (entities.pronoun && focus.hcpId ? focus.hcpId : null);
  if (hcp) details.hcp = hcp;
  const initials = INITIALS_SAID.exec(text)?.[1] ?? INITIALS_DOTTED.exec(text)?.[1];
  if (initials) details.patientInitials = initials.trim();
  // "she looked about 60, the nurse said 66 actually": a correction, so the last age said.
  const ages = [...text.matchAll(new RegExp(AGE.source, 'gi'))];
  // "in her fifties, 54 i think": the exact age over the decade.
  const exact = ages.filter((match) => !match.slice(1).some((group) => group !== undefined && DECADES[group.toLowerCase()] !== undefined));
  const age = /\b(actually|correction|i mean|sorry|rather|no wait)\b/i.test(text) ? ages.at(-1) : (exact[0] ?? ages[0]);
  if (age) {
    const [, ...groups] = age;
    const said = groups.find((group) => group !== undefined)!;
    const years = DECADES[said.toLowerCase()] ?? AGE_WORDS[said.toLowerCase()] ?? Number(said);
    if (years >= 0 && years <= 120) details.patientAge = years;
  }
  if (FEMALE.test(text)) details.patientSex = 'female';
  else if (MALE.test(text)) details.patientSex = 'male';
  // Ours by id; another named product as said, for the tool to tell the user it is none of ours.
  const product = entities.productId ?? competitorNamedIn(text) ?? BRAND_SAID.exec(text)?.[1];
  if (product) details.product = product;
  // A patient's event as the notes' detector reads it, else any adverse-event term, else "got/had <words> on …".
  const event = possibleAdverseEvents(text)[0]?.phrase ?? adverseEventTerms(text).find((term) => !/^(adverse|side effect|reaction)/i.test(term)) ?? LAY_EVENT.exec(text)?.[0] ?? EVENT_SAID.exec(text)?.[1];
  if (event && !NOT_EVENTS.test(event.trim())) details.event = event.trim();
  return { details, submit: SUBMIT.test(lower), cancel: CANCEL.test(lower) };
}

/** A person named right after "patient", "pt", a relative or "named": the patient, not an HCP. */
function patientsName(text: string, name: string): boolean {
  const at = text.toLowerCase().indexOf(name.toLowerCase());
  return at >= 0 && /\b(patient|pt|husband|wife|son|daughter|mother|father|mom|dad|caregiver|named|is)\s*[,:]?\s*$/i.test(text.slice(Math.max(0, at - 30), at));
}

/** Readings that say little of their own: a reply to the report's questions is more likely. */
const WEAK_READINGS: ReadonlySet<string | null> = new Set([null, 'adverse_event', 'policy', 'refine', 'unknown', 'out_of_scope', 'capabilities', 'greeting']);
/** What stands around a name or product given as an answer ("it was Dr. Lee", "she was also on XELJANZ"). */
const ANSWER_WORDS = new Set('it its it\'s that was were is she he they her his the a an dr doctor doc prof yes yeah ok okay also on taking takes took patient pt reporter product too actually well and drug medication med meds medicine brand called named name'.split(' '));

/**
 * Whether a question replies to the report being gathered, rather than asking something else:
 * patient details, "submit anyway" or "never mind" always do; a name or product only when given as
 * an answer ("it was Dr. Lee", "XELJANZ") or when the question says little else ("brief me on Dr. Lee" does not).
 * `names`: the names and products the question may give, taken out to see what else it says.
 */
export function continuesIntake(question: string, reading: IntakeReading, pending: IntakeDraft | null, readAs: string | null, names: readonly string[] = []): boolean {
  if (!pending) return false;
  if (reading.cancel || reading.submit || readAs === 'adverse_event') return true;
  const { details } = reading;
  if (details.patientInitials !== undefined || details.patientAge !== undefined || details.patientSex !== undefined) return true;
  let rest = ` ${question.toLowerCase()} `;
  for (const name of names) if (name.trim()) rest = rest.split(name.toLowerCase()).join(' ');
  const onlyAnswer = rest.split(/[^a-z']+/).filter(Boolean).every((word) => ANSWER_WORDS.has(word));
  const weak = WEAK_READINGS.has(readAs);
  if (details.hcp !== undefined && pending.hcp === null && (onlyAnswer || weak || REPORTER_CUE.test(question))) return true;
  if (details.product !== undefined && pending.product === null && (onlyAnswer || weak)) return true;
  if (details.event !== undefined && pending.event === null && weak) return true;
  return details.reporter === 'employee' && pending.hcp === null;
}

/** The report so far with what the question adds; the first question is the account (the tool redacts it). */
export function mergeIntake(pending: IntakeDraft | null, reading: IntakeReading, question: string): IntakeDraft & { submit: boolean } {
  const base: IntakeDraft = pending ?? { reporter: 'hcp', hcp: null, patientInitials: null, patientAge: null, patientSex: null, product: null, event: null, narrative: null };
  const added = reading.details;
  return {
    reporter: added.reporter ?? base.reporter,
    hcp: base.hcp ?? added.hcp ?? null,
    patientInitials: added.patientInitials ?? base.patientInitials,
    patientAge: added.patientAge ?? base.patientAge,
    patientSex: added.patientSex ?? base.patientSex,
    product: base.product ?? added.product ?? null,
    event: base.event ?? added.event ?? null,
    narrative: base.narrative ?? question.trim().slice(0, 2_000),
    submit: reading.submit,
  };
}

/** The report as the thread keeps it after this turn: from the tool's redacted result; null once filed or dropped. */
export function intakeStateAfter(messages: readonly ChatMessage[], pending: IntakeDraft | null, question: string): IntakeDraft | null | undefined {
  const start = messages.map((message) => message.role).lastIndexOf('user');
  const inputs = new Map<string, unknown>();
  let last: { input: Partial<IntakeDraft> | undefined; output: Partial<ReportAdverseEventOutput> | null } | undefined;
  for (const message of messages.slice(start + 1)) {
    if (message.role === 'assistant') for (const call of message.toolCalls) inputs.set(call.id, call.arguments);
    if (message.role === 'tool' && message.name === 'report_adverse_event') {
      last = { input: inputs.get(message.toolCallId) as Partial<IntakeDraft> | undefined, output: JSON.parse(message.content) as Partial<ReportAdverseEventOutput> | null };
    }
  }
  if (!last) return pending && CANCEL.test(question.toLowerCase()) ? null : undefined;
  const { input, output } = last;
  if (output?.status !== 'needs_information') return output?.status === 'recorded' ? null : undefined;
  const collected = output as Extract<ReportAdverseEventOutput, { status: 'needs_information' }>;
  return {
    reporter: input?.reporter ?? 'hcp',
    // A first-hand report names the employee as reporter: no HCP to carry.
    hcp: input?.reporter === 'employee' ? null : (collected.reporter?.hcpId ?? collected.reporter?.name.quoted ?? null),
    patientInitials: collected.patient.initials,
    patientAge: collected.patient.age,
    patientSex: collected.patient.sex,
    product: collected.product?.id ?? null,
    event: collected.event?.quoted ?? null,
    narrative: collected.narrative?.quoted ?? null,
  };
}

/** The report this turn filed, if any: its intake id and due time, kept by the thread. */
export function filedThisTurn(messages: readonly ChatMessage[]): { intakeId: string; dueByText: string } | undefined {
  const start = messages.map((message) => message.role).lastIndexOf('user');
  let filed: { intakeId: string; dueByText: string } | undefined;
  for (const message of messages.slice(start + 1)) {
    if (message.role !== 'tool' || message.name !== 'report_adverse_event') continue;
    const output = JSON.parse(message.content) as Partial<ReportAdverseEventOutput> | null;
    if (output?.status === 'recorded' && output.intakeId && output.dueByText) filed = { intakeId: output.intakeId, dueByText: output.dueByText };
  }
  return filed;
}

/** "did that go through?", "what's the intake number, and when is it due?" after a report was filed: its id and due time. */
export function filedIntakeAnswer(filed: { intakeId: string; dueByText: string }): string {
  return `The report was filed with Drug Safety as intake ${filed.intakeId}, due ${filed.dueByText}. Drug Safety follows up with the reporter for anything it still needs; keep any new detail you hear and report it the same way.`;
}

/** The answer to report_adverse_event's result: the duty and due time, what is known, what is still needed or the intake id. */
export function intakeAnswer(output: ReportAdverseEventOutput): string {
  const reporter = output.reporter ? (output.reporter.kind === 'employee' ? 'you (first-hand)' : `${quoteData(output.reporter.name.quoted, 80)}${output.reporter.hcpId ? ` (${output.reporter.hcpId})` : ''}`) : 'not yet known';
  const { initials, age, sex } = output.patient;
  const patient = [initials, age === null ? null : `${age}`, sex].filter((part) => part !== null).join(', ') || 'not yet known';
  const product = output.product ? `${output.product.brandName} (${output.product.genericName})` : output.productAsGiven ? `${quoteData(output.productAsGiven.quoted, 60)} (none of ours)` : 'not yet known';
  const event = output.event ? quoteData(output.event.quoted, 200) : 'not yet known';
  const known = `Reporter: ${reporter}. Patient: ${patient}. Product: ${product}. Event: ${event}.`;
  if (output.status === 'recorded') {
    return [
      `Reported to Drug Safety: intake ${output.intakeId}, due ${output.dueByText} (one business day after the report).`,
      known,
      output.complete ? null : `Filed flagged incomplete, missing ${output.missing.map((item) => item.criterion).join(', ')}: Drug Safety will follow up. Pass on anything more you learn in this thread.`,
      'Offer the HCP a medical-information follow-up for any questions they have; do not give medical advice yourself.',
    ]
      .filter(Boolean)
      .join('\n');
  }
  const asks = output.missing.map((item, index) => `${index + 1}. ${item.ask}`);
  return [
    `This is a possible adverse event: it must reach Drug Safety by ${output.dueByText}, one business day after you heard of it, even if the HCP thinks it unrelated or already reported. I can file it for you.`,
    `So far: ${known}`,
    `To file it I still need:\n${asks.join('\n')}`,
    output.canSubmitIncomplete
      ? 'Reply here with what you know (for example "Dr. Lee, J.M., 54, female"), or say "submit anyway" to file it now, flagged incomplete. Nothing is recorded yet.'
      : 'Reply here with what you know (for example "Dr. Lee told me a 54-year-old woman on XELJANZ got jaundice"). Nothing is recorded yet.',
  ].join('\n');
}

/** A report stopped before it was filed: the duty stands unless it was reported another way. */
export function intakeDroppedAnswer(): string {
  return 'OK, nothing was filed. If the event has not been reported another way, it still has to reach Drug Safety within one business day of hearing of it: say "report an adverse event" to start again.';
}
