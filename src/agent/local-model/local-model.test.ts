import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentConsents } from '../../compliance/consent-policy.ts';
import { recentEvents, type FollowUpDraft } from '../../drafts/follow-up-draft.ts';
import { accessScopeFor } from '../../compliance/access-policy.ts';
import { createAgent, createNbaDependencies } from '../../container.ts';
import { hcpDisplayName, type Hcp } from '../../domain/hcp.ts';
import { consentGate } from '../../compliance/gates.ts';
import type { Caller } from '../../compliance/caller.ts';
import { NbaEvaluator } from '../../nba/next-best-actions.ts';
import { checkContentFilters } from '../../retrieval/content-filters.ts';
import type { SqliteStore } from '../../store/sqlite-store.ts';
import { expectDraftGrounded } from '../../testing/assert-draft-grounded.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../../testing/demo-store.ts';
import type { Agent, AgentAnswer } from '../agent.ts';
import { loadConsentRules } from '../../compliance/consent-jurisdictions.ts';

let world: ReturnType<typeof createTemporaryDemoStore>;
let store: SqliteStore;
let agent: Agent;
let caller: Caller;
let thread = 0;
const REP = 'u-rep-mw-1';

beforeAll(() => {
  world = createTemporaryDemoStore('omni-local-model-');
  store = world.store;
  agent = createAgent(store, { deadEndDays: 14, chatModel: { kind: 'local' }, agentTimeoutMs: 10_000 }, { now: () => new Date(DEMO_AS_OF) });
  const user = store.users.getById(REP)!;
  caller = { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
});
afterAll(() => world?.remove());

/** Asks as the rep; questions in one call share a thread, so "her" means the HCP of the turn before. */
async function ask(...questions: string[]): Promise<AgentAnswer> {
  const threadId = `local-test-${++thread}`;
  let answer: AgentAnswer | undefined;
  for (const question of questions) answer = await agent.ask({ user: store.users.getById(REP)!, question, threadId });
  expect(answer!.model).toMatch(LOCAL_MODEL_ID);
  return answer!;
}

/** The local model's id names its training data: version and sha256 prefix. */
const LOCAL_MODEL_ID = /^local:omni-nlu-1\+[0-9a-f]{8}$/;

const full = (hcp: Hcp) => `${hcp.firstName} ${hcp.lastName}`;
const calls = (answer: AgentAnswer) => answer.toolCalls.map((call) => call.name);
const outputOf = <T = Record<string, unknown>>(answer: AgentAnswer, name: string) => answer.toolCalls.filter((call) => call.name === name).at(-1)!.output as T;
const consents = (hcp: Hcp) => currentConsents(store.consents.forHcp(hcp.id), DEMO_AS_OF);

/** Rep's HCPs with a full name nobody else in the territory shares, matching a test's needs. */
function midwestHcp(predicate: (hcp: Hcp) => boolean): Hcp {
  const hcps = store.hcps.listInTerritories(['T-MW']);
  const found = hcps.find((hcp) => predicate(hcp) && hcps.filter((other) => full(other) === full(hcp)).length === 1);
  if (!found) throw new Error('no demo HCP fits this test');
  return found;
}
const consentRules = loadConsentRules();
const emailRevoked = () => midwestHcp((hcp) => !consentGate(consents(hcp), 'email', 'promotional', null, consentRules).passed && consentGate(consents(hcp), 'email', 'promotional', null, consentRules).records.length > 0);
const emailGranted = () => midwestHcp((hcp) => consentGate(consents(hcp), 'email', 'promotional', null, consentRules).passed);
const webinarAttendee = () =>
  midwestHcp((hcp) => {
    const webinar = recentEvents(store, hcp.id, DEMO_AS_OF).find((event) => event.channel === 'webinar');
    return Boolean(webinar) && consentGate(consents(hcp), 'email', 'events', null, consentRules).passed && consentGate(consents(hcp), 'email', 'promotional', webinar!.productId, consentRules).passed;
  });

describe('the local model answers reps from the demo data', () => {
  it.each([(hcp: Hcp) => `Brief me on ${full(hcp)}`, (hcp: Hcp) => `prep me for my visit with Dr. ${full(hcp)} tomorrow`, (hcp: Hcp) => `What do we know about ${hcp.id}?`])(
    'pre-call brief: %s',
    async (phrase) => {
      const hcp = emailGranted();
      const answer = await ask(phrase(hcp));
      expect(calls(answer)).toEqual(expect.arrayContaining(['lookup_hcp_profile', 'get_next_best_actions']));
      const profile = outputOf<{ recentInteractions: { id: string }[] }>(answer, 'lookup_hcp_profile');
      const nba = outputOf<{ recommendationId: string; recommended: { label: string } }>(answer, 'get_next_best_actions');
      expect(answer.answer).toContain(hcp.id);
      expect(answer.answer).toContain(hcp.specialty);
      expect(answer.answer).toContain(profile.recentInteractions[0]!.id);
      expect(answer.answer).toContain(nba.recommended.label);
      expect(answer.citations.recommendations).toContain(nba.recommendationId);
    },
  );

  it.each([
    (hcp: Hcp) => [`What should I do next with ${full(hcp)}, and why?`],
    (hcp: Hcp) => [`next best action for ${hcp.id}`],
    (hcp: Hcp) => [`brief me on ${full(hcp)}`, 'how should I follow up with her?'],
  ])('what to do next, and why: %s', async (phrase) => {
    const hcp = emailGranted();
    const answer = await ask(...phrase(hcp));
    expect(calls(answer)).toContain('get_next_best_actions');
    // The same action the engine picks on its own, with its largest reason.
    const expected = new NbaEvaluator(createNbaDependencies(store, { deadEndDays: 14 })).evaluate(hcp, caller, DEMO_AS_OF).actions.find((action) => action.allowed)!;
    expect(answer.answer).toContain(`Next best action for`);
    expect(answer.answer).toContain(`: ${expected.label}`);
    expect(answer.answer).toContain(expected.contributions[0]!.sentence);
    expect(answer.answer).toMatch(/Recommendation dec-/);
  });

  it.each([
    { questions: (hcp: Hcp) => [`can I email ${full(hcp)}?`], revoked: true },
    { questions: (hcp: Hcp) => [`brief me on ${full(hcp)}`, 'Am I allowed to send her an e-mail?'], revoked: true },
    { questions: (hcp: Hcp) => [`do we have consent to email Dr. ${full(hcp)}?`], revoked: false },
    { questions: (hcp: Hcp) => [`what should I do next with ${hcp.id}`, 'and can I WhatsApp them?'], revoked: false },
  ])('can I email or WhatsApp them: $questions', async ({ questions, revoked }) => {
    const hcp = revoked ? emailRevoked() : emailGranted();
    const answer = await ask(...questions(hcp));
    const check = answer.toolCalls.find((call) => call.name === 'check_consent')!;
    expect(check.input).toMatchObject({ hcpId: hcp.id });
    const channel = (check.input as { channel: 'email' | 'whatsapp' }).channel;
    const gate = consentGate(consents(hcp), channel, 'promotional', null, consentRules);
    expect(answer.answer.startsWith(gate.passed ? 'Yes' : 'No')).toBe(true);
    if (gate.records[0]) expect(answer.answer).toContain(gate.records[0]);
    if (!gate.passed) expect(answer.answer).toMatch(/medical-information request/);
  });

  it.each(['What approved content do we have on KEYTRUDA immune-mediated adverse reactions?', 'show me materials about infection risk for XELJANZ', 'anything approved on liver enzyme monitoring?'])(
    'approved content on a topic: %s',
    async (question) => {
      const answer = await ask(question);
      expect(calls(answer)).toEqual(['search_approved_content']);
      expect(answer.citations.modules.length).toBeGreaterThan(0);
      for (const key of answer.citations.modules) {
        const [id, version] = key.split('@');
        const module = store.contentModules.get(id!, Number(version))!;
        expect(checkContentFilters(module, { asOf: DEMO_AS_OF.slice(0, 10), market: 'US', purpose: 'promotional' }).passed).toBe(true);
        expect(answer.answer).toContain(key);
      }
    },
  );

  it.each([
    (hcp: Hcp) => [`Draft a follow-up email after the webinar ${full(hcp)} attended`],
    (hcp: Hcp) => [`write a follow-up to Dr. ${full(hcp)} about the webinar`],
    (hcp: Hcp) => [`brief me on ${full(hcp)}`, 'prepare a follow-up email for her after the webinar'],
  ])('draft a follow-up after an event: %s', async (phrase) => {
    const hcp = webinarAttendee();
    const webinar = recentEvents(store, hcp.id, DEMO_AS_OF).find((event) => event.channel === 'webinar')!;
    const answer = await ask(...phrase(hcp));
    const draft = outputOf<FollowUpDraft>(answer, 'draft_followup');
    expect(draft.status).toBe('drafted');
    expectDraftGrounded(store, draft);
    expect(draft.text).toContain(webinar.title);
    expect(answer.answer).toContain(draft.text);
    const record = store.database.prepare('SELECT kind, payload FROM decision_log WHERE id = ?').get(draft.draftId) as { kind: string; payload: string };
    expect(record.kind).toBe('draft');
    expect(JSON.parse(record.payload).model).toMatch(LOCAL_MODEL_ID);
  });

  it.each(['Who should I see this week?', 'plan my week', 'which doctors need attention first?'])('who to see this week: %s', async (question) => {
    const answer = await ask(question);
    expect(calls(answer)).toEqual(['plan_territory']);
    const plan = outputOf<{ entries: { hcp: { id: string; name: string }; topReason: string }[]; planId: string }>(answer, 'plan_territory');
    expect(plan.entries.length).toBeGreaterThan(0);
    expect(answer.answer).toContain(`1. ${plan.entries[0]!.hcp.name} (${plan.entries[0]!.hcp.id})`);
    expect(answer.answer).toContain(plan.entries[0]!.topReason);
    expect(answer.answer).toContain(plan.planId);
    // Only the rep's own territory.
    for (const entry of plan.entries) expect(store.hcps.getById(entry.hcp.id)!.territory).toBe('T-MW');
  });

  it.each([
    { follow: 'why not email her?', asked: { channel: 'email' } },
    { follow: "Why isn't a field visit recommended?", asked: { channel: 'field_visit' } },
    { follow: 'why not an event invitation instead?', asked: { action: 'event_invitation' } },
  ])('why not another action: $follow', async ({ follow, asked }) => {
    const hcp = emailRevoked();
    const first = await ask(`what should I do next with ${full(hcp)}?`);
    const recommendationId = first.citations.recommendations[0]!;
    const answer = await agent.ask({ user: store.users.getById(REP)!, question: follow, threadId: first.threadId });
    const explain = answer.toolCalls.find((call) => call.name === 'explain_recommendation')!;
    expect(explain.input).toMatchObject({ recommendationId, ...asked });
    const output = explain.output as { asked: { answer: string } };
    expect(answer.answer.toLowerCase()).toContain(output.asked.answer.slice(0, 40).toLowerCase());
    expect(answer.answer).toContain(recommendationId);
  });

  it('says what it is and what it can do when a question is out of scope', async () => {
    const answer = await ask('what is the capital of France?');
    expect(answer.toolCalls).toEqual([]);
    expect(answer.answer).toMatch(/can't help with that: it is outside what I do/);
    expect(answer.answer).toMatch(/local model/);
  });

  it('answers an HCP id from another territory with the refusal, whatever is asked', async () => {
    const outside = store.hcps.listInTerritories(['T-NE'])[0]!;
    for (const question of [`brief me on ${outside.id}`, `what should I do next with ${outside.id}?`, `can I email ${outside.id}?`]) {
      const answer = await ask(question);
      expect(answer.answer).toMatch(/outside your territories/);
      expect(answer.citations.hcps).toEqual([]);
    }
  });

  it('cannot see HCPs of another territory by name', async () => {
    const outside = store.hcps.listInTerritories(['T-NE']).find((hcp) => !store.hcps.listInTerritories(['T-MW']).some((other) => other.lastName === hcp.lastName));
    if (!outside) return;
    const answer = await ask(`brief me on ${full(outside)}`);
    expect(answer.answer).not.toContain(outside.id);
    // Candidates of the same first name may be offered, only ever the rep's own.
    expect(answer.citations.hcps).not.toContain(outside.id);
    expect(answer.citations.hcps.every((id) => store.hcps.getById(id)!.territory === 'T-MW')).toBe(true);
  });
});

describe('the local model reads a question the same way with typos, greetings and thanks', () => {
  it('plan filters read the repaired words, not the typo', async () => {
    const answer = await ask('hey omni, docs in my area waiting on a medical ansewr - thx in advance');
    expect(answer.toolCalls.find((call) => call.name === 'plan_territory')?.input).toMatchObject({ flag: 'open_medical_question' });
  });

  it('plan filters in everyday words: not seen in a while, consent pulled, follow-ups late on, "top 3 A docs"', async () => {
    const planOf = async (question: string) => (await ask(question)).toolCalls.find((call) => call.name === 'plan_territory')?.input;
    expect(await planOf("docs i haven't been to see in a while")).toMatchObject({ flag: 'no_recent_visit' });
    expect(await planOf('show me everyone who pulled their email consent')).toMatchObject({ consent: { channel: 'email', status: 'revoked' } });
    expect(await planOf('which follow-ups am i late on')).toMatchObject({ flag: 'follow_up_due' });
    expect(await planOf('my top 3 A docs')).toMatchObject({ segment: 'A', limit: 3 });
  });

  it('a verdict with a typo is recorded, quoted as the rep wrote it', async () => {
    const hcp = emailGranted();
    const answer = await ask(`what should i do with ${full(hcp)} next`, 'looks good, accpet, thanks');
    const feedback = answer.toolCalls.find((call) => call.name === 'record_feedback');
    expect(feedback?.input).toMatchObject({ verdict: 'accept', reason: 'said in chat: "looks good, accpet, thanks"' });
  });
});

describe('the local model follows a list in the thread', () => {
  it('"what should I do with the first one?" after a plan: the next best action for the plan\'s first HCP', async () => {
    const answer = await ask('who should I see this week?', 'what should I do with the first one?');
    const plan = (await agent.ask({ user: store.users.getById(REP)!, question: 'who should I see this week?' })).toolCalls[0]!.output as { entries: { hcp: { id: string } }[] };
    expect(calls(answer)).toEqual(['get_next_best_actions']);
    expect(answer.toolCalls[0]!.input).toMatchObject({ hcpId: plan.entries[0]!.hcp.id });
  });
});

describe('the local model keeps the thread\'s state in follow-ups', () => {
  const eventsAndSms = () => midwestHcp((hcp) => consentGate(consents(hcp), 'email', 'events', null, consentRules).records.length > 0);

  it('"what about by text" after an event invitation keeps the events purpose; "promo" names its own; a brief in between drops it', async () => {
    const hcp = eventsAndSms();
    const consentInputs = (answer: AgentAnswer) => answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => call.input);
    const threadId = `local-test-${++thread}`;
    const user = store.users.getById(REP)!;
    const turn = (question: string) => agent.ask({ user, question, threadId });
    expect(consentInputs(await turn(`${full(hcp)} wants an invite to our dinner program, can i email it`))).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'email', purpose: 'events' })]);
    expect(consentInputs(await turn('what about by text'))).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'sms', purpose: 'events' })]);
    expect(consentInputs(await turn('and promo emails in general?'))).toEqual([expect.objectContaining({ channel: 'email', purpose: 'promotional' })]);
    await turn('brief me on her');
    expect(consentInputs(await turn('can i text her'))).toEqual([expect.objectContaining({ channel: 'sms', purpose: 'promotional' })]);
  });

  it('"which follow-ups am i late on then" after a metric is the list of HCPs owed one; "just the ones where a follow-up is due" narrows a plan', async () => {
    const late = await ask('how am i doing on follow-ups compared to everyone else', 'fine, which follow-ups am i late on then');
    expect(late.toolCalls.map((call) => [call.name, call.input])).toEqual([['plan_territory', expect.objectContaining({ flag: 'follow_up_due' })]]);
    const narrowed = await ask('oncology docs in my territory', 'just the ones where a follow-up is due');
    expect(narrowed.toolCalls.find((call) => call.name === 'plan_territory')?.input).toMatchObject({ flag: 'follow_up_due' });
  });

  it('after a plan: "the last one on it - nba?" is that entry\'s next best action, "write a whatsapp for the 2nd one" a draft for the second', async () => {
    const plan = (await ask('rank 5 for me')).toolCalls.find((call) => call.name === 'plan_territory')!;
    expect(plan.input).toMatchObject({ limit: 5 });
    const entries = (plan.output as { entries: { hcp: { id: string } }[] }).entries;
    const next = await ask('rank 5 for me', 'the last one on it - nba?');
    expect(calls(next)).toEqual(['get_next_best_actions']);
    expect(next.toolCalls[0]!.input).toMatchObject({ hcpId: entries.at(-1)!.hcp.id });
    const draft = await ask('rank 5 for me', 'write a whatsapp for the 2nd one');
    expect(draft.toolCalls.map((call) => call.name)).not.toContain('plan_territory');
    expect(draft.toolCalls.find((call) => call.name === 'check_consent')?.input).toMatchObject({ hcpId: entries[1]!.hcp.id, channel: 'whatsapp' });
    expect(draft.answer).not.toMatch(/^Yes: you may contact/);
  });

  it('right after a recommendation: "ok do it" accepts it, "that\'s wrong, she already switched" dismisses it, "not now, remind me next monday" snoozes it', async () => {
    const hcp = emailGranted();
    const verdictOf = async (reply: string) => (await ask(`what's the nba for ${full(hcp)}`, reply)).toolCalls.find((call) => call.name === 'record_feedback')?.input;
    expect(await verdictOf('ok do it')).toMatchObject({ verdict: 'accept' });
    expect(await verdictOf("that's wrong, she already switched to a competitor")).toMatchObject({ verdict: 'dismiss' });
    expect(await verdictOf('not now, remind me next monday')).toMatchObject({ verdict: 'snooze', snoozeUntil: '2026-11-23' });
  });

  it('"looks good, send it" after a draft sends nothing and says a person sends drafts', async () => {
    const answer = await ask(`draft an email for ${full(emailGranted())}`, 'looks good, send it');
    expect(answer.toolCalls).toEqual([]);
    expect(answer.answer).toMatch(/^I don't send messages/);
  });

  it('"ok write it" after "can i whatsapp them" drafts on WhatsApp, the channel the thread asked about', async () => {
    const hcp = midwestHcp((candidate) => consentGate(consents(candidate), 'whatsapp', 'promotional', null, consentRules).passed);
    const answer = await ask(`brief me on ${full(hcp)}`, 'can i whatsapp them', 'ok write it');
    // The draft is on WhatsApp (or says no WhatsApp module fits); email is never checked or used.
    expect(answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => call.input)).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'whatsapp' })]);
    expect(answer.toolCalls.filter((call) => call.name === 'search_approved_content' || call.name === 'draft_followup').every((call) => (call.input as { channel?: string | null }).channel === 'whatsapp' || (call.input as { channel?: string | null }).channel === null)).toBe(true);
  });

  it('"can i email the top two" asks about each of the first two entries, names them, and keeps the list for "the 4th one"', async () => {
    const plan = (await ask('my list for tomorrow pls')).toolCalls[0]!.output as { entries: { hcp: { id: string; name: string } }[] };
    const threadId = `local-test-${++thread}`;
    const user = store.users.getById(REP)!;
    await agent.ask({ user, question: 'my list for tomorrow pls', threadId });
    const two = await agent.ask({ user, question: 'ok can i email the top two', threadId });
    expect(two.toolCalls.map((call) => call.input)).toEqual([0, 1].map((index) => expect.objectContaining({ hcpId: plan.entries[index]!.hcp.id, channel: 'email' })));
    expect(two.answer).toContain(plan.entries[0]!.hcp.name);
    const fourth = await agent.ask({ user, question: 'what about the 4th one, whatsapp?', threadId });
    expect(fourth.toolCalls.map((call) => call.input)).toEqual([expect.objectContaining({ hcpId: plan.entries[3]!.hcp.id, channel: 'whatsapp' })]);
    const skipped = await agent.ask({ user, question: "skip the first, who's next", threadId });
    expect(skipped.toolCalls[0]!.input).toMatchObject({ hcp: plan.entries[1]!.hcp.id });
  });

  it('"what about her colleague X" after a consent question is the same question about X', async () => {
    const [first, second] = [emailGranted(), emailRevoked()];
    const answer = await ask(`can i email ${full(first)}`, `what about her colleague ${full(second)}`);
    expect(answer.toolCalls.find((call) => call.name === 'check_consent')?.input).toMatchObject({ hcpId: second.id, channel: 'email' });
  });

  it('"what\'s on my plate today" is the plan, not an out-of-scope question', async () => {
    expect(calls(await ask("hey omni what's on my plate today"))).toEqual(['plan_territory']);
  });
});

