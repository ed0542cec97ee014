/**
 * Meaning-preserving rewrites of a question, the way the same person types the same ask on another day:
 * in lowercase without punctuation, with a greeting or a "thanks", a typo, "u" for "you", contractions
 * spelled out or in, the title left off a name. The robustness run (run.ts) asks each development question
 * both ways and counts how often the rewrite changes the outcome: a measure of how Omni generalises that no
 * one set of questions gives.
 *
 * Each rewrite is deterministic (its choices hash the question) and returns null when it does not apply
 * (nothing to change), so only real variants are counted.
 */

export type Perturbation = (question: string) => string | null;

/** A stable number from a text (FNV-1a), so each question always gets the same variant. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const choose = <T>(question: string, options: readonly T[]): T => options[textHash(question) % options.length]!;
const changed = (question: string, variant: string): string | null => (variant.trim() === question.trim() ? null : variant);
/** The question with its first letter in lowercase, to follow a prefix ("hey omni, which…"), unless it starts a name or "I". */
const lowerFirst = (question: string): string => (/^(I\b|I'|[A-Z][a-z]+ [A-Z]|[A-Z]{2})/.test(question) ? question : question.charAt(0).toLowerCase() + question.slice(1));

/** Slack brevity: lowercase, no question mark or full stop at the end. */
const lowercaseNoPunctuation: Perturbation = (question) => changed(question, question.toLowerCase().replace(/[?.!\s]+$/, ''));

const GREETINGS = ['hey omni, ', 'hi! ', 'morning - ', 'quick one: ', 'hello, '] as const;
/** A greeting before the ask. */
const greeting: Perturbation = (question) => changed(question, choose(question, GREETINGS) + lowerFirst(question));

const THANKS = [' thanks', ' pls', ', thank you!', ' ty', ' - thx in advance'] as const;
/** Thanks or "pls" after the ask. */
const thanks: Perturbation = (question) => changed(question, question.replace(/\s+$/, '') + choose(question, THANKS));

/** One typo: two letters in the middle of a common word of six letters or more swapped (names, ids and capitalised words left alone). */
const typo: Perturbation = (question) => {
  const words = [...question.matchAll(/\b[a-z]{6,}\b/g)];
  if (words.length === 0) return null;
  const word = choose(question, words);
  const at = 2 + (textHash(word[0]) % (word[0].length - 4));
  const swapped = word[0].slice(0, at) + word[0][at + 1] + word[0][at] + word[0].slice(at + 2);
  return changed(question, question.slice(0, word.index) + swapped + question.slice(word.index! + word[0].length));
};

const SHORTHAND: [RegExp, string][] = [
  [/\byou\b/gi, 'u'],
  [/\byour\b/gi, 'ur'],
  [/\bplease\b/gi, 'pls'],
  [/\bwith\b/gi, 'w/'],
  [/\btomorrow\b/gi, 'tmrw'],
  [/\bbecause\b/gi, 'bc'],
  [/\bthanks\b/gi, 'thx'],
  [/\bmessage\b/gi, 'msg'],
  [/\bright now\b/gi, 'rn'],
  [/\bfor your information\b/gi, 'fyi'],
];
/** Texting shorthand: "u", "pls", "w/", "tmrw". */
const shorthand: Perturbation = (question) => changed(question, SHORTHAND.reduce((text, [pattern, short]) => text.replace(pattern, short), question));

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwhat's\b/gi, 'what is'],
  [/\bwho's\b/gi, 'who is'],
  [/\bhow's\b/gi, 'how is'],
  [/\bwhere's\b/gi, 'where is'],
  [/\bthat's\b/gi, 'that is'],
  [/\bit's\b/gi, 'it is'],
  [/\bcan't\b/gi, 'cannot'],
  [/\bdon't\b/gi, 'do not'],
  [/\bdoesn't\b/gi, 'does not'],
  [/\bisn't\b/gi, 'is not'],
  [/\baren't\b/gi, 'are not'],
  [/\bhaven't\b/gi, 'have not'],
  [/\bhasn't\b/gi, 'has not'],
  [/\bwon't\b/gi, 'will not'],
  [/\bI'm\b/g, 'I am'],
  [/\bi'm\b/g, 'i am'],
  [/\bI've\b/g, 'I have'],
  [/\bI'd\b/g, 'I would'],
  [/\blet's\b/gi, 'let us'],
];
const SPELLED: [RegExp, string][] = [
  [/\bwhat is\b/gi, "what's"],
  [/\bwho is\b/gi, "who's"],
  [/\bcan not\b|\bcannot\b/gi, "can't"],
  [/\bdo not\b/gi, "don't"],
  [/\bdoes not\b/gi, "doesn't"],
  [/\bis not\b/gi, "isn't"],
  [/\bhave not\b/gi, "haven't"],
  [/\bI am\b/g, "I'm"],
];
/** Contractions spelled out ("what's" → "what is"), or, when there are none, made ("do not" → "don't"), or their apostrophes dropped ("whats"). */
const contractions: Perturbation = (question) => {
  const spelledOut = CONTRACTIONS.reduce((text, [pattern, long]) => text.replace(pattern, long), question);
  if (spelledOut !== question) return textHash(question) % 2 === 0 ? spelledOut : question.replace(/\b(\w+)'(s|t|m|re|ve|d|ll)\b/g, '$1$2');
  return changed(question, SPELLED.reduce((text, [pattern, short]) => text.replace(pattern, short), question));
};

/** The title left off a name ("Dr. Kim" → "Kim"), or put on when the question names no doctor that way. */
const noTitle: Perturbation = (question) => changed(question, question.replace(/\b(?:Dr\.?|dr\.?|doctor)\s+(?=[A-Za-z])/g, ''));

/** No punctuation at all (commas, question marks, full stops), as typed on a phone. */
const noPunctuation: Perturbation = (question) => changed(question, question.replace(/(?<=\w)[,;:!?]+(?=\s|$)|(?<=[a-z0-9])\.(?=\s|$)/g, '').replace(/\s{2,}/g, ' ').trim());

export const PERTURBATIONS = {
  'lowercase, no final punctuation': lowercaseNoPunctuation,
  'greeting first': greeting,
  'thanks or pls after': thanks,
  'one typo': typo,
  'texting shorthand': shorthand,
  'contractions': contractions,
  'no title before a name': noTitle,
  'no punctuation': noPunctuation,
} as const satisfies Record<string, Perturbation>;

export type PerturbationName = keyof typeof PERTURBATIONS;
