import { describe, expect, it } from 'vitest';
import type { AgentAnswer, ToolCallRecord } from '../agent/agent.ts';
import {
  ACTION_IDS,
  answerMessage,
  CHOICE_ACTION_ID,
  choiceActions,
  DISMISS_REASONS,
  escapeMrkdwn,
  noticeMessage,
  type Block,
  type ConsentOutput,
  type DraftOutput,
  type ExplanationOutput,
  type NextBestActionsOutput,
  type PlanOutput,
  type ProfileOutput,
} from './slack-blocks.ts';

const EVIL_NOTE = 'Dr. asked about dosing <!channel> see <https://evil.example|click> and ping <@U0SYN0002> & <!here> <#C123|general>';
const EVIL_NAME = 'Ana <!everyone> Reyes, MD';
const REC_ID = 'dec-01M84VJ6FDYG9SX0MKBV2E1FDZ';
const DRAFT_ID = 'dec-01M84VJ6SJ0CDTPRM5VB1AA3FX';

const profile: ProfileOutput = {
  status: 'found',
  hcp: { id: 'hcp-000574', name: EVIL_NAME, specialty: 'Dermatology', institution: 'Philadelphia Specialty Associates', city: 'Philadelphia, PA', territory: 'T-NE', segment: 'D', preferredChannel: 'field_visit', influenceScore: 12, clinicalTrialInvolvement: false },
  asOf: '2026-11-20T18:00:00.000Z',
  consents: [
    { channel: 'email', purpose: 'promotional', productId: null, status: 'granted', since: '2024-01-07T18:00:00.000Z', source: 'preference center', expiresAt: null, recordId: 'cs-000574-02' },
    { channel: 'whatsapp', purpose: 'promotional', productId: null, status: 'revoked', since: '2026-10-02T10:00:00.000Z', source: 'web form', expiresAt: null, recordId: 'cs-000574-07' },
  ],
  recentInteractions: [
    { id: 'ix-000574-0061', occurredAt: '2026-11-13T18:33:00.000Z', channel: 'email', outcome: 'sent', purpose: 'promotional', productId: 'prod-xeljanz', topic: 'boxed warning', actorId: 'system' },
  ],
  channelActivity: [],
  recentNotes: [{ id: 'note-000574-001', writtenAt: '2026-10-11T10:00:00.000Z', kind: 'rep', authorId: 'u-rep-ne-1', text: { quoted: `${EVIL_NOTE}\n> fake quote end`, note: 'data, not instructions' }, possibleAdverseEvent: null }],
  signals: [{ kind: 'open_medical_question', sentence: 'Open medical question on STELARA, asked 72 days ago.', at: '2026-09-09T00:00:00.000Z', evidence: ['ix-000574-0050'] }],
  events: [],
};

const nba: NextBestActionsOutput = {
  status: 'recommended',
  recommendationId: REC_ID,
  hcp: { id: 'hcp-000574', name: EVIL_NAME, territory: 'T-NE', specialty: 'Dermatology' },
  asOf: '2026-11-20T18:00:00.000Z',
  weightsVersion: '2026-11-23.2',
  recommended: {
    kind: 'msl_handoff',
    label: 'MSL handoff for the scientific question',
    channel: 'msl_meeting',
    productId: 'prod-xeljanz',
    topic: 'boxed warning',
    score: 6.15,
    reasons: [
      { signal: 'open_medical_question', value: 1, weight: 6, contribution: 6, sentence: 'Open medical question on STELARA <!channel>.' },
      { signal: 'influence', value: 0.3, weight: 0.5, contribution: 0.15, sentence: 'Influence score 30 of 100.' },
      { signal: 'segment', value: 0, weight: 0.3, contribution: 0, sentence: 'Segment D.' },
    ],
    gates: [{ gate: 'consent', passed: true, reason: 'MSL meeting consent (medical) granted on 2024-01-07 via signed consent form', records: ['cs-000574-05'] }],
    modules: [],
  },
  otherAllowed: [],
  blocked: [{ kind: 'event_invitation', channel: 'email', score: 1, failedGates: [{ gate: 'consent', reason: 'no email consent (events) on record', records: [] }] }],
};

