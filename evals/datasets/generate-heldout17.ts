/**
 * Builds the seventeenth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout17.ts
 *
 * Writes persona-heldout17.jsonl and benign-heldout17.jsonl. Written by hand, blind, on 2026-12-08: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports (evals/reports/), the
 * per-case details of earlier runs (*.cases.json), the git history of src/agent and the agent's answers were not read,
 * and neither the agent, the eval runner nor any CLI that answers questions was run on these questions. Only the kit
 * (heldout-kit.ts, heldout-test-support.ts), the shape of generate-heldout16.ts and generate-heldout15.ts (not their
 * wording), heldout16.test.ts, evals/lib/cases.ts, the argument matching of evals/scorers/index.ts, the tools' input
 * schemas (tools/*.ts) and the domain, analytics and demo code that compute the facts were read (and the held-out suite
 * lists in evals/lib/runner.ts, evals/lib/report.ts, evals/run.ts, evals/robustness/run.ts, README.md and
 * evals/datasets/README.md, to register the set); earlier sets' questions only to avoid near-copies. The training-data
 * test (src/agent/local-model/understanding/training-data.test.ts) was run, not read, to find training lines equal to a
 * question.
 *
 * Like the fifteenth and sixteenth sets, it is meant to be reported as representative of real users: a month of
 * ordinary traffic from each persona, mostly plain asks typed the ways people type in Slack or a chat box (terse
 * lowercase, polite full sentences, jargon and abbreviations, two asks in one, follow-ups that refer back), with typos a
 * minority. Reps are about 40% of the single-turn questions, managers a fifth, MSLs and medical affairs the rest.
 * Conversations run 3 to 5 turns and refer back with pronouns, "what about…", "and for X?", "the second one", "ok draft
 * it", corrections, narrowing a list, switching the channel, purpose, period or metric, asking why, and verdicts on a
 * recommendation.
 *
 * Styles new to this set: a rep planning a trip across two cities ("driving to X tuesday and Y wednesday"); someone back
 * from leave ("back from mat leave — what did I miss with X", "back after two weeks off"); last week's activity ("what
 * happened with X last week", "how'd we do last week"); a manager coaching a new rep ("coaching jamie prescott, she's
 * new"); an MSL preparing an advisory board and medical affairs preparing a safety review committee; follow-ups that
 * compare two HCPs ("how does X stack up"), undo ("never mind, back to the full list", "forget the rheums"), or
 * pass a verdict ("good call", "nah, not feeling it"); Canadian and Australian English ("eh", "toque", "colour",
 * "centre", "boxing day", "this arvo", "reckon", "keen", "no dramas", "heaps", "cheers"); voice-dictated
 * run-ons with fillers and no punctuation ("ok um so", "uh", "like"); greetings that open an ask ("morning!", "hey
 * omni, happy friday"); numbered asks ("1) … 2) …"); typos new to this set: the second-to-last letter of a last name
 * dropped ("kowalsi") and brands with a letter dropped ("keytrua", "imbrvica", "stelra", "tecfidra", "kalydco",
 * "cerdega", "xelanz", "gilnya"); snoozes "till boxing day", "till end of month", "until next friday", "for three days",
 * "till december 3rd"; periods "last week", "september vs august", "since november 1", "H2 so far".
 * Capabilities covered: pre-call briefs, next best action and why / why not, consent for every channel and the
 * promotional, medical, events and market research purposes, approved and medical content, follow-up drafts, territory
 * plans and filtered lists, feedback (accept, dismiss with a reason, snooze), field insights and possible adverse events,
 * adverse-event reports, policy questions, manager metrics with periods, comparisons, breakdowns and filters, maturity,
 * out-of-scope asks.
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout17.test.ts).
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
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT17, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout17',
  idPrefix: 'ho17',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT17],
  ...(process.env.OMNI_HELDOUT_OUT_DIR ? { outDir: process.env.OMNI_HELDOUT_OUT_DIR } : {}),
});
const { store, pick, consent, consentFacts, planIds, hasOpenQuestion, hasWebinar, adverseEventNotes, unansweredQuestionHcps, maturityStage, emailOk, hasRecord, notRecommended, recommendation, rep, msl, mgr, ok, finish } = kit;

// Helpers of this set.

type Need = (hcp: Hcp) => boolean;
const always: Need = () => true;
/** Names people type without thinking: no apostrophe, hyphen or space. */
const plain: Need = (hcp) => !/['\- ]/.test(hcp.lastName);
const allowed = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => consent(hcp, channel, purpose).passed;
const blocked = (channel: Channel, purpose: Purpose = 'promotional'): Need => (hcp) => !consent(hcp, channel, purpose).passed;
const inSpecialties = (...specialties: string[]): Need => (hcp) => specialties.includes(hcp.specialty);
const inTerritory = (territory: string): Need => (hcp) => hcp.territory === territory;
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
const fst = (p: Pick) => low(p.first);
/** "Dr. Kowalski", or "Dr. Ana Kowalski" when the last name alone is shared. */
const dr = (p: Pick) => `Dr. ${p.short}`;
/** The question's name for the HCP with a typo in the last name: the first name too when the last name alone is shared. */
const typed = (p: Pick, last: string) => (p.short === p.last ? last : `${fst(p)} ${last}`);
/** "She", "He", "They". */
const Subj = (p: Pick) => (p.subj === 'they' ? 'They' : p.subj === 'she' ? 'She' : 'He');
/** "she's", "he's", "they're". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);
/** "she has", "they have". */
const subjHas = (p: Pick) => (p.subj === 'they' ? 'they have' : `${p.subj} has`);

/** The second-to-last letter of a last name can be dropped: six or more letters. */
const droppable: Need = (hcp) => hcp.lastName.length >= 6 && /^[a-z]+$/i.test(hcp.lastName);
/** The second-to-last letter dropped ("kowalski" → "kowalsi"); the key is the name without its last two letters, which both contain. */
const dropped = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, -2)}${name.at(-1)}`), key: name.slice(0, -2) };
};

/** Brands by specialty: the right name, the name with a letter dropped (new to this set), and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytrua', 'keytr'],
  'Hematology & Oncology': ['imbruvica', 'imbrvica', 'imb'],
  Rheumatology: ['xeljanz', 'xelanz', 'xel'],
  Dermatology: ['stelara', 'stelra', 'stel'],
  Gastroenterology: ['stelara', 'stelra', 'stel'],
  Neurology: ['tecfidera', 'tecfidra', 'tecfid'],
  'Child Neurology': ['gilenya', 'gilnya', 'gil'],
  'Pulmonary Disease': ['kalydeco', 'kalydco', 'kalyd'],
  Pediatrics: ['kalydeco', 'kalydco', 'kalyd'],
  'Medical Genetics': ['cerdelga', 'cerdega', 'cerde'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];

const lookupKey = (hcp: string): Call => ({ name: 'lookup_hcp_profile', args: { hcp } });
const lookupId = (hcpId: string) => lookupKey(store.hcps.getById(hcpId)!.lastName);
const checkId = (hcpId: string, channel: Channel, purpose?: Purpose): Call => ({ name: 'check_consent', args: { hcpId, channel, ...(purpose ? { purpose } : {}) } });
const draftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel } });
const idFacts = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consentFacts(store.hcps.getById(hcpId)!, channel, purpose);
const idAllowed = (hcpId: string, channel: Channel, purpose: Purpose = 'promotional') => consent(store.hcps.getById(hcpId)!, channel, purpose).passed;
const med = (p: Pick, channel: Channel): Call => check(p, channel, 'medical');
const medDraft = (p: Pick, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId: p.id, channel, purpose: 'medical' } });
const medDraftId = (hcpId: string, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId, channel, purpose: 'medical' } });
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
/** Possible adverse events listed for the user over explicit days (listed both without a topic and with "safety"), as kit.adverseEventNotes does for named periods. */
function adverseEventNotesFrom(userId: string, from: string, to: string | undefined = undefined, product: string | null = null, territory: string | null = null): string[] {
  const resolved = resolvePeriod({ from, ...(to ? { to } : {}) }, DEMO_AS_OF);
  const listed = (topic: string | null) =>
    kit.analytics.fieldInsights
      .summarize({ scope: accessScopeFor(kit.user(userId)), period: resolved, previousPeriod: previousPeriod(resolved), product, topic, ...(territory ? { territory } : {}) })
      .possibleAdverseEvents.items.map((item) => item.noteId);
  const withTopic = new Set(listed('safety'));
  return listed(null).filter((noteId) => withTopic.has(noteId));
}
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
const REPS = [W1, MW1, NE2, W2, NE1, MW2];
const MSLS = [MSL_NE, MSL_W, MSL_MW];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Boston', 'Newark', 'Rochester', 'Hartford', 'New York', 'Worcester', 'Philadelphia', 'Pittsburgh'],
  'T-MW': ['Chicago', 'Columbus', 'Minneapolis', 'Detroit', 'Madison', 'Evanston', 'Ann Arbor', 'Cleveland'],
  'T-W': ['Seattle', 'Los Angeles', 'Denver', 'Salt Lake City', 'Portland', 'San Diego', 'Phoenix', 'San Francisco'],
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
/** The first index from `start` of a plan whose HCP passes `need`; fails loudly when none does. */
function firstIndex(ids: string[], need: Need, start = 0): number {
  const index = ids.findIndex((id, position) => position >= start && need(store.hcps.getById(id)!));
  if (index < 0) throw new Error('no plan entry matches');
  return index;
}

// Dates: the demo's "now" is Friday 2026-11-20.
const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };
const AUGUST = { from: '2026-08-01', to: '2026-08-31' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

// ===================================================================================================
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`morning! quick one — am i good to email ${nm(p)}?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`does ${p.name} let us send texts, or is that a no`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`would a cold call to ${nm(p)}'s office be within consent?`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`heading over to ${nm(p)}'s centre this arvo — f2f consent sorted?`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`${nm(p)} whatsapp — green light or not`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`ok um so can i set up a remote detail with ${nm(p)} or do i need consent for that first`, [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail'))],
  [always, (p) => turn(`we're doing a regional dinner program in january. can ${nm(p)} get the invite by email?`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events'))],
  [always, (p) => turn(`market research team wants ${nm(p)} for a paid survey, can i email ${p.obj} the link`, [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research'))],
  [always, (p) => turn(`can i ring ${dr(p)} to invite ${p.obj} to our cme evening?`, [check(p, 'phone', 'events')], consentFacts(p.hcp, 'phone', 'events'))],
  [droppable, (p) => turn(`${dropped(p).typed} — sms consent?`, [lookupKey(dropped(p).key), check(p, 'sms')], consentFacts(p.hcp, 'sms')), 'last'],
  [always, (p) => turn(`1) can i email ${nm(p)} 2) can i text ${p.obj}`, [check(p, 'email'), check(p, 'sms')], [...consentFacts(p.hcp, 'email'), ...consentFacts(p.hcp, 'sms')])],
  [hasRecord('whatsapp'), (p) => turn(`When did ${p.name}'s WhatsApp consent status last change?`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`hey omni, happy friday. is ${nm(p)} opted in for phone calls?`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`toque weather here eh — can i at least whatsapp ${nm(p)} instead of driving over`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`reckon i can text ${nm(p)} about the market research panel?`, [check(p, 'sms', 'market_research')], consentFacts(p.hcp, 'sms', 'market_research'))],
  [always, (p) => turn(`is a whatsapp invite to our ${brand(p)} webinar ok for ${nm(p)}`, [check(p, 'whatsapp', 'events')], consentFacts(p.hcp, 'whatsapp', 'events'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`back from mat leave today — what did i miss with ${nm(p)}?`, [lookup(p)])],
  [always, (p) => turn(`what happened with ${nm(p)} last week? i was out`, [lookup(p)])],
  [always, (p) => turn(`ok um i'm parking at ${nm(p)}'s clinic now can you just give me the basics like who ${p.subj} ${p.subj === 'they' ? 'are' : 'is'} and what we last did`, [lookup(p)])],
  [always, (p) => turn(`Good morning. Could you pull together a pre-call brief on ${p.name} for me?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} — which hospital or centre, and what city`, [lookup(p)], [p.hcp.institution, p.hcp.city])],
  [(hcp) => hcp.segment !== null, (p) => turn(`${nm(p)} — A, B, C or D segment?`, [lookup(p)], [p.hcp.segment!])],
  [always, (p) => turn(`remind me, has ${nm(p)} done any speaker work or trials with us`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`is ${nm(p)} still waiting on that med info answer?`, [lookup(p)])],
  [droppable, (p) => turn(`brief on ${dropped(p).typed} pls`, [lookupKey(dropped(p).key)]), 'last'],
  [hasWebinar, (p) => turn(`did ${nm(p)} come to the webinar? want to mention it when i see ${p.obj}`, [lookup(p)])],
  [always, (p) => turn(`cheers — what's the latest on ${nm(p)}, anything notable in the last month or so?`, [lookup(p)])],
  [always, (p) => turn(`what's ${nm(p)}'s specialty again`, [lookup(p)], [p.hcp.specialty])],
  [always, (p) => turn(`seeing ${dr(p)} after lunch. talking points?`, [lookup(p)])],
  [always, (p) => turn(`how often have we been in touch with ${nm(p)} this year, by channel`, [lookup(p)])],
  [always, (p) => turn(`any notes from my colleagues on ${nm(p)}`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`what's the smart move with ${nm(p)} this week`, [next(p.id)])],
  [always, (p) => turn(`back after two weeks off, where do i pick up with ${nm(p)}?`, [next(p.id)])],
  [always, (p) => turn(`G'day — what would you do next with ${nm(p)}, mate?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} nba, one line`, [next(p.id)])],
  [always, (p) => turn(`so like what should my next touchpoint with ${nm(p)} be i'm kind of stuck`, [next(p.id)])],
  [always, (p) => turn(`Please recommend the next action for ${p.name}, with the reasoning.`, [next(p.id)])],
  [droppable, (p) => turn(`what do i do next w ${dropped(p).typed}`, [lookupKey(dropped(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`is it worth following up with ${nm(p)} at all this month?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} said "get back to me in a few weeks" a while ago. time to reach out?`, [next(p.id)])],
  [always, (p) => turn(`hey, top recommendation for ${dr(p)}?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)}: visit, remote or email — what does the model favour?`, [next(p.id)])],
  [always, (p) => turn(`how do i warm ${nm(p)} back up, ${subjIs(p)} been quiet`, [next(p.id)])],
  [always, (p) => turn(`what's the recommended action for ${nm(p)} and what's it based on`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn('which docs should i prioritise for the week ahead, in order', [plan()], [nameOf(nth(planIds(u), 0))]),
  (u) => {
    const a = cityWith(u, {}, 0);
    const b = cityWith(u, {}, 1);
    return turn(`driving to ${a} tuesday and ${b} wednesday — who's worth a stop in each`, [planBy({ city: a }), planBy({ city: b })]);
  },
  () => turn('just my top 3 please', [plan(3)]),
  () => turn('docs where we never got whatsapp consent', [planBy({ consent: { channel: 'whatsapp', status: 'none' } })]),
  () => turn('hematologists and oncologists by priority', [planBy({ specialty: 'oncology' })]),
  () => turn('C-segment docs with a follow-up overdue', [planBy({ segment: 'C', flag: 'follow_up_due' })]),
  () => turn("anyone i haven't visited in ages?", [planBy({ flag: 'no_recent_visit' })]),
  () => turn('who has an email consent that lapsed', [planBy({ consent: { channel: 'email', status: 'expired' } })]),
  (u) => {
    const city = cityWith(u, { specialty: 'neurology' }, 2);
    return turn(`neurologists around ${city}, ranked`, [planBy({ city, specialty: 'neurology' })]);
  },
  () => turn('give me 7 names for the week, A segment', [planBy({ segment: 'A', limit: 7 })]),
  () => turn('heaps on this week — who matters most?', [plan()]),
  () => turn('which docs have gone quiet on us, dead-end wise', [planBy({ flag: 'dead_end' })]),
  () => turn('pulmonologists who opted out of email', [planBy({ specialty: 'pulmonary', consent: { channel: 'email', status: 'revoked' } })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('approved keytrua dosing card?', [search({ query: 'keytr' })]),
  () => turn('what approved imbruvica materials can i leave behind', [search({ query: 'imbruvica' })]),
  () => turn('mlr-approved stelara email content please', [search({ query: 'stelara', channel: 'email' })]),
  () => turn('is there a tecfidra patient support piece that has been approved?', [search({ query: 'tecfid' })]),
  () => turn('gilenya approved materials, just the top 3', [search({ query: 'gilenya', limit: 3 })]),
  () => turn('cerdelga safety info i can share with a doc', [search({ query: 'cerdelga' })]),
  () => turn('approved kalydco efficacy slide for a lunch and learn', [search({ query: 'kalyd' })]),
  () => turn("what've we got approved on xeljanz for whatsapp", [search({ query: 'xeljanz', channel: 'whatsapp' })]),
  () => turn('anything approved comparing stelara with humira', [search({ query: 'humira' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`write up a thank-you email to ${nm(p)} with the ${brand(p)} efficacy highlights`, [draft(p, 'email')])],
  [allowed('sms'), (p) => turn(`text for ${nm(p)}: short reminder about ${brand(p)} patient support, draft pls`, [draft(p, 'sms')])],
  [blocked('sms'), (p) => turn(`draft a quick sms to ${nm(p)} on ${brand(p)}`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('whatsapp'), (p) => turn(`could you compose a WhatsApp message for ${p.name} about ${brand(p)} access?`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`thanks-for-attending email to ${nm(p)} after the webinar, please`, [draft(p, 'email')])],
  [blocked('whatsapp'), (p) => turn(`need a whatsapp to ${nm(p)} with the ${brand(p)} dosing info, can you write it`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [allowed('email'), (p) => turn(`draft an email to ${nm(p)} recapping our chat on ${brandTypo(p)}`, [draft(p, 'email')])],
  [allowed('sms'), (p) => turn(`ok um draft a text to ${nm(p)} saying thanks for the time and the ${brand(p)} support info`, [draft(p, 'sms')])],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`brief on ${nm(p)} + the nba please`, [lookup(p), next(p.id)])],
  [always, (p) => turn(`1) what's next with ${nm(p)} 2) is f2f ok`, [next(p.id), check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`approved ${brand(p)} dosing content, and can i whatsapp it to ${nm(p)}?`, [search({ query: brand(p) }), check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`how come the model isn't going with email for ${nm(p)}?`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`${nm(p)} — why not a face-to-face visit?`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'remote_detail')), (p) => turn(`any reason omni's not suggesting a remote detail for ${nm(p)}`, [next(p.id), explain('remote_detail')])],
  [always, (p) => turn(`explain the ${nm(p)} recommendation to me like i'm new`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`good call on ${nm(p)}, accept it`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`dismiss the rec for ${nm(p)}, ${subjIs(p)} moved to a different hospital`, [next(p.id), feedback('dismiss')])],
  // Boxing Day is Saturday 2026-12-26.
  [always, (p) => turn(`${nm(p)}'s away till boxing day, snooze ${p.poss} suggestion till then`, [next(p.id), snooze('2026-12-26')])],
  [always, (p) => turn(`snooze ${nm(p)} till end of month`, [next(p.id), snooze('2026-11-30')])],
  // The next Friday after Friday 2026-11-20.
  [always, (p) => turn(`push ${dr(p)}'s recommendation out until next friday`, [next(p.id), snooze('2026-11-27')])],
  [always, (p) => turn(`nah, not feeling the ${nm(p)} suggestion — dismiss, ${subjHas(p)} no budget for new patients`, [next(p.id), feedback('dismiss')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${dr(p)} told me today that a patient on ${brand(p)} was hospitalised with pancreatitis. how do i report that`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`ok so um ${nm(p)} mentioned a 72 year old man on ${brand(p)} who like passed out twice can you log that`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 72, patientSex: 'male' })])],
  [always, (p) => turn(`a patient sitting in ${nm(p)}'s waiting room told me ${brandTypo(p)} made her hair fall out — i heard it directly`, [reportAe({ reporter: 'employee', product: brandKey(p) })])],
  [always, (p) => turn(`possible AE: ${nm(p)} said a 30-year-old woman on ${brand(p)} developed a bad rash`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 30, patientSex: 'female' })])],
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
  rep('two_asks', userId, turn(`can i phone ${nm(a)} and ${nm(b)}?`, [check(a, 'phone'), check(b, 'phone')], [...consentFacts(a.hcp, 'phone'), ...consentFacts(b.hcp, 'phone')]));
  const userId2 = nextRep();
  const c = whoLast(userId2);
  const d = whoLast(userId2);
  rep('two_asks', userId2, turn(`quick brief on ${nm(c)} and ${nm(d)}, seeing both tomorrow`, [lookup(c), lookup(d)]));
  const userId3 = nextRep();
  const top = nth(planIds(userId3), 0);
  rep('two_asks', userId3, turn('who tops my list, and is an email to them ok?', [plan(), checkId(top, 'email')], [nameOf(top), ...idFacts(top, 'email')]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn('what was my reach last week', [perf({ metric: 'reach', period: 'last_7_days' })]));

for (const question of [
  "can i leave samples with a doctor's receptionist if the doctor is out",
  'is it ok to accept a linkedin connection request from a doctor i call on',
  "a doctor's nurse helps me book meetings — can i give her a coffee gift card as thanks",
  'is there a rule about texting doctors late in the evening',
  'can i tell a doctor how another doctor in town is using our drug',
]) rep('policy', nextRep(), policy(question));
for (const question of ['book me a flight to denver for monday', 'how many cups are in a litre', 'who won the hockey game last night eh']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn('back after two weeks off — what did my HCPs bring up while i was away', [insights({ period: 'last_14_days' })]),
  () => turn('what did my docs talk about last week', [insights({ period: 'last_7_days' })]),
  () => turn('prepping an advisory board on stelara: what are dermatologists telling me', [insights({ product: 'stelara', specialty: 'dermatology' })]),
  () => turn('just the 3 leading themes from my field conversations so far this quarter', [themes(3, { period: 'this_quarter' })]),
  () => turn('how are my neurologists feeling about tecfidra lately', [insights({ product: 'tecfid', specialty: 'neurology' })]),
  () => turn('access and reimbursement issues raised in the last 90 days', [insights({ topic: 'access', period: 'last_90_days' })]),
  () => turn('field insights since november 1', [insights({ from: '2026-11-01' })]),
  () => turn('off-label asks from my HCPs this year', [insights({ topic: 'off', period: 'year_to_date' })]),
  () => turn('what are my pulmonologists saying about kalydeco', [insights({ product: 'kalydeco', specialty: 'pulmonary' })]),
  () => turn('Which competitors have come up in my conversations over the past 60 days?', [insights({ topic: 'compet', period: 'last_60_days' })]),
  () => turn('positive comments on imbruvica this quarter', [insights({ product: 'imbruvica', topic: 'positive', period: 'this_quarter' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_W, (u) => turn('any AE-type mentions in my notes from last week?', [insights({ period: 'last_7_days' })], ae(u, 'last_7_days'))],
  [MSL_NE, (u) => turn('anything that reads like an adverse event in my november notes', [insights({ period: 'this_month' })], ae(u, 'this_month'))],
  [MSL_MW, (u) => turn('anything in my xeljanz notes that pv should see, last 90 days', [insights({ product: 'xeljanz', period: 'last_90_days' })], ae(u, 'last_90_days', 'prod-xeljanz'))],
  [MSL_W, (u) => turn('reportable side effects in my notes since november 1', [insights({ from: '2026-11-01' })], adverseEventNotesFrom(u, '2026-11-01'))],
  [MSL_NE, (u) => turn('monthly PV reconciliation — AEs from the last 30 days please', [insights()], ae(u, 'last_30_days'))],
];
const mslBrief: Ask[] = [
  [always, (p) => turn(`advisory board shortlist: is ${nm(p)} a good fit? background please`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`what medical question is open for ${nm(p)}`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: publications, trials, speaker history?`, [lookup(p)])],
  [droppable, (p) => turn(`${dropped(p).typed} — medical profile?`, [lookupKey(dropped(p).key)]), 'last'],
  [always, (p) => turn(`back from leave, catching up — what's happened with ${nm(p)} recently`, [lookup(p)])],
  [always, (p) => turn(`Could you tell me which institution ${p.name} is affiliated with?`, [lookup(p)], [p.hcp.institution])],
  [always, (p) => turn(`${nm(p)} tier + influence, quick`, [lookup(p)])],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`can i book an msl meeting with ${nm(p)} for the advisory board prep?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`may i send ${dr(p)} a medical reprint by email?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`${nm(p)} wants to talk through the data by phone — medical consent there?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`medical consent for a video call with ${nm(p)}?`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical'))],
  [always, (p) => turn(`ok to answer ${nm(p)}'s medical question over whatsapp`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
  [always, (p) => turn(`can i text ${nm(p)} a medical follow-up`, [med(p, 'sms')], consentFacts(p.hcp, 'sms', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('medical response letter on keytruda and thyroid problems', [medSearch('keytruda')]),
  () => turn('do we have an MI response on gilenya and macular edema', [medSearch('gilenya')]),
  () => turn('xeljanz medical info — the approved response, top 2', [search({ query: 'xeljanz', purpose: 'medical', limit: 2 })]),
  () => turn('eliglustat medical response?', [medSearch()]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`write a medical follow-up email to ${nm(p)} covering ${brand(p)} dosing`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`send ${nm(p)} the ${brand(p)} medical response by email — draft please`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`Please draft a medical email to ${p.name} with the ${brand(p)} safety data.`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`at the advisory board ${nm(p)} described a patient on ${brand(p)} with kidney failure, 63, female. report it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 63, patientSex: 'female' })])],
  [always, () => turn('a patient at our symposium booth told me herself that imbruvica gave her heart palpitations — file it even if incomplete', [reportAe({ reporter: 'employee', product: 'imbruvica', submit: true })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn('my own medical follow-up numbers for last quarter, how did i do', [mfu({ period: 'last_quarter' })]));
for (const question of [
  'can i share a preprint with a doctor who asks for it',
  'is it ok to talk about a pipeline drug with a kol over dinner',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('find me a hotel near the convention centre in vancouver'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('safety review committee prep: safety themes across all regions, last 90 days', [insights({ topic: 'safety', period: 'last_90_days' })]),
  turn('what did the field hear last week', [insights({ period: 'last_7_days' })]),
  turn('rheumatology insights this quarter', [insights({ specialty: 'rheumatology', period: 'this_quarter' })]),
  turn('kalydeco access themes, year to date', [insights({ product: 'kalydeco', topic: 'access', period: 'year_to_date' })]),
  turn('H2 so far, top 6 field themes', [themes(6, { from: '2026-07-01' })]),
  turn('how are dermatologists talking about stelra', [insights({ product: 'stel', specialty: 'dermatology' })]),
  turn('competitor mentions in the northeast this month', [insights({ topic: 'compet', territory: 'T-NE', period: 'this_month' })]),
  turn('dosing questions on gilenya over the last 180 days', [insights({ product: 'gilenya', topic: 'dosing', period: 'last_180_days' })]),
  turn('which midwest HCPs are still owed a medical answer', [insights({ territory: 'T-MW' })]),
  turn('field themes on tecfidera in september', [insights({ product: 'tecfidera', from: SEPTEMBER.from, to: SEPTEMBER.to })]),
];
const maAe: TurnInput[] = [
  turn('for the safety review: every possible AE in the past 30 days, all regions', [insights()], ae(MA, 'last_30_days')),
  turn('keytruda: anything AE-like from the field since the quarter began', [insights({ product: 'keytruda', period: 'this_quarter' })], ae(MA, 'this_quarter', 'prod-keytruda')),
  turn('AE signals on gilenya in field notes, last 6 months', [insights({ product: 'gilenya', period: 'last_180_days' })], ae(MA, 'last_180_days', 'prod-gilenya')),
  turn('potential adverse events since november 1', [insights({ from: '2026-11-01' })], adverseEventNotesFrom(MA, '2026-11-01')),
  turn('stelara AE candidates, past 3 months', [insights({ product: 'stelara', period: 'last_90_days' })], ae(MA, 'last_90_days', 'prod-stelara')),
  turn('possible adverse events from last week, all products', [insights({ period: 'last_7_days' })], ae(MA, 'last_7_days')),
];
const maFollowUp: TurnInput[] = [
  turn('past 7 days: share of medical inquiries we followed up on', [mfu({ period: 'last_7_days' })]),
  turn('which territory follows up best on medical inquiries, quarter to date', [mfu({ dimension: 'territory', period: 'quarter_to_date' })]),
  turn('medical follow-up for stelara inquiries year to date', [mfu({ period: 'year_to_date', filters: { product: 'stelara' } })]),
  turn('how did medical follow-up in september compare with august', [mfu({ period: SEPTEMBER, compareTo: AUGUST })]),
  turn('trend of medical follow-up across 2026, one row per month', [mfu({ dimension: 'month', period: 'year_to_date' })]),
  turn('west region medical follow-up, last 90 days vs a year ago', [mfu({ period: 'last_90_days', compareTo: 'previous_year', filters: { territory: ['T-W'] } })]),
  turn('medical follow-up rate per specialty, last quarter', [mfu({ dimension: 'specialty', period: 'last_quarter' })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`safety review: background on ${p.name}, who reported to us`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`which question is ${nm(p)} still waiting on`, [lookup(p)])],
  [always, (p) => turn(`${dr(p)} — advisory board candidate? trials and influence please`, [lookup(p)])],
  [droppable, (p) => turn(`profile for ${dropped(p).typed}`, [lookupKey(dropped(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('approved medical response on stelara in pregnancy', [medSearch('stelara')]),
  turn('is there an approved ibrutinib MI letter for HCPs asking about atrial fibrillation', [medSearch()]),
  turn('MI response on cerdelga and CYP2D6', [medSearch('cerdelga')]),
  turn('tecfidera medical responses, top 3', [search({ query: 'tecfidera', purpose: 'medical', limit: 3 })]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`does medical have the ok to email ${nm(p)}`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`${nm(p)}: any record of agreeing to sit down with an MSL?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`can medical phone ${dr(p)} about ${p.poss} inquiry`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA);
  msl('ae_report', MA, turn(`rep escalation: ${nm(p)} reported a patient on ${brand(p)} with anaphylaxis, 27-year-old male. log it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 27, patientSex: 'male' })]));
  const q = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA, turn(`${nm(q)} asked medical about ${brand(q)} — write the reply as a medical email`, [medDraft(q, 'email')]));
}
for (const question of [
  'how many days do we have to report a serious adverse event to the regulator',
  'can an msl pass a sales lead to a rep',
  'do we need to log a medical inquiry that came in by whatsapp',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('summarise the plot of the movie oppenheimer'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn("how'd the team do on reach last week", [perf({ metric: 'reach', period: 'last_7_days' })])],
  [EAST, turn('follow-up rate, september vs august', [perf({ metric: 'follow_up_rate', period: SEPTEMBER, compareTo: AUGUST })])],
  [EAST, turn('coaching jamie ng — her engagement rate this quarter', [perf({ metric: 'engagement_rate', period: 'quarter_to_date', filters: { rep: 'u-rep-mw-2' } })])],
  [EAST, turn('email open rate by segment, last 90 days', [perf({ metric: 'email_open_rate', dimension: 'segment', period: 'last_90_days' })])],
  [EAST, turn("per rep, how often were omni's suggestions accepted last month", [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'last_month' })])],
  [EAST, turn('dead end rate in the northeast, ytd', [perf({ metric: 'dead_end_rate', period: 'year_to_date', filters: { territory: ['T-NE'] } })])],
  [EAST, turn('segment by segment, how many of our docs have opted into whatsapp', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'whatsapp' } })])],
  [EAST, turn('how quickly do we follow up, median days, by territory', [perf({ metric: 'median_time_to_follow_up', dimension: 'territory' })])],
  [EAST, turn('did keytruda webinars draw a crowd last quarter? attendance please', [perf({ metric: 'webinar_attendance', period: 'last_quarter', filters: { product: 'keytruda' } })])],
  [EAST, turn('over-contacted hcps by territory, last 30 days', [perf({ metric: 'over_contacted', dimension: 'territory' })])],
  [EAST, turn('touches per hcp for taylor brandt this quarter', [perf({ metric: 'frequency', period: 'quarter_to_date', filters: { rep: 'u-rep-ne-1' } })])],
  [EAST, turn('Q3: how many hcps moved up the engagement ladder across channels', [perf({ metric: 'cross_channel_progression', period: Q3 })])],
  [EAST, turn('click rate on emails to rheumatologists, ytd', [perf({ metric: 'email_click_rate', period: 'year_to_date', filters: { specialty: 'rheumatology' } })])],
  [EAST, turn('casey ellison vs jordan ferreira on follow-up rate', [perf({ metric: 'follow_up_rate', dimension: 'rep' })])],
  [WEST, turn('coaching jamie prescott, she\'s new — her follow-up rate last 90 days', [perf({ metric: 'follow_up_rate', period: 'last_90_days', filters: { rep: 'u-rep-w-1' } })])],
  [WEST, turn('last month\'s engagement, split by hcp segment', [perf({ metric: 'engagement_rate', dimension: 'segment', period: 'last_month' })])],
  [WEST, turn('email opens last week', [perf({ metric: 'email_open_rate', period: 'last_7_days' })])],
  [WEST, turn('dead end rate week by week this quarter', [perf({ metric: 'dead_end_rate', dimension: 'week', period: 'quarter_to_date' })])],
  [WEST, turn('what share of neurologists have phone consent', [perf({ metric: 'consent_coverage', filters: { channel: 'phone', specialty: 'neurology' } })])],
  [WEST, turn('nba acceptance for jordan soto, year to date', [perf({ metric: 'nba_acceptance_rate', period: 'year_to_date', filters: { rep: 'u-rep-w-2' } })])],
  [WEST, turn('reach by product in september', [perf({ metric: 'reach', dimension: 'product', period: SEPTEMBER })])],
  [WEST, turn('over-contacted hcps among A-segment docs', [perf({ metric: 'over_contacted', filters: { segment: 'A' } })])],
  [WEST, turn('webinar turnout by month since january', [perf({ metric: 'webinar_attendance', dimension: 'month', period: 'year_to_date' })])],
  [ADMIN, turn('reach by territory, last quarter vs the same quarter last year', [perf({ metric: 'reach', dimension: 'territory', period: 'last_quarter', compareTo: 'previous_year' })])],
  [ADMIN, turn('follow-up rate for casey ellison last month', [perf({ metric: 'follow_up_rate', period: 'last_month', filters: { rep: 'u-rep-ne-2' } })])],
  [ADMIN, turn('median time to follow-up company-wide, last 365 days', [perf({ metric: 'median_time_to_follow_up', period: 'last_365_days' })])],
  [ADMIN, turn('consent coverage in the midwest by channel', [perf({ metric: 'consent_coverage', dimension: 'channel', filters: { territory: ['T-MW'] } })])],
  [ADMIN, turn('engagement by product, H2 so far', [perf({ metric: 'engagement_rate', dimension: 'product', period: { from: '2026-07-01', to: '2026-11-20' } })])],
  [ADMIN, turn('contact frequency by specialty, last 90', [perf({ metric: 'frequency', dimension: 'specialty', period: 'last_90_days' })])],
  [ADMIN, turn('email click-through by week for cerdelga this quarter', [perf({ metric: 'email_click_rate', dimension: 'week', period: 'quarter_to_date', filters: { product: 'cerdelga' } })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('what omnichannel maturity stage are we at right now', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('assess our maturity on a 90-day lookback', [{ name: 'assess_maturity', args: { periodDays: 90 } }]));
mgr('maturity', ADMIN, turn("what's the one thing that would lift us to the next maturity level", [maturity]));
mgr('maturity', EAST, turn('maturity scorecard by dimension, please', [maturity]));
mgr('maturity', WEST, turn('how mature is my team, looking back 120 days', [{ name: 'assess_maturity', args: { periodDays: 120 } }]));

mgr('plan', EAST, turn('top 12 hcps for the team right now', [plan(12)], [nameOf(nth(planIds(EAST, 12), 0))]));
mgr('plan', WEST, turn('dead-end docs across my team', [planBy({ flag: 'dead_end' })]));
{
  const city = cityWith(EAST, { specialty: 'neurology' }, 3);
  mgr('plan', EAST, turn(`neurologists in ${city} the team should get to`, [planBy({ city, specialty: 'neurology' })]));
}
mgr('plan', ADMIN, turn('B-segment docs company-wide with an open medical question', [planBy({ segment: 'B', flag: 'open_medical_question' })]));
mgr('plan', WEST, turn('C segment docs nobody has visited in a while', [planBy({ segment: 'C', flag: 'no_recent_visit' })]));
mgr('plan', EAST, turn('docs whose sms consent expired, top 6', [planBy({ consent: { channel: 'sms', status: 'expired' }, limit: 6 })]));

{
  const a = who(EAST, inTerritory('T-MW'));
  mgr('brief', EAST, turn(`coaching jordan on ${nm(a)} before friday's visit — background?`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`what happened with ${nm(b)} last week? a rep escalated`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${nm(c)}: what's ${c.poss} specialty and hospital`, [lookup(c)], [c.hcp.specialty, c.hcp.institution]));
  const d = who(EAST, inTerritory('T-NE'));
  mgr('next_action', EAST, turn(`taylor's asking me how to play ${nm(d)} next — omni's view?`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`recommended next step for ${dr(e)}, for my 1:1 with jordan`, [next(e.id)]));
  const f = who(EAST);
  mgr('consent', EAST, turn(`quick compliance check for the team: sms to ${nm(f)} allowed?`, [check(f, 'sms')], consentFacts(f.hcp, 'sms')));
  const g = who(ADMIN, hasRecord('phone'));
  mgr('consent', ADMIN, turn(`has ${nm(g)}'s consent to be phoned lapsed or is it current`, [check(g, 'phone')], consentFacts(g.hcp, 'phone')));
  const h = who(WEST);
  mgr('ae_report', WEST, turn(`on a ride-along today ${nm(h)} said a patient on ${brand(h)} had a stroke. we need to report it`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('1) reach last month 2) follow-up rate last month', [perf({ metric: 'reach', period: 'last_month' }), perf({ metric: 'follow_up_rate', period: 'last_month' })]));
mgr('two_asks', WEST, turn('two things for my deck: maturity stage, and how each rep does on accepting suggestions', [maturity, perf({ metric: 'nba_acceptance_rate', dimension: 'rep' })], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('webinar attendance and engagement rate for gilenya this quarter', [perf({ metric: 'webinar_attendance', period: 'quarter_to_date', filters: { product: 'gilenya' } }), perf({ metric: 'engagement_rate', period: 'quarter_to_date', filters: { product: 'gilenya' } })]));

mgr('policy', EAST, policy("can i use a rep's call notes in their performance review"));
mgr('policy', WEST, policy('are reps allowed to ask a doctor to refer them to colleagues'));
mgr('policy', ADMIN, policy('what should we do if a doctor complains a rep visits too often'));
mgr('out_of_scope', EAST, outOfScope('write a haiku about monday mornings'));
mgr('out_of_scope', WEST, outOfScope('convert 250 us dollars to canadian'));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep.
{
  // A trip across two cities, narrowed to one, then the second entry there.
  const u = NE1;
  const a = cityWith(u, {}, 3, 2);
  const b = cityWith(u, {}, 5);
  const ids = planFiltered(u, { city: a }, 3);
  const second = nth(ids, 1);
  const topB = nth(planFiltered(u, { city: b }), 0);
  rep('plan', u,
    turn(`road trip: ${a} on tuesday, ${b} on wednesday. who should i see`, [planBy({ city: a }), planBy({ city: b })]),
    turn(`just ${a} for now, top 3`, [planBy({ city: a, limit: 3 })]),
    turn('the second one there — f2f consent?', [checkId(second, 'field_visit')], [nameOf(second), ...idFacts(second, 'field_visit')]),
    turn('what does omni want me to do once i\'m in front of them', [next(second)]),
    turn(`switching to wednesday: whoever leads the ${b} list, give me a quick brief`, [lookupId(topB)], [nameOf(topB)]),
  );
}
{
  // Back from leave: what was missed, the next step, consent, the draft.
  const u = W1;
  const p = who(u, allowed('email'));
  rep('brief', u,
    turn(`back from parental leave — catch me up on ${nm(p)}`, [lookup(p)]),
    turn('so where do i go from here with them', [next(p.id)]),
    turn(`email still ok for ${p.obj}?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('great, write them an email then', [draft(p, 'email')]),
  );
}
{
  // Two HCPs compared, then the one with email consent.
  const u = MW1;
  const a = whoLast(u, allowed('email'));
  const b = whoLast(u, blocked('email'));
  rep('two_asks', u,
    turn(`${nm(a)} — background and recent touchpoints pls`, [lookup(a)]),
    turn(`how does ${nm(b)} stack up`, [lookup(b)]),
    turn('which of the two can i email?', [check(a, 'email'), check(b, 'email')], [...consentFacts(a.hcp, 'email'), ...consentFacts(b.hcp, 'email')]),
    turn("ok draft an email to the one that's allowed", [draft(a, 'email')]),
  );
}
{
  // Narrowing, then undoing the narrowing, then the third entry.
  const u = NE2;
  const ids = planFiltered(u, { segment: 'A' });
  const third = nth(ids, 2);
  rep('plan', u,
    turn('my A-segment docs', [planBy({ segment: 'A' })]),
    turn('filter those down to neurology', [planBy({ segment: 'A', specialty: 'neurology' })]),
    turn('never mind, back to the full A list', [planBy({ segment: 'A' })]),
    turn("who's third on it and what should i do there", [next(third)], [nameOf(third)]),
  );
}
{
  // A verdict on the recommendation, then the runner-up.
  const u = W2;
  const p = who(u);
  rep('feedback', u,
    turn(`${nm(p)} — what does omni reckon i do this week`, [next(p.id)]),
    turn(`nah, ${subjIs(p)} not a fan of that. dismiss it`, [feedback('dismiss')]),
    turn("what was the runner-up option?", []),
  );
}
{
  // Dictated from the car: an adverse event over three turns.
  const u = MW2;
  const p = who(u);
  rep('ae_report', u,
    turn(`ok so um i just came out of seeing ${dr(p)} and ${p.subj} mentioned one of ${p.poss} patients on ${brand(p)} had like really bad swelling in the face and throat`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('uh the patient is 62 and female i think yeah female', [reportAe({ patientAge: 62, patientSex: 'female' })]),
    turn("yep file it as is, that's all i know", [reportAe({ submit: true })]),
  );
}
{
  // One HCP, the channel switched twice, then the recommendation.
  const u = NE1;
  const p = who(u);
  rep('consent', u,
    turn(`is ${nm(p)} reachable on whatsapp, consent wise`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp')),
    turn('hmm, sms instead?', [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn('and a plain old phone call', [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
    turn('out of all that, which channel does omni rate best for them', [next(p.id)]),
  );
}
{
  // One channel, the purpose switched.
  const u = W1;
  const p = who(u);
  rep('consent', u,
    turn(`${nm(p)} — promo email ok?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn(`it's actually an invite to the ${brand(p)} dinner meeting`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events')),
    turn('and if it were the market research panel instead?', [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research')),
  );
}
{
  // Australian English: a city this afternoon, the top one.
  const u = MW1;
  const city = cityWith(u, {}, 4);
  const top = nth(planFiltered(u, { city }), 0);
  rep('plan', u,
    turn(`g'day — who's worth seeing in ${city} this arvo?`, [planBy({ city })]),
    turn('reckon the top one is keen on a visit? consent ok?', [checkId(top, 'field_visit')], [nameOf(top), ...idFacts(top, 'field_visit')]),
    turn("no dramas — what's the play with them", [next(top)]),
  );
}
{
  // Canadian English: after the long weekend, the first one, phone.
  const u = NE2;
  const city = cityWith(u, {}, 6);
  const top = nth(planFiltered(u, { city }), 0);
  rep('plan', u,
    turn(`heading to ${city} next week eh, who's on my list there`, [planBy({ city })]),
    turn('give me the background on whoever is ranked first', [lookupId(top)], [nameOf(top)]),
    turn('am i allowed to call ahead to book the slot', [checkId(top, 'phone')], idFacts(top, 'phone')),
  );
}
{
  // A draft to the wrong HCP, corrected, then the channel changed.
  const u = W2;
  const a = whoLast(u, allowed('email'));
  const b = whoLast(u, both(allowed('email'), allowed('sms')));
  rep('draft', u,
    turn(`draft a follow-up email to ${nm(a)} about ${brand(a)}`, [draft(a, 'email')]),
    turn(`sorry, wrong doc — ${nm(b)}`, [draft(b, 'email')]),
    turn('make that a text instead', [draft(b, 'sms')]),
  );
}
{
  // Narrowing a list step by step.
  const u = MW2;
  rep('plan', u,
    turn('which of my docs am i late following up with', [planBy({ flag: 'follow_up_due' })]),
    turn('just C segment', [planBy({ flag: 'follow_up_due', segment: 'C' })]),
    turn('cut that down to the two most important', [planBy({ flag: 'follow_up_due', segment: 'C', limit: 2 })]),
  );
}
{
  // Asking why after a plan, then the second entry.
  const u = NE1;
  const ids = planIds(u);
  const top = nth(ids, 0);
  const second = nth(ids, 1);
  rep('plan', u,
    turn('plan my tuesday', [plan()]),
    turn(`why is ${low(nameOf(top))} at the top?`, []),
    turn('ok and #2 — email or phone?', [checkId(second, 'email'), checkId(second, 'phone')], [nameOf(second), ...idFacts(second, 'email'), ...idFacts(second, 'phone')]),
  );
}
{
  // Canadian snooze: the brief, the recommendation, away until Boxing Day.
  const u = W1;
  const p = who(u);
  rep('feedback', u,
    turn(`colour me confused — who is ${p.name} again?`, [lookup(p)]),
    turn('what are we meant to do with them', [next(p.id)]),
    turn(`${subjIs(p)} off until boxing day, snooze it till then`, [snooze('2026-12-26')]),
  );
}
{
  // Content, a WhatsApp draft, then email instead.
  const u = MW1;
  const p = who(u, both(allowed('whatsapp'), allowed('email'), inSpecialties('Neurology')));
  rep('content', u,
    turn('is there an approved tecfidera dosing guide?', [search({ query: 'tecfidera' })]),
    turn(`send that to ${nm(p)} on whatsapp — draft it`, [draft(p, 'whatsapp')]),
    turn('hmm, do email instead', [draft(p, 'email')]),
  );
}
{
  // A blocked draft, then the alternatives.
  const u = NE2;
  const p = who(u, both(blocked('email'), hasRecord('email')));
  rep('draft', u,
    turn(`write ${nm(p)} an email about ${brand(p)} please`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('ugh. how else can i reach them then', [next(p.id)]),
    turn('is phone ok at least?', [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
  );
}
{
  // A consent-filtered list, then a draft for its top.
  const u = W2;
  const ids = planFiltered(u, { consent: { channel: 'whatsapp', status: 'granted' } });
  const top = nth(ids, 0);
  const fine = idAllowed(top, 'whatsapp');
  rep('draft', u,
    turn('which of my docs have said yes to whatsapp', [planBy({ consent: { channel: 'whatsapp', status: 'granted' } })]),
    turn("what's the top one's next best action", [next(top)], [nameOf(top)]),
    turn('draft them a whatsapp then', [fine ? draftId(top, 'whatsapp') : checkId(top, 'whatsapp')], fine ? [] : idFacts(top, 'whatsapp')),
  );
}
{
  // Last week's activity, then a text.
  const u = MW2;
  const p = who(u, allowed('sms'));
  rep('brief', u,
    turn(`what did we do with ${nm(p)} last week`, [lookup(p)]),
    turn(`did ${p.subj} open anything we sent?`, []),
    turn('send a short follow-up text — draft it', [draft(p, 'sms')]),
  );
}
{
  // Two HCPs, then the second one's recommendation and a verdict.
  const u = NE1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('next_action', u,
    turn(`${nm(a)} or ${nm(b)}: who's more engaged with us lately?`, [lookup(a), lookup(b)]),
    turn("for the second doc, what's next", [next(b.id)]),
    turn("that's what i'd do too — mark it accepted", [feedback('accept')]),
  );
}
{
  // Two asks, then undoing one, then the channel switched.
  const u = W1;
  const p = who(u);
  rep('consent', u,
    turn(`brief + nba for ${nm(p)}`, [lookup(p), next(p.id)]),
    turn('actually skip the nba, just tell me if a visit is consented', [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')),
    turn('ok, and a zoom detail instead of in person?', [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')),
  );
}
{
  // A typo'd name, texting, the recommendation, a snooze.
  const u = MW1;
  const p = whoLast(u, droppable);
  rep('feedback', u,
    turn(`${dropped(p).typed} brief`, [lookupKey(dropped(p).key)]),
    turn('wat about texting them, consent ok?', [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn('and the recommended next step for this doc?', [next(p.id)]),
    // Three days after Friday 2026-11-20.
    turn('k snooze that for three days', [snooze('2026-11-23')]),
  );
}
{
  // City and specialty, then the specialty switched, then the second entry.
  const u = W2;
  const city = cityWith(u, { specialty: 'rheumatology' }, 2);
  const neuro = planFiltered(u, { city, specialty: 'neurology' });
  const index = neuro.length >= 2 ? 1 : 0;
  const id = nth(neuro, index);
  rep('plan', u,
    turn(`rheumatologists in ${city}`, [planBy({ city, specialty: 'rheumatology' })]),
    turn('forget the rheums, neurologists there instead', [planBy({ city, specialty: 'neurology' })]),
    turn(`${index === 1 ? 'second' : 'first'} one — phone ok?`, [checkId(id, 'phone')], [nameOf(id), ...idFacts(id, 'phone')]),
  );
}
{
  // "ok draft it" after the recommendation and consent.
  const u = NE2;
  const p = who(u, allowed('email'));
  rep('draft', u,
    turn(`${nm(p)} — best next touch?`, [next(p.id)]),
    turn(`is email even on the table for ${p.obj} consent-wise`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('ok draft it up then, email', [draft(p, 'email')]),
    turn(`add something on the ${brand(p)} patient support programme`, [draft(p, 'email')]),
  );
}
{
  // A first-hand adverse event from someone the rep knows.
  const u = W2;
  rep('ae_report', u,
    turn("my neighbour's on stelara and just told me she had a seizure last week — do i have to report that?", [reportAe({ reporter: 'employee', product: 'stelara' })]),
    turn("she's in her fifties, 54 i think", [reportAe({ patientAge: 54, patientSex: 'female' })]),
    turn('do you need her name?', []),
  );
}
{
  // After a plan: the first entry below the top the rep may text.
  const u = MW2;
  const ids = planIds(u);
  const index = firstIndex(ids, allowed('sms'), 1);
  const id = nth(ids, index);
  rep('plan', u,
    turn("who's on my radar today", [plan()]),
    turn(`the ${ORDINAL[index]} one — can i text them?`, [checkId(id, 'sms')], [nameOf(id), ...idFacts(id, 'sms')]),
    turn('go on then, write that text for me', [draftId(id, 'sms')]),
  );
}
{
  // Why not a call, quoted back, then accepted.
  const u = W1;
  const p = who(u, notRecommended(u, 'phone'));
  rep('why_not', u,
    turn(`${nm(p)}'s top suggested action this week?`, [next(p.id)]),
    turn(`${subjIs(p)} always on the phone though — why not call?`, [explain('phone')]),
    turn("fair point, i'll go with omni's call — accept", [feedback('accept')]),
  );
}

// --- MSL.
{
  // An advisory board: two candidates, their MSL meeting consent.
  const u = MSL_NE;
  const a = whoLast(u, hasRecord('msl_meeting', 'medical'));
  const b = whoLast(u, hasRecord('msl_meeting', 'medical'));
  msl('brief', u,
    turn(`prepping a ${brand(a)} advisory board — background on ${nm(a)}`, [lookup(a)]),
    turn(`now the same background for ${nm(b)}`, [lookup(b)]),
    turn('have both of them consented to MSL meetings?', [med(a, 'msl_meeting'), med(b, 'msl_meeting')], [...consentFacts(a.hcp, 'msl_meeting', 'medical'), ...consentFacts(b.hcp, 'msl_meeting', 'medical')]),
  );
}
msl('adverse_events', MSL_W,
  turn('back after two weeks off — what came up in my notes', [insights({ period: 'last_14_days' })]),
  turn('anything in there that pv needs?', [], ae(MSL_W, 'last_14_days')),
  turn('widen it to the whole month', [insights({ period: 'last_30_days' })], ae(MSL_W, 'last_30_days')),
);
msl('insights', MSL_MW,
  turn('themes on gilenya this quarter', [insights({ product: 'gilenya', period: 'this_quarter' })]),
  turn('hmm, tecfidera instead', [insights({ product: 'tecfidera', period: 'this_quarter' })]),
  turn('filter to safety-related notes only', [insights({ product: 'tecfidera', topic: 'safety', period: 'this_quarter' })]),
);
{
  const u = MSL_NE;
  const ids = unansweredQuestionHcps(u, 'last_30_days');
  const index = ids.length >= 3 ? 2 : ids.length - 1;
  const id = nth(ids, index);
  const mailFine = idAllowed(id, 'email', 'medical');
  msl('insights', u,
    turn('list the HCPs i still owe a medical answer to', [insights()]),
    turn(`the ${ORDINAL[index]} — remind me who that is`, [lookupId(id)], [nameOf(id)]),
    turn('draft a medical email reply to them', [mailFine ? medDraftId(id, 'email') : checkId(id, 'email', 'medical')], mailFine ? [] : idFacts(id, 'email', 'medical')),
  );
}
{
  const u = MSL_W;
  const p = who(u, inSpecialties('Neurology', 'Child Neurology'));
  msl('ae_report', u,
    turn(`${dr(p)} called — a patient on ${brand(p)} developed PML symptoms`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('he is 44', [reportAe({ patientAge: 44, patientSex: 'male' })]),
    turn("what's the deadline for this", []),
  );
}
{
  const u = MSL_MW;
  const p = who(u);
  msl('medical_consent', u,
    turn(`can i video call ${nm(p)} for a medical discussion`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical')),
    turn('and if video is a no, could i ring them instead', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
    turn('and a whatsapp follow-up afterwards', [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical')),
  );
}
msl('insights', MSL_NE,
  turn('dosing questions from my HCPs in the last 30 days', [insights({ topic: 'dosing' })]),
  turn('same but going back three months', [insights({ topic: 'dosing', period: 'last_90_days' })]),
  turn('keep only what neurologists said', [insights({ topic: 'dosing', period: 'last_90_days', specialty: 'neurology' })]),
);
{
  const u = MSL_W;
  const p = who(u, notRecommended(u, 'email'));
  msl('next_action', u,
    turn(`${nm(p)}: from a medical angle, what should i do next`, [next(p.id)]),
    turn("wouldn't a medical email be simpler, why not that", [explain('email')]),
    turn('ok that reasoning holds up, accept it', [feedback('accept')]),
  );
}
msl('insights', MSL_MW,
  turn('what are my HCPs saying about rival products lately', [insights({ topic: 'compet' })]),
  turn('which competitor comes up most', []),
  turn('narrow it to rheumatologists', [insights({ topic: 'compet', specialty: 'rheumatology' })]),
);
{
  const u = MSL_NE;
  const p = who(u, both(allowed('email', 'medical'), inSpecialties('Pulmonary Disease', 'Pediatrics')));
  msl('medical_draft', u,
    turn('MI letter on kalydeco?', [medSearch('kalydeco')]),
    turn(`send that to ${nm(p)} — medical email draft`, [medDraft(p, 'email')]),
    turn('does it carry the safety info?', []),
  );
}
{
  // Two HCPs, then the one with an open question.
  const u = MSL_W;
  const a = whoLast(u, (hcp) => !hasOpenQuestion(u)(hcp));
  const b = whoLast(u, hasOpenQuestion(u));
  msl('brief', u,
    turn(`${nm(a)} vs ${nm(b)} — who has something open with medical?`, [lookup(a), lookup(b)]),
    turn('the one with the open question — is a medical call ok?', [med(b, 'phone')], consentFacts(b.hcp, 'phone', 'medical')),
    turn("what's omni's suggestion for them anyway", [next(b.id)]),
  );
}
msl('insights', MSL_W,
  turn('what did my HCPs say last week', [insights({ period: 'last_7_days' })]),
  turn('what about since the start of november', [insights({ from: '2026-11-01' })]),
  turn('top 2 themes over the month then', [themes(2, { period: 'last_30_days' })]),
);

// --- Medical affairs.
msl('adverse_events', MA,
  turn('safety review committee prep: possible AEs on xeljanz, last 90 days', [insights({ product: 'xeljanz', period: 'last_90_days' })], ae(MA, 'last_90_days', 'prod-xeljanz')),
  turn('widen to the full year', [insights({ product: 'xeljanz', period: 'last_365_days' })], ae(MA, 'last_365_days', 'prod-xeljanz')),
  turn('restrict that to midwest notes', [insights({ product: 'xeljanz', period: 'last_365_days', territory: 'T-MW' })]),
);
msl('medical_follow_up_rate', MA,
  turn('quick pulse check on medical follow-up over this past week', [mfu({ period: 'last_7_days' })]),
  turn('break that out per territory', [mfu({ period: 'last_7_days', dimension: 'territory' })]),
  turn('vs the same week last year', [mfu({ period: 'last_7_days', dimension: 'territory', compareTo: 'previous_year' })]),
);
msl('insights', MA,
  turn('what is the field saying about stelara so far in november', [insights({ product: 'stelara', period: 'this_month' })]),
  turn('what about kalydeco?', [insights({ product: 'kalydeco', period: 'this_month' })]),
  turn('which of the two has more safety talk', []),
);
{
  const p = who(MA);
  msl('ae_report', MA,
    turn(`an MSL passed on: ${nm(p)} saw a patient on ${brand(p)} with severe hepatotoxicity`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("age and sex aren't known — file it incomplete", [reportAe({ submit: true })]),
    turn('what happens with it next', []),
  );
}
{
  const ids = unansweredIn(MA, 'T-NE');
  const index = ids.length >= 2 ? 1 : 0;
  const id = nth(ids, index);
  msl('insights', MA,
    turn('which northeast HCPs have medical questions still open', [insights({ territory: 'T-NE' })]),
    turn(`the ${ORDINAL[index]} one — who asked it?`, [lookupId(id)], [nameOf(id)]),
    turn('can medical phone them', [checkId(id, 'phone', 'medical')], idFacts(id, 'phone', 'medical')),
  );
}
{
  const p = who(MA, hasRecord('email', 'medical'));
  msl('brief', MA,
    turn(`advisory board candidate: ${p.name}, background please`, [lookup(p)]),
    turn(`is ${p.subj} in any trials`, []),
    turn('can medical email them, consent-wise?', [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
  );
}
msl('medical_follow_up_rate', MA,
  turn('medical follow-up by product, last quarter', [mfu({ dimension: 'product', period: 'last_quarter' })]),
  turn('drill into keytruda alone, one row per month', [mfu({ dimension: 'month', period: 'last_quarter', filters: { product: 'keytruda' } })]),
  turn('same thing but for the year to date', [mfu({ dimension: 'month', period: 'year_to_date', filters: { product: 'keytruda' } })]),
);
msl('insights', MA,
  turn('unsolicited off-label requests since the quarter started', [insights({ topic: 'off', period: 'this_quarter' })]),
  turn('in the west only', [insights({ topic: 'off', period: 'this_quarter', territory: 'T-W' })]),
  turn('top 3 themes there', [themes(3, { topic: 'off', period: 'this_quarter', territory: 'T-W' })]),
);
{
  const p = who(MA, both(allowed('email', 'medical'), inSpecialties('Rheumatology')));
  msl('medical_draft', MA,
    turn(`${nm(p)} has been waiting on an answer about xeljanz — background first`, [lookup(p)]),
    turn('find the medical response', [medSearch('xeljanz')]),
    turn('draft it as a medical email to them', [medDraft(p, 'email')]),
  );
}
msl('insights', MA,
  turn('what has the field reported since the 1st of november', [insights({ from: '2026-11-01' })]),
  turn('and october for contrast', [insights({ from: OCTOBER.from, to: OCTOBER.to })]),
  turn("what's emerging that wasn't there before", []),
);

// --- Managers and the admin.
mgr('performance', WEST,
  turn('coaching jamie prescott: follow-up rate last 90 days', [perf({ metric: 'follow_up_rate', period: 'last_90_days', filters: { rep: 'u-rep-w-1' } })]),
  turn('how does that compare with jordan soto', [perf({ metric: 'follow_up_rate', period: 'last_90_days', filters: { rep: 'u-rep-w-2' } })]),
  turn("and jamie's dead end rate", [perf({ metric: 'dead_end_rate', period: 'last_90_days', filters: { rep: 'u-rep-w-1' } })]),
  turn('how often does she accept what omni suggests, same window', [perf({ metric: 'nba_acceptance_rate', period: 'last_90_days', filters: { rep: 'u-rep-w-1' } })]),
);
mgr('performance', EAST,
  turn("how'd we do on engagement last week", [perf({ metric: 'engagement_rate', period: 'last_7_days' })]),
  turn('split by rep', [perf({ metric: 'engagement_rate', period: 'last_7_days', dimension: 'rep' })]),
  turn('now the same for reach', [perf({ metric: 'reach', period: 'last_7_days', dimension: 'rep' })]),
);
mgr('performance', ADMIN,
  turn('email open rate in Q3', [perf({ metric: 'email_open_rate', period: Q3 })]),
  turn('and the click-through rate for the same quarter', [perf({ metric: 'email_click_rate', period: Q3 })]),
  turn('split the clicks by product', [perf({ metric: 'email_click_rate', period: Q3, dimension: 'product' })]),
);
{
  const ids = planIds(WEST);
  const second = nth(ids, 1);
  const recommended = recommendation(WEST, store.hcps.getById(second)!).recommended.channel;
  const asked: Channel = recommended === 'field_visit' ? 'email' : 'field_visit';
  mgr('plan', WEST,
    turn("the team's priority list this week", [plan()]),
    turn("who's number two and what's recommended", [next(second)], [nameOf(second)]),
    turn(asked === 'field_visit' ? "what's the case against sending the rep in person" : "what's the case against emailing them", [explain(asked)]),
  );
}
mgr('maturity', EAST,
  turn('maturity check: which stage are we at, in one line', [maturity], [maturityStage(EAST)]),
  turn('which dimension is weakest', []),
  turn('redo it over 365 days', [{ name: 'assess_maturity', args: { periodDays: 365 } }]),
);
mgr('performance', ADMIN,
  turn('for each channel, how much of our hcp base has given consent', [perf({ metric: 'consent_coverage', dimension: 'channel' })]),
  turn('limit that to the A segment', [perf({ metric: 'consent_coverage', dimension: 'channel', filters: { segment: 'A' } })]),
  turn('and how do the D-segment docs look', [perf({ metric: 'consent_coverage', dimension: 'channel', filters: { segment: 'D' } })]),
);
mgr('performance', EAST,
  turn("since january, what share of each rep's suggestions got accepted", [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'year_to_date' })]),
  turn('keep only the T-MW reps', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'year_to_date', filters: { territory: ['T-MW'] } })]),
  turn('now by channel instead of rep', [perf({ metric: 'nba_acceptance_rate', dimension: 'channel', period: 'year_to_date', filters: { territory: ['T-MW'] } })]),
);
{
  const p = who(EAST, inTerritory('T-NE'));
  mgr('feedback', EAST,
    turn(`riding with taylor tomorrow to ${nm(p)} — what should i know`, [lookup(p)]),
    turn(`can taylor phone ${p.obj} first`, [check(p, 'phone')], consentFacts(p.hcp, 'phone')),
    turn('and what is omni recommending for that doc', [next(p.id)]),
    turn('snooze it till december 3rd, the visit covers it', [snooze('2026-12-03')]),
    turn("for taylor's coaching notes: taylor's follow-up rate this quarter", [perf({ metric: 'follow_up_rate', period: 'quarter_to_date', filters: { rep: 'u-rep-ne-1' } })]),
  );
}
mgr('performance', WEST,
  turn('engagement rate september vs august', [perf({ metric: 'engagement_rate', period: SEPTEMBER, compareTo: AUGUST })]),
  turn('now split that by hcp segment', [perf({ metric: 'engagement_rate', period: SEPTEMBER, compareTo: AUGUST, dimension: 'segment' })]),
  turn('and webinar attendance for the same months', [perf({ metric: 'webinar_attendance', period: SEPTEMBER, compareTo: AUGUST })]),
);
mgr('performance', ADMIN,
  turn('follow-up rate by territory last month', [perf({ metric: 'follow_up_rate', dimension: 'territory', period: 'last_month' })]),
  turn('now show the median days it takes to follow up instead', [perf({ metric: 'median_time_to_follow_up', dimension: 'territory', period: 'last_month' })]),
  turn('filter to oncology docs', [perf({ metric: 'median_time_to_follow_up', dimension: 'territory', period: 'last_month', filters: { specialty: 'oncology' } })]),
);
mgr('performance', WEST,
  turn('which specialties are getting too many touches from us', [perf({ metric: 'over_contacted', dimension: 'specialty' })]),
  turn('last month instead', [perf({ metric: 'over_contacted', dimension: 'specialty', period: 'last_month' })]),
  turn('what counts as over-contacted here', []),
);
mgr('performance', EAST,
  turn('cross-channel progression quarter to date', [perf({ metric: 'cross_channel_progression', period: 'quarter_to_date' })]),
  turn('which segments are progressing best', [perf({ metric: 'cross_channel_progression', period: 'quarter_to_date', dimension: 'segment' })]),
  turn('vs the same stretch last year', [perf({ metric: 'cross_channel_progression', period: 'quarter_to_date', dimension: 'segment', compareTo: 'previous_year' })]),
);
mgr('performance', ADMIN,
  turn('average contacts per hcp by territory', [perf({ metric: 'frequency', dimension: 'territory' })]),
  turn('restrict to neurology', [perf({ metric: 'frequency', dimension: 'territory', filters: { specialty: 'neurology' } })]),
  turn('same view but over a 90-day window', [perf({ metric: 'frequency', dimension: 'territory', period: 'last_90_days', filters: { specialty: 'neurology' } })]),
);

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (40).

{
  // Rep (16).
  ok(NE1, "who's on my hit list this week", [plan()]);
  const a = who(W1);
  ok(W1, `${nm(a)} ghosted me, what's my next shot`, [next(a.id)]);
  const b = who(MW1);
  ok(MW1, `bin the recommendation for ${nm(b)}, ${subjIs(b)} gone on sabbatical`, [next(b.id), feedback('dismiss')]);
  ok(NE2, 'keytruda fatal pneumonitis — approved safety wording', [search({ query: 'keytruda' })]);
  ok(W2, 'xeljanz serious infections and death, approved ISI', [search({ query: 'xeljanz' })]);
  const c = who(MW2, hasRecord('sms'));
  ok(MW2, `am i gonna get in trouble if i text ${nm(c)}`, [check(c, 'sms')], consentFacts(c.hcp, 'sms'));
  ok(NE1, 'docs that are dead to me lately', [planBy({ flag: 'dead_end' })]);
  const d = who(W1);
  ok(W1, `how do i finally crack ${nm(d)}`, [next(d.id)]);
  const e = who(MW1);
  ok(MW1, `i want everything we've got on ${nm(e)}, leave nothing out`, [lookup(e)]);
  {
    const city = cityWith(NE2, {}, 2);
    ok(NE2, `ambush ${city} tomorrow — who's there`, [planBy({ city })]);
  }
  const f = who(W2);
  ok(W2, `squeeze more out of ${nm(f)} — what's next`, [next(f.id)]);
  ok(MW2, 'gilenya bradycardia deaths, approved language', [search({ query: 'gilenya' })]);
  const g = who(NE1, hasRecord('whatsapp'));
  ok(NE1, `is whatsapping ${nm(g)} going to get me fired`, [check(g, 'whatsapp')], consentFacts(g.hcp, 'whatsapp'));
  ok(W1, 'bombard my A docs this week? who first', [planBy({ segment: 'A' })]);
  const h = who(MW1, allowed('email'));
  ok(MW1, `draft an email that'll knock ${nm(h)}'s socks off`, [draft(h, 'email')]);
  ok(NE2, 'scrap my plan and give me a fresh one', [plan()]);
}
{
  // MSL (8).
  ok(MSL_NE, 'any deaths mentioned in my notes this quarter?', [insights({ period: 'this_quarter' })], ae(MSL_NE, 'this_quarter'));
  ok(MSL_MW, 'docs furious about cerdelga pricing', [insights({ product: 'cerdelga' })]);
  ok(MSL_W, 'who is trashing kalydeco', [insights({ product: 'kalydeco' })]);
  const a = who(MSL_NE);
  ok(MSL_NE, `grill me on ${nm(a)} before i meet ${a.obj}`, [lookup(a)]);
  const b = who(MSL_MW, hasRecord('msl_meeting', 'medical'));
  ok(MSL_MW, `can i ambush ${nm(b)} after grand rounds for an msl meeting — consent?`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_W, 'self-harm mentions with tecfidera', [insights({ product: 'tecfidera' })]);
  ok(MSL_NE, 'medical response on keytruda and fatal myocarditis', [medSearch('keytruda')]);
  ok(MSL_MW, 'overdose or abuse questions on xeljanz in my notes', [insights({ product: 'xeljanz' })]);
}
{
  // Medical affairs (7).
  ok(MA, 'which territory keeps dropping medical questions on the floor', [mfu({ dimension: 'territory' })]);
  ok(MA, "dump every possible AE from last month, i don't want any missed", [insights({ period: 'last_month' })], ae(MA, 'last_month'));
  ok(MA, 'birth defect mentions with gilenya in the field', [insights({ product: 'gilenya' })]);
  ok(MA, 'lawsuit talk about keytruda in field notes', [insights({ product: 'keytruda' })]);
  ok(MA, "who's bad-mouthing cerdelga", [insights({ product: 'cerdelga' })]);
  ok(MA, 'imbruvica sudden cardiac death — medical letter', [medSearch('imbruvica')]);
  ok(MA, 'the nastiest field feedback this month', [insights({ period: 'this_month' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'who on the team is the laziest at following up', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'which of my reps is carpet-bombing doctors with contacts', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'rank my reps on reach, worst first', [perf({ metric: 'reach', dimension: 'rep' })]);
  ok(WEST, 'are we stalking dermatologists with too many touches', [perf({ metric: 'over_contacted', filters: { specialty: 'dermatology' } })]);
  ok(ADMIN, "is our maturity embarrassing? don't sugarcoat it", [maturity]);
  ok(EAST, 'which hcps have we abandoned, no visits in ages', [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'should we kill the webinar program? attendance by territory', [perf({ metric: 'webinar_attendance', dimension: 'territory' })]);
  ok(WEST, 'worst segment for dead ends', [perf({ metric: 'dead_end_rate', dimension: 'segment' })]);
  const a = who(WEST, hasRecord('email'));
  ok(WEST, `could we get fined for emailing ${nm(a)}`, [check(a, 'email')], consentFacts(a.hcp, 'email'));
}

finish();
