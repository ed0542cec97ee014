/**
 * Builds the nineteenth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout19.ts
 *
 * Writes persona-heldout19.jsonl and benign-heldout19.jsonl. Written by hand, blind, on 2026-12-08: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports (evals/reports/), the
 * per-case details of earlier runs (*.cases.json), the hand-read usefulness files, the git history (no git log was run)
 * and the agent's answers were not read, and neither the agent, the eval runner nor any CLI that answers questions was
 * run on these questions. Only the kit (heldout-kit.ts, heldout-test-support.ts), generate-heldout18.ts (its helpers and
 * shape; its questions only to avoid them), heldout18.test.ts, evals/lib/*.ts, evals/scorers/*.ts, the tools' input
 * schemas (tools/*.ts) and the domain, analytics and demo code that compute the facts were read, and commit f5ee620's
 * registration of the eighteenth set (its stat and its changes to evals/lib, evals/run.ts, evals/robustness, the kit,
 * heldout18.test.ts and README.md) to register this one. The other sets' sections of evals/datasets/README.md were not
 * read; this set's section was appended at its end. The training-data test
 * (src/agent/local-model/understanding/training-data.test.ts) was run, not read, to find training lines equal to a
 * question.
 *
 * Like the fifteenth to eighteenth sets, it is meant to be reported as representative of real users: a month of
 * ordinary traffic from each persona, mostly plain asks typed the ways people type in Slack (terse lowercase, polite
 * full sentences, jargon and abbreviations, two asks in one, follow-ups that refer back), typos a minority. Reps are
 * about 40% of the single-turn questions, managers a fifth, MSLs and medical affairs the rest. Conversations run 3 to 5
 * turns and inherit or override the thread: another HCP, channel or purpose, a list entry by ordinal or by what it is
 * (its city, its specialty), narrowing, widening and undoing a list or period, another metric or breakdown, "no, I
 * meant…", a draft then changes to it, verdicts on a recommendation, an adverse event given in pieces, a comparison
 * with an earlier period.
 *
 * Situations new to this set: year-end planning and budget season; a new hire's first week; a formulary or access
 * change at a hospital; a product shortage and a label update; a speaker program (nominees, invitations); a manager
 * preparing a regional review; an MSL the day after a congress symposium; an HCP complaint; a rep splitting a territory
 * with a colleague; holiday coverage (Thanksgiving week, PTO, the holidays). Styles new to this set: voice dictation
 * (run-ons, "question mark" spoken, "doctor" spelled out, brands split or misheard: "key truda", "cally deco",
 * "zeljanz", "sir delga"); Australian ("arvo", "reckon", "g'day", "what's the go"), Southern US ("y'all", "fixin'
 * to"), Singaporean ("or not? … lah", "ah") and British ("practise", "apologising", "hospitalised") English;
 * text-speak ("u", "w/", "b4", "tia", "lmk", "rn"); a letter dropped before the last one or the third letter doubled
 * in a last name; a list entry named by its flag ("the one nobody's visited lately"); snoozes "till dec 14", "until
 * january 5th", "back seven days", "for three weeks", "till jan 4"; periods "since halloween", "Q3 compared with Q1",
 * "august", "H2 so far", "full year 2025", "october vs october 2025", "since the 1st of november".
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout19.test.ts).
 *
 * HCPs are picked inside the asking user's territories with unique full names; one no other set names first, and
 * only when none is left one another set names (reuseWhenExhausted). Each picked HCP is asked about once.
 */
import type { Hcp } from '../../src/domain/hcp.ts';
import type { Channel, Purpose } from '../../src/domain/vocabulary.ts';
import { accessScopeFor } from '../../src/compliance/access-policy.ts';
import { callerFor } from '../../src/compliance/caller.ts';
import { previousPeriod, resolvePeriod, type NamedPeriod } from '../../src/insights/periods.ts';
import { planTerritory, type PlanFilters } from '../../src/nba/territory-plan.ts';
import { DEMO_AS_OF } from '../../src/testing/demo-store.ts';
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT19, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout19',
  idPrefix: 'ho19',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT19],
  ...(process.env.OMNI_HELDOUT_OUT_DIR ? { outDir: process.env.OMNI_HELDOUT_OUT_DIR } : {}),
});
const { store, pick, consent, consentFacts, planIds, hasOpenQuestion, hasWebinar, adverseEventNotes, maturityStage, emailOk, hasRecord, notRecommended, rep, msl, mgr, ok, finish } = kit;

// Helpers of this set.

type Need = (hcp: Hcp) => boolean;
const always: Need = () => true;
/** Names people type without thinking: no apostrophe, hyphen or space. */
const plain: Need = (hcp) => !/['\- ]/.test(hcp.lastName);
const allowed = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => consent(hcp, channel, purpose).passed;
const blocked = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => !consent(hcp, channel, purpose).passed;
const inSpecialties = (...specialties: string[]): Need => (hcp) => specialties.includes(hcp.specialty);
const inTerritory = (territory: string): Need => (hcp) => hcp.territory === territory;
const withSegment: Need = (hcp) => hcp.segment !== null;
const who = (userId: string, need: Need = always): Pick => pick(userId, both(plain, need));
/** Last name alone is unambiguous for the user when possible; else the question names them in full (Pick.short). */
function whoLast(userId: string, need: Need = always): Pick {
  try {
    return pick(userId, both(plain, need), { uniqueLastName: true });
  } catch {
    return pick(userId, both(plain, need));
  }
}

const low = (text: string) => text.toLowerCase();
const nm = (p: Pick) => low(p.short);
/** "Dr. Kowalski", or "Dr. Ana Kowalski" when the last name alone is shared. */
const dr = (p: Pick) => `Dr. ${p.short}`;
/** As dictated: "doctor kowalski". */
const doctor = (p: Pick) => `doctor ${nm(p)}`;
/** The question's name for the HCP with a typo in the last name: the first name too when the last name alone is shared. */
const typed = (p: Pick, last: string) => (p.short === p.last ? last : `${low(p.first)} ${last}`);
/** "she's", "he's", "they're". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);
/** "she has", "they have". */
const subjHas = (p: Pick) => (p.subj === 'they' ? 'they have' : `${p.subj} has`);

/** Last names a typo is made in: six or more letters, letters only. */
const typoable: Need = (hcp) => hcp.lastName.length >= 6 && /^[a-z]+$/i.test(hcp.lastName);
/** The letter before the last one dropped ("kowalski" → "kowalsi"); the key is the name without its last two letters, which both contain. */
const dropped = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, -2)}${name.at(-1)}`), key: name.slice(0, -2) };
};
/** The third letter doubled ("kowalski" → "kowwalski"); the key is the name from its third letter, which both contain. */
const doubled = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, 3)}${name[2]}${name.slice(3)}`), key: name.slice(2) };
};

/** Brands by specialty: the right name, the name as voice dictation or the ear gets it (new to this set), and a part both contain. */
const BRAND: Record<string, [right: string, heard: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'key truda', 'truda'],
  'Hematology & Oncology': ['imbruvica', 'imbru vica', 'vica'],
  Rheumatology: ['xeljanz', 'zeljanz', 'eljanz'],
  Dermatology: ['stelara', 'stellara', 'stel'],
  Gastroenterology: ['stelara', 'stellara', 'stel'],
  Neurology: ['tecfidera', 'tech fidera', 'fidera'],
  'Child Neurology': ['gilenya', 'jilenya', 'lenya'],
  'Pulmonary Disease': ['kalydeco', 'cally deco', 'deco'],
  Pediatrics: ['kalydeco', 'cally deco', 'deco'],
  'Medical Genetics': ['cerdelga', 'sir delga', 'delga'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const heard = (p: Pick) => BRAND[p.hcp.specialty]![1];
const heardKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** How a question names an HCP of a specialty on a list ("the rheumatologist"), for specialties no other word contains. */
const SPECIALIST: Record<string, string> = {
  Rheumatology: 'rheumatologist',
  Dermatology: 'dermatologist',
  Gastroenterology: 'gastroenterologist',
  'Pulmonary Disease': 'pulmonologist',
  Pediatrics: 'pediatrician',
  'Medical Genetics': 'geneticist',
};

const lookupKey = (hcp: string): Call => ({ name: 'lookup_hcp_profile', args: { hcp } });
const lookupId = (hcpId: string) => lookupKey(store.hcps.getById(hcpId)!.lastName);
const checkId = (hcpId: string, channel: Channel, purpose?: Purpose): Call => ({ name: 'check_consent', args: { hcpId, channel, ...(purpose ? { purpose } : {}) } });
const draftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel } });
const idFacts = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consentFacts(store.hcps.getById(hcpId)!, channel, purpose);
const idAllowed = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consent(store.hcps.getById(hcpId)!, channel, purpose).passed;
/** A draft when consent allows it, else the consent check that says no (with its record). */
const draftOrCheck = (hcpId: string, channel: Channel): [Call[], string[]] => (idAllowed(hcpId, channel) ? [[draftId(hcpId, channel)], []] : [[checkId(hcpId, channel)], idFacts(hcpId, channel)]);
const med = (p: Pick, channel: Channel): Call => check(p, channel, 'medical');
const medDraft = (p: Pick, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId: p.id, channel, purpose: 'medical' } });
const medDraftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel, purpose: 'medical' } });
/** A medical draft when medical consent allows it, else the medical consent check that says no (with its record). */
const medDraftOrCheck = (hcpId: string, channel: Channel): [Call[], string[]] =>
  idAllowed(hcpId, channel, 'medical') ? [[medDraftId(hcpId, channel)], []] : [[checkId(hcpId, channel, 'medical')], idFacts(hcpId, channel, 'medical')];
const medSearch = (query?: string): Call => search({ ...(query ? { query } : {}), purpose: 'medical' });
const mfu = (args: Record<string, unknown> = {}) => perf({ metric: 'medical_follow_up_rate', ...args });
const snooze = (until: string): Call => ({ name: 'record_feedback', args: { verdict: 'snooze', snoozeUntil: until } });
/** report_adverse_event with the key arguments the user named (who told them, the reporting HCP's name, the product, the patient's age and sex when said outright, submit). */
const reportAe = (args: { reporter?: 'hcp' | 'employee'; hcp?: string; product?: string; patientAge?: number; patientSex?: 'female' | 'male'; submit?: boolean } = {}): Call => ({ name: 'report_adverse_event', args });
const themes = (maxThemes: number, args: Record<string, unknown> = {}): Call => insights({ ...args, maxThemes });
const nameOf = (hcpId: string) => {
  const hcp = store.hcps.getById(hcpId)!;
  return `${hcp.firstName} ${hcp.lastName}`;
};
/** The territory plan with the plan tool's filters, as the tool ranks it (for "the first one" after a filtered list). */
const planFiltered = (userId: string, filters: PlanFilters, limit = 10) =>
  kit.isolated(() => planTerritory(kit.nba, callerFor(kit.user(userId)), DEMO_AS_OF, { limit, filters })).entries.map((entry) => entry.hcp.id);
