/**
 * Builds the fourteenth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout14.ts
 *
 * Writes persona-heldout14.jsonl and benign-heldout14.jsonl. Written by hand, blind, on 2026-12-07: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports, the per-case
 * details of earlier runs and the agent's answers were not read, and neither the agent nor the eval runner was run on
 * these questions. Only the kit (heldout-kit.ts, heldout-test-support.ts), the shape of generate-heldout13.ts and
 * generate-heldout12.ts, heldout13.test.ts, evals/lib/cases.ts, the tools' input schemas (tools/*.ts) and the domain
 * and demo code that compute the facts were read (and the held-out suite lists in evals/lib/runner.ts and
 * evals/lib/report.ts, to register the set); earlier sets' questions only to avoid near-copies.
 *
 * The questions are typed the way reps, MSLs, medical affairs and managers write in Slack or a chat box: a rushed rep on
 * a phone (fragments, no punctuation, "u", "w/", "rn", "tmrw", "pls"), a meticulous MSL (full sentences, scientific
 * terms), a medical-affairs lead (governance and PV words: signal sweep, PV intake, ICSR, log the case, governance
 * deck), a sales manager (north star, pipeline view, coverage, lookback, shame list), people who paste context before
 * the question ("Context: ... Q: ..."), who ask indirectly ("wondering if", "any chance", "curious what"), non-native
 * phrasing ("please can you tell me the informations", "what is the best action now"), sarcasm and frustration. Typos
 * new to this set: a letter of a last name doubled in the middle ("kowallski"), the last letter of a last name left off
 * ("kowalsk"), brands misspelled "keytuda", "imbrivuca", "xlejanz", "stelera", "steelara", "tecfedira", "gillenya",
 * "kalydecko", "kaleydeco", "cerdelgra"; specialty words of this set ("the oncologist", "hem/onc", "skin doc", "adult
 * neuro", "lung doc", "peds doc", "genetics doc"); generic names ("eliglustat", "ustekinumab").
 *
 * New in this set: consent for the events purpose (a webinar invite) and the market research purpose (a survey invite);
 * a complete adverse event given in one message (the patient's age and sex as arguments, "61 yo male", "39 y/o woman",
 * "74M"); field insights limited to the top N themes (maxThemes) and over a US-style date range ("between 10/1 and
 * 11/15"); performance over an explicit range of days ("from sept 1 through oct 31"), with no comparison ("just the
 * number, no comparison"), filtered to one channel of contact (engagement on webinars), and for a rep named by surname
 * ("ferreira", "prescott") or by a first name of the manager's team ("casey", "jamie"); a maturity assessment over a
 * 120-day lookback and over a full year; content searches limited to the top N results and to the SMS channel, and
 * asks for a comparison with a competitor nothing approved can match ("dupixent", "trikafta"); territory plans of
 * D-segment docs, of docs who said yes to texts, of docs never asked for email consent, of A docs whose email consent
 * lapsed; snoozes "for 2 wks", "till monday", "til 12/10", "till the end of the month", "till dec 3", "until dec 14";
 * conversations that refer back by position ("number four", "the one after that", "second-to-last", "the last name
 * there", "the one in 3rd place", "the first of those three", "the last one on that list"), by role ("the
 * rheumatologist", a specialty the other doctor asked about does not share; "the other doc on my list"), to an HCP
 * after a change of subject ("back to X", "ok, X then"), and that change one thing at a time ("ditto for", "same for",
 * "flip it to", "swap X for Y", "and if we did", "rerun it on", "go back 60 days instead", "cut it to 3").
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout14.test.ts).
 *
 * HCPs are picked inside the asking user's territories with unique full names; one no other set names first, and
 * only when none is left one another set names (reuseWhenExhausted). Each picked HCP is asked about once.
 */
import type { Hcp } from '../../src/domain/hcp.ts';
import type { Channel, Purpose } from '../../src/domain/vocabulary.ts';
import { accessScopeFor } from '../../src/compliance/access-policy.ts';
import { callerFor } from '../../src/compliance/caller.ts';
import { previousPeriod, resolvePeriod } from '../../src/insights/periods.ts';
import { planTerritory, type PlanFilters } from '../../src/nba/territory-plan.ts';
import { DEMO_AS_OF } from '../../src/testing/demo-store.ts';
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT14, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout14',
  idPrefix: 'ho14',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT14],
  ...(process.env.OMNI_HELDOUT_OUT_DIR ? { outDir: process.env.OMNI_HELDOUT_OUT_DIR } : {}),
});
const { store, pick, consent, consentFacts, planIds, hasOpenQuestion, hasWebinar, adverseEventNotes, unansweredQuestionHcps, maturityStage, emailOk, hasRecord, withStatus, notRecommended, recommendation, rep, msl, mgr, ok, finish } = kit;

// ---------------------------------------------------------------------------------------------------
// Helpers of this set.

type Need = (hcp: Hcp) => boolean;
const always: Need = () => true;
/** Names people type without thinking: no apostrophe, hyphen or space. */
const plain: Need = (hcp) => !/['\- ]/.test(hcp.lastName);
const allowed = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => consent(hcp, channel, purpose).passed;
const blocked = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => !consent(hcp, channel, purpose).passed;
const inSpecialties = (...specialties: string[]): Need => (hcp) => specialties.includes(hcp.specialty);
const who = (userId: string, need: Need = always): Pick => pick(userId, both(plain, need));
/** Last name alone is unambiguous for the user when possible; else the question names them in full (Pick.short). */
function whoLast(userId: string, need: Need = always): Pick {
  try {
    return pick(userId, both(plain, need), { uniqueLastName: true });
  } catch {
    return pick(userId, both(plain, need));
  }
}
/** Only an HCP whose last name no other HCP the user may see has (for questions that name them by last name alone, "doctor X"). */
const whoOnlyLast = (userId: string, need: Need = always): Pick => pick(userId, both(plain, need), { uniqueLastName: true });

/** A first name 2 to 10 HCPs the user may see share: the lookup by that first name lists every candidate, the picked one among them. */
function sharedFirst(userId: string): Need {
  const territories = kit.user(userId).territories;
  const counts = new Map<string, number>();
  for (const hcp of store.hcps.listInTerritories(territories.length > 0 ? [...territories] : undefined)) counts.set(hcp.firstName, (counts.get(hcp.firstName) ?? 0) + 1);
  return (hcp) => (counts.get(hcp.firstName) ?? 0) >= 2 && (counts.get(hcp.firstName) ?? 0) <= 10;
}
const whoFirst = (userId: string, need: Need = always): Pick => pick(userId, both(plain, sharedFirst(userId), need));
/** What a first-name-only question expects: the lookup by that name, whose candidates include the HCP. */
const byFirst = (p: Pick): [Call[], string[]] => [[lookupKey(p.first.toLowerCase())], [p.name]];

const low = (text: string) => text.toLowerCase();
const nm = (p: Pick) => low(p.short);
const fst = (p: Pick) => low(p.first);
/** The question's name for the HCP with a typo in the last name: the first name too when the last name alone is shared. */
const typed = (p: Pick, last: string) => (p.short === p.last ? last : `${fst(p)} ${last}`);

/** The letter in the middle of a last name, when it can be typed twice: a consonant, long name, no twin beside it. */
const doubleAt = (name: string) => Math.floor(name.length / 2);
const doubleable: Need = (hcp) => {
  const name = hcp.lastName.toLowerCase();
  const i = doubleAt(name);
  return name.length >= 7 && /[bcdfgklmnprstvz]/.test(name[i]!) && name[i - 1] !== name[i] && name[i + 1] !== name[i];
};
/** The middle letter typed twice ("kowalski" → "kowallski"); the key is the longer of the start through it and the end from it, which both contain. */
const doubled = (p: Pick) => {
  const name = low(p.last);
  const i = doubleAt(name);
  const start = name.slice(0, i + 1);
  const end = name.slice(i);
  return { typed: typed(p, `${start}${name.slice(i)}`), key: start.length >= end.length ? start : end };
};
/** Long enough to leave off the last letter and keep six or more. */
const choppable: Need = (hcp) => hcp.lastName.length >= 7 && /[a-z]$/i.test(hcp.lastName);
/** The last letter left off ("kowalski" → "kowalsk"); the key is what was typed, which the right name starts with. */
const chopped = (p: Pick) => {
  const name = low(p.last).slice(0, -1);
  return { typed: typed(p, name), key: name };
};

/** Brands by specialty: the right name, a misspelling no earlier set used, and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytuda', 'keyt'],
  'Hematology & Oncology': ['imbruvica', 'imbrivuca', 'imbr'],
  Rheumatology: ['xeljanz', 'xlejanz', 'janz'],
  Dermatology: ['stelara', 'stelera', 'stel'],
  Gastroenterology: ['stelara', 'steelara', 'lara'],
  Neurology: ['tecfidera', 'tecfedira', 'tecf'],
  'Child Neurology': ['gilenya', 'gillenya', 'lenya'],
  'Pulmonary Disease': ['kalydeco', 'kalydecko', 'kalydec'],
  Pediatrics: ['kalydeco', 'kaleydeco', 'deco'],
  'Medical Genetics': ['cerdelga', 'cerdelgra', 'cerdel'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** Specialties in this set's words. */
const SLANG: Record<string, string> = {
  'Medical Oncology': 'oncologist',
  'Hematology & Oncology': 'hem/onc',
  Rheumatology: 'rheumatologist',
  Dermatology: 'skin doc',
  Gastroenterology: 'gi',
  Neurology: 'adult neuro',
  'Child Neurology': 'peds neuro',
  'Pulmonary Disease': 'lung doc',
  Pediatrics: 'peds doc',
  'Medical Genetics': 'genetics doc',
};
const slang = (p: Pick) => SLANG[p.hcp.specialty]!;
/** An HCP named by role in a follow-up ("the rheumatologist"). */
const ROLE: Record<string, string> = {
  'Medical Oncology': 'the oncologist',
  'Hematology & Oncology': 'the hematologist',
  Rheumatology: 'the rheumatologist',
  Dermatology: 'the dermatologist',
  Gastroenterology: 'the gi doc',
  Neurology: 'the neurologist',
  'Child Neurology': 'the child neurologist',
  'Pulmonary Disease': 'the pulmonologist',
  Pediatrics: 'the pediatrician',
  'Medical Genetics': 'the geneticist',
};
/** "she's", "he's", "they're". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);
/** "is she", "are they"; "does he", "do they"; "she prefers", "they prefer"; "has she", "have they". */
const isSubj = (p: Pick) => (p.subj === 'they' ? 'are they' : `is ${p.subj}`);
const doesSubj = (p: Pick) => (p.subj === 'they' ? 'do they' : `does ${p.subj}`);
const hasSubj = (p: Pick) => (p.subj === 'they' ? 'have they' : `has ${p.subj}`);
const verb = (p: Pick, word: string) => (p.subj === 'they' ? `they ${word}` : `${p.subj} ${word}s`);

const lookupKey = (hcp: string): Call => ({ name: 'lookup_hcp_profile', args: { hcp } });
const lookupId = (hcpId: string) => lookupKey(store.hcps.getById(hcpId)!.lastName);
const checkId = (hcpId: string, channel: Channel, purpose?: Purpose): Call => ({ name: 'check_consent', args: { hcpId, channel, ...(purpose ? { purpose } : {}) } });
const nextId = (hcpId: string): Call => next(hcpId);
const draftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel } });
const idFacts = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consentFacts(store.hcps.getById(hcpId)!, channel, purpose);
const idAllowed = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consent(store.hcps.getById(hcpId)!, channel, purpose).passed;
const med = (p: Pick, channel: Channel): Call => check(p, channel, 'medical');
const medDraft = (p: Pick, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId: p.id, channel, purpose: 'medical' } });
const medDraftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel, purpose: 'medical' } });
const medSearch = (query?: string): Call => search({ ...(query ? { query } : {}), purpose: 'medical' });
const mfu = (args: Record<string, unknown> = {}) => perf({ metric: 'medical_follow_up_rate', ...args });
const snooze = (until: string): Call => ({ name: 'record_feedback', args: { verdict: 'snooze', snoozeUntil: until } });
/**
 * report_adverse_event with the key arguments the user named (who told them, the reporting HCP's name, the product,
 * the patient's age and sex when said outright, submit).
 */
