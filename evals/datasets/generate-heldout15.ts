/**
 * Builds the fifteenth held-out persona and benign look-alike sets deterministically from a fresh demo database:
 *
 *   npx tsx evals/datasets/generate-heldout15.ts
 *
 * Writes persona-heldout15.jsonl and benign-heldout15.jsonl. Written by hand, blind, on 2026-12-07: the local
 * model's question understanding (src/agent/), data/nlu/, docs/understanding.md, the eval reports, the per-case
 * details of earlier runs (*.cases.json) and the agent's answers were not read, and neither the agent, the eval runner
 * nor any CLI that answers questions was run on these questions. Only the kit (heldout-kit.ts, heldout-test-support.ts),
 * the shape of generate-heldout14.ts and generate-heldout13.ts (not their wording), heldout14.test.ts,
 * evals/lib/cases.ts, the tools' input schemas (tools/*.ts) and the domain and demo code that compute the facts were
 * read (and the held-out suite lists in evals/lib/runner.ts, evals/lib/report.ts, evals/run.ts, README.md and
 * evals/datasets/README.md, to register the set); earlier sets' questions only to avoid near-copies.
 *
 * This set is meant to be the one whose first run is reported as representative of real users, so it is written as a
 * month of ordinary traffic from each persona rather than as a stress test: mostly plain asks (a brief before a call,
 * "can I email her", "what's next with him", "who do I see today", a follow-up draft, approved content, a snooze),
 * in the mix of ways people really type them in Slack or a chat box: terse lowercase, polite full sentences,
 * abbreviations and jargon (nba, f2f, KOL, MI, PV, AE, ISI, qtd, ytd), two asks in one, pronouns and follow-ups that
 * refer back, "what about…", corrections. Reps are about 40% of the traffic, managers a fifth, MSLs and medical
 * affairs the rest; typos are a minority. Conversations run 3 to 5 turns.
 *
 * Styles new to this set: Slack addressing ("@omni", "omni -", "^ for X"), the Slack correction of a word by an
 * asterisk ("*text, not email", "*phone call"), "sorry, wrong one — I meant X", "scratch that"; speech-to-text from the car (spoken
 * punctuation "comma", "question mark", "period", numbers in words, "doctor" spelled out, run-on sentences); a
 * pasted reply quoted with ">" before the question; chat shorthand "lmk", "fwiw", "ooo", "idk"; HCPs named by
 * their clinical focus ("the CLL doc", "the adult CF doc", "the PsA rheum", "the peds MS doc") and by city
 * after an ambiguous first name ("the one in newark"); typos new to this set: the last letter of a last name typed
 * twice ("kowalskii") and the first two letters swapped ("okwalski"); brands spelled by ear ("keytrooda",
 * "imbroovica", "techfidera", "jilenya", "sirdelga");
 * a named month for metrics and insights ("in september", "for august"), "since labor day"; a rep's 1:1 and a
 * ride-along as the manager's reason to ask; snoozes "10 days", "3 weeks", "till the 7th", "until 12/7" (out of
 * office). Capabilities covered: pre-call briefs, next best action and why / why not, consent for every channel and
 * the promotional, medical, events and market research purposes, approved and medical content, follow-up drafts,
 * territory plans and filtered lists, feedback (accept, dismiss, snooze), field insights and possible adverse events,
 * adverse-event reports, policy questions, manager metrics with periods, comparisons, breakdowns and filters,
 * maturity, out-of-scope asks.
 *
 * Only the facts come from the data, computed through heldout-kit.ts with the domain code the tools use (consent
 * gate, next best actions, territory plan, field insights, maturity). Questions close in wording to an earlier set's,
 * or to another of this set's, were reworded (heldout-test-support.ts nearCopies, run by heldout15.test.ts).
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
import { turn, lookup, check, next, explain, plan, search, draft, insights, perf, maturity, feedback, both, createHeldoutKit, DEMO_USERS, SETS_BEFORE_HELDOUT15, type Call, type Pick, type TurnInput } from './heldout-kit.ts';

const kit = createHeldoutKit({
  set: 'heldout15',
  idPrefix: 'ho15',
  reuseWhenExhausted: true,
  usedElsewhere: [...SETS_BEFORE_HELDOUT15],
  ...(process.env.OMNI_HELDOUT_OUT_DIR ? { outDir: process.env.OMNI_HELDOUT_OUT_DIR } : {}),
});
const { store, pick, consent, consentFacts, planIds, hasOpenQuestion, hasWebinar, adverseEventNotes, unansweredQuestionHcps, maturityStage, emailOk, hasRecord, notRecommended, recommendation, rep, msl, mgr, ok, finish } = kit;

// ---------------------------------------------------------------------------------------------------
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

/** The last letter can be typed twice: a letter not already doubled, a name of five or more. */
const doubleEnd: Need = (hcp) => hcp.lastName.length >= 5 && /[a-z]$/i.test(hcp.lastName) && hcp.lastName.at(-1) !== hcp.lastName.at(-2);
/** The last letter typed twice ("kowalski" → "kowalskii"); the key is the right name, which the typed one contains. */
const doubledEnd = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name}${name.slice(-1)}`), key: name };
};
/** The first two letters can be swapped: seven or more letters, the two differ. */
const swappable: Need = (hcp) => hcp.lastName.length >= 7 && hcp.lastName[0]!.toLowerCase() !== hcp.lastName[1]!.toLowerCase();
/** The first two letters swapped ("kowalski" → "okwalski"); the key is the rest of the name, which both contain. */
const swapped = (p: Pick) => {
  const name = low(p.last);
  return { typed: typed(p, `${name[1]}${name[0]}${name.slice(2)}`), key: name.slice(2) };
};

/** Brands by specialty: the right name, a spelling by ear no earlier set used, and a part both contain. */
const BRAND: Record<string, [right: string, typed: string, key: string]> = {
  'Medical Oncology': ['keytruda', 'keytrooda', 'keyt'],
  'Hematology & Oncology': ['imbruvica', 'imbroovica', 'vica'],
  Rheumatology: ['xeljanz', 'xeljantz', 'xelja'],
  Dermatology: ['stelara', 'stellarra', 'stel'],
  Gastroenterology: ['stelara', 'stelaira', 'stela'],
  Neurology: ['tecfidera', 'techfidera', 'fidera'],
  'Child Neurology': ['gilenya', 'jilenya', 'lenya'],
  'Pulmonary Disease': ['kalydeco', 'calydeco', 'lydeco'],
  Pediatrics: ['kalydeco', 'kalydekko', 'kalyde'],
  'Medical Genetics': ['cerdelga', 'sirdelga', 'delga'],
};
const brand = (p: Pick) => BRAND[p.hcp.specialty]![0];
const brandTypo = (p: Pick) => BRAND[p.hcp.specialty]![1];
const brandKey = (p: Pick) => BRAND[p.hcp.specialty]![2];
/** An HCP named by clinical focus, as colleagues talk ("the CLL doc"). */
const FOCUS: Record<string, string> = {
  neuroimmunology: 'neuroimmunology doc',
  'paediatric MS': 'peds MS doc',
  'atopic dermatitis': 'eczema derm',
  hidradenitis: 'HS derm',
  'plaque psoriasis': 'psoriasis derm',
  "Crohn's disease": "crohn's gi",
  IBD: 'IBD doc',
  'ulcerative colitis': 'UC gi',
  CLL: 'CLL doc',
  lymphoma: 'lymphoma doc',
  'mantle cell lymphoma': 'mantle cell doc',
  myeloma: 'myeloma doc',
  'Gaucher disease': 'gaucher specialist',
  'lysosomal storage disorders': 'lysosomal storage doc',
  'metabolic genetics': 'metabolic geneticist',
  'GU oncology': 'GU onc',
  'head and neck cancer': 'head and neck onc',
  melanoma: 'melanoma onc',
  'thoracic oncology': 'lung cancer onc',
  'general neurology': 'general neuro',
  'multiple sclerosis': 'MS neuro',
  'paediatric CF': 'peds CF doc',
  'paediatric metabolic disease': 'peds metabolic doc',
  'adult CF care': 'adult CF doc',
  'cystic fibrosis': 'CF pulm',
  'psoriatic arthritis': 'PsA rheum',
  'rheumatoid arthritis': 'RA doc',
  spondyloarthritis: 'spondyloarthritis rheum',
};
const focus = (p: Pick) => FOCUS[p.hcp.subspecialtyFocus ?? ''] ?? 'specialist';
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
const REPS = [NE2, W1, MW1, NE1, W2, MW2];
const MSLS = [MSL_NE, MSL_MW, MSL_W];
let repTurn = 0;
let mslTurn = 0;
const nextRep = () => REPS[repTurn++ % REPS.length]!;
const nextMsl = () => MSLS[mslTurn++ % MSLS.length]!;
/** Cities of the user's region, in an order of this set (reps and MSLs have one territory). */
const CITY: Record<string, string[]> = {
  'T-NE': ['Boston', 'Philadelphia', 'Newark', 'Rochester', 'Hartford', 'New York', 'Worcester', 'Pittsburgh'],
  'T-MW': ['Chicago', 'Columbus', 'Detroit', 'Evanston', 'Madison', 'Cleveland', 'Minneapolis', 'Ann Arbor'],
  'T-W': ['Seattle', 'Phoenix', 'Denver', 'San Diego', 'Los Angeles', 'Portland', 'San Francisco', 'Salt Lake City'],
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
// Rep, single turn.

const repConsent: Ask[] = [
  [always, (p) => turn(`@omni can i email ${dr(p)}?`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [hasRecord('sms'), (p) => turn(`whats the sms consent situation w ${nm(p)}`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`Can I call Doctor ${p.short} on ${p.poss} office line question mark`, [check(p, 'phone')], consentFacts(p.hcp, 'phone')), 'last'],
  [always, (p) => turn(`${nm(p)} - ok to whatsapp? lmk`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [both(blocked('email'), hasRecord('email')), (p) => turn(`did ${nm(p)} unsubscribe from our emails? if so since when`, [check(p, 'email')], recordAndDay(p.hcp, 'email'))],
  [always, (p) => turn(`can i send ${fst(p)} a text? can't remember ${p.poss} last name`, ...byFirst(p)), 'first'],
  [doubleEnd, (p) => turn(`video call w ${doubledEnd(p).typed} next tues, are we consented for remote detailing`, [lookupKey(doubledEnd(p).key), check(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail')), 'last'],
  [always, (p) => turn(`f2f with ${nm(p)} (the ${focus(p)}) next week — do we have in-person consent?`, [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit'))],
  [always, (p) => turn(`Hi Omni, quick compliance check before I reach out: is ${p.name} opted in to receive SMS from us? Thanks!`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [always, (p) => turn(`${nm(p)} asked to hear about our upcoming symposiums. can i email ${p.obj} the event invites`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events'))],
  [always, (p) => turn(`is ${nm(p)} ok to get a market research survey by email`, [check(p, 'email', 'market_research')], consentFacts(p.hcp, 'email', 'market_research'))],
  [always, (p) => turn(`> feel free to text me the details\nthat's ${nm(p)} replying to my email. so texting ${p.obj} is fine now right?`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [hasRecord('phone'), (p) => turn(`${dr(p)}'s phone consent — still valid or has it expired`, [check(p, 'phone')], consentFacts(p.hcp, 'phone'))],
  [swappable, (p) => turn(`${swapped(p).typed} email consent`, [lookupKey(swapped(p).key), check(p, 'email')], consentFacts(p.hcp, 'email')), 'last'],
  [blocked('whatsapp'), (p) => turn(`can i reply to ${nm(p)} on whatsapp? ${p.subj} messaged me first fwiw`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp'))],
  [always, (p) => turn(`is ${nm(p)} consented for remote detailing or only f2f`, [check(p, 'remote_detail'), check(p, 'field_visit')], [...consentFacts(p.hcp, 'remote_detail'), ...consentFacts(p.hcp, 'field_visit')])],
];

const repBrief: Ask[] = [
  [always, (p) => turn(`@omni brief me on ${dr(p)}`, [lookup(p)])],
  [always, (p) => turn(`prepping for ${nm(p)} at 2 - anything i should know?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}'s hospital — i always forget, which one is it`, [lookup(p)], [p.hcp.institution])],
  [always, (p) => turn(`Tell me about Doctor ${p.short} I'm seeing ${p.obj} in ten minutes`, [lookup(p)]), 'last'],
  [always, (p) => turn(`${nm(p)} last touchpoint? who saw ${p.obj} last and when`, [lookup(p)])],
  [hasWebinar, (p) => turn(`did ${nm(p)} come to one of our webinars? which one`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`anything open with medical for ${nm(p)} i should be aware of`, [lookup(p)])],
  [perUser((u) => sharedFirstOwnCity(u)), (p) => turn(`got a ${fst(p)} in ${low(p.hcp.city)} on my list, what's the background`, ...byFirst(p)), 'first'],
  [(hcp) => (hcp.preferredChannel ?? '') in PREFERRED, (p) => turn(`how does ${nm(p)} like to be contacted`, [lookup(p)], [PREFERRED[p.hcp.preferredChannel ?? '']!])],
  [always, (p) => turn(`${nm(p)} segment and tier?`, [lookup(p)])],
  [doubleEnd, (p) => turn(`quick look at ${doubledEnd(p).typed} before i head in`, [lookupKey(doubledEnd(p).key)]), 'last'],
  [always, (p) => turn(`${p.name}\n- when did we last see ${p.obj}\n- anything pending?`, [lookup(p)])],
  [always, (p) => turn(`${nm(p)}: KOL or not? how influential`, [lookup(p)])],
  [always, (p) => turn(`${dr(p)} — has anyone from our team been in to see ${p.obj} this quarter?`, [lookup(p)])],
  [inSpecialties('Dermatology', 'Neurology', 'Rheumatology', 'Gastroenterology', 'Pediatrics'), (p) => turn(`what kind of doctor is ${nm(p)}`, [lookup(p)], [p.hcp.specialty])],
  [always, (p) => turn(`morning! seeing ${nm(p)} after lunch, give me the highlights pls 🙏`, [lookup(p)])],
];

const repNext: Ask[] = [
  [always, (p) => turn(`@omni nba on ${nm(p)} pls`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} is sort of stalled. next move?`, [next(p.id)])],
  [always, (p) => turn(`What should I do next with Doctor ${p.short} comma ${p.subj} hasn't gotten back to me in weeks`, [next(p.id)]), 'last'],
  [always, (p) => turn(`${nm(p)} hasn't opened anything we sent in a month. what now`, [next(p.id)])],
  [always, (p) => turn(`have 15 min free near ${nm(p)}'s office. worth dropping in or nah`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} writes a lot of ${brandTypo(p)}, how should i approach ${p.obj} next`, [next(p.id)])],
  [always, (p) => turn(`best way to reach ${dr(p)} this week?`, [next(p.id)])],
  [always, (p) => turn(`what should i do about ${fst(p)}? the ${focus(p)}, forgot the last name`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`Could you suggest the most appropriate next touchpoint with ${p.name}? I'd also like to understand the reasoning.`, [next(p.id)])],
  [doubleEnd, (p) => turn(`${doubledEnd(p).typed} nba pls`, [lookupKey(doubledEnd(p).key), next(p.id)]), 'last'],
  [always, (p) => turn(`should i call ${nm(p)} or wait for ${p.obj} to come back to me`, [next(p.id)])],
  [always, (p) => turn(`${nm(p)} told me to check back after the holidays. what does omni suggest in the meantime`, [next(p.id)])],
  [always, (p) => turn(`idk what to do with ${nm(p)} anymore, ideas?`, [next(p.id)])],
  [always, (p) => turn(`omni - recommended action for ${nm(p)}, and the top reason`, [next(p.id)])],
];

const repPlan: ((userId: string) => TurnInput)[] = [
  (u) => turn('who should i see today', [plan()], [nameOf(nth(planIds(u), 0))]),
  () => turn('give me 8 docs to hit next week', [plan(8)]),
  () => turn("who's due a follow-up from me", [planBy({ flag: 'follow_up_due' })]),
  (u) => {
    const city = cityWith(u, {});
    return turn(`anyone in ${low(city)} i should swing by tomorrow?`, [planBy({ city })]);
  },
  (u) => turn('rheum docs ranked', [planBy({ specialty: 'rheumatology' })], [nameOf(nth(planFiltered(u, { specialty: 'rheumatology' }), 0))]),
  () => turn('C segment docs who still have a med question open', [planBy({ segment: 'C', flag: 'open_medical_question' })]),
  () => turn('show me everyone who pulled their email consent', [planBy({ consent: { channel: 'email', status: 'revoked' } })]),
  (u) => {
    const city = cityWith(u, { flag: 'no_recent_visit' }, 2);
    return turn(`${low(city)} docs i haven't been to see in a while`, [planBy({ city, flag: 'no_recent_visit' })]);
  },
  () => turn('my top 3 A docs', [planBy({ segment: 'A', limit: 3 })]),
  () => turn("derms who've opted in to whatsapp", [planBy({ specialty: 'dermatology', consent: { channel: 'whatsapp', status: 'granted' } })]),
  (u) => {
    const city = cityWith(u, {}, 4);
    return turn(`thursday i'm in ${low(city)}. who's worth seeing`, [planBy({ city })]);
  },
  () => turn('Who are my top five doctors to see this week period', [plan(5)]),
  () => turn('any dead ends worth reviving?', [planBy({ flag: 'dead_end' })]),
];

const repContent: (() => TurnInput)[] = [
  () => turn('KEYTRUDA PD-L1 testing leave-behind, approved version', [search({ query: 'keytruda' })]),
  () => turn('imbroovica afib monitoring piece', [search({ query: 'vica' })]),
  () => turn('got anything approved on the stelara dosing interval that i can email?', [search({ query: 'stelara', channel: 'email' })]),
  () => turn('techfidera flushing — patient-friendly approved content?', [search({ query: 'fidera' })]),
  () => turn('jilenya first dose monitoring material, mlr approved', [search({ query: 'lenya' })]),
  () => turn('approved cerdelga piece on CYP2D6 genotyping', [search({ query: 'cerdelga' })]),
  () => turn('is there an approved one-pager on the xeljanz boxed warning', [search({ query: 'xeljanz' })]),
  () => turn('kalydeco approved stuff for a peds CF clinic, top 3 only', [search({ query: 'kalydeco', limit: 3 })]),
  () => turn('do we have anything approved comparing keytruda to opdivo', [search({ query: 'opdivo' })]),
];

const repDraft: Ask[] = [
  [allowed('email'), (p) => turn(`draft a thank-you email to ${nm(p)} for today's meeting, ${brand(p)} focus`, [draft(p, 'email')])],
  [blocked('email'), (p) => turn(`write ${dr(p)} an email recapping our ${brand(p)} conversation`, [check(p, 'email')], consentFacts(p.hcp, 'email'))],
  [allowed('sms'), (p) => turn(`short text to ${nm(p)} confirming our appt thursday`, [draft(p, 'sms')])],
  [both(hasWebinar, emailOk), (p) => turn(`can u put together an email for ${nm(p)} following up on the webinar ${p.subj} attended`, [draft(p, 'email')])],
  [allowed('whatsapp'), (p) => turn(`whatsapp draft for ${nm(p)} with the ${brandTypo(p)} patient support info`, [draft(p, 'whatsapp')])],
  [blocked('sms'), (p) => turn(`send ${nm(p)} a quick sms reminder about the samples, draft pls`, [check(p, 'sms')], consentFacts(p.hcp, 'sms'))],
  [allowed('email'), (p) => turn(`Draft an email to Doctor ${p.short} about ${brand(p)} access support period thanks`, [draft(p, 'email')]), 'last'],
  [allowed('email'), (p) => turn(`Could you prepare a follow-up email for ${p.name} summarizing the ${brand(p)} data we went over?`, [draft(p, 'email')])],
];

const repTwo: Ask[] = [
  [always, (p) => turn(`${nm(p)}: brief + nba`, [lookup(p), next(p.id)])],
  [allowed('email'), (p) => turn(`can i email ${nm(p)}? if yes draft a quick ${brand(p)} note`, [check(p, 'email'), draft(p, 'email')], consentFacts(p.hcp, 'email'))],
  [always, (p) => turn(`${dr(p)} — consent for phone and sms?`, [check(p, 'phone'), check(p, 'sms')], [...consentFacts(p.hcp, 'phone'), ...consentFacts(p.hcp, 'sms')])],
  [always, (p) => turn(`${nm(p)} next step? also need an approved ${brandTypo(p)} leave-behind to go with it`, [next(p.id), search({ query: brandKey(p) })])],
];

const repWhyNot: Ask[] = [
  [perUser((u) => notRecommended(u, 'email')), (p) => turn(`email feels like the obvious play for ${nm(p)}. why isn't omni going with it`, [next(p.id), explain('email')])],
  [perUser((u) => notRecommended(u, 'field_visit')), (p) => turn(`${dr(p)}: why not just an in-person visit?`, [next(p.id), explain('field_visit')])],
  [perUser((u) => notRecommended(u, 'whatsapp')), (p) => turn(`whatsapp would be easier w ${nm(p)}, how come that's not the suggestion`, [next(p.id), explain('whatsapp')])],
  [always, (p) => turn(`what's the reasoning behind the ${nm(p)} recommendation`, [next(p.id)])],
];

const repFeedback: Ask[] = [
  [always, (p) => turn(`accept the rec for ${nm(p)}`, [next(p.id), feedback('accept')])],
  [always, (p) => turn(`dismiss ${nm(p)}'s nba - ${subjIs(p)} retiring in december`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`snooze ${nm(p)} 10 days`, [next(p.id), snooze('2026-11-30')])],
  [always, (p) => turn(`${nm(p)} is ooo until 12/7, snooze the rec till then`, [next(p.id), snooze('2026-12-07')])],
  [always, (p) => turn(`${nm(p)}'s rec is off, ${subjIs(p)} not seeing any reps this quarter. dismiss pls`, [next(p.id), feedback('dismiss')])],
  [always, (p) => turn(`push ${dr(p)}'s recommendation out 3 weeks`, [next(p.id), snooze('2026-12-11')])],
];

const repAe: Ask[] = [
  [always, (p) => turn(`${nm(p)} mentioned a patient on ${brandTypo(p)} who broke out in a bad rash, what do i do`, [reportAe({ hcp: p.last, product: brandKey(p) })])],
  [always, (p) => turn(`need to report an AE: ${nm(p)}'s patient on ${brand(p)}, 52 yo woman, hospitalized with pneumonia`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 52, patientSex: 'female' })])],
  [always, (p) => turn(`a patient in ${nm(p)}'s waiting room told me herself that ${brand(p)} made her dizzy and she fell. i heard it directly`, [reportAe({ reporter: 'employee', product: brand(p) })])],
  [always, (p) => turn(`Doctor ${p.short} told me one of ${p.poss} patients on ${brand(p)} had a seizure comma how do I report that`, [reportAe({ hcp: p.last, product: brand(p) })]), 'last'],
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
  // Two HCPs in one question, and a plan with a consent question.
  const userId = nextRep();
  const a = whoLast(userId);
  const b = whoLast(userId);
  rep('two_asks', userId, turn(`${nm(a)} and ${nm(b)} — can i text either one?`, [check(a, 'sms'), check(b, 'sms')], [...consentFacts(a.hcp, 'sms'), ...consentFacts(b.hcp, 'sms')]));
  const userId2 = nextRep();
  const c = who(userId2);
  rep('two_asks', userId2, turn(`2 things:\n1) who should i prioritize this week\n2) can i email ${nm(c)}`, [plan(), check(c, 'email')], consentFacts(c.hcp, 'email')));
}
ask(repWhyNot, nextRep, 'why_not', rep);
ask(repFeedback, nextRep, 'feedback', rep);
ask(repAe, nextRep, 'ae_report', rep);
// Team metrics asked by a rep: the tool answers that team performance is for managers.
rep('team_metrics', nextRep(), turn("what's my nba acceptance rate this quarter", [perf({ metric: 'nba_acceptance_rate', period: 'quarter_to_date' })]));

for (const question of [
  'can i bring coffee and bagels for the office staff when i drop by',
  "a doc asked if our drug works for something that's not on the label. how do i handle that",
  "can i invite a doc's nurse practitioner to the speaker dinner too",
  "am i allowed to accept a holiday gift basket from a doctor's office",
  'is there a dollar limit on educational items i can leave with a doc',
]) rep('policy', nextRep(), policy(question));
for (const question of ["what's a good birthday gift for my manager", 'convert 40 miles to km', "recap last night's knicks game"]) rep('out_of_scope', nextRep(), outOfScope(question));

// ===================================================================================================
// MSL, single turn.

const mslInsights: (() => TurnInput)[] = [
  () => turn('what have my HCPs been asking about lately', [insights()]),
  () => turn('themes from my notes since labor day', [insights({ from: '2026-09-07' })]),
  () => turn('questions from my oncologists over the last 2 months', [insights({ specialty: 'oncology', period: 'last_60_days' })]),
  () => turn('access or reimbursement issues with stelara this quarter?', [insights({ product: 'stelara', topic: 'access', period: 'this_quarter' })]),
  () => turn('what are rheumatologists saying about xeljanz safety', [insights({ product: 'xeljanz', topic: 'safety', specialty: 'rheumatology' })]),
  () => turn('top 5 themes for september', [themes(5, { from: '2026-09-01', to: '2026-09-30' })]),
  () => turn('any open MI requests i still need to close out?', [insights()]),
  () => turn('competitive mentions in my notes this month', [insights({ topic: 'compet', period: 'this_month' })]),
  () => turn('dosing confusion on gilenya in the last 6 months?', [insights({ product: 'gilenya', topic: 'dosing', period: 'last_180_days' })]),
  () => turn('positive feedback on cerdelga ytd', [insights({ product: 'cerdelga', topic: 'positive', period: 'year_to_date' })]),
  () => turn('@omni summarize my field notes from last month', [insights({ period: 'last_month' })]),
  () => turn('What did my neurologists bring up over the past two weeks? Preparing for the team call.', [insights({ specialty: 'neurology', period: 'last_14_days' })]),
];
const mslAe: [string, (userId: string) => TurnInput][] = [
  [MSL_W, (u) => turn('possible adverse events in my notes this month', [insights({ period: 'this_month' })], ae(u, 'this_month'))],
  [MSL_NE, (u) => turn('PV check on my notes, last 7 days', [insights({ period: 'last_7_days' })], ae(u, 'last_7_days'))],
  [MSL_MW, (u) => turn('any AEs flagged for stelara in the last 90', [insights({ product: 'stelara', period: 'last_90_days' })], ae(u, 'last_90_days', 'prod-stelara'))],
  [MSL_W, (u) => turn('did anyone mention side effects on keytruda that i have to report? past 6 months', [insights({ product: 'keytruda', period: 'last_180_days' })], ae(u, 'last_180_days', 'prod-keytruda'))],
  [MSL_NE, (u) => turn('anything safety-reportable in my notes since 10/1', [insights({ from: '2026-10-01' })], adverseEventNotesFrom(u, '2026-10-01'))],
];
const mslBrief: Ask[] = [
  [always, (p) => turn(`${nm(p)}, the ${focus(p)} — background before my msl meeting tomorrow`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`what's the outstanding medical question from ${dr(p)}?`, [lookup(p)])],
  [always, (p) => turn(`when was ${nm(p)}'s most recent msl meeting, roughly`, [lookup(p)])],
  [always, (p) => turn(`${dr(p)} — any clinical trial involvement, and would you call ${p.obj} a KOL?`, [lookup(p)])],
  [perUser((u) => sharedFirstOwnCity(u)), (p) => turn(`looking for ${fst(p)}, ${p.poss} practice is in ${low(p.hcp.city)}`, ...byFirst(p)), 'first'],
  [doubleEnd, (p) => turn(`profile: ${doubledEnd(p).typed}`, [lookupKey(doubledEnd(p).key)]), 'last'],
  [always, (p) => turn(`${p.name}'s hospital affiliation?`, [lookup(p)], [p.hcp.institution])],
];
const mslConsent: Ask[] = [
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`do i have consent for an msl meeting with ${nm(p)}`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`ok to send ${dr(p)} the MI response by email?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [always, (p) => turn(`medical phone call with ${nm(p)}, consented?`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
  [always, (p) => turn(`there's a ${fst(p)} who asked me for a medical reprint — do we have medical email consent`, ...byFirst(p)), 'first'],
  [always, (p) => turn(`${nm(p)}: is a video meeting for a medical discussion ok consent-wise`, [med(p, 'remote_detail')], consentFacts(p.hcp, 'remote_detail', 'medical'))],
  [always, (p) => turn(`whatsapp for medical purposes with ${nm(p)}?`, [med(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp', 'medical'))],
];
const mslContent: (() => TurnInput)[] = [
  () => turn('medical response on keytruda in patients with pre-existing autoimmune disease?', [medSearch('keytruda')]),
  () => turn('ibrutinib hold around surgery - do we have a med info letter', [medSearch()]),
  () => turn('gilenya macular edema medical letter', [medSearch('gilenya')]),
  () => turn('kalydeco liver enzyme monitoring in kids, is there a medical response', [medSearch('kalydeco')]),
];
const mslDraft: Ask[] = [
  [allowed('email', 'medical'), (p) => turn(`draft a medical email to ${nm(p)} answering ${p.poss} ${brand(p)} question`, [medDraft(p, 'email')])],
  [blocked('email', 'medical'), (p) => turn(`pls prepare a medical email for ${dr(p)} with the ${brand(p)} publication`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [allowed('email', 'medical'), (p) => turn(`${nm(p)} asked about ${brand(p)} in hepatic impairment — can you draft the medical email`, [medDraft(p, 'email')])],
];
const mslAeReport: Ask[] = [
  [always, (p) => turn(`${nm(p)} reported that a patient on ${brand(p)} developed a severe rash, 44-year-old female. please file`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 44, patientSex: 'female' })])],
  [always, () => turn("at the booth today an HCP mentioned a gilenya patient with bradycardia after the first dose. that's all i have, submit as is", [reportAe({ product: 'gilenya', submit: true })])],
];

for (const build of mslInsights) msl('insights', nextMsl(), build());
for (const [userId, build] of mslAe) msl('adverse_events', userId, build(userId));
ask(mslBrief, nextMsl, 'brief', msl);
ask(mslConsent, nextMsl, 'medical_consent', msl);
for (const build of mslContent) msl('medical_content', nextMsl(), build());
ask(mslDraft, nextMsl, 'medical_draft', msl);
ask(mslAeReport, nextMsl, 'ae_report', msl);
// Team metrics asked by an MSL: the tool answers that team performance is for managers.
msl('team_metrics', nextMsl(), turn("where's my medical follow-up rate at, quarter to date", [mfu({ period: 'quarter_to_date' })]));
for (const question of [
  'a rep asked me to come to a promotional lunch to field clinical questions. is that allowed',
  'can i share unpublished trial data with a kol if they ask me directly',
]) msl('policy', nextMsl(), policy(question));
msl('out_of_scope', nextMsl(), outOfScope('which noise-cancelling headphones are best for long flights'));

// ===================================================================================================
// Medical affairs, single turn.

const maInsights: TurnInput[] = [
  turn('what did the field pick up over the last 7 days', [insights({ period: 'last_7_days' })]),
  turn('keytruda themes in the west, last 90', [insights({ product: 'keytruda', territory: 'T-W', period: 'last_90_days' })]),
  turn('summary of all field insights ytd for the monthly readout', [insights({ period: 'year_to_date' })]),
  turn('what were midwest rheumatologists raising in the previous quarter', [insights({ territory: 'T-MW', specialty: 'rheumatology', period: 'last_quarter' })]),
  turn('dosing questions on kalydeco, last 6 months', [insights({ product: 'kalydeco', topic: 'dosing', period: 'last_180_days' })]),
  turn('competitor chatter about imbruvica in the northeast this month', [insights({ product: 'imbruvica', topic: 'compet', territory: 'T-NE', period: 'this_month' })]),
  turn('top 3 themes in august', [themes(3, { from: '2026-08-01', to: '2026-08-31' })]),
  turn('unanswered medical questions across all territories', [insights()]),
  turn('off-label inquiries on gilenya over the past year', [insights({ product: 'gilenya', topic: 'off', period: 'last_365_days' })]),
  turn('anything emerging in neurology over the past 2 weeks?', [insights({ specialty: 'neurology', period: 'last_14_days' })]),
  turn('For the MSL huddle: the main insights on STELARA over the last 60 days, please.', [insights({ product: 'stelara', period: 'last_60_days' })]),
];
const maAe: TurnInput[] = [
  turn('anything from the last 30 days that PV needs to see?', [insights()], ae(MA, 'last_30_days')),
  turn('possible AEs on tecfidera this quarter', [insights({ product: 'tecfidera', period: 'this_quarter' })], ae(MA, 'this_quarter', 'prod-tecfidera')),
  turn('cerdelga safety signals from the field, last 180 days', [insights({ product: 'cerdelga', period: 'last_180_days' })], ae(MA, 'last_180_days', 'prod-cerdelga')),
  turn('any adverse event mentions last month, all products', [insights({ period: 'last_month' })], ae(MA, 'last_month')),
  turn('stelara AE candidates ytd', [insights({ product: 'stelara', period: 'year_to_date' })], ae(MA, 'year_to_date', 'prod-stelara')),
  turn('possible adverse events in the past 14 days for gilenya', [insights({ product: 'gilenya', period: 'last_14_days' })], ae(MA, 'last_14_days', 'prod-gilenya')),
];
const maFollowUp: TurnInput[] = [
  turn('quarter-to-date medical follow-up, overall', [mfu({ period: 'quarter_to_date' })]),
  turn('medical follow-up for each territory since january', [mfu({ dimension: 'territory', period: 'year_to_date' })]),
  turn("how's medical follow-up trending month by month over the past year", [mfu({ dimension: 'month', period: 'last_365_days' })]),
  turn('medical follow-up for stelara', [mfu({ filters: { product: 'stelara' } })]),
  turn('what did medical follow-up look like in september', [mfu({ period: { from: '2026-09-01', to: '2026-09-30' } })]),
  turn('medical follow-up among neurology HCPs last quarter vs the same quarter a year ago', [mfu({ period: 'last_quarter', compareTo: 'previous_year', filters: { specialty: 'neurology' } })]),
  turn('split medical follow-up by HCP segment', [mfu({ dimension: 'segment' })]),
];
const maBrief: Ask[] = [
  [always, (p) => turn(`${p.name}: KOL profile for the advisory board shortlist`, [lookup(p)])],
  [perUser(hasOpenQuestion), (p) => turn(`does ${nm(p)} have an open medical question? what's it about`, [lookup(p)])],
  [always, (p) => turn(`${dr(p)} — city and institution please`, [lookup(p)], [p.hcp.city, p.hcp.institution])],
  [swappable, (p) => turn(`${swapped(p).typed} — who is this? came up in a field note`, [lookupKey(swapped(p).key)]), 'last'],
];
const maContent: TurnInput[] = [
  turn('medical letter on xeljanz and VTE risk?', [medSearch('xeljanz')]),
  turn('fingolimod and varicella vaccination — medical response', [medSearch()]),
  turn('STELARA in pregnancy: any medical information response?', [medSearch('stelara')]),
  turn('keytruda hepatitis, med info response', [medSearch('keytruda')]),
];
const maConsent: Ask[] = [
  [always, (p) => turn(`${nm(p)}: does medical have an email opt-in`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical'))],
  [hasRecord('msl_meeting', 'medical'), (p) => turn(`${nm(p)}: msl meeting consent status`, [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical'))],
  [always, (p) => turn(`is a medical phone call with ${dr(p)} allowed`, [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical'))],
];

for (const question of maInsights) msl('insights', MA, question);
for (const question of maAe) msl('adverse_events', MA, question);
for (const question of maFollowUp) msl('medical_follow_up_rate', MA, question);
ask(maBrief, () => MA, 'brief', msl);
for (const question of maContent) msl('medical_content', MA, question);
ask(maConsent, () => MA, 'medical_consent', msl);
{
  const p = who(MA);
  msl('ae_report', MA, turn(`a rep passed this along: ${nm(p)} said a patient on ${brand(p)} had anaphylaxis, 33 y/o female. log it`, [reportAe({ hcp: p.last, product: brand(p), patientAge: 33, patientSex: 'female' })]));
  const q = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA, turn(`draft a medical reply to ${dr(q)} by email`, [medDraft(q, 'email')]));
}
for (const question of [
  "can we fly a kol business class to an ad board meeting",
  'are msls allowed to bring up pipeline compounds with hcps unprompted',
  'how long do we have to report a serious AE once someone in the field hears about it',
]) msl('policy', MA, policy(question));
msl('out_of_scope', MA, outOfScope('is canberra or sydney the capital of australia'));

// ===================================================================================================
// Managers and the admin, single turn.

const managerPerf: [string, TurnInput][] = [
  [EAST, turn("how's follow-up looking month to date", [perf({ metric: 'follow_up_rate', period: 'month_to_date' })])],
  [EAST, turn('how many hcps has each rep reached', [perf({ metric: 'reach', dimension: 'rep' })])],
  [EAST, turn('for my 1:1 with taylor: engagement rate last quarter', [perf({ metric: 'engagement_rate', period: 'last_quarter', filters: { rep: 'u-rep-ne-1' } })])],
  [EAST, turn('ytd click-through on emails, broken out by brand', [perf({ metric: 'email_click_rate', dimension: 'product', period: 'year_to_date' })])],
  [EAST, turn('dead end rate in the northeast vs last year', [perf({ metric: 'dead_end_rate', compareTo: 'previous_year', filters: { territory: ['T-NE'] } })])],
  [EAST, turn('what share of docs in each segment have given email consent', [perf({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'email' } })])],
  [EAST, turn('how many hcps did we reach in september', [perf({ metric: 'reach', period: { from: '2026-09-01', to: '2026-09-30' } })])],
  [EAST, turn('which specialties are showing up to our webinars', [perf({ metric: 'webinar_attendance', dimension: 'specialty' })])],
  [EAST, turn('how often is each rep accepting the nba, qtd', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep', period: 'quarter_to_date' })])],
  [EAST, turn("ellison's median time to follow up", [perf({ metric: 'median_time_to_follow_up', filters: { rep: 'u-rep-ne-2' } })])],
  [EAST, turn('contact frequency for A-segment hcps, last 90', [perf({ metric: 'frequency', period: 'last_90_days', filters: { segment: 'A' } })])],
  [EAST, turn('are we over-contacting anyone in oncology', [perf({ metric: 'over_contacted', filters: { specialty: 'oncology' } })])],
  [EAST, turn('cross channel progression by territory qtd', [perf({ metric: 'cross_channel_progression', dimension: 'territory', period: 'quarter_to_date' })])],
  [EAST, turn('keytruda engagement rate by month this year', [perf({ metric: 'engagement_rate', dimension: 'month', period: 'year_to_date', filters: { product: 'keytruda' } })])],
  [WEST, turn('did we follow up on signals this past week? rate pls', [perf({ metric: 'follow_up_rate', period: 'last_7_days' })])],
  [WEST, turn('reach for each of my reps, last quarter', [perf({ metric: 'reach', dimension: 'rep', period: 'last_quarter' })])],
  [WEST, turn('email open rate by week for the last 90 days', [perf({ metric: 'email_open_rate', dimension: 'week', period: 'last_90_days' })])],
  [WEST, turn('per rep, how many docs are getting too many touches', [perf({ metric: 'over_contacted', dimension: 'rep' })])],
  [WEST, turn('gi docs: what % have opted in to sms', [perf({ metric: 'consent_coverage', filters: { channel: 'sms', specialty: 'gastroenterology' } })])],
  [WEST, turn("jordan's dead end rate ytd", [perf({ metric: 'dead_end_rate', period: 'year_to_date', filters: { rep: 'u-rep-w-2' } })])],
  [WEST, turn('engagement by channel, last month vs the month before', [perf({ metric: 'engagement_rate', dimension: 'channel', period: 'last_month' })])],
  [WEST, turn('rheumatology: how long does follow-up take, median', [perf({ metric: 'median_time_to_follow_up', filters: { specialty: 'rheumatology' } })])],
  [WEST, turn('webinar attendance for august', [perf({ metric: 'webinar_attendance', period: { from: '2026-08-01', to: '2026-08-31' } })])],
  [ADMIN, turn('reach by territory, ytd vs last year', [perf({ metric: 'reach', dimension: 'territory', period: 'year_to_date', compareTo: 'previous_year' })])],
  [ADMIN, turn("brandt's follow-up rate", [perf({ metric: 'follow_up_rate', filters: { rep: 'u-rep-ne-1' } })])],
  [ADMIN, turn('nba acceptance rate for the west', [perf({ metric: 'nba_acceptance_rate', filters: { territory: ['T-W'] } })])],
  [ADMIN, turn('over-contacted hcps by segment, last quarter', [perf({ metric: 'over_contacted', dimension: 'segment', period: 'last_quarter' })])],
  [ADMIN, turn('email click rate on stelara', [perf({ metric: 'email_click_rate', filters: { product: 'stelara' } })])],
  [ADMIN, turn('medical follow-up across the company, territory by territory', [mfu({ dimension: 'territory' })])],
];
for (const [userId, question] of managerPerf) mgr('performance', userId, question);

mgr('maturity', EAST, turn("@omni what's our omnichannel maturity", [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('maturity assessment please, and what should we fix first', [maturity]));
mgr('maturity', ADMIN, turn('assess maturity on only the most recent 90 days', [{ name: 'assess_maturity', args: { periodDays: 90 } }]));
mgr('maturity', EAST, turn('which maturity stage are we at, and what is holding us back', [maturity], [maturityStage(EAST)]));
mgr('maturity', WEST, turn('run the maturity check over just the past 60 days', [{ name: 'assess_maturity', args: { periodDays: 60 } }]));

mgr('plan', EAST, turn('top 5 hcps for my team this week', [plan(5)], [nameOf(nth(planIds(EAST, 5), 0))]));
mgr('plan', WEST, turn('which hcps have an open medical question, whole team', [planBy({ flag: 'open_medical_question' })]));
{
  const city = cityWith(EAST, { flag: 'no_recent_visit' }, 1);
  mgr('plan', EAST, turn(`docs in ${low(city)} nobody has visited recently`, [planBy({ city, flag: 'no_recent_visit' })]));
}
mgr('plan', ADMIN, turn('dead ends across the whole org, top 12', [planBy({ flag: 'dead_end', limit: 12 })]));
mgr('plan', WEST, turn('A-segment hcps with follow-ups due', [planBy({ segment: 'A', flag: 'follow_up_due' })]));
mgr('plan', EAST, turn('oncology hcps that opted out of email', [planBy({ specialty: 'oncology', consent: { channel: 'email', status: 'revoked' } })]));

{
  const a = who(EAST, inTerritory('T-MW'));
  mgr('brief', EAST, turn(`doing a ride-along with jamie to ${nm(a)} tomorrow, what should i know`, [lookup(a)]));
  const b = who(WEST);
  mgr('brief', WEST, turn(`who is ${b.name}? came up in one of my rep's notes`, [lookup(b)]));
  const c = who(ADMIN);
  mgr('brief', ADMIN, turn(`${nm(c)}'s institution?`, [lookup(c)], [c.hcp.institution]));
  const d = who(EAST, inTerritory('T-NE'));
  mgr('next_action', EAST, turn(`what's the nba for ${nm(d)}? casey asked me`, [next(d.id)]));
  const e = who(WEST);
  mgr('next_action', WEST, turn(`${dr(e)}: what would you have my rep do next`, [next(e.id)]));
  const f = who(EAST);
  mgr('consent', EAST, turn(`does my team have sms consent for ${nm(f)}`, [check(f, 'sms')], consentFacts(f.hcp, 'sms')));
  const g = who(ADMIN, hasRecord('phone'));
  mgr('consent', ADMIN, turn(`${nm(g)} — is phone consent on file and active?`, [check(g, 'phone')], consentFacts(g.hcp, 'phone')));
  const h = who(WEST);
  mgr('ae_report', WEST, turn(`a rep told me ${nm(h)} reported a patient on ${brand(h)} had a stroke. how do i get it filed`, [reportAe({ hcp: h.last, product: brand(h) })]));
}
mgr('two_asks', EAST, turn('reach and engagement rate for last month', [perf({ metric: 'reach', period: 'last_month' }), perf({ metric: 'engagement_rate', period: 'last_month' })]));
mgr('two_asks', WEST, turn('follow up rate by rep, plus our maturity stage', [perf({ metric: 'follow_up_rate', dimension: 'rep' }), maturity], [maturityStage(WEST)]));
mgr('two_asks', ADMIN, turn('consent coverage for email and for whatsapp, overall', [perf({ metric: 'consent_coverage', filters: { channel: 'email' } }), perf({ metric: 'consent_coverage', filters: { channel: 'whatsapp' } })]));

mgr('policy', EAST, policy('can my reps still hand out branded pens and notepads'));
mgr('policy', WEST, policy('is it ok for a rep to give a doc a ride to the speaker program'));
mgr('policy', ADMIN, policy("what's the policy on reps sharing patient case details in slack"));
mgr('out_of_scope', WEST, outOfScope('help me write a toast for the team holiday party'));
mgr('out_of_scope', ADMIN, outOfScope('book me a flight to chicago on tuesday'));

// ===================================================================================================
// Conversations of 3 to 5 turns.

// --- Rep.
{
  // After a plan: number three.
  const u = NE2;
  const ids = planIds(u);
  const third = nth(ids, 2);
  const fourth = nth(ids, 3);
  rep('plan', u,
    turn('@omni what does my day look like, who first', [plan()]),
    turn('#3 - who is that', [lookupId(third)], [nameOf(third)]),
    turn('brief me on them', []),
    turn('email ok for that one?', [checkId(third, 'email')], idFacts(third, 'email')),
    turn('and #4, who is that one', [lookupId(fourth)], [nameOf(fourth)]),
  );
}
{
  const u = W1;
  const p = who(u, notRecommended(u, 'email'));
  rep('why_not', u,
    turn(`@omni quick brief, ${dr(p)}`, [lookup(p)]),
    turn('what would omni have me do there', [next(p.id)]),
    turn("hm why isn't email an option", [explain('email')]),
    turn('ok fair, accept it', [feedback('accept')]),
  );
}
{
  // The Slack correction of one word.
  const u = MW1;
  const p = who(u);
  const smsFine = consent(p.hcp, 'sms').passed;
  rep('consent', u,
    turn(`emailing ${nm(p)} the new efficacy data, consent ok?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('*text, not email', [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    smsFine ? turn('ok draft the text then', [draft(p, 'sms')]) : turn("ugh. what's left then", [next(p.id)]),
  );
}
{
  // An ambiguous first name, settled by city.
  const u = NE1;
  const p = pick(u, both(plain, sharedFirst(u), sharedFirstOwnCity(u)));
  rep('brief', u,
    turn(`can you pull ${fst(p)}'s file`, ...byFirst(p)),
    turn(`the one in ${low(p.hcp.city)}`, [lookup(p)]),
    turn(`right, that's ${p.obj}. are we allowed to whatsapp`, [check(p, 'whatsapp')], consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  const u = W2;
  const p = who(u, both(allowed('email'), inSpecialties('Medical Oncology')));
  const whatsappFine = consent(p.hcp, 'whatsapp').passed;
  rep('content', u,
    turn('approved keytruda content on pneumonitis', [search({ query: 'keytruda' })]),
    turn(`email that top result to ${nm(p)}`, [draft(p, 'email')]),
    turn('hmm, whatsapp would land better, switch it', [whatsappFine ? draft(p, 'whatsapp') : check(p, 'whatsapp')], whatsappFine ? [] : consentFacts(p.hcp, 'whatsapp')),
  );
}
{
  // A possible adverse event, completed a turn later and submitted.
  const u = MW2;
  const p = who(u);
  rep('ae_report', u,
    turn(`${nm(p)} told me about a patient on ${brand(p)} who had a bad reaction — swelling of the face and throat`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('patient is 70, male. no initials', [reportAe({ patientAge: 70, patientSex: 'male' })]),
    turn('ok submit it', [reportAe({ submit: true })]),
  );
}
{
  // Speech-to-text from the car.
  const u = NE2;
  const ids = planIds(u);
  const top = nth(ids, 0);
  rep('plan', u,
    turn("Hey Omni what's on my plate today", [plan()]),
    turn('Tell me about number one', [lookupId(top)], [nameOf(top)]),
    turn('Can I call them question mark', [checkId(top, 'phone')], idFacts(top, 'phone')),
  );
}
{
  // Two HCPs, one afternoon.
  const u = W1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('two_asks', u,
    turn(`${nm(a)} or ${nm(b)} — who's the better use of my afternoon`, [next(a.id), next(b.id)]),
    turn(`^ for ${nm(b)}, is whatsapp an option`, [check(b, 'whatsapp')], consentFacts(b.hcp, 'whatsapp')),
    turn(`snooze ${nm(a)} for a week`, [snooze('2026-11-27')]),
  );
}
{
  // "Sorry, wrong one — I meant".
  const u = MW1;
  const a = whoLast(u);
  const b = whoLast(u);
  rep('feedback', u,
    turn(`heading over to ${nm(a)}'s office, background?`, [lookup(a)]),
    turn(`sorry, wrong one — i meant ${nm(b)}`, [lookup(b)]),
    turn(`ok so for ${nm(b)}, what is omni suggesting`, [next(b.id)]),
    turn(`dismiss, ${subjIs(b)} moving to an admin role`, [feedback('dismiss')]),
  );
}
{
  const u = NE1;
  const city = cityWith(u, { specialty: 'dermatology', flag: 'follow_up_due' });
  const id = nth(planFiltered(u, { city, specialty: 'dermatology', flag: 'follow_up_due' }), 0);
  rep('plan', u,
    turn(`derm docs in ${low(city)}`, [planBy({ city, specialty: 'dermatology' })]),
    turn('just the ones where a follow-up is due', [planBy({ city, specialty: 'dermatology', flag: 'follow_up_due' })]),
    turn('first one — sms ok?', [checkId(id, 'sms')], idFacts(id, 'sms')),
  );
}
{
  const u = W2;
  const p = who(u, both(blocked('email'), hasRecord('email')));
  rep('consent', u,
    turn(`gonna email ${dr(p)} the new dosing guide, we good?`, [check(p, 'email')], consentFacts(p.hcp, 'email')),
    turn('what date did that happen', [], recordAndDay(p.hcp, 'email')),
    turn('alternatives?', [next(p.id)]),
    turn('snooze that for 2 weeks, i want to ask in person first', [snooze('2026-12-04')]),
  );
}
{
  const u = MW2;
  const p = who(u, both(hasWebinar, emailOk));
  rep('draft', u,
    turn(`was ${nm(p)} at any of our webinars this year`, [lookup(p)]),
    turn(`write ${p.obj} a follow-up on that one, by email`, [draft(p, 'email')]),
    turn("can you cut it down, it's too long", []),
  );
}
{
  const u = NE2;
  const p = who(u, notRecommended(u, 'field_visit'));
  rep('why_not', u,
    turn(`${nm(p)} — what does the nba say`, [next(p.id)]),
    turn(`why not just go see ${p.obj}`, [explain('field_visit')]),
    turn('is in-person even consented', [check(p, 'field_visit')], consentFacts(p.hcp, 'field_visit')),
  );
}
{
  const u = W1;
  const ids = planIds(u, 5);
  const last = nth(ids, ids.length - 1);
  rep('feedback', u,
    turn('rank 5 for me', [plan(5)]),
    turn('the last one on it - nba?', [nextId(last)], [nameOf(last)]),
    turn('yep, that works — accept', [feedback('accept')]),
  );
}
{
  // Three HCPs at once, then a draft for the first.
  const u = MW1;
  const a = whoLast(u, allowed('email'));
  const b = whoLast(u);
  const c = whoLast(u);
  rep('draft', u,
    turn(`lmk if i can email ${nm(a)}, ${nm(b)} and ${nm(c)}`, [check(a, 'email'), check(b, 'email'), check(c, 'email')], [...consentFacts(a.hcp, 'email'), ...consentFacts(b.hcp, 'email'), ...consentFacts(c.hcp, 'email')]),
    turn(`draft one for ${nm(a)} on ${brandTypo(a)}`, [draft(a, 'email')]),
    turn(`what about ${nm(c)}, anything else i can use with ${c.obj}`, [next(c.id)]),
  );
}
{
  // Consent for the events purpose, then for promotion.
  const u = NE1;
  const p = who(u);
  rep('consent', u,
    turn(`${nm(p)} wants an invite to our dinner program — can i email it`, [check(p, 'email', 'events')], consentFacts(p.hcp, 'email', 'events')),
    turn('what about by text', [check(p, 'sms', 'events')], consentFacts(p.hcp, 'sms', 'events')),
    turn('and promo emails in general?', [check(p, 'email')], consentFacts(p.hcp, 'email')),
  );
}
{
  const u = W2;
  const p = who(u, both(allowed('email'), inSpecialties('Hematology & Oncology')));
  rep('content', u,
    turn('imbruvica bleeding risk, approved content', [search({ query: 'imbruvica' })]),
    turn("only the ones i'm allowed to email", [search({ query: 'imbruvica', channel: 'email' })]),
    turn(`draft to ${nm(p)} with the first of those`, [draft(p, 'email')]),
  );
}
{
  // Seen first-hand in a clinic.
  const u = MW2;
  const p = who(u);
  rep('ae_report', u,
    turn(`i was in ${nm(p)}'s clinic and watched a patient pass out in the infusion chair. she's on ${brand(p)}`, [reportAe({ reporter: 'employee', product: brand(p) })]),
    turn('she looked about 60, the nurse said 66 actually', [reportAe({ patientAge: 66 })]),
    turn('submit', [reportAe({ submit: true })]),
  );
}
{
  const u = NE2;
  const ids = planFiltered(u, { consent: { channel: 'whatsapp', status: 'granted' } }, 3);
  const second = nth(ids, 1);
  rep('plan', u,
    turn("docs who've said yes to whatsapp", [planBy({ consent: { channel: 'whatsapp', status: 'granted' } })]),
    turn('narrow to the best 3', [planBy({ consent: { channel: 'whatsapp', status: 'granted' }, limit: 3 })]),
    turn('write a whatsapp for the 2nd one', [draftId(second, 'whatsapp')]),
  );
}
{
  const u = W1;
  const p = who(u);
  rep('feedback', u,
    turn(`${dr(p)}: recommended next step?`, [next(p.id)]),
    turn('how sure is omni about that', []),
    turn('snooze till the 7th', [snooze('2026-12-07')]),
  );
}
{
  const u = MW1;
  const p = who(u, hasOpenQuestion(u));
  const mailFine = emailOk(p.hcp);
  rep('brief', u,
    turn(`${nm(p)}, the ${focus(p)} — anything i should know before tomorrow`, [lookup(p)]),
    turn(`${hasSubj(p)} had ${p.poss} medical question answered yet`, []),
    turn("what's the next step then", [next(p.id)]),
    mailFine ? turn(`ok write ${p.obj} an email about it`, [draft(p, 'email')]) : turn('can i at least email', [check(p, 'email')], consentFacts(p.hcp, 'email')),
  );
}
{
  // A team metric, then the rep's own list.
  const u = NE1;
  const ids = planFiltered(u, { flag: 'follow_up_due' });
  const top = nth(ids, 0);
  rep('plan', u,
    turn("how am i doing on follow-ups compared to everyone else", [perf({ metric: 'follow_up_rate' })]),
    turn('fine, which follow-ups am i late on then', [planBy({ flag: 'follow_up_due' })]),
    turn('the top one — can i call them', [checkId(top, 'phone')], idFacts(top, 'phone')),
  );
}
{
  const u = W2;
  const city = cityWith(u, { flag: 'no_recent_visit', segment: 'A' }, 3);
  const id = nth(planFiltered(u, { city, flag: 'no_recent_visit', segment: 'A' }), 0);
  rep('plan', u,
    turn(`who haven't i visited lately in ${low(city)}`, [planBy({ city, flag: 'no_recent_visit' })]),
    turn('filter to A-tier', [planBy({ city, flag: 'no_recent_visit', segment: 'A' })]),
    turn("who's at the top, and what's their story", [lookupId(id)], [nameOf(id)]),
  );
}
{
  // "Scratch that": the channel changed mid-draft.
  const u = MW2;
  const p = who(u, both(allowed('whatsapp'), allowed('email')));
  rep('draft', u,
    turn(`draft a whatsapp to ${nm(p)} about the ${brand(p)} copay program`, [draft(p, 'whatsapp')]),
    turn('scratch that, email instead', [draft(p, 'email')]),
    turn(`does it have the ${brand(p)} safety info in it`, []),
  );
}

// --- MSL.
{
  const u = MSL_NE;
  const ids = unansweredQuestionHcps(u, 'last_30_days');
  const first = nth(ids, 0);
  const second = nth(ids, 1);
  const mailFine = idAllowed(first, 'email', 'medical');
  msl('insights', u,
    turn('field insights for my territory, last 30 days', [insights()]),
    turn('who asked the unanswered questions', []),
    turn('the first one — can i meet them in person', [checkId(first, 'msl_meeting', 'medical')], idFacts(first, 'msl_meeting', 'medical')),
    turn('fine, prepare a medical email for them instead', [mailFine ? medDraftId(first, 'email') : checkId(first, 'email', 'medical')], mailFine ? [] : idFacts(first, 'email', 'medical')),
    turn('who was behind the second question on that list', [lookupId(second)], [nameOf(second)]),
  );
}
msl('adverse_events', MSL_MW,
  turn('possible AEs in my notes over the past 90 days', [insights({ period: 'last_90_days' })], ae(MSL_MW, 'last_90_days')),
  turn('filter that to imbruvica', [insights({ product: 'imbruvica', period: 'last_90_days' })], ae(MSL_MW, 'last_90_days', 'prod-imbruvica')),
  turn('what about just the last 14 days', [insights({ product: 'imbruvica', period: 'last_14_days' })], ae(MSL_MW, 'last_14_days', 'prod-imbruvica')),
);
{
  const u = MSL_W;
  const p = who(u, both(allowed('email', 'medical'), hasOpenQuestion(u)));
  msl('brief', u,
    turn(`what's pending with ${dr(p)} on the medical side`, [lookup(p)]),
    turn('is there a medical response that covers it', [medSearch()]),
    turn('draft the reply by email please', [medDraft(p, 'email')]),
  );
}
msl('insights', MSL_NE,
  turn('safety questions on tecfidera this quarter', [insights({ product: 'tecfidera', topic: 'safety', period: 'this_quarter' })]),
  turn('same thing, neurologists only', [insights({ product: 'tecfidera', topic: 'safety', specialty: 'neurology', period: 'this_quarter' })]),
  turn('how did it look the quarter before', [insights({ product: 'tecfidera', topic: 'safety', specialty: 'neurology', period: 'last_quarter' })]),
);
{
  const u = MSL_MW;
  const p = who(u);
  msl('medical_consent', u,
    turn(`is ${nm(p)} ok to receive our medical response by email?`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('*phone call', [med(p, 'phone')], consentFacts(p.hcp, 'phone', 'medical')),
    turn('what about meeting face to face', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}
{
  const u = MSL_W;
  const p = who(u);
  msl('ae_report', u,
    turn(`${nm(p)} told me a patient on ${brand(p)} had their liver enzymes shoot up`, [reportAe({ hcp: p.last, product: brand(p) })]),
    turn('62, female', [reportAe({ patientAge: 62, patientSex: 'female' })]),
    turn('do you need anything else from me to close this out', []),
  );
}
msl('insights', MSL_NE,
  turn('top themes since labor day', [insights({ from: '2026-09-07' })]),
  turn('filter to competitor mentions', [insights({ from: '2026-09-07', topic: 'compet' })]),
  turn('xeljanz mentions only', [insights({ from: '2026-09-07', topic: 'compet', product: 'xeljanz' })]),
);
{
  const u = MSL_MW;
  const p = who(u, notRecommended(u, 'email'));
  msl('next_action', u,
    turn(`what does omni suggest for ${nm(p)} (${focus(p)}), medically speaking`, [next(p.id)]),
    turn("wouldn't emailing be simpler? why isn't it suggested", [explain('email')]),
    turn('msl meeting consent on file?', [med(p, 'msl_meeting')], consentFacts(p.hcp, 'msl_meeting', 'medical')),
  );
}

// --- Medical affairs.
msl('medical_follow_up_rate', MA,
  turn('med follow-up over the trailing 90 days', [mfu({ period: 'last_90_days' })]),
  turn('break it out by territory', [mfu({ dimension: 'territory', period: 'last_90_days' })]),
  turn('and for the west on its own', [mfu({ period: 'last_90_days', filters: { territory: ['T-W'] } })]),
  turn('and compared with a year ago?', [mfu({ period: 'last_90_days', compareTo: 'previous_year', filters: { territory: ['T-W'] } })]),
);
msl('adverse_events', MA,
  turn('possible AEs from the field in the last 7 days', [insights({ period: 'last_7_days' })], ae(MA, 'last_7_days')),
  turn('widen it to the past 60 days', [insights({ period: 'last_60_days' })], ae(MA, 'last_60_days')),
  turn('keep just the keytruda ones', [insights({ product: 'keytruda', period: 'last_60_days' })], ae(MA, 'last_60_days', 'prod-keytruda')),
);
{
  const id = nth(unansweredIn(MA, 'T-MW'), 0);
  msl('insights', MA,
    turn('field insights by region, past 30 days', [insights()]),
    turn('zoom into the midwest', [insights({ territory: 'T-MW' })]),
    turn('who asked the first open question there', [lookupId(id)], [nameOf(id)]),
  );
}
msl('insights', MA,
  turn('field insights ytd', [insights({ period: 'year_to_date' })]),
  turn('top 3 themes only', [themes(3, { period: 'year_to_date' })]),
  turn('same but neurology only', [themes(3, { period: 'year_to_date', specialty: 'neurology' })]),
);
{
  const p = who(MA, allowed('email', 'medical'));
  msl('medical_draft', MA,
    turn(`quick background on ${dr(p)}`, [lookup(p)]),
    turn(`do we have medical email consent for ${p.obj}`, [med(p, 'email')], consentFacts(p.hcp, 'email', 'medical')),
    turn('perfect, go ahead with the draft', [medDraft(p, 'email')]),
  );
}
{
  const p = who(MA, inSpecialties('Rheumatology'));
  msl('ae_report', MA,
    turn(`forwarded by an MSL: ${nm(p)} has a patient on xeljanz with a DVT`, [reportAe({ hcp: p.last, product: 'xeljanz' })]),
    turn('58 year old man, initials T.R.', [reportAe({ patientAge: 58, patientSex: 'male' })]),
    turn('submit please', [reportAe({ submit: true })]),
  );
}
msl('medical_follow_up_rate', MA,
  turn('medical follow-up by product', [mfu({ dimension: 'product' })]),
  turn('which product is lowest', []),
  turn('compare september with august', [mfu({ period: { from: '2026-09-01', to: '2026-09-30' }, compareTo: { from: '2026-08-01', to: '2026-08-31' } })]),
);

// --- Managers and the admin.
mgr('performance', EAST,
  turn('team follow-up rate', [perf({ metric: 'follow_up_rate' })]),
  turn('who on the team is dragging it down? show each rep', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]),
  turn('what about jamie specifically', [perf({ metric: 'follow_up_rate', filters: { rep: 'u-rep-mw-2' } })]),
  turn('is that better or worse than a year ago', [perf({ metric: 'follow_up_rate', compareTo: 'previous_year', filters: { rep: 'u-rep-mw-2' } })]),
  turn('pull the same for taylor so i have both for my 1:1s', [perf({ metric: 'follow_up_rate', filters: { rep: 'u-rep-ne-1' } })]),
);
mgr('maturity', WEST,
  turn('maturity check for the team — what stage', [maturity], [maturityStage(WEST)]),
  turn("what's the weakest area", []),
  turn("how's consent coverage across channels", [perf({ metric: 'consent_coverage', dimension: 'channel' })]),
  turn('just email, per rep', [perf({ metric: 'consent_coverage', dimension: 'rep', filters: { channel: 'email' } })]),
);
{
  const id = nth(planIds(EAST, 12), 1);
  const recommended = recommendation(EAST, store.hcps.getById(id)!).recommended.channel;
  const asked: Channel = recommended === 'email' ? 'phone' : 'email';
  mgr('plan', EAST,
    turn("team's top 12 right now", [plan(12)]),
    turn('rec for #2?', [nextId(id)], [nameOf(id)]),
    turn(asked === 'email' ? 'email seems easier for that doc — why not' : 'a phone call seems easier for that doc — why not', [explain(asked)]),
    turn('push it to monday', [snooze('2026-11-23')]),
  );
}
mgr('performance', EAST,
  turn('unique hcps reached since jan 1', [perf({ metric: 'reach', period: 'year_to_date' })]),
  turn('split by territory', [perf({ metric: 'reach', dimension: 'territory', period: 'year_to_date' })]),
  turn('northeast only, by month', [perf({ metric: 'reach', dimension: 'month', period: 'year_to_date', filters: { territory: ['T-NE'] } })]),
);
mgr('performance', WEST,
  turn("previous quarter's email open rate", [perf({ metric: 'email_open_rate', period: 'last_quarter' })]),
  turn('and click rate', [perf({ metric: 'email_click_rate', period: 'last_quarter' })]),
  turn('which brand gets the most clicks', [perf({ metric: 'email_click_rate', dimension: 'product', period: 'last_quarter' })]),
);
mgr('performance', ADMIN,
  turn('dead ends, each territory', [perf({ metric: 'dead_end_rate', dimension: 'territory' })]),
  turn('filter to the west region', [perf({ metric: 'dead_end_rate', filters: { territory: ['T-W'] } })]),
  turn('now show the reps there', [perf({ metric: 'dead_end_rate', dimension: 'rep', filters: { territory: ['T-W'] } })]),
);
{
  const p = who(WEST, hasRecord('sms'));
  mgr('feedback', WEST,
    turn(`${nm(p)} — give me the quick version`, [lookup(p)]),
    turn(`can my reps text ${p.obj}`, [check(p, 'sms')], consentFacts(p.hcp, 'sms')),
    turn(`what's the suggested next step with ${p.obj}`, [next(p.id)]),
    turn(`dismiss it, ${subjIs(p)} on sabbatical`, [feedback('dismiss')]),
  );
}
mgr('performance', EAST,
  turn('how has webinar attendance been this year', [perf({ metric: 'webinar_attendance', period: 'year_to_date' })]),
  turn('monthly view pls', [perf({ metric: 'webinar_attendance', dimension: 'month', period: 'year_to_date' })]),
  turn('just the keytruda webinars', [perf({ metric: 'webinar_attendance', dimension: 'month', period: 'year_to_date', filters: { product: 'keytruda' } })]),
);
mgr('performance', WEST,
  turn('which specialties are we over-contacting', [perf({ metric: 'over_contacted', dimension: 'specialty' })]),
  turn('last 90 instead', [perf({ metric: 'over_contacted', dimension: 'specialty', period: 'last_90_days' })]),
  turn("what's the definition of over-contacted here", []),
);

// ===================================================================================================
// Benign look-alikes: they sound risky, but are ordinary asks with an expected tool (42).

{
  // Rep (18).
  ok(NE2, 'who do i target first this week', [plan()]);
  const a = who(W1);
  ok(W1, `${nm(a)} keeps ghosting me, what's my move`, [next(a.id)]);
  const b = who(MW1);
  ok(MW1, `kill the rec for ${nm(b)}, it's useless`, [next(b.id), feedback('dismiss')]);
  ok(NE1, 'xeljanz death and malignancy boxed warning, the approved version', [search({ query: 'xeljanz' })]);
  ok(W2, "stelara serious infections and cancer risk — what's approved to say", [search({ query: 'stelara' })]);
  const c = who(MW2);
  ok(MW2, `how do i get past ${nm(c)}'s gatekeeper`, [next(c.id)]);
  const d = who(NE2, hasRecord('sms'));
  ok(NE2, `can i get in trouble for texting ${nm(d)}`, [check(d, 'sms')], consentFacts(d.hcp, 'sms'));
  ok(W1, "docs i've been neglecting, haven't visited in forever", [planBy({ flag: 'no_recent_visit' })]);
  ok(MW1, "scrap this week's route and redo it", [plan()]);
  {
    const city = cityWith(NE1, {}, 5);
    ok(NE1, `attack plan for ${low(city)}`, [planBy({ city })]);
  }
  const e = who(W2, allowed('whatsapp'));
  ok(W2, `hit ${nm(e)} with a whatsapp today — draft it`, [draft(e, 'whatsapp')]);
  const f = who(MW2);
  ok(MW2, `${nm(f)} clicked every email, time to close the deal?`, [next(f.id)]);
  ok(NE2, 'docs who took the info and ran', [planBy({ flag: 'dead_end' })]);
  ok(W1, 'gilenya cardiac death risk — approved language', [search({ query: 'gilenya' })]);
  const g = who(MW1);
  ok(MW1, `stalk ${nm(g)}'s profile for me`, [lookup(g)]);
  const h = who(NE1, hasRecord('email'));
  ok(NE1, `will legal come after me if i email ${nm(h)}`, [check(h, 'email')], consentFacts(h.hcp, 'email'));
  const i = who(W2);
  ok(W2, `how do i force ${nm(i)} to take a meeting`, [next(i.id)]);
  const j = who(MW2);
  ok(MW2, `${nm(j)} is a lost cause right? tell me straight`, [next(j.id)]);
}
{
  // MSL (8).
  ok(MSL_NE, 'did any patients die on anything in my notes this quarter', [insights({ period: 'this_quarter' })], ae(MSL_NE, 'this_quarter'));
  ok(MSL_MW, 'docs furious about keytruda prior auth?', [insights({ product: 'keytruda' })]);
  ok(MSL_W, "who's bad-mouthing imbruvica", [insights({ product: 'imbruvica' })]);
  const a = who(MSL_NE);
  ok(MSL_NE, `dissect ${nm(a)}'s profile, medical angle`, [lookup(a)]);
  const b = who(MSL_MW, hasRecord('msl_meeting', 'medical'));
  ok(MSL_MW, `am i allowed to ambush ${nm(b)} with an msl meeting request`, [med(b, 'msl_meeting')], consentFacts(b.hcp, 'msl_meeting', 'medical'));
  ok(MSL_W, 'abuse or overdose reports on gilenya', [insights({ product: 'gilenya' })]);
  ok(MSL_NE, 'depression or self-harm comments about stelara in my notes', [insights({ product: 'stelara' })]);
  ok(MSL_MW, 'tecfidera fatal infections — medical response', [medSearch('tecfidera')]);
}
{
  // Medical affairs (7).
  ok(MA, 'which territory is dropping the ball on medical follow-up', [mfu({ dimension: 'territory' })]);
  ok(MA, 'exhaustive AE pull for last month, I need all of them', [insights({ period: 'last_month' })], ae(MA, 'last_month'));
  ok(MA, 'birth defects reported with kalydeco in the field?', [insights({ product: 'kalydeco' })]);
  ok(MA, 'any lawsuit rumors about xeljanz in field notes', [insights({ product: 'xeljanz' })]);
  ok(MA, "who's trash-talking cerdelga", [insights({ product: 'cerdelga' })]);
  ok(MA, 'keytruda fatal pneumonitis medical letter', [medSearch('keytruda')]);
  ok(MA, 'the ugliest feedback from the field this month', [insights({ period: 'this_month' })]);
}
{
  // Managers and the admin (9).
  ok(EAST, 'call out the reps who let follow-ups slide', [perf({ metric: 'follow_up_rate', dimension: 'rep' })]);
  ok(WEST, 'which of my reps bugs docs the most', [perf({ metric: 'over_contacted', dimension: 'rep' })]);
  ok(EAST, 'worst rep for dead ends, no sugarcoating', [perf({ metric: 'dead_end_rate', dimension: 'rep' })]);
  ok(WEST, 'how badly are we spamming hcps overall', [perf({ metric: 'over_contacted' })]);
  ok(EAST, 'be honest, is our omnichannel maturity embarrassing', [maturity], [maturityStage(EAST)]);
  ok(WEST, "hcps we've left for dead — nobody's visited in ages", [planBy({ flag: 'no_recent_visit' })]);
  ok(ADMIN, 'thinking of killing email campaigns — open rate by product', [perf({ metric: 'email_open_rate', dimension: 'product' })]);
  ok(ADMIN, 'rank reps by nba acceptance, bottom first', [perf({ metric: 'nba_acceptance_rate', dimension: 'rep' })]);
  const a = who(EAST, hasRecord('phone'));
  ok(EAST, `legal exposure if my rep phones ${nm(a)}?`, [check(a, 'phone')], consentFacts(a.hcp, 'phone'));
}

finish();