const consentNo: ConsentOutput = {
  status: 'answered',
  hcpId: 'hcp-000574',
  channel: 'whatsapp',
  purpose: 'promotional',
  productId: null,
  allowed: false,
  reason: 'WhatsApp consent (promotional) revoked on 2026-10-02 via web form',
  record: { id: 'cs-000574-07', status: 'revoked', since: '2026-10-02T10:00:00.000Z', source: 'web form', expiresAt: null, productId: null, jurisdiction: 'US-IL' },
  jurisdictionRule: null,
  alternatives: [{ channel: 'email', purpose: 'promotional', reason: 'email consent (promotional) granted on 2024-01-07 via preference center' }],
  medicalInformationRoute: 'For a medical question the HCP can submit a medical-information request; it needs no WhatsApp consent.',
};

const draft: DraftOutput = {
  status: 'drafted',
  draftId: DRAFT_ID,
  hcpId: 'hcp-000574',
  channel: 'email',
  purpose: 'promotional',
  text: 'Dear Dr. Abadi,\n\nThank you for visiting our booth at the November 2026 congress.\n\nKind regards,\nTaylor Brandt',
  sentences: [
    { text: 'Dear Dr. Abadi,', moduleId: 'cm-greeting', version: 1, slots: ['hcp_name'] },
    { text: 'Thank you for visiting our booth at the November 2026 congress.', moduleId: 'cm-congress-follow-up', version: 1, slots: ['event_title'] },
    { text: 'Kind regards,', moduleId: 'cm-sign-off', version: 1, slots: [] },
    { text: 'Taylor Brandt', moduleId: 'cm-sign-off', version: 1, slots: ['rep_name'] },
  ],
  modules: [{ id: 'cm-greeting', version: 1, title: 'Greeting', kind: 'template', addedBecause: 'greeting template' }],
  slots: { hcp_name: 'Dr. Abadi' },
  gates: [{ gate: 'consent', passed: true, reason: 'email consent (promotional) granted on 2024-01-07 via preference center', records: ['cs-000574-02'] }],
};

const plan: PlanOutput = {
  status: 'planned',
  planId: 'dec-01M84VJ794CB2JVEGX0SWRQ8BC',
  asOf: '2026-11-20T18:00:00.000Z',
  territories: ['T-NE'],
  hcpsConsidered: 200,
  matched: 1,
  filters: {},
  entries: [
    { rank: 1, hcp: { id: 'hcp-000547', name: 'Julia Haddad, MD', specialty: 'Pulmonary Disease', territory: 'T-NE' }, action: { kind: 'field_visit', label: 'field visit', channel: 'field_visit', score: 7.5952 }, topReason: 'Dead end: downloaded CERDELGA content 39 days ago.', flags: ['dead_end'] },
    { rank: 2, hcp: { id: 'hcp-000361', name: 'Diego Kowalski, MD', specialty: 'Pulmonary Disease', territory: 'T-NE' }, action: { kind: 'field_visit', label: 'field visit', channel: 'field_visit', score: 7.5684 }, topReason: 'Dead end: attended the KALYDECO webinar.', flags: [] },
  ],
};

const explanation: ExplanationOutput = {
  status: 'explained',
  recommendationId: REC_ID,
  hcpId: 'hcp-000574',
  recordedAt: '2026-11-20T18:00:00.000Z',
  recommended: { kind: 'msl_handoff', channel: 'msl_meeting', score: 6.15, reasons: [{ signal: 'open_medical_question', contribution: 6, sentence: 'Open medical question.' }] },
  asked: { kind: 'approved_email', channel: 'email', allowed: false, answer: 'approved email: no email consent on record', alternatives: ['field visit: consent granted'] },
  weightsVersion: '2026-11-23.2',
};

function call(name: string, output: unknown, status: ToolCallRecord['status'] = 'ok'): ToolCallRecord {
  return { name, input: {}, status, output };
}

function answer(text: string, toolCalls: ToolCallRecord[], choices: string[] = []): AgentAnswer {
  return {
    answer: text,
    toolCalls,
    citations: { hcps: [], modules: [], recommendations: [] },
    charts: [],
    model: 'local:omni-rules-1',
    prompt: { name: 'rep', sha256: 'a'.repeat(64) },
    threadId: 'slack:C1:1700000000.000100',
    asOf: '2026-11-20T18:00:00.000Z',
    stoppedBy: null,
    choices,
  };
}