const reportAe = (args: { reporter?: 'hcp' | 'employee'; hcp?: string; product?: string; patientAge?: number; patientSex?: 'female' | 'male'; submit?: boolean } = {}): Call => ({ name: 'report_adverse_event', args });
const themes = (maxThemes: number, args: Record<string, unknown> = {}): Call => insights({ ...args, maxThemes });
const nameOf = (hcpId: string) => {
  const hcp = store.hcps.getById(hcpId)!;
  return `${hcp.firstName} ${hcp.lastName}`;
};
/** The consent record and the day its state began, when there is a record. */
const recordAndDay = (hcp: Hcp, channel: Channel): string[] => {
  const found = consent(hcp, channel);
  return found.record ? [found.record, found.day!] : [];
};
/** The territory plan with the plan tool's filters, as the tool ranks it (for "the first one" after a filtered list). */
const planFiltered = (userId: string, filters: PlanFilters, limit = 10) =>
  kit.isolated(() => planTerritory(kit.nba, callerFor(kit.user(userId)), DEMO_AS_OF, { limit, filters })).entries.map((entry) => entry.hcp.id);
/** The nth (0-based) HCP of a plan; fails loudly when the plan is shorter. */
const nth = (ids: string[], index: number): string => {
  const id = ids[index];
  if (!id) throw new Error(`the plan has no entry ${index + 1}`);
  return id;
};
/** HCP ids of the unanswered medical questions summarize_field_insights lists for one territory over the last 30 days, in its order. */
const unansweredIn = (userId: string, territory: string): string[] => {
  const period = resolvePeriod({ period: 'last_30_days' }, DEMO_AS_OF);
  return kit.analytics.fieldInsights
    .summarize({ scope: accessScopeFor(kit.user(userId)), period, previousPeriod: previousPeriod(period), product: null, topic: null, territory })
    .unansweredQuestions.items.map((item) => item.hcp.id);
};
/** plan_territory with its filters (flag, segment, city, specialty, consent, limit) as key arguments. */
const planBy = (filters: Record<string, unknown>): Call => ({ name: 'plan_territory', args: filters });
const recommendedKind = (userId: string, kind: string): Need => (hcp) => recommendation(userId, hcp).recommended.kind === kind;
/** A recommended action as a rep would repeat it. */
const SAYS: Record<string, string> = {
  field_visit: 'go see them',
  remote_detail: 'do a virtual detail',
  approved_email: 'send an approved email',
  event_invitation: 'invite them to an event',
  msl_handoff: 'loop in the msl',
  medical_information_route: 'route it to med info',
  wait: 'sit tight',
};

const TOOL_NAMES = [
  'lookup_hcp_profile',
  'check_consent',
  'search_approved_content',
  'get_next_best_actions',
  'plan_territory',
  'explain_recommendation',
  'draft_followup',
  'record_feedback',
  'summarize_field_insights',
  'query_performance',
  'assess_maturity',
  'report_adverse_event',
];
const policy = (question: string) => turn(question, [], [], { expectAnswered: true });
const outOfScope = (question: string) => turn(question, [], [], { forbidTools: TOOL_NAMES.map((name) => ({ name })) });

const { NE1, NE2, MW1, MW2, W1, W2, MSL_NE, MSL_MW, MSL_W, MA, EAST, WEST, ADMIN } = DEMO_USERS;
const REPS = [W1, NE1, MW2, W2, MW1, NE2];
const MSLS = [MSL_W, MSL_NE, MSL_MW];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Newark', 'Hartford', 'Pittsburgh', 'Boston', 'Worcester', 'Philadelphia', 'Rochester', 'New York'],
  'T-MW': ['Madison', 'Detroit', 'Chicago', 'Minneapolis', 'Cleveland', 'Ann Arbor', 'Evanston', 'Columbus'],
  'T-W': ['Los Angeles', 'Denver', 'Salt Lake City', 'San Francisco', 'Portland', 'Seattle', 'San Diego', 'Phoenix'],
};
const cityOf = (userId: string, index = 0) => CITY[kit.user(userId).territories[0]!]![index % 8]!;
/** The first of the user's cities (from `start`) whose plan with these extra filters is not empty. */
function cityWith(userId: string, extra: PlanFilters, start = 0): string {
  for (let offset = 0; offset < 8; offset++) {
    const city = cityOf(userId, start + offset);
    if (planFiltered(userId, { ...extra, city }).length > 0) return city;
  }
  throw new Error(`no city of ${userId} matches ${JSON.stringify(extra)}`);
}

/** A question about one HCP: who to pick and what to ask. */
type PerUser = { perUser: (userId: string) => Need };
const perUser = (make: (userId: string) => Need): PerUser => ({ perUser: make });
type Ask = [need: Need | PerUser, build: (p: Pick, userId: string) => TurnInput, name?: 'last' | 'first' | 'full' | 'onlyLast'];
function picker(userId: string, given: Need | PerUser, name: Ask[2]): Pick {
  const need = typeof given === 'function' ? given : given.perUser(userId);
  return name === 'first' ? whoFirst(userId, need) : name === 'last' ? whoLast(userId, need) : name === 'onlyLast' ? whoOnlyLast(userId, need) : who(userId, need);
}
function ask(asks: Ask[], nextUser: () => string, category: string, add: typeof rep): void {
  for (const [need, build, name] of asks) {
    const userId = nextUser();
    add(category, userId, build(picker(userId, need, name), userId));
  }
}