describe('the local model reads what held-out 16 asked', () => {
  const askAs = async (userId: string, ...questions: string[]) => {
    const threadId = `local-test-${++thread}`;
    const answers: AgentAnswer[] = [];
    for (const question of questions) answers.push(await agent.ask({ user: store.users.getById(userId)!, question, threadId }));
    return answers;
  };
  const inputsOf = (answer: AgentAnswer, name: string) => answer.toolCalls.filter((call) => call.name === name).map((call) => call.input);

  it('a purpose alone after a consent answer asks for that purpose, same HCP and channel; "no wait, i meant X" asks the same of X', async () => {
    const [first, second] = [emailGranted(), emailRevoked()];
    const [, events, research] = await askAs(REP, `${full(first)} — are promo emails allowed`, 'what about for event invitations', 'and a market research survey?');
    expect(inputsOf(events!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: first.id, channel: 'email', purpose: 'events' })]);
    expect(inputsOf(research!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: first.id, channel: 'email', purpose: 'market_research' })]);
    const [, corrected] = await askAs(REP, `is whatsapp an option with ${full(first)}`, `no wait, i meant ${full(second)}`);
    expect(inputsOf(corrected!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: second.id, channel: 'whatsapp' })]);
  });

  it('"cut it to the top 3" narrows the plan (no draft is meant), and "email ok for all three?" asks about each', async () => {
    const [, cut, all] = await askAs(REP, 'who deserves my time this week', 'cut it to the top 3', 'email ok for all three?');
    expect(inputsOf(cut!, 'plan_territory')).toEqual([expect.objectContaining({ limit: 3 })]);
    const entries = (cut!.toolCalls[0]!.output as { entries: { hcp: { id: string } }[] }).entries;
    expect(inputsOf(all!, 'check_consent')).toEqual(entries.map((entry) => expect.objectContaining({ hcpId: entry.hcp.id, channel: 'email' })));
  });

  it('"and texts?" after "who opted out of email" is the same list for texts (the reason after the question is no second question); "first on that list" is its first', async () => {
    const [first, texts, phone] = await askAs(REP, "which of my docs opted out of email? don't want to email anyone i shouldn't", 'and texts?', 'first on that list — can i phone them instead?');
    expect(inputsOf(first!, 'plan_territory')).toEqual([expect.objectContaining({ consent: { channel: 'email', status: 'revoked' } })]);
    expect(inputsOf(texts!, 'plan_territory')).toEqual([expect.objectContaining({ consent: { channel: 'sms', status: 'revoked' } })]);
    const entries = (texts!.toolCalls[0]!.output as { entries: { hcp: { id: string } }[] }).entries;
    expect(inputsOf(phone!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: entries[0]!.hcp.id, channel: 'phone' })]);
  });

  it('"i mean the leila based in Detroit" after several Leilas picks the one there; "the top derm" is the first entry', async () => {
    const hcps = store.hcps.listInTerritories(['T-MW']);
    const first = hcps.find((hcp) => { const same = hcps.filter((other) => other.firstName === hcp.firstName); return same.length >= 2 && same.filter((other) => other.city === hcp.city).length === 1; })!;
    const [, meant] = await askAs(REP, `can you look up ${first.firstName.toLowerCase()} for me`, `i mean the ${first.firstName.toLowerCase()} based in ${first.city}`);
    expect(inputsOf(meant!, 'lookup_hcp_profile')).toEqual([{ hcp: first.id }]);
    const [, derms, top] = await askAs(REP, 'rheum docs i should see', 'ok now the dermatologists', 'the top derm — whatsapp ok?');
    const entries = (derms!.toolCalls[0]!.output as { entries: { hcp: { id: string } }[] }).entries;
    expect(inputsOf(top!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: entries[0]!.hcp.id, channel: 'whatsapp' })]);
  });

  it('"why that over a call?" after a recommendation asks why not a call; "why not? he gave me his number" after a consent "no" gives that "no" again with its record', async () => {
    const hcp = emailGranted();
    const [, over] = await askAs(REP, `${full(hcp)} — what does omni want me doing next`, 'you said it — why that over a call?');
    expect(inputsOf(over!, 'explain_recommendation')).toEqual([expect.objectContaining({ channel: 'phone' })]);
    const refused = midwestHcp((candidate) => !consentGate(consents(candidate), 'sms', 'promotional', null, consentRules).passed && consentGate(consents(candidate), 'sms', 'promotional', null, consentRules).records.length > 0);
    const [, why] = await askAs(REP, `thinking of texting ${full(refused)} a reminder — allowed?`, 'why not? he gave me his number');
    expect(inputsOf(why!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: refused.id, channel: 'sms' })]);
    expect(why!.answer).toMatch(/record cs-/);
  });

  it('"swap the efficacy piece for the patient support info" after a draft redrafts with the patient support module; the draft names its consent record', async () => {
    const hcp = emailGranted();
    const [draft, swapped] = await askAs(REP, `draft an email to ${full(hcp)}`, 'swap the efficacy piece for the patient support info');
    expect(draft!.answer).toMatch(/Checks: email consent \(promotional\) granted .* \(record cs-[\w-]+\)/);
    const modules = (inputsOf(swapped!, 'draft_followup')[0] as { moduleIds: string[] } | undefined)?.moduleIds ?? [];
    expect(modules.some((id) => id.endsWith('-patient-support'))).toBe(true);
  });

  it('"he\'s on leave till january, park it" snoozes the thread\'s recommendation (no HCP named Park is looked up); "ok fine, i\'ll do the visit" accepts it', async () => {
    const hcp = emailGranted();
    const [nba, parked] = await askAs(REP, `nba for ${full(hcp)}`, "he's on leave till january, park it");
    expect(inputsOf(parked!, 'lookup_hcp_profile')).toEqual([]);
    expect(inputsOf(parked!, 'record_feedback')).toEqual([expect.objectContaining({ recommendationId: (nba!.toolCalls.find((call) => call.name === 'get_next_best_actions')!.output as { recommendationId: string }).recommendationId, verdict: 'snooze' })]);
    const [, accepted] = await askAs(REP, `nba for ${full(hcp)}`, "ok fine, i'll do the visit");
    expect(inputsOf(accepted!, 'record_feedback')).toEqual([expect.objectContaining({ verdict: 'accept' })]);
  });

  it('after a plan "any of them ok for whatsapp?" keeps to those consented; after a metric "who\'s below 50%" is the same figures; after a field summary "which hcps raised that" is the same notes; "send him the X piece" drafts it', async () => {
    const [, whatsapp] = await askAs(REP, 'who should i see this week', 'any of them ok for whatsapp?');
    expect(inputsOf(whatsapp!, 'plan_territory')).toEqual([expect.objectContaining({ consent: { channel: 'whatsapp', status: 'granted' } })]);
    const [, below] = await askAs('u-mgr-east', 'follow-up rate by rep last quarter', "who's below 50%");
    expect(inputsOf(below!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'follow_up_rate', dimension: 'rep', period: 'last_quarter' })]);
    const [, raised] = await askAs('u-msl-w', 'what are rheumatologists asking about this month', 'which hcps raised that');
    expect(inputsOf(raised!, 'summarize_field_insights')).toEqual([expect.objectContaining({ specialty: 'rheumatology', period: 'this_month' })]);
    const [, sent] = await askAs(REP, `can i email ${full(emailGranted())}`, 'great, send her the approved efficacy piece');
    expect(calls(sent!)).toContain('draft_followup');
  });

  it('"brief me on X and check whatsapp consent" answers both; a manager\'s "what should i do if a rep sent an email without consent" is the incident rule, not a metric', async () => {
    const hcp = emailGranted();
    expect(calls(await ask(`brief me on ${full(hcp)} and check whatsapp consent`))).toEqual(expect.arrayContaining(['lookup_hcp_profile', 'check_consent']));
    const [breach] = await askAs('u-mgr-east', 'what should i do if a rep tells me they sent an email without consent');
    expect(breach!.toolCalls).toEqual([]);
    expect(breach!.answer).toMatch(/compliance incident/);
  });

  it('"is X an influencer type? any trial work?" answers from the CRM record: the influence score and trial flag the profile carries', async () => {
    const hcp = emailGranted();
    const answer = await ask(`is ${full(hcp)} an influencer type? any trial work?`);
    const summary = (answer.toolCalls.find((call) => call.name === 'lookup_hcp_profile')!.output as { hcp: { influenceScore: number | null; clinicalTrialInvolvement: boolean } }).hcp;
    expect(summary.influenceScore).toBe(hcp.influenceScore);
    expect(answer.answer).toContain(hcp.influenceScore === null ? 'no influence score recorded' : `influence score ${hcp.influenceScore} of 100`);
    expect(answer.answer).toContain(hcp.clinicalTrialInvolvement ? 'involved in clinical trials' : 'no clinical trial involvement recorded');
  });

  it('a rep\'s terse list asks are the plan: "whose door do i knock on first", "B segment, follow-up due", "a shortlist of 6"', async () => {
    expect(calls(await ask('monday morning, whose door do i knock on first'))).toEqual(['plan_territory']);
    expect(inputsOf(await ask('B segment, follow-up due'), 'plan_territory')).toEqual([expect.objectContaining({ segment: 'B', flag: 'follow_up_due' })]);
    expect(inputsOf(await ask('give me a shortlist of 6 for tomorrow'), 'plan_territory')).toEqual([expect.objectContaining({ limit: 6 })]);
  });

  it('"why isn\'t omni suggesting an email for X" explains why not email; "X: can i email him, and what\'s the nba" answers both', async () => {
    const hcp = emailGranted();
    expect(inputsOf(await ask(`why isn't omni suggesting an email for ${full(hcp)}? she reads them`), 'explain_recommendation')).toEqual([expect.objectContaining({ channel: 'email' })]);
    expect(calls(await ask(`${full(hcp)}: can i email her, and what's the nba`))).toEqual(expect.arrayContaining(['check_consent', 'get_next_best_actions']));
  });

  it('snoozes "till the monday after thanksgiving" and "for a fortnight"', async () => {
    const hcp = emailGranted();
    const snoozed = async (question: string) => inputsOf(await ask(question), 'record_feedback')[0];
    expect(await snoozed(`hold ${full(hcp)}'s rec till the monday after thanksgiving`)).toMatchObject({ verdict: 'snooze', snoozeUntil: '2026-11-30' });
    expect(await snoozed(`${full(hcp)} is away for a fortnight, snooze the suggestion`)).toMatchObject({ verdict: 'snooze', snoozeUntil: '2026-12-04' });
  });

  it('"a sushi place in san diego" looks nobody up; an MSL\'s "give me only the three biggest" keeps the themes to three', async () => {
    const [sushi] = await askAs('u-msl-ne', 'recommend a sushi place in san diego for a team dinner');
    expect(sushi!.toolCalls).toEqual([]);
    const [, three] = await askAs('u-msl-mw', 'what themes are showing up in my notes this quarter', 'give me only the three biggest');
    expect(inputsOf(three!, 'summarize_field_insights')).toEqual([expect.objectContaining({ period: 'this_quarter', topic: null, maxThemes: 3 })]);
  });
});

