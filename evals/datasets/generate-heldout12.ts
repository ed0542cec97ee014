/**
 * Builds the twelfth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout12.ts
 *
 * Writes persona-heldout12.jsonl and benign-heldout12.jsonl. Written by hand, blind, on 2026-12-07: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports, the per-case
 * details of earlier runs and the agent's answers were not read, and neither the agent nor the eval runner was run on
 * these questions. Only the kit (heldout-kit.ts, heldout-test-support.ts), the shape of generate-heldout11.ts and
 * generate-heldout10.ts, the tools' input schemas (tools/*.ts) and the domain and demo code that compute the facts
 * were read.
 *
 * The questions are typed the way reps, MSLs, medical affairs and managers write in Slack or a chat box: lowercase,
 * typos new to this set (the 3rd letter of a last name doubled, "kowwalski"; the last letter of a last name hit with a
 * neighbouring key, "kowalsko"; brands misspelled "keytrudda", "imbruvika", "xeljamz", "stalara", "setlara",
 * "tecfidara", "gilenay", "kalydeo", "kalaydeco", "cerdegla"), first or last names only, specialty slang ("onc", "hem
 * onc", "rheumys", "derms", "gi docs", "ms neuro", "cf pulm", "genetics doc"), generic names
 * ("fingolimod", "eliglustat"), jargon (NBA, KOL, ISI, call plan, touchpoints, f2f, AE, PV, MLR, HCP, MI request,
 * cadence, omni-stage), terse fragments and long polite messages, two asks in one, managers' own words for metrics,
 * breakdowns and periods ("H1", "Q3", "qtd", "month so far", "vs same time last year", "week by week", "territory by
 * territory", "the 30 before", "trailing 30", "stretch it to 90 days"). New in this set: list asks narrowed by a consent state other than opt-outs (expired, none on file)
 * and by a flag and a segment together; field insights between two named days; adverse events heard first-hand at a
 * booth, and one filed incomplete when the user has nothing more (submit); "why not" a video detail or WhatsApp;
 * conversations that pick "the other one" of two HCPs, go back to an HCP named three or four turns earlier, or change
 * one thing at a time (the channel, product, period, breakdown, city, segment, region).
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout12.test.ts).
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
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT12, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout12',
  idPrefix: 'ho12',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT12],
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

/** Long enough to double the 3rd letter and keep a recognisable end of 5+ letters; the 3rd letter not already next to its twin. */
const doublable: Need = (hcp) => {
  const name = hcp.lastName.toLowerCase();
  return name.length >= 7 && /[a-z]/.test(name[2]!) && name[2] !== name[1] && name[2] !== name[3];
};
/** The 3rd letter doubled ("kowalski" → "kowwalski"); the key is the end from that letter, which both contain. */
const doubled = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, 3)}${name[2]}${name.slice(3)}`), key: name.slice(2) };
};
/** A neighbouring key on a QWERTY keyboard, for the last letter of a name. */
const NEIGHBOUR: Record<string, string> = {
  a: 's', b: 'v', c: 'x', d: 'f', e: 'r', f: 'g', g: 'h', h: 'j', i: 'o', j: 'k', k: 'l', l: 'k', m: 'n',
  n: 'm', o: 'p', p: 'o', q: 'w', r: 't', s: 'd', t: 'y', u: 'y', v: 'b', w: 'e', x: 'z', y: 'u', z: 'x',
};
/** Long enough to hit a wrong last key and keep a start of 5+ letters. */
const fatFingerable: Need = (hcp) => hcp.lastName.length >= 6 && NEIGHBOUR[hcp.lastName.toLowerCase().at(-1)!] !== undefined;
/** The last letter typed with the key next to it ("kowalski" → "kowalsko"); the key is the start before it. */
const fatFinger = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, -1)}${NEIGHBOUR[name.at(-1)!]}`), key: name.slice(0, -1) };
};

/** Brands by specialty: the right name, a misspelling no earlier set used, and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytrudda', 'keytrud'],
  'Hematology & Oncology': ['imbruvica', 'imbruvika', 'imbruvi'],
  Rheumatology: ['xeljanz', 'xeljamz', 'xelja'],
  Dermatology: ['stelara', 'stalara', 'lara'],
  Gastroenterology: ['stelara', 'setlara', 'lara'],
  Neurology: ['tecfidera', 'tecfidara', 'tecfid'],
  'Child Neurology': ['gilenya', 'gilenay', 'gilen'],
  'Pulmonary Disease': ['kalydeco', 'kalydeo', 'kalyde'],
  Pediatrics: ['kalydeco', 'kalaydeco', 'ydeco'],
  'Medical Genetics': ['cerdelga', 'cerdegla', 'cerde'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** Specialties as the field says them. */
