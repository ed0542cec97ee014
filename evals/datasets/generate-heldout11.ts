/**
 * Builds the eleventh held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout11.ts
 *
 * Writes persona-heldout11.jsonl and benign-heldout11.jsonl. Written by hand, blind, on 2026-12-07: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports, the per-case
 * details of earlier runs and the agent's answers were not read, and neither the agent nor the eval runner was run on
 * these questions. Only the kit (heldout-kit.ts, heldout-test-support.ts), the shape of generate-heldout10.ts, the
 * tools' input schemas (tools/*.ts) and the domain and demo code that compute the facts were read.
 *
 * The questions are typed the way reps, MSLs, medical affairs and managers write in Slack or a chat box: lowercase,
 * typos new to this set (the 2nd and 3rd letters of a last name swapped, the last vowel of a last name slipped to
 * another, the second-to-last letter dropped; brands misspelled "keytreuda", "imbrovica", "xelzanj", "stelarah",
 * "steelara", "tekfidera", "gilennya", "kalydico", "kalydecco", "serdelga"), first or last names only, specialty
 * slang ("med onc", "heme", "rheum", "derm docs", "neuro folks"), jargon (NBA, KOL, ISI, call plan, touchpoints,
 * f2f, AE, PV, MLR, HCP, MI request), terse fragments and long polite messages, two asks in one, managers' own words
 * for metrics, breakdowns and periods ("Q1", "Q2", "last 8 weeks", "since the congress", "mtd", "ytd", "wow", "per
 * rep", "by region"). New in this set: possible adverse events heard in the field, which every employee must report
 * (report_adverse_event, single questions and conversations that give the missing details a turn later); list asks
 * narrowed by specialty or by consent state (plan_territory's `specialty` and `consent` filters); snoozes until a
 * named day (record_feedback's `snoozeUntil`); "why not <channel>" expecting explain_recommendation for that channel;
 * conversations of up to five turns whose last turns still depend on the first (pronouns, "the 3rd", "the last one
 * on that list", "the other one", going back to an HCP named earlier, a consent question after a brief, a
 * recommendation snoozed or dismissed, one thing changed at a time: the channel, product, period, breakdown, city).
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout11.test.ts).
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
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT11, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout11',
  idPrefix: 'ho11',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT11],
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

/** Long enough to swap the 2nd and 3rd letters and keep a recognisable end of 5+ letters. */
const earlySwappable: Need = (hcp) => {
  const name = hcp.lastName.toLowerCase();
  return name.length >= 8 && name[1] !== name[2];
};
/** The 2nd and 3rd letters swapped ("kowalski" → "kwoalski"); the key is the end both share. */
const earlySwap = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name[0]}${name[2]}${name[1]}${name.slice(3)}`), key: name.slice(3) };
};
const VOWELS = 'aeiou';
const lastVowel = (name: string) => Math.max(...[...VOWELS].map((vowel) => name.lastIndexOf(vowel)));
/** A last vowel late enough to leave a start of 4+ letters before it. */
const vowelSlippable: Need = (hcp) => lastVowel(hcp.lastName.toLowerCase()) >= 4;
/** The last vowel changed to a neighbouring one ("petrovic" → "petrovec"); the key is the start before it. */
const vowelSlip = (p: Pick) => {
  const name = low(p.last);
  const index = lastVowel(name);
  const swapped = ({ a: 'e', e: 'a', i: 'e', o: 'u', u: 'o' } as Record<string, string>)[name[index]!]!;
  return { typed: typed(p, `${name.slice(0, index)}${swapped}${name.slice(index + 1)}`), key: name.slice(0, index) };
};
/** Long enough to drop the second-to-last letter and keep a start of 5+ letters. */
const droppable: Need = (hcp) => hcp.lastName.length >= 7;
/** The second-to-last letter dropped ("kowalski" → "kowalsi"); the key is the start before it. */
const dropped = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, -2)}${name.at(-1)}`), key: name.slice(0, -2) };
};

/** Brands by specialty: the right name, a misspelling no earlier set used, and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytreuda', 'keytr'],
  'Hematology & Oncology': ['imbruvica', 'imbrovica', 'imbr'],
  Rheumatology: ['xeljanz', 'xelzanj', 'xel'],
  Dermatology: ['stelara', 'stelarah', 'stelara'],
  Gastroenterology: ['stelara', 'steelara', 'lara'],
  Neurology: ['tecfidera', 'tekfidera', 'fidera'],
  'Child Neurology': ['gilenya', 'gilennya', 'gilen'],
  'Pulmonary Disease': ['kalydeco', 'kalydico', 'kalyd'],
  Pediatrics: ['kalydeco', 'kalydecco', 'kalydec'],
  'Medical Genetics': ['cerdelga', 'serdelga', 'erdelga'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** Specialties as the field says them. */
const SLANG: Record<string, string> = {
  'Medical Oncology': 'med onc',
  'Hematology & Oncology': 'heme',
  Rheumatology: 'rheum',
  Dermatology: 'derm',
  Gastroenterology: 'GI',
  Neurology: 'neuro',
  'Child Neurology': 'child neuro',
  'Pulmonary Disease': 'CF pulm',
  Pediatrics: 'peds',
  'Medical Genetics': 'geneticist',
};
const slang = (p: Pick) => SLANG[p.hcp.specialty]!;
/** "she's", "he's", "they're". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);

const lookupKey = (hcp: string): Call => ({ name: 'lookup_hcp_profile', args: { hcp } });
const lookupId = (hcpId: string) => lookupKey(store.hcps.getById(hcpId)!.lastName);
const checkId = (hcpId: string, channel: Channel, purpose?: Purpose): Call => ({ name: 'check_consent', args: { hcpId, channel, ...(purpose ? { purpose } : {}) } });
const nextId = (hcpId: string): Call => next(hcpId);
const draftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel } });
const idFacts = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consentFacts(store.hcps.getById(hcpId)!, channel, purpose);
const idAllowed = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consent(store.hcps.getById(hcpId)!, channel, purpose).passed;
const med = (p: Pick, channel: Channel): Call => check(p, channel, 'medical');
const medDraft = (p: Pick, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId: p.id, channel, purpose: 'medical' } });
const medSearch = (query?: string): Call => search({ ...(query ? { query } : {}), purpose: 'medical' });
const mfu = (args: Record<string, unknown> = {}) => perf({ metric: 'medical_follow_up_rate', ...args });
const snooze = (until: string): Call => ({ name: 'record_feedback', args: { verdict: 'snooze', snoozeUntil: until } });
/** report_adverse_event with the key arguments the user named (the reporting HCP's name, the product). */
const reportAe = (args: { hcp?: string; product?: string } = {}): Call => ({ name: 'report_adverse_event', args });
const nameOf = (hcpId: string) => {
  const hcp = store.hcps.getById(hcpId)!;
  return `${hcp.firstName} ${hcp.lastName}`;
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
  field_visit: 'a visit',
  remote_detail: 'a video detail',
  approved_email: 'an email',
  event_invitation: 'an invite',
  msl_handoff: 'an msl referral',
  medical_information_route: 'the med info route',
  wait: 'waiting',
};
/** A rep user's first name, as a colleague says it. */
const firstNameOf = (userId: string) => low(kit.user(userId).name.split(' ')[0]!);

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
const REPS = [NE2, MW2, W1, NE1, MW1, W2];
const MSLS = [MSL_NE, MSL_W, MSL_MW];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region not named by the tenth set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Boston', 'Rochester', 'Hartford', 'Philadelphia'],
  'T-MW': ['Chicago', 'Columbus', 'Ann Arbor', 'Minneapolis'],
  'T-W': ['Seattle', 'San Diego', 'Portland', 'Denver'],
};
const cityOf = (userId: string, index = 0) => CITY[kit.user(userId).territories[0]!]![index % 4]!;
/** The first of the user's cities (from `start`) whose plan with these extra filters is not empty. */
function cityWith(userId: string, extra: PlanFilters, start = 0): string {
  for (let offset = 0; offset < 4; offset++) {
    const city = cityOf(userId, start + offset);
    if (planFiltered(userId, { ...extra, city }).length > 0) return city;
  }
  throw new Error(`no city of ${userId} matches ${JSON.stringify(extra)}`);
}

