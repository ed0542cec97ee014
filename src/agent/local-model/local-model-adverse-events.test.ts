import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../container.ts';
import { hcpDisplayName, type Hcp } from '../../domain/hcp.ts';
import { flagNotes } from '../../insights/adverse-events.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../testing/demo-store.ts';
import type { Agent, AgentAnswer } from '../agent.ts';
import { continuesIntake, readIntake } from './adverse-event-dialogue.ts';
import { REPORT_OFFER } from './local-answers.ts';

/** The offline local model and possible adverse events: routing to report_adverse_event, the dialogue that completes a report, flags in briefs. */
let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let agent: Agent;
let thread = 0;
const REP = 'u-rep-w-1';

beforeAll(() => {
  world = createTemporaryDemoStore('omni-local-ae-');
  store = world.store;
  agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 10_000 }, { now: () => new Date(DEMO_AS_OF) });
});
afterAll(() => world?.remove());

/** Asks in one new thread, turn by turn; returns every answer. */
async function conversation(userId: string, ...questions: string[]): Promise<AgentAnswer[]> {
  const threadId = `local-ae-${++thread}`;
  const answers: AgentAnswer[] = [];
  for (const question of questions) answers.push(await agent.ask({ user: store.users.getById(userId)!, question, threadId }));
  return answers;
}
const calls = (answer: AgentAnswer) => answer.toolCalls.map((call) => call.name);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const reported = (answer: AgentAnswer): any => answer.toolCalls.find((call) => call.name === 'report_adverse_event')?.output;
const intakes = () => store.database.prepare("SELECT count(*) FROM decision_log WHERE kind = 'adverse_event_intake'").pluck().get() as number;

/** An HCP of the rep's territory whose full name is theirs alone. */
function repHcp(): Hcp {
  const hcps = store.hcps.listInTerritories(store.users.getById(REP)!.territories);
  return hcps.find((hcp) => hcps.filter((other) => other.lastName === hcp.lastName).length === 1)!;
}

