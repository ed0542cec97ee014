import type { Channel, Purpose } from '../../domain/vocabulary.ts';
import type { ActionKind } from '../../nba/weights.ts';
import { escapeRegExp, findSpecialty, firstMatch, holidayIn, NUMBER_WORDS, readAnalyticsQuestion, type AnalyticsReading, wordPatterns } from './analytics-question.ts';

/** What the local model can do with a question. */
export type Intent =
  | 'brief'
  | 'next_action'
  | 'consent'
  | 'content'
  | 'draft'
  | 'plan'
  | 'why_not'
  | 'why'
  | 'feedback'
  | 'insights'
  | 'performance'
  | 'maturity'
  | 'refine'
  | 'capabilities'
  | 'policy'
  | 'adverse_event'
  | 'greeting'
  | 'out_of_scope'
  | 'unknown';

/** Names and products to recognise, from the data the user may see (src/agent/local-model/lexicon.ts). */
export interface Lexicon {
  /** Lower-case first and last names of the HCPs the user may see. */
  firstNames: ReadonlySet<string>;
  lastNames: ReadonlySet<string>;
  /** Lower-case brand and generic names → product id. */
  products: ReadonlyMap<string, string>;
  /** Lower-case territory names and ids ("northeast", "t-ne") → the ids the user may see. */
  territoryNames: ReadonlyMap<string, readonly string[]>;
  /** Lower-case full names of reps ("taylor brandt") → their user ids, for "Taylor's follow-up rate". */
  repNames: ReadonlyMap<string, string>;
  /** The user ids of the reps on the user's own team (a manager's): "jordan's follow-up rate" is theirs when two reps share the name. */
  teamReps?: ReadonlySet<string>;
  /** Lower-case cities of the HCPs the user may see ("portland"). */
  cities?: ReadonlySet<string>;
}

export interface ParsedQuestion {
  intent: Intent;
  /** An HCP id written in the question. */
  hcpId: string | null;
  /** A name as written ("Emily Reyes", "Reyes"), to look up. */
  hcpName: string | null;
  /** "her", "him", "them", "this doctor": the thread's HCP. */
  pronoun: boolean;
  /** "the first one", "number 3", "the last one": an entry of the thread's latest list (1-based; -1 the last). */
  ordinal: number | null;
  /** "the one at Philadelphia Cancer Institute", "the one in Denver": an entry of the thread's latest list by what is said of it. */
  describedAs?: string | null;
  channel: Channel | null;
  purpose: Purpose | null;
  productId: string | null;
  /** What the content should be about: the question without the words that carry intent or names. */
  topic: string;
  /** The event a follow-up or "since" refers to. */
  event: 'webinar' | 'congress' | null;
  /** A time window the question names. */
  period: Period | null;
  action: ActionKind | null;
  feedback: { verdict: 'accept' | 'dismiss' | 'snooze'; until: string | null } | null;
  /** For insights, performance and maturity questions: metric, breakdown, filters, period. */
  analytics: AnalyticsReading | null;
  /** The question as the pipeline read it (a chosen reply's text, typos repaired), for the steps that read its words again; absent: as written. */
  asked?: string;
}

export type Period =
  | { kind: 'days'; days: number; label: string }
  | { kind: 'since_event'; event: 'webinar' | 'congress'; label: string }
  | { kind: 'since_date'; date: string; label: string };

/** Spoken words for channels, longest first so "field visit" wins over "visit". */
const channelWords: [RegExp, Channel][] = [
  [/\bwhats\s?app(able|ing|ed|s)?\b|\bwa message\b/, 'whatsapp'],
  [/\be-?mail(s|ed|ing|able)?\b|\bmail (her|him|them)\b/, 'email'],
  [/\b(sms|txt|text(s|ed|ing|able)?( message)?)\b/, 'sms'],
  [/\bremote(ly)?\b(?! (patient|monitoring|work))|\bvirtual(ly)?\b(?! (patient|care|assistant))|\b(remote detail(s|ing)?|video (call|detail(ing)?|meeting)|virtual (call|visit|meeting|detail(ing)?)|zoom|teams call|remote calls?|(over|via|on|by) video|video(?=\s*(\?|$|instead\b|then\b|too\b|ok\b|okay\b)))\b/, 'remote_detail'],
  [/\b(phon(e|ing|ed)|(?<!\b(?:video|zoom|teams|virtual|remote|web) )call(ing|able)?|ring(ing)?)\b/, 'phone'],
  // An MSL meeting, in person or not, is the MSL's channel.
  [/\bmsl (meeting|visit|call)s?\b|\bmedical science liaison\b|\bsit down with (an |the |our )?msl\b|\bmedical (meetings?|calls?|discussions?)\b|\bmeet (with )?(medical|an msl|the msl|our msl)\b|\b(medical|msl)\b.{0,30}\bmeet\b|\bmeet\b.{0,20}\b(medical|msl)\b/, 'msl_meeting'],
  [/\b(go (and )?(see|visit) (her|him|them)|field visits?|visit(s|ing)?|in person|in-person|face[- ]to[- ]face|f2f|ftf|drop(ping)? (by|in|into)|stop(ping)? (by|into)|pop(ping)? (by|in|into)|swing(ing)? by|see (her|him|them) in person|meet (with )?(her|him|them))\b/, 'field_visit'],
  [/\bwebinar\b/, 'webinar'],
  [/\bmsl\b/, 'msl_meeting'],
];

/** "i meant an email not a text", "whatsapp instead of email": the channel said no to is no channel asked for, when another is named. */
function withoutRefusedChannel(text: string): string {
  const without = text.replace(/\b(?:not|instead of|rather than|in place of) (?:an? |the |by |via |over )?(whats\s?app|e-?mail|text( message)?|sms|phone( call)?|call|visit|f2f)\b/g, ' ');
  return without !== text && firstMatch(channelWords, without) ? without : text;
}

/** Every channel a question names joined by "and", "+", "/" or "or" ("email + phone"), in the order of the table; [] for one or none. */
export function channelsAsked(text: string, asked = text): Channel[] {
  const named = channelWords.filter(([pattern]) => pattern.test(text)).map(([, channel]) => channel);
  const distinct = [...new Set(named)];
  return distinct.length >= 2 && /\b(and|or|n|plus|vs\.?|versus)\b|[+/&,]/.test(asked) ? distinct : [];
}