describe('the local model reads what held-out 17 asked', () => {
  const askAs = async (userId: string, ...questions: string[]) => {
    const threadId = `local-test-${++thread}`;
    const answers: AgentAnswer[] = [];
    for (const question of questions) answers.push(await agent.ask({ user: store.users.getById(userId)!, question, threadId }));
    return answers;
  };
  const inputsOf = (answer: AgentAnswer, name: string) => answer.toolCalls.filter((call) => call.name === name).map((call) => call.input);

  it('numbered asks of one kind are each answered: two channels, two metrics; "1) what\'s next with X 2) is f2f ok" asks both of X', async () => {
    const hcp = emailGranted();
    const [channels] = await askAs(REP, `1) can i email ${full(hcp)} 2) can i text her`);
    expect(inputsOf(channels!, 'check_consent').map((input) => (input as { channel: string }).channel)).toEqual(['email', 'sms']);
    const [metrics] = await askAs('u-mgr-east', '1) reach last month 2) follow-up rate last month');
    expect(inputsOf(metrics!, 'query_performance').map((input) => (input as { metric: string }).metric)).toEqual(['reach', 'follow_up_rate']);
    const [both] = await askAs(REP, `1) what's next with ${full(hcp)} 2) is f2f ok`);
    expect(calls(both!)).toEqual(expect.arrayContaining(['get_next_best_actions', 'check_consent']));
    expect(inputsOf(both!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'field_visit' })]);
  });

  it('two cities are a list for each; "it\'s actually an invite to the dinner meeting" asks the events consent; "so where do i go from here with them" is the next step', async () => {
    const [trip] = await askAs('u-rep-w-2', "driving to Seattle tuesday and Los Angeles wednesday — who's worth a stop in each");
    expect(inputsOf(trip!, 'plan_territory').map((input) => (input as { city: string }).city)).toEqual(['seattle', 'los angeles']);
    const hcp = emailGranted();
    const [, invite] = await askAs(REP, `${full(hcp)} — promo email ok?`, "it's actually an invite to the kalydeco dinner meeting");
    expect(inputsOf(invite!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'email', purpose: 'events' })]);
    const [, next] = await askAs(REP, `catch me up on ${full(hcp)}`, 'so where do i go from here with them');
    expect(inputsOf(next!, 'get_next_best_actions')).toEqual([{ hcpId: hcp.id }]);
  });

  it('an MSL\'s "what did my HCPs say last week" and "back after two weeks off — what did my HCPs bring up" are the field\'s notes over those days', async () => {
    const [week] = await askAs('u-msl-w', 'what did my HCPs say last week');
    expect(inputsOf(week!, 'summarize_field_insights')).toEqual([expect.objectContaining({ period: 'last_7_days' })]);
    const [away] = await askAs('u-msl-ne', 'back after two weeks off — what did my HCPs bring up while i was away');
    expect(inputsOf(away!, 'summarize_field_insights')).toEqual([expect.objectContaining({ period: 'last_14_days', topic: null })]);
  });

  it('"X mentioned a 72 year old man on imbruvica who passed out twice, can you log that" is a report with the age and sex', async () => {
    const hcp = emailGranted();
    const [report] = await askAs(REP, `ok so um ${full(hcp)} mentioned a 72 year old man on imbruvica who like passed out twice can you log that`);
    expect(inputsOf(report!, 'report_adverse_event')).toEqual([expect.objectContaining({ patientAge: 72, patientSex: 'male', product: 'prod-imbruvica' })]);
  });
});

