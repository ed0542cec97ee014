import { describe, expect, it } from 'vitest';
import { channelsAsked, DEAD_END_WORDS, OPEN_QUESTIONS, parseQuestion, readEntities, withIntent, type Intent, type Lexicon } from './question-parser.ts';

const lexicon: Lexicon = {
  firstNames: new Set(['emily', 'laura', 'kevin', 'michael']),
  lastNames: new Set(['reyes', 'alvarez', 'sato', 'patel', 'costa']),
  products: new Map([
    ['keytruda', 'prod-keytruda'],
    ['pembrolizumab', 'prod-keytruda'],
    ['xeljanz', 'prod-xeljanz'],
  ]),
  territoryNames: new Map([
    ['northeast', ['T-NE']],
    ['t-ne', ['T-NE']],
    ['midwest', ['T-MW']],
  ]),
  repNames: new Map([['taylor brandt', 'u-rep-ne-1']]),
};
const parse = (question: string) => parseQuestion(question, lexicon, '2026-11-20T18:00:00.000Z');

// The rules reader is the baseline the bench measures the trained pipeline against; it never produced these intents.
const phrasings: Record<Exclude<Intent, 'unknown' | 'policy' | 'adverse_event' | 'greeting' | 'out_of_scope'>, string[]> = {
  brief: ['Brief me on Dr. Reyes before tomorrow', 'prep me for my visit with Laura Alvarez', 'What do we know about Sato?', 'tell me about hcp-000020', 'catch me up on her'],
  next_action: ['What should I do next with her, and why?', 'next best action for Dr. Costa', "what's the best next step with Kevin Sato", 'How should I follow up with Patel?'],
  consent: ['can I email her?', 'Am I allowed to WhatsApp Dr. Reyes?', 'is it ok to text Michael Patel', 'do we have consent to call him?', 'May I e-mail Costa about KEYTRUDA?'],
  content: ['What approved content do we have on KEYTRUDA immune-mediated adverse reactions?', 'show me materials about infection risk for Xeljanz', 'anything approved on liver enzyme monitoring?', 'which modules can I share about pembrolizumab dosing'],
  draft: ['Draft a follow-up after the webinar she attended', 'write an email to Dr. Alvarez about the congress', 'compose a follow-up message to him', 'prepare a WhatsApp follow-up for Sato'],
  plan: ['Who should I see this week?', 'who do I need to visit first', 'plan my week', 'which doctors need attention?'],
  why_not: ['why not email her?', "Why isn't a field visit recommended?", 'why not call Dr. Reyes?', "why can't I WhatsApp him"],
  why: ['why?', 'why that recommendation?', 'Why is this suggested?'],
  feedback: ['snooze it until 2026-12-01', 'dismiss that recommendation', 'accept it'],
  insights: [
    'what are oncologists asking about since the congress?',
    'any safety signals in the notes this month?',
    'What is the field hearing about KEYTRUDA?',
    'top themes from field notes last quarter',
    'any unanswered medical questions?',
    'competitor mentions this month',
  ],
  performance: [
    "how's the Northeast doing on follow-ups vs last quarter?",
    'which reps have the most dead ends?',
    'what is our email open rate by channel?',
    'consent coverage by channel',
    'show me over-contacted HCPs in the Midwest',
    'NBA acceptance rate by rep',
  ],
  refine: ['break that down by rep', 'and what about safety concerns?', 'by territory', 'same for last quarter'],
  maturity: ['where are we on omnichannel maturity?', 'How mature is our omnichannel setup?', 'what should we build next?'],
  capabilities: ['what can you do?', 'help'],
};

