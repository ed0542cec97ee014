/**
 * The ask without the courtesies and texting shorthand around it: "hey omni, quick one: is email ok w/ her?
 * thx in advance" is read as "is email ok with her?". Greetings and thanks carry no intent, but a classifier and
 * word cues see them as words, so the same ask read differently with and without them (the robustness run,
 * evals/robustness, measures this). Only the edges of the question change; a question that is nothing but a
 * greeting or a thanks is left as it is, to be answered as one.
 */

/** A greeting, with whom it greets: "hey omni,", "hi team -", "good morning!". */
const GREETING = /^\s*(?:(?:hi|hey|hello|hiya|yo|howdy|heya)\b(?:\s+(?:omni|there|team|all|again))?|(?:good\s+)?(?:morning|afternoon|evening)\b(?=\s*(?:[,!:\-–—]|omni\b)))(?:\s+omni\b)?\s*[,!.:\-–—]*\s*/i;

/** A preamble that announces the ask: "quick one:", "quick question -", "sorry to bother you,". Needs its punctuation. */
const PREAMBLE = /^\s*(?:(?:\d|two|three|a couple of|couple of|a few) (?:things|questions|qs|asks)|quick (?:one|q|question|ask)|(?:one )?(?:more |other )?question|q|sorry to bother(?: you)?|sorry|hope (?:you're|you are|ur) well|one more thing|random one|real quick)\s*[,!:\-–—]+\s*/i;

/** Thanks or "pls" closing the question: ", thanks!", " - thx in advance", " ty". */
const COURTESY = String.raw`(?:thanks|thank you|thank u|thx|ty|tysm|cheers|pls|plz|please|appreciate it|much appreciated)(?: so much| a lot| again| in advance)?`;
const CLOSING_AFTER_PUNCTUATION = new RegExp(String.raw`\s*[,.!?;:\-–—]+\s*${COURTESY}[\s!.]*$`, 'i');
/** Without punctuation only when the word before cannot make it part of the ask ("draft a thank you" keeps it). */
const CLOSING_BARE = new RegExp(String.raw`(?<!\b(?:a|an|the|quick|short|say|send|sent|of|for|my|our|no|to|simple|brief|nice|big|written|formal)) +${COURTESY}[\s!.]*$`, 'i');

/** Texting shorthand that word cues are not written for: "w/" and "w/o", "u", contractions without their apostrophe ("hows", "havent"). */
const SHORTHAND: [RegExp, string][] = [
  // Slack emoji codes and emoji carry no ask: "top 8 for monday :pray:".
  [/:[a-z][a-z0-9_+-]{0,30}:/gi, ' '],
  [/\p{Extended_Pictographic}\uFE0F?/gu, ' '],
  // A space lost before "I": "canI text her".
  [/\b(can|may|could|should|do|did|will|would|shall|am|have)I\b/g, '$1 I'],
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?!w\b)\s*/gi, 'with '],
  [/(?<![/-])\bw (?=(?:her|him|them|dr|doctor|the|this|that|my|our|a|an)\b)/gi, 'with '],
  [/(?<![/-])\bu\b(?![-/])/gi, 'you'],
  [/\b(how|who|where)s\b/gi, "$1's"],
  [/\b(have|has|is|does|do|ca|did|was|are|would|could|should|were|had)nt\b/gi, "$1n't"],
  // Dictated from the car: spoken punctuation ("can i call her question mark"); "period" only at the end, where it is no time span.
  [/\s*\b(?:question mark)\b/gi, '?'],
  [/\s*\b(?:exclamation (?:mark|point))\b/gi, '!'],
  [/\s*\bcomma\b(?=\s)(?!\s*(?:separated|delimited)\b)/gi, ','],
  [/\s*\bfull stop\s*$/gi, '.'],
  [/(?<!\b(?:last|this|previous|prior|same|comparison|that|the|a|each|per|reporting|time|trial|grace|review|whole|entire|current|next|of)) +period\s*$/gi, '.'],
];

/** A word left: a question that is only a greeting or a thanks stays one. */
const hasAsk = (text: string): boolean => /[a-z0-9]/i.test(text);

/** "1) who should i see 2) can i email her": the numbered asks, one question each. */
function numberedAsks(text: string): string {
  if (!/(?:^|\s)\(?1[).]\s/.test(text) || !/\s\(?2[).]\s/.test(text)) return text;
  let first = true;
  const asks = text.replace(/(^|\s+)\(?[1-9][).]\s+/g, () => {
    const separator = first ? ' ' : '? ';
    first = false;
    return separator;
  });
  return asks.replace(/\?\s*\?/g, '?').trim();
}

export function plainQuestion(question: string): string {
  let text = numberedAsks(SHORTHAND.reduce((rest, [pattern, long]) => rest.replace(pattern, long), question));
  for (const edge of [GREETING, PREAMBLE, GREETING]) {
    const without = text.replace(edge, '');
    if (without !== text && hasAsk(without)) text = without;
  }
  for (let repeat = 0; repeat < 2; repeat++) {
    // A question mark before the thanks stays: it marks the ask as a question.
    const without = text.replace(CLOSING_AFTER_PUNCTUATION, (closing) => (closing.includes('?') ? '?' : '')).replace(CLOSING_BARE, '');
    if (without === text || !hasAsk(without)) break;
    text = without;
  }
  return text;
}