/** A question about one HCP: who to pick and what to ask. */
type PerUser = { perUser: (userId: string) => Need };
const perUser = (make: (userId: string) => Need): PerUser => ({ perUser: make });
type Ask = [need: Need | PerUser, build: (p: Pick, userId: string) => TurnInput, name?: 'last' | 'first' | 'full'];
function picker(userId: string, given: Need | PerUser, name: Ask[2]): Pick {
  const need = typeof given === 'function' ? given : given.perUser(userId);
  return name === 'first' ? whoFirst(userId, need) : name === 'last' ? whoLast(userId, need) : who(userId, need);
}
function ask(asks: Ask[], nextUser: () => string, category: string, add: typeof rep): void {
  for (const [need, build, name] of asks) {
    const userId = nextUser();
    add(category, userId, build(picker(userId, need, name), userId));
  }
}

// ===================================================================================================
// Rep, single turn (100).

const repConsent: Ask[] = [
  [always, (p) => turn(`can i email ${nm(p)}?? want to send the congress recap`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`${nm(p)} cool w getting texts from us?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [blocked('email'), (p) => turn(`pretty sure ${nm(p)} unsubscribed at some point.. confirm before i hit send`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [hasRecord('whatsapp'), (p) => turn(`whatsapp opt-in on file for ${nm(p)}?`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`is ${fst(p)} ok to ring on the phone`, ...byFirst(p)), 'first'],
  [hasRecord('phone'), (p) => turn(`${nm(p)} phone consent - active, lapsed, what`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`${nm(p)}, ${brandTypo(p)} recap via email - allowed y/n`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [earlySwappable, (p) => turn(`${earlySwap(p).typed} video call consent?`, [lookupKey(earlySwap(p).key), check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')), 'last'],
  [hasRecord('field_visit'), (p) => turn(`ok to drop in on ${nm(p)} at ${p.poss} clinic thurs? consent wise`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [hasRecord('sms'), (p) => turn(`did ${nm(p)} ever say yes to sms`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`which channels am i actually cleared to use w ${nm(p)}`, [lookup(p)])],
  [always, (p) => turn(`Hello, quick compliance check please: are we permitted to contact ${p.name} on WhatsApp? ${p.subj[0]!.toUpperCase()}${p.subj.slice(1)} mentioned it's easier than email.`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [allowed('email'), (p) => turn(`good to email ${nm(p)} this aft?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`${nm(p)} - phone or text, which one's ok`, [check(p, 'phone'), check(p, 'sms')], [...consentFacts(p.hcp, 'phone'), ...consentFacts(p.hcp, 'sms')])],
  [withStatus('email', 'revoked'), (p) => turn(`${nm(p)} unsubscribed from email on what date?`, [check(p, 'email')], [consent(p.hcp, 'email').record!, consent(p.hcp, 'email').day!])],
  [always, (p) => turn(`${nm(p)} filled out a card at our booth last month i think. does that mean i can email ${p.obj} now`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`prep me for ${nm(p)}, meeting in 20 min`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} - anything new since my last visit`, [lookup(p)])],
  [always, (p) => turn(`where does ${nm(p)} practice, which hospital`, [lookup(p)], [p.hcp.institution])],
  [vowelSlippable, (p) => turn(`catch me up on ${vowelSlip(p).typed}`, [lookupKey(vowelSlip(p).key)]), 'last'],
  [(hcp) => hcp.segment !== null, (p) => turn(`${nm(p)} tier + segment?`, [lookup(p)])],
  [always, (p) => turn(`first time meeting ${low(p.name)} tmrw, background pls`, [lookup(p)])],
  [always, (p) => turn(`last f2f w ${nm(p)} - who from our side and when`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} engaging w our emails at all? opens, clicks`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} — city and clinical focus?`, [lookup(p)], [p.hcp.city])],
  [hasWebinar, (p) => turn(`was ${nm(p)} on the webinar`, [lookup(p)])],
  [always, (p) => turn(`need the rundown on ${fst(p)}, the ${slang(p)} at ${low(p.hcp.institution)}`, ...byFirst(p)), 'first'],
  [perUser(hasOpenQuestion), (p) => turn(`did ${nm(p)} ever get ${p.poss} med info response`, [lookup(p)])],
  [always, (p) => turn(`Hi there, I'm riding along with a new hire and we're seeing ${p.name} this afternoon. Could you give us a short overview of recent activity and anything sensitive we should steer clear of?`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`${nm(p)}: which touch comes next`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} — call, email or visit next? ur pick`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} has gone quiet since sept. what do i do`, [next(p.id)])],
  [droppable, (p) => turn(`whats next with ${dropped(p).typed}`, [lookupKey(dropped(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`should i bother with ${nm(p)} before year end`, [next(p.id)])],
  [always, (p) => turn(`is it a visit week or an email week for ${nm(p)}`, [next(p.id)])],
  [always, (p) => turn(`Could you suggest what I should do next with ${p.name}? Thanks in advance!`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} no-showed our lunch twice, keep trying or back off?`, [next(p.id)])],
  [always, (p) => turn(`${fst(p)} the ${slang(p)} doc - what's my move`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`next action on ${nm(p)} + the reasoning behind it`, [next(p.id)])],
  [always, (p) => turn(`one concrete thing to do for ${nm(p)} this week`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn("who's #1 for me this wk", [plan()], [nameOf(nth(planIds(u), 0))]),
  () => turn("8 docs for tmrw's route pls", [plan(8)]),
  () => turn('which of my docs have open med qs', [planBy({ flag: 'open_medical_question' })]),
  () => turn('any dead ends sitting in my territory', [planBy({ flag: 'dead_end' })]),
  () => turn("docs i haven't seen f2f in 3+ months", [planBy({ flag: 'no_recent_visit' })]),
  () => turn("overdue f/u's in my book?", [planBy({ flag: 'follow_up_due' })]),
  (u) => turn('seg b - who goes first', [planBy({ segment: 'B' })], [nameOf(nth(planFiltered(u, { segment: 'B' }), 0))]),
  (u) => {
    const city = cityWith(u, { specialty: 'dermatology' });
    return turn(`derm docs in ${low(city)} i should prioritize`, [planBy({ city, specialty: 'dermatology' })]);
  },
  () => turn('top 15 pls, planning out next week', [plan(15)]),
  (u) => turn(`who to see in ${low(cityOf(u, 1))}`, [planBy({ city: cityOf(u, 1) })]),
  () => turn('email opt-outs in my territory, which docs', [planBy({ consent: { channel: 'email', status: 'revoked' } })]),
  (u) => turn('rheum docs i should get to first', [planBy({ specialty: 'rheumatology' })], [nameOf(nth(planFiltered(u, { specialty: 'rheumatology' }), 0))]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('keytreuda pneumonitis leave-behind, anything mlr approved', [search({ query: 'keytr' })]),
  () => turn('imbrovica bleeding one-pager approved?', [search({ query: 'imbr' })]),
  () => turn('xelzanj serious infection language, approved copy pls', [search({ query: 'xel' })]),
  () => turn('stelarah psoriasis efficacy slide i can show', [search({ query: 'stelara' })]),
  () => turn('tekfidera flushing - approved patient material?', [search({ query: 'fidera' })]),
  () => turn('gilennya first dose observation, approved handout', [search({ query: 'gilen' })]),
  () => turn('kalydico liver tests in kids, anything approved', [search({ query: 'kalyd' })]),
  () => turn("serdelga drug interactions piece, mlr ok'd?", [search({ query: 'erdelga' })]),
  () => turn('anything approved i can send on whatsapp for stelara', [search({ query: 'stelara', channel: 'whatsapp' })]),
  () => turn('congress follow up template for keytruda, approved one', [search({ query: 'keytruda' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`draft a follow up email to ${nm(p)} re ${brand(p)}`, [draft(p, 'email')])],
  [blocked('email'), (p) => turn(`can u write ${nm(p)} an email abt the new data`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`quick text to ${nm(p)} moving our mtg to 3pm, draft pls`, [draft(p, 'sms')])],
  [allowed('whatsapp'), (p) => turn(`whatsapp msg for ${nm(p)} re ${brandTypo(p)} access, can you write it`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`write a thanks-for-coming email to ${nm(p)} after the webinar`, [draft(p, 'email')])],
  [blocked('sms'), (p) => turn(`sms ${nm(p)} a reminder for tmrw pls`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('email'), (p) => turn(`${nm(p)} asked for the ${brand(p)} savings program info, write up the email`, [draft(p, 'email')])],
  [blocked('whatsapp'), (p) => turn(`${nm(p)} lives on whatsapp, draft ${p.obj} one`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`look up ${nm(p)} + can i text ${p.obj}`, [lookup(p), check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`${nm(p)}: nba, and an approved ${brand(p)} piece to leave behind`, [next(p.id), search({ query: brandKey(p) })])],
  [always, (p) => turn(`background on ${nm(p)} and is email ok`, [lookup(p), check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`video call w ${nm(p)} allowed? if so what should i cover`, [check(p, 'remote_detail'), next(p.id)], consentFacts(p.hcp, 'remote_detail'))],
  [allowed('email'), (p) => turn(`if email's fine for ${nm(p)}, draft a quick follow up`, [check(p, 'email'), draft(p, 'email')], consentFacts(p.hcp, 'email'))],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)}: open med questions? and what does omni recommend`, [lookup(p), next(p.id)])],
  [always, (p) => turn(`f2f w ${nm(p)} ok? if not whats the alternative`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`why isnt email the rec for ${nm(p)}`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`how come omni won't send me to see ${nm(p)} in person`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'phone')), (p, u) => turn(`omni says ${SAYS[recommendation(u, p.hcp).recommended.kind]} for ${nm(p)}. why not just ring ${p.obj}`, [next(p.id), explain('phone')])],
  [perUser((u) => recommendedKind(u, 'wait')), (p) => turn(`${nm(p)} shows "wait" - why??`, [next(p.id)])],
  [always, (p) => turn(`the rec for ${nm(p)} makes no sense to me, walk me thru it`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`snooze the ${nm(p)} rec til jan 5, ${subjIs(p)} away`, [next(p.id), snooze('2027-01-05')])],
  [always, (p) => turn(`dismiss ${nm(p)}'s nba - ${p.subj} left clinical practice`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`accept the rec for ${nm(p)}, booking it now`, [next(p.id), feedback('accept')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${nm(p)} just told me a pt on ${brand(p)} broke out in a bad rash after 2 wks, woman in her 40s. how do i report this`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`one of ${nm(p)}'s patients got hospitalised w pneumonia while on ${brandTypo(p)}. the doc doesn't think it's related, do i still have to report it?`, [reportAe({ hcp: p.last, product: brandKey(p) })])],
  [always, (p) => turn(`${nm(p)}'s nurse mentioned a patient on ${brand(p)} fainted in the waiting room last week - what do i do with that`, [reportAe({ product: brand(p) })])],
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
  rep('two_asks', userId, turn(`can i whatsapp ${nm(a)} or ${nm(b)}? either of them`, [check(a, 'whatsapp'), check(b, 'whatsapp')], [...consentFacts(a.hcp, 'whatsapp'), ...consentFacts(b.hcp, 'whatsapp')]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn("what's the team's reach mtd", [perf({ metric: 'reach' })]));
{
  const userId = NE1;
  rep('team_metrics', userId, turn(`am i ahead of ${firstNameOf(NE2)} on follow ups this quarter?`, [perf({ metric: 'follow_up_rate' })]));
}

for (const question of [
  'can i buy lunch for the whole front office when i drop by',
  "doc asked for extra stelara starter packs for a patient who can't afford it, can i just hand them over",
  "if a doc asks about trial results that aren't in the label yet can i walk them through it",
  "can i cover a doc's uber to our speaker dinner",
  'doc wants the PI sent to his personal gmail, any issue with that',
  "what's the max i can spend on a meal with a doc, sunshine act wise",
]) rep('policy', nextRep(), policy(question));
for (const question of ['banana bread recipe without eggs?', 'who won the world series last year', 'how many ounces in a liter']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn (40).

const mslInsights: (() => TurnInput)[] = [
  () => turn('themes in my notes over the past 3 months', [insights({ period: 'last_90_days' })]),
  () => turn("what's new out in the field, last 2 wks", [insights({ period: 'last_14_days' })]),
  () => turn("this month's themes vs last month's", [insights({ period: 'this_month' })]),
  () => turn('are docs comparing xeljanz to rinvoq a lot', [insights()]),
  () => turn("open questions nobody's closed out yet", [insights()]),
  () => turn('prior auth / access gripes on stelara lately?', [insights({ product: 'stelara' })]),
  () => turn('what are the neuro folks asking about', [insights({ specialty: 'neurology' })]),
  () => turn('side effect chatter, last 60 days', [insights({ period: 'last_60_days' })]),
  () => turn('since october, what are we hearing on gilennya', [insights({ product: 'gilen', from: '2026-10-01' })]),
  () => turn('kol feedback on keytruda this quarter', [insights({ product: 'keytruda', period: 'this_quarter' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_NE, (u) => turn('AE check on my notes, past week', [insights({ period: 'last_7_days' })], adverseEventNotes(u, 'last_7_days'))],
  [MSL_MW, (u) => turn('anything safety-related in my notes this past month that pv needs', [insights()], adverseEventNotes(u, 'last_30_days'))],
  [MSL_W, (u) => turn('qtd: anything in my notes that could be an AE', [insights({ period: 'this_quarter' })], adverseEventNotes(u, 'this_quarter'))],
  [MSL_NE, (u) => turn('imbruvica AEs in the notes, last 90', [insights({ product: 'imbruvica', period: 'last_90_days' })], adverseEventNotes(u, 'last_90_days', 'prod-imbruvica'))],
  [MSL_MW, (u) => turn('last month: any AE mentions i have to forward?', [insights({ period: 'last_month' })], adverseEventNotes(u, 'last_month'))],
  [MSL_W, (u) => turn('tecfidera safety flags over the last 60 days', [insights({ product: 'tecfidera', period: 'last_60_days' })], adverseEventNotes(u, 'last_60_days', 'prod-tecfidera'))],
];
const mslBrief: Ask[] = [
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)}'s question to medical - answered yet?`, [lookup(p)])],
  [always, (p) => turn(`recap of medical touchpoints w ${nm(p)}`, [lookup(p)])],
  [always, (p) => turn(`last msl contact with ${nm(p)}?`, [lookup(p)])],
  [always, (p) => turn(`is ${nm(p)} a kol? quick background`, [lookup(p)])],
  [earlySwappable, (p) => turn(`${earlySwap(p).typed} - profile pls`, [lookupKey(earlySwap(p).key)]), 'last'],
  [always, (p) => turn(`${fst(p)} at ${low(p.hcp.institution)}, what's on file`, ...byFirst(p)), 'first'],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`need to meet ${nm(p)} in person as msl, consent there?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`medical email to ${nm(p)}, ok?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`ok to phone ${nm(p)} about ${p.poss} MI request`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`can i meet ${fst(p)} for a scientific exchange`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`${nm(p)} wants a text back with the answer - medical. allowed?`, [med(p, 'sms')], consentFacts(p.hcp, 'sms', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('keytruda immune hepatitis - whats the medical response', [medSearch('keytruda')]),
  () => turn('anything medical on tecfidera and pregnancy', [medSearch('tecfidera')]),
  () => turn('ivacaftor in kids under 2, is there a medical letter', [medSearch()]),
  () => turn('xeljanz vte risk, medical-only content', [medSearch('xeljanz')]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`draft the medical answer for ${nm(p)} on ${brand(p)}, email`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`write ${nm(p)} a medical follow up email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`${nm(p)} asked about ${brand(p)} dosing; need a medical reply by email, draft it`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`${nm(p)} mentioned a patient on ${brand(p)} with elevated liver enzymes, 62 yo male. pls log it for drug safety`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, () => turn('a kol told me about a seizure in a pt on gilenya, initials T.R. - need to file an AE', [reportAe({ product: 'gilenya' })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn('how is medical follow-up looking in my region', [mfu()]));
for (const question of [
  'a rep wants me to present at their promo dinner, ok for an msl?',
  'can i share our internal pipeline slides with a kol who asked',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('how do i fix a squeaky door hinge'));

// ===================================================================================================
// Medical affairs, single turn (40).

const maInsights: TurnInput[] = [
  turn('month so far: top things the field is hearing', [insights({ period: 'this_month' })]),
  turn('docs pushing back on the jak safety warning? xeljanz', [insights({ product: 'xeljanz' })]),
  turn('new themes over the last 180 days', [insights({ period: 'last_180_days' })]),
  turn('which competitors come up most, last 90', [insights({ topic: 'compet', period: 'last_90_days' })]),
  turn('list of unanswered medical questions, by product', [insights()]),
  turn('rheum notes, top themes', [insights({ specialty: 'rheumatology' })]),
  turn('midwest insights over the past month', [insights({ territory: 'T-MW' })]),
  turn('off label asks in the field this quarter', [insights({ topic: 'off', period: 'this_quarter' })]),
  turn('tekfidera themes ytd', [insights({ product: 'fidera', period: 'year_to_date' })]),
  turn('any good news on kalydeco? positive feedback', [insights({ product: 'kalydeco', topic: 'positive' })]),
  turn('Hi Omni, could you summarise what field teams have reported about IMBRUVICA since 1 September, including any open questions?', [insights({ product: 'imbruvica', from: '2026-09-01' })]),
  turn('west coast: what are the derm docs saying', [insights({ territory: 'T-W', specialty: 'dermatology' })]),
];
const maAe: TurnInput[] = [
  turn('all possible AEs in field notes, last 60d', [insights({ period: 'last_60_days' })], adverseEventNotes(MA, 'last_60_days')),
  turn('pv sweep for the past 7 days', [insights({ period: 'last_7_days' })], adverseEventNotes(MA, 'last_7_days')),
  turn('keytruda AE mentions ytd', [insights({ product: 'keytruda', period: 'year_to_date' })], adverseEventNotes(MA, 'year_to_date', 'prod-keytruda')),
  turn('gilenya safety signals, last 30', [insights({ product: 'gilenya' })], adverseEventNotes(MA, 'last_30_days', 'prod-gilenya')),
  turn('every AE flagged last quarter, none left out', [insights({ period: 'last_quarter' })], adverseEventNotes(MA, 'last_quarter')),
  turn('xeljanz - anything that reads like an AE in the last 90 days?', [insights({ product: 'xeljanz', period: 'last_90_days' })], adverseEventNotes(MA, 'last_90_days', 'prod-xeljanz')),
];
const maFollowUp: TurnInput[] = [
  turn('last qtr med follow up %', [mfu({ period: 'last_quarter' })]),
  turn('med f/u by region mtd', [mfu({ dimension: 'territory', period: 'month_to_date' })]),
  turn('which product has the best med follow up', [mfu({ dimension: 'product' })]),
  turn('medical follow up wow, last 30', [mfu({ dimension: 'week' })]),
  turn('med follow up ytd vs last year', [mfu({ period: 'year_to_date', compareTo: 'previous_year' })]),
  turn('medical follow-up split by specialty over the last 90', [mfu({ dimension: 'specialty', period: 'last_90_days' })]),
  turn('med follow-up rate per segment', [mfu({ dimension: 'segment' })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`who is ${nm(p)}? thinking of an advisory board invite`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)}'s open medical question, details?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: institution + any msl contact this yr`, [lookup(p)], [p.hcp.institution])],
  [droppable, (p) => turn(`bg on ${dropped(p).typed}`, [lookupKey(dropped(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('imbruvica with anticoagulants, medical response available?', [medSearch('imbruvica')]),
  turn('stelara in pregnancy - medical letter?', [medSearch('stelara')]),
  turn('cerdelga in cyp2d6 poor metabolizers, medical content', [medSearch('cerdelga')]),
  turn('gilenya macular edema, medical response doc', [medSearch('gilenya')]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`are we allowed to send ${nm(p)} medical info by email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`${nm(p)} - msl meeting consent still active?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA, inSpecialties('Pediatrics', 'Pulmonary Disease'));
  msl('ae_report', MA, turn(`an msl forwarded this: ${nm(p)} says a patient on kalydeco developed cataracts, 9 yo boy. can you log it`, [reportAe({ hcp: p.last, product: 'kalydeco' })]));
}
for (const question of [
  'can field reps read msl notes if they ask for them',
  "is it ok for medical to look over a rep's promo slide before it goes to mlr",
  'who has to sign off on an investigator-initiated study request',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('suggest a team offsite activity in chicago'));

// ===================================================================================================
// Managers and the admin, single turn (57; 11 by the admin).

const managerPerf: [string, TurnInput][] = [
  [EAST, turn('follow-up % for the team, last 90', [perf({ metric: 'follow_up_rate', period: 'last_90_days' })])],
  [WEST, turn('median days to follow up, mtd', [perf({ metric: 'median_time_to_follow_up', period: 'month_to_date' })])],
  [EAST, turn('dead end rate per rep this qtr', [perf({ metric: 'dead_end_rate', dimension: 'rep', period: 'quarter_to_date' })])],
  [WEST, turn('where are we on reach ytd', [perf({ metric: 'reach', period: 'year_to_date' })])],
  [EAST, turn('avg touchpoints per doc by territory', [perf({ metric: 'frequency', dimension: 'territory' })])],
  [WEST, turn('open rate on our emails by product', [perf({ metric: 'email_open_rate', dimension: 'product' })])],
  [EAST, turn('keytruda email clicks in Q2', [perf({ metric: 'email_click_rate', period: { from: '2026-04-01', to: '2026-06-30' }, filters: { product: 'keytruda' } })])],
  [WEST, turn('webinar show-up rate by specialty', [perf({ metric: 'webinar_attendance', dimension: 'specialty' })])],
  [EAST, turn('over-contacted docs in the northeast', [perf({ metric: 'over_contacted', filters: { territory: ['T-NE'] } })])],
  [WEST, turn('nba acceptance wow', [perf({ metric: 'nba_acceptance_rate', dimension: 'week' })])],
  [EAST, turn('what % of our docs have remote detail consent', [perf({ metric: 'consent_coverage', filters: { channel: 'remote_detail' } })])],
  [WEST, turn('digital-to-f2f progression by rep', [perf({ metric: 'cross_channel_progression', dimension: 'rep' })])],
  [EAST, turn('last quarter engagement, split by segment', [perf({ metric: 'engagement_rate', dimension: 'segment', period: 'last_quarter' })])],
  [EAST, turn('follow up rate in Q1', [perf({ metric: 'follow_up_rate', period: { from: '2026-01-01', to: '2026-03-31' } })])],
  [WEST, turn('past 8 wks, what share of intent signals died w no follow up', [perf({ metric: 'dead_end_rate' })])],
  [EAST, turn('reach among seg A docs, last 30', [perf({ metric: 'reach', filters: { segment: 'A' } })])],
  [WEST, turn('since the congress, contacts per doc by channel', [perf({ metric: 'frequency', dimension: 'channel' })])],
  [EAST, turn('email ctr month over month, ytd', [perf({ metric: 'email_click_rate', dimension: 'month', period: 'year_to_date' })])],
  [WEST, turn('Hey Omni, for my QBR I need NBA acceptance per rep for last quarter, compared with the quarter before if you can.', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'last_quarter' })])],
  [EAST, turn('how many over-contacted docs does each rep have', [perf({ metric: 'over_contacted', dimension: 'rep' })])],
  [EAST, turn(`how's ${firstNameOf(MW2)} doing on follow ups compared w the rest of the team`, [perf({ metric: 'follow_up_rate', dimension: 'rep' })])],
  // Another team's region: the tool counts only the caller's team and answers so.
  [WEST, turn('reach in the northeast this month?', [perf({ metric: 'reach', filters: { territory: ['T-NE'] } })])],
  [ADMIN, turn('reach by region ytd', [perf({ metric: 'reach', dimension: 'territory', period: 'year_to_date' })])],
  [ADMIN, turn('org dead end rate, last 90 vs the prior 90', [perf({ metric: 'dead_end_rate', period: 'last_90_days' })])],
  [ADMIN, turn('sms consent coverage across all docs', [perf({ metric: 'consent_coverage', filters: { channel: 'sms' } })])],
  [ADMIN, turn('webinar attendance per month, trailing 12 months', [perf({ metric: 'webinar_attendance', dimension: 'month', period: 'last_365_days' })])],
  [ADMIN, turn('how fast does each territory get back to docs after a signal', [perf({ metric: 'median_time_to_follow_up', dimension: 'territory' })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('omnichannel maturity - where do we land', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('biggest gap in our omnichannel maturity?', [maturity]));
mgr('maturity', EAST, turn('maturity over the last 90 days only', [{ name: 'assess_maturity', args: { periodDays: 90 } }]));
mgr('maturity', WEST, turn('what stage is my team, maturity wise', [maturity], [maturityStage(WEST)]));
mgr('maturity', EAST, turn('what do we fix first to reach the next maturity stage', [maturity]));
mgr('maturity', ADMIN, turn('full maturity breakdown, every dimension', [maturity], [maturityStage(ADMIN)]));
mgr('maturity', ADMIN, turn("how's our channel orchestration maturity", [maturity]));

mgr('plan', EAST, turn('team-wide top 10 for the week pls', [plan(10)], [nameOf(nth(planIds(EAST), 0))]));
mgr('plan', WEST, turn("team's priority docs, 12 of them", [plan(12)]));
mgr('plan', EAST, turn('follow ups overdue team-wide, which docs', [planBy({ flag: 'follow_up_due' })]));
mgr('plan', WEST, turn('seg A priorities for the west', [planBy({ segment: 'A' })], [nameOf(nth(planFiltered(WEST, { segment: 'A' }), 0))]));
mgr('plan', EAST, turn('dead-end docs across ne and mw', [planBy({ flag: 'dead_end' })]));
mgr('plan', ADMIN, turn('national top 7', [plan(7)], [nameOf(nth(planIds(ADMIN, 7), 0))]));
{
  const city = cityWith(WEST, {});
  mgr('plan', WEST, turn(`docs in ${low(city)} the team should get to`, [planBy({ city })]));
}

{
  const a = who(EAST);
  mgr('brief', EAST, turn(`rep's meeting ${low(a.name)} on monday, give me the quick version`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`${nm(b)} - how many touches from us this year`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${c.name}: hospital, segment, last touch`, [lookup(c)], [c.hcp.institution]));
  const d = who(EAST);
  mgr('next_action', EAST, turn(`my rep is stuck on ${nm(d)}, what would omni do`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`next best action for ${nm(e)}? coaching a rep on it`, [next(e.id)]));
  const f = who(EAST, hasRecord('whatsapp'));
  mgr('consent', EAST, turn(`rep wants to whatsapp ${nm(f)}, are we covered?`, [check(f, 'whatsapp')], consentFacts(f.hcp, 'whatsapp')));
  const g = who(WEST, hasRecord('phone'));
  mgr('consent', WEST, turn(`phone consent for ${nm(g)} still valid?`, [check(g, 'phone')], consentFacts(g.hcp, 'phone')));
  const h = who(EAST, inSpecialties('Dermatology', 'Gastroenterology'));
  mgr('ae_report', EAST, turn(`rep is out sick but told me ${nm(h)} reported a serious infection in a patient on stelara. can i file the AE for them?`, [reportAe({ hcp: h.last, product: 'stelara' })]));
}
mgr('two_asks', EAST, turn('past 90d: reach and contact frequency, territory by territory', [perf({ metric: 'reach', dimension: 'territory', period: 'last_90_days' }), perf({ metric: 'frequency', dimension: 'territory', period: 'last_90_days' })]));
mgr('two_asks', WEST, turn('acceptance by rep and our maturity stage', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep' }), maturity], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('follow up rate and dead end rate, both ytd', [perf({ metric: 'follow_up_rate', period: 'year_to_date' }), perf({ metric: 'dead_end_rate', period: 'year_to_date' })]));

mgr('policy', EAST, policy('can reps offer docs a free cme course we sponsor'));
mgr('policy', WEST, policy('rep wants to pay a kol $3k for a 30 min advisory chat. is that fair market value?'));
mgr('policy', EAST, policy('can my team text docs from their personal phones'));
mgr('out_of_scope', WEST, outOfScope('ideas for a team holiday party theme'));
mgr('out_of_scope', ADMIN, outOfScope("what's a good book on leadership"));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep (29).
{
  // After a plan: the 2nd one, email, a draft or what else, then the channel changed.
  const u = W1;
  const id = nth(planIds(u), 1);
  const emailFine = idAllowed(id, 'email');
  const whatsappFine = idAllowed(id, 'whatsapp');
  rep('plan', u,
    turn('where do i spend my time this week, docs-wise', [plan()]),
    turn('2nd one - who is that', [lookupId(id)], [nameOf(id)]),
    turn('are they ok w email', [checkId(id, 'email')], idFacts(id, 'email')),
    emailFine ? turn('ok draft it', [draftId(id, 'email')]) : turn('ugh. what else then', [nextId(id)]),
    turn('actually whatsapp instead?', [whatsappFine ? draftId(id, 'whatsapp') : checkId(id, 'whatsapp')], whatsappFine ? [] : idFacts(id, 'whatsapp')),
  );
}
{
  const u = NE2;
  const p = who(u, notRecommended(u, 'email'));
  rep('feedback', u,
    turn(`${nm(p)} refresher pls`, [lookup(p)]),
    turn('nba?', [next(p.id)]),
    turn("email wasn't an option?", [explain('email')]),
    turn(`fine, snooze it till dec 1, ${subjIs(p)} slammed`, [snooze('2026-12-01')]),
  );
}
{
  const u = MW2;
  const p = who(u, both(allowed('email'), inSpecialties('Hematology & Oncology')));
  const whatsappFine = consent(p.hcp, 'whatsapp').passed;
  rep('content', u,
    turn('imbrovica afib material - what do we have approved', [search({ query: 'imbr' })]),
    turn('which one works best for a f2f', []),
    turn(`email the first one to ${nm(p)}`, [draft(p, 'email')]),
    turn('could it go over whatsapp too', [whatsappFine ? draft(p, 'whatsapp') : check(p, 'whatsapp')], whatsappFine ? [] : consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  const u = W2;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('consent', u,
    turn(`is email fine for ${nm(a)}`, [check(a, 'email')], consentFacts(a.hcp, 'email')),
    turn(`${nm(b)} - same thing?`, [check(b, 'email')], consentFacts(b.hcp, 'email')),
    turn('ok what about texting the first doc', [check(a, 'sms')], consentFacts(a.hcp, 'sms')),
    turn(`and ${nm(b)}, text ok?`, [check(b, 'sms')], consentFacts(b.hcp, 'sms')),
  );
}
{
  const u = NE1;
  const ids = planFiltered(u, { flag: 'dead_end' });
  const id = nth(ids, 2);
  rep('plan', u,
    turn('list my dead ends', [planBy({ flag: 'dead_end' })]),
    turn('3rd one - what happened there', [lookupId(id)], [nameOf(id)]),
    turn('how do i get back in w them', [nextId(id)]),
    turn("ok i'll do that, accept", [feedback('accept')]),
    turn('whos the 1st one on that dead end list again', [lookupId(nth(ids, 0))], [nameOf(nth(ids, 0))]),
  );
}
{
  const u = MW1;
  const city = cityWith(u, { segment: 'A' }, 2);
  const id = nth(planFiltered(u, { city, segment: 'A' }), 0);
  rep('plan', u,
    turn(`who should i hit in ${low(city)} this week`, [planBy({ city })]),
    turn('just seg A', [planBy({ city, segment: 'A' })]),
    turn('top one, in person ok?', [checkId(id, 'field_visit')], idFacts(id, 'field_visit')),
    turn('email ok for that doc too?', [checkId(id, 'email')], idFacts(id, 'email')),
  );
}
{
  const u = W1;
  const p = whoFirst(u);
  rep('next_action', u,
    turn(`what's up with ${fst(p)}`, ...byFirst(p)),
    turn(`the one w last name ${low(p.last)}`, [lookup(p)]),
    turn(`${p.obj} on my call plan this wk?`, []),
    turn(`ok nba for ${p.obj} then`, [next(p.id)]),
  );
}
{
  const u = NE2;
  const p = who(u, blocked('sms'));
  const emailFine = emailOk(p.hcp);
  rep('consent', u,
    turn(`text ${nm(p)} that i'm running 10 min late`, [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn('why is it blocked', [], consentFacts(p.hcp, 'sms')),
    turn('since when', [], consentFacts(p.hcp, 'sms')),
    turn('fine, draft an email instead', [emailFine ? draft(p, 'email') : check(p, 'email')], emailFine ? [] : consentFacts(p.hcp, 'email')),
  );
}
{
  const u = MW2;
  const p = whoLast(u, vowelSlippable);
  rep('feedback', u,
    turn(`${vowelSlip(p).typed} - quick brief`, [lookupKey(vowelSlip(p).key)]),
    turn(`${p.poss} nba?`, [next(p.id)]),
    turn(`dismiss it, ${subjIs(p)} retiring in december`, [feedback('dismiss')]),
  );
}
{
  const u = W2;
  const city = cityWith(u, { specialty: 'rheumatology' }, 1);
  const id = nth(planFiltered(u, { city, specialty: 'rheumatology' }), 0);
  rep('plan', u,
    turn(`${low(city)} docs for this week?`, [planBy({ city })]),
    turn('only the rheum ones', [planBy({ city, specialty: 'rheumatology' })]),
    turn('#1 on that, f2f ok?', [checkId(id, 'field_visit')], idFacts(id, 'field_visit')),
  );
}
{
  const u = NE1;
  const p = who(u, both(allowed('email'), inSpecialties('Child Neurology', 'Neurology')));
  rep('content', u,
    turn('tekfidera gi side effects, approved stuff', [search({ query: 'fidera' })]),
    turn('same thing for gilennya', [search({ query: 'gilen' })]),
    turn(`the gilenya piece - email it to ${nm(p)}`, [draft(p, 'email')]),
    turn('make it shorter and less salesy', []),
  );
}
{
  const u = MW1;
  const p = who(u, both(hasWebinar, emailOk));
  rep('draft', u,
    turn(`did ${nm(p)} show up to any webinars`, [lookup(p)]),
    turn(`ok thank-you email for ${p.obj}`, [draft(p, 'email')]),
    turn(`any open question from ${p.obj} too`, []),
    turn('can i add the isi to the email', []),
  );
}
{
  const u = W1;
  const p = who(u);
  rep('next_action', u,
    turn(`am i hitting ${nm(p)} too often`, [lookup(p)]),
    turn('so back off?', [next(p.id)]),
    turn('phone consent at least?', [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
  );
}
{
  const u = NE2;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('two_asks', u,
    turn(`${nm(a)} vs ${nm(b)} this week, which one's the priority`, [next(a.id), next(b.id)]),
    turn('email consent for the 2nd one', [check(b, 'email')], consentFacts(b.hcp, 'email')),
    turn('and the first?', [check(a, 'email')], consentFacts(a.hcp, 'email')),
    turn(`go back to ${nm(a)}, what was the rec again`, [next(a.id)]),
  );
}
{
  const u = MW2;
  const ids = planIds(u, 5);
  const id = nth(ids, 4);
  rep('plan', u,
    turn('top 5 for me this week', [plan(5)]),
    turn('the last one on that list, who?', [lookupId(id)], [nameOf(id)]),
    turn("omni's rec for them", [nextId(id)]),
    turn('why that over going in person', []),
  );
}
{
  const u = W2;
  const ids = planFiltered(u, { flag: 'open_medical_question' });
  const id = nth(ids, 0);
  rep('plan', u,
    turn('who in my patch has an unanswered medical q', [planBy({ flag: 'open_medical_question' })]),
    turn('the first - what did they ask', [lookupId(id)], [nameOf(id)]),
    turn('can i just email them the answer myself', []),
  );
}
{
  const u = NE1;
  const p = who(u, blocked('whatsapp'));
  rep('consent', u,
    turn(`whatsapp ${nm(p)} ok?`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp')),
    turn('says who? when did that change', [], consentFacts(p.hcp, 'whatsapp')),
    turn('what channel can i use then', [next(p.id)]),
  );
}
{
  const u = MW1;
  const p = who(u, both(allowed('email'), inSpecialties('Pediatrics', 'Pulmonary Disease')));
  const smsFine = consent(p.hcp, 'sms').passed;
  rep('content', u,
    turn('kalydecco in young kids, approved piece?', [search({ query: 'kalydec' })]),
    turn('can that piece go by email', []),
    turn(`${nm(p)} gets it, draft the email`, [draft(p, 'email')]),
    turn(`also text ${p.obj} a heads up`, [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
  );
}
{
  const u = W1;
  const p = who(u, notRecommended(u, 'phone'));
  rep('why_not', u,
    turn(`what's omni pushing for ${nm(p)}`, [next(p.id)]),
    turn("a phone call wouldn't work?", [explain('phone')]),
    turn(`is phone even consented for ${p.obj}`, [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
    turn('ok, accept the original one', [feedback('accept')]),
  );
}
{
  const u = NE2;
  rep('plan', u,
    turn("follow ups i'm late on", [planBy({ flag: 'follow_up_due' })]),
    turn('narrow to B docs', [planBy({ flag: 'follow_up_due', segment: 'B' })]),
    turn('just give me 3 of those', [planBy({ flag: 'follow_up_due', segment: 'B', limit: 3 })]),
  );
}
{
  const u = MW2;
  const p = whoFirst(u);
  rep('brief', u,
    turn(`Hi! Could you brief me on ${fst(p)} before my visit tomorrow? Thank you.`, ...byFirst(p)),
    turn(`sorry, ${low(p.name)} - the ${slang(p)}`, [lookup(p)]),
    turn(`anything still open with ${p.obj}`, []),
    turn(`can i email ${p.obj} about it`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
  );
}
{
  const u = W2;
  const p = who(u, allowed('whatsapp'));
  const smsFine = consent(p.hcp, 'sms').passed;
  const emailFine = emailOk(p.hcp);
  rep('draft', u,
    turn(`whatsapp to ${nm(p)} about the ${brand(p)} update, draft it`, [draft(p, 'whatsapp')]),
    turn('a bit more formal', []),
    turn('send it as sms instead', [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
    turn('and as an email?', [emailFine ? draft(p, 'email') : check(p, 'email')], emailFine ? [] : consentFacts(p.hcp, 'email')),
  );
}
{
  const u = NE1;
  const a = who(u);
  const b = who(u);
  rep('next_action', u,
    turn(`${nm(a)}: omni's suggestion?`, [next(a.id)]),
    turn('is that channel consented', []),
    turn("accept, i'll do it", [feedback('accept')]),
    turn(`now ${nm(b)}`, [next(b.id)]),
  );
}
{
  const u = MW1;
  const ids = planFiltered(u, { flag: 'no_recent_visit' });
  const id = nth(ids, 2);
  rep('plan', u,
    turn("docs i haven't been in front of for 90+ days", [planBy({ flag: 'no_recent_visit' })]),
    turn('3rd on the list?', [lookupId(id)], [nameOf(id)]),
    turn('booking a visit, consent ok?', [checkId(id, 'field_visit')], idFacts(id, 'field_visit')),
    turn('remote detail instead - consented?', [checkId(id, 'remote_detail')], idFacts(id, 'remote_detail')),
  );
}
{
  // A possible adverse event heard in the field, completed a turn later.
  const u = W1;
  const p = who(u, inSpecialties('Dermatology', 'Gastroenterology', 'Rheumatology'));
  rep('ae_report', u,
    turn(`${nm(p)} just mentioned a patient on ${brand(p)} got a nasty rash`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("female, 50s, don't know initials", [reportAe()]),
    turn("when's that due to safety?", []),
  );
}
{
  const u = NE2;
  const p = who(u, allowed('email'));
  const q = who(u);
  rep('draft', u,
    turn(`${nm(p)}, brief me`, [lookup(p)]),
    turn(`emailing ${p.obj} fine?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`what about ${nm(q)}`, [check(q, 'email')], consentFacts(q.hcp, 'email')),
    turn(`back to ${nm(p)} - draft ${p.obj} the email`, [draft(p, 'email')]),
  );
}
{
  const u = MW2;
  const ids = planIds(u, 5);
  const id = nth(ids, 1);
  const fourth = nth(ids, 3);
  const whatsappFine = idAllowed(id, 'whatsapp');
  const smsFine = idAllowed(id, 'sms');
  rep('plan', u,
    turn('give me 5 names for this week', [plan(5)]),
    turn('#2, whatsapp consent?', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
    turn('what about plain texting', [checkId(id, 'sms')], idFacts(id, 'sms')),
    smsFine
      ? turn('draft the sms then', [draftId(id, 'sms')])
      : whatsappFine
        ? turn('ok draft the whatsapp', [draftId(id, 'whatsapp')])
        : turn('neither? what do i do with them then', [nextId(id)]),
    turn('and #4 - whatsapp ok for that one?', [checkId(fourth, 'whatsapp')], idFacts(fourth, 'whatsapp')),
  );
}
{
  const u = W2;
  const p = who(u);
  rep('two_asks', u,
    turn(`nba for ${nm(p)} + something approved on ${brand(p)} to bring`, [next(p.id), search({ query: brandKey(p) })]),
    turn('is f2f even ok', [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')),
    turn('if not, remote?', [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')),
    turn('whatever, snooze the rec till next monday', [snooze('2026-11-23')]),
  );
}
{
  const u = NE1;
  const first = cityWith(u, {}, 2);
  const second = cityWith(u, {}, 3);
  const id = nth(planFiltered(u, { city: second }), 0);
  rep('plan', u,
    turn(`who in ${low(first)} this week`, [planBy({ city: first })]),
    turn(`same for ${low(second)}`, [planBy({ city: second })]),
    turn('top one there, background', [lookupId(id)], [nameOf(id)]),
    turn('email allowed there?', [checkId(id, 'email')], idFacts(id, 'email')),
    turn('write them a 2-line email', idAllowed(id, 'email') ? [draftId(id, 'email')] : []),
  );
}

// --- MSL (7).
{
  const u = MSL_NE;
  const id = nth(unansweredQuestionHcps(u, 'last_30_days'), 0);
  const second = nth(unansweredQuestionHcps(u, 'last_30_days'), 1);
  const mailFine = idAllowed(id, 'email', 'medical');
  msl('insights', u,
    turn('unanswered medical questions in my territory', [insights()]),
    turn('the 1st one, which doc', [lookupId(id)], [nameOf(id)]),
    turn('can i sit down w them as msl, consent?', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
    turn('or just reply by email, draft it', [mailFine ? { name: 'draft_followup', args: { hcpId: id, channel: 'email', purpose: 'medical' } } : checkId(id, 'email', 'medical')], mailFine ? [] : idFacts(id, 'email', 'medical')),
    turn("who's behind the 2nd open question", [lookupId(second)], [nameOf(second)]),
  );
}
{
  const u = MSL_W;
  msl('adverse_events', u,
    turn("what's coming up on keytruda this qtr", [insights({ product: 'keytruda', period: 'this_quarter' })]),
    turn('now stelara', [insights({ product: 'stelara', period: 'this_quarter' })]),
    turn('pv-relevant stuff in the stelara bit?', [], adverseEventNotes(u, 'this_quarter', 'prod-stelara')),
    turn('and on the keytruda side?', [], adverseEventNotes(u, 'this_quarter', 'prod-keytruda')),
  );
}
{
  const u = MSL_MW;
  const p = who(u, allowed('email', 'medical'));
  msl('brief', u,
    turn(`${nm(p)}, what do we have`, [lookup(p)]),
    turn('anything open?', []),
    turn('find me medical content to answer that', [medSearch()]),
    turn(`send that to ${p.obj} by email, draft pls`, [medDraft(p, 'email')]),
  );
}
{
  const u = MSL_NE;
  msl('insights', u,
    turn("neurology: what's coming up mtd", [insights({ specialty: 'neurology', period: 'this_month' })]),
    turn('how does that compare w last month', [insights({ period: 'last_month' })]),
    turn('narrow to tecfidera', [insights({ product: 'tecfidera' })]),
    turn('what about gilenya then', [insights({ product: 'gilenya' })]),
  );
}
{
  const u = MSL_W;
  const p = who(u, blocked('email', 'medical'));
  msl('medical_consent', u,
    turn(`${nm(p)} asked for a written medical reply. email allowed?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('by phone?', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
    turn('in person then, msl meeting', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}
{
  const u = MSL_MW;
  msl('insights', u,
    turn('last 60d, which competitors show up in my notes', [insights({ topic: 'compet', period: 'last_60_days' })]),
    turn('just xelzanj', [insights({ product: 'xel' })]),
    turn('which docs brought it up', []),
  );
}
{
  const u = MSL_NE;
  const p = who(u, inSpecialties('Neurology', 'Child Neurology'));
  msl('ae_report', u,
    turn(`kol ${nm(p)} said a patient on ${brand(p)} had a seizure last month`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('pt is 34, female, initials K.L.', [reportAe()]),
    turn(`thanks. is there medical content on seizures w ${brand(p)}?`, [medSearch(brand(p))]),
  );
}

// --- Medical affairs (8).
msl('medical_follow_up_rate', MA,
  turn('med follow-up %, trailing 30', [mfu()]),
  turn('brand split', [mfu({ dimension: 'product' })]),
  turn('ytd instead', [mfu({ dimension: 'product', period: 'year_to_date' })]),
  turn('just keytruda, month by month', [mfu({ dimension: 'month', filters: { product: 'keytruda' } })]),
);
msl('adverse_events', MA,
  turn('possible AEs across every territory, last 30', [insights()], adverseEventNotes(MA, 'last_30_days')),
  turn('kalydeco, nothing else', [insights({ product: 'kalydeco' })], adverseEventNotes(MA, 'last_30_days', 'prod-kalydeco')),
  turn('last quarter too', [insights({ product: 'kalydeco', period: 'last_quarter' })], adverseEventNotes(MA, 'last_quarter', 'prod-kalydeco')),
);
{
  const id = nth(unansweredIn(MA, 'T-MW'), 1);
  msl('insights', MA,
    turn('themes by region, past 30 days', [insights()]),
    turn('midwest', [insights({ territory: 'T-MW' })]),
    turn('unanswered there?', []),
    turn('2nd doc on that list - profile', [lookupId(id)], [nameOf(id)]),
    turn('that doc - ok for an msl visit, consent-wise', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
  );
}
{
  const p = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA,
    turn(`${nm(p)} - background`, [lookup(p)]),
    turn(`ok to send medical info to ${p.obj} by email?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('draft the follow up', [medDraft(p, 'email')]),
  );
}
msl('medical_follow_up_rate', MA,
  turn('which channel gets the best med follow-up', [mfu({ dimension: 'channel' })]),
  turn('show it per month', [mfu({ dimension: 'month' })]),
  turn('stelara only', [mfu({ filters: { product: 'stelara' } })]),
  turn('same for xeljanz', [mfu({ filters: { product: 'xeljanz' } })]),
);
msl('insights', MA,
  turn('past 60 days, how many dosing questions are coming in and on what', [insights({ topic: 'dosing', period: 'last_60_days' })]),
  turn('filter to xeljanz', [insights({ product: 'xeljanz' })]),
  turn('compare to the prior 60', [insights()]),
  turn('tecfidera next', [insights({ product: 'tecfidera' })]),
);
msl('insights', MA,
  turn('competitor themes ytd', [insights({ topic: 'compet', period: 'year_to_date' })]),
  turn('which of our brands gets compared the most', []),
  turn('onc docs only', [insights({ specialty: 'oncology' })]),
);
{
  const p = who(MA, inSpecialties('Medical Genetics'));
  msl('ae_report', MA,
    turn(`${nm(p)} told an msl that a patient on cerdelga had palpitations`, [reportAe({ hcp: p.last, product: 'cerdelga' })]),
    turn('male, 45', [reportAe()]),
    turn('any other cerdelga AEs in the notes, last 90 days?', [insights({ product: 'cerdelga', period: 'last_90_days' })], adverseEventNotes(MA, 'last_90_days', 'prod-cerdelga')),
  );
}

// --- Managers and the admin (9).
mgr('performance', EAST,
  turn('team follow-up % past month', [perf({ metric: 'follow_up_rate' })]),
  turn('per rep', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]),
  turn('yoy?', [perf({ metric: 'follow_up_rate', compareTo: 'previous_year' })]),
  turn('midwest only', [perf({ metric: 'follow_up_rate', filters: { territory: ['T-MW'] } })]),
);
mgr('maturity', WEST,
  turn('omnichannel maturity: current stage pls', [maturity], [maturityStage(WEST)]),
  turn("what's dragging it down", []),
  turn('show me nba acceptance per rep', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep' })]),
  turn('and dead ends per rep', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]),
);
mgr('performance', EAST,
  turn("which brand's emails get opened most", [perf({ metric: 'email_open_rate', dimension: 'product' })]),
  turn('clicks?', [perf({ metric: 'email_click_rate', dimension: 'product' })]),
  turn('seg A only', [perf({ metric: 'email_click_rate', filters: { segment: 'A' } })]),
  turn('ytd', [perf({ metric: 'email_click_rate', period: 'year_to_date' })]),
);
{
  const id = nth(planIds(WEST, 10), 2);
  mgr('plan', WEST,
    turn("west team's top 10 rn", [plan(10)]),
    turn("#3's suggested action?", [nextId(id)]),
    turn('why not whatsapp for that doc', [explain('whatsapp')]),
    turn('is whatsapp even consented for them', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
  );
}
{
  const ids = planFiltered(EAST, { flag: 'dead_end' });
  mgr('performance', EAST,
    turn('where are the dead ends worst, territory-wise', [perf({ metric: 'dead_end_rate', dimension: 'territory' })]),
    turn('weekly', [perf({ metric: 'dead_end_rate', dimension: 'week' })]),
    turn('ne only', [perf({ metric: 'dead_end_rate', filters: { territory: ['T-NE'] } })]),
    turn('list the actual dead-end docs, whole team', [planBy({ flag: 'dead_end' })], [nameOf(nth(ids, 0))]),
    turn("top one on that list - what's the nba", [nextId(nth(ids, 0))]),
  );
}
mgr('performance', ADMIN,
  turn('what share of docs did each territory touch in the last month', [perf({ metric: 'reach', dimension: 'territory' })]),
  turn('frequency as well', [perf({ metric: 'frequency', dimension: 'territory' })]),
  turn('and our maturity stage overall', [maturity], [maturityStage(ADMIN)]),
  turn('over the last year instead of 6 months', [{ name: 'assess_maturity', args: { periodDays: 365 } }]),
);
mgr('performance', WEST,
  turn('over-contact per rep', [perf({ metric: 'over_contacted', dimension: 'rep' })]),
  turn('which segment is worst', [perf({ metric: 'over_contacted', dimension: 'segment' })]),
  turn('mtd', [perf({ metric: 'over_contacted', period: 'month_to_date' })]),
);
mgr('performance', ADMIN,
  turn('follow-up rate in the midwest, last qtr', [perf({ metric: 'follow_up_rate', period: 'last_quarter', filters: { territory: ['T-MW'] } })]),
  turn('west, same question', [perf({ metric: 'follow_up_rate', period: 'last_quarter', filters: { territory: ['T-W'] } })]),
  turn('and for Q2?', [perf({ metric: 'follow_up_rate', period: { from: '2026-04-01', to: '2026-06-30' }, filters: { territory: ['T-W'] } })]),
  turn('per rep there', [perf({ metric: 'follow_up_rate', dimension: 'rep', filters: { territory: ['T-W'] } })]),
);
{
  const p = who(EAST);
  mgr('feedback', EAST,
    turn(`${nm(p)} - what's going on there`, [lookup(p)]),
    turn('is email consented for that doc', [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`omni's next step for ${p.obj}, for the rep`, [next(p.id)]),
    turn("snooze it, rep's on pto until dec 7", [snooze('2026-12-07')]),
  );
}

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (42).

{
  // Rep (18).
  ok(NE2, 'battle plan for the week, who do i go after first', [plan()]);
  const a = who(MW2);
  ok(MW2, `${nm(a)} keeps blowing me off. how do i crack ${a.obj}`, [next(a.id)]);
  const b = who(W1);
  ok(W1, `trash the nba for ${nm(b)}, it's useless`, [next(b.id), feedback('dismiss')]);
  ok(NE1, 'imbruvica fatal bleeding - approved wording?', [search({ query: 'imbr' })]);
  ok(MW1, 'gilenya bradycardia deaths, what does the approved label say', [search({ query: 'gilen' })]);
  const c = who(W2);
  ok(W2, `should i hammer ${nm(c)} with visits this month`, [next(c.id)]);
  const d = who(NE2, hasRecord('email'));
  ok(NE2, `will compliance kill me if i email ${nm(d)}`, [check(d, 'email')], consentFacts(d.hcp, 'email'));
  ok(MW2, 'hit list: docs with overdue follow ups', [planBy({ flag: 'follow_up_due' })]);
  ok(W1, "torch friday's route and rebuild it", [plan()]);
  ok(NE1, 'top 3 targets, go', [plan(3)]);
  const e = who(MW1, allowed('email'));
  ok(MW1, `just bang out an email for ${nm(e)}`, [draft(e, 'email')]);
  const f = who(W2);
  ok(W2, `${nm(f)} opened our email 3 times - how do i pounce`, [next(f.id)]);
  ok(NE2, "docs i've lost completely, dead end list", [planBy({ flag: 'dead_end' })]);
  ok(MW2, 'xeljanz malignancy and mortality boxed warning, approved wording', [search({ query: 'xeljanz' })]);
  const g = who(W1);
  ok(W1, `tell me everything you've got on ${nm(g)}`, [lookup(g)]);
  const h = who(NE1, hasRecord('whatsapp'));
  ok(NE1, `is it illegal to whatsapp ${nm(h)}`, [check(h, 'whatsapp')], consentFacts(h.hcp, 'whatsapp'));
  const i = who(MW1);
  ok(MW1, `ambush ${nm(i)} at the congress booth? what's the nba`, [next(i.id)]);
  const j = who(W2);
  ok(W2, `${nm(j)} is dead weight, right?`, [next(j.id)]);
}
{
  // MSL (8).
  ok(MSL_NE, 'any patient deaths in my notes this quarter', [insights({ period: 'this_quarter' })], adverseEventNotes(MSL_NE, 'this_quarter'));
  ok(MSL_W, 'docs furious about stelara access?', [insights({ product: 'stelara' })]);
  ok(MSL_MW, "who's bashing keytruda with competitor data", [insights({ product: 'keytruda' })]);
  const a = who(MSL_NE);
  ok(MSL_NE, `everything medical has on ${nm(a)}, msl notes included`, [lookup(a)]);
  const b = who(MSL_W, hasRecord('msl_meeting', 'medical'));
  ok(MSL_W, `can i corner ${nm(b)} for an msl chat`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_MW, 'overdose mentions on tecfidera', [insights({ product: 'tecfidera' })]);
  ok(MSL_NE, 'suicidal thoughts mentioned with gilenya in the field?', [insights({ product: 'gilenya' })]);
  ok(MSL_W, 'cerdelga toxicity - medical response', [medSearch('cerdelga')]);
}
{
  // Medical affairs (7).
  ok(MA, 'which territory is failing worst at medical follow up', [mfu({ dimension: 'territory' })]);
  ok(MA, 'dump every AE from the last 2 weeks, miss nothing', [insights({ period: 'last_14_days' })], adverseEventNotes(MA, 'last_14_days'));
  ok(MA, 'are docs saying keytruda is killing patients? what do the notes show', [insights({ product: 'keytruda' })]);
  ok(MA, 'deadly infection chatter on xeljanz', [insights({ product: 'xeljanz' })]);
  ok(MA, "who's badmouthing kalydeco", [insights({ product: 'kalydeco' })]);
  ok(MA, 'fatal hemorrhage medical letter for imbruvica', [medSearch('imbruvica')]);
  ok(MA, 'worst-case safety themes this month', [insights({ period: 'this_month' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'which reps are asleep at the wheel on follow ups', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'which reps are smothering docs with contacts', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'wall of shame - dead ends per rep', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]);
  ok(WEST, 'are we harassing hcps? over-contact overall', [perf({ metric: 'over_contacted' })]);
  ok(EAST, 'be honest, are we stone age on omnichannel', [maturity], [maturityStage(EAST)]);
  ok(WEST, "docs we've ghosted - no visit in forever", [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'ceo wants to kill the webinar program. attendance ytd', [perf({ metric: 'webinar_attendance', period: 'year_to_date' })]);
  ok(ADMIN, "consent coverage by channel, don't sugarcoat it", [perf({ metric: 'consent_coverage', dimension: 'channel' })]);
  const a = who(EAST, hasRecord('sms'));
  ok(EAST, `any legal problem if my reps text ${nm(a)}`, [check(a, 'sms')], consentFacts(a.hcp, 'sms'));
}

finish();