describe('the local model takes adverse-event reports', () => {
  it.each([
    ['u-rep-w-1', 'A doctor told me her patient got jaundice on XELJANZ, what should I do?'],
    ['u-rep-w-1', 'my doc said her patient got a rash on RINVOQ'],
    ['u-rep-w-1', 'what do I do about a side effect a doctor mentioned?'],
    ['u-rep-w-1', 'report an adverse event'],
    ['u-rep-w-2', 'need to log an AE, a nurse said a pt on stelara got hives'],
    ['u-msl-w', 'report an adverse event'],
    ['u-msl-w', 'a KOL told me over dinner that his patient developed pneumonitis on KEYTRUDA, how do I report it?'],
    ['u-mgr-west', 'one of my reps heard a patient on imbruvica had a major bleed, how do we report that?'],
  ])('%s: "%s" goes to report_adverse_event, which states the duty and due time and asks for what is missing', async (userId, question) => {
    const before = intakes();
    const [answer] = await conversation(userId, question);
    expect(calls(answer!)).toContain('report_adverse_event');
    expect(reported(answer!).status).toBe('needs_information');
    expect(answer!.answer).toMatch(/must reach Drug Safety by Monday 2026-11-23/);
    expect(answer!.answer).toMatch(/To file it I still need:\n1\. /);
    expect(answer!.answer).toContain('Nothing is recorded yet.');
    expect(intakes()).toBe(before);
  });

  it('reads the product and event from the question, and names another company\'s product as none of ours', async () => {
    const [jaundice] = await conversation(REP, 'A doctor told me her patient got jaundice on XELJANZ, what should I do?');
    expect(reported(jaundice!)).toMatchObject({ product: { id: 'prod-xeljanz' }, event: { quoted: 'jaundice' } });
    expect(reported(jaundice!).missing.map((item: { criterion: string }) => item.criterion)).toEqual(['reporter', 'patient']);
    const [rinvoq] = await conversation(REP, 'my doc said her patient got a rash on RINVOQ');
    expect(rinvoq!.answer).toMatch(/"Rinvoq" is another company's product/);
  });

  it('completes the report over the following turns of the thread and files it once, in the hash-chained log', async () => {
    const hcp = repHcp();
    const before = intakes();
    const answers = await conversation(REP, 'A doctor told me her patient got jaundice on XELJANZ, what should I do?', `it was Dr. ${hcp.firstName} ${hcp.lastName}`, 'J.M., 54, female', "she's 55 actually");
    expect(reported(answers[1]!)).toMatchObject({ status: 'needs_information', reporter: { hcpId: hcp.id }, missing: [{ criterion: 'patient' }] });
    const filed = reported(answers[2]!);
    expect(filed).toMatchObject({ status: 'recorded', complete: true, patient: { initials: 'J.M.', age: 54, sex: 'female' }, product: { id: 'prod-xeljanz' }, reporter: { hcpId: hcp.id, name: { quoted: hcpDisplayName(hcp) } } });
    expect(answers[2]!.answer).toContain(`Reported to Drug Safety: intake ${filed.intakeId}, due Monday 2026-11-23`);
    expect(answers[2]!.citations.recommendations).toContain(filed.intakeId);
    expect(store.database.prepare('SELECT kind, actor_id FROM decision_log WHERE id = ?').get(filed.intakeId)).toEqual({ kind: 'adverse_event_intake', actor_id: REP });
    // Once filed, the thread holds no report: a later detail is not filed again.
    expect(calls(answers[3]!)).not.toContain('report_adverse_event');
    expect(intakes()).toBe(before + 1);
  });

  it('files what there is when the user submits anyway, flagged incomplete; "never mind" drops it unfiled', async () => {
    const before = intakes();
    const [, submitted] = await conversation(REP, 'a nurse told me a patient on GILENYA fainted', 'submit anyway');
    expect(reported(submitted!)).toMatchObject({ status: 'recorded', complete: false, missing: [{ criterion: 'reporter' }, { criterion: 'patient' }] });
    expect(submitted!.answer).toMatch(/Filed flagged incomplete, missing reporter, patient/);
    const [, dropped] = await conversation(REP, 'report an adverse event', 'never mind, it was already reported');
    expect(calls(dropped!)).toEqual([]);
    expect(dropped!.answer).toMatch(/nothing was filed/);
    expect(intakes()).toBe(before + 1);
  });

  it('answers another question asked while a report is open as usual, and the report can still be completed', async () => {
    const hcp = repHcp();
    const answers = await conversation(REP, 'report an adverse event', `brief me on ${hcp.firstName} ${hcp.lastName}`, 'pt initials KL, 47 year old man, had hives after the first dose of XELJANZ', 'it was her', 'that\'s all I know');
    expect(calls(answers[1]!)).toContain('lookup_hcp_profile');
    expect(reported(answers[2]!)).toMatchObject({ status: 'needs_information', patient: { initials: 'K.L.', age: 47, sex: 'male' }, product: { id: 'prod-xeljanz' } });
    expect(reported(answers[3]!)).toMatchObject({ status: 'recorded', complete: true, reporter: { hcpId: hcp.id } });
    expect(calls(answers[4]!)).not.toContain('report_adverse_event');
  });

  it('reads a corrected age ("about 60, the nurse said 66 actually"), "patient 45 female", and an event the rep watched as first-hand', async () => {
    const hcp = repHcp();
    const [witnessed, corrected] = await conversation(REP, `i was in ${hcp.firstName} ${hcp.lastName}'s clinic and watched a patient pass out in the infusion chair. she's on stelara`, 'she looked about 60, the nurse said 66 actually');
    expect(witnessed!.toolCalls[0]!.input).toMatchObject({ reporter: 'employee' });
    expect(corrected!.toolCalls[0]!.input).toMatchObject({ patientAge: 66 });
    expect(readIntake('patient 45 female initials JR', { hcpId: null, hcpName: null, productId: null, pronoun: false }, { hcpId: null }).details).toMatchObject({ patientAge: 45, patientSex: 'female' });
  });

  it('"did that go through?" and "when is it due?" after a report was filed give its intake id and due time, and file nothing', async () => {
    const hcp = repHcp();
    const answers = await conversation(REP, `${hcp.firstName} ${hcp.lastName} has a patient on xeljanz with a DVT`, '58 year old man, initials T.R.', 'thanks — did that go through?', "what's the intake number, and when is it due by", 'how long have i got to get this reported');
    const filed = reported(answers[1]!);
    expect(filed).toMatchObject({ status: 'recorded' });
    for (const answer of answers.slice(2)) {
      expect(calls(answer)).toEqual([]);
      expect(answer.answer).toContain(`intake ${filed.intakeId}, due ${filed.dueByText}`);
    }
  });

  it('a bare "submit" or "submit please" after the report was filed says it was filed, and files nothing again', async () => {
    const hcp = repHcp();
    for (const closing of ['submit', 'submit please']) {
      const answers = await conversation(REP, `${hcp.firstName} ${hcp.lastName} has a patient on xeljanz with a DVT`, '58 year old man, initials T.R.', closing);
      expect(reported(answers[1]!)).toMatchObject({ status: 'recorded' });
      const before = intakes();
      expect(calls(answers[2]!)).toEqual([]);
      expect(answers[2]!.answer).toMatch(/already sent to Drug Safety/);
      expect(intakes()).toBe(before);
    }
  });

  it('flags a note that describes a possible adverse event in a rep\'s brief, and offers to report it', async () => {
    const hcps = store.hcps.listInTerritories(store.users.getById(REP)!.territories);
    const flagged = hcps.find((hcp) => flagNotes(store.notes.recentForHcp(hcp.id, { limit: 3, before: DEMO_AS_OF, kinds: ['rep'] })).length > 0 && hcps.filter((other) => other.lastName === hcp.lastName).length === 1)!;
    const [brief] = await conversation(REP, `brief me on ${flagged.firstName} ${flagged.lastName}`);
    const profile = brief!.toolCalls.find((call) => call.name === 'lookup_hcp_profile')!.output as { recentNotes: { id: string; possibleAdverseEvent: { phrase: { quoted: string } } | null }[] };
    const note = profile.recentNotes.find((candidate) => candidate.possibleAdverseEvent)!;
    expect(brief!.answer).toContain(`note ${note.id}`);
    expect(brief!.answer).toContain(`⚠ possible adverse event: "${note.possibleAdverseEvent!.phrase.quoted}"`);
    expect(brief!.answer).toContain(REPORT_OFFER);
  });

  it('"any safety concerns mentioned by HCPs?" reaches the flagged notes for medical affairs, and a rep is told how to report', async () => {
    const [affairs] = await conversation('u-medaffairs', 'any safety concerns mentioned by HCPs?');
    expect(calls(affairs!)).toEqual(['summarize_field_insights']);
    expect(affairs!.answer).toMatch(/Possible adverse events to report to pharmacovigilance: \d+/);
    expect(affairs!.answer).toContain(REPORT_OFFER);
    const [rep] = await conversation(REP, 'any safety concerns mentioned by HCPs?');
    expect(rep!.answer).toContain(REPORT_OFFER);
  });
});

describe('reading a reply to an open report', () => {
  const none: { hcpId: string | null; hcpName: string | null; productId: string | null; pronoun: boolean } = { hcpId: null, hcpName: null, productId: null, pronoun: false };
  const pending = { reporter: 'hcp' as const, hcp: null, patientInitials: null, patientAge: null, patientSex: null, product: 'prod-xeljanz', event: 'jaundice', narrative: 'x' };

  it('reads initials, age and sex as people write them, never a duration for an age', () => {
    expect(readIntake('J.M., 54, female', none, { hcpId: null }).details).toMatchObject({ patientInitials: 'J.M.', patientAge: 54, patientSex: 'female' });
    expect(readIntake('pt is a 61 yo man, initials rk', none, { hcpId: null }).details).toMatchObject({ patientInitials: 'rk', patientAge: 61, patientSex: 'male' });
    expect(readIntake('she is in her seventies', none, { hcpId: null }).details).toMatchObject({ patientAge: 70, patientSex: 'female' });
    expect(readIntake('54F', none, { hcpId: null }).details).toMatchObject({ patientAge: 54, patientSex: 'female' });
    expect(readIntake('she has been on XELJANZ for 3 years and got a rash', none, { hcpId: null }).details.patientAge).toBeUndefined();
    expect(readIntake('I saw it myself at the booth', none, { hcpId: null }).details.reporter).toBe('employee');
    // "around 55", "pt is 61"; events in lay words; a patient who told the user directly makes the user the reporter.
    expect(readIntake("she's around 55, initials T.W.", none, { hcpId: null }).details).toMatchObject({ patientAge: 55, patientSex: 'female' });
    expect(readIntake('pt is 61, male, initials R.T.', none, { hcpId: null }).details).toMatchObject({ patientAge: 61, patientSex: 'male' });
    expect(readIntake('a doc mentioned a gilenya patient with a very slow heart rate', none, { hcpId: null }).details.event).toBe('very slow heart rate');
    expect(readIntake('a patient came up and told me kalydeco made her throw up for days', none, { hcpId: null }).details).toMatchObject({ reporter: 'employee', event: 'throw up' });
    expect(readIntake('patient is on 40 mg daily', none, { hcpId: null }).details.patientAge).toBeUndefined();
    // The exact age over the decade; a neighbour or relative who told the user makes the user the reporter.
    expect(readIntake("she's in her fifties, 54 i think", none, { hcpId: null }).details).toMatchObject({ patientAge: 54, patientSex: 'female' });
    expect(readIntake("my neighbour's on stelara and just told me she had a seizure", none, { hcpId: null }).details.reporter).toBe('employee');
    expect(readIntake("the child's a boy, nine years old", none, { hcpId: null }).details).toMatchObject({ patientAge: 9, patientSex: 'male' });
    expect(readIntake('saw it with my own eyes: a patient fainted in the waiting area', none, { hcpId: null }).details.reporter).toBe('employee');
    expect(readIntake('chen: pt on gilenya, liver problems, 39 y/o woman - file it', none, { hcpId: null }).details).toMatchObject({ event: 'liver problems', patientAge: 39, patientSex: 'female' });
    // A name after "patient" is the patient's, never the reporter, even when an HCP bears it.
    expect(readIntake('her patient Ana Lee got a rash on XELJANZ', { ...none, hcpName: 'Ana Lee' }, { hcpId: null }).details.hcp).toBeUndefined();
    expect(readIntake('Ana Lee told me her patient got a rash on XELJANZ', { ...none, hcpName: 'Ana Lee' }, { hcpId: null }).details.hcp).toBe('Ana Lee');
  });

  it('continues the report only with something for it', () => {
    const said = (question: string, entities = none) => continuesIntake(question, readIntake(question, entities, { hcpId: null }), pending, 'brief', [entities.hcpName ?? '']);
    expect(said('J.M., 54, female')).toBe(true);
    expect(said('Dr. Lee', { ...none, hcpName: 'Lee' })).toBe(true);
    expect(said('submit anyway')).toBe(true);
    for (const short of ['ok submit it', 'submit', 'submit please', 'yes, file it now']) expect(readIntake(short, none, { hcpId: null }).submit, short).toBe(true);
    expect(readIntake('how do I submit an AE form for a rash on XELJANZ?', none, { hcpId: null }).submit).toBe(false);
    expect(said('brief me on Dr. Lee before my visit tomorrow', { ...none, hcpName: 'Lee' })).toBe(false);
    expect(said('who should I see this week?')).toBe(false);
    expect(continuesIntake('J.M., 54, female', readIntake('J.M., 54, female', none, { hcpId: null }), null, null)).toBe(false);
  });
});
