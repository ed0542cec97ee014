import { describe, expect, it } from 'vitest';
import { policyAnswer, policyTopic } from './policy-answers.ts';

describe('policy answers', () => {
  it('finds the topic a policy question is about', () => {
    expect(policyTopic('can i take her to lunch after the talk?')).toBe('meals_gifts');
    expect(policyTopic('a kol wants $5k for a speaker program dinner, ok?')).toBe('speaker_fees');
    expect(policyTopic('a patient on gilenya had a really slow heart rate after the first dose, what do i do')).toBe('adverse_event');
    expect(policyTopic('she asked if xeljanz works for alopecia')).toBe('off_label');
    expect(policyTopic('can i leave samples at the front desk')).toBe('samples');
    expect(policyTopic('what are the rules here')).toBeNull();
  });

  it('names the rule and the compliant route, and says it is general guidance', () => {
    const { topic, answer } = policyAnswer('a doctor told me her patient got jaundice on xeljanz, what should i do?');
    expect(topic).toBe('adverse_event');
    expect(answer).toMatch(/^Rule: /);
    expect(answer).toMatch(/within one business day/);
    expect(answer).toMatch(/What to do: /);
    expect(answer).toMatch(/Omni cannot file the report itself yet/);
    expect(policyAnswer('what are the rules').answer).toMatch(/not your company's SOP/);
  });
});
