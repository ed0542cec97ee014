import { describe, expect, it } from 'vitest';
import { notesTopics } from './notes-topic.ts';
import type { Lexicon } from './question-parser.ts';

const lexicon: Lexicon = {
  firstNames: new Set(['maria']),
  lastNames: new Set(['hughes']),
  products: new Map([
    ['keytruda', 'prod-keytruda'],
    ['xeljanz', 'prod-xeljanz'],
    ['dimethyl fumarate', 'prod-tecfidera'],
  ]),
  territoryNames: new Map([['northeast', ['T-NE']]]),
  repNames: new Map(),
  cities: new Set(['boston']),
};

describe('notesTopics: what a field-notes question asks about beyond the known filters', () => {
  it('reads each of "abuse or overdose", "depression / suicide": each looked up on its own', () => {
    expect(notesTopics('abuse or overdose mentions on keytruda', lexicon)).toEqual(['abuse', 'overdose']);
    expect(notesTopics('depression / suicide mentions tied to xeljanz?', lexicon)).toEqual(['depression', 'suicide']);
    expect(notesTopics('any deaths or hospitalizations mentioned in the notes?', lexicon)).toEqual(['deaths', 'hospitalizations']);
  });

  it.each([
    ['are docs angry about keytruda pricing', 'pricing'],
    ['liver failure chatter on xeljanz in my notes', 'liver failure'],
    ['xeljanz boxed warning concerns from the field, last 90', 'boxed warning'],
    ['anything on flushing with dimethyl fumarate in the northeast lately?', 'flushing'],
  ])('%s → %s', (question, topic) => {
    expect(notesTopics(question, lexicon)).toEqual([topic]);
  });

  it('leaves out tone and filler: "pregnancies gone wrong", "who keeps attacking keytruda out there"', () => {
    expect(notesTopics('any pregnancies gone wrong on xeljanz per the field notes', lexicon)).toEqual(['pregnancies']);
    expect(notesTopics('who keeps attacking keytruda out there', lexicon)).toEqual([]);
  });

  it.each([
    'What is the field hearing about KEYTRUDA?',
    'what are oncologists asking about since the congress?',
    'any safety signals in the notes this month?',
    'open med questions nobody has answered yet in boston',
    'maria hughes - anything in the notes?',
    // A competitor is read as the competitor-mentions topic.
    'what are docs saying about rinvoq vs xeljanz',
    // A sentence, not a topic.
    'could you explain in detail what the teams think about the new patient hub rollout',
  ])('%s → no topic', (question) => {
    expect(notesTopics(question, lexicon)).toEqual([]);
  });
});
