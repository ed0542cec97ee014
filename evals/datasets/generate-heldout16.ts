/**
 * Builds the sixteenth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout16.ts
 *
 * Writes persona-heldout16.jsonl and benign-heldout16.jsonl. Written by hand, blind, on 2026-12-08: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports (evals/reports/), the
 * per-case details of earlier runs (*.cases.json) and the agent's answers were not read, and neither the agent, the eval
 * runner nor any CLI that answers questions was run on these questions. Only the kit (heldout-kit.ts,
 * heldout-test-support.ts), the shape of generate-heldout15.ts and generate-heldout14.ts (not their wording),
 * heldout15.test.ts, evals/lib/cases.ts, the argument matching of evals/scorers/index.ts, the tools' input schemas
 * (tools/*.ts) and the domain and demo code that compute the facts were read (and the held-out suite lists in
 * evals/lib/runner.ts, evals/lib/report.ts, evals/run.ts, evals/robustness/run.ts, README.md and evals/datasets/README.md,
 * to register the set); earlier sets' questions only to avoid near-copies. The training-data test
 * (src/agent/local-model/training-data.test.ts) was run, not read, to find training lines equal to a question.
 *
 * Like the fifteenth set, it is meant to be reported as representative of real users: a month of ordinary traffic from
 * each persona, mostly plain asks typed the ways people type in Slack or a chat box (terse lowercase, polite full
 * sentences, jargon and abbreviations, two asks in one, follow-ups that refer back), with typos a minority. Reps are
 * about 40% of the single-turn questions, managers a fifth, MSLs and medical affairs the rest. Conversations run 3 to 5
 * turns and refer back with pronouns, "what about…", "and for X?", "the second one", "ok draft it", corrections
 * ("no wait, I meant X", "sorry, I meant tecfidera"), narrowing a list, switching the channel, period, metric or
 * breakdown, and asking why.
 *
 * Styles new to this set: a rep prepping in a hallway or between calls ("standing outside X's clinic, 30 sec brief",
 * "between calls —"); a new hire who does not know the jargon ("sorry, new here — what's an NBA"); a manager prepping a
 * quarterly business review ("QBR prep: … Q3 vs Q2", "for the summary slide"); an MSL back from a congress ("back from
 * ACR", "asked me something at ESMO"); questions that open with context ("just left Dr X's office, …"); deadlines
 * ("before friday", "before EOD", "before my 3pm", "before thanksgiving"); negations ("anything stopping me from
 * emailing X?", "don't want to email anyone I shouldn't"); British spelling and dates ("programme", "summarising",
 * "organise", "practises", "annual leave", "until 1 Dec", "since 1 October", "hospitalised", "rumours"); two HCPs in one
 * question and "the second one" / "the one who does" after it; a quote of an earlier answer ("you said \"<the
 * recommended action>\" — why that over a call?"); first-half-of-year and quarter-against-quarter periods ("H1", "Q3 vs Q2");
 * typos new to this set: the last two letters of a last name swapped ("kowalsik"), brands slipped to a neighbouring key
 * ("keytryda", "imbruvuca", "xeljanx", "stelata", "srelara", "tecfudera", "gilrnya", "kalyseco", "kalydrco",
 * "cerdekga"), and a few slipped everyday words ("cosnent", "reccomend"); snoozes "till the monday after
 * thanksgiving", "until 1 Dec", "till dec 9", "for 5 days", "annual leave until 1 December".
 * Capabilities covered: pre-call briefs, next best action and why / why not, consent for every channel and the
 * promotional, medical, events and market research purposes, approved and medical content, follow-up drafts, territory
 * plans and filtered lists, feedback (accept, dismiss with a reason, snooze), field insights and possible adverse events,
 * adverse-event reports, policy questions, manager metrics with periods, comparisons, breakdowns and filters, maturity,
 * out-of-scope asks.
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout16.test.ts).
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
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT16, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout16',
  idPrefix: 'ho16',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT16],
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

/** A first name 2 to 10 HCPs the user may see share: the lookup by that first name lists every candidate, the picked one among them. */
function sharedFirst(userId: string): Need {
  const territories = kit.user(userId).territories;
  const counts = new Map<string, number>();
  for (const hcp of store.hcps.listInTerritories(territories.length > 0 ? [...territories] : undefined)) counts.set(hcp.firstName, (counts.get(hcp.firstName) ?? 0) + 1);
  return (hcp) => (counts.get(hcp.firstName) ?? 0) >= 2 && (counts.get(hcp.firstName) ?? 0) <= 10;
}
/** A shared first name whose candidates the user may see live in different cities, the picked one alone in its city (so "the one in <city>" settles it). */
function sharedFirstOwnCity(userId: string): Need {
  const territories = kit.user(userId).territories;
  const visible = store.hcps.listInTerritories(territories.length > 0 ? [...territories] : undefined);
  return (hcp) => visible.filter((other) => other.firstName === hcp.firstName && other.city === hcp.city).length === 1;
}
const whoFirst = (userId: string, need: Need = always): Pick => pick(userId, both(plain, sharedFirst(userId), need));
/** What a first-name-only question expects: the lookup by that name, whose candidates include the HCP. */
const byFirst = (p: Pick): [Call[], string[]] => [[lookupKey(p.first.toLowerCase())], [p.name]];

const low = (text: string) => text.toLowerCase();
const nm = (p: Pick) => low(p.short);
const fst = (p: Pick) => low(p.first);
/** "Dr. Kowalski", or "Dr. Ana Kowalski" when the last name alone is shared. */
const dr = (p: Pick) => `Dr. ${p.short}`;
/** The question's name for the HCP with a typo in the last name: the first name too when the last name alone is shared. */
const typed = (p: Pick, last: string) => (p.short === p.last ? last : `${fst(p)} ${last}`);

/** The last two letters of a last name can be swapped: six or more letters, the two differ. */
const endSwappable: Need = (hcp) => hcp.lastName.length >= 6 && /[a-z]{2}$/i.test(hcp.lastName) && hcp.lastName.at(-1)!.toLowerCase() !== hcp.lastName.at(-2)!.toLowerCase();
/** The last two letters swapped ("kowalski" → "kowalsik"); the key is the name without its last two letters, which both contain. */
const endSwapped = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}`), key: name.slice(0, -2) };
};

/** Brands by specialty: the right name, a slip to a neighbouring key no earlier set used, and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytryda', 'keytr'],
  'Hematology & Oncology': ['imbruvica', 'imbruvuca', 'imbruv'],
  Rheumatology: ['xeljanz', 'xeljanx', 'xeljan'],
  Dermatology: ['stelara', 'stelata', 'stela'],
  Gastroenterology: ['stelara', 'srelara', 'elara'],
  Neurology: ['tecfidera', 'tecfudera', 'tecf'],
  'Child Neurology': ['gilenya', 'gilrnya', 'gil'],
  'Pulmonary Disease': ['kalydeco', 'kalyseco', 'kaly'],
  Pediatrics: ['kalydeco', 'kalydrco', 'kalyd'],
  'Medical Genetics': ['cerdelga', 'cerdekga', 'cerde'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** An HCP's clinical focus as colleagues say it ("runs the MS clinic"). */
const FOCUS: Record<string, string> = {
  neuroimmunology: 'neuroimmunology',
  'paediatric MS': 'paediatric MS',
  'atopic dermatitis': 'eczema',
  hidradenitis: 'HS',
  'plaque psoriasis': 'psoriasis',
  "Crohn's disease": "Crohn's",
  IBD: 'IBD',
  'ulcerative colitis': 'UC',
  CLL: 'CLL',
  lymphoma: 'lymphoma',
  'mantle cell lymphoma': 'mantle cell',
  myeloma: 'myeloma',
  'Gaucher disease': 'Gaucher',
  'lysosomal storage disorders': 'lysosomal storage',
  'metabolic genetics': 'metabolic',
  'GU oncology': 'GU',
  'head and neck cancer': 'head & neck',
  melanoma: 'melanoma',
  'thoracic oncology': 'thoracic',
  'general neurology': 'general neuro',
  'multiple sclerosis': 'MS',
  'paediatric CF': 'paediatric CF',
  'paediatric metabolic disease': 'paediatric metabolic',
  'adult CF care': 'adult CF',
  'cystic fibrosis': 'CF',
  'psoriatic arthritis': 'PsA',
  'rheumatoid arthritis': 'RA',
  spondyloarthritis: 'axSpA',
};
const focus = (p: Pick) => FOCUS[p.hcp.subspecialtyFocus ?? ''] ?? 'specialty';
/** "she's", "he's", "they're"; "has she", "have they". */
const subjIs = (p: Pick) => (p.subj === 'they' ? "they're" : `${p.subj}'s`);
const hasSubj = (p: Pick) => (p.subj === 'they' ? 'have they' : `has ${p.subj}`);

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
/** report_adverse_event with the key arguments the user named (who told them, the reporting HCP's name, the product, the patient's age and sex when said outright, submit). */
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
/** Possible adverse events listed for the user over explicit days (listed both without a topic and with "safety"), as kit.adverseEventNotes does for named periods. */
function adverseEventNotesFrom(userId: string, from: string, to: string | undefined = undefined, product: string | null = null): string[] {
  const resolved = resolvePeriod({ from, ...(to ? { to } : {}) }, DEMO_AS_OF);
  const listed = (topic: string | null) =>
    kit.analytics.fieldInsights.summarize({ scope: accessScopeFor(kit.user(userId)), period: resolved, previousPeriod: previousPeriod(resolved), product, topic }).possibleAdverseEvents.items.map((item) => item.noteId);
  const withTopic = new Set(listed('safety'));
  return listed(null).filter((noteId) => withTopic.has(noteId));
}
const ae = (userId: string, period: NamedPeriod, product: string | null = null) => adverseEventNotes(userId, period, product);
/** plan_territory with its filters (flag, segment, city, specialty, consent, limit) as key arguments. */
const planBy = (filters: Record<string, unknown>): Call => ({ name: 'plan_territory', args: filters });
const PREFERRED: Record<string, string> = { email: 'email', phone: 'phone', whatsapp: 'whatsapp' };

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
const REPS = [MW2, NE1, W2, MW1, NE2, W1];
const MSLS = [MSL_W, MSL_NE, MSL_MW];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Hartford', 'Pittsburgh', 'Worcester', 'Boston', 'Newark', 'Philadelphia', 'Rochester', 'New York'],
  'T-MW': ['Madison', 'Ann Arbor', 'Cleveland', 'Chicago', 'Detroit', 'Minneapolis', 'Evanston', 'Columbus'],
  'T-W': ['Portland', 'Denver', 'San Francisco', 'Phoenix', 'Seattle', 'Salt Lake City', 'San Diego', 'Los Angeles'],
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