describe('the local model follows the thread in what it drafts and searches', () => {
  const smsConsented = () => midwestHcp((hcp) => consentGate(consents(hcp), 'sms', 'promotional', null, consentRules).passed && consentGate(consents(hcp), 'email', 'promotional', null, consentRules).passed);

  it('answers "draft that then" after a consent answer with a draft for the same HCP, not a clarifying question', async () => {
    const hcp = emailGranted();
    const answer = await ask(`can I email ${full(hcp)}?`, 'draft that then');
    expect(calls(answer)).toContain('draft_followup');
    expect(answer.toolCalls.find((call) => call.name === 'draft_followup')!.input).toMatchObject({ hcpId: hcp.id, channel: 'email' });
  });

  it('drafts nothing by SMS when no approved content may go by SMS: the draft tool refuses the topic\'s material for SMS, and the answer names the consented email route', async () => {
    const hcp = smsConsented();
    const answer = await ask(`brief me on ${full(hcp)}`, 'ok draft her a text then');
    const searches = answer.toolCalls.filter((call) => call.name === 'search_approved_content');
    expect(searches.some((call) => (call.input as { channel: string | null }).channel === 'sms')).toBe(true);
    // Material found on any channel may go to the draft tool for SMS; its rules refuse it. Nothing is drafted.
    const drafts = answer.toolCalls.filter((call) => call.name === 'draft_followup');
    expect(drafts.every((call) => (call.output as { status: string }).status === 'refused')).toBe(true);
    const email = consentGate(consents(hcp), 'email', 'promotional', null, consentRules);
    expect(answer.answer).toContain(email.records[0]!);
  });

  it('checks consent on the channel before anything is searched or drafted; a "no" names the record and the alternatives', async () => {
    const hcp = emailRevoked();
    const answer = await ask(`draft an email for ${full(hcp)}`);
    expect(calls(answer)).toEqual(['lookup_hcp_profile', 'check_consent']);
    const gate = consentGate(consents(hcp), 'email', 'promotional', null, consentRules);
    expect(answer.answer).toContain(gate.records[0]!);
    expect(answer.answer).toMatch(/^Nothing was drafted/);
  });

  it('reads "draft a followup email" after a content search as a draft for the thread\'s HCP, not the team\'s follow-up rate', async () => {
    const hcp = emailGranted();
    const answer = await ask(`brief me on ${full(hcp)}`, 'any approved content on patient support?', 'draft a followup email');
    expect(calls(answer)).not.toContain('query_performance');
    expect(answer.toolCalls.find((call) => call.name === 'check_consent')!.input).toMatchObject({ hcpId: hcp.id, channel: 'email' });
  });

  it('looks for medical material for a medical draft; a rep is told medical content is not theirs, and no promotional draft is made instead', async () => {
    const hcp = emailGranted();
    const answer = await ask(`draft a medical response email to ${full(hcp)}`);
    expect(calls(answer)).not.toContain('draft_followup');
    const search = answer.toolCalls.find((call) => call.name === 'search_approved_content')!;
    expect(search.input).toMatchObject({ purpose: 'medical' });
    expect((search.output as { status: string }).status).toBe('not_allowed');
    expect(answer.answer).toMatch(/medical-information request route/);
  });

  it('drafts an MSL\'s medical response from the approved medical-response module, with purpose medical', async () => {
    const msl = store.users.getById('u-msl-mw')!;
    const hcp = midwestHcp((candidate) => consentGate(consents(candidate), 'email', 'medical', null, consentRules).passed);
    const answer = await agent.ask({ user: msl, question: `draft a medical response email to ${full(hcp)}`, threadId: 'local-test-msl-draft' });
    const draft = answer.toolCalls.find((call) => call.name === 'draft_followup')!;
    expect(draft.input).toMatchObject({ hcpId: hcp.id, purpose: 'medical' });
    const output = draft.output as { status: string; modules: { kind: string }[] };
    expect(output.status).toBe('drafted');
    expect(output.modules.map((module) => module.kind)).toContain('medical_response');
  });

  it('searches the same content again on another channel or product when a follow-up names only that', async () => {
    const answer = await ask('approved content on gilenya liver monitoring', 'is there a version ok for whatsapp?');
    expect(calls(answer)).toEqual(['search_approved_content']);
    expect(answer.toolCalls[0]!.input).toMatchObject({ query: 'gilenya liver monitoring', channel: 'whatsapp' });
    const other = await ask('approved content on gilenya liver monitoring', 'just for tecfidera');
    expect(other.toolCalls[0]!.input).toMatchObject({ query: 'TECFIDERA liver monitoring' });
  });

  it('reads "y not just visit?" after a recommendation as why not that channel, from the decision log', async () => {
    const hcp = emailGranted();
    const answer = await ask(`next best action for ${full(hcp)}?`, 'y not just visit?');
    expect(calls(answer)).toEqual(['explain_recommendation']);
    expect(answer.toolCalls[0]!.input).toMatchObject({ channel: 'field_visit' });
  });
});