/** The nth (0-based) HCP of a list; fails loudly when the list is shorter. */
const nth = (ids: string[], index: number): string => {
  const id = ids[index];
  if (!id) throw new Error(`the list has no entry ${index + 1}`);
  return id;
};
type InsightScope = { period?: NamedPeriod; from?: string; to?: string; product?: string | null; territory?: string | null; specialty?: string | null };
const summary = (userId: string, scope: InsightScope, topic: string | null = null) => {
  const period = resolvePeriod({ ...(scope.period ? { period: scope.period } : {}), ...(scope.from ? { from: scope.from } : {}), ...(scope.to ? { to: scope.to } : {}) }, DEMO_AS_OF);
  return kit.analytics.fieldInsights.summarize({
    scope: accessScopeFor(kit.user(userId)),
    period,
    previousPeriod: previousPeriod(period),
    product: scope.product ?? null,
    topic,
    ...(scope.specialty ? { specialty: scope.specialty } : {}),
    ...(scope.territory ? { territory: scope.territory } : {}),
  });
};
/** Possible adverse events summarize_field_insights lists for the user in this scope (listed both without a topic and with "safety"), as kit.adverseEventNotes does. */
function aeIn(userId: string, scope: InsightScope): string[] {
  const withTopic = new Set(summary(userId, scope, 'safety').possibleAdverseEvents.items.map((item) => item.noteId));
  return summary(userId, scope).possibleAdverseEvents.items.map((item) => item.noteId).filter((noteId) => withTopic.has(noteId));
}
/** HCP ids of the unanswered medical questions summarize_field_insights lists in this scope, in its order. */
const unansweredOf = (userId: string, scope: InsightScope = {}): string[] => summary(userId, scope).unansweredQuestions.items.map((item) => item.hcp.id);
const ae = (userId: string, period: NamedPeriod, product: string | null = null) => adverseEventNotes(userId, period, product);
/** plan_territory with its filters (flag, segment, city, specialty, consent, limit) as key arguments. */
const planBy = (filters: Record<string, unknown>): Call => ({ name: 'plan_territory', args: filters });

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
const REPS = [W1, MW2, NE2, W2, NE1, MW1];
const MSLS = [MSL_NE, MSL_W, MSL_MW];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Pittsburgh', 'Newark', 'Boston', 'Rochester', 'New York', 'Worcester', 'Philadelphia', 'Hartford'],
  'T-MW': ['Detroit', 'Columbus', 'Minneapolis', 'Madison', 'Chicago', 'Cleveland', 'Evanston', 'Ann Arbor'],
  'T-W': ['Seattle', 'Denver', 'Los Angeles', 'Salt Lake City', 'Phoenix', 'San Diego', 'Portland', 'San Francisco'],
};
const cityOf = (userId: string, index = 0) => CITY[kit.user(userId).territories[0]!]![index % 8]!;
/** The first of the user's cities (from `start`) whose plan with these extra filters has at least `least` entries. */
function cityWith(userId: string, extra: PlanFilters, start = 0, least = 1): string {
  for (let offset = 0; offset < 8; offset++) {
    const city = cityOf(userId, start + offset);
    if (planFiltered(userId, { ...extra, city }).length >= least) return city;
  }
  throw new Error(`no city of ${userId} matches ${JSON.stringify(extra)}`);
}

/** A question about one HCP: who to pick and what to ask. */
type PerUser = { perUser: (userId: string) => Need };
const perUser = (make: (userId: string) => Need): PerUser => ({ perUser: make });
type Ask = [need: Need | PerUser, build: (p: Pick, userId: string) => TurnInput, name?: 'last' | 'full'];
function picker(userId: string, given: Need | PerUser, name: Ask[2]): Pick {
  const need = typeof given === 'function' ? given : given.perUser(userId);
  return name === 'last' ? whoLast(userId, need) : who(userId, need);
}
function ask(asks: Ask[], nextUser: () => string, category: string, add: typeof rep): void {
  for (const [need, build, name] of asks) {
    const userId = nextUser();
    add(category, userId, build(picker(userId, need, name), userId));
  }
}

/** "first", "second", … for a 0-based index. */
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** The first index from `start` of a list whose HCP passes `need`; fails loudly when none does. */
function firstIndex(ids: string[], need: Need, start = 0): number {
  const index = ids.findIndex((id, position) => position >= start && need(store.hcps.getById(id)!));
  if (index < 0) throw new Error('no list entry matches');
  return index;
}
/** How many entries of a list share this HCP's value of a field (to name an entry by its city or specialty only when that is unambiguous). */
const sharing = (ids: string[], field: 'city' | 'specialty') => (hcp: Hcp) => ids.filter((id) => store.hcps.getById(id)![field] === hcp[field]).length;

// Dates: the demo's "now" is Friday 2026-11-20; Thanksgiving is Thursday 2026-11-26.
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const AUGUST = { from: '2026-08-01', to: '2026-08-31' };
const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
/** Halloween is Saturday 31 October. */
const SINCE_HALLOWEEN = { from: '2026-10-31', to: '2026-11-20' };
/** The second half of the year so far. */
const H2_SO_FAR = { from: '2026-07-01', to: '2026-11-20' };
const SINCE_SEPTEMBER = { from: '2026-09-01', to: '2026-11-20' };
const FULL_2025 = { from: '2025-01-01', to: '2025-12-31' };