const SLANG: Record<string, string> = {
  'Medical Oncology': 'onc',
  'Hematology & Oncology': 'hem onc',
  Rheumatology: 'rheumy',
  Dermatology: 'derm',
  Gastroenterology: 'gi doc',
  Neurology: 'ms neuro',
  'Child Neurology': 'peds neuro',
  'Pulmonary Disease': 'cf pulm',
  Pediatrics: 'peds',
  'Medical Genetics': 'genetics doc',
};
const slang = (p: Pick) => SLANG[p.hcp.specialty]!;
/** "she's", "he's", "they're". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);
/** "is she", "are they"; "does he", "do they"; "she prefers", "they prefer"; "isn't she", "aren't they". */
const isSubj = (p: Pick) => (p.subj === 'they' ? 'are they' : `is ${p.subj}`);
const doesSubj = (p: Pick) => (p.subj === 'they' ? 'do they' : `does ${p.subj}`);
const verb = (p: Pick, word: string) => (p.subj === 'they' ? `they ${word}` : `${p.subj} ${word}s`);
const isntSubj = (p: Pick) => (p.subj === 'they' ? "aren't they" : `isn't ${p.subj}`);

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
/** report_adverse_event with the key arguments the user named (the reporting HCP's name, the product, submit). */
const reportAe = (args: { hcp?: string; product?: string; submit?: boolean } = {}): Call => ({ name: 'report_adverse_event', args });
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
  field_visit: 'an in-person visit',
  remote_detail: 'a virtual detail',
  approved_email: 'an approved email',
  event_invitation: 'an event invite',
  msl_handoff: 'an msl handoff',
  medical_information_route: 'routing to med info',
  wait: 'holding off',
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
const REPS = [MW1, W2, NE2, MW2, W1, NE1];
const MSLS = [MSL_MW, MSL_NE, MSL_W];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['New York', 'Boston', 'Pittsburgh', 'Worcester'],
  'T-MW': ['Detroit', 'Chicago', 'Evanston', 'Minneapolis'],
  'T-W': ['Los Angeles', 'Seattle', 'Phoenix', 'San Francisco'],
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
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`${nm(p)} - email consent on file or nah`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`pls confirm i can sms ${nm(p)} re the lunch n learn`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [blocked('email'), (p) => turn(`${nm(p)}'s office replied "remove me from your list" a while back.. is email still a go?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [hasRecord('whatsapp'), (p) => turn(`${nm(p)} gave me ${p.poss} cell for whatsapp, are we actually opted in`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`${fst(p)} ok for a zoom detail? consent`, ...byFirst(p)), 'first'],
  [hasRecord('phone'), (p) => turn(`when did ${nm(p)} give phone consent and is it still good`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [doublable, (p) => turn(`${doubled(p).typed} consent for text msgs?`, [lookupKey(doubled(p).key), check(p, 'sms')], consentFacts(p.hcp, 'sms')), 'last'],
  [hasRecord('field_visit'), (p) => turn(`can i pop into ${nm(p)}'s office unannounced, are we covered consent-wise`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`Good morning! Before I reach out, could you double-check whether ${p.name} has agreed to receive promotional emails from us? Many thanks.`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`${nm(p)}: whatsapp and email, which ones are green`, [check(p, 'whatsapp'), check(p, 'email')], [...consentFacts(p.hcp, 'whatsapp'), ...consentFacts(p.hcp, 'email')])],
  [withStatus('email', 'expired'), (p) => turn(`did ${nm(p)}'s email consent lapse? since when`, [check(p, 'email')], recordAndDay(p.hcp, 'email'))],
  [always, (p) => turn(`${nm(p)} wants the ${brandTypo(p)} copay card link, am i allowed to text it`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`${nm(p)} consent status across the board pls`, [lookup(p)])],
  [allowed('remote_detail'), (p) => turn(`${nm(p)} asked for a virtual detail next wk, we cleared for that?`, [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail'))],
  [fatFingerable, (p) => turn(`is ${fatFinger(p).typed} emailable`, [lookupKey(fatFinger(p).key), check(p, 'email')], consentFacts(p.hcp, 'email')), 'last'],
  [hasRecord('sms'), (p) => turn(`what date did ${nm(p)} opt in (or out) of sms`, [check(p, 'sms')], recordAndDay(p.hcp, 'sms'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`gimme the 411 on ${nm(p)} before my 2pm`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: how did the last touchpoint go`, [lookup(p)])],
  [always, (p) => turn(`which practice is ${nm(p)} with these days`, [lookup(p)], [p.hcp.institution])],
  [doublable, (p) => turn(`who's ${doubled(p).typed} again, the ${slang(p)}?`, [lookupKey(doubled(p).key)]), 'last'],
  [(hcp) => hcp.segment !== null, (p) => turn(`what segment is ${nm(p)} in for us`, [lookup(p)])],
  [always, (p) => turn(`never met ${low(p.name)}, what should i know going in`, [lookup(p)])],
  [always, (p) => turn(`when did anyone from our team last see ${nm(p)} in person`, [lookup(p)])],
  [always, (p) => turn(`is ${nm(p)} reading our emails or ignoring them`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} is based in which city?`, [lookup(p)], [p.hcp.city])],
  [hasWebinar, (p) => turn(`${nm(p)} sit in on any of our webinars lately?`, [lookup(p)])],
  [always, (p) => turn(`${fst(p)} over at ${low(p.hcp.institution)} - pull up the file`, ...byFirst(p)), 'first'],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)} still waiting on medical for something?`, [lookup(p)])],
  [always, (p) => turn(`Hi Omni, I'm covering for a colleague on leave and have ${p.name} on my list today. Could you summarise the relationship so far: recent contacts, preferences and anything pending?`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`what do i do w ${nm(p)} now`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} - in person, phone, or give ${p.obj} some space?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} hasn't replied to anything in weeks, ideas?`, [next(p.id)])],
  [fatFingerable, (p) => turn(`nba on ${fatFinger(p).typed}`, [lookupKey(fatFinger(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`worth chasing ${nm(p)} in december or wait til the new year`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} - right touch cadence + channel?`, [next(p.id)])],
  [always, (p) => turn(`When you have a moment, what would you recommend as my next step with ${p.name}?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} cancelled on me again. push or pause?`, [next(p.id)])],
  [always, (p) => turn(`${fst(p)}, the ${slang(p)} - what would omni have me do`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`what's omni's top pick for ${nm(p)}? explain it like i'm 5`, [next(p.id)])],
  [always, (p) => turn(`how do i follow up w ${nm(p)} after tuesday's visit`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn('who do i call on first monday', [plan()], [nameOf(nth(planIds(u), 0))]),
  () => turn('give me a 6-stop route for thursday', [plan(6)]),
  () => turn('docs in my area waiting on a medical answer', [planBy({ flag: 'open_medical_question' })]),
  () => turn("who's gone dark on me after showing interest", [planBy({ flag: 'dead_end' })]),
  () => turn("which hcps havent had an in-person from me in 90 days", [planBy({ flag: 'no_recent_visit' })]),
  () => turn('follow ups past due - names pls', [planBy({ flag: 'follow_up_due' })]),
  (u) => turn('segment a docs ranked', [planBy({ segment: 'A' })], [nameOf(nth(planFiltered(u, { segment: 'A' }), 0))]),
  (u) => {
    const city = cityWith(u, { specialty: 'neurology' });
    return turn(`neuro docs in ${low(city)} worth the drive`, [planBy({ city, specialty: 'neurology' })]);
  },
  () => turn('20 names for my monthly call plan', [plan(20)]),
  (u) => turn(`anyone in ${low(cityOf(u, 1))} i should prioritise`, [planBy({ city: cityOf(u, 1) })]),
  () => turn('who in my territory has no whatsapp consent on file at all', [planBy({ consent: { channel: 'whatsapp', status: 'none' } })]),
  (u) => turn('onc docs to see first', [planBy({ specialty: 'oncology' })], [nameOf(nth(planFiltered(u, { specialty: 'oncology' }), 0))]),
  () => turn("overdue f/u's but only my B-segment docs", [planBy({ flag: 'follow_up_due', segment: 'B' })]),
  () => turn('docs whose email consent expired, need to re-paper them', [planBy({ consent: { channel: 'email', status: 'expired' } })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('keytrudda irAE handout, has mlr cleared one', [search({ query: 'keytrud' })]),
  () => turn('imbruvika cardiac arrhythmia piece, approved for reps?', [search({ query: 'imbruvi' })]),
  () => turn('xeljamz ra efficacy slides - any approved', [search({ query: 'xelja' })]),
  () => turn("stalara crohn's maintenance data, approved version pls", [search({ query: 'lara' })]),
  () => turn('tecfidara pml safety wording that mlr signed off', [search({ query: 'tecfid' })]),
  () => turn('gilenay first dose monitoring - approved leave-behind?', [search({ query: 'gilen' })]),
  () => turn('kalydeo approved patient brochure?', [search({ query: 'kalyde' })]),
  () => turn('cerdegla hcp brochure w the ISI, approved one', [search({ query: 'cerde' })]),
  () => turn('anything approved on xeljanz short enough for an sms', [search({ query: 'xeljanz', channel: 'sms' })]),
  () => turn('approved email template for imbruvica after a lunch program', [search({ query: 'imbruvica' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`write up an email to ${nm(p)} following up on ${brand(p)}`, [draft(p, 'email')])],
  [blocked('email'), (p) => turn(`email ${nm(p)} the new ${brand(p)} data pls, draft it`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`draft a short sms to ${nm(p)} confirming tmrw 10am`, [draft(p, 'sms')])],
  [allowed('whatsapp'), (p) => turn(`draft a whatsapp to ${nm(p)} abt ${brandTypo(p)} coverage`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`${nm(p)} joined the webinar, need a follow up email drafted`, [draft(p, 'email')])],
  [blocked('sms'), (p) => turn(`need a text to ${nm(p)} about rescheduling, can u draft`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('email'), (p) => turn(`${nm(p)} wants ${brand(p)} dosing info in writing - email draft pls`, [draft(p, 'email')])],
  [blocked('whatsapp'), (p) => turn(`put together a whatsapp for ${nm(p)}, ${verb(p, 'prefer')} it over email`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`pull up ${nm(p)} and tell me if i can whatsapp ${p.obj}`, [lookup(p), check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`what's next for ${nm(p)}, plus an approved ${brand(p)} piece i can use`, [next(p.id), search({ query: brandKey(p) })])],
  [always, (p) => turn(`give me ${nm(p)}'s background and whether phone calls are consented`, [lookup(p), check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`is a remote detail ok w ${nm(p)}, and if yes what do i talk about`, [check(p, 'remote_detail'), next(p.id)], consentFacts(p.hcp, 'remote_detail'))],
  [allowed('email'), (p) => turn(`if ${nm(p)} has email consent go ahead and write the follow up, if not tell me`, [check(p, 'email'), draft(p, 'email')], consentFacts(p.hcp, 'email'))],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)} - any open medical qs? also what's the nba`, [lookup(p), next(p.id)])],
  [always, (p) => turn(`can i visit ${nm(p)}? if no, what should i do instead`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`${nm(p)} - how come email isn't the suggestion`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`${nm(p)}: why isn't omni suggesting an in-person`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'remote_detail')), (p, u) => turn(`rec for ${nm(p)} is ${SAYS[recommendation(u, p.hcp).recommended.kind]}. why not a zoom detail instead`, [next(p.id), explain('remote_detail')])],
  [perUser((u) => recommendedKind(u, 'wait')), (p) => turn(`omni says wait on ${nm(p)}. explain`, [next(p.id)])],
  [always, (p) => turn(`don't get the ${nm(p)} recommendation at all, break it down`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`push the ${nm(p)} nba out to dec 14, ${subjIs(p)} at a conference`, [next(p.id), snooze('2026-12-14')])],
  [always, (p) => turn(`kill the rec for ${nm(p)}, ${p.subj} moved out of state`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`${nm(p)} rec looks right, mark it accepted`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`snooze ${nm(p)} until after thanksgiving, say nov 30`, [next(p.id), snooze('2026-11-30')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${nm(p)} mentioned a pt on ${brand(p)} ended up in the ER with chest pain, 58M. do i need to report that`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`fyi ${nm(p)} said one of ${p.poss} patients on ${brandTypo(p)} has been losing a lot of hair, woman around 30. where do i log this`, [reportAe({ hcp: p.last, product: brandKey(p) })])],
  [always, () => turn('at our booth today a caregiver told me their kid got really sick after starting kalydeco. what am i supposed to do with that', [reportAe({ product: 'kalydeco' })])],
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
  rep('two_asks', userId, turn(`${nm(a)} + ${nm(b)} - emailable, both of them?`, [check(a, 'email'), check(b, 'email')], [...consentFacts(a.hcp, 'email'), ...consentFacts(b.hcp, 'email')]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn('how is the region doing on reach this month', [perf({ metric: 'reach' })]));
{
  const userId = MW1;
  rep('team_metrics', userId, turn(`my follow up rate vs ${firstNameOf(MW2)}'s, last 90`, [perf({ metric: 'follow_up_rate' })]));
}

for (const question of [
  'can i bring coffee and donuts to the same office every week',
  'a doc wants a case of samples for his own family, is that ok',
  'doc asked if xeljanz works for alopecia, can i tell her what i know',
  'can i take a doc to a basketball game if we talk business the whole time',
  'ok to pay a nurse practitioner to speak at our lunch program?',
  "a doc asked us to sponsor her kid's soccer team, thoughts",
]) rep('policy', nextRep(), policy(question));
for (const question of ["what's the weather gonna be in denver this weekend", 'recommend a good podcast for the drive', 'convert 72 fahrenheit to celsius']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn('top themes from my notes, last 6 months', [insights({ period: 'last_180_days' })]),
  () => turn('anything new popping up this week?', [insights({ period: 'last_7_days' })]),
  () => turn('this quarter vs last, how have the themes shifted', [insights({ period: 'this_quarter' })]),
  () => turn('competitor mentions from onc docs lately', [insights({ topic: 'compet', specialty: 'oncology' })]),
  () => turn("open q's from docs that nobody has gotten back to", [insights()]),
  () => turn('is there dosing confusion on imbruvica out there', [insights({ product: 'imbruvica', topic: 'dosing' })]),
  () => turn('what are my rheumys bringing up', [insights({ specialty: 'rheumatology' })]),
  () => turn('access / coverage problems, last 90d', [insights({ topic: 'access', period: 'last_90_days' })]),
  () => turn('between oct 1 and oct 31, what came up on tecfidera', [insights({ product: 'tecfidera', from: '2026-10-01', to: '2026-10-31' })]),
  () => turn('any positive stuff on kalydeco recently', [insights({ product: 'kalydeco', topic: 'positive' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_NE, (u) => turn('any AEs in my notes the past two weeks', [insights({ period: 'last_14_days' })], adverseEventNotes(u, 'last_14_days'))],
  [MSL_MW, (u) => turn('pv-reportable stuff in my notes this qtr', [insights({ period: 'this_quarter' })], adverseEventNotes(u, 'this_quarter'))],
  [MSL_W, (u) => turn('safety mentions i have to pass on, last 60', [insights({ period: 'last_60_days' })], adverseEventNotes(u, 'last_60_days'))],
  [MSL_NE, (u) => turn('half a year of keytruda notes - flag possible AEs', [insights({ product: 'keytruda', period: 'last_180_days' })], adverseEventNotes(u, 'last_180_days', 'prod-keytruda'))],
  [MSL_MW, (u) => turn('AE scan of my stelara notes ytd', [insights({ product: 'stelara', period: 'year_to_date' })], adverseEventNotes(u, 'year_to_date', 'prod-stelara'))],
  [MSL_W, (u) => turn('gilenya adverse events so far this year', [insights({ product: 'gilenya', period: 'year_to_date' })], adverseEventNotes(u, 'year_to_date', 'prod-gilenya'))],
];
const mslBrief: Ask[] = [
  [perUser(hasOpenQuestion), (p) => turn(`what did ${nm(p)} ask medical, and is it closed`, [lookup(p)])],
  [always, (p) => turn(`my history with ${nm(p)}, medical side only`, [lookup(p)])],
  [always, (p) => turn(`when did an msl last sit down with ${nm(p)}`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} - kol? research interests?`, [lookup(p)])],
  [doublable, (p) => turn(`background pls: ${doubled(p).typed}`, [lookupKey(doubled(p).key)]), 'last'],
  [always, (p) => turn(`${fst(p)} from ${low(p.hcp.institution)}, open the profile`, ...byFirst(p)), 'first'],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`${nm(p)}: do we still hold msl-meeting consent`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`can medical email ${nm(p)} the study summary`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`allowed to call ${nm(p)} about the MI request ${p.subj} sent in?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`${fst(p)} - ok for an in-person scientific discussion?`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`replying to ${nm(p)}'s medical question by sms, permitted?`, [med(p, 'sms')], consentFacts(p.hcp, 'sms', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('keytruda combined with chemo - do we have a medical response', [medSearch('keytruda')]),
  () => turn('fingolimod in pregnancy, is there a medical letter', [medSearch()]),
  () => turn("stelara dosing interval in crohn's, medical content?", [medSearch('stelara')]),
  () => turn('cerdelga drug interactions - medical info response', [medSearch('cerdelga')]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`prep a medical email reply to ${nm(p)} on ${brand(p)}`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`draft a medical follow up to ${nm(p)}, by email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`${nm(p)} wants the ${brand(p)} safety data; draft the medical email`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`${nm(p)} reported jaundice in a 47 y/o woman on ${brand(p)}, log it for safety pls`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, () => turn('a kol told me a pt on tecfidera got severe flushing and hives, initials J.P., 39, male - file it', [reportAe({ product: 'tecfidera' })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn("what's our medical follow up rate in my territory this quarter", [mfu()]));
for (const question of [
  'a kol asked me to help write their grand rounds slides, can i',
  'can i bring up off-label data proactively if i think the doc would find it useful',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('best way to get a red wine stain out of a carpet'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('what are reps and msls hearing this week', [insights({ period: 'last_7_days' })]),
  turn('xeljanz boxed warning concerns from the field, last 90', [insights({ product: 'xeljanz', period: 'last_90_days' })]),
  turn('biggest themes over the past year', [insights({ period: 'last_365_days' })]),
  turn('competitor talk, last 60, broken out by product', [insights({ topic: 'compet', period: 'last_60_days' })]),
  turn('every open medical question, oldest first', [insights()]),
  turn('what are the ms neuro folks saying this month', [insights({ specialty: 'neurology', period: 'this_month' })]),
  turn("what's the northeast field team picking up lately", [insights({ territory: 'T-NE' })]),
  turn('off-label asks by specialty, ytd', [insights({ topic: 'off', period: 'year_to_date' })]),
  turn('cerdelga insights for Q3', [insights({ product: 'cerdelga', from: '2026-07-01', to: '2026-09-30' })]),
  turn('what themes are emerging compared w the prior period', [insights()]),
  turn('Hello, could you pull together what the West team has reported about STELARA over the last two months, with any unanswered questions?', [insights({ territory: 'T-W', product: 'stelara', period: 'last_60_days' })]),
  turn('gi docs in the midwest - themes?', [insights({ territory: 'T-MW', specialty: 'gastroenterology' })]),
];
const maAe: TurnInput[] = [
  turn('every possible AE in field notes since the start of the month', [insights({ period: 'this_month' })], adverseEventNotes(MA, 'this_month')),
  turn('pv rundown, last 90', [insights({ period: 'last_90_days' })], adverseEventNotes(MA, 'last_90_days')),
  turn('imbruvica AE mentions, past 60', [insights({ product: 'imbruvica', period: 'last_60_days' })], adverseEventNotes(MA, 'last_60_days', 'prod-imbruvica')),
  turn('stelara safety signals ytd', [insights({ product: 'stelara', period: 'year_to_date' })], adverseEventNotes(MA, 'year_to_date', 'prod-stelara')),
  turn('tecfidera - anything that smells like an AE this quarter', [insights({ product: 'tecfidera', period: 'this_quarter' })], adverseEventNotes(MA, 'this_quarter', 'prod-tecfidera')),
  turn('all AEs flagged in october, the full list', [insights({ period: 'last_month' })], adverseEventNotes(MA, 'last_month')),
];
const maFollowUp: TurnInput[] = [
  turn('med follow up rate, quarter so far', [mfu({ period: 'quarter_to_date' })]),
  turn('med follow up, 90 days, each territory', [mfu({ dimension: 'territory', period: 'last_90_days' })]),
  turn('med f/u per channel', [mfu({ dimension: 'channel' })]),
  turn('medical follow up month by month this year', [mfu({ dimension: 'month', period: 'year_to_date' })]),
  turn('keytruda med follow-up vs same time last year', [mfu({ filters: { product: 'keytruda' }, compareTo: 'previous_year' })]),
  turn('medical follow up among segment A docs', [mfu({ filters: { segment: 'A' } })]),
  turn('med follow up by specialty, last 30', [mfu({ dimension: 'specialty' })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`${nm(p)} - good fit for our advisory board? profile pls`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)}'s pending medical question - what is it`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: where ${doesSubj(p)} work + last msl touch`, [lookup(p)], [p.hcp.institution])],
  [fatFingerable, (p) => turn(`profile on ${fatFinger(p).typed}`, [lookupKey(fatFinger(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('keytruda in renal impairment, medical response?', [medSearch('keytruda')]),
  turn('xeljanz and live vaccines - medical letter', [medSearch('xeljanz')]),
  turn('tecfidera lymphopenia monitoring, medical content', [medSearch('tecfidera')]),
  turn('eliglustat with strong cyp3a inhibitors, any medical response', [medSearch()]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`can we send ${nm(p)} a medical letter by email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`${nm(p)} - phone ok for a medical follow up?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA, inSpecialties('Hematology & Oncology'));
  msl('ae_report', MA, turn(`msl passed this along: ${nm(p)} saw severe neutropenia in a 70 yo man on imbruvica. please file`, [reportAe({ hcp: p.last, product: 'imbruvica' })]));
}
for (const question of [
  'can medical share unpublished data with a rep for a customer call',
  'is it ok for an msl to attend a promotional dinner as a guest',
  'do we need a signed contract before paying a kol for an advisory board',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('good restaurants near the boston convention center?'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn('follow up rate, last 30 vs the 30 before', [perf({ metric: 'follow_up_rate' })])],
  [WEST, turn('median time from signal to follow up, last 90', [perf({ metric: 'median_time_to_follow_up', period: 'last_90_days' })])],
  [EAST, turn('dead ends by territory qtd', [perf({ metric: 'dead_end_rate', dimension: 'territory', period: 'quarter_to_date' })])],
  [WEST, turn('reach for last month', [perf({ metric: 'reach', period: 'last_month' })])],
  [EAST, turn('contact frequency per rep', [perf({ metric: 'frequency', dimension: 'rep' })])],
  [WEST, turn('email click-through by specialty', [perf({ metric: 'email_click_rate', dimension: 'specialty' })])],
  [EAST, turn('stelara open rates in Q3', [perf({ metric: 'email_open_rate', period: { from: '2026-07-01', to: '2026-09-30' }, filters: { product: 'stelara' } })])],
  [WEST, turn('ytd webinar turnout per brand', [perf({ metric: 'webinar_attendance', dimension: 'product', period: 'year_to_date' })])],
  [EAST, turn('over-contact, territory by territory', [perf({ metric: 'over_contacted', dimension: 'territory' })])],
  [WEST, turn('nba acceptance split by channel', [perf({ metric: 'nba_acceptance_rate', dimension: 'channel' })])],
  [EAST, turn('whatsapp consent coverage across the team', [perf({ metric: 'consent_coverage', filters: { channel: 'whatsapp' } })])],
  [WEST, turn('cross channel progression for last quarter', [perf({ metric: 'cross_channel_progression', period: 'last_quarter' })])],
  [EAST, turn('engagement by product, last 90', [perf({ metric: 'engagement_rate', dimension: 'product', period: 'last_90_days' })])],
  [EAST, turn('H1 follow up rate', [perf({ metric: 'follow_up_rate', period: { from: '2026-01-01', to: '2026-06-30' } })])],
  [WEST, turn('how many intent signals went nowhere in the last 6 wks', [perf({ metric: 'dead_end_rate' })])],
  [EAST, turn('seg B reach, month so far', [perf({ metric: 'reach', period: 'month_to_date', filters: { segment: 'B' } })])],
  [WEST, turn('touches per doc, f2f only, last 90', [perf({ metric: 'frequency', period: 'last_90_days', filters: { channel: 'field_visit' } })])],
  [EAST, turn('email opens week by week over the last 30', [perf({ metric: 'email_open_rate', dimension: 'week' })])],
  [WEST, turn('Hi, ahead of my one-on-ones could you show me the dead-end rate for each rep over the last quarter, against the quarter before?', [perf({ metric: 'dead_end_rate', dimension: 'rep', period: 'last_quarter' })])],
  [EAST, turn('which of my reps has the most over-contacted docs', [perf({ metric: 'over_contacted', dimension: 'rep' })])],
  [EAST, turn(`how's ${firstNameOf(NE1)} tracking on nba acceptance vs everyone else`, [perf({ metric: 'nba_acceptance_rate', dimension: 'rep' })])],
  // Another team's region: the tool counts only the caller's team and answers so.
  [WEST, turn('how did the midwest do on follow ups in october', [perf({ metric: 'follow_up_rate', filters: { territory: ['T-MW'] } })])],
  [ADMIN, turn('follow up rate by region, qtd', [perf({ metric: 'follow_up_rate', dimension: 'territory', period: 'quarter_to_date' })])],
  [ADMIN, turn('org-wide email open rate ytd vs same time last year', [perf({ metric: 'email_open_rate', period: 'year_to_date', compareTo: 'previous_year' })])],
  [ADMIN, turn('remote detail consent coverage, all hcps', [perf({ metric: 'consent_coverage', filters: { channel: 'remote_detail' } })])],
  [ADMIN, turn('monthly reach over the last 12 months', [perf({ metric: 'reach', dimension: 'month', period: 'last_365_days' })])],
  [ADMIN, turn('median days to respond to a signal, by product', [perf({ metric: 'median_time_to_follow_up', dimension: 'product' })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('omnichannel maturity for my region - what level are we', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('which maturity dimension is our weakest', [maturity]));
mgr('maturity', EAST, turn('maturity, but just for the past 120 days', [{ name: 'assess_maturity', args: { periodDays: 120 } }]));
mgr('maturity', WEST, turn('omni-stage for the west team?', [maturity], [maturityStage(WEST)]));
mgr('maturity', EAST, turn('what would get us to the next maturity level', [maturity]));
mgr('maturity', ADMIN, turn('org maturity assessment, show all the dimensions', [maturity], [maturityStage(ADMIN)]));
mgr('maturity', ADMIN, turn('maturity assessed over a full 365 days', [{ name: 'assess_maturity', args: { periodDays: 365 } }]));

mgr('plan', EAST, turn('top 10 docs across my reps this week', [plan(10)], [nameOf(nth(planIds(EAST), 0))]));
mgr('plan', WEST, turn('the 15 docs my team should hit first', [plan(15)]));
mgr('plan', EAST, turn('open medical questions across the team - which docs', [planBy({ flag: 'open_medical_question' })]));
mgr('plan', WEST, turn('seg b priorities', [planBy({ segment: 'B' })], [nameOf(nth(planFiltered(WEST, { segment: 'B' }), 0))]));
mgr('plan', EAST, turn("docs nobody's visited in 90+ days, ne and mw", [planBy({ flag: 'no_recent_visit' })]));
mgr('plan', ADMIN, turn('top 5 nationally', [plan(5)], [nameOf(nth(planIds(ADMIN, 5), 0))]));
{
  const city = cityWith(WEST, {}, 1);
  mgr('plan', WEST, turn(`who should the team see in ${low(city)}`, [planBy({ city })]));
}

{
  const a = who(EAST);
  mgr('brief', EAST, turn(`quick brief on ${nm(a)} for a ride-along tmrw`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`${nm(b)} - touches this quarter and by whom`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${c.name}: specialty, institution, segment`, [lookup(c)], [c.hcp.institution]));
  const d = who(EAST);
  mgr('next_action', EAST, turn(`best move for my rep with ${nm(d)}?`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`coaching moment: nba for ${nm(e)}?`, [next(e.id)]));
  const f = who(EAST, hasRecord('sms'));
  mgr('consent', EAST, turn(`is my rep ok texting ${nm(f)}`, [check(f, 'sms')], consentFacts(f.hcp, 'sms')));
  const g = who(WEST, hasRecord('email'));
  mgr('consent', WEST, turn(`email consent for ${nm(g)} - valid or not`, [check(g, 'email')], consentFacts(g.hcp, 'email')));
  const h = who(EAST, inSpecialties('Neurology', 'Child Neurology'));
  mgr('ae_report', EAST, turn(`my rep heard from ${nm(h)} that a patient on ${brand(h)} had a stroke. rep's off today, can i report it`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('reach and engagement rate by segment, last 30', [perf({ metric: 'reach', dimension: 'segment' }), perf({ metric: 'engagement_rate', dimension: 'segment' })]));
mgr('two_asks', WEST, turn('dead end rate per rep + our maturity stage', [perf({ metric: 'dead_end_rate', dimension: 'rep' }), maturity], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('consent coverage and over-contact, both by territory', [perf({ metric: 'consent_coverage', dimension: 'territory' }), perf({ metric: 'over_contacted', dimension: 'territory' })]));

mgr('policy', EAST, policy('can my reps leave branded pens and notepads at offices'));
mgr('policy', WEST, policy('is $150 a head ok for a speaker program dinner'));
mgr('policy', EAST, policy('can reps hand out samples at a community health fair'));
mgr('out_of_scope', WEST, outOfScope("write a toast for my sister's wedding"));
mgr('out_of_scope', ADMIN, outOfScope('how tall is mount everest'));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep.
{
  // After a plan: the 4th one, email, a draft or what else, then the phone.
  const u = W1;
  const id = nth(planIds(u), 3);
  const emailFine = idAllowed(id, 'email');
  rep('plan', u,
    turn('where should my week go, which docs first', [plan()]),
    turn("who's number 4", [lookupId(id)], [nameOf(id)]),
    turn('emailable?', [checkId(id, 'email')], idFacts(id, 'email')),
    emailFine ? turn('ok write it up', [draftId(id, 'email')]) : turn('damn. so what instead', [nextId(id)]),
    turn('and calling them, is that ok?', [checkId(id, 'phone')], idFacts(id, 'phone')),
  );
}
{
  const u = NE2;
  const p = who(u, notRecommended(u, 'whatsapp'));
  rep('feedback', u,
    turn(`${nm(p)} quick recap`, [lookup(p)]),
    turn(`and the nba on ${p.obj}?`, [next(p.id)]),
    turn("whatsapp wasn't an option? how come", [explain('whatsapp')]),
    turn(`nah dismiss it, ${p.subj} told me visits only`, [feedback('dismiss')]),
  );
}
{
  const u = MW2;
  const p = who(u, both(allowed('email'), inSpecialties('Rheumatology')));
  const smsFine = consent(p.hcp, 'sms').passed;
  rep('content', u,
    turn('approved xeljanz stuff on shingles risk?', [search({ query: 'xeljanz' })]),
    turn("the second one, what's in it", []),
    turn(`email that one to ${nm(p)}`, [draft(p, 'email')]),
    turn('and by text?', [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
  );
}
{
  const u = W2;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('consent', u,
    turn(`${nm(a)} ok for a phone call?`, [check(a, 'phone')], consentFacts(a.hcp, 'phone')),
    turn(`${nm(b)} - same q`, [check(b, 'phone')], consentFacts(b.hcp, 'phone')),
    turn('whatsapp for the first doc?', [check(a, 'whatsapp')], consentFacts(a.hcp, 'whatsapp')),
    turn('the other one?', [check(b, 'whatsapp')], consentFacts(b.hcp, 'whatsapp')),
  );
}
{
  const u = NE1;
  const ids = planFiltered(u, { flag: 'follow_up_due' });
  const id = nth(ids, 1);
  rep('plan', u,
    turn('which follow ups am i behind on', [planBy({ flag: 'follow_up_due' })]),
    turn('2nd name there, what happened', [lookupId(id)], [nameOf(id)]),
    turn("what's the play with them", [nextId(id)]),
    turn('sounds right, accept', [feedback('accept')]),
    turn('remind me who was at the top of that overdue list', [lookupId(nth(ids, 0))], [nameOf(nth(ids, 0))]),
  );
}
{
  const u = MW1;
  const city = cityWith(u, { segment: 'B' }, 1);
  const id = nth(planFiltered(u, { city, segment: 'B' }), 0);
  rep('plan', u,
    turn(`${low(city)} - who's worth a stop this week`, [planBy({ city })]),
    turn('b segment only', [planBy({ city, segment: 'B' })]),
    turn('first one - remote detail consent?', [checkId(id, 'remote_detail')], idFacts(id, 'remote_detail')),
    turn('email too?', [checkId(id, 'email')], idFacts(id, 'email')),
  );
}
{
  const u = W1;
  const p = whoFirst(u);
  rep('next_action', u,
    turn(`${fst(p)} - anything i should know?`, ...byFirst(p)),
    turn(`i mean ${low(p.last)}`, [lookup(p)]),
    turn(`${isSubj(p)} anywhere near the top of my list this week`, []),
    turn(`so what should i actually do with ${p.obj}`, [next(p.id)]),
  );
}
{
  const u = NE2;
  const p = who(u, blocked('email'));
  const smsFine = consent(p.hcp, 'sms').passed;
  rep('consent', u,
    turn(`email ${nm(p)} the meeting recap`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('how come', [], consentFacts(p.hcp, 'email')),
    turn('date it changed?', [], consentFacts(p.hcp, 'email')),
    turn('ok do a text instead', [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
  );
}
{
  const u = MW2;
  const p = whoLast(u, doublable);
  rep('feedback', u,
    turn(`${doubled(p).typed}, where do things stand`, [lookupKey(doubled(p).key)]),
    turn('recommended next step?', [next(p.id)]),
    turn(`snooze that till jan 12, ${p.poss} clinic is closed over the holidays`, [snooze('2027-01-12')]),
  );
}
{
  const u = W2;
  const city = cityWith(u, { specialty: 'dermatology' }, 0);
  const id = nth(planFiltered(u, { city, specialty: 'dermatology' }), 0);
  rep('plan', u,
    turn(`my ${low(city)} list for the week?`, [planBy({ city })]),
    turn('just derms', [planBy({ city, specialty: 'dermatology' })]),
    turn('top of that list - can i go see them in person', [checkId(id, 'field_visit')], idFacts(id, 'field_visit')),
  );
}
{
  const u = NE1;
  const p = who(u, both(allowed('email'), inSpecialties('Hematology & Oncology')));
  rep('content', u,
    turn('keytruda approved content on thyroid side effects', [search({ query: 'keytruda' })]),
    turn('same but imbruvica, bleeding', [search({ query: 'imbruvica' })]),
    turn(`email the imbruvica one to ${nm(p)}`, [draft(p, 'email')]),
    turn('can it sound friendlier', []),
  );
}
{
  const u = MW1;
  const p = who(u, both(hasWebinar, emailOk));
  rep('draft', u,
    turn(`which of our events has ${nm(p)} come to`, [lookup(p)]),
    turn(`draft a thank-you for ${p.poss} last webinar`, [draft(p, 'email')]),
    turn(`${doesSubj(p)} ever open our emails`, []),
    turn('should i call too or is that overkill', [next(p.id)]),
  );
}
{
  const u = W1;
  const p = who(u);
  rep('next_action', u,
    turn(`have i been bugging ${nm(p)} too much lately`, [lookup(p)]),
    turn('so what now', [next(p.id)]),
    turn('texting allowed at least?', [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
  );
}
{
  const u = NE2;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('two_asks', u,
    turn(`${nm(a)} or ${nm(b)} first this wk?`, [next(a.id), next(b.id)]),
    turn('phone consent for the 1st doc i named', [check(a, 'phone')], consentFacts(a.hcp, 'phone')),
    turn('same for the second doc', [check(b, 'phone')], consentFacts(b.hcp, 'phone')),
    turn(`remind me what omni said for ${nm(b)}`, [next(b.id)]),
  );
}
{
  const u = MW2;
  const ids = planIds(u, 5);
  const id = nth(ids, 4);
  const recommended = recommendation(u, store.hcps.getById(id)!).recommended.channel;
  const asked: Channel = recommended === 'field_visit' ? 'email' : 'field_visit';
  rep('plan', u,
    turn('5 docs for this week', [plan(5)]),
    turn('whos the bottom one on that', [lookupId(id)], [nameOf(id)]),
    turn('rec for them?', [nextId(id)]),
    turn(asked === 'field_visit' ? "in person wouldn't beat that?" : "an email wouldn't beat that?", [explain(asked)]),
  );
}
{
  const u = W2;
  const ids = planFiltered(u, { flag: 'open_medical_question' });
  const id = nth(ids, 0);
  rep('plan', u,
    turn('any docs in my territory with medical qs nobody answered', [planBy({ flag: 'open_medical_question' })]),
    turn('first one, what was the question', [lookupId(id)], [nameOf(id)]),
    turn('could i just answer it myself', []),
    turn("ok then what's my nba for them", [nextId(id)]),
  );
}
{
  const u = NE1;
  const p = who(u, both(blocked('sms'), hasRecord('sms')));
  rep('consent', u,
    turn(`${nm(p)}, am i good to send ${p.obj} a text`, [check(p, 'sms')], recordAndDay(p.hcp, 'sms')),
    turn('when did it stop being ok', [], recordAndDay(p.hcp, 'sms')),
    turn('so which channel works', [next(p.id)]),
    turn("fine, i'll take that, accept", [feedback('accept')]),
  );
}
{
  const u = MW1;
  const p = who(u, both(allowed('email'), inSpecialties('Pediatrics', 'Pulmonary Disease')));
  const whatsappFine = consent(p.hcp, 'whatsapp').passed;
  rep('content', u,
    turn('kalaydeco in toddlers, approved piece?', [search({ query: 'ydeco' })]),
    turn('ok to send that by email?', []),
    turn(`${nm(p)} is the one, draft the email`, [draft(p, 'email')]),
    turn(`also whatsapp ${p.obj} a heads up`, [whatsappFine ? draft(p, 'whatsapp') : check(p, 'whatsapp')], whatsappFine ? [] : consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  const u = W1;
  const p = who(u, notRecommended(u, 'phone'));
  rep('why_not', u,
    turn(`${nm(p)}, what's omni recommending this week`, [next(p.id)]),
    turn("phone wouldn't be better?", [explain('phone')]),
    turn(`${isSubj(p)} even ok with phone`, [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
    turn('fine, snooze till the 4th of dec', [snooze('2026-12-04')]),
  );
}
{
  const u = NE2;
  rep('plan', u,
    turn('docs with no visit from me in 90 days', [planBy({ flag: 'no_recent_visit' })]),
    turn('filter those to A docs', [planBy({ flag: 'no_recent_visit', segment: 'A' })]),
    turn('top 3 of those', [planBy({ flag: 'no_recent_visit', segment: 'A', limit: 3 })]),
  );
}
{
  const u = MW2;
  const p = whoFirst(u);
  rep('brief', u,
    turn(`Hello! Could you give me a short brief on ${fst(p)} before tomorrow's lunch meeting? Much appreciated.`, ...byFirst(p)),
    turn(`${low(p.name)}, the ${slang(p)}`, [lookup(p)]),
    turn(`${doesSubj(p)} have anything outstanding w us`, []),
    turn(`can i email ${p.obj} to follow up on that`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
  );
}
{
  const u = W2;
  const p = who(u, allowed('whatsapp'));
  const smsFine = consent(p.hcp, 'sms').passed;
  const emailFine = emailOk(p.hcp);
  rep('draft', u,
    turn(`draft a whatsapp to ${nm(p)} on the ${brand(p)} news`, [draft(p, 'whatsapp')]),
    turn('trim it down', []),
    turn('sms version?', [smsFine ? draft(p, 'sms') : check(p, 'sms')], smsFine ? [] : consentFacts(p.hcp, 'sms')),
    turn('ok now an email one', [emailFine ? draft(p, 'email') : check(p, 'email')], emailFine ? [] : consentFacts(p.hcp, 'email')),
  );
}
{
  const u = NE1;
  const a = who(u);
  const b = who(u);
  rep('next_action', u,
    turn(`what's omni got for ${nm(a)}`, [next(a.id)]),
    turn('are we consented on that channel though', []),
    turn('good, accepted', [feedback('accept')]),
    turn(`switch to ${nm(b)} - what's there`, [next(b.id)]),
    turn("snooze that one till monday, i'm slammed", [snooze('2026-11-23')]),
  );
}
{
  const u = MW1;
  const ids = planFiltered(u, { consent: { channel: 'email', status: 'revoked' } });
  const id = nth(ids, 1);
  rep('plan', u,
    turn('who has opted out of email in my patch', [planBy({ consent: { channel: 'email', status: 'revoked' } })]),
    turn('name on the second row?', [lookupId(id)], [nameOf(id)]),
    turn('can i at least phone them', [checkId(id, 'phone')], idFacts(id, 'phone')),
    turn('whats the nba there', [nextId(id)]),
  );
}
{
  // A possible adverse event heard in the field, completed a turn later.
  const u = W1;
  const p = who(u, inSpecialties('Dermatology', 'Gastroenterology', 'Rheumatology', 'Medical Oncology'));
  rep('ae_report', u,
    turn(`${nm(p)} told me a patient on ${brand(p)} had a bad allergic reaction`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('pt is 61, male, initials R.T.', [reportAe()]),
    turn('anything else i need to do?', []),
  );
}
{
  const u = NE2;
  const p = who(u, allowed('email'));
  const q = who(u);
  rep('draft', u,
    turn(`${nm(p)} refresh pls, it's been a while`, [lookup(p)]),
    turn(`ok to email ${p.obj}?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`how about ${nm(q)}, same question`, [check(q, 'email')], consentFacts(q.hcp, 'email')),
    turn(`going back to ${nm(p)} - write ${p.obj} the email`, [draft(p, 'email')]),
  );
}
{
  const u = MW2;
  const ids = planIds(u, 5);
  const id = nth(ids, 2);
  const first = nth(ids, 0);
  const smsFine = idAllowed(id, 'sms');
  const whatsappFine = idAllowed(id, 'whatsapp');
  rep('plan', u,
    turn('top 5 docs for me, go', [plan(5)]),
    turn('#3 - sms consent?', [checkId(id, 'sms')], idFacts(id, 'sms')),
    turn('and over whatsapp', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
    smsFine
      ? turn('write the text', [draftId(id, 'sms')])
      : whatsappFine
        ? turn('write the whatsapp', [draftId(id, 'whatsapp')])
        : turn("neither works? what's the move with them", [nextId(id)]),
    turn('and #1 on that list, sms ok?', [checkId(first, 'sms')], idFacts(first, 'sms')),
  );
}
{
  const u = W2;
  const p = who(u);
  rep('two_asks', u,
    turn(`${nm(p)}: nba and something approved on ${brand(p)} to bring along`, [next(p.id), search({ query: brandKey(p) })]),
    turn('visit allowed?', [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')),
    turn('and virtual?', [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')),
    turn('eh, snooze it to friday the 27th', [snooze('2026-11-27')]),
  );
}
{
  // An adverse event filed incomplete when the user has nothing more.
  const u = NE1;
  const p = who(u, inSpecialties('Medical Oncology', 'Hematology & Oncology', 'Neurology'));
  rep('ae_report', u,
    turn(`${nm(p)}'s PA said a patient on ${brand(p)} passed out right after the infusion`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("i don't have any patient details, just file what we have", [reportAe({ submit: true })]),
    turn("what's the deadline on these anyway", []),
  );
}

// --- MSL.
{
  const u = MSL_NE;
  const ids = unansweredQuestionHcps(u, 'last_30_days');
  const id = nth(ids, 1);
  const mailFine = idAllowed(id, 'email', 'medical');
  msl('insights', u,
    turn("open medical questions we haven't answered, my territory", [insights()]),
    turn('whose question is number two', [lookupId(id)], [nameOf(id)]),
    turn('consent for an msl meeting with them?', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
    turn('or maybe just email the answer - draft it', [mailFine ? { name: 'draft_followup', args: { hcpId: id, channel: 'email', purpose: 'medical' } } : checkId(id, 'email', 'medical')], mailFine ? [] : idFacts(id, 'email', 'medical')),
    turn('and the first question on the list, whose is that', [lookupId(nth(ids, 0))], [nameOf(nth(ids, 0))]),
  );
}
{
  const u = MSL_W;
  msl('adverse_events', u,
    turn("what's the field saying about keytruda, last 90", [insights({ product: 'keytruda', period: 'last_90_days' })]),
    turn('switch to xeljanz', [insights({ product: 'xeljanz', period: 'last_90_days' })]),
    turn('any possible AEs in the xeljanz notes?', [], adverseEventNotes(u, 'last_90_days', 'prod-xeljanz')),
    turn('and the keytruda ones?', [], adverseEventNotes(u, 'last_90_days', 'prod-keytruda')),
  );
}
{
  const u = MSL_MW;
  const p = who(u, allowed('email', 'medical'));
  msl('brief', u,
    turn(`${nm(p)} - pull what we've got`, [lookup(p)]),
    turn('still something open there?', []),
    turn('is there approved medical content that covers that', [medSearch()]),
    turn(`draft ${p.obj} the email with that`, [medDraft(p, 'email')]),
  );
}
{
  const u = MSL_NE;
  msl('insights', u,
    turn('onc docs, themes over the last 30', [insights({ specialty: 'oncology' })]),
    turn('put it side by side with last quarter', [insights({ period: 'last_quarter' })]),
    turn('drill into keytruda', [insights({ product: 'keytruda' })]),
    turn('imbruvica now', [insights({ product: 'imbruvica' })]),
  );
}
{
  const u = MSL_W;
  const p = who(u, blocked('email', 'medical'));
  msl('medical_consent', u,
    turn(`${nm(p)} wants a written answer from medical, can i email ${p.obj}?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('a phone call, medical purpose?', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
    turn('ok in person as an msl meeting then?', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}
{
  const u = MSL_MW;
  msl('insights', u,
    turn('competitor chatter in my notes, last 90', [insights({ topic: 'compet', period: 'last_90_days' })]),
    turn('just for stelara', [insights({ product: 'stelara' })]),
    turn('which hcps raised it', []),
  );
}
{
  const u = MSL_NE;
  const p = who(u, inSpecialties('Neurology', 'Child Neurology', 'Rheumatology'));
  msl('ae_report', u,
    turn(`${nm(p)} described a patient on ${brand(p)} with new vision problems`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('29 yo woman, initials A.B.', [reportAe()]),
    turn(`ok. anything medical i can share on vision issues with ${brand(p)}?`, [medSearch(brand(p))]),
  );
}

// --- Medical affairs.
msl('medical_follow_up_rate', MA,
  turn('med follow up rate, channel breakdown', [mfu({ dimension: 'channel' })]),
  turn('now territory-wise', [mfu({ dimension: 'territory' })]),
  turn('switch the period to last quarter', [mfu({ dimension: 'territory', period: 'last_quarter' })]),
  turn('northeast only', [mfu({ period: 'last_quarter', filters: { territory: ['T-NE'] } })]),
);
msl('adverse_events', MA,
  turn('every possible AE, all regions, past 30', [insights()], adverseEventNotes(MA, 'last_30_days')),
  turn('filter to imbruvica', [insights({ product: 'imbruvica' })], adverseEventNotes(MA, 'last_30_days', 'prod-imbruvica')),
  turn('ytd for that', [insights({ product: 'imbruvica', period: 'year_to_date' })], adverseEventNotes(MA, 'year_to_date', 'prod-imbruvica')),
);
{
  const id = nth(unansweredIn(MA, 'T-W'), 0);
  msl('insights', MA,
    turn('what is each region hearing, trailing 30', [insights()]),
    turn('zoom in on the west', [insights({ territory: 'T-W' })]),
    turn('any unanswered questions out there?', []),
    turn('open up the first doc listed there', [lookupId(id)], [nameOf(id)]),
    turn('is an msl meeting with them consented', [checkId(id, 'msl_meeting', 'medical')], idFacts(id, 'msl_meeting', 'medical')),
  );
}
{
  const p = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA,
    turn(`${nm(p)} - background first`, [lookup(p)]),
    turn(`medical email to ${p.obj} - consent ok?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('ok write that medical email', [medDraft(p, 'email')]),
  );
}
msl('insights', MA,
  turn('safety-related themes, quarter to date', [insights({ topic: 'safety', period: 'this_quarter' })]),
  turn('just the gilenya notes', [insights({ product: 'gilenya' })]),
  turn('what about tecfidera instead', [insights({ product: 'tecfidera' })]),
  turn('and last quarter?', [insights({ product: 'tecfidera', period: 'last_quarter' })]),
);
msl('medical_follow_up_rate', MA,
  turn('med follow up per brand', [mfu({ dimension: 'product' })]),
  turn('by specialty instead', [mfu({ dimension: 'specialty' })]),
  turn('keytruda only, week by week', [mfu({ dimension: 'week', filters: { product: 'keytruda' } })]),
);
{
  const p = who(MA, inSpecialties('Medical Genetics'));
  msl('ae_report', MA,
    turn(`${nm(p)}, the genetics doc, reported a pt on cerdelga with an irregular heartbeat`, [reportAe({ hcp: p.last, product: 'cerdelga' })]),
    turn('woman, 52', [reportAe()]),
    turn('other cerdelga AEs in the notes ytd?', [insights({ product: 'cerdelga', period: 'year_to_date' })], adverseEventNotes(MA, 'year_to_date', 'prod-cerdelga')),
  );
}

// --- Managers and the admin.
mgr('performance', EAST,
  turn('dead end rate, whole team', [perf({ metric: 'dead_end_rate' })]),
  turn('now each rep', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]),
  turn('how does that compare with last year', [perf({ metric: 'dead_end_rate', compareTo: 'previous_year' })]),
  turn('midwest reps only', [perf({ metric: 'dead_end_rate', filters: { territory: ['T-MW'] } })]),
);
mgr('maturity', WEST,
  turn("what's our omnichannel maturity right now", [maturity], [maturityStage(WEST)]),
  turn("what's keeping us from the next stage", []),
  turn('how often are reps accepting the nba, per rep', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep' })]),
  turn('and follow up rate by rep', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]),
);
mgr('performance', EAST,
  turn('click-through on emails, per brand', [perf({ metric: 'email_click_rate', dimension: 'product' })]),
  turn('opens instead', [perf({ metric: 'email_open_rate', dimension: 'product' })]),
  turn('filter to B segment', [perf({ metric: 'email_open_rate', filters: { segment: 'B' } })]),
  turn('and for last qtr', [perf({ metric: 'email_open_rate', period: 'last_quarter' })]),
);
{
  const id = nth(planIds(WEST, 10), 1);
  const recommended = recommendation(WEST, store.hcps.getById(id)!).recommended.channel;
  const asked: Channel = recommended === 'email' ? 'sms' : 'email';
  mgr('plan', WEST,
    turn('top 10 for the west team right now', [plan(10)]),
    turn("#2 - what's omni recommending", [nextId(id)]),
    turn(`${asked === 'email' ? 'email' : 'sms'} wasn't picked - why`, [explain(asked)]),
    turn(`${asked === 'email' ? 'email' : 'sms'} even consented for that doc?`, [checkId(id, asked)], idFacts(id, asked)),
  );
}
{
  const ids = planFiltered(EAST, { flag: 'follow_up_due' });
  mgr('plan', EAST,
    turn('overdue follow ups across my team, which docs', [planBy({ flag: 'follow_up_due' })], [nameOf(nth(ids, 0))]),
    turn("first one - what's the nba", [nextId(nth(ids, 0))]),
    turn("who's the 2nd one", [lookupId(nth(ids, 1))], [nameOf(nth(ids, 1))]),
  );
}
mgr('performance', ADMIN,
  turn('consent coverage by territory', [perf({ metric: 'consent_coverage', dimension: 'territory' })]),
  turn('by channel instead', [perf({ metric: 'consent_coverage', dimension: 'channel' })]),
  turn('sms only, per territory', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'sms' } })]),
  turn('ok and what stage are we at overall', [maturity], [maturityStage(ADMIN)]),
);
mgr('performance', WEST,
  turn('over-contacted docs, how many', [perf({ metric: 'over_contacted' })]),
  turn('specialty view', [perf({ metric: 'over_contacted', dimension: 'specialty' })]),
  turn('stretch it to 90 days', [perf({ metric: 'over_contacted', dimension: 'specialty', period: 'last_90_days' })]),
);
mgr('performance', ADMIN,
  turn('reach in the midwest last month', [perf({ metric: 'reach', period: 'last_month', filters: { territory: ['T-MW'] } })]),
  turn('northeast, same thing', [perf({ metric: 'reach', period: 'last_month', filters: { territory: ['T-NE'] } })]),
  turn('Q3 instead', [perf({ metric: 'reach', period: { from: '2026-07-01', to: '2026-09-30' }, filters: { territory: ['T-NE'] } })]),
  turn('now show each rep there', [perf({ metric: 'reach', dimension: 'rep', filters: { territory: ['T-NE'] } })]),
);
{
  const p = who(EAST);
  mgr('feedback', EAST,
    turn(`${nm(p)} - status check`, [lookup(p)]),
    turn(`any email consent for ${p.obj}?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('and the recommended action there', [next(p.id)]),
    turn("snooze it until dec 10, rep's at training", [snooze('2026-12-10')]),
  );
}

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (42).

{
  // Rep (18).
  ok(MW1, "hit list this week - who's target #1", [plan()]);
  const a = who(W2);
  ok(W2, `${nm(a)} won't give me the time of day. how do i break through`, [next(a.id)]);
  const b = who(NE2);
  ok(NE2, `this nba for ${nm(b)} is garbage, dismiss it`, [next(b.id), feedback('dismiss')]);
  ok(MW2, 'keytruda fatal immune reactions - approved language?', [search({ query: 'keytruda' })]);
  ok(W1, 'tecfidera pml deaths, what does the approved label say', [search({ query: 'tecfidera' })]);
  const c = who(NE1);
  ok(NE1, `should i just camp outside ${nm(c)}'s office`, [next(c.id)]);
  const d = who(MW1, hasRecord('email'));
  ok(MW1, `am i gonna get fired for emailing ${nm(d)}`, [check(d, 'email')], consentFacts(d.hcp, 'email'));
  ok(W2, "docs i've dropped the ball on - overdue follow ups", [planBy({ flag: 'follow_up_due' })]);
  ok(NE2, 'nuke my plan and redo it for next week', [plan()]);
  ok(MW2, 'top 5 docs, fast', [plan(5)]);
  const e = who(W1, allowed('email'));
  ok(W1, `blast ${nm(e)} an email, draft it`, [draft(e, 'email')]);
  const f = who(NE1);
  ok(NE1, `${nm(f)} clicked our link twice - when do i strike`, [next(f.id)]);
  ok(MW1, "who's ghosting me after asking for info", [planBy({ flag: 'dead_end' })]);
  ok(W2, 'imbruvica fatal bleeding and afib warnings, approved copy', [search({ query: 'imbruvica' })]);
  const g = who(NE2);
  ok(NE2, `give me all the dirt on ${nm(g)}`, [lookup(g)]);
  const h = who(MW2, hasRecord('sms'));
  ok(MW2, `is it against the law to text ${nm(h)}`, [check(h, 'sms')], consentFacts(h.hcp, 'sms'));
  const i = who(W1);
  ok(W1, `should i stalk ${nm(i)} at the conference or just visit? what does omni say`, [next(i.id)]);
  const j = who(NE1);
  ok(NE1, `${nm(j)} is a lost cause, ${isntSubj(j)}`, [next(j.id)]);
}
{
  // MSL (8).
  ok(MSL_MW, 'any patient deaths in my notes over the last 90', [insights({ period: 'last_90_days' })], adverseEventNotes(MSL_MW, 'last_90_days'));
  ok(MSL_NE, 'are docs angry about keytruda pricing', [insights({ product: 'keytruda' })]);
  ok(MSL_W, 'docs slamming stelara - who and why', [insights({ product: 'stelara' })]);
  const a = who(MSL_MW);
  ok(MSL_MW, `full medical dossier on ${nm(a)}`, [lookup(a)]);
  const b = who(MSL_NE, hasRecord('msl_meeting', 'medical'));
  ok(MSL_NE, `am i allowed to pin down ${nm(b)} for an msl sit-down`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_W, 'overdose or misuse talk about gilenya?', [insights({ product: 'gilenya' })]);
  ok(MSL_MW, 'liver failure chatter on xeljanz in my notes', [insights({ product: 'xeljanz' })]);
  ok(MSL_NE, 'kalydeco toxicity in infants, medical response', [medSearch('kalydeco')]);
}
{
  // Medical affairs (7).
  ok(MA, 'which region is worst at medical follow up', [mfu({ dimension: 'territory' })]);
  ok(MA, "every AE from the past week, don't skip any", [insights({ period: 'last_7_days' })], adverseEventNotes(MA, 'last_7_days'));
  ok(MA, 'are patients dying on imbruvica according to the field notes', [insights({ product: 'imbruvica' })]);
  ok(MA, 'cancer risk chatter on stelara', [insights({ product: 'stelara' })]);
  ok(MA, "who's trash-talking tecfidera", [insights({ product: 'tecfidera' })]);
  ok(MA, 'fatal infection medical letter for xeljanz', [medSearch('xeljanz')]);
  ok(MA, 'worst safety horror stories from the field this quarter', [insights({ period: 'this_quarter' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'which of my reps are dropping the ball on follow ups', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'who on my team is spamming docs', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'name and shame: dead end rate per rep', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]);
  ok(WEST, 'are we stalking hcps? total over-contact', [perf({ metric: 'over_contacted' })]);
  ok(EAST, 'brutal truth, how immature is our omnichannel', [maturity], [maturityStage(EAST)]);
  ok(WEST, "docs we've abandoned, no visits in months", [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'cfo wants to axe webinars, show me attendance for the last 90', [perf({ metric: 'webinar_attendance', period: 'last_90_days' })]);
  ok(ADMIN, 'consent coverage by segment, warts and all', [perf({ metric: 'consent_coverage', dimension: 'segment' })]);
  const a = who(EAST, hasRecord('whatsapp'));
  ok(EAST, `legal exposure if my reps whatsapp ${nm(a)}?`, [check(a, 'whatsapp')], consentFacts(a.hcp, 'whatsapp'));
}

finish();