describe('the local model writes feedback only on a verdict said in words', () => {
  it('records nothing for a consent question whose second half merely guesses ("think it mightve lapsed")', async () => {
    const hcp = emailGranted();
    for (const question of [`${full(hcp)} email consent still good? think it mightve lapsed`, `what's going on with ${full(hcp)}? rep says he's gone cold`]) {
      const answer = await ask(question);
      expect(calls(answer)).not.toContain('record_feedback');
    }
    const said = await ask(`next best action for ${full(hcp)}?`, 'snooze it 2 weeks, she is away');
    expect(said.toolCalls.find((call) => call.name === 'record_feedback')?.input).toMatchObject({ verdict: 'snooze', snoozeUntil: '2026-12-04' });
  });
});

describe('the local model answers every part of a question about two HCPs or two channels', () => {
  const two = () => store.hcps.listInTerritories(['T-MW']).filter((hcp, index, all) => all.filter((other) => full(other) === full(hcp)).length === 1).slice(0, 2);

  it('"is email ok for A? and what about B": a consent check for each, each answer about its own HCP', async () => {
    const [a, b] = two();
    const answer = await ask(`is email ok for ${full(a!)}? and what about ${full(b!)}`);
    const checks = answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => call.input as { hcpId: string; channel: string });
    expect(checks).toEqual([expect.objectContaining({ hcpId: a!.id, channel: 'email' }), expect.objectContaining({ hcpId: b!.id, channel: 'email' })]);
  });

  it('"nba for A and B": a next best action for each, no second question needed', async () => {
    const [a, b] = two();
    const answer = await ask(`nba for ${full(a!)} and ${full(b!)}`);
    expect(answer.toolCalls.filter((call) => call.name === 'get_next_best_actions').map((call) => (call.input as { hcpId: string }).hcpId)).toEqual([a!.id, b!.id]);
  });

  it('"which of the two should I see first?" after two briefs: both next best actions, the higher score named first', async () => {
    const [a, b] = two();
    const answer = await ask(`brief me on ${full(a!)}`, `and ${full(b!)}?`, 'which of the two should i see first');
    const actions = answer.toolCalls.filter((call) => call.name === 'get_next_best_actions').map((call) => call.output as { hcp: { id: string; name: string }; recommended: { score: number } });
    expect(actions.map((action) => action.hcp.id).sort()).toEqual([a!.id, b!.id].sort());
    const higher = [...actions].sort((x, y) => y.recommended.score - x.recommended.score)[0]!;
    expect(answer.answer.startsWith(`Of the two, ${higher.hcp.name} ranks higher`)).toBe(true);
  });

  it('"A vs B", then "the first of those two" and "the other one": each HCP of the pair in the order asked', async () => {
    const [a, b] = two();
    const first = await ask(`${full(a!)} vs ${full(b!)} - who needs attention more`, 'the first of those two, email consent?');
    expect(first.toolCalls.map((call) => [call.name, (call.input as { hcpId?: string }).hcpId])).toEqual([['check_consent', a!.id]]);
    const other = await ask(`${full(a!)} vs ${full(b!)} - who needs attention more`, 'the first of those two, email consent?', 'and the other one?');
    expect(other.toolCalls.map((call) => [call.name, (call.input as { hcpId?: string; channel?: string }).hcpId, (call.input as { channel?: string }).channel])).toEqual([['check_consent', b!.id, 'email']]);
  });

  it('"ok draft one for <first name>" after asking about two HCPs: the one of the thread with that name, not every HCP so called', async () => {
    const [a, b] = two();
    const answer = await ask(`email consent for ${full(a!)}?`, `same for ${full(b!)}`, `ok draft one for ${a!.firstName.toLowerCase()}`);
    // The draft reads the profile by id: no lookup of the first name, which would list every HCP so called.
    expect(answer.toolCalls.filter((call) => call.name === 'lookup_hcp_profile').map((call) => call.input)).toEqual([{ hcp: a!.id }]);
    expect(answer.toolCalls.find((call) => call.name === 'check_consent')!.input).toMatchObject({ hcpId: a!.id });
  });

  it('follow-ups about the thread\'s HCP reach that HCP, not the capability menu ("how do i get them unstuck", "so hold off?", "what\'s the nba")', async () => {
    const [a] = two();
    for (const follow of ['how do i get them unstuck', 'what does omni suggest for them', 'ok what channel does work', 'so hold off?', "what's the nba"]) {
      const answer = await ask(`brief me on ${full(a!)}`, follow);
      expect([follow, calls(answer)]).toEqual([follow, ['get_next_best_actions']]);
      expect(answer.toolCalls[0]!.input).toMatchObject({ hcpId: a!.id });
    }
  });

  it('"ok the second one, what should i bring" after two HCPs: approved content on what that HCP engaged with last, and the answer says so', async () => {
    const [a] = two();
    const b = midwestHcp((hcp) => hcp.lastName !== a!.lastName && hcp.firstName !== a!.firstName);
    const answer = await ask(`${full(a!)} or ${full(b)} - who should i see first`, 'ok the second one, what should i bring');
    const latest = outputOf<{ recentInteractions: { productId: string | null; topic: string }[] }>(answer, 'lookup_hcp_profile').recentInteractions.find((interaction) => interaction.productId && interaction.topic)!;
    const search = answer.toolCalls.find((call) => call.name === 'search_approved_content')!.input as { query: string; hcpId: string };
    expect(search.hcpId).toBe(b.id);
    expect(search.query).toContain(latest.topic);
    expect(answer.answer).toContain('from their latest engagement');
  });

  it('"whatsapp msg for X re <product> access": the draft tool itself refuses material not approved for WhatsApp, naming the module and the rule', async () => {
    const hcp = midwestHcp((candidate) => candidate.specialty === 'Neurology' && consentGate(consents(candidate), 'whatsapp', 'promotional', null, consentRules).passed && consentGate(consents(candidate), 'email', 'promotional', null, consentRules).passed);
    const answer = await ask(`whatsapp msg for ${full(hcp)} re tecfidera access, can you write it`);
    const drafts = answer.toolCalls.filter((call) => call.name === 'draft_followup');
    expect(drafts.map((call) => [(call.input as { channel: string }).channel, (call.output as { status: string }).status])).toEqual([['whatsapp', 'refused']]);
    expect(answer.answer).toMatch(/not approved for whatsapp/);
    expect(answer.answer).toContain(consentGate(consents(hcp), 'email', 'promotional', null, consentRules).records[0]!);
  });

  it('a brief asked one specific thing answers it first: webinar attendance, contacts this year, the over-contact flag, the tier', async () => {
    const [a] = two();
    const webinar = await ask(`did ${full(a!)} attend the webinar?`);
    const events = outputOf<{ events: { channel: string }[] }>(webinar, 'lookup_hcp_profile').events.filter((event) => event.channel === 'webinar');
    expect(webinar.answer.split('\n')[0]).toMatch(events.length > 0 ? /^Yes: .* attended / : /^No: no webinar attendance/);
    expect((await ask(`how many touches has ${full(a!)} had this year`)).answer.split('\n')[0]).toMatch(/^Contacts with .*: \d+ in the last 365 days/);
    expect((await ask(`is ${full(a!)} getting too many emails from us`)).answer.split('\n')[0]).toMatch(/^(Yes: |No over-contact flag)/);
    expect((await ask(`${full(a!)} tier?`)).answer.split('\n')[0]).toMatch(/is segment [A-D]/);
    // A QBR's "how has she engaged over the year": every channel over 365 days, not only the latest five.
    expect((await ask(`qbr prep — how has ${full(a!)} engaged with us over the year`)).answer.split('\n')[0]).toMatch(/^(Engagement with .* over the last 365 days: \d+ interactions \(|No engagement with )/);
  });

  it('"a bit more formal" after a draft: no rewording (the words are approved modules\'), and says what can change', async () => {
    const hcp = emailGranted();
    const answer = await ask(`draft a follow-up email to ${full(hcp)}`, 'a bit more formal');
    expect(answer.toolCalls).toEqual([]);
    expect(answer.answer).toMatch(/can't reword a draft/);
  });

  it('"same thing?" naming another HCP asks the thread\'s last question about them, on the same channel', async () => {
    const [a, b] = two();
    const answer = await ask(`is email fine for ${full(a!)}`, `${full(b!)} - same thing?`);
    expect(answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => call.input)).toEqual([expect.objectContaining({ hcpId: b!.id, channel: 'email' })]);
  });

  it('"hmm, fine, phone?" after a consent answer: the same HCP on the phone, not the capability menu', async () => {
    const [a] = two();
    const answer = await ask(`can i whatsapp ${full(a!)}?`, 'hmm, fine, phone?');
    expect(answer.toolCalls.map((call) => [call.name, (call.input as { hcpId?: string; channel?: string }).channel])).toEqual([['check_consent', 'phone']]);
  });

  it('"A\'s background and whether phone calls are consented": the brief, then the phone consent', async () => {
    const [a] = two();
    const answer = await ask(`give me ${full(a!)}'s background and whether phone calls are consented`);
    expect(answer.toolCalls.map((call) => call.name)).toContain('lookup_hcp_profile');
    expect(answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => call.input)).toEqual([expect.objectContaining({ hcpId: a!.id, channel: 'phone' })]);
    expect(answer.answer).toMatch(/^Pre-call brief: /);
  });

  it('"is A reading our emails or ignoring them": the email record, first, not a consent answer', async () => {
    const [a] = two();
    const answer = await ask(`is ${full(a!)} reading our emails or ignoring them`);
    expect(answer.toolCalls.map((call) => call.name)).not.toContain('check_consent');
    expect(answer.answer).toMatch(/^Email in .+'s last \d+ interactions: \d+ sent, \d+ opened, \d+ clicked/);
  });

  it('"pull the whole file on A" is the brief; "walk me through the reasoning" explains the recommendation', async () => {
    const [a] = two();
    expect((await ask(`pull the whole file on ${full(a!)}, leave nothing out`)).answer).toMatch(/^Pre-call brief: /);
    const why = await ask(`${full(a!)}: walk me through the reasoning`);
    expect(why.toolCalls.map((call) => call.name)).toContain('explain_recommendation');
  });

  it('"open up the top result" after a content search shows that module; "and the second one?" the next', async () => {
    const first = await ask('approved keytruda content on pneumonitis', 'open up the top result, what does it say');
    const search = first.toolCalls.find((call) => call.name === 'search_approved_content')!.output as { results: { id: string; version: number }[] };
    expect(first.answer.split('\n')[0]).toContain(`(${search.results[0]!.id}@${search.results[0]!.version}`);
    const second = await ask('approved keytruda content on pneumonitis', 'open up the top result, what does it say', 'and the second one?');
    expect(second.answer.split('\n')[0]).toContain(`(${search.results[1]!.id}@${search.results[1]!.version}`);
  });

  it('"cut that in half" with no draft in the thread says there is none, not a menu', async () => {
    const answer = await ask('cut that in half');
    expect(answer.toolCalls).toEqual([]);
    expect(answer.answer).toMatch(/^There is no draft in this thread to change/);
  });

  it('a first name shared by several HCPs, said with the institution, is the one there', async () => {
    const hcps = store.hcps.listInTerritories(['T-MW']);
    const pick = hcps.find((hcp) => {
      const same = hcps.filter((other) => other.firstName === hcp.firstName);
      return same.length >= 2 && same.filter((other) => other.institution === hcp.institution).length === 1;
    })!;
    const answer = await ask(`${pick.firstName.toLowerCase()} at ${pick.institution!.toLowerCase()} - catch me up`);
    expect(answer.toolCalls.filter((call) => call.name === 'lookup_hcp_profile').at(-1)!.input).toEqual({ hcp: pick.id });
  });

  it('"consent for A on email + phone": one check per channel', async () => {
    const [a] = two();
    const answer = await ask(`consent status for ${full(a!)} on email + phone`);
    expect(answer.toolCalls.filter((call) => call.name === 'check_consent').map((call) => (call.input as { channel: string }).channel)).toEqual(['email', 'phone']);
  });
});