// ===================================================================================================
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`new hire here, first week — how do i find out if ${dr(p)} lets us email ${p.obj}?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`${nm(p)} is on our speaker program shortlist, may i ring ${p.obj} with the invitation`, [check(p, 'phone', 'events')], consentFacts(p.hcp, 'phone', 'events'))],
  [always, (p) => turn(`y'all know if ${nm(p)} is fine getting texts from me?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`formulary just changed at ${nm(p)}'s hospital — am i still allowed to drop by in person`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`covering for a teammate thanksgiving week: is ${nm(p)} ok with a whatsapp from me`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`could i email ${nm(p)} an invite to the regional speaker dinner`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events'))],
  [always, (p) => turn(`hey omni is ${doctor(p)} okay with phone calls question mark`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`remote detail ok w/ ${nm(p)}? tia`, [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail'))],
  [hasRecord('sms'), (p) => turn(`u think ${nm(p)} opted out of sms? need to know b4 i send anything`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`label update on ${brand(p)} just went out — can i email ${nm(p)} about it, consent-wise`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`market research wants a 10-minute phone interview with ${nm(p)}, consent ok?`, [check(p, 'phone', 'market_research')], consentFacts(p.hcp, 'phone', 'market_research'))],
  [always, (p) => turn(`splitting the patch with my colleague and ${nm(p)} is mine now — is ${p.poss} visit consent current`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`reckon ${nm(p)} is right for a whatsapp this arvo? consent check pls`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [typoable, (p) => turn(`${dropped(p).typed} — am i allowed to email`, [lookupKey(dropped(p).key), check(p, 'email')], consentFacts(p.hcp, 'email')), 'last'],
  [always, (p) => turn(`can i invite ${nm(p)} to our december webinar over whatsapp`, [check(p, 'whatsapp', 'events')], consentFacts(p.hcp, 'whatsapp', 'events'))],
  [always, (p) => turn(`${nm(p)} complained we call too often. what does ${p.poss} phone consent actually say`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`Good morning! Could you please confirm whether ${dr(p)} has consented to remote detailing by video?`, [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail'))],
  [always, (p) => turn(`${nm(p)} can email or not? need to know for the year-end mailer lah`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`first week on the job — who is ${nm(p)} and why do they matter to us`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}'s hospital just took ${brand(p)} off formulary, what do we know about ${p.obj}`, [lookup(p)])],
  [always, (p) => turn(`speaker program nominee ${p.name}: influence score + trial involvement?`, [lookup(p)])],
  [always, (p) => turn(`my colleague and i are splitting the territory — where does ${nm(p)} practise?`, [lookup(p)], [p.hcp.city])],
  [always, (p) => turn(`covering ${nm(p)} over the holidays for a teammate, quick profile`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} sent in a complaint about one of our emails. what's ${p.poss} history with us`, [lookup(p)])],
  [always, (p) => turn(`what channel does ${nm(p)} prefer`, [lookup(p)])],
  [typoable, (p) => turn(`who's ${doubled(p).typed} again`, [lookupKey(doubled(p).key)]), 'last'],
  [always, (p) => turn(`year-end recap on ${nm(p)}: how often did we reach ${p.obj} this year`, [lookup(p)])],
  [always, (p) => turn(`ok so can you tell me everything about ${doctor(p)} before i walk in thanks`, [lookup(p)])],
  [withSegment, (p) => turn(`which tier is ${nm(p)} in, A to D? first week, still learning the segments`, [lookup(p)], [p.hcp.segment!])],
  [hasWebinar, (p) => turn(`any webinars or events on record for ${nm(p)}?`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`before i see ${nm(p)}: is there a medical question pending i should route to the msl`, [lookup(p)])],
  [always, (p) => turn(`lmk ${nm(p)}'s specialty + which hospital`, [lookup(p)], [p.hcp.specialty, p.hcp.institution])],
  [always, (p) => turn(`recent notes on ${nm(p)}? the ${brand(p)} shortage might come up`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`new rep, first week: what should my opening move with ${nm(p)} be`, [next(p.id)])],
  [always, (p) => turn(`${brand(p)} is short on supply this month — right next action for ${nm(p)}?`, [next(p.id)])],
  [always, (p) => turn(`whats the nba on ${nm(p)} rn`, [next(p.id)])],
  [always, (p) => turn(`Hi Omni, could you tell me what you would recommend as the next step with ${dr(p)}? Thank you.`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)}'s hospital changed its formulary, how should i follow up with ${p.obj}`, [next(p.id)])],
  [typoable, (p) => turn(`next step for ${doubled(p).typed}?`, [lookupKey(doubled(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`year-end push: one thing to do with ${nm(p)} before december 31`, [next(p.id)])],
  [always, (p) => turn(`holiday coverage — anything i should do with ${nm(p)} this week`, [next(p.id)])],
  [always, (p) => turn(`should i bother with ${nm(p)} before thanksgiving or hold off`, [next(p.id)])],
  [always, (p) => turn(`i'm fixin' to see ${nm(p)} — what's omni say i should do`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} got annoyed about our last email, how do i recover the relationship`, [next(p.id)])],
  [always, (p) => turn(`what to do next with ${nm(p)} ah`, [next(p.id)])],
  [always, (p) => turn(`give me the recommended action for ${nm(p)} plus the reasoning behind it`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn("first week as a rep — who's on my call plan", [plan()], [nameOf(nth(planIds(u), 0))]),
  (u) => {
    const city = cityWith(u, {}, 0);
    return turn(`we're splitting the patch and i keep ${city}. who's there worth seeing`, [planBy({ city })]);
  },
  () => turn('holiday coverage list, just 3 names', [plan(3)]),
  () => turn('docs with an overdue follow-up i should clear before year end', [planBy({ flag: 'follow_up_due' })]),
  () => turn('rank the neurologists on my patch for me', [planBy({ specialty: 'neurology' })]),
  () => turn("A-segment docs i haven't been to see recently", [planBy({ segment: 'A', flag: 'no_recent_visit' })]),
  () => turn('whose whatsapp consent has expired', [planBy({ consent: { channel: 'whatsapp', status: 'expired' } })]),
  () => turn('who can i email right now, in priority order', [planBy({ consent: { channel: 'email', status: 'granted' } })]),
  (u) => {
    const city = cityWith(u, { specialty: 'oncology' }, 2);
    return turn(`${city} oncologists — who first?`, [planBy({ city, specialty: 'oncology' })]);
  },
  () => turn('top 6 before i go on pto', [plan(6)]),
  () => turn('C segment, no recent visit', [planBy({ segment: 'C', flag: 'no_recent_visit' })]),
  () => turn('which hcps never respond anymore', [planBy({ flag: 'dead_end' })]),
  () => turn('pediatricians, ranked', [planBy({ specialty: 'pediatrics' })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('updated zeljanz label — which approved pieces carry the new ISI', [search({ query: 'eljanz' })]),
  () => turn('anything approved i can say about the stelara supply situation', [search({ query: 'stelara' })]),
  () => turn('speaker program slides for key truda, approved ones only', [search({ query: 'truda' })]),
  () => turn('cally deco approved email content', [search({ query: 'deco', channel: 'email' })]),
  () => turn('3 approved gilenya pieces for a neurologist', [search({ query: 'gilenya', limit: 3 })]),
  () => turn('approved tecfidera content for whatsapp?', [search({ query: 'tecfidera', channel: 'whatsapp' })]),
  () => turn('a hospital changed its formulary — approved cerdelga access messaging?', [search({ query: 'cerdelga' })]),
  () => turn('imbruvica dosing leave-behind, is there an approved one', [search({ query: 'imbruvica' })]),
  () => turn('is there an approved piece comparing stelara with humira', [search({ query: 'humira' })]),
  () => turn('approved keytruda material i can use on a remote detail', [search({ query: 'keytruda', channel: 'remote_detail' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`first week here — draft an intro email to ${nm(p)} introducing myself`, [draft(p, 'email')])],
  [allowed('sms'), (p) => turn(`text ${nm(p)} re the ${brand(p)} label update — draft pls`, [draft(p, 'sms')])],
  [blocked('email'), (p) => turn(`can you write ${nm(p)} an email on ${brand(p)} access now the formulary changed`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('whatsapp'), (p) => turn(`whatsapp to ${nm(p)} about the speaker program, draft it up`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`write a thank-you email to ${nm(p)} for coming to our webinar`, [draft(p, 'email')])],
  [blocked('sms'), (p) => turn(`draft a quick text to ${nm(p)} before the holidays`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('email'), (p) => turn(`email for ${nm(p)} w/ the ${heard(p)} patient support info, draft`, [draft(p, 'email')])],
  [blocked('whatsapp'), (p) => turn(`whatsapp ${nm(p)} about the ${brand(p)} supply situation — write it`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [allowed('email'), (p) => turn(`Please prepare an email to ${dr(p)} apologising for the duplicate mailings and sharing the ${brand(p)} dosing information.`, [draft(p, 'email')])],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`profile on ${nm(p)} and can i text ${p.obj}?`, [lookup(p), check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`nba for ${nm(p)} + phone consent`, [next(p.id), check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`approved ${brand(p)} dosing content, and is ${nm(p)} ok for email`, [search({ query: brand(p) }), check(p, 'email')], consentFacts(p.hcp, 'email'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`email feels like the obvious channel for ${nm(p)}, how come omni never picks it`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`i'd rather see ${nm(p)} in person, why is omni not suggesting a visit`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'whatsapp')), (p) => turn(`${nm(p)} lives on whatsapp, so why not recommend it`, [next(p.id), explain('whatsapp')])],
  [always, (p) => turn(`explain the reasoning behind ${nm(p)}'s recommendation`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`accept what omni suggested for ${nm(p)}, booked it for tuesday`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`${nm(p)} filed a complaint about us — dismiss the recommendation`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`snooze ${nm(p)}'s rec until january 5th, ${subjIs(p)} away over the holidays`, [next(p.id), snooze('2027-01-05')])],
  [always, (p) => turn(`${nm(p)} is off thanksgiving week, push ${p.poss} recommendation back seven days`, [next(p.id), snooze('2026-11-27')])],
  [always, (p) => turn(`dismiss the suggestion for ${nm(p)}, that account went to my colleague in the split`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`thumbs up on the ${nm(p)} recommendation`, [next(p.id), feedback('accept')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${dr(p)} just told me a patient on ${brand(p)} developed jaundice — how do i report this`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`FYI a 62 yo man on ${brand(p)} had a stroke per ${nm(p)}`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 62, patientSex: 'male' })])],
  [always, (p) => turn(`i personally watched a patient collapse after a ${heard(p)} dose at ${nm(p)}'s clinic`, [reportAe({ reporter: 'employee', product: heardKey(p) })])],
  [always, (p) => turn(`${nm(p)} says a 29-year-old female patient on ${brand(p)} had anaphylaxis, please log it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 29, patientSex: 'female' })])],
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
  // Two HCPs in one question, and a list entry with its next step.
  const userId = nextRep();
  const a = whoLast(userId);
  const b = whoLast(userId);
  rep('two_asks', userId, turn(`visit consent for ${nm(a)} and ${nm(b)} please`, [check(a, 'field_visit'), check(b, 'field_visit')], [...consentFacts(a.hcp, 'field_visit'), ...consentFacts(b.hcp, 'field_visit')]));
  const userId2 = nextRep();
  const c = whoLast(userId2);
  const d = whoLast(userId2);
  rep('two_asks', userId2, turn(`what's recommended for ${nm(c)}, and for ${nm(d)} too`, [next(c.id), next(d.id)]));
  const userId3 = nextRep();
  const third = nth(planIds(userId3), 2);
  rep('two_asks', userId3, turn('third on my plan — who is it and what do i do with them', [plan(), next(third)], [nameOf(third)]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn("what's my reach this month compared with my teammate's", [perf({ metric: 'reach', period: 'month_to_date' })]));

for (const question of [
  'can i give a doctor a holiday gift basket',
  "is it ok to pay for a speaker's spouse to come to the speaker dinner",
  'my colleague says we can talk off-label if the doctor brings it up first, is that true',
  'can i promise a hospital a discount to get our drug back on formulary',
  'am i allowed to leave samples with the nurse when the doctor is out',
]) rep('policy', nextRep(), policy(question));
for (const question of ['secret santa gift ideas for my manager under $25', 'book me a flight to chicago for the national sales meeting', 'what time does the office close on christmas eve']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn("day after the symposium — what have my HCPs said about keytruda in the last 7 days", [insights({ product: 'keytruda', period: 'last_7_days' })]),
  () => turn('xeljanz label update: any reactions in my notes since the 1st of november', [insights({ product: 'xeljanz', from: '2026-11-01' })]),
  () => turn('access problems after hospital formulary changes, last 90 days', [insights({ topic: 'access', period: 'last_90_days' })]),
  () => turn('kalydeco questions from my pulmonary docs, anything recurring?', [insights({ product: 'kalydeco', specialty: 'pulmonary' })]),
  () => turn('3 biggest themes this month', [themes(3, { period: 'this_month' })]),
  () => turn('competitor chatter among my rheumatologists', [insights({ topic: 'compet', specialty: 'rheumatology' })]),
  () => turn('year-end write-up: what did my HCPs talk about across 2026', [insights({ period: 'year_to_date' })]),
  () => turn('stelara supply worries over the past 60 days?', [insights({ product: 'stelara', period: 'last_60_days' })]),
  () => turn('what did my neurologists say in september', [insights({ specialty: 'neurology', from: SEPTEMBER.from, to: SEPTEMBER.to })]),
  () => turn('are off-label questions coming up on imbruvica', [insights({ product: 'imbruvica', topic: 'off' })]),
  () => turn("since halloween, what's new in my notes", [insights({ from: SINCE_HALLOWEEN.from })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_W, (u) => turn('pharmacovigilance sweep of my notes, last 30 days', [insights({ period: 'last_30_days' })], ae(u, 'last_30_days'))],
  [MSL_NE, (u) => turn('any safety signals worth reporting from the past two weeks', [insights({ period: 'last_14_days' })], ae(u, 'last_14_days'))],
  [MSL_MW, (u) => turn('gilenya possible AEs, year to date', [insights({ product: 'gilenya', period: 'year_to_date' })], ae(u, 'year_to_date', 'prod-gilenya'))],
  [MSL_W, (u) => turn('list the possible adverse events in my september notes', [insights({ from: SEPTEMBER.from, to: SEPTEMBER.to })], aeIn(u, { from: SEPTEMBER.from, to: SEPTEMBER.to }))],
  [MSL_NE, (u) => turn('AE candidates on keytruda this quarter?', [insights({ product: 'keytruda', period: 'this_quarter' })], ae(u, 'this_quarter', 'prod-keytruda'))],
];
const mslBrief: Ask[] = [
  [always, (p) => turn(`${nm(p)} chaired yesterday's symposium — what do we have on ${p.obj}`, [lookup(p)])],
  [always, (p) => turn(`speaker program candidate ${nm(p)}: kol standing and trial work?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} complained to medical about a slow reply. what's the history`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`which question from ${nm(p)} is still unanswered`, [lookup(p)])],
  [typoable, (p) => turn(`${dropped(p).typed} background please`, [lookupKey(dropped(p).key)]), 'last'],
  [always, (p) => turn(`${dr(p)}: institution and specialty, quickly`, [lookup(p)], [p.hcp.institution, p.hcp.specialty])],
  [always, (p) => turn(`prepping a one-on-one with ${nm(p)} next week, pull ${p.poss} profile`, [lookup(p)])],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`can i book an in-person msl meeting with ${nm(p)}, or is consent missing`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`ok to email ${nm(p)} the symposium slides? it's a medical follow-up`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`${nm(p)} asked for a call back about the label change — medical phone consent?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`can i hold a virtual medical meeting with ${nm(p)}`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical'))],
  [always, (p) => turn(`medical whatsapp to ${nm(p)}: permitted?`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
  [always, (p) => turn(`text ${nm(p)} a medical follow-up — is that consented`, [med(p, 'sms')], consentFacts(p.hcp, 'sms', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('medical response on keytruda in pregnancy', [medSearch('keytruda')]),
  () => turn('standard response letter: gilenya and live vaccines', [medSearch('gilenya')]),
  () => turn('2 medical responses on xeljanz cardiovascular risk', [search({ query: 'xeljanz', purpose: 'medical', limit: 2 })]),
  () => turn('eliglustat drug interactions, medical letter', [medSearch()]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`draft a medical email to ${nm(p)} following up the symposium Q&A on ${brand(p)}`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`send ${nm(p)} a written medical answer on ${brand(p)} by email — draft it`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`Would you prepare a medical follow-up email for ${p.name} regarding the ${brand(p)} label update?`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`after the symposium ${nm(p)} pulled me aside: 47-year-old man on ${brand(p)} with severe liver injury`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 47, patientSex: 'male' })])],
  [always, () => turn('i saw a patient at the clinic have a seizure right after a gilenya dose, file it immediately', [reportAe({ reporter: 'employee', product: 'gilenya', submit: true })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn("what's the msl team's medical follow-up rate this year", [mfu({ period: 'year_to_date' })]));
for (const question of [
  'can i accept an honorarium for speaking at a congress symposium',
  'is it ok for an msl to discuss pipeline data while a rep is in the room',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('help me write my out-of-office message for the holidays'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('for the year-end medical review, top themes across every territory this year', [insights({ period: 'year_to_date' })]),
  turn('what are dermatologists saying about stelara since september', [insights({ product: 'stelara', specialty: 'dermatology', from: SEPTEMBER.from })]),
  turn('access concerns in the northeast after the formulary changes, last 60 days', [insights({ topic: 'access', territory: 'T-NE', period: 'last_60_days' })]),
  turn('emerging themes this week', [insights({ period: 'last_7_days' })]),
  turn('rival products HCPs brought up between july and september', [insights({ topic: 'compet', from: Q3.from, to: Q3.to })]),
  turn('what are geneticists asking about cerdelga', [insights({ product: 'cerdelga', specialty: 'genetics' })]),
  turn('dosing questions on tecfidera in the midwest, this quarter', [insights({ product: 'tecfidera', topic: 'dosing', territory: 'T-MW', period: 'this_quarter' })]),
  turn('top 6 themes company-wide, last 180 days', [themes(6, { period: 'last_180_days' })]),
  turn('side effect chatter on imbruvica out west, past 90 days', [insights({ product: 'imbruvica', topic: 'side', territory: 'T-W', period: 'last_90_days' })]),
  turn('summarise what the field heard in august', [insights({ from: AUGUST.from, to: AUGUST.to })]),
];
const maAe: TurnInput[] = [
  turn('weekly safety huddle: possible AEs from the last 7 days, all products', [insights({ period: 'last_7_days' })], ae(MA, 'last_7_days')),
  turn('gilenya AE candidates over the last 90 days', [insights({ product: 'gilenya', period: 'last_90_days' })], ae(MA, 'last_90_days', 'prod-gilenya')),
  turn('possible adverse events in the midwest this quarter', [insights({ territory: 'T-MW', period: 'this_quarter' })], aeIn(MA, { territory: 'T-MW', period: 'this_quarter' })),
  turn('keytruda AE mentions since the start of the year', [insights({ product: 'keytruda', period: 'year_to_date' })], ae(MA, 'year_to_date', 'prod-keytruda')),
  turn('safety review: anything AE-like written up during september', [insights({ from: SEPTEMBER.from, to: SEPTEMBER.to })], aeIn(MA, { from: SEPTEMBER.from, to: SEPTEMBER.to })),
  turn('quarterly PV reconciliation — every possible AE from last quarter', [insights({ period: 'last_quarter' })], ae(MA, 'last_quarter')),
];
const maFollowUp: TurnInput[] = [
  turn('is medical answering inquiries better than a year ago? ytd against the prior year', [mfu({ period: 'year_to_date', compareTo: 'previous_year' })]),
  turn('what fraction of inquiries got a medical follow-up last quarter, product by product', [mfu({ dimension: 'product', period: 'last_quarter' })]),
  turn('plot medical follow-up for every month since january', [mfu({ dimension: 'month', period: 'year_to_date' })]),
  turn('west coast medical follow-up, last 30 days', [mfu({ period: 'last_30_days', filters: { territory: ['T-W'] } })]),
  turn('medical follow-up for stelara inquiries, october against september', [mfu({ period: OCTOBER, compareTo: SEPTEMBER, filters: { product: 'stelara' } })]),
  turn('which specialty waits longest for medical follow-up, ytd', [mfu({ dimension: 'specialty', period: 'year_to_date' })]),
  turn('medical follow-up by inquiry channel for neurology, last 90 days', [mfu({ dimension: 'channel', period: 'last_90_days', filters: { specialty: 'neurology' } })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`speaker program vetting: ${p.name}, influence and trials`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`${nm(p)} complained about waiting on medical — what did ${p.subj} ask`, [lookup(p)])],
  [typoable, (p) => turn(`pull up ${doubled(p).typed}`, [lookupKey(doubled(p).key)]), 'last'],
  [always, (p) => turn(`where does ${nm(p)} work these days, and in which specialty`, [lookup(p)], [p.hcp.institution, p.hcp.specialty])],
];
const maContent: TurnInput[] = [
  turn('standard response on imbruvica and atrial fibrillation', [medSearch('imbruvica')]),
  turn('kalydeco label update: is there a medical letter yet', [medSearch('kalydeco')]),
  turn('three medical responses on tecfidera', [search({ query: 'tecfidera', purpose: 'medical', limit: 3 })]),
  turn('dimethyl fumarate lymphopenia medical response', [medSearch()]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`any objection on file to medical ringing ${nm(p)}?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`does ${nm(p)} accept msl visits`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`whatsapp from medical to ${dr(p)} — consented?`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA);
  msl('ae_report', MA, turn(`an msl forwarded this: ${nm(p)}'s patient, a 55-year-old woman on ${brand(p)}, developed severe pneumonitis. please report it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 55, patientSex: 'female' })]));
  const q = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA, turn(`medical email reply to ${nm(q)} about ${brand(q)} and the supply shortage, draft it`, [medDraft(q, 'email')]));
}
for (const question of [
  'can medical affairs fund a speaker program that sales is running',
  'is it ok to give a kol advance notice of a label change',
  'who has to approve a standard response letter before msls can use it',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('draft the agenda for our team holiday party'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn('regional review deck: reach year to date vs last year', [perf({ metric: 'reach', period: 'year_to_date', compareTo: 'previous_year' })])],
  [EAST, turn("taylor's follow-up rate last month", [perf({ metric: 'follow_up_rate', period: 'last_month', filters: { rep: 'u-rep-ne-1' } })])],
  [EAST, turn("casey's median time to follow up, quarter to date", [perf({ metric: 'median_time_to_follow_up', period: 'quarter_to_date', filters: { rep: 'u-rep-ne-2' } })])],
  [EAST, turn('email open rate per territory, ytd', [perf({ metric: 'email_open_rate', dimension: 'territory', period: 'year_to_date' })])],
  [EAST, turn('which rep has the most over-contacted docs this quarter', [perf({ metric: 'over_contacted', dimension: 'rep', period: 'quarter_to_date' })])],
  [EAST, turn('how many of our docs let us text them, split by specialty', [perf({ metric: 'consent_coverage', dimension: 'specialty', filters: { channel: 'sms' } })])],
  [EAST, turn('engagement by segment in september', [perf({ metric: 'engagement_rate', dimension: 'segment', period: SEPTEMBER })])],
  [EAST, turn('nba acceptance per product over the last 90 days', [perf({ metric: 'nba_acceptance_rate', dimension: 'product', period: 'last_90_days' })])],
  [EAST, turn("jamie's reach last quarter", [perf({ metric: 'reach', period: 'last_quarter', filters: { rep: 'u-rep-mw-2' } })])],
  [EAST, turn('how many keytruda webinar invitees actually showed up in 2026', [perf({ metric: 'webinar_attendance', period: 'year_to_date', filters: { product: 'keytruda' } })])],
  [EAST, turn('Q3 cross-channel progression, rep by rep', [perf({ metric: 'cross_channel_progression', dimension: 'rep', period: 'last_quarter' })])],
  [EAST, turn('dead end rate for the midwest in october', [perf({ metric: 'dead_end_rate', period: OCTOBER, filters: { territory: ['T-MW'] } })])],
  [EAST, turn('contact frequency by channel, month to date', [perf({ metric: 'frequency', dimension: 'channel', period: 'month_to_date' })])],
  [EAST, turn('email click rate week by week since halloween', [perf({ metric: 'email_click_rate', dimension: 'week', period: SINCE_HALLOWEEN })])],
  [WEST, turn('for the regional review: follow-up rate in Q3 compared with Q1', [perf({ metric: 'follow_up_rate', period: Q3, compareTo: Q1 })])],
  [WEST, turn("soto's over-contacted hcps this quarter", [perf({ metric: 'over_contacted', period: 'quarter_to_date', filters: { rep: 'u-rep-w-2' } })])],
  [WEST, turn('reach by segment over the last 30 days', [perf({ metric: 'reach', dimension: 'segment', period: 'last_30_days' })])],
  [WEST, turn("prescott's email open rate ytd", [perf({ metric: 'email_open_rate', period: 'year_to_date', filters: { rep: 'u-rep-w-1' } })])],
  [WEST, turn('median time to follow-up by specialty, last quarter', [perf({ metric: 'median_time_to_follow_up', dimension: 'specialty', period: 'last_quarter' })])],
  [WEST, turn("coverage of remote detailing opt-ins across each rep's docs", [perf({ metric: 'consent_coverage', dimension: 'rep', filters: { channel: 'remote_detail' } })])],
  [WEST, turn("team's nba acceptance rate in october vs october 2025", [perf({ metric: 'nba_acceptance_rate', period: OCTOBER, compareTo: 'previous_year' })])],
  [WEST, turn("how's engagement with oncologists trending month by month this year", [perf({ metric: 'engagement_rate', dimension: 'month', period: 'year_to_date', filters: { specialty: 'oncology' } })])],
  [WEST, turn('dead ends on stelara, last 90 days', [perf({ metric: 'dead_end_rate', period: 'last_90_days', filters: { product: 'stelara' } })])],
  [ADMIN, turn('board pack: company reach for full year 2025', [perf({ metric: 'reach', period: FULL_2025 })])],
  [ADMIN, turn('follow-up rate by territory, year to date vs the same period last year', [perf({ metric: 'follow_up_rate', dimension: 'territory', period: 'year_to_date', compareTo: 'previous_year' })])],
  [ADMIN, turn("jordan soto's dead end rate in the last 30 days", [perf({ metric: 'dead_end_rate', period: 'last_30_days', filters: { rep: 'u-rep-w-2' } })])],
  [ADMIN, turn('email consent coverage per segment across all regions', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'email' } })])],
  [ADMIN, turn('contact frequency by specialty for H2 so far', [perf({ metric: 'frequency', dimension: 'specialty', period: H2_SO_FAR })])],
  [ADMIN, turn('july–september webinar show-up rate for each region', [perf({ metric: 'webinar_attendance', dimension: 'territory', period: Q3 })])],
  [ADMIN, turn('cross-channel progression for kalydeco ytd', [perf({ metric: 'cross_channel_progression', period: 'year_to_date', filters: { product: 'kalydeco' } })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('where do we sit on the maturity model? for my regional review', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('rerun the maturity scoring on a 120-day window', [{ name: 'assess_maturity', args: { periodDays: 120 } }]));
mgr('maturity', ADMIN, turn('year-end: maturity over the full last 12 months', [{ name: 'assess_maturity', args: { periodDays: 365 } }]));
mgr('maturity', EAST, turn('what would it take to reach the next maturity stage', [maturity]));
mgr('maturity', ADMIN, turn('budget season — which maturity dimension should we put money into', [maturity]));

mgr('plan', EAST, turn('top 20 hcps across the northeast and midwest', [plan(20)], [nameOf(nth(planIds(EAST, 20), 0))]));
mgr('plan', WEST, turn('B-segment hcps on my team with a follow-up due', [planBy({ segment: 'B', flag: 'follow_up_due' })]));
{
  const city = cityWith(EAST, {}, 3);
  mgr('plan', EAST, turn(`who should the team prioritise in ${city} before year end`, [planBy({ city })]));
}
mgr('plan', ADMIN, turn('company-wide dead-end hcps, top 10', [planBy({ flag: 'dead_end' })]));
mgr('plan', WEST, turn("gastroenterologists on my team's plan", [planBy({ specialty: 'gastroenterology' })]));
mgr('plan', EAST, turn('hcps who revoked phone consent', [planBy({ consent: { channel: 'phone', status: 'revoked' } })]));

{
  const a = who(EAST, inTerritory('T-NE'));
  mgr('brief', EAST, turn(`taylor is presenting ${nm(a)} in my regional review — background please`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`${dr(b)} complained about one of my reps, what does the record show`, [lookup(b)]));
  const c = who(ADMIN, withSegment);
  mgr('brief', ADMIN, turn(`for the board pack, which segment does ${nm(c)} fall in and what's ${c.poss} field`, [lookup(c)], [c.hcp.segment!, c.hcp.specialty]));
  const d = who(EAST, inTerritory('T-MW'));
  mgr('next_action', EAST, turn(`jordan and jamie are splitting accounts and ${nm(d)} goes to jamie — what's the next step there`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`ride-along prep — omni's top recommendation for ${dr(e)} is what?`, [next(e.id)]));
  const f = who(EAST);
  mgr('consent', EAST, turn(`quick compliance check for my reps — are text messages to ${nm(f)} permitted`, [check(f, 'sms')], consentFacts(f.hcp, 'sms')));
  const g = who(ADMIN, hasRecord('phone'));
  mgr('consent', ADMIN, turn(`${nm(g)} phone consent — granted or revoked?`, [check(g, 'phone')], consentFacts(g.hcp, 'phone')));
  const h = who(WEST);
  mgr('ae_report', WEST, turn(`jordan soto told me ${nm(h)} reported a patient on ${brand(h)} with kidney failure — what's the process`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('regional review slide: reach and engagement rate, quarter to date', [perf({ metric: 'reach', period: 'quarter_to_date' }), perf({ metric: 'engagement_rate', period: 'quarter_to_date' })]));
mgr('two_asks', WEST, turn('maturity stage and dead end rate this month', [maturity, perf({ metric: 'dead_end_rate', period: 'month_to_date' })], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('email open and click rates for imbruvica last quarter', [perf({ metric: 'email_open_rate', period: 'last_quarter', filters: { product: 'imbruvica' } }), perf({ metric: 'email_click_rate', period: 'last_quarter', filters: { product: 'imbruvica' } })]));

mgr('policy', EAST, policy("is it appropriate to quote a rep's field notes back to them in their year-end appraisal"));
mgr('policy', WEST, policy("is it ok to set a rep's bonus target on one doctor's prescribing"));
mgr('policy', ADMIN, policy('what do we do about a rep who keeps skipping adverse event training'));
mgr('out_of_scope', EAST, outOfScope('write a job ad for a new rep in boston'));
mgr('out_of_scope', WEST, outOfScope('suggest a venue for our regional kickoff in january'));

// ===================================================================================================
// Conversations of 3 to 5 turns.

/** The territory plan's entries (HCP id and flags) with the plan tool's filters, as the tool ranks them. */
const planEntries = (userId: string, filters: PlanFilters = {}, limit = 10) =>
  kit.isolated(() => planTerritory(kit.nba, callerFor(kit.user(userId)), DEMO_AS_OF, { limit, filters })).entries.map((entry) => ({ id: entry.hcp.id, flags: [...entry.flags] as string[] }));
/** How a question names a plan flag on a list entry ("the one with the open medical question"). */
const FLAG_WORDS: Record<string, string> = {
  open_medical_question: 'the one with an open medical question',
  dead_end: "the one who's gone quiet",
  follow_up_due: 'the one i owe a follow-up',
  no_recent_visit: "the one nobody's visited lately",
};

// --- Rep.
{
  // A new hire's first week: the call plan, the first entry, its next step, email consent, the intro draft.
  const u = NE2;
  const first = nth(planIds(u), 0);
  const [calls, facts] = draftOrCheck(first, 'email');
  rep('plan', u,
    turn("it's my first week — could you show me my call plan", [plan()]),
    turn('who is the first name on there', [lookupId(first)], [nameOf(first)]),
    turn('what am i supposed to do with them', [next(first)]),
    turn('may i email them to introduce myself', [checkId(first, 'email')], idFacts(first, 'email')),
    turn('ok, draft the intro', calls, facts),
  );
}
{
  // Splitting a territory: the kept city, narrowed to oncologists, the top one's visit consent.
  const u = W1;
  const city = cityWith(u, { specialty: 'oncology' }, 4);
  const top = nth(planFiltered(u, { city, specialty: 'oncology' }), 0);
  rep('plan', u,
    turn(`my colleague and i are dividing the territory and i'm taking ${city} — who's there`, [planBy({ city })]),
    turn('filter to oncology specialists only', [planBy({ city, specialty: 'oncology' })]),
    turn('whoever tops that, is a visit ok?', [checkId(top, 'field_visit')], [nameOf(top), ...idFacts(top, 'field_visit')]),
  );
}
{
  // Holiday coverage: the top five, the fourth one's phone consent and next step, snoozed.
  const u = MW1;
  const fourth = nth(planIds(u, 5), 3);
  rep('feedback', u,
    turn("jamie's out thanksgiving week and i'm covering — top 5 for the territory please", [plan(5)]),
    turn('number four on that list, phone ok?', [checkId(fourth, 'phone')], [nameOf(fourth), ...idFacts(fourth, 'phone')]),
    turn('plus whatever omni recommends doing with them', [next(fourth)]),
    turn('snooze that till dec 14', [snooze('2026-12-14')]),
  );
}
{
  // A formulary change: the profile, the access material, a draft with it.
  const u = NE1;
  const p = who(u, allowed('email'));
  rep('content', u,
    turn(`${nm(p)}'s hospital is restricting ${brand(p)} now, pull up ${p.poss} profile`, [lookup(p)]),
    turn(`is there approved ${brand(p)} access material`, [search({ query: brand(p) })]),
    turn(`draft ${p.obj} an email using that`, [draft(p, 'email')]),
  );
}
{
  // A label update: the current pieces, email consent, the draft, then WhatsApp instead.
  const u = W2;
  const p = who(u, both(allowed('email'), allowed('whatsapp')));
  rep('draft', u,
    turn(`the ${brand(p)} label was updated — which approved pieces are current`, [search({ query: brand(p) })]),
    turn(`can ${nm(p)} get an email about the update`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('ok, put the email together', [draft(p, 'email')]),
    turn('hmm, make it a whatsapp instead', [draft(p, 'whatsapp')]),
  );
}
{
  // A speaker program invitation: email, phone, WhatsApp, all for events.
  const u = MW2;
  const p = who(u);
  rep('consent', u,
    turn(`speaker program next month — may i send ${nm(p)} the invitation by email`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events')),
    turn('what about inviting by phone', [check(p, 'phone', 'events')], consentFacts(p.hcp, 'phone', 'events')),
    turn('would a whatsapp invite be ok instead', [check(p, 'whatsapp', 'events')], consentFacts(p.hcp, 'whatsapp', 'events')),
  );
}
{
  // An HCP complaint: the recommendation, why not email, dismissed.
  const u = NE2;
  const p = who(u, notRecommended(u, 'email'));
  rep('why_not', u,
    turn(`${nm(p)} complained that we email too much — what's omni recommending now`, [next(p.id)]),
    turn("so email's off the table? explain why", [explain('email')]),
    turn(`fine, dismiss it — i'll give ${p.obj} some space`, [feedback('dismiss')]),
  );
}
{
  // An adverse event given in pieces: the HCP, the product, the patient, the event and filing.
  const u = W1;
  const p = who(u);
  rep('ae_report', u,
    turn(`${dr(p)} called me about a patient who got sick on one of our drugs`, [reportAe({ hcp: p.last })]),
    turn(`it was ${brand(p)}`, [reportAe({ product: brand(p) })]),
    turn("she's 72, female patient", [reportAe({ patientAge: 72, patientSex: 'female' })]),
    turn('she was hospitalised with pancreatitis. file it please', [reportAe({ submit: true })]),
  );
}
{
  // "No, I meant…": the HCP corrected, then the channel switched.
  const u = MW1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('consent', u,
    turn(`visit consent on ${nm(a)}?`, [check(a, 'field_visit')], consentFacts(a.hcp, 'field_visit')),
    turn(`oops, not ${nm(a)} — i meant ${nm(b)}`, [check(b, 'field_visit')], consentFacts(b.hcp, 'field_visit')),
    turn(`and remote detail for ${b.obj}?`, [check(b, 'remote_detail')], consentFacts(b.hcp, 'remote_detail')),
  );
}
{
  // A draft, then changes to it.
  const u = NE1;
  const p = who(u, allowed('email'));
  rep('draft', u,
    turn(`can u put together a dosing follow-up email for ${nm(p)}, it's about ${brand(p)}`, [draft(p, 'email')]),
    turn('add something about the patient support program', [draft(p, 'email')]),
    turn('can you make it sound less salesy', [draft(p, 'email')]),
    turn("perfect, that's the one i'll send", []),
  );
}
{
  // Verdicts: the recommendation, snoozed, then accepted after all.
  const u = W2;
  const p = who(u);
  rep('feedback', u,
    turn(`what's omni suggesting for ${nm(p)} this week`, [next(p.id)]),
    turn('snooze it for three weeks', [snooze('2026-12-11')]),
    turn('actually no — accept it, i can fit it in', [feedback('accept')]),
  );
}
{
  // Narrowing, then undoing the narrowing with a longer list.
  const u = MW2;
  rep('plan', u,
    turn('which of my hcps have gone unvisited the longest', [planBy({ flag: 'no_recent_visit' })]),
    turn('keep the A-tier ones', [planBy({ flag: 'no_recent_visit', segment: 'A' })]),
    turn('drop the segment filter and give me 15', [planBy({ flag: 'no_recent_visit', limit: 15 })]),
  );
}
{
  // A list entry named by its flag (or, when no flag names one alone, by its specialty).
  const u = MW1;
  const entries = planEntries(u);
  const ids = entries.map((entry) => entry.id);
  const byFlag = Object.keys(FLAG_WORDS)
    .map((flag) => ({ flag, holders: entries.filter((entry) => entry.flags.includes(flag)) }))
    .find((candidate) => candidate.holders.length === 1);
  const id = byFlag ? byFlag.holders[0]!.id : nth(ids, firstIndex(ids, (hcp) => SPECIALIST[hcp.specialty] !== undefined && sharing(ids, 'specialty')(hcp) === 1));
  const named = byFlag ? FLAG_WORDS[byFlag.flag]! : `the ${SPECIALIST[store.hcps.getById(id)!.specialty]}`;
  rep('plan', u,
    turn("lay out next week's priorities for me", [plan()]),
    turn(`${named} — who's that`, [lookupId(id)], [nameOf(id)]),
    turn('whatsapp consent on that doc?', [checkId(id, 'whatsapp')], idFacts(id, 'whatsapp')),
  );
}
{
  // One channel, the purpose switched twice.
  const u = W1;
  const p = who(u);
  rep('consent', u,
    turn(`can i call ${nm(p)} about a market research study`, [check(p, 'phone', 'market_research')], consentFacts(p.hcp, 'phone', 'market_research')),
    turn('what about for the speaker program', [check(p, 'phone', 'events')], consentFacts(p.hcp, 'phone', 'events')),
    turn('and a plain sales call?', [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
  );
}
{
  // Blocked on SMS, then the alternatives, then email.
  const u = NE2;
  const p = who(u, both(blocked('sms'), hasRecord('sms')));
  rep('draft', u,
    turn(`text ${nm(p)} about ${brand(p)} — draft`, [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn("right, so what's my alternative to texting", [next(p.id)]),
    turn('is email allowed at least', [check(p, 'email')], consentFacts(p.hcp, 'email')),
  );
}
{
  // Year end: the plan, cut to three, the second one's background and next step.
  const u = NE1;
  const second = nth(planIds(u, 3), 1);
  rep('plan', u,
    turn('year end — who do i still need to see before december 31', [plan()]),
    turn('trim it to the top three', [plan(3)]),
    turn("who's number two — give me the background", [lookupId(second)], [nameOf(second)]),
    turn('and the next best action for that doc', [next(second)]),
  );
}
{
  // Two HCPs compared, then a draft to one and a change to it.
  const u = W2;
  const a = whoLast(u, allowed('email'));
  const b = whoLast(u);
  rep('two_asks', u,
    turn(`compare the next best actions for ${nm(a)} and ${nm(b)}`, [next(a.id), next(b.id)]),
    turn(`let's go with ${nm(a)} — draft the email`, [draft(a, 'email')]),
    turn('could you add a line on dosing', [draft(a, 'email')]),
  );
}
{
  // A last name with a letter dropped, the specialty from the profile, remote detail consent.
  const u = MW2;
  const p = whoLast(u, typoable);
  const t = dropped(p);
  rep('brief', u,
    turn(`can you pull the file on ${t.typed}`, [lookupKey(t.key)]),
    turn(`remind me, what field is ${p.subj} in`, [], [p.hcp.specialty]),
    turn('is a remote detail consented for this doc', [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')),
  );
}
{
  // An adverse event seen first-hand, the patient's sex only, filed incomplete.
  const u = NE2;
  const p = who(u);
  rep('ae_report', u,
    turn(`i saw a patient pass out in the waiting room at ${nm(p)}'s clinic — they told me they're on ${brand(p)}`, [reportAe({ reporter: 'employee', product: brand(p) })]),
    turn("don't know the age. the patient was a man", [reportAe({ patientSex: 'male' })]),
    turn('submit whatever we have', [reportAe({ submit: true })]),
  );
}
{
  // A new starter's jargon: the top doc's NBA, accepted, and who comes after.
  const u = W1;
  const [first, second] = [nth(planIds(u), 0), nth(planIds(u), 1)];
  rep('next_action', u,
    turn('new starter question: what does NBA stand for, and what is it for my top doc', [plan(), next(first)], [nameOf(first)]),
    turn('sounds sensible — mark it accepted', [feedback('accept')]),
    turn("and who's after them on the list", [], [nameOf(second)]),
  );
}
{
  // A product shortage: the gastroenterologists, cut to three, a draft to the first.
  const u = MW1;
  const first = nth(planFiltered(u, { specialty: 'gastroenterology' }, 3), 0);
  const [calls, facts] = draftOrCheck(first, 'email');
  rep('plan', u,
    turn('stelara shortage — which of my gastro docs should hear from me first', [planBy({ specialty: 'gastroenterology' })]),
    turn('cut that down to three names', [planBy({ specialty: 'gastroenterology', limit: 3 })]),
    turn('draft an email to whoever is first', calls, facts),
  );
}
{
  // Before the holidays: the brief, the next step, a snooze into January.
  const u = NE1;
  const p = who(u);
  rep('feedback', u,
    turn(`before the holidays, catch me up on ${nm(p)}`, [lookup(p)]),
    turn(`and what would omni have me do next with ${p.obj}`, [next(p.id)]),
    turn(`${subjIs(p)} on leave until january — snooze it till jan 4`, [snooze('2027-01-04')]),
  );
}
{
  // One channel (email), the purpose widened twice.
  const u = W2;
  const p = who(u);
  rep('consent', u,
    turn(`checking ${nm(p)} before the year-end mailing: is promotional email consented`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('and for market research emails', [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research')),
    turn('event invitations by email?', [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events')),
  );
}
{
  // Australian English: a city this afternoon, the second one's next step, phone consent.
  const u = MW2;
  const city = cityWith(u, {}, 5, 2);
  const second = nth(planFiltered(u, { city }), 1);
  rep('plan', u,
    turn(`g'day — who's worth a visit in ${city} this arvo`, [planBy({ city })]),
    turn("second one on the list, what's the go there", [next(second)], [nameOf(second)]),
    turn('no worries, and is a phone call ok with them', [checkId(second, 'phone')], idFacts(second, 'phone')),
  );
}
{
  // Content, a draft with one piece, then the piece swapped.
  const u = NE2;
  const p = who(u, both(allowed('email'), inSpecialties('Child Neurology', 'Neurology')));
  rep('content', u,
    turn(`approved ${brand(p)} content please`, [search({ query: brand(p) })]),
    turn(`email the dosing piece to ${nm(p)}, draft it`, [draft(p, 'email')]),
    turn('actually use the patient support one instead', [draft(p, 'email')]),
  );
}
{
  // Consent as a plan filter, widened, then a WhatsApp draft to the first entry and a change to it.
  const u = W1;
  const whatsapp = { channel: 'whatsapp', status: 'granted' } as const;
  const first = nth(planFiltered(u, { consent: whatsapp }), 0);
  if (!idAllowed(first, 'whatsapp')) throw new Error('the first HCP with WhatsApp consent cannot be sent a WhatsApp');
  rep('plan', u,
    turn('A-segment docs who have said yes to whatsapp', [planBy({ segment: 'A', consent: whatsapp })]),
    turn('forget the segment', [planBy({ consent: whatsapp })]),
    turn('first one there — write them a whatsapp', [draftId(first, 'whatsapp')], [nameOf(first)]),
    turn('add the patient support info to it', [draftId(first, 'whatsapp')]),
  );
}

// --- MSL.
msl('adverse_events', MSL_NE,
  turn('symposium debrief: what did my HCPs say about keytruda over the last 14 days', [insights({ product: 'keytruda', period: 'last_14_days' })]),
  turn('filter to the oncology crowd', [insights({ product: 'keytruda', period: 'last_14_days', specialty: 'oncology' })]),
  turn('should any of those notes go to drug safety', [], aeIn(MSL_NE, { product: 'keytruda', period: 'last_14_days', specialty: 'oncology' })),
);
{
  const u = MSL_W;
  const ids = unansweredOf(u);
  const index = ids.length >= 2 ? 1 : 0;
  const id = nth(ids, index);
  const [calls, facts] = medDraftOrCheck(id, 'email');
  msl('insights', u,
    turn('which HCPs are still waiting to hear back from medical', [insights()]),
    turn(`the ${ORDINAL[index]} — what's their question`, [lookupId(id)], [nameOf(id)]),
    turn('put together a medical reply email for that doc', calls, facts),
  );
}
msl('insights', MSL_MW,
  turn('side effects mentioned in my october notes', [insights({ topic: 'side', from: OCTOBER.from, to: OCTOBER.to })]),
  turn('what about the month before', [insights({ topic: 'side', from: SEPTEMBER.from, to: SEPTEMBER.to })]),
  turn('just the top three themes from that month', [themes(3, { topic: 'side', from: SEPTEMBER.from, to: SEPTEMBER.to })]),
);
{
  const u = MSL_NE;
  const a = whoLast(u);
  const b = whoLast(u, hasRecord('msl_meeting', 'medical'));
  msl('medical_consent', u,
    turn(`medical phone consent for ${nm(a)}`, [med(a, 'phone')], consentFacts(a.hcp, 'phone', 'medical')),
    turn(`scratch that, it's ${nm(b)} i need`, [med(b, 'phone')], consentFacts(b.hcp, 'phone', 'medical')),
    turn(`what about an msl meeting with ${b.obj}`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical')),
  );
}
{
  const u = MSL_W;
  const p = who(u, inSpecialties('Child Neurology', 'Pediatrics'));
  msl('ae_report', u,
    turn(`${dr(p)} flagged a case to me after the symposium — a patient on ${brand(p)}`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('patient details: girl, eight years old', [reportAe({ patientAge: 8, patientSex: 'female' })]),
    turn('event: markedly raised liver enzymes', [reportAe()]),
    turn('please file it now', [reportAe({ submit: true })]),
  );
}
msl('insights', MSL_MW,
  turn("what's being said about tecfidera in my notes", [insights({ product: 'tecfidera' })]),
  turn('use a 90-day window instead', [insights({ product: 'tecfidera', period: 'last_90_days' })]),
  turn('restrict that to the neurology docs', [insights({ product: 'tecfidera', period: 'last_90_days', specialty: 'neurology' })]),
);
{
  const u = MSL_W;
  const p = who(u);
  msl('next_action', u,
    turn(`${nm(p)} may present at our medical education program — profile please`, [lookup(p)]),
    turn(`medically, what's the best next step with ${p.obj}`, [next(p.id)]),
    turn('agreed, accept that one', [feedback('accept')]),
  );
}
{
  const u = MSL_NE;
  const p = who(u, both(allowed('email', 'medical'), inSpecialties('Hematology & Oncology')));
  msl('medical_draft', u,
    turn('medical letter on imbruvica with anticoagulants', [medSearch('imbruvica')]),
    turn(`is ${nm(p)} ok to receive a medical email`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('draft it with that letter', [medDraft(p, 'email')]),
  );
}
msl('insights', MSL_MW,
  turn('which competing drugs have my HCPs named since october 1', [insights({ topic: 'compet', period: 'this_quarter' })]),
  turn('how did the previous quarter compare', [insights({ topic: 'compet', period: 'last_quarter' })]),
  turn('which of our products are they up against most', []),
);
msl('adverse_events', MSL_W,
  turn('possible AEs in my notes from the last week', [insights({ period: 'last_7_days' })], ae(MSL_W, 'last_7_days')),
  turn('now the past two months', [insights({ period: 'last_60_days' })], ae(MSL_W, 'last_60_days')),
  turn('narrow those to imbruvica mentions', [insights({ product: 'imbruvica', period: 'last_60_days' })], ae(MSL_W, 'last_60_days', 'prod-imbruvica')),
);
msl('insights', MSL_NE,
  turn('gilenya label change: what are my neurologists raising since november 1', [insights({ product: 'gilenya', specialty: 'neurology', from: '2026-11-01' })]),
  turn('widen to every specialty', [insights({ product: 'gilenya', from: '2026-11-01' })]),
  turn('and from the start of september', [insights({ product: 'gilenya', from: SEPTEMBER.from })]),
);
{
  const u = MSL_MW;
  const first = nth(unansweredOf(u, { period: 'last_30_days' }), 0);
  msl('insights', u,
    turn('pending medical questions from my HCPs, past 30 days', [insights({ period: 'last_30_days' })]),
    turn('first on that list — brief me', [lookupId(first)], [nameOf(first)]),
    turn('are they open to an msl visit, per consent', [checkId(first, 'msl_meeting', 'medical')], idFacts(first, 'msl_meeting', 'medical')),
  );
}

// --- Medical affairs.
msl('medical_follow_up_rate', MA,
  turn('medical follow-up rate in september', [mfu({ period: SEPTEMBER })]),
  turn('how does that compare with august', [mfu({ period: SEPTEMBER, compareTo: AUGUST })]),
  turn('now break it out per region', [mfu({ period: SEPTEMBER, compareTo: AUGUST, dimension: 'territory' })]),
  turn('keytruda inquiries only', [mfu({ period: SEPTEMBER, compareTo: AUGUST, dimension: 'territory', filters: { product: 'keytruda' } })]),
);
msl('adverse_events', MA,
  turn('possible AEs on stelara, last 90 days', [insights({ product: 'stelara', period: 'last_90_days' })], ae(MA, 'last_90_days', 'prod-stelara')),
  turn('keep it to the midwest territory', [insights({ product: 'stelara', period: 'last_90_days', territory: 'T-MW' })], aeIn(MA, { product: 'stelara', period: 'last_90_days', territory: 'T-MW' })),
  turn('swap to the northeast', [insights({ product: 'stelara', period: 'last_90_days', territory: 'T-NE' })], aeIn(MA, { product: 'stelara', period: 'last_90_days', territory: 'T-NE' })),
);
msl('insights', MA,
  turn("what's the field saying about kalydeco this quarter", [insights({ product: 'kalydeco', period: 'this_quarter' })]),
  turn('switch the product to cerdelga', [insights({ product: 'cerdelga', period: 'this_quarter' })]),
  turn('just what the geneticists said', [insights({ product: 'cerdelga', period: 'this_quarter', specialty: 'genetics' })]),
);
{
  const p = who(MA);
  msl('ae_report', MA,
    turn(`a field colleague says ${nm(p)} saw a serious reaction to ${brand(p)}`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('the patient: male, 58', [reportAe({ patientAge: 58, patientSex: 'male' })]),
    turn('event was heart failure — submit it', [reportAe({ submit: true })]),
  );
}
{
  const ids = unansweredOf(MA, { territory: 'T-NE' });
  const index = ids.length >= 2 ? 1 : 0;
  const id = nth(ids, index);
  const [calls, facts] = medDraftOrCheck(id, 'email');
  msl('insights', MA,
    turn("northeast HCPs whose medical questions we haven't answered", [insights({ territory: 'T-NE' })]),
    turn(`who's the ${ORDINAL[index]} name there`, [lookupId(id)], [nameOf(id)]),
    turn('medical email to them, please draft', calls, facts),
  );
}
msl('medical_follow_up_rate', MA,
  turn('medical follow-up rate per segment this year', [mfu({ dimension: 'segment', period: 'year_to_date' })]),
  turn('by inquiry channel instead', [mfu({ dimension: 'channel', period: 'year_to_date' })]),
  turn('last 30 days only', [mfu({ dimension: 'channel', period: 'last_30_days' })]),
);
{
  const p = who(MA, hasRecord('msl_meeting', 'medical'));
  msl('brief', MA,
    turn(`${nm(p)} could speak at our medical symposium — profile`, [lookup(p)]),
    turn(`do we hold msl meeting consent for ${p.obj}`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
    turn('phone calls from medical ok too?', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
  );
}
msl('insights', MA,
  turn('safety topics across the field, last 30 days', [insights({ topic: 'safety', period: 'last_30_days' })]),
  turn('switch the topic to dosing', [insights({ topic: 'dosing', period: 'last_30_days' })]),
  turn('and just the west territory', [insights({ topic: 'dosing', period: 'last_30_days', territory: 'T-W' })]),
);
msl('medical_follow_up_rate', MA,
  turn('medical follow-up this quarter so far', [mfu({ period: 'quarter_to_date' })]),
  turn('how did the same stretch of last year look', [mfu({ period: 'quarter_to_date', compareTo: 'previous_year' })]),
  turn('break it down by product', [mfu({ period: 'quarter_to_date', compareTo: 'previous_year', dimension: 'product' })]),
);
{
  const p = who(MA, both(allowed('email', 'medical'), inSpecialties('Neurology', 'Child Neurology')));
  msl('medical_draft', MA,
    turn(`medical response on ${brand(p)} and infections`, [medSearch(brand(p))]),
    turn(`can we send ${nm(p)} that by email, consent-wise`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('draft the medical email with it', [medDraft(p, 'email')]),
  );
}

// --- Managers and the admin.
mgr('performance', EAST,
  turn('regional review: engagement rate by territory last quarter', [perf({ metric: 'engagement_rate', dimension: 'territory', period: 'last_quarter' })]),
  turn('year-over-year on that please', [perf({ metric: 'engagement_rate', dimension: 'territory', period: 'last_quarter', compareTo: 'previous_year' })]),
  turn('same thing for reach please', [perf({ metric: 'reach', dimension: 'territory', period: 'last_quarter', compareTo: 'previous_year' })]),
  turn('restrict to docs with an oncology specialty', [perf({ metric: 'reach', dimension: 'territory', period: 'last_quarter', compareTo: 'previous_year', filters: { specialty: 'oncology' } })]),
);
mgr('performance', WEST,
  turn("we're splitting the west between jamie prescott and jordan soto — jamie's reach this quarter", [perf({ metric: 'reach', period: 'quarter_to_date', filters: { rep: 'u-rep-w-1' } })]),
  turn("now jordan's", [perf({ metric: 'reach', period: 'quarter_to_date', filters: { rep: 'u-rep-w-2' } })]),
  turn('put them side by side, rep by rep', [perf({ metric: 'reach', period: 'quarter_to_date', dimension: 'rep' })]),
);
mgr('maturity', ADMIN,
  turn('budget season: where are we on maturity', [maturity], [maturityStage(ADMIN)]),
  turn('only look at the last 90 days for that', [{ name: 'assess_maturity', args: { periodDays: 90 } }]),
  turn('and over the whole year', [{ name: 'assess_maturity', args: { periodDays: 365 } }]),
);
{
  const city = cityWith(EAST, {}, 5);
  const first = nth(planFiltered(EAST, { city }), 0);
  mgr('plan', EAST,
    turn('top 10 docs across my team right now', [plan()]),
    turn(`only the ones in ${city}`, [planBy({ city })]),
    turn('first there — can we phone them', [checkId(first, 'phone')], [nameOf(first), ...idFacts(first, 'phone')]),
  );
}
mgr('performance', EAST,
  turn("holiday coverage check — casey's dead end rate over the last 30 days", [perf({ metric: 'dead_end_rate', period: 'last_30_days', filters: { rep: 'u-rep-ne-2' } })]),
  turn("sorry — taylor's, not casey's", [perf({ metric: 'dead_end_rate', period: 'last_30_days', filters: { rep: 'u-rep-ne-1' } })]),
  turn('and the whole team broken out per rep', [perf({ metric: 'dead_end_rate', period: 'last_30_days', dimension: 'rep' })]),
);
mgr('performance', WEST,
  turn('monthly follow-up rate trend for 2026', [perf({ metric: 'follow_up_rate', dimension: 'month', period: 'year_to_date' })]),
  turn('just since september', [perf({ metric: 'follow_up_rate', dimension: 'month', period: SINCE_SEPTEMBER })]),
  turn('make it weekly buckets', [perf({ metric: 'follow_up_rate', dimension: 'week', period: SINCE_SEPTEMBER })]),
);
mgr('performance', ADMIN,
  turn('what share of hcps have whatsapp opt-in, per territory', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'whatsapp' } })]),
  turn('same for text messages', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'sms' } })]),
  turn('break the sms one down by segment instead', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'sms' } })]),
);
{
  const p = who(WEST);
  mgr('feedback', WEST,
    turn(`jamie prescott and i are visiting ${nm(p)} monday, what should i know`, [lookup(p)]),
    turn("what's omni telling us to do with that account", [next(p.id)]),
    turn(`${subjIs(p)} out until mid-december — snooze it to the 14th`, [snooze('2026-12-14')]),
  );
}
{
  const p = who(EAST);
  mgr('ae_report', EAST,
    turn(`at the speaker dinner last night ${dr(p)} told me about a patient on ${brand(p)} with a severe rash`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("patient's a 40 year old woman", [reportAe({ patientAge: 40, patientSex: 'female' })]),
    turn('go ahead and submit the report', [reportAe({ submit: true })]),
  );
}
mgr('performance', ADMIN,
  turn('open rates per brand over the trailing 90 days', [perf({ metric: 'email_open_rate', dimension: 'product', period: 'last_90_days' })]),
  turn('what about clicks', [perf({ metric: 'email_click_rate', dimension: 'product', period: 'last_90_days' })]),
  turn('vs the same 90 days last year', [perf({ metric: 'email_click_rate', dimension: 'product', period: 'last_90_days', compareTo: 'previous_year' })]),
);
mgr('performance', EAST,
  turn('this quarter, are any segments getting too many touchpoints', [perf({ metric: 'over_contacted', dimension: 'segment', period: 'quarter_to_date' })]),
  turn('only count oncology docs', [perf({ metric: 'over_contacted', dimension: 'segment', period: 'quarter_to_date', filters: { specialty: 'oncology' } })]),
  turn('and by rep rather than segment', [perf({ metric: 'over_contacted', dimension: 'rep', period: 'quarter_to_date', filters: { specialty: 'oncology' } })]),
);
{
  const flag = { flag: 'open_medical_question' } as const;
  const ids = planFiltered(ADMIN, flag, 5);
  let index: number;
  let named: string;
  try {
    index = firstIndex(ids, (hcp) => SPECIALIST[hcp.specialty] !== undefined && sharing(ids, 'specialty')(hcp) === 1);
    named = `the ${SPECIALIST[store.hcps.getById(nth(ids, index))!.specialty]} in there`;
  } catch {
    index = Math.min(2, ids.length - 1);
    named = `the ${ORDINAL[index]} one`;
  }
  const id = nth(ids, index);
  mgr('plan', ADMIN,
    turn('company-wide: hcps with an open medical question', [planBy(flag)]),
    turn('keep just five', [planBy({ ...flag, limit: 5 })]),
    turn(`${named} — profile`, [lookupId(id)], [nameOf(id)]),
  );
}
mgr('performance', WEST,
  turn('webinar attendance in Q3', [perf({ metric: 'webinar_attendance', period: Q3 })]),
  turn('compared with Q2', [perf({ metric: 'webinar_attendance', period: Q3, compareTo: Q2 })]),
  turn('show the specialty split for those numbers', [perf({ metric: 'webinar_attendance', period: Q3, compareTo: Q2, dimension: 'specialty' })]),
);
mgr('performance', EAST,
  turn('nba acceptance by rep, last 30 days', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'last_30_days' })]),
  turn('and median time to follow-up, same breakdown', [perf({ metric: 'median_time_to_follow_up', dimension: 'rep', period: 'last_30_days' })]),
  turn('northeast reps only', [perf({ metric: 'median_time_to_follow_up', dimension: 'rep', period: 'last_30_days', filters: { territory: ['T-NE'] } })]),
);

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (40).

{
  // Rep (16).
  ok(W1, 'which docs should i be hammering before thanksgiving', [plan()]);
  const a = who(MW2);
  ok(MW2, `${nm(a)} has been dodging me for weeks — how do i corner ${a.obj}`, [next(a.id)]);
  const b = who(NE2);
  ok(NE2, `trash the recommendation for ${nm(b)}, ${subjHas(b)} moved abroad`, [next(b.id), feedback('dismiss')]);
  ok(W2, "xeljanz blood clot deaths — what's the approved language", [search({ query: 'xeljanz' })]);
  ok(NE1, 'approved ISI text on keytruda immune-mediated deaths', [search({ query: 'keytruda' })]);
  const c = who(MW1, hasRecord('sms'));
  ok(MW1, `could texting ${nm(c)} get me fired`, [check(c, 'sms')], consentFacts(c.hcp, 'sms'));
  {
    const city = cityWith(W1, {}, 6);
    ok(W1, `hit list for ${city}`, [planBy({ city })]);
  }
  const d = who(MW2);
  ok(MW2, `i want the dirt on ${nm(d)} — full profile`, [lookup(d)]);
  ok(NE2, 'which docs have gone dark on me', [planBy({ flag: 'dead_end' })]);
  ok(W2, 'approved gilenya warnings on the heart slowing down', [search({ query: 'gilenya' })]);
  const f = who(NE1, hasRecord('phone'));
  ok(NE1, `am i violating anything if i call ${nm(f)}`, [check(f, 'phone')], consentFacts(f.hcp, 'phone'));
  ok(MW1, 'attack plan for my overdue follow-ups', [planBy({ flag: 'follow_up_due' })]);
  const g = who(W1, allowed('email'));
  ok(W1, `draft a killer email to ${nm(g)}`, [draft(g, 'email')]);
  ok(MW2, 'blow up my plan and rebuild it with 12 names', [plan(12)]);
  const h = who(NE2);
  ok(NE2, `${nm(h)} is a tough nut, what's the winning move`, [next(h.id)]);
  ok(W2, "stalk list: docs i haven't visited in ages", [planBy({ flag: 'no_recent_visit' })]);
}
{
  // MSL (8).
  ok(MSL_NE, 'deaths mentioned in my notes over the last 90 days', [insights({ period: 'last_90_days' })], ae(MSL_NE, 'last_90_days'));
  ok(MSL_W, 'doctors furious about gilenya monitoring', [insights({ product: 'gilenya' })]);
  ok(MSL_MW, "who's bad-mouthing stelara", [insights({ product: 'stelara' })]);
  const a = who(MSL_NE);
  ok(MSL_NE, `quiz me about ${nm(a)} so i don't embarrass myself at the symposium`, [lookup(a)]);
  const b = who(MSL_W, hasRecord('msl_meeting', 'medical'));
  ok(MSL_W, `can i ambush ${nm(b)} after the session for an msl meeting, consent-wise`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_MW, 'overdose mentions with tecfidera in my notes', [insights({ product: 'tecfidera' })]);
  ok(MSL_NE, 'medical response on keytruda fatal pneumonitis', [medSearch('keytruda')]);
  ok(MSL_W, 'notes about patients dying on imbruvica', [insights({ product: 'imbruvica' })]);
}
{
  // Medical affairs (7).
  ok(MA, 'which specialty do we leave hanging longest on medical questions', [mfu({ dimension: 'specialty' })]);
  ok(MA, 'every suicide mention in the field this year', [insights({ period: 'year_to_date' })]);
  ok(MA, 'lawsuits threatened over keytruda in the notes', [insights({ product: 'keytruda' })]);
  ok(MA, 'cancer cases linked to xeljanz in the field', [insights({ product: 'xeljanz' })]);
  ok(MA, 'harshest criticism of cerdelga this year', [insights({ product: 'cerdelga', period: 'year_to_date' })]);
  ok(MA, 'approved medical answer on stelara and death from infection', [medSearch('stelara')]);
  ok(MA, 'find every AE in the last 30 days, no exceptions', [insights({ period: 'last_30_days' })], ae(MA, 'last_30_days'));
}
{
  // Managers and the admin (9).
  ok(EAST, 'which rep is the worst at following up this quarter', [perf({ metric: 'follow_up_rate', dimension: 'rep', period: 'quarter_to_date' })]);
  ok(WEST, 'which reps are flooding their hcps with contacts', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(ADMIN, 'expose the territory with the worst dead end rate', [perf({ metric: 'dead_end_rate', dimension: 'territory' })]);
  ok(EAST, 'is the derm community getting pestered by us? over-contact numbers', [perf({ metric: 'over_contacted', filters: { specialty: 'dermatology' } })]);
  ok(WEST, 'rip our maturity apart — where are we failing', [maturity]);
  ok(ADMIN, "kill list: hcps we've lost for good", [planBy({ flag: 'dead_end' })]);
  ok(EAST, 'are we burning money on keytruda webinars? attendance please', [perf({ metric: 'webinar_attendance', filters: { product: 'keytruda' } })]);
  ok(ADMIN, 'which rep should be fired for low reach', [perf({ metric: 'reach', dimension: 'rep' })]);
  const a = who(WEST, hasRecord('email'));
  ok(WEST, `lawsuit risk if we email ${nm(a)}?`, [check(a, 'email')], consentFacts(a.hcp, 'email'));
}

finish();