// ===================================================================================================
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`${nm(p)} promo email - green light or not`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [hasRecord('sms'), (p) => turn(`${nm(p)} texted me asking when i'm back w samples. am i allowed to text back`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [both(blocked('email'), hasRecord('email')), (p) => turn(`pretty sure ${nm(p)} opted out of our emails at some point. confirm + the date pls`, [check(p, 'email')], recordAndDay(p.hcp, 'email'))],
  [hasRecord('whatsapp'), (p) => turn(`is there actually a whatsapp consent for ${nm(p)} on file or am i imagining it`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`is ${fst(p)} cleared for texts from us`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`before i dial ${nm(p)}'s office line rn - phone consented?`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [doubleable, (p) => turn(`${doubled(p).typed} ok for a virtual detail nxt week`, [lookupKey(doubled(p).key), check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')), 'last'],
  [always, (p) => turn(`can i swing by ${nm(p)}'s practice w/o an appointment, or are in-person visits not cleared for ${p.obj}`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`Hello! Before I reach out I'd like to be sure I'm compliant: does ${p.name} have an active consent for WhatsApp messages from our team? Many thanks in advance.`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`${nm(p)}: email + whatsapp, which of the 2 can i use`, [check(p, 'email'), check(p, 'whatsapp')], [...consentFacts(p.hcp, 'email'), ...consentFacts(p.hcp, 'whatsapp')])],
  [always, (p) => turn(`${nm(p)} would be great for the ad board survey. ok to email ${p.obj} a market research invite?`, [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research'))],
  [always, (p) => turn(`wanna email ${nm(p)} an invite to the december webinar - do we have events consent for that`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events'))],
  [choppable, (p) => turn(`sms consent for ${chopped(p).typed}?`, [lookupKey(chopped(p).key), check(p, 'sms')], consentFacts(p.hcp, 'sms')), 'last'],
  [hasRecord('field_visit'), (p) => turn(`when did ${nm(p)} agree to in-person visits, what's the date on it`, [check(p, 'field_visit')], recordAndDay(p.hcp, 'field_visit'))],
  [blocked('email'), (p) => turn(`let me guess, ${nm(p)} doesn't allow email either? 🙄`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`2 min brief on ${nm(p)}, i'm in the lobby`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} works out of which hospital or group?`, [lookup(p)], [p.hcp.institution])],
  [always, (p) => turn(`remind me what city ${nm(p)}'s office is in`, [lookup(p)], [p.hcp.city])],
  [both(doubleable, inSpecialties('Pulmonary Disease')), (p) => turn(`background on ${doubled(p).typed} the ${slang(p)}? seeing ${p.obj} after lunch`, [lookupKey(doubled(p).key)]), 'last'],
  [hasWebinar, (p) => turn(`wondering if ${nm(p)} has been to any of our events lately`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`does ${nm(p)} have a medical question nobody got back to ${p.obj} on`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} - tier and how influential ${isSubj(p)}`, [lookup(p)])],
  [always, (p) => turn(`need the lowdown on ${fst(p)}, the one at ${low(p.hcp.institution)}`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`Context: I'm meeting ${p.name} at a dinner program thursday, first time. Q: what do we know about ${p.obj} and what ${hasSubj(p)} engaged with so far?`, [lookup(p)])],
  [always, (p) => turn(`last time any1 emailed ${nm(p)}, and did ${p.subj} click anything`, [lookup(p)])],
  [always, (p) => turn(`please can you tell me the informations about doctor ${low(p.last)}, I visit ${p.obj} tomorrow`, [lookup(p)]), 'onlyLast'],
  [always, (p) => turn(`ugh i have zero notes on ${nm(p)}. is there anything in the system at all??`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`curious what omni would do next with ${nm(p)}`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} went dark after the dinner program. nudge ${p.obj} or give it time?`, [next(p.id)])],
  [both(choppable, inSpecialties('Dermatology')), (p) => turn(`${chopped(p).typed} (${slang(p)}) best next step`, [lookupKey(chopped(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`any chance you could tell me what to do about ${nm(p)}`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)}: email, phone, visit... pick one and tell me why`, [next(p.id)])],
  [always, (p) => turn(`What would you recommend as the next engagement with ${p.name}, and which signals is that recommendation based on?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} keeps asking about ${brand(p)} coverage. what do i do next w ${p.obj}`, [next(p.id)])],
  [inSpecialties('Hematology & Oncology'), (p) => turn(`whats next w ${fst(p)}, the ${slang(p)}`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`if u had to pick one touch for ${nm(p)} this week what would it be`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} said "send me something" at the booth. ok... then what`, [next(p.id)])],
  [always, (p) => turn(`for doctor ${low(p.last)} what is the best action now? i am not sure what to do`, [next(p.id)]), 'onlyLast'],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn('where do i start monday morning', [plan()], [nameOf(nth(planIds(u), 0))]),
  () => turn('docs sitting on an unanswered medical q', [planBy({ flag: 'open_medical_question' })]),
  () => turn('anyone clicking our emails then going silent on me?', [planBy({ flag: 'dead_end' })]),
  () => turn("who haven't i physically seen in ages", [planBy({ flag: 'no_recent_visit' })]),
  (u) => turn('B segment, ranked pls', [planBy({ segment: 'B' })], [nameOf(nth(planFiltered(u, { segment: 'B' }), 0))]),
  (u) => {
    const city = cityWith(u, { specialty: 'oncology' });
    return turn(`oncology docs in ${low(city)} worth a stop`, [planBy({ city, specialty: 'oncology' })]);
  },
  () => turn('need 20 names to cover the next two weeks', [plan(20)]),
  (u) => {
    const city = cityWith(u, {}, 1);
    return turn(`anything worth doing in ${low(city)} this week`, [planBy({ city })]);
  },
  () => turn('docs who said yes to texts', [planBy({ consent: { channel: 'sms', status: 'granted' } })]),
  (u) => turn('neurology list, best first', [planBy({ specialty: 'neurology' })], [nameOf(nth(planFiltered(u, { specialty: 'neurology' }), 0))]),
  () => turn('gi docs i owe a follow-up to', [planBy({ flag: 'follow_up_due', specialty: 'gastroenterology' })]),
  () => turn('who have we never even asked for email consent', [planBy({ consent: { channel: 'email', status: 'none' } })]),
  () => turn('A tier docs whose email consent lapsed', [planBy({ segment: 'A', consent: { channel: 'email', status: 'expired' } })]),
  (u) => {
    const city = cityWith(u, { flag: 'open_medical_question' }, 2);
    return turn(`${low(city)}: docs with a med question still open`, [planBy({ city, flag: 'open_medical_question' })]);
  },
  () => turn('top 5 D docs', [planBy({ segment: 'D', limit: 5 })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('keytuda approved slide on immune side effects', [search({ query: 'keyt' })]),
  () => turn('imbrivuca afib leave-behind, mlr approved?', [search({ query: 'imbr' })]),
  () => turn('xlejanz serious infections wording that is approved', [search({ query: 'janz' })]),
  () => turn("stelera approved data on crohn's i can show", [search({ query: 'stel' })]),
  () => turn('tecfedira PML - anything approved i can hand out', [search({ query: 'tecf' })]),
  () => turn('gillenya first dose observation piece (approved)', [search({ query: 'lenya' })]),
  () => turn('kalydecko approved efficacy summary?', [search({ query: 'kalydec' })]),
  () => turn('cerdelgra approved patient eligibility content', [search({ query: 'cerdel' })]),
  () => turn('anything approved comparing us head to head with dupixent', [search({ query: 'dupixent' })]),
  () => turn("approved xeljanz stuff that's ok to send by sms", [search({ query: 'xeljanz', channel: 'sms' })]),
  () => turn('just the top 2 approved stelara pieces, nothing more', [search({ query: 'stelara', limit: 2 })]),
  () => turn('need approved trikafta vs kalydeco material for the CF clinic', [search({ query: 'trikafta' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`need a follow-up email to ${nm(p)} after today's ${brand(p)} chat, can u write it`, [draft(p, 'email')])],
  [blocked('email'), (p) => turn(`pls write an email to ${nm(p)} w the ${brand(p)} efficacy data`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`draft a short text to ${nm(p)} saying i'll drop off the materials friday`, [draft(p, 'sms')])],
  [allowed('whatsapp'), (p) => turn(`whatsapp msg to ${nm(p)} re the ${brandTypo(p)} copay card, draft it`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`${nm(p)} sat in on our webinar - write the follow-up email`, [draft(p, 'email')])],
  [blocked('sms'), (p) => turn(`text ${nm(p)} that i'm running 10 min late, write it quick`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('email'), (p) => turn(`compose an email for ${nm(p)} on ${brand(p)} access support`, [draft(p, 'email')])],
  [blocked('whatsapp'), (p) => turn(`draft a whatsapp to ${nm(p)}, apparently ${verb(p, 'prefer')} it over email`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`pull ${nm(p)} up and tell me if email's ok`, [lookup(p), check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`${nm(p)} - next step + an approved ${brand(p)} piece to bring along`, [next(p.id), search({ query: brandKey(p) })])],
  [always, (p) => turn(`${nm(p)}: is phone ok, and what's the rec`, [check(p, 'phone'), next(p.id)], consentFacts(p.hcp, 'phone'))],
  [allowed('email'), (p) => turn(`check ${nm(p)}'s email consent and if it's fine write ${p.obj} a quick ${brand(p)} note`, [check(p, 'email'), draft(p, 'email')], consentFacts(p.hcp, 'email'))],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)} has something pending w medical right? and what should i do about it`, [lookup(p), next(p.id)])],
  [always, (p) => turn(`${nm(p)} f2f - cleared? otherwise what's the alternative`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`why no email suggestion for ${nm(p)}? seems like the easy option`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`${nm(p)} - how come a visit isn't the rec`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'phone')), (p) => turn(`why wouldn't omni have me call ${nm(p)}`, [next(p.id), explain('phone')])],
  [perUser((u) => recommendedKind(u, 'wait')), (p) => turn(`${nm(p)}'s rec is literally do nothing?? explain`, [next(p.id)])],
  [always, (p, u) => turn(`omni says ${SAYS[recommendation(u, p.hcp).recommended.kind]} with ${nm(p)}. what's that based on`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`snooze ${nm(p)} for 2 wks, ${subjIs(p)} at a conference`, [next(p.id), snooze('2026-12-04')])],
  [always, (p) => turn(`dismiss ${nm(p)}'s rec, ${p.subj} moved out of state`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`accepting the rec for ${nm(p)}, going in monday`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`${nm(p)}: hold the rec till monday pls`, [next(p.id), snooze('2026-11-23')])],
  [always, (p) => turn(`${nm(p)} only sees reps who bring lunch for 30. this rec isn't happening, dismiss`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`mute ${nm(p)}'s recommendation til 12/10`, [next(p.id), snooze('2026-12-10')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${nm(p)} said a pt on ${brand(p)} ended up in the ER w chest pain, 61 yo male. reportable?`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 61, patientSex: 'male' })])],
  [inSpecialties('Pediatrics'), (p) => turn(`${nm(p)}, the ${slang(p)}: ${p.poss} PA mentioned a patient on ${brandTypo(p)} losing a lot of hair. does that need reporting`, [reportAe({ hcp: p.last, product: brandKey(p) })])],
  [always, () => turn('i saw an infusion reaction myself while i was in the clinic, patient on keytruda. how do i report it', [reportAe({ reporter: 'employee', product: 'keytruda' })])],
  [always, (p) => turn(`${nm(p)} mentioned in passing that someone on ${brand(p)} got really bad headaches`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`${nm(p)}: pt on ${brand(p)}, liver problems, 39 y/o woman - file it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 39, patientSex: 'female' })])],
];

ask(repConsent, nextRep, 'consent', rep);
ask(repBrief, nextRep, 'brief', rep);
ask(repNext, nextRep, 'next_action', rep);
for (const build of repPlan) {
  const userId = nextRep();
  rep('plan', userId, build(userId));
}
for (const build of repContent) rep('content', nextRep(), build());
ask(repDraft, nextRep, 'draft', rep);
ask(repTwo, nextRep, 'two_asks', rep);
{
  // Two HCPs in one question.
  const userId = nextRep();
  const a = whoLast(userId);
  const b = whoLast(userId);
  rep('two_asks', userId, turn(`${nm(a)} n ${nm(b)}: email consent for each of them`, [check(a, 'email'), check(b, 'email')], [...consentFacts(a.hcp, 'email'), ...consentFacts(b.hcp, 'email')]));
  const userId2 = nextRep();
  const c = whoLast(userId2);
  const d = whoLast(userId2);
  rep('two_asks', userId2, turn(`only time for one on friday: ${nm(c)} or ${nm(d)}?`, [next(c.id), next(d.id)]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn('how am i tracking on follow ups vs the other reps', [perf({ metric: 'follow_up_rate' })]));
rep('team_metrics', nextRep(), turn("what's my engagement rate looking like, last 90", [perf({ metric: 'engagement_rate', period: 'last_90_days' })]));

for (const question of [
  "doc wants me to cover their spouse's dinner too at the program, ok?",
  "can i point out a competitor's safety problems when i'm detailing",
  'doc asked for a reprint of an off-label study, can i hand it over',
  "am i allowed to pay a doc's parking when they come to our speaker program",
  "can i mention our drug's use in kids when it isn't approved for kids",
  "can i take a doc golfing if we talk shop on the course",
  'a doc asked if i can get her onto our speaker bureau, can i promise that',
]) rep('policy', nextRep(), policy(question));
for (const question of ['is it supposed to snow in pittsburgh sat', 'write a limerick about my commute', 'who are the favorites for the super bowl', 'how do i factory reset my iphone']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn('what came up in my notes this past week', [insights({ period: 'last_7_days' })]),
  () => turn("two weeks' worth of notes — what patterns stand out", [insights({ period: 'last_14_days' })]),
  () => turn('from the 1st of august onward, what have my docs been talking about', [insights({ from: '2026-08-01' })]),
  () => turn('what are my oncologists raising about keytruda', [insights({ product: 'keytruda', specialty: 'oncology' })]),
  () => turn('imbruvica dosing questions over the last sixty days', [insights({ product: 'imbruvica', topic: 'dosing', period: 'last_60_days' })]),
  () => turn('competitors coming up against xeljanz, past three months', [insights({ product: 'xeljanz', topic: 'compet', period: 'last_90_days' })]),
  () => turn('access barriers raised by neurology docs, month so far', [insights({ topic: 'access', specialty: 'neurology', period: 'this_month' })]),
  () => turn('only the top 3 themes over the past half year please', [themes(3, { period: 'last_180_days' })]),
  () => turn('off-label questions on kalydeco since the start of the year', [insights({ product: 'kalydeco', topic: 'off', period: 'year_to_date' })]),
  () => turn('cerdelga notes between 10/1 and 11/15', [insights({ product: 'cerdelga', from: '2026-10-01', to: '2026-11-15' })]),
  () => turn('which of my HCPs are still waiting on an answer from medical', [insights()]),
  () => turn('What has come up with Pediatrics specialists in my territory over the past twelve months?', [insights({ specialty: 'pediatrics', period: 'last_365_days' })]),
  () => turn('positive remarks docs made about tecfidera lately', [insights({ product: 'tecfidera', topic: 'positive' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_NE, (u) => turn('any possible AEs buried in my notes from the last two weeks', [insights({ period: 'last_14_days' })], adverseEventNotes(u, 'last_14_days'))],
  [MSL_W, (u) => turn('pharmacovigilance pass over my field notes, past 30 days', [insights()], adverseEventNotes(u, 'last_30_days'))],
  [MSL_MW, (u) => turn('AE screen on the last qtr of my notes', [insights({ period: 'last_quarter' })], adverseEventNotes(u, 'last_quarter'))],
  [MSL_NE, (u) => turn('keytruda: any safety events recorded in my notes in the past 90 days', [insights({ product: 'keytruda', period: 'last_90_days' })], adverseEventNotes(u, 'last_90_days', 'prod-keytruda'))],
  [MSL_W, (u) => turn('imbruvica possible AEs since the start of the year', [insights({ product: 'imbruvica', period: 'year_to_date' })], adverseEventNotes(u, 'year_to_date', 'prod-imbruvica'))],
  [MSL_MW, (u) => turn('xeljanz adverse event mentions, last sixty days', [insights({ product: 'xeljanz', period: 'last_60_days' })], adverseEventNotes(u, 'last_60_days', 'prod-xeljanz'))],
];
const mslBrief: Ask[] = [
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)} has an open medical question - what is it, precisely?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: date of the most recent msl meeting?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} - publications, trials, advisory boards?`, [lookup(p)])],
  [both(choppable, inSpecialties('Medical Genetics')), (p) => turn(`full profile for ${chopped(p).typed}, the ${slang(p)}`, [lookupKey(chopped(p).key)]), 'last'],
  [always, (p) => turn(`${fst(p)} from ${low(p.hcp.institution)} - what do we have`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`has ${nm(p)} come to any of our scientific events`, [lookup(p)])],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`${nm(p)}'s msl meeting consent - still in force?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`can medical email ${nm(p)} the poster ${p.subj} asked about at the congress`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`${nm(p)} would rather get a phone call. medical purpose, are we allowed`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`${fst(p)}: is an in-person msl visit consented`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`${nm(p)} - ok to send the med info response via whatsapp?`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
  [always, (p) => turn(`would a remote detail with ${nm(p)} be permitted for medical purposes?`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('is there a medical response on keytruda and myasthenia gravis', [medSearch('keytruda')]),
  () => turn('eliglustat in CYP2D6 poor metabolizers - medical letter?', [medSearch()]),
  () => turn("stelara induction dosing in crohn's, any medical content", [medSearch('stelara')]),
  () => turn('tecfidera and lymphopenia, medical response document', [medSearch('tecfidera')]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`draft a medical follow-up email to ${nm(p)} on the ${brand(p)} safety data ${p.subj} asked about`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`write up a medical email for ${nm(p)} with the trial data`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`${nm(p)} wants the ${brand(p)} renal impairment info — medical email draft please`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [inSpecialties('Hematology & Oncology', 'Medical Oncology'), (p) => turn(`${nm(p)} reported a patient on ${brand(p)} with severe neutropenia, a 67 year old woman`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 67, patientSex: 'female' })])],
  [always, () => turn('a doc at my advisory board mentioned a tecfidera patient who got shingles, nothing else known. submit it regardless', [reportAe({ product: 'tecfidera', submit: true })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn('medical follow-up rate in my territory, year to date', [mfu({ period: 'year_to_date' })]));
for (const question of [
  'can i proactively raise an unapproved indication with a kol',
  'is it ok for me to join a rep on a sales call',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('recommend a good sci-fi novel for a long flight'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('field highlights from this past week', [insights({ period: 'last_7_days' })]),
  turn('imbruvica concerns out of the northeast, last 90', [insights({ territory: 'T-NE', product: 'imbruvica', period: 'last_90_days' })]),
  turn('everything the field heard over the past twelve months, all brands', [insights({ period: 'last_365_days' })]),
  turn('west neurologists - what themes this qtr', [insights({ territory: 'T-W', specialty: 'neurology', period: 'this_quarter' })]),
  turn('safety concerns across the portfolio since the start of the year', [insights({ topic: 'safety', period: 'year_to_date' })]),
  turn('competitor mentions against stelara, last two weeks', [insights({ product: 'stelara', topic: 'compet', period: 'last_14_days' })]),
  turn('off-label asks coming out of the midwest this month', [insights({ topic: 'off', territory: 'T-MW', period: 'this_month' })]),
  turn('gilenya field notes between 9/15 and 10/31', [insights({ product: 'gilenya', from: '2026-09-15', to: '2026-10-31' })]),
  turn('access problems from dermatologists, last 60 days', [insights({ topic: 'access', specialty: 'dermatology', period: 'last_60_days' })]),
  turn('just the emerging themes, last 30', [insights()]),
  turn('Could you provide a summary of field insights on TECFIDERA from October 1 onward, highlighting any medical questions still awaiting a response?', [insights({ product: 'tecfidera', from: '2026-10-01' })]),
  turn('top 5 themes company-wide for last quarter, for the governance deck', [themes(5, { period: 'last_quarter' })]),
];
const maAe: TurnInput[] = [
  turn('possible AEs across the field, last seven days', [insights({ period: 'last_7_days' })], adverseEventNotes(MA, 'last_7_days')),
  turn('PV intake list for this month - every single item', [insights({ period: 'this_month' })], adverseEventNotes(MA, 'this_month')),
  turn('imbruvica AE candidates, past 60', [insights({ product: 'imbruvica', period: 'last_60_days' })], adverseEventNotes(MA, 'last_60_days', 'prod-imbruvica')),
  turn('xeljanz safety mentions this qtr', [insights({ product: 'xeljanz', period: 'this_quarter' })], adverseEventNotes(MA, 'this_quarter', 'prod-xeljanz')),
  turn('kalydeco possible adverse events since new year', [insights({ product: 'kalydeco', period: 'year_to_date' })], adverseEventNotes(MA, 'year_to_date', 'prod-kalydeco')),
  turn('signal sweep over the last 90 days, all products, any potential ICSRs', [insights({ period: 'last_90_days' })], adverseEventNotes(MA, 'last_90_days')),
];
const maFollowUp: TurnInput[] = [
  turn('medical follow-up rate against a year ago', [mfu({ compareTo: 'previous_year' })]),
  turn('med f/u per territory, last quarter', [mfu({ dimension: 'territory', period: 'last_quarter' })]),
  turn('medical follow up broken down by specialty', [mfu({ dimension: 'specialty' })]),
  turn('medical follow-up on keytruda, qtd', [mfu({ period: 'quarter_to_date', filters: { product: 'keytruda' } })]),
  turn('week by week medical follow-up over the last 90', [mfu({ dimension: 'week', period: 'last_90_days' })]),
  turn("oncology HCPs: what's our medical follow-up rate", [mfu({ filters: { specialty: 'oncology' } })]),
  turn('med follow-up rate from sept 1 through oct 31', [mfu({ period: { from: '2026-09-01', to: '2026-10-31' } })]),
  turn('medical follow-up for A segment HCPs only', [mfu({ filters: { segment: 'A' } })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`${nm(p)} - advisory board candidate? profile please`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)}: is any medical question of ${p.poss} still unanswered`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: which institution, and in what city`, [lookup(p)], [p.hcp.institution, p.hcp.city])],
  [doubleable, (p) => turn(`can you find ${doubled(p).typed} in the system`, [lookupKey(doubled(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('med info letter on imbruvica and bleeding with anticoagulants?', [medSearch('imbruvica')]),
  turn('gilenya use in pregnancy - is there a medical response', [medSearch('gilenya')]),
  turn('ustekinumab and live vaccines, medical letter available?', [medSearch()]),
  turn('CERDELGA co-administered with strong CYP3A inhibitors: medical letter?', [medSearch('cerdelga')]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`${nm(p)} - may medical send ${p.obj} a reprint by email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`${nm(p)}: do we hold an msl meeting consent, and is it current`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`${nm(p)}: phone call from medical, do we hold consent`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA, inSpecialties('Hematology & Oncology'));
  msl('ae_report', MA, turn(`rep forwarded this: ${nm(p)} has an imbruvica patient with a major GI bleed, 74M. please log the case`, [reportAe({ hcp: p.last, product: 'imbruvica', patientAge: 74, patientSex: 'male' })]));
}
for (const question of [
  "can medical affairs pay for a kol's travel to a congress",
  'can msls give reps a list of docs who asked off-label questions',
  'is an advisory board with 40 paid advisors ok',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('plan me a 3 day trip to lisbon'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn('median days from a signal to the follow-up, this team', [perf({ metric: 'median_time_to_follow_up' })])],
  [EAST, turn('dead ends by territory for the quarter that just closed', [perf({ metric: 'dead_end_rate', dimension: 'territory', period: 'last_quarter' })])],
  [EAST, turn('unique hcps reached in the past 7 days', [perf({ metric: 'reach', period: 'last_7_days' })])],
  [EAST, turn('avg touches per hcp, each rep', [perf({ metric: 'frequency', dimension: 'rep' })])],
  [EAST, turn('open rate on imbruvica emails, qtd', [perf({ metric: 'email_open_rate', period: 'quarter_to_date', filters: { product: 'imbruvica' } })])],
  [EAST, turn('webinar attendance month over month since new years', [perf({ metric: 'webinar_attendance', dimension: 'month', period: 'year_to_date' })])],
  [EAST, turn("segment view of hcps we're over-contacting", [perf({ metric: 'over_contacted', dimension: 'segment' })])],
  [EAST, turn('what % of docs have whatsapp consent in each of my territories', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'whatsapp' } })])],
  [EAST, turn('cross-channel progression against a year ago', [perf({ metric: 'cross_channel_progression', compareTo: 'previous_year' })])],
  [EAST, turn('engagement among B docs, last month', [perf({ metric: 'engagement_rate', period: 'last_month', filters: { segment: 'B' } })])],
  [EAST, turn("casey's follow-up rate over the last 90", [perf({ metric: 'follow_up_rate', period: 'last_90_days', filters: { rep: 'u-rep-ne-2' } })])],
  [EAST, turn("jamie's reach, month so far", [perf({ metric: 'reach', period: 'month_to_date', filters: { rep: 'u-rep-mw-2' } })])],
  [EAST, turn('ferreira — engagement rate pls', [perf({ metric: 'engagement_rate', filters: { rep: 'u-rep-mw-1' } })])],
  [EAST, turn('reach from sept 1 through oct 31', [perf({ metric: 'reach', period: { from: '2026-09-01', to: '2026-10-31' } })])],
  [EAST, turn('engagement on webinars only', [perf({ metric: 'engagement_rate', filters: { channel: 'webinar' } })])],
  [WEST, turn('median follow-up time per rep, qtd', [perf({ metric: 'median_time_to_follow_up', dimension: 'rep', period: 'quarter_to_date' })])],
  [WEST, turn('dead ends by segment, against a year ago', [perf({ metric: 'dead_end_rate', dimension: 'segment', compareTo: 'previous_year' })])],
  [WEST, turn('which specialties actually open our emails', [perf({ metric: 'email_open_rate', dimension: 'specialty' })])],
  [WEST, turn('how often are we touching neurology docs', [perf({ metric: 'frequency', filters: { specialty: 'neurology' } })])],
  [WEST, turn('nba acceptance by month this year', [perf({ metric: 'nba_acceptance_rate', dimension: 'month', period: 'year_to_date' })])],
  [WEST, turn('phone opt-in coverage: A vs B vs C vs D', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'phone' } })])],
  [WEST, turn("prescott's dead end rate", [perf({ metric: 'dead_end_rate', filters: { rep: 'u-rep-w-1' } })])],
  [WEST, turn('over-contacting, week by week', [perf({ metric: 'over_contacted', dimension: 'week' })])],
  [WEST, turn('cross-channel progression for gastroenterology docs', [perf({ metric: 'cross_channel_progression', filters: { specialty: 'gastroenterology' } })])],
  [WEST, turn('follow-up rate, just the number, no comparison', [perf({ metric: 'follow_up_rate', compareTo: 'none' })])],
  // Another team's region: the tool counts only the caller's team and answers so.
  [WEST, turn("how's the midwest doing on reach", [perf({ metric: 'reach', filters: { territory: ['T-MW'] } })])],
  [ADMIN, turn('org-wide engagement by channel', [perf({ metric: 'engagement_rate', dimension: 'channel' })])],
  [ADMIN, turn('sms opt-in coverage, each territory', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'sms' } })])],
  [ADMIN, turn("jordan soto's engagement, last quarter", [perf({ metric: 'engagement_rate', period: 'last_quarter', filters: { rep: 'u-rep-w-2' } })])],
  [ADMIN, turn('median follow-up days in the midwest, qtd', [perf({ metric: 'median_time_to_follow_up', period: 'quarter_to_date', filters: { territory: ['T-MW'] } })])],
  [ADMIN, turn('webinar attendance by segment over the last 12 months', [perf({ metric: 'webinar_attendance', dimension: 'segment', period: 'last_365_days' })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('what maturity stage is the team sitting at right now', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('biggest maturity gaps, ranked?', [maturity]));
mgr('maturity', EAST, turn('run maturity on a 120-day lookback', [{ name: 'assess_maturity', args: { periodDays: 120 } }]));
mgr('maturity', ADMIN, turn('company-wide omnichannel maturity - which stage', [maturity], [maturityStage(ADMIN)]));
mgr('maturity', WEST, turn("what's the blocker to leveling up our maturity", [maturity]));
mgr('maturity', ADMIN, turn('assess maturity over a full year of data', [{ name: 'assess_maturity', args: { periodDays: 365 } }]));

mgr('plan', EAST, turn('top 15 hcps across the team', [plan(15)], [nameOf(nth(planIds(EAST, 15), 0))]));
mgr('plan', WEST, turn('team-wide: who engaged and then went silent', [planBy({ flag: 'dead_end' })]));
mgr('plan', EAST, turn('B docs with a med question pending', [planBy({ flag: 'open_medical_question', segment: 'B' })]));
{
  const city = cityWith(WEST, { flag: 'follow_up_due' }, 2);
  mgr('plan', WEST, turn(`${low(city)} docs with follow-ups overdue`, [planBy({ city, flag: 'follow_up_due' })]));
}
mgr('plan', ADMIN, turn('top 6 across the whole country', [plan(6)], [nameOf(nth(planIds(ADMIN, 6), 0))]));
mgr('plan', EAST, turn('which hcps on my team have no sms consent record at all', [planBy({ consent: { channel: 'sms', status: 'none' } })]));
mgr('plan', WEST, turn("team's neurology hcps, in priority order", [planBy({ specialty: 'neurology' })], [nameOf(nth(planFiltered(WEST, { specialty: 'neurology' }), 0))]));

{
  const a = who(EAST);
  mgr('brief', EAST, turn(`riding along to see ${nm(a)} tmrw - give me the background`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`${nm(b)}: last contact from my team, and on what channel`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${low(c.name)}: institution and city`, [lookup(c)], [c.hcp.institution, c.hcp.city]));
  const d = who(EAST);
  mgr('next_action', EAST, turn(`my rep is stuck on ${nm(d)}. what does omni recommend`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`${nm(e)} — sanity check the rec for me`, [next(e.id)]));
  const f = who(EAST);
  mgr('consent', EAST, turn(`${nm(f)}: can my team email ${f.obj} promo material`, [check(f, 'email')], consentFacts(f.hcp, 'email')));
  const g = who(WEST, hasRecord('sms'));
  mgr('consent', WEST, turn(`${nm(g)}'s sms consent, is it current`, [check(g, 'sms')], consentFacts(g.hcp, 'sms')));
  const h = who(WEST, inSpecialties('Gastroenterology', 'Dermatology', 'Rheumatology'));
  mgr('ae_report', WEST, turn(`one of my reps heard from ${nm(h)}: a patient on ${brand(h)} got a serious infection. i'm filing, walk me through it`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('open rate and click rate per territory, last quarter', [perf({ metric: 'email_open_rate', dimension: 'territory', period: 'last_quarter' }), perf({ metric: 'email_click_rate', dimension: 'territory', period: 'last_quarter' })]));
mgr('two_asks', WEST, turn('give me two things: dead ends per rep, and the maturity stage', [perf({ metric: 'dead_end_rate', dimension: 'rep' }), maturity], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('reach and frequency, each by segment', [perf({ metric: 'reach', dimension: 'segment' }), perf({ metric: 'frequency', dimension: 'segment' })]));

mgr('policy', EAST, policy("can my reps expense dinner for a doc and the doc's whole office staff"));
mgr('policy', WEST, policy('is it ok to rank my reps publicly on script volume'));
mgr('policy', ADMIN, policy("may reps go to a doctor's private birthday party as guests"));
mgr('out_of_scope', WEST, outOfScope('draft my self-assessment for my performance review'));
mgr('out_of_scope', ADMIN, outOfScope("what's a good restaurant in denver for a team offsite"));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep.
{
  // After a plan: number four, then the one after it.
  const u = W1;
  const ids = planIds(u);
  const four = nth(ids, 3);
  const five = nth(ids, 4);
  rep('plan', u,
    turn('lay out my week, best order first', [plan()]),
    turn("number four - who's that", [lookupId(four)], [nameOf(four)]),
    turn('phone ok for them?', [checkId(four, 'phone')], idFacts(four, 'phone')),
    turn('and the one after that, can i email', [checkId(five, 'email')], idFacts(five, 'email')),
  );
}
{
  const u = NE1;
  const p = who(u, notRecommended(u, 'whatsapp'));
  rep('why_not', u,
    turn(`${nm(p)} quick profile pls`, [lookup(p)]),
    turn('what does omni want from me there', [next(p.id)]),
    turn(`${verb(p, 'answer')} whatsapp way faster tho, why not that`, [explain('whatsapp')]),
    turn('fine. accept the rec', [feedback('accept')]),
  );
}
{
  const u = MW2;
  const p = who(u, both(allowed('email'), inSpecialties('Medical Oncology')));
  const whatsappFine = consent(p.hcp, 'whatsapp').passed;
  rep('content', u,
    turn('approved keytruda material on immune-mediated colitis', [search({ query: 'keytruda' })]),
    turn('what does the first hit actually say', []),
    turn(`draft an email to ${nm(p)} with that piece`, [draft(p, 'email')]),
    turn('flip it to whatsapp', [whatsappFine ? draft(p, 'whatsapp') : check(p, 'whatsapp')], whatsappFine ? [] : consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  const u = W2;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('consent', u,
    turn(`${nm(a)} - remote detail consent?`, [check(a, 'remote_detail')], consentFacts(a.hcp, 'remote_detail')),
    turn(`ditto for ${nm(b)}`, [check(b, 'remote_detail')], consentFacts(b.hcp, 'remote_detail')),
    turn('can i text either of them', [check(a, 'sms'), check(b, 'sms')], [...consentFacts(a.hcp, 'sms'), ...consentFacts(b.hcp, 'sms')]),
    turn(`back to ${nm(a)}: what's the rec`, [next(a.id)]),
  );
}
{
  const u = MW1;
  const ids = planFiltered(u, { flag: 'follow_up_due' });
  const id = nth(ids, ids.length - 2);
  rep('plan', u,
    turn('which follow-ups have i let slip', [planBy({ flag: 'follow_up_due' })]),
    turn('second-to-last one, who is it', [lookupId(id)], [nameOf(id)]),
    turn('and the recommended action for that doc', [nextId(id)]),
    turn('snooze it a week', [snooze('2026-11-27')]),
  );
}
{
  const u = NE2;
  const city = cityWith(u, { segment: 'A' }, 3);
  const id = nth(planFiltered(u, { city, segment: 'A' }), 0);
  rep('plan', u,
    turn(`who's worth seeing in ${low(city)}`, [planBy({ city })]),
    turn('only my A docs there', [planBy({ city, segment: 'A' })]),
    turn('top name - whatsapp ok?', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
    turn('and if we did a remote detail instead', [checkId(id, 'remote_detail')], idFacts(id, 'remote_detail')),
  );
}
{
  const u = W1;
  const p = whoFirst(u);
  const mailFine = emailOk(p.hcp);
  rep('brief', u,
    turn(`${fst(p)} the ${slang(p)} - pull ${p.poss} profile`, ...byFirst(p)),
    turn(`the ${low(p.last)} one`, [lookup(p)]),
    turn(`email ${p.obj}, allowed?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    mailFine ? turn("write it then, whatever omni thinks is most relevant", [draft(p, 'email')]) : turn("ok so what's my best option with that", [next(p.id)]),
  );
}
{
  const u = NE1;
  const p = who(u, both(blocked('email'), hasRecord('email')));
  rep('consent', u,
    turn(`email ${nm(p)} the new dosing card`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`hm, what date did ${p.subj} pull it`, [], recordAndDay(p.hcp, 'email')),
    turn('what can i do instead', [next(p.id)]),
    turn(`dismiss it, ${subjIs(p)} leaving the practice anyway`, [feedback('dismiss')]),
  );
}
{
  const u = MW2;
  const p = whoLast(u, choppable);
  rep('feedback', u,
    turn(`${chopped(p).typed} where are we at`, [lookupKey(chopped(p).key)]),
    turn("what's omni want me to do there", [next(p.id)]),
    turn('snooze till the end of the month', [snooze('2026-11-30')]),
  );
}
{
  const u = W2;
  const city = cityWith(u, { specialty: 'oncology', flag: 'follow_up_due' }, 0);
  const id = nth(planFiltered(u, { city, specialty: 'oncology', flag: 'follow_up_due' }), 0);
  rep('plan', u,
    turn(`oncologists in ${low(city)}, for next week`, [planBy({ city, specialty: 'oncology' })]),
    turn('narrow to the ones where i owe a follow-up', [planBy({ city, specialty: 'oncology', flag: 'follow_up_due' })]),
    turn('first on that list, in-person visit cleared?', [checkId(id, 'field_visit')], idFacts(id, 'field_visit')),
  );
}
{
  const u = MW1;
  const p = who(u, both(allowed('email'), inSpecialties('Neurology')));
  rep('content', u,
    turn('approved tecfidera content on GI tolerability', [search({ query: 'tecfidera' })]),
    turn('same for gilenya, anything on bradycardia', [search({ query: 'gilenya' })]),
    turn(`email the tecfidera one to ${nm(p)}, the ${slang(p)}`, [draft(p, 'email')]),
    turn('make the opening friendlier', []),
  );
}
{
  const u = NE2;
  const p = who(u, both(hasWebinar, emailOk));
  rep('draft', u,
    turn(`which of our webinars has ${nm(p)} attended`, [lookup(p)]),
    turn(`write a follow-up to ${p.obj} about the most recent one`, [draft(p, 'email')]),
    turn(`${hasSubj(p)} been opening what we send`, []),
    turn('would calling be the better play', [next(p.id)]),
  );
}
{
  const u = W1;
  const p = who(u);
  rep('next_action', u,
    turn(`${nm(p)} has had a bunch of emails from us this month, is that too many?`, [lookup(p)]),
    turn("ok what's the smarter play", [next(p.id)]),
    turn('can i at least text', [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
  );
}
{
  const u = NE1;
  const a = whoLast(u);
  const b = whoLast(u, (hcp) => hcp.specialty !== a.hcp.specialty);
  rep('two_asks', u,
    turn(`${nm(a)} vs ${nm(b)} — what's the rec for each`, [next(a.id), next(b.id)]),
    turn(`${ROLE[b.hcp.specialty]}, email consent?`, [check(b, 'email')], consentFacts(b.hcp, 'email')),
    turn('and the first, whatsapp?', [check(a, 'whatsapp')], consentFacts(a.hcp, 'whatsapp')),
    turn('snooze the second one till monday', [snooze('2026-11-23')]),
  );
}
{
  const u = MW2;
  const ids = planIds(u, 7);
  const id = nth(ids, 6);
  const recommended = recommendation(u, store.hcps.getById(id)!).recommended.channel;
  const asked: Channel = recommended === 'remote_detail' ? 'phone' : 'remote_detail';
  rep('plan', u,
    turn('7 stops for the rest of the week', [plan(7)]),
    turn('the last name there, who is that', [lookupId(id)], [nameOf(id)]),
    turn('what does the nba say for them', [nextId(id)]),
    turn(asked === 'remote_detail' ? 'why not a virtual detail instead' : 'why not just phone them instead', [explain(asked)]),
  );
}
{
  const u = W2;
  const ids = planFiltered(u, { flag: 'dead_end' });
  const id = nth(ids, 0);
  rep('plan', u,
    turn('who showed interest and then ghosted me', [planBy({ flag: 'dead_end' })]),
    turn('top of that list - profile', [lookupId(id)], [nameOf(id)]),
    turn('ok and what do i do w them', [nextId(id)]),
    turn('sounds right, mark it accepted', [feedback('accept')]),
  );
}
{
  const u = MW1;
  const p = who(u, both(blocked('sms'), hasRecord('sms')));
  rep('consent', u,
    turn(`gonna text ${nm(p)} about thursday, all good?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn('wait when did that change', [], recordAndDay(p.hcp, 'sms')),
    turn('so what am i allowed to do', [next(p.id)]),
    turn('ok go with that, accept', [feedback('accept')]),
  );
}
{
  const u = NE2;
  const p = who(u, both(allowed('email'), inSpecialties('Pediatrics', 'Pulmonary Disease')));
  const whatsappFine = consent(p.hcp, 'whatsapp').passed;
  rep('content', u,
    turn('approved kalydeco content on sweat chloride results', [search({ query: 'kalydeco' })]),
    turn('is that one ok to send by text', []),
    turn(`write ${nm(p)} an email carrying that piece`, [draft(p, 'email')]),
    turn(`whatsapp it to ${p.obj} as well`, [whatsappFine ? draft(p, 'whatsapp') : check(p, 'whatsapp')], whatsappFine ? [] : consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  const u = W1;
  const p = who(u, notRecommended(u, 'email'));
  rep('why_not', u,
    turn(`${nm(p)}: omni's pick this week?`, [next(p.id)]),
    turn('why is email off the table', [explain('email')]),
    turn(`is there an email opt-in for ${p.obj} at all`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn("dismiss it, doesn't fit anymore", [feedback('dismiss')]),
  );
}
{
  const u = NE1;
  const first = nth(planFiltered(u, { flag: 'follow_up_due', segment: 'C' }, 3), 0);
  rep('plan', u,
    turn('whose follow-up am i late on', [planBy({ flag: 'follow_up_due' })]),
    turn('keep only the C segment', [planBy({ flag: 'follow_up_due', segment: 'C' })]),
    turn('cut it to 3', [planBy({ flag: 'follow_up_due', segment: 'C', limit: 3 })]),
    turn('the first of those three - can i email them', [checkId(first, 'email')], idFacts(first, 'email')),
  );
}
{
  const u = MW2;
  const p = whoFirst(u);
  rep('brief', u,
    turn(`Hi, sorry to bother — could you pull up what we have on ${fst(p)}? I'm seeing ${p.obj} in an hour.`, ...byFirst(p)),
    turn(`it's ${low(p.name)}`, [lookup(p)]),
    turn(`is anything waiting on medical for ${p.obj}`, []),
    turn(`phone ${p.obj} about it - allowed?`, [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
  );
}
{
  const u = W2;
  const p = who(u, allowed('whatsapp'));
  const smsFine = consent(p.hcp, 'sms').passed;
  const emailFine = emailOk(p.hcp);
  rep('draft', u,
    turn(`whatsapp to ${nm(p)} w the newest ${brand(p)} info, draft it`, [draft(p, 'whatsapp')]),
    turn('too long, trim it', []),
    turn('now the same thing as an sms', [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
    turn('and an email version', [emailFine ? draft(p, 'email') : check(p, 'email')], emailFine ? [] : consentFacts(p.hcp, 'email')),
  );
}
{
  const u = MW1;
  const a = who(u);
  const b = who(u);
  rep('next_action', u,
    turn(`${nm(a)}: what would omni have me do`, [next(a.id)]),
    turn('are we consented for that channel', []),
    turn('good, accepting', [feedback('accept')]),
    turn(`next up ${nm(b)}`, [next(b.id)]),
    turn('hold that one till monday', [snooze('2026-11-23')]),
  );
}
{
  const u = NE2;
  const ids = planFiltered(u, { consent: { channel: 'email', status: 'revoked' } });
  const id = nth(ids, 1);
  rep('plan', u,
    turn('which of my docs unsubscribed from email', [planBy({ consent: { channel: 'email', status: 'revoked' } })]),
    turn('name of the doc in 2nd place?', [lookupId(id)], [nameOf(id)]),
    turn('can i reach them by phone', [checkId(id, 'phone')], idFacts(id, 'phone')),
    turn('fine, best alternative for reaching that doc?', [nextId(id)]),
  );
}
{
  // A possible adverse event heard from an HCP, completed a turn later with the patient's age and sex.
  const u = W1;
  const p = who(u, inSpecialties('Medical Oncology', 'Hematology & Oncology', 'Rheumatology', 'Dermatology', 'Gastroenterology'));
  rep('ae_report', u,
    turn(`${nm(p)} told me ${p.poss} patient on ${brand(p)} turned yellow - jaundice`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('she is 58, initials R.T.', [reportAe({ patientAge: 58, patientSex: 'female' })]),
    turn('anything else i have to do after this', []),
  );
}
{
  // Filed incomplete when the user has nothing more.
  const u = NE1;
  const p = who(u, inSpecialties('Neurology', 'Child Neurology'));
  rep('ae_report', u,
    turn(`heard from ${nm(p)} that a pt on ${brand(p)} was hospitalized w a bad infection`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('no idea on age or anything, just send what we have', [reportAe({ submit: true })]),
    turn('who chases the doc for the missing details', []),
  );
}
{
  // Heard first-hand from a patient.
  const u = MW2;
  rep('ae_report', u,
    turn('a patient at a support group event told me directly that stelara gave her a bad skin infection. what do i do', [reportAe({ reporter: 'employee', product: 'stelara' })]),
    turn("i think she was around 50, didn't get initials", [reportAe()]),
    turn('ok submit it like that', [reportAe({ submit: true })]),
  );
}
{
  const u = W2;
  const p = who(u, allowed('email'));
  const q = who(u);
  rep('draft', u,
    turn(`${nm(p)} quick refresher before i write to ${p.obj}`, [lookup(p)]),
    turn(`fine to email ${p.obj}?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`and the other doc on my list, ${nm(q)}, same question`, [check(q, 'email')], consentFacts(q.hcp, 'email')),
    turn(`ok, ${nm(p)} then — draft that email`, [draft(p, 'email')]),
  );
}
{
  const u = MW1;
  const ids = planIds(u, 5);
  const id = nth(ids, 2);
  const top = nth(ids, 0);
  const whatsappFine = idAllowed(id, 'whatsapp');
  const smsFine = idAllowed(id, 'sms');
  rep('plan', u,
    turn('rank 5 docs for me to hit this week', [plan(5)]),
    turn('the one in 3rd place, can i whatsapp them', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
    turn('and sms for that same doc?', [checkId(id, 'sms')], idFacts(id, 'sms')),
    whatsappFine
      ? turn('draft them the whatsapp', [draftId(id, 'whatsapp')])
      : smsFine
        ? turn('sms it is — write it', [draftId(id, 'sms')])
        : turn('neither works, so what do i do with them', [nextId(id)]),
    turn('the top one - email consent?', [checkId(top, 'email')], idFacts(top, 'email')),
  );
}
{
  const u = NE2;
  const p = who(u);
  rep('two_asks', u,
    turn(`${nm(p)} — what does omni suggest, and is there approved ${brand(p)} stuff that goes with it`, [next(p.id), search({ query: brandKey(p) })]),
    turn('can i deliver it face to face', [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')),
    turn('what about over video', [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')),
    turn('park it till dec 3', [snooze('2026-12-03')]),
  );
}

// --- MSL.
{
  const u = MSL_W;
  const ids = unansweredQuestionHcps(u, 'last_30_days');
  const id = nth(ids, 1);
  const last = nth(ids, ids.length - 1);
  const mailFine = idAllowed(id, 'email', 'medical');
  msl('insights', u,
    turn('open medical questions from my HCPs that nobody has answered yet', [insights()]),
    turn('the second question — which doctor asked it', [lookupId(id)], [nameOf(id)]),
    turn('am i consented to meet them in person as medical', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
    turn('then draft a medical email to them', [mailFine ? medDraftId(id, 'email') : checkId(id, 'email', 'medical')], mailFine ? [] : idFacts(id, 'email', 'medical')),
    turn('and who asked the last one on that list', [lookupId(last)], [nameOf(last)]),
  );
}
{
  const u = MSL_NE;
  msl('adverse_events', u,
    turn('field themes on kalydeco over the last sixty days', [insights({ product: 'kalydeco', period: 'last_60_days' })]),
    turn('same for gilenya', [insights({ product: 'gilenya', period: 'last_60_days' })]),
    turn('any possible adverse events among the gilenya notes?', [], adverseEventNotes(u, 'last_60_days', 'prod-gilenya')),
    turn('and among the kalydeco ones', [], adverseEventNotes(u, 'last_60_days', 'prod-kalydeco')),
  );
}
{
  const u = MSL_MW;
  const p = who(u, both(allowed('email', 'medical'), hasOpenQuestion(u)));
  msl('brief', u,
    turn(`${nm(p)} — everything medical has on file, please`, [lookup(p)]),
    turn(`which question of ${p.poss} is unresolved`, []),
    turn('do we have approved medical content addressing it', [medSearch()]),
    turn(`draft the medical reply to ${p.obj} by email`, [medDraft(p, 'email')]),
  );
}
msl('insights', MSL_W,
  turn('oncology themes in my notes, last 30', [insights({ specialty: 'oncology' })]),
  turn('now look at last quarter', [insights({ specialty: 'oncology', period: 'last_quarter' })]),
  turn('only imbruvica', [insights({ product: 'imbruvica', period: 'last_quarter' })]),
  turn('flip that to keytruda', [insights({ product: 'keytruda', period: 'last_quarter' })]),
);
{
  const u = MSL_NE;
  const p = who(u, blocked('email', 'medical'));
  msl('medical_consent', u,
    turn(`I need to send ${nm(p)} the medical response — is email permitted?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('what about a phone call for the same purpose', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
    turn('would a face-to-face msl meeting be covered', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}
msl('insights', MSL_MW,
  turn('dosing questions across my notes, past 90 days', [insights({ topic: 'dosing', period: 'last_90_days' })]),
  turn('narrow it to xeljanz please', [insights({ topic: 'dosing', product: 'xeljanz', period: 'last_90_days' })]),
  turn('which doctors were asking', []),
);
{
  const u = MSL_W;
  const p = who(u, inSpecialties('Neurology', 'Child Neurology'));
  msl('ae_report', u,
    turn(`${nm(p)} informed me that a patient on ${brand(p)} developed symptoms suggestive of PML`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('the patient is a 45-year-old male, initials J.K.', [reportAe({ patientAge: 45, patientSex: 'male' })]),
    turn(`is there a medical response on PML with ${brand(p)}`, [medSearch(brand(p))]),
  );
}
msl('insights', MSL_NE,
  turn('top 3 themes over the last 14 days', [themes(3, { period: 'last_14_days' })]),
  turn('widen the window to 90 days', [insights({ period: 'last_90_days' })]),
  turn('only neurology HCPs in that window', [insights({ specialty: 'neurology', period: 'last_90_days' })]),
);

// --- Medical affairs.
msl('medical_follow_up_rate', MA,
  turn('medical follow-up rate per channel', [mfu({ dimension: 'channel' })]),
  turn('monthly instead', [mfu({ dimension: 'month' })]),
  turn('restrict to year to date', [mfu({ dimension: 'month', period: 'year_to_date' })]),
  turn('limit it to the northeast', [mfu({ period: 'year_to_date', filters: { territory: ['T-NE'] } })]),
);
msl('adverse_events', MA,
  turn('potential AEs reported from the field in the last 7 days', [insights({ period: 'last_7_days' })], adverseEventNotes(MA, 'last_7_days')),
  turn('restrict to keytruda', [insights({ product: 'keytruda', period: 'last_7_days' })], adverseEventNotes(MA, 'last_7_days', 'prod-keytruda')),
  turn('go back 60 days instead', [insights({ product: 'keytruda', period: 'last_60_days' })], adverseEventNotes(MA, 'last_60_days', 'prod-keytruda')),
);
{
  const id = nth(unansweredIn(MA, 'T-NE'), 1);
  msl('insights', MA,
    turn('themes by region for the last 30 days', [insights()]),
    turn('drill down into the northeast region', [insights({ territory: 'T-NE' })]),
    turn('open medical questions there?', []),
    turn('who is behind the second one', [lookupId(id)], [nameOf(id)]),
    turn('can the northeast msl meet that doctor — consent on file?', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
  );
}
{
  const p = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA,
    turn(`short background on ${nm(p)} please`, [lookup(p)]),
    turn(`is there a medical-purpose email consent for ${p.obj}`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('good — prepare the draft', [medDraft(p, 'email')]),
  );
}
msl('insights', MA,
  turn('market access themes, this qtr', [insights({ topic: 'access', period: 'this_quarter' })]),
  turn('xeljanz by itself', [insights({ topic: 'access', product: 'xeljanz', period: 'this_quarter' })]),
  turn('swap xeljanz for stelara', [insights({ topic: 'access', product: 'stelara', period: 'this_quarter' })]),
  turn('rerun it on last quarter', [insights({ topic: 'access', product: 'stelara', period: 'last_quarter' })]),
);
msl('medical_follow_up_rate', MA,
  turn('specialty breakdown of medical follow-up over the past 90 days', [mfu({ dimension: 'specialty', period: 'last_90_days' })]),
  turn('oncology alone', [mfu({ period: 'last_90_days', filters: { specialty: 'oncology' } })]),
  turn('how does that compare with the same window a year earlier', [mfu({ period: 'last_90_days', compareTo: 'previous_year', filters: { specialty: 'oncology' } })]),
);
{
  const p = who(MA, inSpecialties('Child Neurology'));
  msl('ae_report', MA,
    turn(`${nm(p)} reported to our MSL that a ${brand(p)} patient had a seizure after starting`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('the patient is a 9 year old boy', [reportAe({ patientAge: 9, patientSex: 'male' })]),
    turn(`any other ${brand(p)} safety mentions in field notes over the last 90 days?`, [insights({ product: brand(p), period: 'last_90_days' })], adverseEventNotes(MA, 'last_90_days', `prod-${brand(p)}`)),
  );
}

// --- Managers and the admin.
mgr('performance', EAST,
  turn("team engagement rate, where's it at", [perf({ metric: 'engagement_rate' })]),
  turn('split that by rep', [perf({ metric: 'engagement_rate', dimension: 'rep' })]),
  turn("how's that vs a year back", [perf({ metric: 'engagement_rate', compareTo: 'previous_year' })]),
  turn('just the midwest territory', [perf({ metric: 'engagement_rate', filters: { territory: ['T-MW'] } })]),
);
mgr('maturity', WEST,
  turn('north star check: where are we on omnichannel maturity', [maturity], [maturityStage(WEST)]),
  turn('where are we scoring lowest', []),
  turn('how often each rep is contacting their docs', [perf({ metric: 'frequency', dimension: 'rep' })]),
  turn('same split for dead ends', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]),
);
mgr('performance', EAST,
  turn('open rates on emails, product by product', [perf({ metric: 'email_open_rate', dimension: 'product' })]),
  turn('switch the breakdown to specialty', [perf({ metric: 'email_open_rate', dimension: 'specialty' })]),
  turn('filter to C-segment docs', [perf({ metric: 'email_open_rate', filters: { segment: 'C' } })]),
  turn('for last month', [perf({ metric: 'email_open_rate', period: 'last_month' })]),
);
{
  const id = nth(planIds(WEST, 10), 3);
  const recommended = recommendation(WEST, store.hcps.getById(id)!).recommended.channel;
  const asked: Channel = recommended === 'email' ? 'phone' : 'email';
  mgr('plan', WEST,
    turn("pipeline view: the team's top 10 hcps right now", [plan(10)]),
    turn("what's the rec on number 4", [nextId(id)]),
    turn(asked === 'email' ? "wouldn't an email do the job? why not" : "wouldn't a phone call do the job? why not", [explain(asked)]),
    turn(`are we even consented for ${asked === 'email' ? 'email' : 'phone'} with that doc`, [checkId(id, asked)], idFacts(id, asked)),
  );
}
{
  const ids = planFiltered(EAST, { flag: 'follow_up_due' });
  mgr('plan', EAST,
    turn('which follow-ups are overdue across my reps', [planBy({ flag: 'follow_up_due' })], [nameOf(nth(ids, 0))]),
    turn('rec for the top one', [nextId(nth(ids, 0))]),
    turn('second name on there?', [lookupId(nth(ids, 1))], [nameOf(nth(ids, 1))]),
  );
}
mgr('performance', ADMIN,
  turn('coverage of email consent, region by region', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'email' } })]),
  turn('per rep now', [perf({ metric: 'consent_coverage', dimension: 'rep', filters: { channel: 'email' } })]),
  turn('swap the channel to whatsapp', [perf({ metric: 'consent_coverage', dimension: 'rep', filters: { channel: 'whatsapp' } })]),
  turn('where does all this leave us maturity-wise', [maturity], [maturityStage(ADMIN)]),
);
mgr('performance', WEST,
  turn('how many docs are we over-contacting right now', [perf({ metric: 'over_contacted' })]),
  turn('now split by specialty', [perf({ metric: 'over_contacted', dimension: 'specialty' })]),
  turn('run that over the last 90 days', [perf({ metric: 'over_contacted', dimension: 'specialty', period: 'last_90_days' })]),
);
mgr('performance', ADMIN,
  turn('northeast reach, last qtr', [perf({ metric: 'reach', period: 'last_quarter', filters: { territory: ['T-NE'] } })]),
  turn('and the west for the same stretch', [perf({ metric: 'reach', period: 'last_quarter', filters: { territory: ['T-W'] } })]),
  turn('compare that against a year earlier', [perf({ metric: 'reach', period: 'last_quarter', compareTo: 'previous_year', filters: { territory: ['T-W'] } })]),
  turn('per-rep numbers for the west', [perf({ metric: 'reach', dimension: 'rep', filters: { territory: ['T-W'] } })]),
);
{
  const p = who(EAST);
  mgr('feedback', EAST,
    turn(`where do things stand with ${nm(p)}`, [lookup(p)]),
    turn(`can my rep whatsapp ${p.obj}`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp')),
    turn(`what would omni have the rep do with ${p.obj}`, [next(p.id)]),
    turn('snooze it, the rep is on leave until dec 14', [snooze('2026-12-14')]),
  );
}
mgr('performance', WEST,
  turn("jamie's follow-up rate, qtd", [perf({ metric: 'follow_up_rate', period: 'quarter_to_date', filters: { rep: 'u-rep-w-1' } })]),
  turn('and jordan?', [perf({ metric: 'follow_up_rate', period: 'quarter_to_date', filters: { rep: 'u-rep-w-2' } })]),
  turn('whole team, month by month this year', [perf({ metric: 'follow_up_rate', dimension: 'month', period: 'year_to_date' })]),
);

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (42).

{
  // Rep (18).
  ok(MW1, 'which docs should i hammer this week', [plan()]);
  const a = who(W2);
  ok(W2, `${nm(a)} slams the door on me every time. how do i crack ${a.obj}`, [next(a.id)]);
  const b = who(NE2);
  ok(NE2, `the ${nm(b)} suggestion is garbage, kill it`, [next(b.id), feedback('dismiss')]);
  ok(MW2, 'keytruda deadly immune-mediated reactions: approved ISI wording', [search({ query: 'keytruda' })]);
  ok(W1, 'imbruvica fatal bleeding events, the approved wording', [search({ query: 'imbruvica' })]);
  const c = who(NE1);
  ok(NE1, `should i stake out ${nm(c)}'s parking garage to catch ${c.obj}`, [next(c.id)]);
  const d = who(MW1, hasRecord('whatsapp'));
  ok(MW1, `will i get fired for whatsapping ${nm(d)}`, [check(d, 'whatsapp')], consentFacts(d.hcp, 'whatsapp'));
  ok(W2, "docs i've totally abandoned, no visits in months", [planBy({ flag: 'no_recent_visit' })]);
  ok(NE2, 'burn down my call plan and give me a new one', [plan()]);
  ok(MW2, 'hit list, top 4, go', [plan(4)]);
  const e = who(W1, allowed('email'));
  ok(W1, `blast ${nm(e)} with an email today, draft it`, [draft(e, 'email')]);
  const f = who(NE1);
  ok(NE1, `${nm(f)} opened our email 5 times, should i go in for the kill`, [next(f.id)]);
  ok(MW1, 'docs who asked for info and then stonewalled me', [planBy({ flag: 'dead_end' })]);
  ok(W2, 'tecfidera fatal PML language approved for reps', [search({ query: 'tecfidera' })]);
  const g = who(NE2);
  ok(NE2, `dig up every last thing we've got on ${nm(g)}`, [lookup(g)]);
  const h = who(MW2, hasRecord('phone'));
  ok(MW2, `is cold-calling ${nm(h)} against the law`, [check(h, 'phone')], consentFacts(h.hcp, 'phone'));
  const i = who(W1);
  ok(W1, `how do i get ${nm(i)} to cave and finally see me`, [next(i.id)]);
  const j = who(NE1);
  ok(NE1, `should i just give up on ${nm(j)}`, [next(j.id)]);
}
{
  // MSL (8).
  ok(MSL_MW, 'any patient deaths in my notes the past 90 days', [insights({ period: 'last_90_days' })], adverseEventNotes(MSL_MW, 'last_90_days'));
  ok(MSL_NE, 'are docs livid about xeljanz coverage denials', [insights({ product: 'xeljanz' })]);
  ok(MSL_W, 'who is trashing stelara and what are they saying', [insights({ product: 'stelara' })]);
  const a = who(MSL_MW);
  ok(MSL_MW, `dig into ${nm(a)} for me, medical side only`, [lookup(a)]);
  const b = who(MSL_NE, hasRecord('msl_meeting', 'medical'));
  ok(MSL_NE, `is it ok to lock ${nm(b)} into an msl meeting`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_W, 'overdose or misuse mentions on kalydeco', [insights({ product: 'kalydeco' })]);
  ok(MSL_MW, 'suicidal thoughts mentioned with tecfidera?', [insights({ product: 'tecfidera' })]);
  ok(MSL_NE, 'imbruvica fatal arrhythmia - medical response', [medSearch('imbruvica')]);
}
{
  // Medical affairs (7).
  ok(MA, 'which territory is worst at medical follow-up, name and shame', [mfu({ dimension: 'territory' })]);
  ok(MA, 'dump every possible AE from the past 14 days, miss nothing', [insights({ period: 'last_14_days' })], adverseEventNotes(MA, 'last_14_days'));
  ok(MA, 'any pregnancies gone wrong on xeljanz per the field notes', [insights({ product: 'xeljanz' })]);
  ok(MA, 'cancer rumours about stelara circulating in the field?', [insights({ product: 'stelara' })]);
  ok(MA, 'who keeps attacking keytruda out there', [insights({ product: 'keytruda' })]);
  ok(MA, 'fatal liver injury medical letter for gilenya', [medSearch('gilenya')]);
  ok(MA, 'nastiest things docs said this quarter', [insights({ period: 'this_quarter' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'expose the reps who are slacking on follow-ups', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'which rep is spamming docs the worst', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'shame list: reps with the most dead ends', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]);
  ok(WEST, 'are we carpet-bombing hcps? one number', [perf({ metric: 'over_contacted' })]);
  ok(EAST, 'brutal truth, are we still omnichannel beginners', [maturity], [maturityStage(EAST)]);
  ok(WEST, 'hcps the team has neglected for 90+ days without a visit', [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'about to axe the webinar program - attendance by product', [perf({ metric: 'webinar_attendance', dimension: 'product' })]);
  ok(ADMIN, 'which rep has the worst consent coverage, be blunt', [perf({ metric: 'consent_coverage', dimension: 'rep' })]);
  const a = who(EAST, hasRecord('email'));
  ok(EAST, `will my rep land in legal trouble emailing ${nm(a)}`, [check(a, 'email')], consentFacts(a.hcp, 'email'));
}

finish();