describe('the local model reads competitors in field questions', () => {
  it('"what are derms saying about skyrizi": the competitor is the field-notes topic', async () => {
    const user = store.users.getById('u-medaffairs')!;
    const answer = await agent.ask({ user, question: 'what are derms saying about skyrizi', threadId: `local-test-${++thread}` });
    expect(answer.toolCalls.find((call) => call.name === 'summarize_field_insights')!.input).toMatchObject({ topic: 'skyrizi', specialty: 'dermatology' });
  });
});

describe('the local model settles an ambiguous first name from the list it gave', () => {
  /** A first name several of the rep's HCPs share, in different cities. */
  function sharedFirstName(): { name: string; pick: Hcp } {
    const hcps = store.hcps.listInTerritories(['T-MW']);
    for (const hcp of hcps) {
      const same = hcps.filter((other) => other.firstName === hcp.firstName);
      const cityOnce = same.filter((other) => other.city === hcp.city).length === 1;
      if (same.length >= 2 && same.length <= 5 && cityOnce) return { name: hcp.firstName, pick: hcp };
    }
    throw new Error('no demo first name fits this test');
  }

  it('"the one in <city>" and "the second one" pick from the candidates; "her" then stays on that HCP', async () => {
    const { name, pick } = sharedFirstName();
    const byCity = await ask(`can i email ${name.toLowerCase()}`, `the one in ${pick.city}`, 'and phone?');
    expect(byCity.toolCalls.map((call) => [call.name, (call.input as { hcpId?: string }).hcpId])).toEqual([['check_consent', pick.id]]);
    const first = await ask(`brief me on ${name.toLowerCase()}`);
    const candidates = (first.toolCalls[0]!.output as { candidates: { id: string }[] }).candidates;
    const second = await ask(`brief me on ${name.toLowerCase()}`, 'the second one');
    expect(second.toolCalls.find((call) => call.name === 'lookup_hcp_profile')!.input).toEqual({ hcp: candidates[1]!.id });
  });
});

