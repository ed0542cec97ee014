import { describe, expect, it } from 'vitest';
import { plainQuestion } from './plain-question.ts';

describe('plainQuestion', () => {
  it('drops greetings, preambles and closing thanks around the ask', () => {
    expect(plainQuestion('hey omni, quick one: is email ok w/ her? thx in advance')).toBe('is email ok with her?');
    expect(plainQuestion('morning - ferreira engagement rate pls')).toBe('ferreira engagement rate');
    expect(plainQuestion('hello, my top 10 this week?')).toBe('my top 10 this week?');
    expect(plainQuestion('ok snooze it, bring it back friday - thx in advance')).toBe('ok snooze it, bring it back friday');
    expect(plainQuestion('draft it ty')).toBe('draft it');
    expect(plainQuestion('accept, thanks')).toBe('accept');
  });

  it('reads numbered asks as one question each', () => {
    expect(plainQuestion('2 things:\n1) who should i prioritize this week\n2) can i email nadia bauer')).toBe('who should i prioritize this week? can i email nadia bauer');
    expect(plainQuestion('1) brief on reyes 2) can i email her?')).toBe('brief on reyes? can i email her?');
    expect(plainQuestion('top 3) docs')).toBe('top 3) docs');
  });

  it('drops Slack emoji codes and emoji, and puts back a space lost before "I"', () => {
    expect(plainQuestion('top 8 for monday :pray:').trim()).toBe('top 8 for monday');
    expect(plainQuestion('who should i see :eyes: today 🙏').replace(/\s+/g, ' ').trim()).toBe('who should i see today');
    expect(plainQuestion('canI text mei kim')).toBe('can I text mei kim');
    expect(plainQuestion('meeting at 10:30:00')).toBe('meeting at 10:30:00');
  });

  it('keeps words that are part of the ask', () => {
    expect(plainQuestion('draft a thank you')).toBe('draft a thank you');
    expect(plainQuestion('send her a thank you note')).toBe('send her a thank you note');
    expect(plainQuestion('morning visits for reyes')).toBe('morning visits for reyes');
    expect(plainQuestion('question about samples')).toBe('question about samples');
    expect(plainQuestion('no thanks')).toBe('no thanks');
    expect(plainQuestion('w/w trend of reach')).toBe('w/w trend of reach');
  });

  it('leaves a question that is only a greeting or a thanks as it is', () => {
    for (const question of ['hi!', 'thanks!', 'thank you', 'hi omni']) expect(plainQuestion(question)).toBe(question);
  });

  it('spells out texting shorthand but not ids', () => {
    expect(plainQuestion('can u do it as a text')).toBe('can you do it as a text');
    expect(plainQuestion('docs w/o a visit in my territory')).toBe('docs without a visit in my territory');
    expect(plainQuestion('what did u-rep-ne-1 log')).toBe('what did u-rep-ne-1 log');
    expect(plainQuestion('med f/u rate by product')).toBe('med f/u rate by product');
    expect(plainQuestion('hows that vs last qtr, who havent i seen')).toBe("how's that vs last qtr, who haven't i seen");
    expect(plainQuestion('themes from T-W this month')).toBe('themes from T-W this month');
    expect(plainQuestion('an option w her')).toBe('an option with her');
    expect(plainQuestion('i cant and she doesnt')).toBe("i can't and she doesn't");
  });

  it('reads punctuation dictated from the car, but keeps "last period" and "comma separated"', () => {
    expect(plainQuestion('can i call them question mark')).toBe('can i call them?');
    expect(plainQuestion('brief me on doctor patel comma then can i email her question mark')).toBe('brief me on doctor patel, then can i email her?');
    expect(plainQuestion('who do i see today period')).toBe('who do i see today.');
    expect(plainQuestion('reach compared with last period')).toBe('reach compared with last period');
    expect(plainQuestion('a comma separated list of my docs')).toBe('a comma separated list of my docs');
  });
});