describe('parseQuestion', () => {
  for (const [intent, questions] of Object.entries(phrasings)) {
    for (const question of questions) {
      it(`reads "${question}" as ${intent}`, () => expect(parse(question).intent).toBe(intent));
    }
  }

  it('says so when it cannot tell', () => {
    expect(parse('what is the capital of France?').intent).toBe('unknown');
    expect(parse('write me a poem about the sea').intent).toBe('unknown');
  });

  it('finds names, ids, pronouns, channels, products and periods', () => {
    expect(parse('Brief me on Dr. Emily Reyes').hcpName).toBe('Emily Reyes');
    expect(parse("what's new with Alvarez's patients").hcpName).toBe('Alvarez');
    expect(parse('tell me about HCP-000020').hcpId).toBe('hcp-000020');
    expect(parse('can I email her?')).toMatchObject({ pronoun: true, channel: 'email', hcpName: null });
    expect(parse('can I whats app him').channel).toBe('whatsapp');
    expect(parse('can I send him a text').channel).toBe('sms');
    expect(parse('why not a field visit?')).toMatchObject({ channel: 'field_visit', action: 'field_visit' });
    expect(parse('approved content on pembrolizumab dosing').productId).toBe('prod-keytruda');
    expect(parse('what has she done since the congress?').period).toMatchObject({ kind: 'since_event', event: 'congress' });
    expect(parse('what did she read last week?').period).toMatchObject({ kind: 'days', days: 7 });
    expect(parse('snooze it until 2026-12-01').feedback).toEqual({ verdict: 'snooze', until: '2026-12-01' });
    expect(parse('snooze that till Dec 15').feedback).toEqual({ verdict: 'snooze', until: '2026-12-15' });
    expect(parse('snooze it until the 3rd of January').feedback).toEqual({ verdict: 'snooze', until: '2027-01-03' });
    expect(parse('what should I do with the first one?')).toMatchObject({ intent: 'next_action', ordinal: 1 });
    expect(parse('brief me on number 3').ordinal).toBe(3);
    expect(parse('and the last one?').ordinal).toBe(-1);
    expect(parse("skip the first, who's next").ordinal).toBe(2);
    expect(parse('after the second one, who is next?').ordinal).toBe(3);
    expect(parse('same stretch last year').analytics).toMatchObject({ compare: 'previous_year' });
  });

  it('reads the metric, breakdown, filters and period of a manager or medical-affairs question', () => {
    expect(parse("how's the Northeast doing on follow-ups vs last quarter?").analytics).toMatchObject({
      metric: 'follow_up_rate',
      territories: ['T-NE'],
      period: 'last_90_days',
      compare: 'previous_period',
    });
    expect(parse('which reps have the most dead ends?').analytics).toMatchObject({ metric: 'dead_end_rate', dimension: 'rep', ranked: true });
    expect(parse('what are oncologists asking about since the congress?').analytics).toMatchObject({ specialty: 'oncology', sinceCongress: true });
    expect(parse('any safety signals in the notes this month?').analytics).toMatchObject({ concern: 'side effects', period: 'this_month' });
    expect(parse('how is the midwest doing on email open rate compared with last year?').analytics).toMatchObject({ metric: 'email_open_rate', territories: ['T-MW'], compare: 'previous_year' });
    // Every question carries an analytics reading now (follow-ups read it); a rep question's is empty, and adverse-reaction content is still a content question.
    expect(parse('can I email her?').analytics).toMatchObject({ metric: null, dimension: null, territories: [], concern: null });
    expect(parse('What approved content do we have on KEYTRUDA immune-mediated adverse reactions?').intent).toBe('content');
  });

  it('never reads a blank territory name (an HCP stored without a territory) into a question', () => {
    const blank: Lexicon = { ...lexicon, territoryNames: new Map([...lexicon.territoryNames, ['', ['']]]) };
    expect(parseQuestion('any safety signals in the notes in the last 90 days?', blank, '2026-11-20T18:00:00.000Z').analytics?.territories).toEqual([]);
  });

  it('keeps intent words out of the content topic', () => {
    expect(parse('What approved content do we have on KEYTRUDA immune-mediated adverse reactions?').topic).toBe('KEYTRUDA immune-mediated adverse reactions');
  });
});