describe('the local model keeps the thread\'s draft, consent answers and earlier queries', () => {
  const askAs = async (userId: string, ...questions: string[]) => {
    const threadId = `local-test-${++thread}`;
    const answers: AgentAnswer[] = [];
    for (const question of questions) answers.push(await agent.ask({ user: store.users.getById(userId)!, question, threadId }));
    return answers;
  };
  const inputsOf = (answer: AgentAnswer, name: string) => answer.toolCalls.filter((call) => call.name === name).map((call) => call.input as Record<string, unknown>);

  it('"add something on the patient support programme" adds a module to the draft; "sorry, wrong doc — X" writes the same draft for X; "make that a text instead" changes its channel', async () => {
    const [first, second] = [webinarAttendee(), emailGranted()];
    const [draft, added] = await askAs(REP, `draft an email to ${full(first)}`, 'add something on the patient support programme');
    const before = inputsOf(draft!, 'draft_followup')[0]!.moduleIds as string[];
    if (before.some((id) => id.endsWith('-patient-support'))) {
      // Already in the draft: nothing is redrafted, and the answer says so.
      expect(calls(added!)).not.toContain('draft_followup');
      expect(added!.answer).toMatch(/already carries .*patient support/i);
    } else {
      const after = inputsOf(added!, 'draft_followup')[0]!.moduleIds as string[];
      expect(after).toEqual(expect.arrayContaining(before));
      expect(after.some((id) => id.endsWith('-patient-support') && !before.includes(id))).toBe(true);
    }
    // A module the draft lacks goes in beside the ones it has.
    const [support, withEfficacy] = await askAs(REP, `draft an email to ${full(second)} about the keytruda patient support program`, 'can you also include the efficacy data');
    const supportModules = inputsOf(support!, 'draft_followup')[0]!.moduleIds as string[];
    expect(supportModules.some((id) => id.endsWith('-efficacy'))).toBe(false);
    const efficacyModules = inputsOf(withEfficacy!, 'draft_followup')[0]!.moduleIds as string[];
    expect(efficacyModules).toEqual(expect.arrayContaining(supportModules));
    expect(efficacyModules.some((id) => id.endsWith('-efficacy'))).toBe(true);
    expect(withEfficacy!.answer).not.toMatch(/already carries/);
    const [, redirected, texted] = await askAs(REP, `draft an email to ${full(first)}`, `sorry, wrong doc — ${full(second)}`, 'make that a text instead');
    expect(calls(redirected!)).not.toContain('get_next_best_actions');
    expect(inputsOf(redirected!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: second.id, channel: 'email' })]);
    expect(inputsOf(texted!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: second.id, channel: 'sms' })]);
  });

  it('"draft an email to the one that\'s allowed" after two consent answers drafts for the HCP whose answer was yes', async () => {
    const [allowed, refused] = [emailGranted(), emailRevoked()];
    const [, , , drafted] = await askAs(REP, `brief me on ${full(allowed)}`, `and ${full(refused)}?`, 'which of the two can i email?', "ok draft an email to the one that's allowed");
    expect(inputsOf(drafted!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: allowed.id, channel: 'email' })]);
  });

  it('"never mind, back to the full A list" undoes a narrowing; "forget the rheums, neurologists instead" replaces the specialty; "cut that down to the two most important" keeps the filters', async () => {
    const [, , undone] = await askAs(REP, 'my A-segment docs', 'filter those down to neurology', 'never mind, back to the full A list');
    expect(inputsOf(undone!, 'plan_territory')).toEqual([{ limit: 10, segment: 'A' }]);
    const [, replaced] = await askAs(REP, 'my rheumatologists', 'forget the rheums, neurologists instead');
    expect(inputsOf(replaced!, 'plan_territory')).toEqual([expect.objectContaining({ specialty: 'neurology' })]);
    const [, , cut] = await askAs(REP, 'which of my docs am i late following up with', 'just C segment', 'cut that down to the two most important');
    expect(inputsOf(cut!, 'plan_territory')).toEqual([{ limit: 2, segment: 'C', flag: 'follow_up_due' }]);
  });

  it('"ok and #2 — email or phone?" checks both channels for that entry; "am i allowed to call ahead" in a thread about an HCP is phone consent for them', async () => {
    const [plan, both] = await askAs(REP, 'plan my tuesday', 'ok and #2 — email or phone?');
    const second = (plan!.toolCalls[0]!.output as { entries: { hcp: { id: string } }[] }).entries[1]!.hcp.id;
    expect(inputsOf(both!, 'check_consent').map((input) => [input.hcpId, input.channel])).toEqual([[second, 'email'], [second, 'phone']]);
    const hcp = emailGranted();
    const [, ahead] = await askAs(REP, `brief me on ${full(hcp)}`, 'am i allowed to call ahead to book the slot');
    expect(inputsOf(ahead!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'phone' })]);
  });

  it('a manager\'s "now show the median days to follow up instead" keeps the breakdown and period; "how often does she accept what omni suggests, same window" is the acceptance rate; "vs the same stretch last year" keeps the period', async () => {
    const [, median] = await askAs('u-mgr-east', 'follow-up rate by territory last month', 'now show the median days it takes to follow up instead');
    expect(inputsOf(median!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'median_time_to_follow_up', dimension: 'territory', period: 'last_month' })]);
    const [, , accepts] = await askAs('u-mgr-east', 'follow-up rate last 90 days by rep', "and the dead end rate", 'how often do they accept what omni suggests, same window');
    expect(inputsOf(accepts!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'nba_acceptance_rate', period: 'last_90_days', dimension: 'rep' })]);
    const [, , stretch] = await askAs('u-mgr-east', 'cross-channel progression quarter to date', 'which segments are progressing best', 'vs the same stretch last year');
    expect(inputsOf(stretch!, 'query_performance')).toEqual([expect.objectContaining({ period: 'quarter_to_date', dimension: 'segment', compareTo: 'previous_year' })]);
  });

  it('a rep\'s plan asks as written: "i only have time for 4", "top 8 for monday :pray:", "docs i\'ve lost completely", "no remote detail consent at all", "who\'s second on my list and what\'s the move there"', async () => {
    const [four] = await askAs(REP, 'congress week, i only have time for 4 — who?');
    expect(inputsOf(four!, 'plan_territory')).toEqual([{ limit: 4 }]);
    const [eight] = await askAs(REP, 'top 8 for monday :pray:');
    expect(inputsOf(eight!, 'plan_territory')).toEqual([{ limit: 8 }]);
    const [lost] = await askAs(REP, "docs i've lost completely");
    expect(inputsOf(lost!, 'plan_territory')).toEqual([expect.objectContaining({ flag: 'dead_end' })]);
    const [none] = await askAs(REP, 'which docs have no remote detail consent at all');
    expect(inputsOf(none!, 'plan_territory')).toEqual([expect.objectContaining({ consent: { channel: 'remote_detail', status: 'none' } })]);
    const [second] = await askAs(REP, "who's second on my list and what's the move there");
    const entries = (second!.toolCalls.find((call) => call.name === 'plan_territory')!.output as { entries: { hcp: { id: string } }[] }).entries;
    expect(inputsOf(second!, 'get_next_best_actions')).toEqual([{ hcpId: entries[1]!.hcp.id }]);
  });

  it('"the gastroenterologist on there" is the list\'s entry of that specialty; "back to every specialty but cap it at 5" drops the specialty and keeps the flag', async () => {
    const [plan, entry] = await askAs(REP, 'who should i see this week', 'the gastroenterologist on there — who is that and where do they work');
    const listed = (plan!.toolCalls[0]!.output as { entries: { hcp: { id: string; specialty: string } }[] }).entries;
    const gastro = listed.filter((candidate) => /gastro/i.test(candidate.hcp.specialty));
    if (gastro.length === 1) expect(inputsOf(entry!, 'lookup_hcp_profile')).toEqual([{ hcp: gastro[0]!.hcp.id }]);
    else expect(entry!.answer).toMatch(/HCPs just listed fits/);
    const [, , capped] = await askAs(REP, 'follow-ups i owe', 'narrow that to the neurologists', 'actually back to every specialty but cap it at 5');
    expect(inputsOf(capped!, 'plan_territory')).toEqual([{ limit: 5, flag: 'follow_up_due' }]);
  });

  it('"no wait, i meant an email not a text" after a text draft drafts the email on the same product; "can you sign it off with my name" says the sign-off carries it', async () => {
    const hcp = emailGranted();
    const [, email, signed] = await askAs(REP, `draft a text to ${full(hcp)} re imbruvica`, 'no wait, i meant an email not a text', 'can you sign it off with my name');
    expect(inputsOf(email!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'email' })]);
    expect(inputsOf(email!, 'search_approved_content')[0]).toMatchObject({ query: expect.stringMatching(/^IMBRUVICA/) });
    expect(signed!.toolCalls).toEqual([]);
    expect(signed!.answer).toContain(store.users.getById(REP)!.name);
  });

  it('a manager\'s metrics in their own words: "which of my reps is bombarding hcps", "text-message consent, A through D", "email opens for 2026"; "vs september" after a month compares with September', async () => {
    const [bombard] = await askAs('u-mgr-east', 'which of my reps is bombarding hcps');
    expect(inputsOf(bombard!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'over_contacted', dimension: 'rep' })]);
    const [segments] = await askAs('u-mgr-east', 'share of docs with text-message consent, A through D');
    expect(inputsOf(segments!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'consent_coverage', dimension: 'segment', filters: { channel: 'sms' } })]);
    const [year] = await askAs('u-mgr-east', `monthly trend of email opens for ${DEMO_AS_OF.slice(0, 4)}`);
    expect(inputsOf(year!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'email_open_rate', dimension: 'month', period: 'year_to_date' })]);
    const [, versus] = await askAs('u-medaffairs', "october's medical follow-up rate", 'vs september');
    expect(inputsOf(versus!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'medical_follow_up_rate', compareTo: { from: '2026-09-01', to: '2026-09-30' } })]);
  });

  it('"would a video call work instead, consent-wise" after an MSL meeting question is remote-detail consent only, not a phone call or the recording rule', async () => {
    const hcp = emailGranted();
    const [, video] = await askAs('u-msl-mw', `msl meeting with ${full(hcp)} ok?`, 'would a video call work instead, consent-wise');
    expect(inputsOf(video!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: hcp.id, channel: 'remote_detail', purpose: 'medical' })]);
  });

  it('"and are they involved in any trials" in a thread about an HCP is the CRM record, not the last consent again; "text her then, draft please" after a next best action drafts on the recommendation\'s product', async () => {
    const hcp = emailGranted();
    const [, , trials] = await askAs('u-msl-mw', `brief me on ${full(hcp)}`, 'have they consented to meeting an msl', 'and are they involved in any trials');
    expect(calls(trials!)).not.toContain('check_consent');
    expect(trials!.answer).toMatch(/clinical trial/);
    const [nba, draft] = await askAs(REP, `${full(hcp)} — next move?`, 'email her then, draft please');
    const product = (nba!.toolCalls.find((call) => call.name === 'get_next_best_actions')!.output as { recommended: { productId: string | null } }).recommended.productId;
    const brand = product ? store.products.getById(product)!.brandName : null;
    if (brand) expect(String(inputsOf(draft!, 'search_approved_content')[0]?.query ?? '')).toMatch(new RegExp(`^${brand}`));
    else expect(product).toBeNull();
  });

  it('"who is warmer right now, A or B" ranks the two by their last 90 days of engagement, from their profiles', async () => {
    const [first, second] = [emailGranted(), emailRevoked()];
    const [warmer] = await askAs(REP, `who is warmer right now, ${full(first)} or ${full(second)}`);
    const profiles = warmer!.toolCalls.filter((call) => call.name === 'lookup_hcp_profile').map((call) => call.output as { hcp: { name: string }; channelActivity: { last90Days: number }[] });
    expect(profiles).toHaveLength(2);
    const engaged = (profile: (typeof profiles)[number]) => profile.channelActivity.reduce((sum, entry) => sum + entry.last90Days, 0);
    const [top, other] = [...profiles].sort((a, b) => engaged(b) - engaged(a));
    expect(warmer!.answer.split('\n')[0]).toEqual(engaged(top!) === engaged(other!) ? expect.stringContaining('are level') : `Warmer right now: ${top!.hcp.name}, with ${engaged(top!)} interactions in the last 90 days against ${engaged(other!)} for ${other!.hcp.name} (every channel, from their profiles).`);
  });

  it('"who\'s slagging off gilenya" says no note criticises it in so many words, and names the nearest negatives from the notes (competitor use, access frustration)', async () => {
    const [slagging] = await askAs('u-msl-mw', "who's slagging off gilenya");
    expect(inputsOf(slagging!, 'summarize_field_insights').map((input) => [input.product, input.topic])).toEqual([['prod-gilenya', 'competitors'], ['prod-gilenya', 'access']]);
    expect(slagging!.answer).toMatch(/^No field note from .* records an HCP criticising GILENYA/);
    const rivals = slagging!.toolCalls[0]!.output as { notes: { current: number } };
    if (rivals.notes.current > 0) expect(slagging!.answer).toMatch(/\(note note-\d+-\d+, \d{4}-\d\d-\d\d\)/);
  });

  it('a manager\'s "split by segment A to D" is a breakdown with no segment filter; "and the whole team, rep by rep" drops the rep filter; "where\'s the largest shortfall" after a maturity assessment names the weakest dimensions', async () => {
    const [, split] = await askAs('u-mgr-east', 'how much of our hcp base has consented to email', 'split by segment A to D');
    expect(inputsOf(split!, 'query_performance')).toEqual([expect.objectContaining({ dimension: 'segment', filters: { channel: 'email' } })]);
    const [, , team] = await askAs('u-mgr-west', 'median days to follow up for jordan soto this quarter', 'no, i meant jamie prescott', 'and the whole team, rep by rep');
    expect(inputsOf(team!, 'query_performance')).toEqual([expect.objectContaining({ dimension: 'rep', filters: {} })]);
    const [, shortfall] = await askAs('u-admin', 'maturity assessment for the QBR', "where's the largest shortfall");
    expect(shortfall!.answer).toMatch(/^Holding the stage down: /m);
  });

  it('an MSL\'s "list the HCPs i still owe a medical answer to" is the field summary\'s open questions, and "the third" is its third HCP', async () => {
    const [summary, third] = await askAs('u-msl-ne', 'list the HCPs i still owe a medical answer to', 'the third — remind me who that is');
    expect(calls(summary!)).toEqual(['summarize_field_insights']);
    expect(inputsOf(third!, 'lookup_hcp_profile')).toEqual([{ hcp: summary!.citations.hcps[2] }]);
  });
});

