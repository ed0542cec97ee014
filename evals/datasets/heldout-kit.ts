/**
 * The helper code the held-out set generators (generate-heldout.ts, generate-heldout2.ts ...
 * generate-heldout9.ts) share: a fresh demo database, HCP picking, the facts computed with the same
 * domain code the tools use (consent gate, next best actions, territory plan, field insights, maturity),
 * case builders and file writing. Each generator keeps its own questions; what differs between the sets
 * (the temporary store's and savepoint's names, which eval files count as "used elsewhere", the pick
 * order's hash seed, the case id prefix, the output files) is a parameter of createHeldoutKit.
 * Generating must stay byte for byte what it was before this module existed. A set never reads the files
 * of a later held-out set (they did not exist when it was written), so adding a set leaves the earlier
 * ones' output unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { accessScopeFor } from '../../src/compliance/access-policy.ts';
import { currentConsents } from '../../src/compliance/consent-policy.ts';
import { recentEvents } from '../../src/drafts/follow-up-draft.ts';
import { createAnalyticsContext, createNbaDependencies } from '../../src/container.ts';
import type { Hcp } from '../../src/domain/hcp.ts';
import type { User } from '../../src/domain/user.ts';
import type { Channel, Purpose } from '../../src/domain/vocabulary.ts';
import { previousPeriod, resolvePeriod, type NamedPeriod } from '../../src/insights/periods.ts';
import { recommendNextBestActions } from '../../src/nba/next-best-actions.ts';
import { planTerritory } from '../../src/nba/territory-plan.ts';
import { lookupHcpProfile } from '../../src/profile/hcp-profile.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../src/testing/demo-store.ts';
import { EvalCase, type EvalCaseInput } from '../lib/cases.ts';
import { consentGate } from '../../src/compliance/gates.ts';
import { callerFor } from '../../src/compliance/caller.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ASOF = DEMO_AS_OF;

export interface Pick {
  hcp: Hcp;
  id: string;
  name: string;
  first: string;
  last: string;
  /** How a question names the HCP when it is short: the last name when no other HCP the user may see has it, else the full name. */
  short: string;
  /** Object pronoun by first name (her, him, or them when the name does not say). */
  obj: string;
  /** Subject pronoun. */
  subj: string;
  /** Possessive (her, his, their). */
  poss: string;
}

const FEMALE = new Set('Ana Rebecca Elena Olivia Nora Miriam Amara Hannah Emily Aisha Julia Zara Rachel Chloe Laura Mei Alicia Ingrid Natalie Fatima Sofia Priya Claire Leila Maria Helen Nadia Sara Grace'.split(' '));
const MALE = new Set('Ethan Omar Carlos Marcus Peter Ibrahim Kevin Gabriel Victor Michael Brian James Jonathan Samuel Stefan David Rajesh Kwame Robert Arjun Luis Thomas Paul Mark Diego Andrew Tomas Daniel Hiroshi'.split(' '));

const fullName = (hcp: Hcp) => `${hcp.firstName} ${hcp.lastName}`;

// ---------------------------------------------------------------------------------------------------
// Case builders that need no data.

export type TurnInput = EvalCaseInput['turns'][number];
export type Call = { name: string; args?: Record<string, unknown> };
type Need = (hcp: Hcp) => boolean;

export const turn = (question: string, expectTools: Call[] = [], facts: string[] = [], extra: Partial<TurnInput> = {}): TurnInput => ({
  question,
  expectTools: expectTools.map((call) => ({ name: call.name, args: call.args ?? {} })),
  facts,
  ...extra,
});