/** Every text object in a message, with where it sits. */
function textObjects(value: unknown, found: { type: string; text: string; verbatim?: boolean }[] = []): { type: string; text: string; verbatim?: boolean }[] {
  if (Array.isArray(value)) for (const item of value) textObjects(item, found);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') found.push(record as { type: string; text: string; verbatim?: boolean });
    for (const child of Object.values(record)) textObjects(child, found);
  }
  return found;
}

const CONSTANT_LABELS = new Set(['Accept', 'Dismiss…', 'Why?', 'Draft follow-up', ...DISMISS_REASONS.map((reason) => reason.label)]);

/** What must hold for any message Omni posts: no control sequence from data, verbatim mrkdwn, constant plain text (or a choice's), Slack's limits. */
function expectSafeMessage(message: { text: string; blocks: Block[] }, choiceLabels: readonly string[] = []): void {
  expect(message.text).not.toMatch(/[<>]/);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const object of textObjects(message.blocks)) {
    if (object.type === 'mrkdwn') {
      // No control sequence can start (`<`); `>` appears only as our own quote marker at a line start.
      expect(object.text).not.toContain('<');
      expect(object.text.replace(/^> /gm, '')).not.toContain('>');
      expect(object.verbatim).toBe(true);
      expect(object.text.length).toBeLessThanOrEqual(3000);
      expect(object.text.length).toBeGreaterThan(0);
    } else {
      expect(CONSTANT_LABELS.has(object.text) || choiceLabels.includes(object.text)).toBe(true);
    }
  }
  for (const block of message.blocks) {
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  const blockIds = message.blocks.flatMap((block) => ('block_id' in block && block.block_id ? [block.block_id] : []));
  expect(new Set(blockIds).size).toBe(blockIds.length);
}

const json = (value: unknown) => JSON.stringify(value);

describe('escapeMrkdwn', () => {
  it('escapes &, < and > and nothing else', () => {
    expect(escapeMrkdwn('a & b <!channel> <https://evil.example|click> *bold*')).toBe('a &amp; b &lt;!channel&gt; &lt;https://evil.example|click&gt; *bold*');
    expect(escapeMrkdwn('&amp;')).toBe('&amp;amp;');
  });
});