describe('the local model reads what held-out 19 asked', () => {
  const askAs = async (userId: string, ...questions: string[]) => {
    const threadId = `local-test-${++thread}`;
    const answers: AgentAnswer[] = [];
    for (const question of questions) answers.push(await agent.ask({ user: store.users.getById(userId)!, question, threadId }));
    return answers;
  };
  const inputsOf = (answer: AgentAnswer, name: string) => answer.toolCalls.filter((call) => call.name === name).map((call) => call.input as Record<string, unknown>);

  it('"oops, not X — i meant Y" asks the same of Y on the same channel; a manager\'s "taylor\'s, not casey\'s" swaps the rep', async () => {
    const [first, second] = [emailGranted(), emailRevoked()];
    const [, corrected] = await askAs(REP, `visit consent on ${full(first)}?`, `oops, not ${full(first)} — i meant ${full(second)}`);
    expect(inputsOf(corrected!, 'check_consent')).toEqual([expect.objectContaining({ hcpId: second.id, channel: 'field_visit' })]);
    const [, swapped] = await askAs('u-mgr-east', "casey's dead end rate over the last 30 days", "sorry — taylor's, not casey's");
    // Taylor Brandt is the rep on u-mgr-east's team called Taylor (another Taylor is an MSL).
    expect(inputsOf(swapped!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'dead_end_rate', filters: { rep: 'u-rep-ne-1' } })]);
  });

  it('periods said as follow-ups: "what about the month before" after October is September; "compared with Q2" keeps Q3; "july–september"; "for full year 2025"', async () => {
    const [, before] = await askAs('u-msl-mw', 'side effects mentioned in my october notes', 'what about the month before');
    expect(inputsOf(before!, 'summarize_field_insights')).toEqual([expect.objectContaining({ from: '2026-09-01', to: '2026-09-30' })]);
    const [q3, q2] = await askAs('u-mgr-east', 'webinar attendance in Q3', 'compared with Q2');
    expect(inputsOf(q2!, 'query_performance')).toEqual([expect.objectContaining({ period: inputsOf(q3!, 'query_performance')[0]!.period, compareTo: { from: '2026-04-01', to: '2026-06-30' } })]);
    const [span] = await askAs('u-admin', 'july–september webinar show-up rate for each region');
    expect(inputsOf(span!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'webinar_attendance', dimension: 'territory', period: { from: '2026-07-01', to: '2026-09-30' } })]);
    const [year] = await askAs('u-admin', 'board pack: company reach for full year 2025');
    expect(inputsOf(year!, 'query_performance')).toEqual([expect.objectContaining({ metric: 'reach', period: { from: '2025-01-01', to: '2025-12-31' } })]);
  });

  it('list follow-ups: "gone unvisited the longest" (no typo repair to "unlimited"), "forget the segment", "keep just five"; "the patient support one instead" after a draft is no adverse event', async () => {
    const [unvisited] = await askAs(REP, 'which of my hcps have gone unvisited the longest');
    expect(inputsOf(unvisited!, 'plan_territory')).toEqual([expect.objectContaining({ flag: 'no_recent_visit' })]);
    const [, forgot, five] = await askAs(REP, 'A-segment docs who have said yes to email', 'forget the segment', 'keep just five');
    expect(inputsOf(forgot!, 'plan_territory')).toEqual([{ limit: 10, consent: { channel: 'email', status: 'granted' } }]);
    expect(inputsOf(five!, 'plan_territory')).toEqual([{ limit: 5, consent: { channel: 'email', status: 'granted' } }]);
    const [, swapped] = await askAs(REP, `draft an email to ${full(emailGranted())}`, 'actually use the patient support one instead');
    expect(calls(swapped!)).not.toContain('report_adverse_event');
    expect(calls(swapped!)).toContain('check_consent');
  });

  it('"which hcps mentioned them most" after a competitor summary names the HCPs behind its quoted notes', async () => {
    const [, who] = await askAs('u-msl-mw', 'this month, which rival drugs showed up in my notes', 'which hcps mentioned them most');
    const summary = who!.toolCalls.find((call) => call.name === 'summarize_field_insights')!.output as { competitorMentions: { competitors: { quotes: { hcpId: string }[] }[] } };
    const quoted = summary.competitorMentions.competitors.flatMap((rival) => rival.quotes.map((quote) => quote.hcpId));
    if (quoted.length === 0) expect(who!.answer).not.toMatch(/^Who said it/);
    else expect(who!.answer.split('\n')[0]).toContain(hcpDisplayName(store.hcps.getById(quoted[0]!)!));
  });

  it('"thumbs up on the X recommendation" accepts X\'s recommendation', async () => {
    const hcp = emailGranted();
    const [thumbs] = await askAs(REP, `thumbs up on the ${full(hcp)} recommendation`);
    expect(inputsOf(thumbs!, 'record_feedback')).toEqual([expect.objectContaining({ verdict: 'accept' })]);
  });
});