export const lookup = (hcp: Pick): Call => ({ name: 'lookup_hcp_profile', args: { hcp: hcp.last } });
export const check = (hcp: Pick, channel: Channel, purpose?: Purpose): Call => ({ name: 'check_consent', args: { hcpId: hcp.id, channel, ...(purpose ? { purpose } : {}) } });
export const next = (hcpId: string): Call => ({ name: 'get_next_best_actions', args: { hcpId } });
export const explain = (channel: Channel): Call => ({ name: 'explain_recommendation', args: { channel } });
export const plan = (limit?: number): Call => ({ name: 'plan_territory', args: limit ? { limit } : {} });
export const search = (args: Record<string, unknown> = {}): Call => ({ name: 'search_approved_content', args });
export const draft = (hcp: Pick, channel: Channel): Call => ({ name: 'draft_followup', args: { hcpId: hcp.id, channel } });
export const insights = (args: Record<string, unknown> = {}): Call => ({ name: 'summarize_field_insights', args });
export const perf = (args: Record<string, unknown>): Call => ({ name: 'query_performance', args });
export const maturity: Call = { name: 'assess_maturity' };
export const feedback = (verdict: string): Call => ({ name: 'record_feedback', args: { verdict } });

export const inSpecialty = (specialty: string) => (hcp: Hcp) => hcp.specialty === specialty;
export const both =
  (...needs: Need[]) =>
  (hcp: Hcp) =>
    needs.every((need) => need(hcp));

// ---------------------------------------------------------------------------------------------------

export interface HeldoutKitOptions {
  /** The set's name: "heldout", "heldout2", "heldout3", "heldout5". Names the temporary store, the savepoint, the pick order's seed and the output files (persona-<set>.jsonl, benign-<set>.jsonl). */
  set: string;
  /** Case id prefix: "ho", "ho2", "ho3", "ho5". */
  idPrefix: string;
  /**
   * Eval files whose name contains this are not read for HCP ids used elsewhere ("heldout" skips every
   * held-out set, "heldout2" only the set's own files). Defaults to `set`.
   */
  skipFilesContaining?: string;
  /**
   * When no HCP unused by the other sets matches a pick, fall back to HCPs the other sets name (still each
   * once in this set, unique full name, inside the user's territories). Off by default (the first three sets
   * never reuse); the fourth set needs it: after three held-out sets only 88 HCPs with unique names are left.
   */
  reuseWhenExhausted?: boolean;
  /** Where the .jsonl files are written; defaults to this directory (a test regenerates into a temporary one). */
  outDir?: string;
  /**
   * Exactly the eval files whose HCP ids count as used elsewhere (names in evals/datasets/). Without it, the
   * sets of SETS_BEFORE_HELDOUT5 but those `skipFilesContaining` names, and but the held-out sets written after
   * this one (a higher number: "heldout3" does not read heldout4's files), which did not exist when this set was picked.
   */
  usedElsewhere?: string[];
}

/** The demo's users by short name, as the generators ask as them. */
export const DEMO_USERS = {
  NE1: 'u-rep-ne-1',
  NE2: 'u-rep-ne-2',
  MW1: 'u-rep-mw-1',
  MW2: 'u-rep-mw-2',
  W1: 'u-rep-w-1',
  W2: 'u-rep-w-2',
  MSL_NE: 'u-msl-ne',
  MSL_MW: 'u-msl-mw',
  MSL_W: 'u-msl-w',
  MA: 'u-medaffairs',
  EAST: 'u-mgr-east',
  WEST: 'u-mgr-west',
  ADMIN: 'u-admin',
} as const;

/**
 * Every persona, benign and red-team set there was when the fifth held-out set was written (2026-12-07): the
 * sets whose questions and HCPs it avoids. Listed rather than read from the directory, so a set added later
 * changes nothing.
 */
export const SETS_BEFORE_HELDOUT5: readonly string[] = [
  'persona-single.jsonl',
  'persona-multi.jsonl',
  'benign-lookalike.jsonl',
  'redteam-direct.jsonl',
  'redteam-indirect.jsonl',
  'redteam-harmful.jsonl',
  'persona-heldout.jsonl',
  'benign-heldout.jsonl',
  'persona-heldout2.jsonl',
  'benign-heldout2.jsonl',
  'persona-heldout3.jsonl',
  'benign-heldout3.jsonl',
];

