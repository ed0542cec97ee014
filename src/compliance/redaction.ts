import { readFileSync } from 'node:fs';

/**
 * Redaction of personal data from every quote Omni shows (field notes in briefs and insight summaries;
 * see docs/redaction.md). Deterministic, no network: patterns, two word lists
 * (data/redaction/, rebuilt by build-name-lexicon.ts) and the names the caller knows.
 *
 * What goes, and what stands in its place:
 * - names of people: "[name]". Every person's name, the HCP the note is about and Omni's users
 *   included: the answer names the HCP and the note's author beside the quote, from the record, so
 *   the quote never needs to. Titles stay ("Mrs. [name]"); initials ("pt J.M., 63F") stay.
 * - email addresses, phone numbers (US and international), account, card, member and social-security
 *   numbers (whole or partial: "ending 4821", "acct #...", "••4605"), street addresses and PO boxes,
 *   dates of birth ("DOB 3/4/1961", "born 04.03.61", any numeric date before 2013) and medical record
 *   numbers: "[redacted email]", "[redacted phone]", "[redacted account]", "[redacted address]",
 *   "[redacted date of birth]", "[redacted MRN]".
 * Product names (brand and generic), competitors, clinical and common words are kept.
 */
export type PersonalDataKind = 'name' | 'email' | 'phone' | 'account' | 'address' | 'dob' | 'mrn';

export const REDACTION_MARKS: Readonly<Record<PersonalDataKind, string>> = {
  name: '[name]',
  email: '[redacted email]',
  phone: '[redacted phone]',
  account: '[redacted account]',
  address: '[redacted address]',
  dob: '[redacted date of birth]',
  mrn: '[redacted MRN]',
};

export interface Finding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export interface RedactorOptions {
  /** Names known to be people's (the HCPs', the users'): redacted wherever they stand as whole words. */
  names?: Iterable<string>;
  /** Product brand and generic names, competitors: never taken for a name, whatever the context. */
  products?: Iterable<string>;
  /** More words never taken for a name on their own (an institution, a city); a name's context still wins. */
  keep?: Iterable<string>;
}

export const GIVEN_NAMES_PATH = 'data/redaction/given-names.txt';
export const VOCABULARY_PATH = 'data/redaction/vocabulary.txt';