describe('verdicts on a recommendation', () => {
  it('reads dismissals in field words, and a snooze till a holiday as its date', () => {
    const today = '2026-11-20T18:00:00.000Z';
    const parse = (question: string) => withIntent(readEntities(question, lexicon, today), 'feedback', ` ${question.toLowerCase()} `, today);
    expect(parse("kill the nba for Dr. Reyes, it's garbage").feedback).toMatchObject({ verdict: 'dismiss' });
    expect(parse('not useful, he moved into management').feedback).toMatchObject({ verdict: 'dismiss' });
    // 2026-11-20: Thanksgiving is Thursday 2026-11-26.
    expect(parse('snooze the suggestion for Reyes till after thanksgiving').feedback).toEqual({ verdict: 'snooze', until: '2026-11-27' });
    expect(parse('snooze it until christmas').feedback).toEqual({ verdict: 'snooze', until: '2026-12-25' });
    expect(parse('snooze it till labor day').feedback?.until).toBe('2027-09-06');
    expect(parse("push Dr. Reyes's recommendation out 3 weeks").feedback?.verdict).toBe('snooze');
    expect(parse('snooze till the 27th').feedback?.until).toBe('2026-11-27');
    expect(parse('snooze till the 3rd').feedback?.until).toBe('2026-12-03');
    expect(parse('why not just go see her').channel).toBe('field_visit');
  });
});

describe('field words for verdicts, lists and channels', () => {
  const names: Lexicon = { ...lexicon, firstNames: new Set(['ibrahim', 'ethan']), lastNames: new Set(['park', 'mwangi', 'brennan']) };
  const today = '2026-11-20T18:00:00.000Z';

  it('"park ibrahim mwangi until jan 5": a snooze of Ibrahim Mwangi, "park" no part of the name', () => {
    const parsed = withIntent(readEntities('park ibrahim mwangi until jan 5', names, today), 'feedback', ' park ibrahim mwangi until jan 5 ', today);
    expect(parsed.hcpName).toBe('ibrahim mwangi');
    expect(parsed.feedback).toMatchObject({ verdict: 'snooze', until: '2027-01-05' });
  });

  it.each(['the ethan brennan recommendation is junk, throw it out', "andrew's rec is off, he moved. toss it"])('"%s" dismisses', (question) => {
    expect(withIntent(readEntities(question, names, today), 'feedback', ` ${question} `, today).feedback?.verdict).toBe('dismiss');
  });

  it('reads "phoning" as the phone channel and "phone n sms" as two channels asked', () => {
    expect(readEntities('what about phoning them', names, today).channel).toBe('phone');
    expect(channelsAsked(' fatima mahmoud - phone n sms, which r allowed ')).toEqual(['sms', 'phone']);
  });

  it.each(["who's blowing me off after requesting info", 'leads that went cold after clicking our stuff', 'docs who engaged then dropped off'])('"%s" is a dead end', (question) => {
    expect(DEAD_END_WORDS.test(question)).toBe(true);
  });

  it('reads a pending medical-information request as an open question', () => {
    expect(OPEN_QUESTIONS.test('which of my docs have a med info request still pending')).toBe(true);
  });
});

describe('verdict dates, channels and positions in still other words', () => {
  const today = '2026-11-20T18:00:00.000Z';
  const names: Lexicon = { ...lexicon, firstNames: new Set(['victor', 'luis']), lastNames: new Set(['morales']) };
  const feedback = (question: string) => withIntent(readEntities(question, names, today), 'feedback', ` ${question} `, today).feedback;

  it('reads snoozes said "for 2 wks", "til 12/10", "till the end of the month", "hold the rec till monday", "mute"', () => {
    expect(feedback('snooze it for 2 wks, he is at a conference')).toMatchObject({ verdict: 'snooze', until: '2026-12-04' });
    expect(feedback("mute luis morales's recommendation til 12/10")).toMatchObject({ verdict: 'snooze', until: '2026-12-10' });
    expect(feedback('snooze till the end of the month')).toMatchObject({ verdict: 'snooze', until: '2026-11-30' });
    expect(feedback('hold the rec till monday pls')).toMatchObject({ verdict: 'snooze', until: '2026-11-23' });
  });

  it('reads "whatsapping", "over video", "second-to-last one" and a first name that is also a word where a person is meant', () => {
    expect(readEntities('will i get fired for whatsapping him', names, today).channel).toBe('whatsapp');
    expect(readEntities('what about over video', names, today).channel).toBe('remote_detail');
    expect(readEntities('second-to-last one, who is it', names, today).ordinal).toBe(-2);
    expect(readEntities('could you pull up what we have on victor? seeing him soon', names, today).hcpName).toBe('victor');
    expect(readEntities('a victor for the team', names, today).hcpName).toBeNull();
  });
});