/** The same for the sixth set, written after the fourth and fifth. */
export const SETS_BEFORE_HELDOUT6: readonly string[] = [...SETS_BEFORE_HELDOUT5, 'persona-heldout4.jsonl', 'benign-heldout4.jsonl', 'persona-heldout5.jsonl', 'benign-heldout5.jsonl'];

/** The same for the seventh set, written after the sixth. */
export const SETS_BEFORE_HELDOUT7: readonly string[] = [...SETS_BEFORE_HELDOUT6, 'persona-heldout6.jsonl', 'benign-heldout6.jsonl'];

/** The same for the eighth set, written after the seventh. */
export const SETS_BEFORE_HELDOUT8: readonly string[] = [...SETS_BEFORE_HELDOUT7, 'persona-heldout7.jsonl', 'benign-heldout7.jsonl'];

/** The same for the ninth set, written after the eighth. */
export const SETS_BEFORE_HELDOUT9: readonly string[] = [...SETS_BEFORE_HELDOUT8, 'persona-heldout8.jsonl', 'benign-heldout8.jsonl'];

/** The same for the tenth set, written after the ninth. */
export const SETS_BEFORE_HELDOUT10: readonly string[] = [...SETS_BEFORE_HELDOUT9, 'persona-heldout9.jsonl', 'benign-heldout9.jsonl'];

/** The same for the eleventh set, written after the tenth. */
export const SETS_BEFORE_HELDOUT11: readonly string[] = [...SETS_BEFORE_HELDOUT10, 'persona-heldout10.jsonl', 'benign-heldout10.jsonl'];

/** The same for the twelfth set, written after the eleventh. */
export const SETS_BEFORE_HELDOUT12: readonly string[] = [...SETS_BEFORE_HELDOUT11, 'persona-heldout11.jsonl', 'benign-heldout11.jsonl'];

/** The same for the thirteenth set, written after the twelfth. */
export const SETS_BEFORE_HELDOUT13: readonly string[] = [...SETS_BEFORE_HELDOUT12, 'persona-heldout12.jsonl', 'benign-heldout12.jsonl'];

/** The same for the fourteenth set, written after the thirteenth. */
export const SETS_BEFORE_HELDOUT14: readonly string[] = [...SETS_BEFORE_HELDOUT13, 'persona-heldout13.jsonl', 'benign-heldout13.jsonl'];

/** The same for the fifteenth set, written after the fourteenth. */
export const SETS_BEFORE_HELDOUT15: readonly string[] = [...SETS_BEFORE_HELDOUT14, 'persona-heldout14.jsonl', 'benign-heldout14.jsonl'];

/** The same for the sixteenth set, written after the fifteenth. */
export const SETS_BEFORE_HELDOUT16: readonly string[] = [...SETS_BEFORE_HELDOUT15, 'persona-heldout15.jsonl', 'benign-heldout15.jsonl'];

/** The same for the seventeenth set, written after the sixteenth. */
export const SETS_BEFORE_HELDOUT17: readonly string[] = [...SETS_BEFORE_HELDOUT16, 'persona-heldout16.jsonl', 'benign-heldout16.jsonl'];

/** The same for the eighteenth set, written after the seventeenth. */
export const SETS_BEFORE_HELDOUT18: readonly string[] = [...SETS_BEFORE_HELDOUT17, 'persona-heldout17.jsonl', 'benign-heldout17.jsonl'];

/** The same for the nineteenth set, written after the eighteenth. */
export const SETS_BEFORE_HELDOUT19: readonly string[] = [...SETS_BEFORE_HELDOUT18, 'persona-heldout18.jsonl', 'benign-heldout18.jsonl'];

/** heldout → 1, heldout2 → 2, ...; the held-out set a file belongs to, or null. */
const heldoutNumber = (name: string): number | null => {
  const match = /(?:^|-)heldout(\d*)(?:\.jsonl)?$/.exec(name);
  return match ? Number(match[1] || '1') : null;
};

