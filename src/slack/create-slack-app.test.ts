import { describe, expect, it } from 'vitest';
import { slackTextToPlain, threadIdFor } from './create-slack-app.ts';
import { assertThreadId } from '../agent/conversation-memory.ts';

describe('slackTextToPlain', () => {
  it('drops the app’s own mention and turns Slack markup back into what was typed', () => {
    expect(slackTextToPlain('<@U0OMNIBOT> brief me on Dr. O&amp;Brien', 'U0OMNIBOT')).toBe('brief me on Dr. O&Brien');
    expect(slackTextToPlain('<@U0OMNIBOT|omni>   can I   email\nher?', 'U0OMNIBOT')).toBe('can I email her?');
    expect(slackTextToPlain('ask <@U0SYN0002|casey> and <@U0SYN0003> in <#C123|field-team>', 'U0OMNIBOT')).toBe('ask @casey and @U0SYN0003 in #field-team');
    expect(slackTextToPlain('see <https://example.com/a?b=1|the deck> or <mailto:x@example.com>', 'U0OMNIBOT')).toBe('see the deck or mailto:x@example.com');
    expect(slackTextToPlain('<!channel> <!subteam^S123|@reps> 2 &lt; 3 &gt; 1', 'U0OMNIBOT')).toBe('@channel @reps 2 < 3 > 1');
    expect(slackTextToPlain('<@U0OMNIBOT>', 'U0OMNIBOT')).toBe('');
  });
});

describe('threadIdFor', () => {
  it('makes one conversation id per channel and thread root, valid for the agent’s memory', () => {
    const id = threadIdFor('C0123ABC', '1763600000.000100');
    expect(id).toBe('slack:C0123ABC:1763600000.000100');
    expect(() => assertThreadId(id)).not.toThrow();
  });
});