let lists: { given: Set<string>; vocabulary: Set<string> } | null = null;
function wordLists(): { given: Set<string>; vocabulary: Set<string> } {
  if (lists) return lists;
  const read = (path: string) => readFileSync(path, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  lists = { given: new Set(read(GIVEN_NAMES_PATH).map((name) => name.toLowerCase())), vocabulary: new Set([...read(VOCABULARY_PATH), ...BUILT_IN_VOCABULARY]) };
  return lists;
}

/** Calendar words, places and organisations a note names often; never a name alone. */
const BUILT_IN_VOCABULARY = (
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky ' +
  'louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina ' +
  'dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington wisconsin wyoming ' +
  'boston chicago houston phoenix philadelphia antonio diego dallas austin seattle denver atlanta miami baltimore detroit nashville portland ' +
  'medicare medicaid tricare aetna cigna humana anthem kaiser optum unitedhealthcare caremark walgreens cvs express scripts blue cross shield ' +
  'asco ash eular acr aan esmo aad ada ectrims webinar congress zoom teams slack veeva outlook gmail visa mastercard amex paypal venmo zelle ' +
  'canada mexico brazil argentina chile colombia peru uk britain england scotland wales ireland france germany spain portugal italy netherlands belgium ' +
  'switzerland austria sweden norway denmark finland poland greece turkey russia ukraine israel egypt nigeria kenya india pakistan china japan korea ' +
  'vietnam thailand philippines indonesia australia zealand london paris berlin madrid rome milan amsterdam brussels zurich geneva vienna dublin ' +
  'toronto montreal vancouver tokyo beijing shanghai mumbai delhi sydney melbourne'
).split(' ');

/**
 * Whether a word is a dictionary word (common English or clinical, an inflection of one, or hyphenated
 * parts that each are): what a theme label may show. A name ("Quistani") is not one.
 */
export function isDictionaryWord(word: string): boolean {
  return isKnownWord(word.toLowerCase());
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A lower-case word in the vocabulary or in `also`, as written, without accents, or as an inflection; a hyphenated one when each part is ("Guillain-Barré"). */
function isKnownWord(lower: string, also: ReadonlySet<string> = NO_WORDS): boolean {
  const { vocabulary } = wordLists();
  const known = (part: string) => also.has(part) || [...stems(part), ...stems(part.normalize('NFD').replace(/\p{M}/gu, ''))].some((form) => vocabulary.has(form) || also.has(form));
  return known(lower) || (lower.includes('-') && lower.split('-').every((part) => part === '' || known(part)));
}

/** Titles and honorifics: the next capitalised word(s) are a name. */
const TITLE = String.raw`\b(?:Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Mme|Mlle|Sr|Sra|Srta|Herr|Frau|Sir|Dame|Rev|Fr|Nurse)\b\.?`;
/** Words after which a person is named: roles, relatives, greetings, sign-offs, "named". */
const PERSON_CUE = new RegExp(
  String.raw`\b(?:patient|patients|pt|pts|caller|husband|wife|spouse|partner|son|daughter|mother|father|mom|mum|dad|brother|sister|aunt|uncle|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|niece|nephew|cousin|caregiver|carer|guardian|parent|boyfriend|girlfriend|fianc[eé]e?|friend|neighbou?r|roommate|relative|nurse|assistant|receptionist|manager|coordinator|named|name is|name's|nee|née|aka|signed|spoke (?:with|to)|talked (?:with|to)|speaking (?:with|to)|met with|attn|cc|dear|hi|hello|hey|thanks|thank you|regards|best|cheers|sincerely|yours)\b[\s,:;–—-]*(?=[A-Za-zÀ-ÿ])`,
  'gi',
);
/** What follows an eponym or an institution's name: "Raynaud phenomenon", "Addison's disease", "Mayo Clinic". */
const NOT_A_PERSON_NEXT =
  /^(?:['’]s?)?\s+(?:syndrome|disease|sarcoma|phenomenon|thyroiditis|palsy|lymphoma|tumou?r|sign|test|score|scale|criteria|classification|procedure|protocol|staging|ulcer|an(?:a)?emia|encephalopathy|arteritis|cells?|nodes?|clinic|hospital|center|centre|health|medical|university|institute|pharmacy|foundation)\b/i;
const NAME_VERB = /^(?:'s\b|\s+(?:called|calls|phoned|rang|emailed|texted|wrote|said|says|asked|told|reported|reports|complained|mentioned|wants|wanted|needs|needed|is\s+(?:the\s+)?(?:patient|caller|caregiver)|\(patient|\(caller|,\s*(?:the\s+)?(?:patient|caller|DOB|dob)))/;
/** Words that end a run of capitalised words: a name does not run into an institution or a street. */
const NOT_IN_NAME = new Set(
  'street st avenue ave road rd boulevard blvd drive lane ln way court ct place pl hospital clinic center centre medical university health healthcare pharmacy inc llc ltd corp company group program foundation institute practice office associates team the and'.split(' '),
);
const TITLE_WORDS = new Set('dr doctor prof professor mr mrs ms miss mx mister madam mme mlle sr sra srta herr frau sir dame rev fr nurse'.split(' '));
const PARTICLES = new Set(['van', 'von', 'der', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'den']);

const WORD = /[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]*/g;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const NUMERIC_DATE = String.raw`\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}`;
const WRITTEN_DATE = String.raw`(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{2,4}|${MONTH}\s+\d{4})`;
const STREET_SUFFIX = String.raw`(?:(?:Street|Avenue|Road|Boulevard|Drive|Lane|Way|Court|Place|Terrace|Parkway|Highway|Circle|Square|Trail|Crescent|Close|Row|Alley|Loop|Pike|Plaza|Broadway)\b|(?:St|Ave|Rd|Blvd|Dr|Ln|Ct|Pl|Ter|Pkwy|Hwy|Cir|Sq|Trl)\b\.?)`;
const UNIT = String.raw`(?:[,\s]+(?:#\s?[\w-]+|(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|Bldg|Building|Dpt|Dept)\.?\s*#?\s*[\w-]+|\d+(?:st|nd|rd|th)\s+Floor))*`;
const CITY_STATE_ZIP = String.raw`(?:[,\s]+(?:[A-Z][a-z]+\.?[,\s]+){0,3}[A-Z]{2}\s+\d{5}(?:-\d{4})?)?`;

/** Patterns for everything but names, in order of precedence (an earlier finding wins an overlap). */
const PATTERNS: [PersonalDataKind, RegExp][] = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g],
  ['email', /\b[\w.+-]+\s*[([{]at[)\]}]\s*[\w-]+(?:\s*(?:\.|[([{]dot[)\]}])\s*[\w-]+)+/gi],
  ['dob', new RegExp(String.raw`\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|birthday|born(?:\s+on|\s+in)?|b\.)\s*[:#-]?\s*(?:on\s+)?(?<v>${NUMERIC_DATE}|${WRITTEN_DATE}|(?:19|20)\d{2}\b)`, 'gid')],
  // A numeric date before 2013 in a field note is a birth date far more often than anything else.
  ['dob', /\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19\d{2}|200\d|201[0-2])|(?:19\d{2}|200\d|201[0-2])-\d{1,2}-\d{1,2})\b/g],
  ['mrn', /\b(?:MRN|MR\s?#|MR\s?No\.?|medical record(?:\s+(?:number|no\.?|#))?|chart\s*(?:number|no\.?|#)|patient\s*(?:ID|id|number|no\.?|#)|hospital\s*(?:number|no\.?|#)|record\s*#)\s*(?:is\s+)?[:#]?\s*(?<v>(?=[A-Z0-9-]*\d{3})[A-Z0-9][A-Z0-9-]{3,})\b/gid],
  ['account', /(?<![A-Za-z])(?:[•●·*xX#]{2,}[\s-]?)+\d{2,}\b/g],
  [
    'account',
    /\b(?:account|acct|acc|a\/c|card|visa|mastercard|amex|discover|iban|routing|sort code|member\s*(?:id|number|#)|policy\s*(?:number|no\.?|#)|subscriber\s*(?:id|number)|insurance\s*(?:id|number)|group\s*(?:number|no\.?|#)|ssn|social security(?:\s+number)?|ending|ends|last\s+(?:4|four)(?:\s+digits)?)\b(?:[\s:#.,-]|\b(?:in|with|number|no|is|was|of|digits)\b){0,8}(?<v>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9 -]*[A-Z0-9])\b/gid,
  ],
  ['account', /\b\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,7}\b|\b\d{3}-\d{2}-\d{4}\b|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g],
  ['phone', /(?:\+|\b00)\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,5}(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?\b/gi],
  ['phone', /(?:\b1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?/gi],
  ['phone', /\b0\d{1,4}[\s.-]\d{3,4}[\s.-]?\d{3,4}\b|\b0\d(?:[\s.]\d{2}){4}\b/g],
  ['phone', /\b(?:call|phone|tel|telephone|cell|mobile|ph|fax|text|number|reach(?:ed)?\s+(?:(?:her|him|them|me)\s+)?(?:at|on))\b[\s.:#]*(?:at|on|is)?\s*(?<v>\d[\d\s().-]{5,}\d\b(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?)/gid],
  [
    'address',
    new RegExp(
      String.raw`\b\d{1,6}[A-Za-z]?(?:-\d+)?\s+(?:(?:[NSEW]|North|South|East|West|N\.|S\.|E\.|W\.)\s+)?(?:(?:[A-Z][\w'.-]*|\d+(?:st|nd|rd|th))\s+){0,4}?${STREET_SUFFIX}${UNIT}${CITY_STATE_ZIP}`,
      'g',
    ),
  ],
  ['address', new RegExp(String.raw`\b(?:lives|living|resides|residing|moved|address(?:\s+is)?|home address|mailing address|ship(?:ped)?\s+to)\b[\s:]*(?:at|on|to)?\s+(?<v>(?:\d{1,6}\s+)?(?:[A-Z][\w'.-]*\s+){1,4}${STREET_SUFFIX}${UNIT})`, 'gd')],
  ['address', /\bP\.?\s?O\.?\s+Box\s+\d+\b|\b[A-Z][a-zäöüß]+(?:straße|strasse|weg|gasse|platz|allee)\s+\d+[a-z]?\b|\b(?:Via|Calle|Rua|Rue|Avenida|Viale|Piazza)\s+(?:[A-Za-zÀ-ÿ'-]+\s+){1,4}\d{1,5}\b|\b\d{1,5},?\s+(?:rue|avenue|boulevard|chemin|via|calle)\s+(?:[A-Za-zÀ-ÿ'-]+\s?){1,4}/g],
  ['address', /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b(?=\s*(?:$|[\n,.;)]|USA|US\b))|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g],
];

interface Token {
  word: string;
  lower: string;
  start: number;
  end: number;
  capitalised: boolean;
  allCaps: boolean;
  sentenceInitial: boolean;
}

function tokens(text: string): Token[] {
  const result: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // A possessive "'s" and trailing hyphens or apostrophes are not part of the name.
    const word = match[0].replace(/['’]s$|['’-]+$/g, '');
    if (word === '') continue;
    const start = match.index;
    const first = word.charAt(0);
    const letters = word.replace(/[^A-Za-zÀ-ÿĀ-ž]/g, '');
    const capitalised = first !== first.toLowerCase() && letters !== letters.toUpperCase();
    const allCaps = letters.length >= 2 && letters === letters.toUpperCase();
    let before = start - 1;
    while (before >= 0 && /[\s"'“”‘’([*•]/.test(text.charAt(before))) before--;
    const sentenceInitial = before < 0 || /[.!?:;|>\n—–-]/.test(text.charAt(before)) || /\n/.test(text.slice(before, start));
    result.push({ word, lower: word.toLowerCase(), start, end: start + word.length, capitalised, allCaps, sentenceInitial });
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The dictionary forms a capitalised word could be an inflection of ("Discussed", "Reviews"). */
function stems(lower: string): string[] {
  const forms = [lower];
  for (const [suffix, replacement] of [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['ly', ''], ['er', ''], ['ers', ''], ['ions', 'ion'], ["'s", '']] as const) {
    if (lower.endsWith(suffix) && lower.length > suffix.length + 2) forms.push(lower.slice(0, -suffix.length) + replacement);
  }
  return forms;
}

/**
 * A redactor for a set of known names and products; build once per answer (or note set), use for
 * every quote. `redact` returns the text with each finding replaced by its mark.
 */
export class Redactor {
  private readonly names: RegExp | null;
  private readonly products: Set<string>;
  /** Products and the words to keep: never a name alone. */
  private readonly words: Set<string>;
  private readonly extraNamePatterns = new Map<string, RegExp>();

  constructor(options: RedactorOptions = {}) {
    this.names = namesPattern(options.names ?? []);
    this.products = new Set([...(options.products ?? [])].flatMap((product) => product.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []));
    this.words = new Set([...this.products, ...[...(options.keep ?? [])].flatMap((word) => word.toLowerCase().match(/[a-zà-ÿ][a-zà-ÿ'-]*/g) ?? [])]);
  }

  redact(text: string, extraNames: readonly string[] = []): string {
    const findings = this.find(text, extraNames);
    let result = '';
    let at = 0;
    for (const finding of findings) {
      result += text.slice(at, finding.start) + REDACTION_MARKS[finding.kind];
      at = finding.end;
    }
    return (result + text.slice(at)).replace(/\[name\](?:[ \t]+\[name\])+/g, '[name]');
  }

  /** Every piece of personal data in the text, in order, none overlapping. */
  find(text: string, extraNames: readonly string[] = []): Finding[] {
    const found: Finding[] = [];
    for (const [kind, pattern] of PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        // A cue ("DOB", "acct #", "call") stays; the value (group v) goes.
        const [start, end] = match.indices?.groups?.v ?? [match.index, match.index + match[0].length];
        found.push({ kind, start, end });
      }
    }
    const taken = disjoint(found);
    const free = (start: number, end: number) => !taken.some((finding) => finding.start < end && start < finding.end);
    const names = this.findNames(text, extraNames).filter((finding) => free(finding.start, finding.end));
    return disjoint([...taken, ...names]);
  }

  private findNames(text: string, extraNames: readonly string[]): Finding[] {
    const { given } = wordLists();
    const words = tokens(text);
    const spans: Finding[] = [];
    const add = (start: number, end: number) => spans.push({ kind: 'name', start, end });

    for (const pattern of [this.names, ...extraNames.map((name) => this.extraPattern(name))]) {
      if (pattern) for (const match of text.matchAll(pattern)) add(match.index, match.index + match[0].length);
    }

    const isProduct = (token: Token) => this.products.has(token.lower);
    const isVocabulary = (token: Token) => isKnownWord(token.lower, this.words);
    const isGiven = (token: Token) => given.has(token.lower);
    // A word that can be a name in a name's context: capitalised (or a lower-case given name), not a product.
    const nameLike = (token: Token) => !isProduct(token) && (token.capitalised || (isGiven(token) && !isVocabulary(token)));
    const index = new Map(words.map((token, position) => [token.start, position]));
    const tokenAt = (offset: number) => {
      for (let position = offset; position < text.length && position < offset + 4; position++) {
        const found = index.get(position);
        if (found !== undefined) return found;
      }
      return -1;
    };
    /** The run of name words from `first`: the word itself, then capitalised words (and particles) up to three in all. */
    const run = (first: number): [number, number] => {
      let last = first;
      let count = 1;
      for (let next = first + 1; next < words.length && count < 3; next++) {
        const token = words[next]!;
        const gap = text.slice(words[next - 1]!.end, token.start);
        // Words of a name are apart by spaces (or a hyphen), or by the full stop of an initial ("J. Alvarez").
        if (!/^\s+$/.test(gap) && gap !== '-' && !(/^\.\s+$/.test(gap) && words[next - 1]!.word.length === 1)) break;
        if (PARTICLES.has(token.word) && words.slice(next + 1, next + 3).some((later) => later.capitalised)) continue;
        const afterInitial = words[next - 1]!.word.length === 1;
        if (!token.capitalised || (token.sentenceInitial && !afterInitial) || isProduct(token) || NOT_IN_NAME.has(token.lower) || BUILT_IN_VOCABULARY.includes(token.lower)) break;
        last = next;
        count++;
      }
      return [words[first]!.start, words[last]!.end];
    };

    // A title: "Mrs. Okafor", "Dr. Emily Reyes".
    for (const match of text.matchAll(new RegExp(`${TITLE}\\s+(?=[A-Z])`, 'g'))) {
      const first = tokenAt(match.index + match[0].length);
      if (first >= 0 && !isProduct(words[first]!)) add(...run(first));
    }
    // A person's role, a relative, a greeting or a sign-off before the name: "her husband Tom", "Hi David".
    for (const match of text.matchAll(PERSON_CUE)) {
      const first = tokenAt(match.index + match[0].length);
      if (first < 0) continue;
      const token = words[first]!;
      const cue = match[0].trim().toLowerCase();
      const signOff = /^(?:thanks|thank you|regards|best|cheers|sincerely|yours|hi|hello|hey|dear)\b/.test(cue);
      // A sign-off or greeting names someone only at the start of a sentence or line.
      if (signOff && !(words.find((candidate) => candidate.start === match.index)?.sentenceInitial ?? true)) continue;
      if (nameLike(token) && (!isVocabulary(token) || isGiven(token)) && !token.allCaps) add(...run(first));
    }
    // Given names and capitalised words no dictionary knows.
    for (let position = 0; position < words.length; position++) {
      const token = words[position]!;
      if (isProduct(token) || token.word.length < 2 || TITLE_WORDS.has(token.lower)) continue;
      const after = text.slice(token.end, token.end + 40);
      if (NOT_A_PERSON_NEXT.test(text.slice(token.end, token.end + 30))) continue;
      if (isGiven(token) && token.capitalised && !isVocabulary(token)) {
        add(...run(position));
        continue;
      }
      if (!token.capitalised) continue;
      const next = words[position + 1];
      const nextIsSurname = next !== undefined && next.capitalised && !next.sentenceInitial && /^\s+$/.test(text.slice(token.end, next.start)) && !isVocabulary(next) && !isProduct(next);
      // "Grace Holloway": a given name that is also a word, followed by a surname.
      if (isGiven(token) && nextIsSurname) {
        add(...run(position));
        continue;
      }
      // An abbreviation ("Intl.", "Dept.") is not a name.
      if (isVocabulary(token) || (token.word.length <= 4 && text.charAt(token.end) === '.' && !isGiven(token))) continue;
      // Mid-sentence, an unknown capitalised word is a name; at a sentence's start, only when a name's verb or a surname follows.
      if (!token.sentenceInitial || nextIsSurname || NAME_VERB.test(after)) add(...run(position));
    }

    // A word once found to be a name is a name wherever it stands in the text.
    const seen = new Set<string>();
    for (const span of spans) for (const word of text.slice(span.start, span.end).match(WORD) ?? []) if (word.length >= 2 && !PARTICLES.has(word)) seen.add(word.replace(/['’]s$/, ''));
    for (const token of words) if (seen.has(token.word) && !isProduct(token)) add(token.start, token.end);
    return spans;
  }

  private extraPattern(name: string): RegExp | null {
    const trimmed = name.trim();
    if (trimmed.length < 2) return null;
    let pattern = this.extraNamePatterns.get(trimmed);
    if (pattern === undefined) {
      pattern = new RegExp(`(?<![A-Za-z])${escapeRegExp(trimmed)}(?![A-Za-z])`, 'g');
      this.extraNamePatterns.set(trimmed, pattern);
    }
    return pattern;
  }
}

/** One expression for the known names; a one-word name that is also a word ("Will", "Young") is left to the context rules. */
function namesPattern(names: Iterable<string>): RegExp | null {
  const { vocabulary } = wordLists();
  const list = [...new Set([...names].map((name) => name.trim()).filter((name) => name.length >= 2 && (/\s/.test(name) || !vocabulary.has(name.toLowerCase()))))].sort((a, b) => b.length - a.length);
  return list.length > 0 ? new RegExp(`(?<![A-Za-z])(?:${list.map(escapeRegExp).join('|')})(?![A-Za-z])`, 'g') : null;
}

/** Overlapping findings merged: sorted by start, an overlap joins the later into the earlier (keeping the earlier's kind). */
function disjoint(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Finding[] = [];
  for (const finding of sorted) {
    const last = result[result.length - 1];
    if (last && finding.start < last.end) last.end = Math.max(last.end, finding.end);
    else result.push({ ...finding });
  }
  return result;
}