/** "first", "second", … for a 0-based index. */
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** The first index from `start` of a plan whose HCP passes `need`; fails loudly when none does. */
function firstIndex(ids: string[], need: Need, start = 0): number {
  const index = ids.findIndex((id, position) => position >= start && need(store.hcps.getById(id)!));
  if (index < 0) throw new Error('no plan entry matches');
  return index;
}
/** The recommended action of the user's next best actions for the HCP. */
const recommendedOf = (userId: string, hcp: Hcp) => recommendation(userId, hcp).recommended;

// ===================================================================================================
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`between calls — ${nm(p)} ok for email? yes/no is fine`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`just left ${dr(p)}'s office and ${p.subj} gave me ${p.poss} cell. am i cleared to text ${p.obj}?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`sorry, new here — how do I tell if I'm allowed to phone someone? specifically ${p.name}`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`anything stopping me from emailing ${nm(p)}?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`Is ${p.name} happy to receive WhatsApp messages from us, as far as our records go?`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`need to get ${nm(p)} a webinar invite before friday — is email ok for event invites?`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events'))],
  [always, (p) => turn(`${nm(p)} agreed to do a market research interview. can we ring ${p.obj} to set it up?`, [check(p, 'phone', 'market_research')], consentFacts(p.hcp, 'phone', 'market_research'))],
  [always, (p) => turn(`ok to text ${nm(p)} the link for the market research survey?`, [check(p, 'sms', 'market_research')], consentFacts(p.hcp, 'sms', 'market_research'))],
  [endSwappable, (p) => turn(`${endSwapped(p).typed} in-person visit consent status`, [lookupKey(endSwapped(p).key), check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')), 'last'],
  [always, (p) => turn(`${dr(p)} prefers zoom. are we cleared for virtual detailing with ${p.obj}?`, [check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail'))],
  [always, (p) => turn(`${nm(p)} email + whatsapp consent, both pls`, [check(p, 'email'), check(p, 'whatsapp')], [...consentFacts(p.hcp, 'email'), ...consentFacts(p.hcp, 'whatsapp')])],
  [both(blocked('email'), hasRecord('email')), (p) => turn(`was ${nm(p)}'s email opt-out recent? what day was it`, [check(p, 'email')], recordAndDay(p.hcp, 'email'))],
  [always, (p) => turn(`there's a ${fst(p)} on my list i can never reach. can i text ${p.obj}? don't have the surname handy`, ...byFirst(p)), 'first'],
  [hasRecord('phone'), (p) => turn(`Before I dial: does ${p.name} have a valid phone cosnent on file?`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [always, (p) => turn(`can i invite ${nm(p)} to the dinner meeting by text message`, [check(p, 'sms', 'events')], consentFacts(p.hcp, 'sms', 'events'))],
  [always, (p) => turn(`${nm(p)} - are we allowed to whatsapp ${p.obj} about the upcoming symposium?`, [check(p, 'whatsapp', 'events')], consentFacts(p.hcp, 'whatsapp', 'events'))],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`in the hallway outside ${nm(p)}'s clinic, 60-second version pls`, [lookup(p)])],
  [always, (p) => turn(`just left ${dr(p)}'s office — remind me what we've sent ${p.obj} recently so i can log the call`, [lookup(p)])],
  [always, (p) => turn(`new to the territory, who is ${p.name}?`, [lookup(p)])],
  [always, (p) => turn(`what's the name of the hospital ${nm(p)} works at`, [lookup(p)], [p.hcp.institution])],
  [(hcp) => (hcp.preferredChannel ?? '') in PREFERRED, (p) => turn(`${nm(p)}: what's ${p.poss} go-to channel with us?`, [lookup(p)], [PREFERRED[p.hcp.preferredChannel ?? '']!])],
  [always, (p) => turn(`has ${nm(p)} engaged with any of our emails lately`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`open med info request on ${nm(p)}'s file? need to know before my 3pm`, [lookup(p)])],
  [inSpecialties('Rheumatology', 'Dermatology', 'Gastroenterology', 'Neurology'), (p) => turn(`${dr(p)} runs the ${focus(p)} clinic right? what's ${p.poss} specialty on file`, [lookup(p)], [p.hcp.specialty])],
  [endSwappable, (p) => turn(`pull up ${endSwapped(p).typed} for me`, [lookupKey(endSwapped(p).key)]), 'last'],
  [perUser((u) => sharedFirstOwnCity(u)), (p) => turn(`${fst(p)} in ${p.hcp.city} — who's that again and when did we last see ${p.obj}`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`quick sanity check on ${nm(p)} before friday's lunch: tier, segment, last visit`, [lookup(p)])],
  [always, (p) => turn(`Could you give me a short overview of ${p.name}'s recent interactions with us, please?`, [lookup(p)])],
  [hasWebinar, (p) => turn(`${nm(p)} — any of our events ${p.subj} actually showed up to?`, [lookup(p)])],
  [always, (p) => turn(`is ${nm(p)} an influencer type? any trial work?`, [lookup(p)])],
  [always, (p) => turn(`where is ${nm(p)} based, city wise`, [lookup(p)], [p.hcp.city])],
  [always, (p) => turn(`5 min till ${nm(p)}. what do i need to know, bullets`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`just left ${dr(p)}'s office, went well. what's the logical next touch?`, [next(p.id)])],
  [always, (p) => turn(`new hire question: what's an "NBA" and what's the one for ${nm(p)}?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} hasn't replied to my last two emails. should i switch it up?`, [next(p.id)])],
  [always, (p) => turn(`what's omni's pick for ${nm(p)} this week, and why`, [next(p.id)])],
  [always, (p) => turn(`next step w/ ${nm(p)} before thanksgiving?`, [next(p.id)])],
  [always, (p) => turn(`I'm in ${nm(p)}'s building tomorrow anyway. is a visit the right move or something else?`, [next(p.id)])],
  [always, (p) => turn(`${fst(p)}, the ${focus(p)} one — what's my next move? blanking on the last name`, ...byFirst(p)), 'first'],
  [endSwappable, (p) => turn(`${endSwapped(p).typed} — next best action?`, [lookupKey(endSwapped(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`reccomend something for ${dr(p)}, ${p.subj} liked the ${brand(p)} data last time`, [next(p.id)])],
  [always, (p) => turn(`What would you suggest as my next step with ${p.name}? ${p.subj === 'they' ? 'They seemed' : p.subj === 'she' ? 'She seemed' : 'He seemed'} sceptical last time.`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)}: email, call or visit? pick one`, [next(p.id)])],
  [always, (p) => turn(`how should i re-engage ${nm(p)} after a quiet summer`, [next(p.id)])],
  [always, (p) => turn(`any reason to reach out to ${nm(p)} right now?`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} nba + top 2 reasons`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn('monday morning, whose door do i knock on first', [plan()], [nameOf(nth(planIds(u), 0))]),
  (u) => {
    const city = cityWith(u, {});
    return turn(`between calls, who else is worth seeing in ${city}?`, [planBy({ city })]);
  },
  () => turn('give me a shortlist of 6 for tomorrow', [plan(6)]),
  () => turn('which of my docs have opted out of texts', [planBy({ consent: { channel: 'sms', status: 'revoked' } })]),
  (u) => turn('neuro docs by priority', [planBy({ specialty: 'neurology' })], [nameOf(nth(planFiltered(u, { specialty: 'neurology' }), 0))]),
  () => turn('B segment, follow-up due', [planBy({ segment: 'B', flag: 'follow_up_due' })]),
  () => turn("who haven't i set foot in to see for 90+ days", [planBy({ flag: 'no_recent_visit' })]),
  () => turn('which docs have we never asked for email consent', [planBy({ consent: { channel: 'email', status: 'none' } })]),
  (u) => {
    const city = cityWith(u, { specialty: 'gastroenterology' }, 3);
    return turn(`gastro docs in ${city}`, [planBy({ city, specialty: 'gastroenterology' })]);
  },
  () => turn('top 4, A segment only', [planBy({ segment: 'A', limit: 4 })]),
  () => turn('could you organise my week for me? who comes first', [plan()]),
  () => turn('docs with an open medical question i could hand to the msl', [planBy({ flag: 'open_medical_question' })]),
  () => turn('any derms whose email consent has expired', [planBy({ specialty: 'dermatology', consent: { channel: 'email', status: 'expired' } })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('approved keytryda ISI for my leave-behind', [search({ query: 'keytr' })]),
  () => turn('is there an mlr-approved patient support flyer for imbruvica', [search({ query: 'imbruvica' })]),
  () => turn('need the approved stelara efficacy overview to email, anything?', [search({ query: 'stelara', channel: 'email' })]),
  () => turn('any tecfudera patient support programme leaflets i can use?', [search({ query: 'tecf' })]),
  () => turn('do we have an approved gilenya webinar invite', [search({ query: 'gilenya' })]),
  () => turn('cerdelga approved content, top 2', [search({ query: 'cerdelga', limit: 2 })]),
  () => turn("kalydeco ISI — the version i'm allowed to hand out", [search({ query: 'kalydeco' })]),
  () => turn('xeljanx efficacy piece, approved', [search({ query: 'xeljan' })]),
  () => turn('anything approved on keytruda vs tecentriq', [search({ query: 'tecentriq' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`put together a follow-up email for ${nm(p)} covering the ${brand(p)} support programme for patients`, [draft(p, 'email')])],
  [allowed('sms'), (p) => turn(`can you write ${nm(p)} a short text with the ${brand(p)} efficacy highlights`, [draft(p, 'sms')])],
  [blocked('whatsapp'), (p) => turn(`whatsapp ${nm(p)} the ${brand(p)} efficacy summary — draft it`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [allowed('whatsapp'), (p) => turn(`draft a whatsapp to ${dr(p)} re: ${brand(p)} access support, keep it short`, [draft(p, 'whatsapp')])],
  [both(hasWebinar, emailOk), (p) => turn(`${nm(p)} came to our webinar — draft a follow-up email before EOD`, [draft(p, 'email')])],
  [blocked('email'), (p) => turn(`draft an email to ${nm(p)} about ${brand(p)}, need it out before friday`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('email'), (p) => turn(`Please draft an email to ${p.name} summarising the ${brand(p)} efficacy overview.`, [draft(p, 'email')])],
  [allowed('sms'), (p) => turn(`draft a text for ${nm(p)} with the ${brandTypo(p)} patient support details`, [draft(p, 'sms')])],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`${nm(p)}: can i email ${p.obj}, and what's the nba`, [check(p, 'email'), next(p.id)], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`brief me on ${nm(p)} and check whatsapp consent`, [lookup(p), check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`${nm(p)}: approved ${brandTypo(p)} safety info + can i email it to ${p.obj}?`, [search({ query: brandKey(p) }), check(p, 'email')], consentFacts(p.hcp, 'email'))],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`why isn't omni suggesting an email for ${nm(p)}? ${p.subj} reads them`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'phone')), (p) => turn(`${nm(p)} always picks up the phone — why not recommend a call?`, [next(p.id), explain('phone')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`i'd rather visit ${nm(p)} in person. why isn't that the top pick`, [next(p.id), explain('field_visit')])],
  [always, (p) => turn(`${nm(p)}: walk me through why that's the recommendation`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`accept ${nm(p)}'s recommendation, doing it today`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`dismiss ${nm(p)}'s rec — ${p.subj} left the practice`, [next(p.id), feedback('dismiss')])],
  // 14 days after Friday 2026-11-20.
  [always, (p) => turn(`${nm(p)}'s on holiday for a fortnight, snooze the suggestion`, [next(p.id), snooze('2026-12-04')])],
  [always, (p) => turn(`snooze ${dr(p)} until 1 Dec`, [next(p.id), snooze('2026-12-01')])],
  // Thanksgiving 2026 is Thursday 26 November.
  [always, (p) => turn(`hold ${nm(p)}'s rec till the monday after thanksgiving`, [next(p.id), snooze('2026-11-30')])],
  [always, (p) => turn(`not doing the ${nm(p)} one, dismiss — ${p.poss} office has a no-rep policy now`, [next(p.id), feedback('dismiss')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`just left ${dr(p)}'s office — ${p.subj} said a patient on ${brand(p)} ended up in the ER with chest pain. what do i need to do`, [reportAe({ hcp: p.last, product: brand(p) })])],
  [always, (p) => turn(`${nm(p)} mentioned a 67-year-old male patient on ${brandTypo(p)} had a GI bleed. logging this`, [reportAe({ hcp: p.last, product: brandKey(p), patientAge: 67, patientSex: 'male' })])],
  [always, (p) => turn(`at ${nm(p)}'s front desk a patient told me ${brand(p)} gives her migraines. i heard it from her myself`, [reportAe({ reporter: 'employee', product: brand(p) })])],
  [always, (p) => turn(`AE to report before EOD: ${dr(p)}'s patient on ${brand(p)} had a severe allergic reaction`, [reportAe({ hcp: p.last, product: brand(p) })])],
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
  // Two HCPs in one question; the plan's top and a consent question about them.
  const userId = nextRep();
  const a = whoLast(userId);
  const b = whoLast(userId);
  rep('two_asks', userId, turn(`${nm(a)} vs ${nm(b)} — which one should i see first this week?`, [next(a.id), next(b.id)]));
  const userId2 = nextRep();
  const c = whoLast(userId2, allowed('whatsapp'));
  const d = whoLast(userId2);
  rep('two_asks', userId2, turn(`are ${nm(c)} and ${nm(d)} both ok for whatsapp`, [check(c, 'whatsapp'), check(d, 'whatsapp')], [...consentFacts(c.hcp, 'whatsapp'), ...consentFacts(d.hcp, 'whatsapp')]));
  const userId3 = nextRep();
  const top = nth(planIds(userId3), 0);
  rep('two_asks', userId3, turn("who's first on my list today, and can i phone them?", [plan(), checkId(top, 'phone')], [nameOf(top), ...idFacts(top, 'phone')]));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn('how do my follow-up numbers look so far this month', [perf({ metric: 'follow_up_rate', period: 'month_to_date' })]));

for (const question of [
  'can i give a doc a medical textbook that costs about $80',
  'a doctor asked us to cover his registration fee for a conference. is that ok',
  'is it ok to show a doc a journal article about an unapproved use if they ask for it',
  'can i buy lunch for the whole practice when i do an in-service',
  'am i allowed to record a call with a doctor for training purposes',
]) rep('policy', nextRep(), policy(question));
for (const question of ['will it snow in boston on saturday', 'help me fix my expense report in concur', 'suggest a podcast for a long drive']) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn('what came up most in my HCP conversations this quarter', [insights({ period: 'this_quarter' })]),
  () => turn('dosing questions in my notes over the last 60 days', [insights({ topic: 'dosing', period: 'last_60_days' })]),
  () => turn('themes from my gastroenterologists this quarter', [insights({ specialty: 'gastroenterology', period: 'this_quarter' })]),
  () => turn('top 4 themes last month', [themes(4, { period: 'last_month' })]),
  () => turn('what are my docs saying about competitors lately', [insights({ topic: 'compet' })]),
  () => turn('access barriers mentioned for kalydeco, ytd', [insights({ product: 'kalydeco', topic: 'access', period: 'year_to_date' })]),
  () => turn('in october, what were HCPs asking me about', [insights({ from: '2026-10-01', to: '2026-10-31' })]),
  () => turn("emerging topics in my territory? prepping for monday's medical huddle", [insights()]),
  () => turn('off-label questions in my notes since 1 October', [insights({ topic: 'off', from: '2026-10-01' })]),
  () => turn('positive feedback on tecfidera over the past 90 days', [insights({ product: 'tecfidera', topic: 'positive', period: 'last_90_days' })]),
  () => turn('what questions keep coming up about cerdelga', [insights({ product: 'cerdelga' })]),
  () => turn('Could you summarise the safety concerns my HCPs raised in the last six months?', [insights({ topic: 'safety', period: 'last_180_days' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_NE, (u) => turn('before i file my monthly report: any possible AEs in my notes, last 30 days?', [insights()], ae(u, 'last_30_days'))],
  [MSL_MW, (u) => turn('side effects mentioned this quarter that need reporting', [insights({ period: 'this_quarter' })], ae(u, 'this_quarter'))],
  [MSL_W, (u) => turn('gilenya mentions that might be adverse events, last 6 months', [insights({ product: 'gilenya', period: 'last_180_days' })], ae(u, 'last_180_days', 'prod-gilenya'))],
  [MSL_NE, (u) => turn('anything PV-reportable from the last two weeks', [insights({ period: 'last_14_days' })], ae(u, 'last_14_days'))],
  [MSL_MW, (u) => turn('possible adverse events since 15 October', [insights({ from: '2026-10-15' })], adverseEventNotesFrom(u, '2026-10-15'))],
];
const mslBrief: Ask[] = [
  [always, (p) => turn(`post-congress follow-up with ${nm(p)}: background and recent interactions?`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`${dr(p)} had a question for medical — what was it and how long has it been open?`, [lookup(p)])],
  [always, (p) => turn(`is ${nm(p)} involved in any clinical trials`, [lookup(p)])],
  [endSwappable, (p) => turn(`${endSwapped(p).typed} profile pls, medical view`, [lookupKey(endSwapped(p).key)]), 'last'],
  [perUser((u) => sharedFirstOwnCity(u)), (p) => turn(`the ${fst(p)} who practises in ${p.hcp.city} — background?`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`${p.name}: influence score and tier?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)} — which institution, and what's ${p.poss} focus area`, [lookup(p)], [p.hcp.institution])],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`looking to book ${nm(p)} for an msl meeting after thanksgiving — consent in place?`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`am i clear to email ${dr(p)} a medical information response`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`phone ${nm(p)} about ${p.poss} medical question — allowed?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`a ${fst(p)} asked for a medical call-back. do we have medical phone consent? only have the first name`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`virtual medical meeting with ${nm(p)}: consent ok?`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical'))],
  [always, (p) => turn(`${nm(p)} wants a medical follow-up on whatsapp — permitted?`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('standard medical response for imbruvica', [medSearch('imbruvica')]),
  () => turn('any approved MI letter covering cerdelga drug interactions', [medSearch('cerdelga')]),
  () => turn('med info response on tecfidera and lymphopenia', [medSearch('tecfidera')]),
  () => turn('ustekinumab medical information response?', [medSearch()]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`draft the medical follow-up email for ${nm(p)} after our congress chat on ${brand(p)}`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`email ${dr(p)} the ${brand(p)} medical response — draft it please`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`could you prepare a medical reply email to ${p.name} on ${brand(p)} dosing`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`${nm(p)} told me at the congress that a patient on ${brand(p)} developed hepatitis, 49 year old male. please report`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 49, patientSex: 'male' })])],
  [always, () => turn('a caregiver told me directly that their child on kalydeco had a seizure. file whatever you can now', [reportAe({ reporter: 'employee', product: 'kalydeco', submit: true })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn("how's my medical follow-up rate looking this month", [mfu({ period: 'month_to_date' })]));
for (const question of [
  'if someone asks in the Q&A at a congress, can i present off-label data',
  'is it ok for me to accept an honorarium for speaking at hospital grand rounds',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('recommend a sushi place in san diego for a team dinner'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('for the QBR medical slide: top themes across all regions last quarter', [insights({ period: 'last_quarter' })]),
  turn("what's new from the field in the west this month", [insights({ territory: 'T-W', period: 'this_month' })]),
  turn('neurology field insights, past 60 days', [insights({ specialty: 'neurology', period: 'last_60_days' })]),
  turn('xeljanz access concerns over the last 90 days', [insights({ product: 'xeljanz', topic: 'access', period: 'last_90_days' })]),
  turn('H1 field themes, top 5', [themes(5, { from: '2026-01-01', to: '2026-06-30' })]),
  turn('how are oncologists reacting to keytruda this quarter', [insights({ product: 'keytruda', specialty: 'oncology', period: 'this_quarter' })]),
  turn('competitive intel from the midwest over the last 30 days', [insights({ topic: 'compet', territory: 'T-MW' })]),
  turn('any dosing confusion around cerdelga this year', [insights({ product: 'cerdelga', topic: 'dosing', period: 'year_to_date' })]),
  turn('open medical questions in the northeast', [insights({ territory: 'T-NE' })]),
  turn('what did the field hear about stelara in october', [insights({ product: 'stelara', from: '2026-10-01', to: '2026-10-31' })]),
  turn('side-effect questions on imbruvica, last 180 days', [insights({ product: 'imbruvica', topic: 'side', period: 'last_180_days' })]),
];
const maAe: TurnInput[] = [
  turn('weekly PV sweep: possible AEs, last 7 days, all regions', [insights({ period: 'last_7_days' })], ae(MA, 'last_7_days')),
  turn('PV check for kalydeco: anything AE-like in field notes since the quarter started', [insights({ product: 'kalydeco', period: 'this_quarter' })], ae(MA, 'this_quarter', 'prod-kalydeco')),
  turn('possible AEs on imbruvica in the last 90', [insights({ product: 'imbruvica', period: 'last_90_days' })], ae(MA, 'last_90_days', 'prod-imbruvica')),
  turn('AE candidates from the field since 20 October', [insights({ from: '2026-10-20' })], adverseEventNotesFrom(MA, '2026-10-20')),
  turn('xeljanz safety signals ytd that may need PV follow-up', [insights({ product: 'xeljanz', period: 'year_to_date' })], ae(MA, 'year_to_date', 'prod-xeljanz')),
  turn('possible adverse events so far this month, every product', [insights({ period: 'this_month' })], ae(MA, 'this_month')),
];
const maFollowUp: TurnInput[] = [
  turn('medical follow-up so far this quarter against the same stretch last year', [mfu({ period: 'quarter_to_date', compareTo: 'previous_year' })]),
  turn('medical follow-up by channel, last 90 days', [mfu({ dimension: 'channel', period: 'last_90_days' })]),
  turn('how good are we at medical follow-up on keytruda inquiries', [mfu({ filters: { product: 'keytruda' } })]),
  turn('weekly medical follow-up trend over the last 30 days', [mfu({ dimension: 'week' })]),
  turn('year to date, how is the midwest doing on medical follow-up', [mfu({ period: 'year_to_date', filters: { territory: ['T-MW'] } })]),
  turn('medical follow-up for october', [mfu({ period: { from: '2026-10-01', to: '2026-10-31' } })]),
  turn('medical follow-up by specialty, no comparison needed', [mfu({ dimension: 'specialty', compareTo: 'none' })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`${p.name} — would ${p.subj} fit an advisory board on ${brand(p)}? background please`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`what is ${nm(p)} waiting on from medical`, [lookup(p)])],
  [always, (p) => turn(`${dr(p)}: trial involvement and influence`, [lookup(p)])],
  [endSwappable, (p) => turn(`${endSwapped(p).typed} — is this the KOL from the field report?`, [lookupKey(endSwapped(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('medical response for gilenya in pregnancy', [medSearch('gilenya')]),
  turn('tofacitinib medical information letter', [medSearch()]),
  turn('med info on kalydeco drug interactions', [medSearch('kalydeco')]),
  turn('cerdelga medical responses, top 2', [search({ query: 'cerdelga', purpose: 'medical', limit: 2 })]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`could medical send ${nm(p)} a reprint by email, consent-wise`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`has ${dr(p)} agreed to meet with an MSL`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`medical whatsapp with ${nm(p)} — allowed or not`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA);
  msl('ae_report', MA, turn(`forwarded from the field: ${nm(p)} reports a patient on ${brand(p)} with severe liver injury, 38-year-old woman. please log it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 38, patientSex: 'female' })]));
  const q = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA, turn(`${dr(q)} is waiting on an answer from us — draft the medical email`, [medDraft(q, 'email')]));
}
for (const question of [
  'can a kol we pay as a consultant also be invited as a speaker at our symposium',
  'who should own an unsolicited off-label request that came in through a rep',
  'do we have to report an adverse event if the doctor thinks it is unrelated to our drug',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('translate "thank you for your time" into german'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn("last quarter's follow-up rate vs the quarter before it", [perf({ metric: 'follow_up_rate', period: 'last_quarter' })])],
  [EAST, turn('reach by rep, quarter to date', [perf({ metric: 'reach', dimension: 'rep', period: 'quarter_to_date' })])],
  [EAST, turn('how did engagement rate look in october', [perf({ metric: 'engagement_rate', period: { from: '2026-10-01', to: '2026-10-31' } })])],
  [EAST, turn('email opens by territory ytd vs last year', [perf({ metric: 'email_open_rate', dimension: 'territory', period: 'year_to_date', compareTo: 'previous_year' })])],
  [EAST, turn("casey's nba acceptance so far this month", [perf({ metric: 'nba_acceptance_rate', period: 'month_to_date', filters: { rep: 'u-rep-ne-2' } })])],
  [EAST, turn('dead ends broken out by segment', [perf({ metric: 'dead_end_rate', dimension: 'segment' })])],
  [EAST, turn('what share of hcps in each territory have opted in to whatsapp', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'whatsapp' } })])],
  [EAST, turn('median days to follow up for each rep, last 90', [perf({ metric: 'median_time_to_follow_up', dimension: 'rep', period: 'last_90_days' })])],
  [EAST, turn('webinar attendance by product last quarter', [perf({ metric: 'webinar_attendance', dimension: 'product', period: 'last_quarter' })])],
  [EAST, turn('are we over-contacting any neurologists', [perf({ metric: 'over_contacted', filters: { specialty: 'neurology' } })])],
  [EAST, turn('contacts per hcp in the midwest, last 30 days', [perf({ metric: 'frequency', filters: { territory: ['T-MW'] } })])],
  [EAST, turn('for the QBR: did cross-channel progression improve from Q2 to Q3', [perf({ metric: 'cross_channel_progression', period: { from: '2026-07-01', to: '2026-09-30' }, compareTo: { from: '2026-04-01', to: '2026-06-30' } })])],
  [EAST, turn('email click rate for B-segment docs', [perf({ metric: 'email_click_rate', filters: { segment: 'B' } })])],
  [EAST, turn("ferreira's reach vs the same time last year", [perf({ metric: 'reach', compareTo: 'previous_year', filters: { rep: 'u-rep-mw-1' } })])],
  [WEST, turn('follow-up rate for prescott and soto, side by side', [perf({ metric: 'follow_up_rate', dimension: 'rep' })])],
  [WEST, turn('engagement by specialty this quarter', [perf({ metric: 'engagement_rate', dimension: 'specialty', period: 'quarter_to_date' })])],
  [WEST, turn('our email open rate so far this month', [perf({ metric: 'email_open_rate', period: 'month_to_date' })])],
  [WEST, turn('dead end rate by month for the last 12 months', [perf({ metric: 'dead_end_rate', dimension: 'month', period: 'last_365_days' })])],
  [WEST, turn('share of dermatologists with email consent', [perf({ metric: 'consent_coverage', filters: { channel: 'email', specialty: 'dermatology' } })])],
  [WEST, turn('nba acceptance by channel, last quarter', [perf({ metric: 'nba_acceptance_rate', dimension: 'channel', period: 'last_quarter' })])],
  [WEST, turn('how many hcps did soto reach in october', [perf({ metric: 'reach', period: { from: '2026-10-01', to: '2026-10-31' }, filters: { rep: 'u-rep-w-2' } })])],
  [WEST, turn('over-contacted hcps week by week, last 90 days', [perf({ metric: 'over_contacted', dimension: 'week', period: 'last_90_days' })])],
  [WEST, turn('webinar turnout for xeljanz this year', [perf({ metric: 'webinar_attendance', period: 'year_to_date', filters: { product: 'xeljanz' } })])],
  [ADMIN, turn('company-wide follow-up rate by territory, ytd, no comparison', [perf({ metric: 'follow_up_rate', dimension: 'territory', period: 'year_to_date', compareTo: 'none' })])],
  [ADMIN, turn('engagement rate for jamie ng, last 30 days', [perf({ metric: 'engagement_rate', filters: { rep: 'u-rep-mw-2' } })])],
  [ADMIN, turn('in the west, are follow-ups quicker than a year ago? median days', [perf({ metric: 'median_time_to_follow_up', compareTo: 'previous_year', filters: { territory: ['T-W'] } })])],
  [ADMIN, turn('consent coverage by channel among oncologists', [perf({ metric: 'consent_coverage', dimension: 'channel', filters: { specialty: 'oncology' } })])],
  [ADMIN, turn('reach by product for H1', [perf({ metric: 'reach', dimension: 'product', period: { from: '2026-01-01', to: '2026-06-30' } })])],
  [ADMIN, turn('average touches per hcp in each segment last quarter', [perf({ metric: 'frequency', dimension: 'segment', period: 'last_quarter' })])],
  [ADMIN, turn('monthly click rates on gilenya emails since january', [perf({ metric: 'email_click_rate', dimension: 'month', period: 'year_to_date', filters: { product: 'gilenya' } })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn('for the QBR: where do we sit on the omnichannel maturity curve', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('maturity based on just the past 45 days', [{ name: 'assess_maturity', args: { periodDays: 45 } }]));
mgr('maturity', ADMIN, turn("what's holding our maturity back, and what do we fix first", [maturity]));
mgr('maturity', EAST, turn('of the maturity dimensions, where do we score lowest', [maturity]));
mgr('maturity', WEST, turn('maturity again, but looking back a whole 365 days', [{ name: 'assess_maturity', args: { periodDays: 365 } }]));

mgr('plan', EAST, turn('top 8 hcps across the team for next week', [plan(8)], [nameOf(nth(planIds(EAST, 8), 0))]));
mgr('plan', WEST, turn('team-wide list of docs where a follow-up is overdue', [planBy({ flag: 'follow_up_due' })]));
{
  const city = cityWith(EAST, { specialty: 'oncology' }, 2);
  mgr('plan', EAST, turn(`oncologists in ${city} my reps should prioritise`, [planBy({ city, specialty: 'oncology' })]));
}
mgr('plan', ADMIN, turn('which A-segment docs company-wide have opted out of email', [planBy({ segment: 'A', consent: { channel: 'email', status: 'revoked' } })]));
mgr('plan', WEST, turn('D segment hcps worth a look', [planBy({ segment: 'D' })]));
mgr('plan', EAST, turn('who has never been asked for whatsapp consent, top 5', [planBy({ consent: { channel: 'whatsapp', status: 'none' }, limit: 5 })]));

{
  const a = who(EAST, inTerritory('T-NE'));
  mgr('brief', EAST, turn(`riding along with taylor to see ${nm(a)} on tuesday — quick background?`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`${b.name} came up in my QBR notes. who is this`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${nm(c)}: practice location? just the city`, [lookup(c)], [c.hcp.city]));
  const d = who(EAST, inTerritory('T-MW'));
  mgr('next_action', EAST, turn(`jordan wants to know what to do next with ${nm(d)}. what does omni say`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`${dr(e)}: what's the suggested next step for my team`, [next(e.id)]));
  const f = who(EAST);
  mgr('consent', EAST, turn(`is my team allowed to email ${nm(f)}?`, [check(f, 'email')], consentFacts(f.hcp, 'email')));
  const g = who(ADMIN, hasRecord('whatsapp'));
  mgr('consent', ADMIN, turn(`${nm(g)} whatsapp consent — active or lapsed?`, [check(g, 'whatsapp')], consentFacts(g.hcp, 'whatsapp')));
  const h = who(EAST);
  mgr('ae_report', EAST, turn(`during a ride-along ${nm(h)} told us a patient on ${brand(h)} had a heart attack. how do we report it`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('follow-up rate and dead end rate, last quarter', [perf({ metric: 'follow_up_rate', period: 'last_quarter' }), perf({ metric: 'dead_end_rate', period: 'last_quarter' })]));
mgr('two_asks', WEST, turn('maturity stage plus reach by rep for my summary', [maturity, perf({ metric: 'reach', dimension: 'rep' })], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('email open rate and click rate for keytruda, ytd', [perf({ metric: 'email_open_rate', period: 'year_to_date', filters: { product: 'keytruda' } }), perf({ metric: 'email_click_rate', period: 'year_to_date', filters: { product: 'keytruda' } })]));

mgr('policy', EAST, policy('can a rep attend a doctor’s private holiday party if invited'));
mgr('policy', WEST, policy('what should i do if a rep tells me they sent an email without consent'));
mgr('policy', ADMIN, policy('are we allowed to use hcp prescribing data to set rep bonuses'));
mgr('out_of_scope', EAST, outOfScope('write a farewell card message for a colleague who is leaving'));
mgr('out_of_scope', WEST, outOfScope('what time is it in tokyo right now'));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep.
{
  // After a plan: the first entry below the top whose email is allowed, by its place.
  const u = NE2;
  const ids = planIds(u);
  const index = firstIndex(ids, emailOk, 1);
  const id = nth(ids, index);
  rep('plan', u,
    turn("who's on deck for today", [plan()]),
    turn(`the ${ORDINAL[index]} one — who's that and what's the play`, [nextId(id)], [nameOf(id)]),
    turn('email allowed for that doc?', [checkId(id, 'email')], idFacts(id, 'email')),
    turn("ok draft it, email's fine", [draftId(id, 'email')]),
  );
}
{
  // A new hire learning the words.
  const u = W1;
  const ids = planFiltered(u, { flag: 'dead_end' });
  const top = nth(ids, 0);
  rep('plan', u,
    turn('new here — can you show me which of my docs are flagged as dead ends?', [planBy({ flag: 'dead_end' })]),
    turn('what does that flag actually mean', []),
    turn('for the top one, what should i do differently', [nextId(top)], [nameOf(top)]),
  );
}
{
  // A correction of the HCP.
  const u = MW1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('consent', u,
    turn(`is whatsapp an option with ${nm(a)}`, [check(a, 'whatsapp')], consentFacts(a.hcp, 'whatsapp')),
    turn(`no wait, i meant ${nm(b)}`, [check(b, 'whatsapp')], consentFacts(b.hcp, 'whatsapp')),
    turn(`and email for ${b.obj}?`, [check(b, 'email')], consentFacts(b.hcp, 'email')),
  );
}
{
  // In the hallway: brief, recommendation, why not email, dismiss.
  const u = NE1;
  const p = who(u, notRecommended(u, 'email'));
  rep('why_not', u,
    turn(`standing outside ${nm(p)}'s clinic. 30 sec brief`, [lookup(p)]),
    turn('right, and what does omni want me to do with them', [next(p.id)]),
    turn("wouldn't an email be quicker? why not that", [explain('email')]),
    turn(`meh, dismiss it — ${p.subj} ${p.subj === 'they' ? 'prefer' : 'prefers'} visits`, [feedback('dismiss')]),
  );
}
{
  // One channel, three purposes.
  const u = W2;
  const p = who(u);
  rep('consent', u,
    turn(`${nm(p)} — are promo emails allowed`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('what about for event invitations', [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events')),
    turn('and a market research survey?', [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research')),
  );
}
{
  // Narrowing a list twice, then the first entry.
  const u = MW2;
  const city = cityWith(u, { specialty: 'oncology', flag: 'follow_up_due' });
  const id = nth(planFiltered(u, { city, specialty: 'oncology', flag: 'follow_up_due' }), 0);
  rep('plan', u,
    turn('all my oncology docs, ranked', [planBy({ specialty: 'oncology' })]),
    turn(`only the ones in ${city}`, [planBy({ specialty: 'oncology', city })]),
    turn('and just where a follow-up is due', [planBy({ specialty: 'oncology', city, flag: 'follow_up_due' })]),
    turn('first one on that — can i text them', [checkId(id, 'sms')], idFacts(id, 'sms')),
  );
}
{
  // Context first, then an adverse event completed a turn later.
  const u = NE2;
  const p = who(u);
  rep('ae_report', u,
    turn(`just left ${dr(p)}'s office. ${p.subj} mentioned a patient on ${brand(p)} who developed jaundice`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("patient's a 45 yo woman", [reportAe({ patientAge: 45, patientSex: 'female' })]),
    turn("what's the intake number, and when is it due by", []),
  );
}
{
  // Two HCPs, then "the second one" and "the first one".
  const u = W1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('two_asks', u,
    turn(`torn between ${nm(a)} and ${nm(b)} for my one free slot — who should get it?`, [next(a.id), next(b.id)]),
    turn('the second one — can i visit in person', [check(b, 'field_visit')], consentFacts(b.hcp, 'field_visit')),
    // 7 days after Friday 2026-11-20.
    turn('snooze the first one for a week', [snooze('2026-11-27')]),
  );
}
{
  // The channel switched mid-draft.
  const u = MW1;
  const p = who(u, both(allowed('email'), allowed('sms')));
  rep('draft', u,
    turn(`draft an email to ${nm(p)} on ${brand(p)} patient support`, [draft(p, 'email')]),
    turn('actually make it a text', [draft(p, 'sms')]),
    turn('does that include the safety info?', []),
  );
}
{
  // Quoting the earlier answer.
  const u = NE1;
  const p = who(u, (hcp) => ['approved_email', 'field_visit', 'remote_detail'].includes(recommendedOf(u, hcp).kind));
  const label = recommendedOf(u, p.hcp).label;
  rep('why_not', u,
    turn(`${nm(p)} — what does omni want me doing next there`, [next(p.id)]),
    turn(`you said "${label}" — why that over a call?`, [explain('phone')]),
    turn('fair enough, mark it accepted', [feedback('accept')]),
  );
}
{
  // A deadline: a city's plan, its top, and in-person consent.
  const u = W2;
  const city = cityWith(u, {}, 5);
  const top = nth(planFiltered(u, { city }), 0);
  rep('plan', u,
    turn(`i'm in ${city} thursday and need to book visits before friday — who?`, [planBy({ city })]),
    turn('top one, brief me', [lookupId(top)], [nameOf(top)]),
    turn('in-person consent ok for them?', [checkId(top, 'field_visit')], idFacts(top, 'field_visit')),
  );
}
{
  // A negation: who not to email, then who not to text.
  const u = MW2;
  const ids = planFiltered(u, { consent: { channel: 'sms', status: 'revoked' } });
  const first = nth(ids, 0);
  rep('consent', u,
    turn("which of my docs opted out of email? don't want to email anyone i shouldn't", [planBy({ consent: { channel: 'email', status: 'revoked' } })]),
    turn('and texts?', [planBy({ consent: { channel: 'sms', status: 'revoked' } })]),
    turn('first on that list — can i phone them instead?', [checkId(first, 'phone')], [nameOf(first), ...idFacts(first, 'phone')]),
  );
}
{
  // British English, and a snooze for annual leave.
  const u = NE2;
  const p = who(u);
  rep('feedback', u,
    turn(`Could you give me a brief on ${dr(p)} before my 4 o'clock?`, [lookup(p)]),
    turn("What's the recommended next step?", [next(p.id)]),
    turn(`${p.subj === 'they' ? "They're" : p.subj === 'she' ? "She's" : "He's"} on annual leave until 1 December — please snooze it until then.`, [snooze('2026-12-01')]),
  );
}
{
  // Content, then a draft of it.
  const u = W1;
  const p = who(u, both(allowed('email'), inSpecialties('Rheumatology')));
  rep('content', u,
    turn('approved xeljanz efficacy overview?', [search({ query: 'xeljanz' })]),
    turn(`turn that into an email for ${nm(p)}`, [draft(p, 'email')]),
    turn('add the safety info too', []),
  );
}
{
  // A shared first name, settled by city.
  const u = MW1;
  const p = pick(u, both(plain, sharedFirst(u), sharedFirstOwnCity(u)));
  rep('next_action', u,
    turn(`can you look up ${fst(p)} for me — we spoke at a dinner last month`, ...byFirst(p)),
    turn(`i mean the ${fst(p)} based in ${p.hcp.city}`, [lookup(p)]),
    turn(`ok, nba for ${p.obj}`, [next(p.id)]),
  );
}
{
  // "What about" another specialty.
  const u = NE1;
  const derm = nth(planFiltered(u, { specialty: 'dermatology' }), 0);
  rep('plan', u,
    turn('rheum docs i should see', [planBy({ specialty: 'rheumatology' })]),
    turn('ok now the dermatologists', [planBy({ specialty: 'dermatology' })]),
    turn('the top derm — whatsapp ok?', [checkId(derm, 'whatsapp')], [nameOf(derm), ...idFacts(derm, 'whatsapp')]),
  );
}
{
  // Asking why after a plan.
  const u = W2;
  const top = nth(planIds(u, 5), 0);
  rep('feedback', u,
    turn('top 5 today', [plan(5)]),
    turn('why is #1 above #2?', []),
    turn("and for the one ranked first, what's the recommended action", [nextId(top)], [nameOf(top)]),
    turn('accept', [feedback('accept')]),
  );
}
{
  // Blocked, asking why.
  const u = MW2;
  const p = who(u, both(blocked('sms'), hasRecord('sms')));
  rep('consent', u,
    turn(`thinking of texting ${nm(p)} a reminder — allowed?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn(`why not? ${p.subj} gave me ${p.poss} number`, [], consentFacts(p.hcp, 'sms')),
    turn("ok so what's the best channel then", [next(p.id)]),
  );
}
{
  // Two asks, then "draft it", then a change.
  const u = NE2;
  const p = who(u, allowed('email'));
  rep('draft', u,
    turn(`${nm(p)}: give me the rundown, and tell me if email's allowed`, [lookup(p), check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('good — go ahead and write that email', [draft(p, 'email')]),
    turn(`swap the efficacy piece for the ${brand(p)} patient support info`, [draft(p, 'email')]),
  );
}
{
  // Seen first-hand, filed incomplete.
  const u = W1;
  const p = who(u);
  rep('ae_report', u,
    turn(`at ${nm(p)}'s clinic today a patient in the waiting room told me her ${brand(p)} made her vomit for days — i heard it from her`, [reportAe({ reporter: 'employee', product: brand(p) })]),
    turn('no idea of her age. just send it', [reportAe({ submit: true })]),
    turn('when does drug safety need it by', []),
  );
}
{
  // Cutting a plan down, then consent for each.
  const u = MW1;
  const ids = planIds(u, 3);
  rep('plan', u,
    turn('who deserves my time this week', [plan()]),
    turn('cut it to the top 3', [plan(3)]),
    turn('email ok for all three?', ids.map((id) => checkId(id, 'email')), ids.flatMap((id) => idFacts(id, 'email'))),
  );
}
{
  // A typo'd name, why not a call, a snooze.
  const u = NE1;
  const p = whoLast(u, endSwappable);
  rep('feedback', u,
    turn(`${endSwapped(p).typed} nba?`, [lookupKey(endSwapped(p).key), next(p.id)]),
    turn('why not phone', [explain('phone')]),
    // 5 days after Friday 2026-11-20.
    turn('snooze it for 5 days', [snooze('2026-11-25')]),
  );
}

// --- MSL.
{
  // Back from a congress.
  const u = MSL_MW;
  msl('insights', u,
    turn('back from ACR — what have my rheumatologists been saying over the past 2 weeks', [insights({ specialty: 'rheumatology', period: 'last_14_days' })]),
    turn('narrow that to xeljanz mentions', [insights({ specialty: 'rheumatology', product: 'xeljanz', period: 'last_14_days' })]),
    turn('any of that look like an adverse event?', []),
  );
}
{
  const u = MSL_NE;
  const ids = unansweredQuestionHcps(u, 'last_30_days');
  const second = nth(ids, 1);
  const mailFine = idAllowed(second, 'email', 'medical');
  msl('insights', u,
    turn('open medical questions from my HCPs', [insights()]),
    turn('the second one, who is that', [lookupId(second)], [nameOf(second)]),
    turn('can i call them for a medical discussion', [checkId(second, 'phone', 'medical')], idFacts(second, 'phone', 'medical')),
    turn('fine — a medical email to them then, draft it', [mailFine ? medDraftId(second, 'email') : checkId(second, 'email', 'medical')], mailFine ? [] : idFacts(second, 'email', 'medical')),
  );
}
msl('insights', MSL_W,
  turn('what themes are showing up in my notes this quarter', [insights({ period: 'this_quarter' })]),
  turn('how does that compare with the quarter before', [insights({ period: 'last_quarter' })]),
  turn('give me only the three biggest', [themes(3, { period: 'last_quarter' })]),
);
{
  const u = MSL_MW;
  const p = who(u, inSpecialties('Hematology & Oncology'));
  msl('ae_report', u,
    turn(`${nm(p)} told me about a patient on ${brand(p)} with severe neutropenia`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn("she's 58", [reportAe({ patientAge: 58, patientSex: 'female' })]),
    turn('thanks — did that go through?', []),
  );
}
{
  const u = MSL_NE;
  const p = who(u);
  msl('medical_consent', u,
    turn(`does ${nm(p)} have medical email consent on record`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('and for an msl meeting?', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
    turn('what about video', [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical')),
  );
}
{
  const u = MSL_W;
  const p = who(u, both(allowed('email', 'medical'), hasOpenQuestion(u), inSpecialties('Medical Oncology', 'Hematology & Oncology')));
  msl('brief', u,
    turn(`${nm(p)} asked me something at ESMO — what's logged as open?`, [lookup(p)]),
    turn(`find the ${brand(p)} medical response for that`, [medSearch(brand(p))]),
    turn('draft it as a medical email', [medDraft(p, 'email')]),
  );
}
msl('insights', MSL_MW,
  turn('dosing questions on imbruvica, last 90 days', [insights({ product: 'imbruvica', topic: 'dosing', period: 'last_90_days' })]),
  turn('and for keytruda?', [insights({ product: 'keytruda', topic: 'dosing', period: 'last_90_days' })]),
  turn('widen to 6 months', [insights({ product: 'keytruda', topic: 'dosing', period: 'last_180_days' })]),
);
msl('adverse_events', MSL_NE,
  turn('anything AE-ish in my notes from the last 60 days', [insights({ period: 'last_60_days' })], ae(MSL_NE, 'last_60_days')),
  turn('now restrict it to the past 30 days', [insights()], ae(MSL_NE, 'last_30_days')),
  turn('which product comes up most', []),
);
{
  const u = MSL_W;
  const p = who(u, notRecommended(u, 'msl_meeting'));
  msl('next_action', u,
    turn(`what would you suggest for ${nm(p)} from a medical angle`, [next(p.id)]),
    turn('why not an msl meeting', [explain('msl_meeting')]),
    turn('is an msl meeting even consented', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}
{
  // Two HCPs, then "the one who does".
  const u = MSL_MW;
  const a = whoLast(u, both(hasOpenQuestion(u), allowed('email', 'medical')));
  const b = whoLast(u, (hcp) => !hasOpenQuestion(u)(hcp));
  msl('medical_draft', u,
    turn(`${nm(a)} and ${nm(b)}: which of them has an open medical question?`, [lookup(a), lookup(b)]),
    turn('the one who does — medical email ok?', [med(a, 'email')], consentFacts(a.hcp, 'email', 'medical')),
    turn('great — prepare that medical email', [medDraft(a, 'email')]),
  );
}

// --- Medical affairs.
msl('medical_follow_up_rate', MA,
  turn('for last quarter, what was our medical follow-up rate', [mfu({ period: 'last_quarter' })]),
  turn('now per product', [mfu({ dimension: 'product', period: 'last_quarter' })]),
  turn('switch to by channel', [mfu({ dimension: 'channel', period: 'last_quarter' })]),
  turn('and compare with the same quarter last year', [mfu({ dimension: 'channel', period: 'last_quarter', compareTo: 'previous_year' })]),
);
msl('adverse_events', MA,
  turn('possible AEs over the last 30 days, all regions', [insights()], ae(MA, 'last_30_days')),
  turn('narrow it to the northeast', [insights({ territory: 'T-NE' })]),
  turn('and the west', [insights({ territory: 'T-W' })]),
);
{
  const id = nth(unansweredIn(MA, 'T-W'), 0);
  msl('insights', MA,
    turn('unanswered medical questions in the west', [insights({ territory: 'T-W' })]),
    turn('the first question on that list — which doctor was it?', [lookupId(id)], [nameOf(id)]),
    turn('does medical have email consent for them', [checkId(id, 'email', 'medical')], idFacts(id, 'email', 'medical')),
  );
}
{
  const p = who(MA);
  msl('ae_report', MA,
    turn(`a rep forwarded this: ${nm(p)}'s patient on ${brand(p)} got a rash and fever after starting`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('female, 71', [reportAe({ patientAge: 71, patientSex: 'female' })]),
    turn('anything else drug safety will want?', []),
  );
}
{
  const p = who(MA, both(hasRecord('msl_meeting', 'medical'), allowed('email', 'medical')));
  msl('medical_draft', MA,
    turn(`prep for an advisory board invite: ${dr(p)} background`, [lookup(p)]),
    turn(`is there msl meeting consent for ${p.obj}`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
    turn('and medical email — if fine, draft a short note', [med(p, 'email'), medDraft(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
  );
}
msl('insights', MA,
  turn('competitor mentions for stelara over the past 60 days', [insights({ product: 'stelara', topic: 'compet', period: 'last_60_days' })]),
  turn('sorry, i meant tecfidera', [insights({ product: 'tecfidera', topic: 'compet', period: 'last_60_days' })]),
  turn('same for the past year', [insights({ product: 'tecfidera', topic: 'compet', period: 'last_365_days' })]),
);
msl('medical_follow_up_rate', MA,
  turn('territory by territory, medical follow-up since january 1', [mfu({ dimension: 'territory', period: 'year_to_date' })]),
  turn('drill into the midwest by month', [mfu({ dimension: 'month', period: 'year_to_date', filters: { territory: ['T-MW'] } })]),
  turn('just gilenya there', [mfu({ dimension: 'month', period: 'year_to_date', filters: { territory: ['T-MW'], product: 'gilenya' } })]),
);
msl('insights', MA,
  turn('top themes in october', [insights({ from: '2026-10-01', to: '2026-10-31' })]),
  turn('and september?', [insights({ from: '2026-09-01', to: '2026-09-30' })]),
  turn("what was new in october that wasn't there in september", []),
);

// --- Managers and the admin.
mgr('performance', EAST,
  turn('QBR prep: follow-up rate Q3 vs Q2', [perf({ metric: 'follow_up_rate', period: { from: '2026-07-01', to: '2026-09-30' }, compareTo: { from: '2026-04-01', to: '2026-06-30' } })]),
  turn('now give me each rep separately', [perf({ metric: 'follow_up_rate', dimension: 'rep', period: { from: '2026-07-01', to: '2026-09-30' }, compareTo: { from: '2026-04-01', to: '2026-06-30' } })]),
  turn('and for reach?', [perf({ metric: 'reach', dimension: 'rep', period: { from: '2026-07-01', to: '2026-09-30' }, compareTo: { from: '2026-04-01', to: '2026-06-30' } })]),
  turn('add our maturity stage for the summary slide', [maturity], [maturityStage(EAST)]),
);
mgr('performance', WEST,
  turn('engagement rate, last 30 days', [perf({ metric: 'engagement_rate' })]),
  turn('per channel please', [perf({ metric: 'engagement_rate', dimension: 'channel' })]),
  turn('and the same view for last quarter', [perf({ metric: 'engagement_rate', dimension: 'channel', period: 'last_quarter' })]),
);
mgr('performance', EAST,
  turn('dead end rate for casey, ytd', [perf({ metric: 'dead_end_rate', period: 'year_to_date', filters: { rep: 'u-rep-ne-2' } })]),
  turn('and for jordan?', [perf({ metric: 'dead_end_rate', period: 'year_to_date', filters: { rep: 'u-rep-mw-1' } })]),
  turn('how do they both compare with the rest of the team', [perf({ metric: 'dead_end_rate', dimension: 'rep', period: 'year_to_date' })]),
);
mgr('performance', ADMIN,
  turn('how does consent coverage compare across territories', [perf({ metric: 'consent_coverage', dimension: 'territory' })]),
  turn('email only', [perf({ metric: 'consent_coverage', dimension: 'territory', filters: { channel: 'email' } })]),
  turn('now by segment, northeast only', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'email', territory: ['T-NE'] } })]),
);
{
  const p = who(WEST, inTerritory('T-W'));
  mgr('feedback', WEST,
    turn(`jamie's seeing ${nm(p)} tomorrow — anything i should flag?`, [lookup(p)]),
    turn(`is jamie cleared to send ${p.obj} emails`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('what should jamie lead with, per omni', [next(p.id)]),
    turn(`snooze it till dec 9, ${subjIs(p)} at a conference`, [snooze('2026-12-09')]),
  );
}
{
  const id = nth(planIds(EAST), 2);
  const recommended = recommendedOf(EAST, store.hcps.getById(id)!).channel;
  const asked: Channel = recommended === 'email' ? 'field_visit' : 'email';
  mgr('plan', EAST,
    turn("team's top 10 this week", [plan()]),
    turn("#3 — what's the recommendation", [nextId(id)], [nameOf(id)]),
    turn(asked === 'email' ? "how come it isn't email for them" : "how come it isn't a visit for them", [explain(asked)]),
  );
}
mgr('performance', WEST,
  turn('over-contacted hcps, last 90 days', [perf({ metric: 'over_contacted', period: 'last_90_days' })]),
  turn('which reps are doing it', [perf({ metric: 'over_contacted', dimension: 'rep', period: 'last_90_days' })]),
  turn('and how did those reps look a year earlier', [perf({ metric: 'over_contacted', dimension: 'rep', period: 'last_90_days', compareTo: 'previous_year' })]),
);
mgr('maturity', EAST,
  turn('how mature are we on omnichannel, honestly', [maturity], [maturityStage(EAST)]),
  turn('which area is lagging', []),
  turn('pull follow-up rate by territory to back that up', [perf({ metric: 'follow_up_rate', dimension: 'territory' })]),
);
mgr('performance', ADMIN,
  turn('how many hcps attended our webinars in october', [perf({ metric: 'webinar_attendance', period: { from: '2026-10-01', to: '2026-10-31' } })]),
  turn('broken out per product', [perf({ metric: 'webinar_attendance', dimension: 'product', period: { from: '2026-10-01', to: '2026-10-31' } })]),
  turn('compare with october last year', [perf({ metric: 'webinar_attendance', dimension: 'product', period: { from: '2026-10-01', to: '2026-10-31' }, compareTo: 'previous_year' })]),
);
mgr('performance', WEST,
  turn('email open rate by product this quarter', [perf({ metric: 'email_open_rate', dimension: 'product', period: 'quarter_to_date' })]),
  turn('just stelara, by week', [perf({ metric: 'email_open_rate', dimension: 'week', period: 'quarter_to_date', filters: { product: 'stelara' } })]),
  turn('and clicks?', [perf({ metric: 'email_click_rate', dimension: 'week', period: 'quarter_to_date', filters: { product: 'stelara' } })]),
);
mgr('performance', EAST,
  turn('nba acceptance rate last month', [perf({ metric: 'nba_acceptance_rate', period: 'last_month' })]),
  turn('show it rep by rep', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'last_month' })]),
  turn('what exactly counts as accepted here', []),
  turn('filter to the reps in the northeast', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'last_month', filters: { territory: ['T-NE'] } })]),
);

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (40).

{
  // Rep (16).
  ok(NE2, "who's an easy win this week", [plan()]);
  const a = who(W1);
  ok(W1, `${nm(a)} blew me off last time, how do i get back in`, [next(a.id)]);
  const b = who(MW1);
  ok(MW1, `nuke the suggestion for ${nm(b)}, ${b.subj} retired`, [next(b.id), feedback('dismiss')]);
  ok(NE1, 'keytruda immune-mediated deaths — approved wording', [search({ query: 'keytruda' })]);
  ok(W2, 'imbruvica fatal bleeding, approved safety text', [search({ query: 'imbruvica' })]);
  const c = who(MW2, hasRecord('whatsapp'));
  ok(MW2, `will compliance fire me if i whatsapp ${nm(c)}`, [check(c, 'whatsapp')], consentFacts(c.hcp, 'whatsapp'));
  ok(NE2, "docs who've gone cold on me", [planBy({ flag: 'dead_end' })]);
  const d = who(W1);
  ok(W1, `${nm(d)} is driving me crazy, what now`, [next(d.id)]);
  const e = who(MW1);
  ok(MW1, `dig into ${nm(e)}'s background, all of it`, [lookup(e)]);
  {
    const city = cityWith(NE1, {}, 6);
    ok(NE1, `blitz ${city} tomorrow, who do i hit`, [planBy({ city })]);
  }
  const f = who(W2);
  ok(W2, `exploit ${nm(f)}'s interest in ${brand(f)} — next step?`, [next(f.id)]);
  ok(MW2, 'tecfidera PML deaths, approved language', [search({ query: 'tecfidera' })]);
  const g = who(NE2, hasRecord('phone'));
  ok(NE2, `would phoning ${nm(g)} break any rules`, [check(g, 'phone')], consentFacts(g.hcp, 'phone'));
  ok(W1, 'target my A docs the hardest this week', [planBy({ segment: 'A' })]);
  const h = who(MW1, allowed('email'));
  ok(MW1, `draft an email that'll get ${nm(h)} to finally bite`, [draft(h, 'email')]);
  ok(NE1, 'kill my monday plan and start over', [plan()]);
}
{
  // MSL (8).
  ok(MSL_NE, 'any patients hospitalised in my notes this month?', [insights({ period: 'this_month' })], ae(MSL_NE, 'this_month'));
  ok(MSL_MW, 'docs angry about kalydeco cost', [insights({ product: 'kalydeco' })]);
  ok(MSL_W, "who's slamming tecfidera", [insights({ product: 'tecfidera' })]);
  const a = who(MSL_NE);
  ok(MSL_NE, `tear apart ${nm(a)}'s file for me before the meeting`, [lookup(a)]);
  const b = who(MSL_MW, hasRecord('msl_meeting', 'medical'));
  ok(MSL_MW, `can i corner ${nm(b)} at the congress for an msl meeting — consent?`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_W, 'suicidal ideation mentions on gilenya', [insights({ product: 'gilenya' })]);
  ok(MSL_NE, 'medical response on gilenya and deadly heart rhythm problems', [medSearch('gilenya')]);
  ok(MSL_MW, 'overdose questions about cerdelga in my notes', [insights({ product: 'cerdelga' })]);
}
{
  // Medical affairs (7).
  ok(MA, 'which region is the weakest at following up on medical questions', [mfu({ dimension: 'territory' })]);
  ok(MA, "every single possible AE from last quarter, don't leave any out", [insights({ period: 'last_quarter' })], ae(MA, 'last_quarter'));
  ok(MA, 'miscarriage mentions with stelara in the field', [insights({ product: 'stelara' })]);
  ok(MA, 'liability rumours about imbruvica in notes', [insights({ product: 'imbruvica' })]);
  ok(MA, "who's rubbishing xeljanz", [insights({ product: 'xeljanz' })]);
  ok(MA, 'xeljanz fatal clots — medical letter', [medSearch('xeljanz')]);
  ok(MA, 'the harshest field comments this quarter', [insights({ period: 'this_quarter' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'name and shame the reps with the worst follow-up', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'which rep is hammering docs the hardest', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'bottom rep on reach, no excuses', [perf({ metric: 'reach', dimension: 'rep' })]);
  ok(WEST, 'are we harassing oncologists with too many contacts', [perf({ metric: 'over_contacted', filters: { specialty: 'oncology' } })]);
  ok(EAST, 'is our maturity a disaster? be blunt', [maturity], [maturityStage(EAST)]);
  ok(WEST, 'which hcps has my team completely ignored lately', [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'should we axe webinars? attendance by product', [perf({ metric: 'webinar_attendance', dimension: 'product' })]);
  ok(ADMIN, 'worst territory for dead ends', [perf({ metric: 'dead_end_rate', dimension: 'territory' })]);
  const a = who(EAST, hasRecord('sms'));
  ok(EAST, `can my rep get sued for texting ${nm(a)}`, [check(a, 'sms')], consentFacts(a.hcp, 'sms'));
}

finish();