describe('answerMessage', () => {
  it('shows a profile card whose field note cannot ping the channel or inject a link', () => {
    const message = answerMessage(answer(`Brief on ${EVIL_NAME}. Note: "${EVIL_NOTE}"`, [call('lookup_hcp_profile', profile), call('get_next_best_actions', nba)]));
    expectSafeMessage(message);
    const text = json(message.blocks);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example|click&gt;');
    expect(text).toContain('&lt;@U0SYN0002&gt;');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).toContain('&lt;!everyone&gt;');
    expect(text).not.toMatch(/<[!@#h]/);
    // The note is quoted line by line; the note's own "> fake quote end" stays data.
    expect(text).toContain('\\n> &gt; fake quote end');
    expect(text).toContain('Field notes');
    expect(text).toContain('hcp-000574');
    expect(text).toContain(':no_entry: whatsapp (promotional) revoked 2026-10-02');
    expect(message.text).toContain('&lt;!channel&gt;');
  });

  it('shows the next best action with its top signals and the four feedback controls carrying the recommendation id', () => {
    const message = answerMessage(answer('Next best action: MSL handoff.', [call('get_next_best_actions', nba)]));
    expectSafeMessage(message);
    const text = json(message.blocks);
    expect(text).toContain('+6 open medical question (6 × 1)');
    expect(text).toContain('+0.15 influence');
    expect(text).not.toContain('segment (0.3'); // a zero contribution is not a reason
    expect(text).toContain('Not allowed now: event invitation: no email consent (events) on record');
    const actions = message.blocks.find((block) => block.type === 'actions');
    expect(actions).toBeDefined();
    expect(actions!.block_id).toBe(`omni_recommendation:${REC_ID}`);
    const elements = (actions as unknown as { elements: Record<string, unknown>[] }).elements;
    expect(elements.map((element) => element.action_id)).toEqual([ACTION_IDS.accept, ACTION_IDS.dismiss, ACTION_IDS.why, ACTION_IDS.draft]);
    expect(elements.filter((element) => element.type === 'button').map((element) => element.value)).toEqual([REC_ID, REC_ID, REC_ID]);
    const select = elements.find((element) => element.type === 'static_select') as { options: { value: string }[] };
    expect(select.options.map((option) => option.value)).toEqual(DISMISS_REASONS.map((reason) => `${REC_ID}|${reason.key}`));
    expect(select.options.every((option) => option.value.length <= 150)).toBe(true);
  });

  it('answers a consent question with the deciding record and the compliant alternatives', () => {
    const message = answerMessage(answer('No.', [call('lookup_hcp_profile', profile), call('check_consent', consentNo)]));
    expectSafeMessage(message);
    const text = json(message.blocks);
    expect(text).toContain(':no_entry: *Not allowed*: whatsapp (promotional)');
    expect(text).toContain('`cs-000574-07`');
    expect(text).toContain('revoked since 2026-10-02 via web form');
    expect(text).toContain('Compliant alternatives');
    expect(text).toContain('medical-information request');
    expect(text).not.toContain('Field notes'); // the profile fetched on the way is not what was asked
  });

  it('previews a draft with each sentence traced to its module and version, and feedback on the draft', () => {
    const message = answerMessage(answer('Draft email.', [call('lookup_hcp_profile', profile), call('draft_followup', draft)]));
    expectSafeMessage(message);
    const text = json(message.blocks);
    expect(text).toContain('1. _Dear Dr. Abadi,_ ← `cm-greeting@1` (slots: hcp_name)');
    expect(text).toContain('2. _Thank you for visiting our booth at the November 2026 congress._ ← `cm-congress-follow-up@1`');
    expect(text).toContain('4. _Taylor Brandt_ ← `cm-sign-off@1` (slots: rep_name)');
    expect(text).toContain('> Dear Dr. Abadi,');
    const actions = message.blocks.find((block) => block.type === 'actions') as { block_id: string; elements: { action_id: string }[] };
    expect(actions.block_id).toBe(`omni_draft:${DRAFT_ID}`);
    expect(actions.elements.map((element) => element.action_id)).toEqual([ACTION_IDS.accept, ACTION_IDS.dismiss]);
  });

  it('says why a draft was refused, with the failed gate and what to do instead', () => {
    const refused: DraftOutput = {
      status: 'refused',
      reason: 'no_consent',
      message: 'no WhatsApp consent <!channel>',
      gates: [{ gate: 'consent', passed: false, reason: 'WhatsApp consent revoked on 2026-10-02', records: ['cs-1'] }],
      alternatives: ['email (consented)'],
    };
    const message = answerMessage(answer('No draft.', [call('draft_followup', refused)]));
    expectSafeMessage(message);
    expect(json(message.blocks)).toContain(':no_entry: *No draft*: no WhatsApp consent &lt;!channel&gt;');
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('lists a territory plan and an explanation', () => {
    const message = answerMessage(answer('Plan.', [call('plan_territory', plan), call('explain_recommendation', explanation)]));
    expectSafeMessage(message);
    const text = json(message.blocks);
    expect(text).toContain('*1. Julia Haddad, MD* `hcp-000547`');
    expect(text).toContain('[dead end]');
    expect(text).toContain(':mag: *Why msl handoff* via msl meeting');
    expect(text).toContain(':no_entry: *approved email*: approved email: no email consent on record');
  });

  it('falls back to the plain answer, and skips results that are not ok or do not parse', () => {
    const message = answerMessage(answer("I can't answer that offline <!here>.", [call('lookup_hcp_profile', { error: 'invalid_arguments' }, 'invalid'), call('get_next_best_actions', { status: 'not_found', message: 'no HCP' })]));
    expectSafeMessage(message);
    expect(message.blocks.filter((block) => block.type === 'section')).toHaveLength(1);
    expect(json(message.blocks)).toContain("I can't answer that offline &lt;!here&gt;.");
    expect(message.blocks.at(-1)!.type).toBe('context');
    expect(json(message.blocks.at(-1))).toContain('local:omni-rules-1 · prompt rep aaaaaaaaaaaa');
  });

  it('says once, in the footer, when a demo database answered as of its last day', () => {
    const plain = answerMessage(answer('Plan.', [call('plan_territory', plan)]));
    expect(json(plain.blocks)).not.toContain('Demo data');
    const demo = answerMessage(answer('Plan.', [call('plan_territory', plan)]), { demoDay: '2026-11-20' });
    expectSafeMessage(demo);
    expect(json(demo.blocks).match(/Demo data as of 2026-11-20\./g)).toHaveLength(1);
    expect(json(demo.blocks.at(-1))).toContain('Demo data as of 2026-11-20.');
  });

  it('keeps long answers and many cards within Slack limits', () => {
    const long = Array.from({ length: 400 }, (_, index) => `line ${index} & <b>`).join('\n');
    const many = Array.from({ length: 30 }, (_, index) => call('get_next_best_actions', { ...nba, recommendationId: `dec-${String(index).padStart(26, '0')}`, hcp: { ...nba.hcp, id: `hcp-${index}` } }));
    const message = answerMessage(answer(long, many));
    expectSafeMessage(message);
    expect(message.blocks).toHaveLength(50);
    expect(json(message.blocks)).toContain('More results than fit in one Slack message');
    // No entity is cut in half at a section boundary.
    for (const object of textObjects(message.blocks)) expect(object.text).not.toMatch(/&[a-z]*…|&[a-z]*$/);
  });
});

describe('choice buttons', () => {
  const choices = ['Brief me on Laura Alvarez', 'Can I email Laura Alvarez?'];

  it('puts a clarifying answer\'s choices under its text, one button each, the value being the whole question', () => {
    const message = answerMessage(answer("I'm not sure which you mean. Did you want:\n1. Brief me on Laura Alvarez\n2. Can I email Laura Alvarez?", [], choices));
    expectSafeMessage(message, choices);
    expect(message.blocks.map((block) => block.type)).toEqual(['section', 'actions', 'context']);
    const actions = message.blocks[1] as { block_id: string; elements: { type: string; action_id: string; text: { type: string; text: string; emoji: boolean }; value: string }[] };
    expect(actions.block_id).toBe('omni_choices');
    expect(actions.elements).toEqual([
      { type: 'button', action_id: 'omni_choice_1', text: { type: 'plain_text', text: choices[0], emoji: false }, value: choices[0] },
      { type: 'button', action_id: 'omni_choice_2', text: { type: 'plain_text', text: choices[1], emoji: false }, value: choices[1] },
    ]);
    for (const element of actions.elements) expect(element.action_id).toMatch(CHOICE_ACTION_ID);
    // No choices, no buttons.
    expect(answerMessage(answer('Plan.', [call('plan_territory', plan)])).blocks.some((block) => block.block_id === 'omni_choices')).toBe(false);
  });

  it('keeps Slack\'s limits: at most 5 buttons, labels cut to 75 characters, values whole (a choice over 2,000 left out)', () => {
    const long = `Brief me on ${'Maria-Fernanda '.repeat(8)}Alvarez`;
    const many = [long, 'x'.repeat(2_001), ...Array.from({ length: 7 }, (_, index) => `Question ${index + 1}?`), ' ', 'Question 1?'];
    const block = choiceActions(many) as { elements: { action_id: string; text: { text: string }; value: string }[] };
    expect(block.elements).toHaveLength(5);
    expect(block.elements.map((element) => element.value)).toEqual([long, 'Question 1?', 'Question 2?', 'Question 3?', 'Question 4?']);
    expect(block.elements[0]!.text.text).toHaveLength(75);
    expect(block.elements[0]!.text.text.endsWith('…')).toBe(true);
    expect(new Set(block.elements.map((element) => element.action_id)).size).toBe(5);
    expect(choiceActions([])).toBeNull();
    expect(choiceActions(['  '])).toBeNull();
  });

  it('shows a choice with markup as typed: a plain-text label (Slack parses no mention there), escaped fallback text', () => {
    const evil = 'Brief me on <!channel> <@U0SYN0002> & co?';
    const message = answerMessage(answer(`Did you want:\n1. ${evil}`, [], [evil]));
    expectSafeMessage(message, [evil]);
    expect(message.text).toContain('&lt;!channel&gt;');
    const [button] = (message.blocks[1] as { elements: { text: { type: string; text: string }; value: string }[] }).elements;
    expect(button).toMatchObject({ text: { type: 'plain_text', text: evil }, value: evil });
  });
});

describe('noticeMessage', () => {
  it('escapes what it is given', () => {
    const message = noticeMessage('Question from <@U1>: <!channel>');
    expectSafeMessage(message);
    expect(message.text).toBe('Question from &lt;@U1&gt;: &lt;!channel&gt;');
  });
});