export function createHeldoutKit(options: HeldoutKitOptions) {
  const { set, idPrefix } = options;
  const skip = options.skipFilesContaining ?? set;

  const world = createTemporaryDemoStore(`omni-eval-${set}-`);
  const store = world.store;
  const nba = createNbaDependencies(store, { deadEndDays: 14 });
  const analytics = createAnalyticsContext(store);
  const user = (id: string): User => {
    const found = store.users.getById(id);
    if (!found) throw new Error(`no user ${id}`);
    return found;
  };

  /** Runs `work` and rolls back whatever it wrote (NBA and plans write decision records). */
  function isolated<T>(work: () => T): T {
    store.database.exec(`SAVEPOINT ${set}_gen`);
    try {
      return work();
    } finally {
      store.database.exec(`ROLLBACK TO ${set}_gen`);
      store.database.exec(`RELEASE ${set}_gen`);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Picking HCPs: inside the user's territories, unique full name, not used by the other sets, each once.

  const ownNumber = heldoutNumber(set);
  /** A later held-out set's files did not exist when this set was written: reading them would change its picks. */
  const later = (name: string) => ownNumber !== null && (heldoutNumber(name) ?? 0) > ownNumber;

  /** HCP ids the other eval sets mention (only ids are read from them). */
  function idsInTunedSets(): Set<string> {
    const ids = new Set<string>();
    // The sets there were when the held-out sets were written, not the directory: a set added since (redteam-privacy.jsonl) changes no pick.
    const files = options.usedElsewhere ?? SETS_BEFORE_HELDOUT5.filter((name) => !name.includes(skip) && !later(name));
    for (const file of files) {
      for (const match of readFileSync(join(HERE, file), 'utf8').matchAll(/hcp-\d{6}/g)) ids.add(match[0]);
    }
    return ids;
  }

  const tuned = idsInTunedSets();
  const taken = new Set<string>();
  const allHcps = store.hcps.listInTerritories(undefined);
  const fullNameCount = new Map<string, number>();
  for (const hcp of allHcps) fullNameCount.set(fullName(hcp).toLowerCase(), (fullNameCount.get(fullName(hcp).toLowerCase()) ?? 0) + 1);

  /** A stable shuffle: FNV-1a of the id, so picks spread over the alphabet. */
  function order(id: string): number {
    let hash = 0x811c9dc5;
    for (const char of `${set}:${id}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return hash;
  }

  function visibleTo(userId: string): Hcp[] {
    const scope = accessScopeFor(user(userId));
    return store.hcps.listInTerritories(scope.territories ? [...scope.territories] : undefined);
  }

  function pick(userId: string, need: Need = () => true, pickOptions: { uniqueLastName?: boolean } = {}): Pick {
    const visible = visibleTo(userId);
    const lastNames = new Map<string, number>();
    for (const hcp of visible) lastNames.set(hcp.lastName.toLowerCase(), (lastNames.get(hcp.lastName.toLowerCase()) ?? 0) + 1);
    const candidates = (fresh: boolean) =>
      visible
        .filter((hcp) => tuned.has(hcp.id) !== fresh && !taken.has(hcp.id) && fullNameCount.get(fullName(hcp).toLowerCase()) === 1)
        .filter((hcp) => !pickOptions.uniqueLastName || lastNames.get(hcp.lastName.toLowerCase()) === 1)
        .sort((a, b) => order(a.id) - order(b.id) || a.id.localeCompare(b.id));
    const hcp = candidates(true).find(need) ?? (options.reuseWhenExhausted ? candidates(false).find(need) : undefined);
    if (!hcp) throw new Error(`no HCP for ${userId} matches`);
    taken.add(hcp.id);
    const female = FEMALE.has(hcp.firstName);
    const male = MALE.has(hcp.firstName);
    const short = lastNames.get(hcp.lastName.toLowerCase()) === 1 ? hcp.lastName : fullName(hcp);
    return { hcp, id: hcp.id, name: fullName(hcp), first: hcp.firstName, last: hcp.lastName, short, obj: female ? 'her' : male ? 'him' : 'them', subj: female ? 'she' : male ? 'he' : 'they', poss: female ? 'her' : male ? 'his' : 'their' };
  }

  // -------------------------------------------------------------------------------------------------
  // Facts, computed with the domain code the tools use.

  /** The consent gate as check_consent answers it (all products). */
  function consent(hcp: Hcp, channel: Channel, purpose: Purpose = 'promotional'): { passed: boolean; record: string | null; status: string | null; day: string | null } {
    const states = currentConsents(store.consents.forHcp(hcp.id), ASOF);
    const gate = consentGate(states, channel, purpose, null, nba.consentRules);
    const state = states.find((candidate) => candidate.recordId === gate.records[0]);
    return { passed: gate.passed, record: gate.records[0] ?? null, status: state?.status ?? null, day: state ? state.since.slice(0, 10) : null };
  }
  const consentFacts = (hcp: Hcp, channel: Channel, purpose: Purpose = 'promotional') => {
    const record = consent(hcp, channel, purpose).record;
    return record ? [record] : [];
  };

  const recommendation = (userId: string, hcp: Hcp) => isolated(() => recommendNextBestActions(nba, callerFor(user(userId)), hcp.id, ASOF));
  const planTop = (userId: string, limit = 10) => isolated(() => planTerritory(nba, callerFor(user(userId)), ASOF, { limit })).entries[0]!.hcp.id;
  const hasOpenQuestion = (userId: string) => (hcp: Hcp) => {
    const found = lookupHcpProfile(store, hcp.id, { asOf: ASOF, scope: accessScopeFor(user(userId)), signalOptions: { deadEndDays: 14 } });
    return found.status === 'found' && found.profile.signals.some((signal) => signal.kind === 'open_medical_question');
  };
  const hasWebinar = (hcp: Hcp) => recentEvents(store, hcp.id, ASOF).some((event) => event.channel === 'webinar');

  /**
   * Possible adverse events summarize_field_insights lists for the user (every one must be reported): those
   * listed both without a topic and with the topic "safety", which a model may fairly add to an AE question.
   */
  function adverseEventNotes(userId: string, period: NamedPeriod, product: string | null = null): string[] {
    const resolved = resolvePeriod({ period }, ASOF);
    const listed = (topic: string | null) =>
      analytics.fieldInsights.summarize({ scope: accessScopeFor(user(userId)), period: resolved, previousPeriod: previousPeriod(resolved), product, topic }).possibleAdverseEvents.items.map((item) => item.noteId);
    const withTopic = new Set(listed('safety'));
    return listed(null).filter((noteId) => withTopic.has(noteId));
  }
  const maturityStage = (userId: string) => analytics.maturity.assess(callerFor(user(userId)), ASOF, { periodDays: 180 }).overall.stageLabel;

  /** The HCP ids of the user's territory plan in rank order (for "the 3rd one" after a plan). */
  const planIds = (userId: string, limit = 10) => isolated(() => planTerritory(nba, callerFor(user(userId)), ASOF, { limit })).entries.map((entry) => entry.hcp.id);
  /** HCP ids of the unanswered medical questions summarize_field_insights lists for the user, in its order (for "the first one" after that list). */
  const unansweredQuestionHcps = (userId: string, period: NamedPeriod, product: string | null = null): string[] => {
    const resolved = resolvePeriod({ period }, ASOF);
    return analytics.fieldInsights.summarize({ scope: accessScopeFor(user(userId)), period: resolved, previousPeriod: previousPeriod(resolved), product, topic: null }).unansweredQuestions.items.map((item) => item.hcp.id);
  };

  const emailOk = (hcp: Hcp) => consent(hcp, 'email').passed;
  const notRecommended = (userId: string, channel: Channel) => (hcp: Hcp) => recommendation(userId, hcp).recommended.channel !== channel;
  const hasRecord = (channel: Channel, purpose: Purpose = 'promotional') => (hcp: Hcp) => consent(hcp, channel, purpose).record !== null;
  const withStatus = (channel: Channel, status: string) => (hcp: Hcp) => consent(hcp, channel).status === status;

  // -------------------------------------------------------------------------------------------------
  // Collecting cases.

  const persona: EvalCaseInput[] = [];
  const benign: EvalCaseInput[] = [];
  const counters = new Map<string, number>();
  function add(target: EvalCaseInput[], suite: 'persona' | 'benign', who: EvalCaseInput['persona'], category: string, userId: string, turns: TurnInput[]): void {
    const prefix = suite === 'benign' ? `${idPrefix}-benign` : `${idPrefix}-${turns.length > 1 ? 'multi-' : ''}${who === 'medical_affairs' ? 'ma' : who}-${category}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    target.push({ id: `${prefix}-${n}`, suite, persona: who, category: turns.length > 1 ? `multi_${category}` : category, user: userId, turns });
  }
  const rep = (category: string, userId: string, ...turns: TurnInput[]) => add(persona, 'persona', 'rep', category, userId, turns);
  const msl = (category: string, userId: string, ...turns: TurnInput[]) => add(persona, 'persona', userId === 'u-medaffairs' ? 'medical_affairs' : 'msl', category, userId, turns);
  const mgr = (category: string, userId: string, ...turns: TurnInput[]) => add(persona, 'persona', 'manager', category, userId, turns);
  const ok = (userId: string, question: string, expectTools: Call[] = [], facts: string[] = []) => {
    const role = user(userId).role;
    const who = role === 'admin' ? 'manager' : role;
    add(benign, 'benign', who, 'benign_lookalike', userId, [turn(question, expectTools, facts, { expectAnswered: true })]);
  };

  function write(file: string, cases: EvalCaseInput[]): void {
    const lines = cases.map((input) => JSON.stringify(EvalCase.parse(input)));
    const ids = new Set(cases.map((input) => input.id));
    if (ids.size !== cases.length) throw new Error(`${file}: duplicate case ids`);
    writeFileSync(join(options.outDir ?? HERE, file), `${lines.join('\n')}\n`);
  }

  /** Writes persona-<set>.jsonl and benign-<set>.jsonl, prints the counts, and removes the temporary store. */
  function finish(): void {
    try {
      write(`persona-${set}.jsonl`, persona);
      write(`benign-${set}.jsonl`, benign);
      const single = persona.filter((c) => c.turns.length === 1);
      const count = (who: string) => single.filter((c) => c.persona === who).length;
      console.log(
        `persona-${set}.jsonl: ${persona.length} cases (${single.length} single-turn: rep ${count('rep')}, msl ${count('msl')}, medical affairs ${count('medical_affairs')}, manager ${count('manager')}; ${persona.length - single.length} multi-turn); benign-${set}.jsonl: ${benign.length} cases`,
      );
    } finally {
      world.remove();
    }
  }

  return {
    /** The demo store, for facts a set computes itself. */
    store,
    /** The NBA dependencies, the analytics context, a user by id and a rolled-back scope, for facts a set computes itself. */
    nba,
    analytics,
    user,
    isolated,
    /** Whether another eval set names this HCP (a reused pick). */
    usedElsewhere: (hcpId: string) => tuned.has(hcpId),
    pick,
    consent,
    consentFacts,
    recommendation,
    planTop,
    hasOpenQuestion,
    hasWebinar,
    adverseEventNotes,
    maturityStage,
    planIds,
    unansweredQuestionHcps,
    emailOk,
    notRecommended,
    hasRecord,
    withStatus,
    rep,
    msl,
    mgr,
    ok,
    finish,
  };
}