/** The text with every channel word blanked out ("ok and email then?" → "ok and   then?"). */
export function withoutChannelWords(text: string): string {
  return channelWords.reduce((rest, [pattern]) => rest.replace(new RegExp(pattern.source, 'g'), ' '), text);
}

/** "open medical questions", "unanswered requests", "waiting on an answer": questions still owed an answer. */
export const OPEN_QUESTIONS = /\b(still )?(owe|owed|owing) (them |him |her |you |me )?(a |an )?(med(ical)? )?(answer|response|reply|replies|answers)\b|\b(open|unanswered|outstanding|pending|waiting)\b.{0,30}\b(questions?|q'?s|q|requests?|inquir(y|ies))\b|\bmed(ical)? (questions?|q'?s|inquir(y|ies)|requests?)\b.{0,20}\b(still )?(open|pending|outstanding|unanswered)\b|\bmed(ical)? info(rmation)? (requests?|questions?|inquir(y|ies))\b.{0,30}\b(pending|open|unanswered|outstanding|waiting)\b|\bwaiting (on|for) (an? )?(med(ical)? )?(answer|response|reply)\b|\b(questions?|q'?s)\b.{0,25}\b(still )?(unanswered|outstanding|not (yet )?answered|(nobody|no one|no-one) (has )?answered|without (an )?answer|(we|i|they|medical) (haven'?t|have not|never|didn'?t) (yet )?(answered|responded|replied|got back))\b/;

const actionWords: [RegExp, ActionKind][] = [
  [/\b(event )?invit(e|ation)\b/, 'event_invitation'],
  [/\bmsl\b|\bhand ?off\b|\bmedical science liaison\b/, 'msl_handoff'],
  [/\bmedical[- ]information\b|\bmed ?info\b/, 'medical_information_route'],
  [/\b(field )?visit\b|\bin person\b|\bf2f\b/, 'field_visit'],
  [/\bremote detail\b|\bvideo call\b|\bvirtual\b/, 'remote_detail'],
  [/\be-?mail\b/, 'approved_email'],
  [/\bwait(ing)?\b/, 'wait'],
];

const PRONOUN = /\b(her|him|them|she|he|they|his|hers|their|theirs|(this|that|same) (doctor|doc|hcp|physician|one|account|practice|clinic|prescriber)|the (doctor|doc|hcp|physician))\b/;
const HCP_ID = /\b(hcp-\d{6}|npi-\d{10})\b/i;
const DATE = /\b(20\d\d-\d\d-\d\d)\b/;

/** Asking which of two HCPs comes first ("volkov vs weiss, which one's the priority", "zhang or duarte - who first"). */
export const RANKS_PAIR = /\b(which|who|first|priorit\w*|more|better|rank\w*|compare|vs\.?|versus|one of them)\b/i;

/** Words that look like names but are not (never looked up as an HCP). */
const NOT_NAMES = new Set(['can', 'may', 'will', 'brief', 'draft', 'email', 'dr', 'doctor', 'the', 'what', 'who', 'why', 'how', 'should', 'next', 'best']);

/**
 * The rules reader: intent by cues checked in an order that settles overlaps, and entities. The local
 * model now reads intent with the trained pipeline (understanding/); this reader stays as the
 * baseline `npm run bench -- --only agent` measures it against, and its entity readers are shared.
 */
export function parseQuestion(question: string, lexicon: Lexicon, today: string): ParsedQuestion {
  const entities = readEntities(question, lexicon, today);
  const text = normaliseQuestion(question);
  const intent = classify(text, { channel: entities.channel, hasPerson: Boolean(entities.hcpId || entities.hcpName || entities.pronoun || entities.ordinal !== null), hasProduct: entities.productId !== null });
  return withIntent(entities, intent, text, today);
}

/** Lower case, straight quotes, padded with spaces so every pattern can use word boundaries. */
export const normaliseQuestion = (question: string): string => ` ${question.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\bf\/u('?s)?\b/g, 'follow-up$1')} `;

/** Everything a question names (people, channels, products, periods, metrics), whatever its intent. */
export type QuestionEntities = Omit<ParsedQuestion, 'intent' | 'action' | 'feedback'> & { action: ActionKind | null };

export function readEntities(question: string, lexicon: Lexicon, today: string): QuestionEntities {
  const text = normaliseQuestion(question);
  const idMatch = question.match(HCP_ID);
  const found = idMatch ? null : findName(question, lexicon);
  // "i mean the leila based in detroit" after several Leilas were listed: the listed one there, not another lookup of "leila".
  const placed = found && !found.includes(' ') ? new RegExp(`^\\W*(?:(?:i mean|no,?|sorry,?|oh,?|ok,?|okay,?)\\s+)?the ${escapeRegExp(found.toLowerCase())} (?:who'?s |that'?s |who is |that is )?(?:based |located |practi[cs]ing |working |who works |who practices )?(?:in|at|from|out of) ([\\p{L}\\d .&'-]{3,60}?)\\W*$`, 'u').exec(text) : null;
  const name = placed ? null : found;
  return {
    hcpId: idMatch ? idMatch[1]!.toLowerCase() : null,
    hcpName: name,
    pronoun: PRONOUN.test(text),
    ordinal: findOrdinal(text),
    describedAs: placed ? `${found!.toLowerCase()} ${placed[1]!.trim()}` : describedAsOf(text),
    // "she unsubscribed a while back": unsubscribing is from email when no channel is named.
    // "why that over a call?": the channel it was chosen over is the one asked about.
    channel: firstMatch(channelWords, /\bwhy (?:that|this|it)(?: one)? (?:over|rather than|instead of|and not|not) (.+)$/.exec(text)?.[1] ?? '') ?? firstMatch(channelWords, withoutRefusedChannel(text)) ?? (/\bunsubscri\w*/.test(text) ? 'email' : null),
    purpose: /\bmedical (purpose|use|content|information|response|e-?mail|letter|reply|draft|follow[- ]?up)\b|\bfor medical\b/.test(text) ? 'medical' : /\bmarket[- ]research\b|\bsurveys?\b/.test(text) ? 'market_research' : (/\b(invite|invitation|event|symposium|speaker (program|event|dinner)|register|registration|sign[- ]?up link)\b/.test(text) || /\b(link|invite|register|sign up|registration)\b.{0,30}\bwebinar\b/.test(text)) && !/\badverse events?\b/.test(text) ? 'events' : /\bpromo(tional)?\b/.test(text) && !/\b(not|no|non|never)[- ](a )?promo/.test(text) ? 'promotional' : null,
    productId: findProduct(text, lexicon),
    topic: topicOf(question, name),
    event: /\bwebinar\b/.test(text) ? 'webinar' : /\b(congress|booth|conference|symposium)\b/.test(text) ? 'congress' : null,
    period: findPeriod(text, today),
    action: firstMatch(actionWords, text),
    analytics: readAnalyticsQuestion(text, lexicon, today),
  };
}

/** A reading of the question: its entities with the intent decided (by the classifier or the rules). */
export function withIntent(entities: QuestionEntities, intent: Intent, text: string, today: string): ParsedQuestion {
  return {
    ...entities,
    intent,
    action: intent === 'why_not' ? entities.action : null,
    feedback: intent === 'feedback' ? findFeedback(text, today) : null,
  };
}

function classify(text: string, found: { channel: Channel | null; hasPerson: boolean; hasProduct: boolean }): Intent {
  const has = (pattern: RegExp) => pattern.test(text);
  if (/^\s*(help|\?)\s*[?!.]*\s*$/.test(text) || has(/\b(what can you do|what do you do|your (capabilities|abilities)|what can i ask)\b/)) return 'capabilities';
  if (has(/\bwhy (not|isn't|isnt|aren't|arent|wasn't|weren't|can't|cant|shouldn't|couldn't|no|don't|doesn't)\b|\bwhy (is|was|are) .* not\b|\bwhat about (an? )?(e-?mail|whatsapp|call|visit|text)\b.*\?|\bhow come\b.*\b(not|isn't|aren't|wasn't)\b/)) return 'why_not';
  if (has(/\b(accept|dismiss|snooze|reject|ignore that|mark .* done)\b.*\b(it|that|this|recommendation|suggestion)\b|\b(snooze|dismiss|accept) (it|that|this)\b|\bmark (it|that|this)( as)? (accepted|done|dismissed|snoozed)\b/)) return 'feedback';
  if (has(/\b(draft|write|compose|prepare|put together)\b.*\b(e-?mail|message|follow[- ]?up|note|whatsapp|text|reply)\b|\bfollow[- ]?up (e-?mail|message)\b/)) return 'draft';
  // Medical-affairs and manager questions: about the field or the team, never one named HCP.
  if (!found.hasPerson) {
    if (has(/^\s*(and |so |ok,? |now )?(what about|how about|break (that|it|this) down|split (that|it|this)|(and )?by (rep|territory|channel|product|segment|specialty|week|month)\b|same (for|but|thing)|(and )?(per|for each) (rep|territory|channel)|(and )?(vs\.?|versus|compared (to|with)|against) (the )?(last|previous|prior) (year|quarter|month)|same (period|stretch|time|months?|weeks?|quarter|window) (a year ago|last year))/)) return 'refine';
    if (has(/\b(omnichannel )?maturity\b|\bhow mature\b|\bwhere (are|do) we stand\b|\bwhat (should|do) we build next\b/)) return 'maturity';
    if (has(/\b(field (is )?(hearing|saying|telling|insights?|notes?)|from the field|in the field|what('s| is) the field|themes?|insights? from|what are (\w+ )?(asking|saying|hearing|raising)|(hcps|doctors|physicians|[a-z]+ologists?|[a-z]+ology) (are |is |have been )?(asking|saying|raising|telling)|(are|is) (reps|msls|the field) hearing|medical questions (are )?(coming up|being asked)|safety signals?|possible adverse events?|adverse events? (in|from) (the )?(notes|field)|pharmacovigilance|in the (field )?notes|notes (say|mention)|competitor mentions?|mentions? of (competitors?|\w+ competitors?)|unanswered (medical )?questions)\b/)) return 'insights';
    if (has(/\bhow('s| is| are)\b.*\b(doing|performing|going|tracking)\b|\b(follow[- ]?up|open|click|engagement|acceptance|dead[- ]?end|attendance) rates?\b|\b(which|what) reps?\b|\bmost dead[- ]?ends\b|\bdead[- ]?ends? (by|per|do we)\b|\bhow many dead[- ]?ends\b|\bconsent coverage\b|\bshare of (hcps|doctors|physicians)\b.*\bconsent|\bover[- ]?contacted\b|\b(reach|frequency)\b|\b(team|territory) performance\b|\bcross[- ]channel progression\b|\bwebinar (attendance|turnout)\b|\bfollow[- ]?ups?\b.*\b(vs|versus|compared|last (quarter|month|year))\b|\bmedical follow[- ]?up\b|\btime to follow[- ]?up\b|\b(how quickly|how fast) (are|is|do)\b|\b(nba|recommendations?|suggestions?) (are |were |being |get |got )?accepted\b|\bover[- ]?contact\w*|\bengagement (by|per|across)\b|(%|\bpercent(age)?\b|\bshare\b|\bproportion\b|\bhow many\b) of (our|my|the team'?s?) (hcps|doctors|physicians)\b/)) return 'performance';
    // Content about a product's label or safety information, with no HCP named: a search, even when a channel is named.
    if (has(CONTENT_CUES)) return 'content';
  }
  if (found.channel && has(/\b(can|may|could|am i allowed to|is it ok(ay)? to|allowed to|ok to|permitted to|do (we|i) have (consent|permission)|is there consent|consent(-wise)?|fine to|good to)\b/)) return 'consent';
  if (has(/\bconsent\b|\bopt(ed)?[- ]?(out|in)\b|\bunsubscribed?\b/)) return 'consent';
  if (has(/\bwhy\b/) && !has(/\bwhy (should|would) i (see|visit)\b/) && !found.hasPerson) return 'why';
  if (has(/\bwhy\b/) && has(/\b(recommend|suggest|that|this)\b/) && !has(/\bwhat should\b/)) return 'why';
  if (has(/\b(content|material|materials|module|modules|resources?|leave[- ]behinds?|slides?|approved (info|text)|collateral|anything approved|what can i (share|send|use))\b/) || has(CONTENT_CUES)) return 'content';
  if (has(/\b(who (should|do|must|to)|whom)\b.*\b(see|visit|call|prioriti[sz]e|focus|contact|target)\b|\bplan (my|the|this) week\b|\bmy (priorities|plan)\b|\bwho (needs|is due)\b|\bterritory plan\b|\bwhich (hcps|doctors|physicians)\b|\b(top \d+|list of|my top) (hcps|doctors|physicians|accounts)\b|\bspend my time\b|\b(target|focus on|prioriti[sz]e)\b.*\b(this|next) week\b|\bmy top \d+\b|\btop \d+ (for|this|next)\b|\btop of my list\b|\b(hit|call|target) list\b|\b(attack|call|route) plan\b/)) return 'plan';
  if (has(/\b(next best action|next step|what (should|do|shall|would) (i|we) do|what's next|whats next|best (action|next)|how (should|do) i follow[- ]?up|recommend(ation)?|what do you suggest|next move|best way to (reach|contact|engage)|reach out|hold off)\b/)) return 'next_action';
  if (has(/\b(brief|briefing|prep|prepare me|background|tell me about|who is|what do (i|we) know|know about|profile|summary|summari[sz]e|catch me up|before (my|the|i|seeing|visiting|tomorrow)|what did (she|he|they)|has (she|he|they)|what's new with|overview|what do i need to know|going on with|open (medical )?questions does|rundown|run-down|recent activity|pull up|latest on|update on)\b/)) return 'brief';
  if (found.hasPerson && has(/\bwhy\b/)) return 'next_action';
  // Fallbacks by what the question is about. An HCP named with no other ask: their brief. A product
  // or label and safety words, no HCP: approved content (label text answers label questions).
  if (found.hasPerson) return 'brief';
  if (found.hasProduct || has(LABEL_WORDS)) return 'content';
  return 'unknown';
}

/** Words of label and safety questions ("is there a warning about …", "how is it dosed"). */
export const LABEL_WORDS =
  /\b(label(ing)?|warnings?|precautions?|risks?|safety|side[- ]effects?|adverse (reactions?|events?)|dos(e|es|ed|ing)|interactions?|mechanism( of action)?|pregnan(t|cy)|lactation|overdose|contraindicat\w*|efficacy|indications?|toxicity|tumou?rs?|infections?|liver enzymes?|bleed(s|ing)?)\b/;

/** A product's label and safety information, asked for by name ("the boxed warning", "the ISI"). */
export const CONTENT_CUES =
  /\b(boxed warnings?|black[- ]box( warnings?)?|isi|important safety information|contraindications?|prescribing information|(the )?label (say|says|said)|warnings and precautions|overdosage|dosing information|leave (it )?behind|patient support text|approved (template|piece|wording|copy|email)s?)\b/;

const ORDINALS: Record<string, number> = { 'second-to-last': -2, 'second to last': -2, first: 1, top: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1, bottom: -1 };

/** "the first one", "the second HCP on the list", "number 3", "#2", "the last one". */
function findOrdinal(text: string): number | null {
  // "skip the first, who's next", "after the second one": the entry after it.
  const skipped = /\b(?:skip(?:ping)?|not|besides|other than|after|past|apart from|except) (?:the )?(first|top|second|third|fourth)(?: (?:one|hcp|doc|name|entry))?\b(?!.*\b(?:second|third|fourth|fifth|last)\b)/.exec(text);
  if (skipped && /\b(next|who(?:'s| is)? (?:after|then)|then who|after (?:that|him|her|them))\b/.test(text)) return ORDINALS[skipped[1]!]! + 1;
  const word =
    /\b(?:the )?(second[- ]to[- ]last|first|top|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|bottom)(?: (?:one|hcp|doc|doctor|physician|name|entry|question|item|person|account|row|line|spot|slot|derm|rheum|rheumy|onc|oncologist|neuro|neurologist|pulm|pulmonologist|gi|cardio|peds|dermatologist|rheumatologist)\b| (?:on|in|from|of) (?:the|my|that|this) (?:list|ranking|plan)\b| on (?:there|that)\b)/.exec(text) ??
    /\babout the (first|second|third|fourth|fifth|last)\b(?! (time|week|month|quarter|year|day|dose|visit))/.exec(text) ??
    /\b(?:whoever|who)(?:'s| is) (first|top|second|third|last)\b/.exec(text) ??
    // "whoever is ranked first", "the doc listed third"
    /\b(?:ranked|listed|placed|sitting|sits|ranks|comes) (?:at )?(first|top|second|third|fourth|fifth|last|bottom)\b/.exec(text) ??
    // "who's third on it"
    /\b(first|second|third|fourth|fifth|last) on it\b/.exec(text) ??
    // "name at the top?", "the one at the bottom of that list"
    /\b(?:at|on) the (top|bottom)\b(?! of the (?:hour|day|week|month|year|quarter))/.exec(text) ??
    /\b(top|bottom) (?:of|on) (?:the|that|this|my) (?:list|ranking|plan|pile)\b/.exec(text) ??
    // "open up the top result", "the second hit"
    /\b(?:the )?(first|top|second|third|fourth|fifth|last|bottom) (?:result|hit|module|piece|match)\b/.exec(text) ??
    // "the first of those two", "second of them"
    /\b(first|second|third|last) (?:of|from) (?:those|these|them|the (?:two|2|three|3|list)|the two of them)\b/.exec(text) ??
    // "the first - what did they ask", "and the first?"
    /\bthe (first|second|third|fourth|fifth|last)\b(?=\s*(?:[-–—,:?!.]|$))/.exec(text.trim());
  if (word) return ORDINALS[word[1]!]!;
  // "whoever leads the list", "whoever tops that ranking"
  if (/\bwho(?:ever)?(?:'s| is)? (?:leads|leading|tops|topping|heads|heading) (?:the|that|this|my) (?:list|ranking|plan|pile)\b|\bwho(?:ever)?(?:'s| is)? (?:tops|leads|heads) (?:that|it|this|them|those)\b/.test(text)) return 1;
  // "first there — can we phone them", "second one in there".
  const there = /\b(?:the )?(first|second|third|fourth|fifth|last|top)(?: one| doc| name)? (?:in )?there\b/.exec(text);
  if (there) return ORDINALS[there[1]!]!;
  const spelled = /\bnumber (one|two|three|four|five|six|seven|eight|nine|ten)\b/.exec(text);
  if (spelled) return NUMBER_WORDS[spelled[1]!]!;
  const number = /(?:\bnumber |\bno\. ?|#)(\d{1,2})\b/.exec(text) ?? /\b(?:the )?(\d{1,2})(?:st|nd|rd|th)(?: one| hcp| doctor| physician| name| entry| on (?:the|my|that) list)?\b/.exec(text);
  return number ? Number(number[1]) : null;
}

/** Words before "one" that pick by position or say nothing about the HCP ("the first one", "the other one"). */
const NOT_DESCRIPTIONS = new Set([...Object.keys(ORDINALS), 'other', 'same', 'right', 'wrong', 'new', 'old', 'next', 'previous', 'only', 'latest', 'final', 'best', 'worst', 'main', 'big', 'good', 'bad', 'second-to-last']);

/** "the one at Philadelphia Cancer Institute", "the pulm one in denver", "the neuro one": an entry of the list by what it says of the HCP. */
function describedAsOf(text: string): string | null {
  // "the gastroenterologist on there", "the neuro from that list": an entry by its specialty.
  const bySpecialty = /\bthe ([a-z]+(?:ologists?|ians?|iatrists?)|derm|rheum|rheumy|onc|neuro|pulm|gi|cardio|gastro|peds)(?: (?:one|doc|doctor))? (?:on (?:there|it|that|the list|that list|my list)|from (?:the|that|my) list|in (?:that|the) list|in there)\b/.exec(text);
  const specialty = bySpecialty ? findSpecialty(bySpecialty[1]!) : null;
  if (specialty) return specialty;
  const match = /^\W*(?:(?:i mean|no,?|sorry,?|oh,?|ok,?|okay,?)\s+)?the (?:([\p{L}]{3,20}) )?(?:one|doc|doctor|dr\.?|hcp|physician)(?:\s+(?:at|in|from|with|w|called|named)\s+(?:the\s+)?(?:(?:last|first|sur) ?name\s+)?([\p{L}\d .&'-]{3,60}?))?\W*$/u.exec(text);
  if (!match) return null;
  const [, adjective, place] = match;
  if (adjective && NOT_DESCRIPTIONS.has(adjective)) return null;
  const described = [adjective, place?.trim()].filter(Boolean).join(' ');
  return described.length > 0 ? described : null;
}

/** "never mind, back to the full A list", "undo that", "drop the filters": the thread's query before its latest narrowing. */
export const UNDOES_NARROWING = /\b(never ?mind|nvm|scrap (that|this)|undo( that| this| it)?|go(ing)? back to|back to (the |my |that )?(full|whole|original|previous|earlier|old|first|main|unfiltered|complete|entire|broader|wider|bigger)|(drop|remove|clear|lose|ditch|reset|kill) (the |that |those |these |all( the)? )?filters?|unfilter\w*|without (the |any |those )?filters?|the (full|whole|original|unfiltered|complete|entire) (list|thing|ranking|plan|set|view|picture))\b/;

/** "drop the segment filter", "without the specialty restriction": the one filter a follow-up removes, by its input key. */
export function droppedFilter(text: string): string | null {
  // "forget the segment", "drop the city": that filter, said without the word "filter" at the end of the ask.
  const bare = /\b(?:drop|remove|clear|lose|ditch|scrap|forget|forget about) (?:the |that )?(segment|tier|specialty|speciality|territory|region|city|product|brand|channel)\W*(?:$|,|and\b|then\b)/.exec(text);
  if (bare) return ({ tier: 'segment', speciality: 'specialty', region: 'territory', brand: 'product' } as Record<string, string>)[bare[1]!] ?? bare[1]!;
  const match = /\b(?:drop|remove|clear|lose|ditch|reset|kill|scrap|forget|take off|get rid of|without|no) (?:the |that |those |any )?(segment|tier|specialty|speciality|territory|region|rep|product|brand|channel|city|flag|follow[- ]?up|dead[- ]?end|consent|topic) (?:filter|restriction|cut|limit|condition|part)s?\b/.exec(text);
  // "back to every specialty", "all segments again": that filter gone.
  const every = /\b(?:back to|across|for|over|with|to) (?:every|all|any|all the) (specialt(?:y|ies)|segments?|territor(?:y|ies)|regions?|cities|city|products?|brands?|channels?)\b/.exec(text);
  if (!match && every) {
    const kind = every[1]!;
    return kind.startsWith('specialt') ? 'specialty' : kind.startsWith('segment') ? 'segment' : kind.startsWith('territor') || kind.startsWith('region') ? 'territory' : kind.startsWith('cit') ? 'city' : kind.startsWith('channel') ? 'channel' : 'product';
  }
  if (!match) return null;
  const keys: Record<string, string> = { tier: 'segment', speciality: 'specialty', region: 'territory', brand: 'product', 'follow-up': 'flag', 'follow up': 'flag', followup: 'flag', 'dead-end': 'flag', 'dead end': 'flag', deadend: 'flag' };
  return keys[match[1]!] ?? match[1]!;
}

/** Back to the very first of the thread's queries ("the original list", "the full list"), not one step. */
export const BACK_TO_ORIGINAL = /\b(full|whole|original|unfiltered|complete|entire|first|main)\b/;

/** "add something on the patient support programme", "can you also include the dosing piece": more approved material in the thread's draft. */
export const ADDS_TO_DRAFT = /^\W*(?:(?:and|also|ok|okay|pls|please|plz|can you|could you|now|then|maybe)\W+){0,3}(?:add|include|put in|throw in|work in|tack on|append|slip in|bolt on)\b|\b(?:and|also|then|pls|please|plus) (?:add|include)\b|\b(?:put|throw|slip|work) (?:the |a |some |in the |in a )?[\w-]+(?: [\w-]+){0,3} (?:in|in too|in as well|into it)\W*$/;

/** A snooze said in other words ("push the nba out to dec 14", "defer it till monday"). */
export const SNOOZE_WORDS = /\bsnooz(e|ed|ing)?\b|\b(hold|park|pause|push) (\w+ ){0,2}\w+'s? (nba|rec|recommendation|suggestion)\b|\bremind me (again |about (it|this|that) )?(on|next|in|after|tomorrow|mon|tues?|wed|thu|fri)\w*\b|\bnot (right )?now\b.{0,20}\b(remind|next|later|after|until|till|in \d)\b|\bcircle back (on (it|this|that) )?(next|on|in|after)\b|\bask me again (next|on|in|after)\b|\bpush\b.{0,40}\b(nba|rec|recommendation|suggestion)\b (out|back)\b|\bpark (it|that|this)\b|^\W*park\b|\bmute\b|\bhold (it|that|this|that one|the (\w+ ){0,2}(nba|rec|recommendation|suggestion))( \w+)? (till|until|til|to|for)\b|\bpush (it|that|this|the (\w+ ){0,3}(nba|rec|recommendation|suggestion))( \w+)? (out|back|to|till|until)\b|\b(defer|postpone|delay) (it|that|this|the (\w+ )?(nba|rec|recommendation|suggestion))\b/;

/** First names that are also everyday words ("mark it accepted"): never read as a name on their own. */
/** Words among those that are months or modal verbs first ("numbers for may"). */
const MONTH_OR_MODAL = new Set(['may', 'june', 'april', 'august', 'summer', 'autumn', 'will']);
const FIRST_NAMES_THAT_ARE_WORDS = new Set(['mark', 'will', 'bill', 'grace', 'faith', 'hope', 'joy', 'rose', 'art', 'pat', 'sue', 'ray', 'drew', 'dawn', 'june', 'april', 'august', 'may', 'frank', 'gene', 'jean', 'jay', 'max', 'chase', 'lane', 'summer', 'autumn', 'page', 'sky', 'victor', 'rich', 'guy', 'major', 'sunny', 'penny', 'robin', 'iris', 'ivy', 'holly']);

/** "Dr. Emily Reyes", "Reyes", "emily reyes's": the longest run of known first and last names. */
function findName(question: string, lexicon: Lexicon): string | null {
  const words = withoutCities(question, lexicon)
    .replace(/['’]s\b/g, '').split(/[^\p{L}'-]+/u).filter(Boolean);
  let best: string[] = [];
  // "oops, not okonkwo — i meant kim": a name said with "not" is the one corrected away, when another is named.
  let bestNegated = false;
  for (let start = 0; start < words.length; start++) {
    const negated = /^(not|nor)$/i.test(words[start - 1] ?? '');
    const run: string[] = [];
    for (let index = start; index < words.length && run.length < 3; index++) {
      const word = words[index]!.toLowerCase();
      if (NOT_NAMES.has(word)) break;
      // "park it", "mark that": a verb on "it", not a last name said alone.
      if (run.length === 0 && /^(it|that|them)$/i.test(words[index + 1] ?? '') && !/^(is|was|has|week|year|month|quarter|one)$/i.test(words[index + 2] ?? '') && !lexicon.firstNames.has((words[index - 1] ?? '').toLowerCase())) break;
      // "elena lams hospital": a possessive without its apostrophe, after a first name.
      const possessive = !lexicon.lastNames.has(word) && word.endsWith('s') && run.length === 1 && lexicon.firstNames.has(run[0]!.toLowerCase()) && lexicon.lastNames.has(word.slice(0, -1));
      const isLast = lexicon.lastNames.has(word) || possessive;
      const isFirst = lexicon.firstNames.has(word);
      if (!isLast && !isFirst) break;
      run.push(possessive ? words[index]!.slice(0, -1) : words[index]!);
      // A name of two or three words starts with a first name: "park ibrahim mwangi" is Ibrahim Mwangi, parked.
      if (isLast && (run.length > best.length || (bestNegated && !negated && run.length === best.length)) && (run.length === 1 || lexicon.firstNames.has(run[0]!.toLowerCase())) && !(negated && best.length > 0 && !bestNegated)) {
        best = [...run];
        bestNegated = negated;
      }
    }
  }
  if (best.length > 0) return best.join(' ');
  // A first name alone ("rundown on andrew"), with a last initial when one follows ("olivia w").
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!.toLowerCase();
    // A first name that is also a word ("victor", "grace") is a name only where a person is meant: "what we have on victor?".
    const asPerson = FIRST_NAMES_THAT_ARE_WORDS.has(word) && !MONTH_OR_MODAL.has(word) && /^(on|about|for|with|to|meet|see|visit|call|email|text|brief)$/.test(words[index - 1]?.toLowerCase() ?? '') && (index === words.length - 1 || new RegExp(`\\b${word}\\s*[?.!,;:]`, 'i').test(question));
    if (NOT_NAMES.has(word) || (FIRST_NAMES_THAT_ARE_WORDS.has(word) && !asPerson) || !lexicon.firstNames.has(word) || word.length < 3) continue;
    const initial = words[index + 1];
    return initial && /^\p{L}\.?$/u.test(initial) ? `${words[index]} ${initial.replace('.', '')}` : words[index]!;
  }
  return null;
}

/** The question with its cities blanked where they read as places ("in san diego", "around Salt Lake City"): a city is no HCP's name. */
function withoutCities(question: string, lexicon: Lexicon): string {
  const pattern = lexicon.cities ? citiesPattern(lexicon.cities) : null;
  // Places beyond the demo's cities read the same way: "san diego", "santa clara", "fort worth", "st. louis".
  const places = question.replace(/\b(?:san|santa|los|las|fort|ft\.?|port|saint|st\.?)\s+\p{L}+/giu, ' ');
  return pattern ? places.replace(pattern, ' ') : places;
}

/** One pattern per lexicon's cities, built once: a city of several words anywhere, one of one word after a preposition. */
const cityPatterns = new WeakMap<ReadonlySet<string>, RegExp | null>();
function citiesPattern(cities: ReadonlySet<string>): RegExp | null {
  if (!cityPatterns.has(cities)) {
    const escaped = (city: string) => escapeRegExp(city).replace(/\s+/g, '\\s+');
    const byLength = [...cities].sort((a, b) => b.length - a.length);
    const several = byLength.filter((city) => city.includes(' ')).map(escaped);
    const one = byLength.filter((city) => !city.includes(' ')).map(escaped);
    const parts = [...(several.length > 0 ? [`\\b(?:${several.join('|')})\\b`] : []), ...(one.length > 0 ? [`\\b(?:in|near|around|from|of|at)\\s+(?:${one.join('|')})\\b`] : [])];
    cityPatterns.set(cities, parts.length > 0 ? new RegExp(parts.join('|'), 'giu') : null);
  }
  return cityPatterns.get(cities)!;
}

/**
 * A second HCP in the same question ("nba for helen ruiz and chloe marchetti", "compare kim vs lee"):
 * a full name or a last name other than the first one found, joined to it by "and", "&", "+", ",", "or" or "vs".
 */
export function findSecondName(question: string, lexicon: Lexicon, first: string): string | null {
  const at = question.toLowerCase().indexOf(first.toLowerCase());
  if (at < 0) return null;
  const before = question.slice(0, at);
  const after = question.slice(at + first.length);
  // "weiss first, then lindqvist": an order said between the names.
  const joined = /^\s*(?:(?:first|1st)\s*,?\s*)?(,|&|\+|\/|and then|and|n|or|vs\.?|versus|plus|then)\s/i;
  const joinedBefore = /\s(,|&|\+|\/|and|or|vs\.?|versus|plus)\s*$/i;
  // "okonkwo vs marcus rossi, who first": the name after a comma is no name, so the one before is looked at too.
  const candidate = (joined.test(after) ? findName(after.replace(joined, ' '), lexicon) : null) ?? (joinedBefore.test(before) ? findName(before.replace(joinedBefore, ' '), lexicon) : null);
  // A last name must be part of it: a first name alone is too often a word ("and mark it done").
  if (!candidate || candidate.toLowerCase() === first.toLowerCase()) return null;
  return candidate.split(/\s+/).some((word) => lexicon.lastNames.has(word.toLowerCase())) ? candidate : null;
}

function findProduct(text: string, lexicon: Lexicon): string | null {
  const named = firstMatch(wordPatterns(lexicon.products), text);
  if (named) return named;
  // Field shorthand: the first five or more letters of one product's name ("pembro", "tofa").
  for (const word of text.match(/\b[a-z]{5,}\b/g) ?? []) {
    const ids = new Set([...lexicon.products].filter(([name]) => name.startsWith(word) && name !== word).map(([, id]) => id));
    if (ids.size === 1) return [...ids][0]!;
  }
  return null;
}

/** The content topic: the question minus request words, names and pronouns. */
function topicOf(question: string, name: string | null): string {
  let text = question;
  if (name) text = text.replace(new RegExp(escapeRegExp(name), 'i'), ' ');
  return text
    .replace(/\b(dr|doctor)\.?\s/gi, ' ')
    // "3 approved gilenya pieces for a neurologist": the count and who it is for are no topic.
    .replace(/^\s*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+/i, ' ')
    .replace(/\bfor an? [a-z]+(ologist|ician|iatrist)s?\b/gi, ' ')
    .replace(
      /\b(what|which|do|does|we|i|you|have|has|is|are|there|any|anything|search|approved|content|contents|material|materials|module|modules|resources?|stuff|things|on|about|for|regarding|around|show|me|find|give|get|list|can|could|share|send|use|the|a|an|to|her|him|them|with|please|our|some|available|leave[- ]behinds?|slides?|pull|grab|fetch|go|it|pieces?|got|just|only|nothing more|no more|top \d{1,2}|(?:limit|max|cap(?: it)?(?: at)?) \d{1,2}|pls|plz|am|allowed|permitted|hand out|give out)\b/gi,
      ' ',
    )
    .replace(/[?!.,;:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function findPeriod(text: string, today: string): Period | null {
  const since = text.match(/\bsince (the |her |his |their )?(webinar|congress|conference|booth)\b/);
  if (since) return { kind: 'since_event', event: since[2] === 'webinar' ? 'webinar' : 'congress', label: `since the ${since[2]}` };
  const date = text.match(/\bsince (20\d\d-\d\d-\d\d)\b/);
  if (date) return { kind: 'since_date', date: date[1]!, label: `since ${date[1]}` };
  if (/\b(last|past) week\b|\bthis week\b|\blast 7 days\b/.test(text)) return { kind: 'days', days: 7, label: 'in the last 7 days' };
  if (/\b(last|past) month\b|\bthis month\b|\blast 30 days\b/.test(text)) return { kind: 'days', days: 30, label: 'in the last 30 days' };
  if (/\b(last|past) (quarter|3 months|three months)\b/.test(text)) return { kind: 'days', days: 90, label: 'in the last 90 days' };
  if (/\byesterday\b/.test(text)) return { kind: 'days', days: 2, label: 'since yesterday' };
  void today;
  return null;
}

/** Asking how an HCP engages with the emails sent ("is she reading our emails", "has he been opening what we send"). */
export function asksEmailEngagement(text: string): boolean {
  return (/\b(opens?|opened|opening|clicks?|clicked|clicking|read(s|ing)?|ignor\w*|engag\w*|respond\w*|look(s|ing)? at)\b/.test(text) && /\be-?mails?\b/.test(text)) || /\b(open|read|click)(s|ed|ing)? (what|anything|the stuff|the things) (we|i) (send|sent)\b/.test(text);
}

/** An intent signal nobody followed up, in the field's words: "dead ends", "who's ghosting me", "went cold after clicking". */
export const DEAD_END_WORDS = /\bdead[- ]?ends?\b|\bdead to (me|us)\b|\bghost(ing|ed)? (me|us)\b|\bstonewall\w*|\bleft (me|us) on read\b|\b((gone|went|going) (dark|quiet|cold|silent)|stopped (responding|replying)|blow(ing|n)? (me|us) off|dropped off|fell off|drop[- ]?offs?|(engaged|interested|clicked|downloaded) (then|and then|but) (dropped|went|vanished|disappeared|nothing))\b|\b(i'?ve|we'?ve|i have|we have) lost\b|\blost (completely|entirely|touch with)\b|\bnever (respond|reply|answer|engage|open)\w*( anymore| any more)?\b|\b(don'?t|doesn'?t|do not) (respond|reply|engage) anymore\b/;

/** A follow-up owed or late, in any order: "follow-ups am i late on", "where a follow-up is due", "overdue follow-ups", "i owe her a follow-up". */
export const FOLLOW_UP_OWED =
  /\bfollow[- ]?ups?\b[^.?!;]{0,25}?\b(overdue|due|owed?|pending|late|behind|outstanding|slip(ped)?)\b|\b(overdue|late|pending|outstanding|past[- ]due|owed?|owing|behind on)\b[^.?!;]{0,12}?\bfollow[- ]?ups?\b|\blet (a |the )?follow[- ]?ups? slip\b|\b(late|behind|overdue|slow)\b[^.?!;]{0,12}?\bfollow(ing)? up\b/;

/** Taking a recommendation up in words of agreement: "ok do it", "sounds good", "will do", "i'll take it". Whole message only. */
export const ACCEPTS_IT = /^\W*(?:(?:ok(?:ay)?|yes|yep|yeah|sure|fine|great|cool|alright|perfect|good call|fair enough|then|right|grand|makes sense)\W+)*(?:(?:i'?ll|we'?ll|let'?s|i will|we will) (?:take|go with|follow|accept|run with|act on) (?:omni'?s|the|your|that|its|this) (?:suggestion|recommendation|rec|advice|nba|call|idea)|do it|let'?s do (?:it|that|this)|will do|i'?ll do (?:it|that|this)|go(?:ing)? (?:for it|with (?:it|that|this))|sounds good|makes sense|(?:i'?m )?on it|i'?ll take (?:it|that)|agreed?|works for me|that works|done deal|i'?ll (?:do|book|schedule|set up|take|go with|make|plan) (?:the |that |a |an )?(?:visit|call|email|meeting|detail|remote detail|f2f|it|that|one))(?:\W+(?:thanks|thx|ty|then|tomorrow|this week|next week))?\W*$/;

/** Words that dismiss a recommendation: "dismiss it", "kill the nba", "it's garbage", "not useful, he moved on". */
export const DISMISS_WORDS = /\b(thumbs[- ]?down|dismiss(ed|ing)?|reject(ed)?|ignore|kill (off )?(it|that|this|the (nba|rec|recommendation|suggestion))|useless|garbage|pointless|irrelevant|(totally|completely|just|dead|plain) wrong|off base|bogus|nonsense|not (useful|relevant|helpful|applicable)|no longer (relevant|applies)|does(n'?t| not) apply|junk|rubbish|trash (it|that|this)|(throw|toss|bin|scrap|ditch) (it|that|this)( out| away)?|(rec|recommendation|nba|suggestion) is off|(bin|scrap|ditch|drop|kill|trash|nuke|axe) (the|this|that|his|her|their) (rec|recommendation|nba|suggestion)|that'?s (just )?(wrong|incorrect|not right|outdated|out of date|stale)|(she|he|they)(?:'s| has| have)? (already )?(switched|moved (on|away)|left (the|her|his|their) (practice|clinic|hospital)|retired|stopped (prescribing|seeing))|(nba|rec|recommendation|suggestion) (makes no sense|is stale|is outdated))\b/;

function findFeedback(text: string, today: string): ParsedQuestion['feedback'] {
  const verdict = SNOOZE_WORDS.test(text) ? 'snooze' : DISMISS_WORDS.test(text) ? 'dismiss' : 'accept';
  const until = text.match(DATE)?.[1] ?? monthDay(text, today) ?? holiday(text, today) ?? relativeDay(text, today);
  return { verdict, until };
}

/** "till after thanksgiving", "until christmas": the holiday's next date (the day after it for "after"), as YYYY-MM-DD. */
function holiday(text: string, today: string): string | null {
  // "the monday after thanksgiving": the first such weekday after the holiday.
  const weekdayAfter = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday) after (thanksgiving|christmas|xmas|new year'?s?|labou?r day|memorial day|halloween)\b/.exec(text);
  if (weekdayAfter) {
    const day = holiday(weekdayAfter[2]!, today);
    if (!day) return null;
    const date = new Date(`${day}T00:00:00Z`);
    const ahead = (WEEKDAYS.indexOf(weekdayAfter[1]!) - date.getUTCDay() + 7) % 7 || 7;
    return new Date(date.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
  }
  const match = /\b(after )?(thanksgiving|christmas|xmas|boxing day|new year'?s?|labou?r day|memorial day|halloween)\b/.exec(text);
  if (!match) return null;
  const now = new Date(today);
  const on = (year: number): Date => new Date(match[2]!.startsWith('new year') ? Date.UTC(year + 1, 0, 1) : `${holidayIn(match[2]!, year)}T00:00:00Z`);
  let date = on(now.getUTCFullYear());
  if (date.getTime() < Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) date = on(now.getUTCFullYear() + 1);
  if (match[1]) date = new Date(date.getTime() + 86_400_000);
  return date.toISOString().slice(0, 10);
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "till Monday" (the next Monday after today), "tomorrow", "next week" (a week from today), "in 3 days", "for two weeks". */
function relativeDay(text: string, today: string): string | null {
  const now = new Date(today);
  const plus = (days: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days)).toISOString().slice(0, 10);
  const weekday = /\b(sun|mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?)(day)?\b/.exec(text);
  if (weekday) {
    const target = WEEKDAYS.findIndex((name) => name.startsWith(weekday[1]!.slice(0, 3)));
    const ahead = (target - now.getUTCDay() + 7) % 7 || 7;
    return plus(ahead);
  }
  if (/\btomorrow\b/.test(text)) return plus(1);
  if (/\b(a|one|for a|in a) fortnight\b/.test(text)) return plus(14);
  if (/\bnext week\b/.test(text)) return plus(7);
  if (/\bnext month\b/.test(text)) return plus(30);
  const counted = /\b(?:(?:in|for|snooze|snoozed|park|parked) )?(\d{1,2}|a|one|two|three|four) (day|week|wk|month|mo)s?\b/.exec(text);
  if (counted) {
    const count = { a: 1, one: 1, two: 2, three: 3, four: 4 }[counted[1] as 'a'] ?? Number(counted[1]);
    return plus(count * (counted[2] === 'day' ? 1 : counted[2]!.startsWith('w') ? 7 : 30));
  }
  // "till the end of the month": its last day.
  if (/\bend of (the |this )?month\b/.test(text)) return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "until Dec 15", "till the 3rd of january", "til 12/10": the next such day after today, as YYYY-MM-DD. */
/** "till the 7th": that day of this month when it is still ahead, else of the next month. */
function dayOfMonth(text: string, today: string): string | null {
  const match = /\b(?:till?|until|to|through|thru|on) the (\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  const day = Number(match?.[1] ?? 0);
  if (day < 1 || day > 31) return null;
  const now = new Date(today);
  for (let ahead = 0; ahead <= 2; ahead++) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, day));
    if (date.getUTCDate() === day && date.getTime() > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) return date.toISOString().slice(0, 10);
  }
  return null;
}

function monthDay(text: string, today: string): string | null {
  // "til 12/10": month/day as written in the US.
  const numeric = /\b(?:till?|until|to|through|thru|on)\s+(\d{1,2})\/(\d{1,2})\b/.exec(text);
  const match =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?\b/.exec(text) ??
    /\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(text);
  if (!match && !numeric) return dayOfMonth(text, today);
  const [monthWord, dayText] = match ? (/^\d/.test(match[1]!) ? [match[2]!, match[1]!] : [match[1]!, match[2]!]) : [MONTHS[Number(numeric![1]) - 1] ?? '', numeric![2]!];
  const month = MONTHS.indexOf(monthWord);
  const day = Number(dayText);
  if (month < 0 || day < 1 || day > 31) return null;
  const now = new Date(today);
  let year = now.getUTCFullYear();
  if (Date.UTC(year, month, day) <= Date.UTC(year, now.getUTCMonth(), now.getUTCDate())) year += 1;
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month ? date.toISOString().slice(0, 10) : null;
}
