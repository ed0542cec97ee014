import type { ConversationFocus } from '../../../core/chat-model.ts';
import { ASKS_WEAKEST, droppedSpecialty, escapeRegExp, metricsNamed, NUMBER_WORDS } from '../analytics-question.ts';
import { ADDS_TO_DRAFT, droppedFilter, UNDOES_NARROWING, asksEmailEngagement, channelsAsked, CONTENT_CUES, DEAD_END_WORDS, FOLLOW_UP_OWED, RANKS_PAIR, SNOOZE_WORDS, DISMISS_WORDS, ACCEPTS_IT, findSecondName, LABEL_WORDS, normaliseQuestion, OPEN_QUESTIONS, readEntities, withIntent, withoutChannelWords, type Intent, type Lexicon, type ParsedQuestion, type QuestionEntities } from '../question-parser.ts';
import { competitorNamedIn } from '../../../insights/lexicons.ts';
import { mentionsPatientEvent, policyTopic } from '../policy-answers.ts';
import type { IntentClassifier, IntentScore } from './intent-classifier.ts';
import { SpellingCorrector } from './spelling.ts';
import { MASKED_PLACEHOLDERS, type NluIntent } from './training-data.ts';
import { plainQuestion } from './plain-question.ts';

/**
 * The local model's understanding pipeline, in order:
 * 1. typo repair against the words it knows (spelling.ts);
 * 2. entities from the data the user may see (names, products, channels, periods, metrics…);
 * 3. names masked to the stand-ins the classifier was trained with (a name says nothing of intent);
 * 4. the intent classifier on the whole question and, when it has two parts, on each part;
 * 5. a persona prior (a rep rarely asks for team metrics), then the dialogue state: a follow-up
 *    ("and by rep?", "what about her phone?", "the second one") inherits the thread's last reading.
 * When the best reading is still unsure it asks, offering the likeliest readings as choices.
 */

/** Below this calibrated probability the pipeline asks instead of guessing. */
export const CLARIFY_BELOW = 0.4;
/** A follow-up-worded question that changes nothing is read as its likeliest other intent when that one is this sure (refine left out). */
const REFINE_FALLBACK_AT_LEAST = 0.5;
/** Each part of a two-part question must be at least this sure to be answered as two questions. */
const SPLIT_AT_LEAST = 0.55;
/** A reading about an HCP this sure is not overridden by a metric or filter word that would refine the thread's last query. */
const SURE_ABOUT_HCP = 0.8;

export type Understood =
  | { kind: 'readings'; readings: ParsedQuestion[] }
  | { kind: 'clarify'; message: string; choices: string[] };

export interface UnderstandingTrace {
  /** The question after typo repair and masking, as classified. */
  classified: string;
  /** The question as read: a chosen reply's text, typos repaired, names as written. */
  read: string;
  repairs: { from: string; to: string }[];
  scores: IntentScore[];
  /** How the reading was reached: the classifier, a follow-up of the thread, a clarification choice. */
  route: 'classifier' | 'follow_up' | 'choice' | 'two_questions' | 'clarify';
}

export interface UnderstandingInput {
  question: string;
  lexicon: Lexicon;
  role: string;
  now: string;
  focus: ConversationFocus;
}

/** Intents that are about one HCP: a follow-up naming another HCP or a channel keeps the intent. */
const HCP_INTENTS: ReadonlySet<Intent> = new Set(['brief', 'next_action', 'consent', 'why', 'why_not', 'draft', 'content']);

/** How likely each persona is to mean an intent, relative to the others (1 when not listed). */
const PERSONA_PRIOR: Record<string, Partial<Record<NluIntent, number>>> = {
  rep: { performance: 0.3, maturity: 0.3, insights: 0.4 },
  msl: { performance: 0.3, maturity: 0.3, plan: 0.8, draft: 0.7 },
  medical_affairs: { performance: 0.5, maturity: 0.3, plan: 0.5, draft: 0.4, next_action: 0.6, consent: 0.7 },
  manager: { insights: 0.5, draft: 0.3, feedback: 0.5, consent: 0.6, next_action: 0.6, content: 0.5 },
};

export class Understanding {
  private readonly correctors = new WeakMap<Lexicon, SpellingCorrector>();

  constructor(
    private readonly classifier: IntentClassifier,
    /** Words the pipeline knows (training data and common words) with their frequencies. */
    private readonly knownWords: ReadonlyMap<string, number>,
    /** English words typo repair leaves alone (data/nlu/english-words.txt). */
    private readonly dictionary: ReadonlySet<string> = new Set(),
  ) {}

  async understand(input: UnderstandingInput): Promise<{ understood: Understood; trace: UnderstandingTrace }> {
    const { lexicon, now } = input;
    const focus = withLiveQuery(input.focus);
    // A reply to a clarifying question: "2", "the second one", or a choice's text.
    const chosen = pickChoice(input.question, focus.choices ?? []);
    const question = chosen ?? input.question;
    // Greetings, thanks and texting shorthand carry no intent: the ask is read without them.
    const { text: repaired, repairs } = this.correctorFor(lexicon).correctText(plainQuestion(question));
    const entities = withConsentedOne(withThreadHcp(withNextOne(withOtherOne(withMeetingChannel(readEntities(repaired, lexicon, now), input.role, normaliseQuestion(repaired)), focus, normaliseQuestion(repaired)), focus, normaliseQuestion(repaired)), focus, normaliseQuestion(repaired)), focus, normaliseQuestion(repaired));
    const masked = maskNames(repaired, entities, lexicon);
    const parts = splitParts(repaired);
    const partEntities = parts.map((part) => readEntities(part, lexicon, now));
    const [whole, ...partScores] = await this.classifier.classify([masked, ...parts.map((part, index) => maskNames(part, partEntities[index]!, lexicon))]);
    const text = normaliseQuestion(repaired);
    const scores = withEvidence(withPrior(whole!, input.role), entities, focus, input.role, text, namesCity(text, lexicon));
    const trace: UnderstandingTrace = { classified: masked.trim(), read: repaired, repairs, scores, route: chosen ? 'choice' : 'classifier' };

    // Two questions in one ("brief me on Dr. Kim and can I email her?"): each part answered, the
    // second inheriting the first's HCP.
    // "which of the two should i see first? nba for both": the thread's two HCPs, each asked about (below), not two questions.
    const aboutBoth = BOTH.test(text) && (focus.discussed ?? []).length >= 2 && !entities.hcpName && !entities.hcpId;
    if (parts.length === 2 && !aboutBoth) {
      const [first, second] = partEntities as [QuestionEntities, QuestionEntities];
      // "f2f w luis mahmoud ok? if not whats the alternative": leave on that channel, then what else to do.
      if (first.channel && (first.hcpName || first.hcpId || (first.pronoun && focus.hcpId)) && /^\W*(and )?(if (not|no|that'?s a no|it'?s a no|she says no|he says no)|otherwise|else|failing that)\b/i.test(parts[1]!)) {
        trace.route = 'two_questions';
        const inherited = { ...second, hcpId: first.hcpId, hcpName: first.hcpName, pronoun: second.pronoun || Boolean(first.pronoun) };
        return { understood: { kind: 'readings', readings: [withIntent(first, 'consent', normaliseQuestion(parts[0]!), now), withIntent(inherited, 'next_action', normaliseQuestion(parts[1]!), now)] }, trace };
      }
      // Each part with the same evidence the whole question gets ("what's the nba" is a next step however few its words).
      // The second part about the first part's HCP ("what's next with paul? is f2f ok") is read as about that HCP.
      const aboutFirst = (entities: QuestionEntities, index: number): QuestionEntities => (index === 1 && !entities.hcpName && !entities.hcpId ? { ...entities, hcpName: first.hcpName, hcpId: first.hcpId, pronoun: true } : entities);
      const tops = partScores.map((part, index) => withEvidence(withPrior(part, input.role), aboutFirst(partEntities[index]!, index), focus, input.role, normaliseQuestion(parts[index]!))[0]!);
      // Each part read as a question of its own would be: "brief me on the 2nd one" is a follow-up on the thread's list.
      const intents = tops.map((top, index) => (top.intent === 'refine' ? (resolveFollowUp(partEntities[index]!, focus)?.intent ?? null) : (top.intent as Intent)));
      // "is email ok for Dr. Brennan? and what about Dr. Larsen": the second part asks the first part's question of another HCP.
      const firstIntent = intents[0] ?? null;
      if ((tops[1]!.intent === 'refine' || /^(and |ok |so )?(what|how) about\b/i.test(parts[1]!)) && firstIntent && HCP_INTENTS.has(firstIntent) && (second.hcpId || second.hcpName) && !(first.hcpId === second.hcpId && first.hcpName === second.hcpName)) {
        trace.route = 'two_questions';
        const again = { ...second, channel: second.channel ?? first.channel, purpose: second.purpose ?? first.purpose };
        return {
          understood: { kind: 'readings', readings: [withIntent(first, firstIntent, normaliseQuestion(parts[0]!), now), withIntent(again, firstIntent, normaliseQuestion(parts[1]!), now)] },
          trace,
        };
      }
      const verdictSaid = (intent: Intent | null, index: number) => intent !== 'feedback' || VERDICT.test(normaliseQuestion(parts[index]!));
      if (tops.every((top) => top.probability >= SPLIT_AT_LEAST) && intents.every((intent, index) => intent !== null && !['refine', 'greeting', 'out_of_scope', 'capabilities'].includes(intent) && verdictSaid(intent, index)) && (intents[0] !== intents[1] || (intents[0] === 'consent' && Boolean(second.channel) && first.channel !== second.channel) || (intents[0] === 'performance' && Boolean(second.analytics?.metric) && first.analytics?.metric !== second.analytics?.metric))) {
        const inherited = second.hcpId || second.hcpName ? second : { ...second, hcpId: first.hcpId, hcpName: first.hcpName, ordinal: second.ordinal ?? first.ordinal, pronoun: second.pronoun || Boolean(first.hcpId || first.hcpName) };
        trace.route = 'two_questions';
        return {
          understood: { kind: 'readings', readings: [withIntent(first, intents[0]!, normaliseQuestion(parts[0]!), now), withIntent(inherited, intents[1]!, normaliseQuestion(parts[1]!), now)] },
          trace,
        };
      }
    }

    // Harmful know-how, whatever words it borrows ("detailed step-by-step instructions for synthesizing …").
    if (!entities.hcpId && !entities.hcpName && !entities.productId && (HARM_ALWAYS.test(text) || (HOW_TO_HARM.test(text) && !hasDomainSignal(entities, text)))) {
      return { understood: { kind: 'readings', readings: [withIntent(entities, 'out_of_scope', text, now)] }, trace };
    }
    const top = scores[0]!;
    let perHcpIntent = HCP_INTENTS.has(top.intent as Intent) && top.intent !== 'content' && top.probability >= CLARIFY_BELOW ? (top.intent as Intent) : null;
    // "nba for helen ruiz and chloe marchetti": the same question about each of them; "alicia abadi or arjun acosta - who should i see first" ranks the two.
    const second = entities.hcpName && (perHcpIntent || top.intent === 'plan') ? findSecondName(repaired, lexicon, entities.hcpName) : null;
    // Two HCPs and "which first / vs / priority": their next best actions, ranked (a brief of each answers another question).
    if (second && (!perHcpIntent || (perHcpIntent === 'brief' && RANKS_PAIR.test(text)))) perHcpIntent = 'next_action';
    if (second && perHcpIntent) {
      trace.route = 'two_questions';
      const other = { ...entities, hcpName: second, hcpId: null, pronoun: false };
      return { understood: { kind: 'readings', readings: [withIntent(entities, perHcpIntent, text, now), withIntent(other, perHcpIntent, text, now)] }, trace };
    }
    // "nba for both", "which of the two should i see first": the thread's last two HCPs, each asked about.
    const pair = !entities.hcpName && !entities.hcpId && BOTH.test(text) ? (focus.discussed ?? []).slice(0, 2).reverse() : [];
    if (pair.length === 2) {
      trace.route = 'follow_up';
      const intent = perHcpIntent ?? 'next_action';
      return { understood: { kind: 'readings', readings: pair.map((hcpId) => withIntent({ ...entities, hcpId, hcpName: null, pronoun: false, ordinal: null }, intent, text, now)) }, trace };
    }
    // "can i email the top two", "nba for the first 3" after a list: the same question about each of those entries.
    const head = !entities.hcpName && !entities.hcpId && focus.listed.length > 1 ? listHead(text, focus.listed.length) : 0;
    const eachIntent: Intent | null = entities.channel
      ? /\b(draft|write|compose)\b/.test(text) ? 'draft' : 'consent'
      : /\b(nba|next best|next (step|action|move)s?)\b/.test(text) ? 'next_action' : /\b(brief|briefs|rundown)\b/.test(text) ? 'brief' : perHcpIntent && perHcpIntent !== 'brief' ? perHcpIntent : null;
    if (head >= 2 && eachIntent) {
      trace.route = 'follow_up';
      return { understood: { kind: 'readings', readings: focus.listed.slice(0, head).map((hcpId) => withIntent({ ...entities, hcpId, hcpName: null, pronoun: false, ordinal: null }, eachIntent, text, now)) }, trace };
    }
    // "by territory" after a metric, "only neurologists" after a field summary: a performance or insights
    // reading that names no metric (or concern, product, specialty) of its own changes the thread's last query.
    // "what are the open questions on it" after a field summary: the same notes ("it", "those").
    const notesAgain = top.intent === 'insights' && focus.lastQuery?.tool === 'summarize_field_insights' && REFERS_BACK.test(text) && !entities.hcpName && !entities.hcpId;
    // "now show the median days to follow up instead", "acceptance, same window": another metric, the rest of the last query kept.
    const switchesMetric = Boolean(entities.analytics?.metric) && SWITCHES_METRIC.test(text);
    const changesLastQuery = focus.lastQuery && ((top.intent === 'performance' && focus.lastQuery.tool === 'query_performance' && (!entities.analytics?.metric || switchesMetric)) || (top.intent === 'insights' && focus.lastQuery.tool === 'summarize_field_insights' && isShort(repaired)) || notesAgain);
    // "email?", "ok and phone", "whats app?" about the thread's HCP: only a channel, so the same HCP on that channel.
    // "email it to him" sends something: a draft, not a channel question.
    const channelOnly = Boolean(entities.channel && focus.hcpId && !entities.hcpName && !entities.hcpId && onlyAChannel(withoutChannelWords(text)) && !SENDS_IT.test(text));
    // A short question that only changes the thread's last metric or field query ("can u break that out per rep", "last 90 days instead").
    const analyticsOnly = Boolean(
      focus.lastQuery &&
        !entities.hcpName &&
        !entities.hcpId &&
        // "list the actual dead-end docs" after a dead-end rate: the HCPs, not the rate again.
        !(HCP_NOUNS.test(text) && /\b(list|which|who|names?|actual)\b/.test(text)) &&
        repaired.trim().split(/\s+/).length <= 8 &&
        // "narrow it to keytruda", "filter to stelara": a product narrows a metric or field summary too.
        (changesAnalytics(entities) ||
          // "swap the channel to whatsapp" after a metric: the same figures on that channel.
          (entities.channel && focus.lastQuery.tool === 'query_performance' && (NARROWS.test(text) || /\bchannel\b/.test(text))) ||
          (entities.productId && isShort(repaired) && (NARROWS.test(text) || (repaired.trim().split(/\s+/).length <= 4 && !CONTENT_CUES.test(text) && !LABEL_ASK.test(text))) && ['query_performance', 'summarize_field_insights'].includes(focus.lastQuery.tool))),
    );
    // "just the ones in columbus" after a plan: the same plan in that city.
    const cityOnly = Boolean(focus.lastQuery?.tool === 'plan_territory' && !entities.hcpName && !entities.hcpId && isShort(repaired) && [...(lexicon.cities ?? [])].some((city) => text.includes(` ${city} `) || text.includes(` ${city}?`)));
    // "is there a version ok for whatsapp?" after a content search: the same search on that channel.
    // "visit allowed?" in a thread about an HCP stays a consent question.
    const contentChannel = Boolean(entities.channel && focus.intent === 'content' && focus.lastQuery?.tool === 'search_approved_content' && !entities.hcpName && !entities.hcpId && !entities.pronoun && !(focus.hcpId && CONSENT_ASK.test(text)));
    // "draft a followup email" after a content search: a sure reading about an HCP is the question, whatever metric word it holds.
    // "restrict to keytruda" after a field summary is no content search, however sure the classifier is.
    const sureAboutHcp = HCP_INTENTS.has(top.intent as Intent) && top.intent !== 'content' && top.probability >= SURE_ABOUT_HCP && Boolean(focus.hcpId || entities.hcpName || entities.hcpId || entities.pronoun);
    // "the first one - who is that" after a list: an entry of the list, however many words.
    const listEntry = (entities.ordinal !== null || Boolean(entities.describedAs)) && (focus.listed.length > 0 || (entities.ordinal !== null && (focus.discussed ?? []).length >= 2)) && !entities.hcpName && !entities.hcpId;
    // "narrow to the ones where i owe a follow-up", "only the neuro ones" after a plan: the same plan, narrowed.
    const planNarrow = focus.lastQuery?.tool === 'plan_territory' && !entities.hcpName && !entities.hcpId && entities.ordinal === null && !entities.describedAs && (((NARROWS.test(text) || /\b(the ones|those|them)\b/.test(text)) && (PLAN_FLAG_WORDS.test(text) || Boolean(entities.analytics?.segment || entities.analytics?.specialty))) || Boolean(droppedSpecialty(text)));
    // "never mind, back to the full A list", "drop the filters" after a narrowed list or figure: the query before the narrowing.
    // "drop the segment filter": the same query without it.
    // "nvm, what's the nba for her" is another question, not an undo.
    const narrowedBefore = (focus.earlierQueries ?? []).some((query) => query.tool === focus.lastQuery?.tool);
    const undoes = Boolean(focus.lastQuery) && !entities.hcpName && !entities.hcpId && !entities.pronoun && entities.ordinal === null && (Boolean(droppedFilter(text)) || (UNDOES_NARROWING.test(text) && (narrowedBefore || /\b(filters?|list|back to|ranking|numbers|figures)\b/.test(text))));
    // "open up the top result, what does it say" after a content search: that module.
    const contentEntry = focus.lastQuery?.tool === 'search_approved_content' && entities.ordinal !== null && !entities.hcpName && !entities.hcpId && !entities.channel && !/\b(draft|write|email|send|text)\b/.test(text);
    // "okonkwo - same thing?": the thread's last question, about another HCP.
    // "what about her colleague gabriel acosta": only another HCP, so the same question about them.
    // "no wait, i meant okonkwo": a correction, so the same question about the one meant.
    const onlyAnotherHcp =
      Boolean(entities.hcpName) &&
      (/^\W*(?:(?:and|so|ok|okay|hmm)\W+)?(?:what|how) about\b/.test(text) || /^\W*(?:(?:no|nope|wait|sorry|oops|actually|ugh|my bad)\W+)*(?:i meant|i mean|meant|make that|rather|not \w+)\b|\bwrong (?:doc|doctor|hcp|person|one|name|guy|lady|physician)\b|\bshould (?:have )?(?:been|be)\b|\bscratch (?:that|it)\b|\b(?:it'?s|its) \S+ (?:i|we) (?:need|want|mean|meant)\b/.test(text)) &&
      text.replace(new RegExp(escapeRegExp(entities.hcpName!.toLowerCase()), 'g'), ' ').replace(/\bnot (dr\.? )?(?:[\p{L}'-]+ ?){1,3}(?=\s*(?:[—–,;:]|-\s|$|i meant\b|i mean\b|meant\b|it'?s\b))/gu, ' ').replace(/\bnot (dr\.? )?[\p{L}'-]+\b/gu, ' ').replace(/\b(and|so|ok|okay|hmm|what|how|about|scratch|that|it'?s|i need|need|her|his|their|the|colleague|partner|other|one|dr|doctor|then|too|also|no|nope|wait|sorry|oops|actually|ugh|my|bad|i|meant|mean|make|that|rather|not|him|instead|wrong|doc|hcp|person|name|guy|lady|physician|should|have|been|be|it|its|it's|was|is)\b|[^\p{L}\s]/gu, ' ').trim() === '';
    const sameAgain = (Boolean(entities.hcpName || entities.hcpId) && /\bsame (thing|question|q|check|deal|here|for (her|him|them))\b|\bditto\b|\bsame\W*$/.test(text)) || onlyAnotherHcp;
    // "is that one ok to send by text" after a content search: the same search on that channel (a draft asks for one).
    const contentOnChannel = contentChannel && !CONSENT_ASK.test(text.replace(/\b(ok|okay|fine)\b/, '')) && !/\b(draft|write|compose|prep(are)?|follow[- ]?up)\b/.test(text);
    const unnamed = !entities.hcpName && !entities.hcpId;
    // "any of them ok for whatsapp?" after a plan: the plan's HCPs with that consent.
    const planConsent = focus.lastQuery?.tool === 'plan_territory' && unnamed && Boolean(entities.channel) && /\b(any|which|who) (of|among) (them|those|these|the list)\b/.test(text);
    // "who's below 50%" after a metric: the same figures, ranked.
    const metricThreshold = focus.lastQuery?.tool === 'query_performance' && unnamed && /\d+ ?%|\bpercent\b/.test(text) && /\b(below|under|above|over|less than|more than|at least|at most)\b/.test(text);
    // "which hcps raised that" after a field summary: the same notes, which name who said it.
    const whoRaised = focus.lastQuery?.tool === 'summarize_field_insights' && unnamed && entities.ordinal === null && !entities.describedAs && /\b(which|who|what) (\w+ )?(raised|asked|said|mentioned|brought( it)? up|flagged)\b/.test(text);
    // "it's actually an invite to the kalydeco dinner meeting" after a consent answer: the same question for that purpose.
    const purposeSwitch = focus.hcpId && unnamed && Boolean(entities.purpose) && (focus.intent === 'consent' || focus.intent === 'why_not') && !/\b(draft|write|compose|send|prepare|prep|put together|find|bring|search|look|get|show|content|responses?|materials?|letters?|reply|email (her|him|them))\b/.test(text);
    // "add something on the patient support programme" after a draft: more approved material in that draft.
    const addsToDraft = focus.intent === 'draft' && Boolean(focus.draft) && unnamed && ADDS_TO_DRAFT.test(text);
    // "no wait, i meant an email not a text", "make it a whatsapp" after a draft: the same draft on that channel.
    const redraftsOnChannel = focus.intent === 'draft' && Boolean(focus.hcpId) && unnamed && ['email', 'sms', 'whatsapp'].includes(entities.channel ?? '') && /\b(i meant|meant|make (it|that|this)|instead|rather|switch|change|as an?|not an?|turn (it|that|this) into|redo|swap)\b/.test(text) && !CONSENT_ASK.test(text.replace(/\b(ok|okay|fine)\b/g, ''));
    const followUp = addsToDraft || redraftsOnChannel
      ? { intent: 'draft' as Intent, entities: { ...entities, pronoun: true } }
      : undoes || contentEntry || planNarrow || contentOnChannel || planConsent || metricThreshold || whoRaised
      ? { intent: 'refine' as Intent, entities }
      : purposeSwitch
        ? { intent: 'consent' as Intent, entities: { ...entities, channel: entities.channel ?? (focus.channel as QuestionEntities['channel']), pronoun: true } }
        : (top.intent === 'refine' || channelOnly || sameAgain || (!sureAboutHcp && (changesLastQuery || analyticsOnly || contentChannel || (listEntry && Boolean(entities.channel)))) || (top.probability < CLARIFY_BELOW && (isShort(repaired) || listEntry))
        ? resolveFollowUp(entities, focus, text)
        : null) ?? (cityOnly || notesAgain ? { intent: 'refine' as Intent, entities } : null);
    if (followUp) {
      trace.route = 'follow_up';
      // "ok and #2 — email or phone?": one consent answer per channel.
      const channels = followUp.intent === 'consent' ? channelsAsked(text, input.question) : [];
      if (channels.length >= 2) return { understood: { kind: 'readings', readings: channels.slice(0, 3).map((channel) => withIntent({ ...followUp.entities, channel }, 'consent', text, now)) }, trace };
      return { understood: { kind: 'readings', readings: [withIntent(followUp.entities, followUp.intent, text, now)] }, trace };
    }
    // "is it OK to call Dr. Lee about the adverse event she mentioned?": the consent answer and the duty to report (or the report itself).
    if ((top.intent === 'policy' || top.intent === 'adverse_event') && entities.channel && (entities.hcpName || entities.hcpId || (entities.pronoun && focus.hcpId)) && CONSENT_ASK.test(text)) {
      return { understood: { kind: 'readings', readings: [withIntent(entities, 'consent', text, now), withIntent(entities, top.intent, text, now)] }, trace };
    }
    // "if email's fine for rachel sato, draft a quick follow up": the leave first, then what it was for.
    const condition = /^\W*if (.{3,80}?)(?:'s|s| is| are) (fine|ok|okay|allowed|good|clear|a go|consented),?\s+(?:then\s+)?(.{3,})$/.exec(text.trim());
    if (condition && entities.channel && (entities.hcpName || entities.hcpId || (entities.pronoun && focus.hcpId)) && HCP_INTENTS.has(top.intent as Intent) && top.intent !== 'consent' && top.probability >= CLARIFY_BELOW) {
      trace.route = 'two_questions';
      return { understood: { kind: 'readings', readings: [withIntent(entities, 'consent', text, now), withIntent(entities, top.intent as Intent, text, now)] }, trace };
    }
    // "acceptance by rep and our maturity stage": the metric, then the maturity stage.
    if ((top.intent === 'performance' || top.intent === 'maturity') && entities.analytics?.metric && /\b(and|also|plus|as well as)\b|[&+]/.test(text) && /\bmaturity\b|\bomnichannel (stage|level)\b/.test(text)) {
      trace.route = 'two_questions';
      return { understood: { kind: 'readings', readings: [withIntent(entities, 'performance', text, now), withIntent(entities, 'maturity', text, now)] }, trace };
    }
    // "follow-up rate by rep and also consent coverage by rep": one answer per metric, the rest of the question shared.
    const metrics = top.intent === 'performance' && /\b(and|also|plus|as well as)\b|[&+]/.test(text) ? metricsNamed(text) : [];
    if (metrics.length >= 2 && entities.analytics) {
      trace.route = 'two_questions';
      return { understood: { kind: 'readings', readings: metrics.slice(0, 3).map((metric) => withIntent({ ...entities, analytics: { ...entities.analytics!, metric } }, 'performance', text, now)) }, trace };
    }
    if (top.intent !== 'refine' && top.probability >= CLARIFY_BELOW) {
      // "consent status for Dr. Varga on email + phone": one consent answer per channel.
      const channels = top.intent === 'consent' ? channelsAsked(text, input.question) : [];
      if (channels.length >= 2) return { understood: { kind: 'readings', readings: channels.slice(0, 3).map((channel) => withIntent({ ...entities, channel }, 'consent', text, now)) }, trace };
      return { understood: { kind: 'readings', readings: [withIntent(entities, top.intent as Intent, text, now)] }, trace };
    }
    // Worded like a follow-up ("and whats the next best action", "draft that then") but changing nothing the
    // thread holds: the question it asks, when the other readings agree on one.
    const asked = top.intent === 'refine' ? withoutRefine(scores)[0] : undefined;
    if (asked && asked.probability >= REFINE_FALLBACK_AT_LEAST && !['greeting', 'out_of_scope', 'capabilities'].includes(asked.intent)) {
      return { understood: { kind: 'readings', readings: [withIntent(entities, asked.intent as Intent, text, now)] }, trace };
    }
    trace.route = 'clarify';
    return { understood: clarification(scores, entities, focus, lexicon, input.role), trace };
  }

  private correctorFor(lexicon: Lexicon): SpellingCorrector {
    let corrector = this.correctors.get(lexicon);
    if (!corrector) {
      const words = new Map(this.knownWords);
      const names = new Set<string>();
      const add = (name: string, person: boolean) => {
        for (const word of name.toLowerCase().split(/[^a-z]+/)) {
          if (word.length === 0) continue;
          words.set(word, (words.get(word) ?? 0) + 1000);
          if (person && !this.knownWords.has(word)) names.add(word);
        }
      };
      for (const name of [...lexicon.products.keys(), ...lexicon.territoryNames.keys()]) add(name, false);
      for (const name of [...lexicon.firstNames, ...lexicon.lastNames, ...lexicon.repNames.keys(), ...(lexicon.cities ?? [])]) add(name, true);
      // The user's names stay repair targets even where they are English words too ("grace", "rose").
      const productWords = new Set([...lexicon.products.keys()].filter((name) => /^[a-z]{6,}$/.test(name)));
      corrector = new SpellingCorrector(words, names, this.dictionary, productWords);
      this.correctors.set(lexicon, corrector);
    }
    return corrector;
  }
}

/** Policy topics whose cues are specific enough to decide the question (personal phones, pipeline slides, IIS requests…). */
const DISTINCT_POLICY_TOPICS: ReadonlySet<string> = new Set(['inducement', 'educational_items', 'raffles', 'medical_to_sales', 'reminder_items', 'ghostwriting', 'travel', 'msl_promotion', 'notes_firewall', 'personal_channels', 'pipeline', 'mlr_review', 'iis', 'medical_education']);

/** "on it", "in those notes": the thread's last query. */
const REFERS_BACK = /\b(on|about|for|in|from|of) (it|that|this|those|these|them)\b|\b(those|these|that) notes\b/;

/** "email it to him", "whatsapp that to her": something to send. */
const SENDS_IT = /\b(e-?mail|text|sms|whatsapp|send|shoot|forward)\s+(it|that|this)\b/;

/** "and the other one?" after two HCPs: the one the thread discussed before the current one. */
const OTHER_ONE = /\b(the )?other (one|doc|doctor|hcp|physician|guy|lady|person|name)\b|\bthe other\W*$/;

function withOtherOne(entities: QuestionEntities, focus: ConversationFocus, text: string): QuestionEntities {
  if (entities.hcpId || entities.hcpName || !focus.hcpId || !OTHER_ONE.test(text)) return entities;
  const other = (focus.discussed ?? []).find((id) => id !== focus.hcpId);
  return other ? { ...entities, hcpId: other, pronoun: false, ordinal: null } : entities;
}

/** "and the one after that" on a list: the entry after (or before) the thread's HCP. */
function withNextOne(entities: QuestionEntities, focus: ConversationFocus, text: string): QuestionEntities {
  if (entities.hcpName || entities.hcpId || entities.ordinal !== null || !focus.hcpId) return entities;
  const at = focus.listed.indexOf(focus.hcpId);
  if (at < 0) return entities;
  if (/\b(the )?(one|doc|name|hcp|person) (after|below|under|following) (that|this|him|her|them|it)\b|\b(the )?next one\b|\bnext (doc|name|hcp) (down|on the list)\b/.test(text) && at + 1 < focus.listed.length) return { ...entities, ordinal: at + 2, pronoun: false };
  if (/\b(the )?(one|doc|name|hcp|person) (before|above) (that|this|him|her|them|it)\b|\b(the )?previous one\b/.test(text) && at > 0) return { ...entities, ordinal: at, pronoun: false };
  return entities;
}

/** Asking to meet an HCP ("can i set up a meeting with them", "ok to meet dr lee?"): an MSL's meeting is an MSL meeting, a rep's a field visit. */
/** Words that change one part of the thread's last figures and keep the rest. */
const SWITCHES_METRIC = /\b(instead|now (show|give|do|try|let'?s see|pull)|switch(ed)? (it |that |this )?(over )?to|swap(ped)? (it |that |this )?(out )?(to|for)|same (window|period|timeframe|time ?frame|stretch|breakdown|split|cut|view|filters?|dates|range|months?|weeks?|quarter|days)|rather than)\b/;

const ALLOWED_ONE = /\bthe (?:one|doc|doctor|hcp|person|guy|lady)(?: who| that| which)?(?:'s| is| was)? (?:allowed|ok|okay|fine|consented|cleared|green|emailable|reachable|good to go|a yes|a go)\b|\bthe (?:allowed|consented|emailable|cleared) one\b|\bthe one (?:i|we) (?:can|may|could)\b(?! ?(?:not|n'?t))|\bwhoever(?:'s| is) (?:allowed|ok|okay|consented|cleared)\b/;
const REFUSED_ONE = /\bthe (?:one|doc|doctor|hcp|person|guy|lady)(?: who| that| which)?(?:'s| is| was)? (?:not|n'?t|isn'?t) (?:allowed|ok|okay|consented|cleared|emailable|reachable)\b|\bthe one (?:i|we) (?:can'?t|cannot|may not|couldn'?t)\b/;

/** "draft an email to the one that's allowed" after a consent check of two HCPs: the one whose answer was yes (or no). */
function withConsentedOne(entities: QuestionEntities, focus: ConversationFocus, text: string): QuestionEntities {
  if (entities.hcpId || entities.hcpName || (focus.consentAnswers ?? []).length < 2) return entities;
  const wanted = REFUSED_ONE.test(text) ? false : ALLOWED_ONE.test(text) ? true : null;
  if (wanted === null) return entities;
  const matching = [...new Set((focus.consentAnswers ?? []).filter((answer) => answer.allowed === wanted).map((answer) => answer.hcpId))];
  if (matching.length !== 1) return entities;
  const answer = focus.consentAnswers!.find((candidate) => candidate.hcpId === matching[0])!;
  return { ...entities, hcpId: answer.hcpId, pronoun: false, ordinal: null, describedAs: null, channel: entities.channel ?? (answer.channel as QuestionEntities['channel']) };
}

/** "am i allowed to call ahead to book the slot" in a thread about one HCP: leave for that HCP, though no pronoun says so. */
function withThreadHcp(entities: QuestionEntities, focus: ConversationFocus, text: string): QuestionEntities {
  if (entities.hcpId || entities.hcpName || entities.pronoun || entities.ordinal !== null || !entities.channel || !focus.hcpId) return entities;
  if (!HCP_INTENTS.has((focus.intent ?? '') as Intent) || !(ASKS_PERMISSION.test(text) || /\bconsent[- ]?wise\b|\b(do we|does (she|he|they)) have (\w+ )?consent\b|\bwould (an? )?[\w-]+( [\w-]+)? (work|be ok|be okay|be fine|be allowed|fly)\b/.test(text)) || HCP_NOUNS.test(text) || /\b(draft|write|compose|anyone|anybody|everyone|any ?one|all|which|who|rules?|policy)\b/.test(text)) return entities;
  return { ...entities, pronoun: true };
}

const MEETING_ASK = /\b(set up|schedule|book|arrange|request|have|get) (a |an )?(quick )?(meeting|sit[- ]?down|1:1|one[- ]on[- ]one)\b|\b(can|could|may|ok to|okay to|allowed to|fine to) (i |we )?meet\b|\bmeet (with )?(her|him|them|dr\.?)\b/;

function withMeetingChannel(entities: QuestionEntities, role: string, text: string): QuestionEntities {
  const medical = role === 'msl' || role === 'medical_affairs';
  // "need to meet kwame sato in person as msl": an MSL's in-person meeting is an MSL meeting.
  if (medical && entities.channel === 'field_visit' && /\bmeet(ing)?\b|\bas (an? |the )?msl\b/.test(text)) return { ...entities, channel: 'msl_meeting' };
  if (!MEETING_ASK.test(text) || (entities.channel && !(medical && entities.channel === 'field_visit'))) return entities;
  return { ...entities, channel: medical ? 'msl_meeting' : 'field_visit' };
}

/** The readings other than "a follow-up", renormalised. */
function withoutRefine(scores: IntentScore[]): IntentScore[] {
  return reweigh(scores, (intent) => (intent === 'refine' ? 0 : 1));
}

/** The persona prior, renormalised. */
function withPrior(scores: IntentScore[], role: string): IntentScore[] {
  const prior = PERSONA_PRIOR[role] ?? {};
  return reweigh(scores, (intent) => prior[intent] ?? 1);
}

/** Each probability times its intent's factor, renormalised, highest first. */
function reweigh(scores: IntentScore[], factor: (intent: NluIntent) => number): IntentScore[] {
  const weighted = scores.map((score) => ({ intent: score.intent, probability: score.probability * factor(score.intent) }));
  const total = weighted.reduce((sum, score) => sum + score.probability, 0);
  return weighted.map((score) => ({ intent: score.intent, probability: score.probability / total })).sort((a, b) => b.probability - a.probability || a.intent.localeCompare(b.intent));
}

/**
 * What the entities found say about the intent, as multipliers on the classifier's probabilities
 * (renormalised): an intent about one HCP needs an HCP, a named metric points to team performance,
 * a policy answer needs a policy topic, a verdict needs a recommendation to refer to.
 */
/** Whether the question names one of the user's cities ("pediatricians in columbus"). */
function namesCity(text: string, lexicon: Lexicon): boolean {
  return [...(lexicon.cities ?? [])].some((city) => new RegExp(`\\b${escapeRegExp(city)}\\b`).test(text));
}

function withEvidence(scores: IntentScore[], entities: QuestionEntities, focus: ConversationFocus, role: string, text: string, cityNamed = false): IntentScore[] {
  const factor = new Map<NluIntent, number>();
  const scale = (intents: NluIntent[], by: number) => intents.forEach((intent) => factor.set(intent, (factor.get(intent) ?? 1) * by));
  /** A cue in words the classifier never saw with this intent ("so hold off?"): at least this likely, whatever it scored. */
  let floor: { intent: NluIntent; probability: number } | null = null;
  const named = Boolean(entities.hcpId || entities.hcpName || entities.ordinal !== null);
  const person = named || (entities.pronoun && Boolean(focus.hcpId || focus.listed.length > 0));
  const analytics = entities.analytics;
  if (named) scale(['plan', 'performance', 'maturity', 'insights', 'greeting', 'out_of_scope', 'capabilities'], 0.4);
  // "anything open on them", "pull their profile": the thread's HCP, not a list or the team.
  else if (entities.pronoun && focus.hcpId && !analytics?.metric && !/\b(who|whom|which|list|plan|any ?one|anybody|everyone)\b/.test(text)) scale(['plan', 'performance', 'maturity', 'insights'], 0.3);
  if (person && /\bprofile\b/.test(text)) scale(['brief'], 3);
  // "which institution is she affiliated with": who the HCP is.
  if (person && /\b(institution|affiliat\w*|hospital|practice|where does (she|he|they) work|works? at)\b/.test(text) && !entities.channel) scale(['brief'], 4);
  // "what does omni suggest for them": the next best action.
  // "ok which one does omni actually recommend" in a thread about an HCP: the same.
  if ((person || (focus.hcpId && !named && !HCP_NOUNS.test(text))) && /\b(suggest\w*|recommend\w*|pushing|push(es)?|want(s)? me to do|want(s)? from me)\b/.test(text) && !entities.channel && !VERDICT.test(text) && !/\bwhy\b/.test(text) && !CONTENT_CUES.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "what's the story with the top one": who that HCP is and what is open, the brief.
  if (person && /\bwhat'?s the (story|deal|situation|background|lowdown|scoop)\b|\bwhat'?s going on (with|there)\b|\bwhat happened\b|\bwhat did (she|he|they) ask\b|\bwhat was the question\b|\bfill me in\b|\bopen up\b/.test(text) && !/\b(draft|write|email|send)\b/.test(text)) floor = { intent: 'brief', probability: 0.6 };
  // "how come", "date it changed?" after a refused draft or a consent answer: the consent record behind it.
  if (focus.hcpId && !named && (focus.intent === 'draft' || focus.intent === 'consent') && focus.channel && (/^\W*((wait|but|hmm+|huh|ok|so|and|um+)\W+)?(how come|why|why not|why is that|how so|since when|says who)\W*$/.test(text) || (!entities.channel && !entities.action && /^\W*((wait|but|hmm+|huh|ok|so|and|um+)\W+)?(how come|why not|why is that|says who)\W*[?!.,]\s*\w/.test(text)) || /\b(date|when) (it|that) (changed|was revoked|lapsed|expired|ended)\b/.test(text) || /\b(what|which) date\b|\bwhen (was|did)\b.{0,20}\b(flip\w*|chang\w*|switch\w*|revok\w*|laps\w*|expir\w*|pull\w*|withdr[ae]wn?|end\w*|stop\w*)\b/.test(text))) floor = { intent: 'consent', probability: 0.6 };
  // "is she getting too many emails from us", "her email opens lately?", "is she reading our emails": what the record shows, the brief (which answers it first).
  if (person && !ASKS_PERMISSION.test(text) && !/\b(draft|write|send)\b/.test(text) && (/\b(too (many|often|much)|over[- ]?contact\w*|over[- ]?messag\w*|overdo(ing|ne)?|fatigue)\b/.test(text) || asksEmailEngagement(text))) floor = { intent: 'brief', probability: 0.6 };
  // "when do i strike", "when should i reach out": the next best action's timing.
  if (person && /\bwhen (do|should|can) (i|we) (strike|pounce|reach out|go (in|back)|follow up|call|hit (her|him|them)( up)?)\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "whatsapp and email, which ones are green": leave on each channel.
  if (person && entities.channel && /\bwhich (ones?|channels?|of (them|those|these)) (are|is) (green|ok|okay|open|allowed|clear|good|fine|a go)\b/.test(text)) floor = { intent: 'consent', probability: 0.6 };
  // A rep's or a manager's list of HCPs ("segment a docs ranked", "neuro docs in new york worth the drive", "open medical questions across the team - which docs") is a plan: team figures and field notes are not theirs.
  if ((role === 'rep' || (role === 'manager' && !analytics?.metric)) && !person && HCP_NOUNS.test(text) && /\b(which|who|list|names?|ranked|rank|worth|show|give|top|priorit\w*)\b|^\W*((my|the|our) )?(\w+ )?(docs|hcps|accounts|physicians)\b/.test(text)) floor = { intent: 'plan', probability: 0.55 };
  // "which follow-ups are overdue across my reps": the HCPs owed one, a list (not the reps' rates).
  const followUpsListed = /\b(which|what|list( the| all)?|show( me)?( the)?) follow[- ]?ups? (are |is )?(overdue|due|late|pending|outstanding)\b/.test(text);
  if (!person && (role === 'rep' || role === 'manager') && followUpsListed) floor = { intent: 'plan', probability: 0.6 };
  // "thomas bauer informed me that a patient on tecfidera developed symptoms suggestive of PML": a possible adverse event heard.
  if (mentionsPatientEvent(text) && /\b(told|informed|mentioned|reported|said|called|emailed|texted)\b/.test(text) && !/\b(notes?|field|how many|any(one)?|which)\b/.test(text)) floor = { intent: 'adverse_event', probability: 0.6 };
  // "a doc mentioned a tecfidera patient who got shingles ... submit it regardless": a report to file.
  if (mentionsPatientEvent(text) && /\b(submit|file|report|log)\b/.test(text) && !/\b(how (do|should|can) i|rules?|policy)\b/.test(text)) floor = { intent: 'adverse_event', probability: 0.6 };
  // "good, accepting" after a recommendation: the verdict on it.
  if (focus.recommendationId && !named && /^\W*(\w+\W+){0,2}(accept(ed|ing)?|snooz\w*|dismiss\w*|park it|log it as \w+)\W*$/.test(text)) floor = { intent: 'feedback', probability: 0.6 };
  // Right after a recommendation: "ok do it" takes it up, "that's wrong, she already switched" dismisses it, "not now, remind me next monday" snoozes it.
  const onRecommendation = focus.recommendationId && !named && ['next_action', 'why', 'why_not', 'brief'].includes(focus.intent ?? '');
  if (onRecommendation && (ACCEPTS_IT.test(text) || DISMISS_WORDS.test(text) || SNOOZE_WORDS.test(text)) && !entities.channel) floor = { intent: 'feedback', probability: 0.6 };
  // "B segment, ranked pls": a rep's segment, ranked, is a plan.
  if (role === 'rep' && !person && analytics?.segment && !analytics.metric && /\b(ranked|rank|list|priorit\w*|who|which|names?)\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "what has come up with pediatrics specialists in my territory": what the field is hearing.
  if (!person && (role === 'msl' || role === 'medical_affairs') && /\bwhat('?s| has| have)? (come|came|been coming) up\b/.test(text)) floor = { intent: 'insights', probability: 0.6 };
  // "who's gone cold across the team after engaging", "leads that went cold after clicking our stuff": the HCPs of those dead ends, a plan.
  if (!person && (role === 'rep' || role === 'manager') && DEAD_END_WORDS.test(text) && !/\bdead[- ]?ends?\b|\b(rates?|%|percent|share|how many)\b/.test(text) && !analytics?.dimension) floor = { intent: 'plan', probability: 0.6 };
  // "give me a 6-stop route for thursday": a plan of that many stops.
  if (!person && /\b\d+[- ]stops?\b|\broute for\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "rank 5 for me": that many HCPs to see, for someone who works a territory.
  if (!person && (role === 'rep' || role === 'msl') && analytics?.top && !analytics.metric && /^\W*(?:(?:ok|okay|pls|please|can you|could you)\W+)?(?:rank|list|show|give)(?: me)? \w+(?: for me| pls| please)?\W*$/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "whose door do i knock on first", "a shortlist of 6 for tomorrow": whom to see.
  if (!person && (role === 'rep' || role === 'msl') && /\bwhose doors?\b|\bknock on\b|\bshort ?list\b|\bwho (do|should) i (see|visit|hit|start with|go to)\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "B segment, follow-up due", "top 4, A segment only", "any derms whose email consent has expired": a rep's list of their own HCPs (team metrics are for managers).
  // "the rheumatologist, email consent?" after two HCPs: one of them, no list.
  const refersToOne = ((focus.listed.length > 0 || (focus.discussed ?? []).length >= 2) && /^\W*(?:(?:and|so|ok|okay)\W+)?the \w+(?:ists?|ians?|docs?|ones?)\b/.test(text) && !/\b(docs|hcps|ones|doctors|physicians|all|list|everyone)\b/.test(text));
  if (!person && role === 'rep' && !refersToOne && !/\b(reps?|team|territor(y|ies)|regions?|colleagues?|everyone else|others)\b/.test(text) && !entities.productId && !entities.describedAs && entities.ordinal === null && !CONTENT_ASK_WORDS.test(text) && !analytics?.metric?.includes('coverage') && (analytics?.segment || analytics?.specialty || PLAN_FLAG_WORDS.test(text) || (entities.channel && /\bconsent\b.{0,20}\b(expired|lapsed|revoked|pulled|withdrawn)\b|\b(expired|lapsed|revoked)\b.{0,20}\bconsent\b/.test(text))) && !/\b(rates?|%|percent\w*|how (am|are|is|'?s)|doing|compared?|vs|versus|trend\w*|share)\b/.test(text) && !/\b(can|could|may) i\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "cerdelga medical responses, top 2": the approved medical responses on that product, not what the field says.
  if (!person && (role === 'msl' || role === 'medical_affairs') && entities.productId && /\b(medical|med info|mi) (responses?|letters?|information (responses?|letters?)|response letters?)\b|\b(standard|approved) responses?\b/.test(text) && !/\b(rate|how (fast|quick|many|often)|answered|field|notes?|hearing|asking)\b/.test(text)) floor = { intent: 'content', probability: 0.6 };
  // "what should i do if a rep sent an email without consent", "can i record a call with a doctor": a rule, whatever metric or channel words it holds.
  if (['consent_breach', 'recording', 'social_events', 'registration_fees', 'incentives', 'safety_data_sharing', 'lent_equipment', 'presentation_review', 'rep_results_privacy', 'records_retention'].includes(policyTopic(text) ?? '') && !entities.hcpName && !entities.hcpId) floor = { intent: 'policy', probability: 0.7 };
  // "B-segment docs company-wide with an open medical question": a manager's list of HCPs, not a metric or a field summary.
  if (!person && (role === 'manager' || role === 'admin') && HCP_NOUNS.test(text) && PLAN_FLAG_WORDS.test(text) && !/\b(rates?|%|percent\w*|how many|share|trend\w*|by (rep|territory|region|month|week|channel|product)|themes?|notes?|hearing|saying)\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "what did my HCPs bring up while i was away": what the field said, for an MSL or medical affairs.
  if (!person && (role === 'msl' || role === 'medical_affairs') && /\b(br(ing|ought|inging) up|rais(e|ed|ing)|talk(ed|ing)? about|come up|came up)\b/.test(text) && /\b(hcps?|docs?|doctors?|physicians|kols?|they|field|my (territory|accounts))\b|\bwhile i was (away|out|off|gone)\b|\bwhat did i miss\b/.test(text)) floor = { intent: 'insights', probability: 0.6 };
  // "nora castillo: any record of agreeing to sit down with an MSL?": her consent on that channel.
  if (named && entities.channel && /\b(record of|agreed|agreeing|agree to|signed up)\b/.test(text) && !/\b(draft|write|send)\b/.test(text)) floor = { intent: 'consent', probability: 0.6 };
  // "what's on my plate today", "my agenda this week": whom to see, for someone who works a territory.
  if (!person && (role === 'rep' || role === 'msl') && /\bon my plate\b|\bmy (agenda|to-?do( list)?|itinerary)\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "is there dosing confusion on imbruvica out there": what the field is hearing.
  if (!person && (role === 'msl' || role === 'medical_affairs') && /\b(out there|in the field|confusion|confused|bringing up|brought up|came up|coming up|come up)\b/.test(text)) {
    scale(['insights'], 4);
    scale(['content'], 0.3);
  }
  // "anything medical i can share on vision issues": material to share, approved content.
  if (!person && (role === 'msl' || role === 'medical_affairs') && /\b(i can|can i|could i|to) (share|send|give|use|hand out)\b/.test(text)) {
    scale(['content'], 4);
    scale(['insights'], 0.3);
  }
  // "did anyone die on drug per my notes, last 60": what the notes say, for those who read them.
  if (!person && (role === 'msl' || role === 'medical_affairs' || role === 'admin') && /\b(in|per|from|across|according to) (my|our|the|field) notes\b|\bthe notes (say|show)\b/.test(text) && !/\b(report\w*|file|submit|log an?)\b/.test(text)) floor = { intent: 'insights', probability: 0.6 };
  // "pv rundown, last 90": adverse events in the notes, for those who read them.
  if (!person && (role === 'msl' || role === 'medical_affairs' || role === 'admin') && analytics?.concern === 'side effects' && !analytics.metric && !mentionsPatientEvent(text) && policyTopic(text) !== 'safety_data_sharing' && !/\b(report\w*|file|submit|log an?|rules?|policy|how (soon|long))\b/.test(text)) floor = { intent: 'insights', probability: 0.6 };
  // "what's dragging it down" after a maturity assessment: the same assessment, its weakest dimensions first.
  if (focus.lastQuery?.tool === 'assess_maturity' && !named && !analytics?.metric && !analytics?.dimension && !/\b(metrics?|figures?|numbers?|rates?)\b/.test(text) && ASKS_WEAKEST.test(text)) floor = { intent: 'maturity', probability: 0.6 };
  // "omni-stage for the west team?": the maturity stage.
  if (!analytics?.metric && /\bomni-?stage\b|\bmaturity\b/.test(text)) floor = { intent: 'maturity', probability: 0.6 };
  // "ok the second one, what should i bring": material to take along, approved content.
  if (person && /\bwhat (should|do|can|could) (i|we) (bring|take|show|leave|hand( over)?)\b|\bbring along\b/.test(text)) floor = { intent: 'content', probability: 0.6 };
  if (person) scale(['greeting', 'out_of_scope', 'capabilities'], 0.5);
  // "how do i get them unstuck", "what does omni suggest for her": about the thread's HCP, not what Omni can do.
  if (person && !/\b(can|could) (you|u|omni)\b|\bhelp\b/.test(text)) scale(['capabilities'], 0.1);
  // In a thread about an HCP, "ok what channel does work" asks about that HCP; what Omni can do names Omni or help.
  else if (focus.hcpId && !named && !/\b(you|u|omni|help|capabilit\w*|features?|commands?)\b/.test(text)) scale(['capabilities'], 0.2);
  // "how do i get them unstuck", "how should we approach him": the next step with that HCP.
  if (person && !entities.channel && /\bhow (do|should|can|could|would) (i|we)\b|\bhow to (approach|engage|re-?engage|reach|win|handle|unstick|get)\b/.test(text) && !/\b(draft|write|email|report)\b/.test(text)) scale(['next_action'], 4);
  // "ok submit it like that" in a thread about an adverse event: the report.
  // A bare "submit" or "submit please" in such a thread is the same.
  if ((focus.intent === 'adverse_event' || focus.adverseEvent) && !named && /\b(submit|file|send|log)\b/.test(text) && (/\b(it|that|this|anyway|regardless|now|as is)\b/.test(text) || text.trim().split(/\s+/).length <= 3)) floor = { intent: 'adverse_event', probability: 0.6 };
  // "how long do we have to report these", "anything else needed from me?" after an adverse event: the report still being
  // gathered (what it needs), else the reporting rule.
  if ((focus.intent === 'adverse_event' || focus.adverseEvent) && !named && /\b(how long|deadline|due|paperwork|anything else|what else|next steps?|is that it|am i done|needed from me|do i need to do|chases?|chasing|missing details|who (does|will|should))\b/.test(text)) floor = { intent: focus.adverseEvent || focus.filedIntake ? 'adverse_event' : 'policy', probability: 0.6 };
  // "thanks — did that go through?", "what's the intake number" right after a report was filed: that report.
  if (focus.intent === 'adverse_event' && focus.filedIntake && !named && /\b(go|gone|went) through\b|\bintake (number|id|#)\b|\b(is|was) it (filed|sent|submitted|logged)\b/.test(text)) floor = { intent: 'adverse_event', probability: 0.7 };
  // "is there a medical response that covers it" in a thread about an HCP: approved medical content for their question.
  if (focus.hcpId && !named && !entities.channel && /\b(medical (response|information|info|letter|reply|answer)|med info (response|letter)|(approved|standard) (response|answer|reply|letter))s?\b/.test(text) && /\b(is there|are there|do we have|have we got|any|got|covers?|exists?)\b/.test(text)) floor = { intent: 'content', probability: 0.6 };
  // "what can i use instead", "any alternatives?" about the thread's HCP: the next step, which lists what else is allowed.
  if (focus.hcpId && !named && !entities.channel && !entities.productId && /\b(instead|alternatives?|other (options?|channels?|ways?)|what else|how else)\b/.test(text) && /\b(what|which|how|any)\b/.test(text) && !/\b(you|omni|help|know|said|say|asked|ask)\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "swap the efficacy piece for the patient support info" after a draft: the same draft with other approved material.
  if (focus.intent === 'draft' && focus.hcpId && !named && /\b(swap|replace|switch|change|use)\b.{0,40}\b(for|with|to)\b/.test(text) && (entities.productId || CONTENT_ASK_WORDS.test(text) || /\b(info|piece|module|efficacy|safety|support|dosing)\b/.test(text))) floor = { intent: 'draft', probability: 0.7 };
  // "great, send him the keytruda efficacy piece" about the thread's HCP: a draft of it (a person sends it).
  if (focus.hcpId && !named && /\bsend (him|her|them) (the|a|an|that|this|our|some)\b/.test(text)) floor = { intent: 'draft', probability: 0.7 };
  // "X said 'get back to me in a few weeks' a while ago. time to reach out?": the next step with that HCP.
  if ((person || named) && !entities.channel && /\b(time to|should i|is it time to|ok to) (reach out|follow up|re-?engage|get back (to|in touch)|check in)\b/.test(text) && !/\b(can|may) i\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "so where do i go from here with them", "what are we meant to do with them": the next step with the thread's HCP.
  if (focus.hcpId && !named && !entities.channel && /\bwhere do (i|we) go from here\b|\bwhat (are|am|should) (we|i) (meant|supposed) to do\b|\bwhat now\b/.test(text)) floor = { intent: 'next_action', probability: 0.7 };
  // "what did my HCPs say last week": what the field said, for an MSL or medical affairs.
  if (!person && (role === 'msl' || role === 'medical_affairs') && /\b(hcps?|docs?|doctors?|physicians|kols?|accounts)\b.{0,20}\b(say|said|saying|tell|told|telling|named|naming|mention\w*|cited|citing|raised|brought up)\b/.test(text) && !PLAN_FLAG_WORDS.test(text) && !mentionsPatientEvent(text) && !/\b(file|report|log|submit)\b/.test(text)) floor = { intent: 'insights', probability: 0.6 };
  // "what should jamie lead with, per omni" about the thread's HCP: the next step.
  if (focus.hcpId && !named && !entities.channel && /\b(lead|open|start|kick off) with\b|\bper omni\b|\bomni'?s (pick|suggestion|rec\w*)\b/.test(text) && /\b(what|which|how)\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "pull the whole file on james ortiz, leave nothing out": the brief.
  if (person && !entities.channel && /\b(whole|full|entire|complete) (file|profile|record|picture|rundown|history)\b|\bpull (up )?(the |his |her |their )?(file|record|chart)\b/.test(text)) floor = { intent: 'brief', probability: 0.6 };
  // "anything still open", "anything pending with medical" about the thread's HCP: the brief, which answers it first.
  if (focus.hcpId && !named && !entities.channel && /\b(anything|something|stuff) (still )?(open|outstanding|pending)\b|\bstill open\b|\bopen items?\b|\b(pending|outstanding|open)\b.{0,20}\b(with|from|for) (medical|msl|med info|medical info\w*)\b/.test(text)) floor = { intent: 'brief', probability: 0.6 };
  // "the rec is a visit - walk me through the reasoning": why it was recommended.
  if ((person || focus.hcpId) && !entities.channel && !mentionsPatientEvent(text) && !/\b(fil(e|ing)|report\w*|adverse|ae)\b/.test(text) && /\bwalk me through\b|\b(reasoning|rationale|logic) (behind|for|of)\b|\bthe (reasoning|rationale|logic)\b|\bexplain (the|that|this|your) (rec|recommendation|nba|suggestion|call)\b/.test(text)) floor = { intent: 'why', probability: 0.6 };
  // "ugh. what then", "what's allowed then" after a "no": what to do instead, the next best action.
  if (focus.hcpId && !named && !entities.channel && (focus.intent === 'consent' || focus.intent === 'draft' || focus.intent === 'why_not') && /\b(what|so what|ok what) (then|now|instead)\b|\bwhat('?s| is) (allowed|ok|possible|left)( then| instead)?\b|\bwhat can i do (then|instead|now)\b|\bthen what\b|\bwhat (am i|are we) allowed to do\b|\bwhat are (my|our) options\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // "best move there", "would a visit be better": what to do next with the thread's HCP.
  if ((person || (focus.hcpId && !named)) && !VERDICT.test(text) && (/\b(best|next|my|the|right) (move|play|step)\b|\btime to (pounce|strike|move|act|go in)\b|\bwrite .{1,30} off\b/.test(text) || /\b(would|is|will) (a |an )?\w+( \w+)? be (the )?(better|smarter|best)\b|\b(better|smarter) (option|bet|idea|move)\b/.test(text))) floor = { intent: 'next_action', probability: 0.6 };
  // "so hold off?", "should i wait a bit": whether to act now, the next best action.
  if (focus.hcpId && !named && !VERDICT.test(text) && /\b(hold off|wait( a (bit|while|few))?(?!\W+(why|what|how|when|who|so)\b)|back off|pause|lay off|leave (her|him|them) (alone|be)|give (her|him|them) (a )?(break|rest|space))\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  if (!person && !focus.hcpId) scale(['brief', 'next_action', 'consent', 'why', 'why_not', 'draft'], 0.4);
  // A report needs something of an adverse event in the question, or one being gathered in the thread.
  // "the patient support piece" names material, not a patient: no adverse event in it.
  const eventText = text.replace(/\bpatient (support|assistance|access|services?|brochures?|materials?|leaflets?|education|savings|copay|co-pay|hub|program(me)?s?)\b/g, ' ');
  if (!ADVERSE_EVENT_WORDS.test(eventText) && !mentionsPatientEvent(text) && !focus.adverseEvent) scale(['adverse_event'], 0.2);
  // After a draft, more material or another piece for it is the draft again, never a report.
  if (focus.intent === 'draft' && !mentionsPatientEvent(text) && /\b(add|include|use|swap|instead|put|piece|module|info)\b/.test(text) && !/\b(report|adverse|side[- ]?effects?|reaction)\b/.test(text)) scale(['adverse_event'], 0.05);
  if (!policyTopic(text)) scale(['policy'], person ? 0.2 : /\b(rules?|policy|policies|allowed|compliance|compliant|permitted|legal|sunshine|phrma|sop)\b/.test(text) ? 0.5 : 0.25);
  // Content and field questions are about something in this domain: a product, label or safety words,
  // material, a channel, a metric. Without any, "detailed step-by-step instructions for …" is no content search.
  const domain = hasDomainSignal(entities, text);
  if (!domain && !person) scale(['content', 'insights', 'draft', 'plan', 'performance'], 0.1);
  // Drafts are follow-ups to HCPs from approved modules; a blog post or an essay is another job.
  if (/\b(write|compose|draft|generate|create)\b.{0,30}\b(blog|essay|poem|story|article|song|speech|tweets?|social media posts?|op[- ]ed|press release|self[- ]reviews?|performance reviews?|cover letters?|resumes?|cvs?)\b/.test(text)) scale(['out_of_scope'], 5);
  if (person && entities.channel && CONSENT_ASK.test(text)) scale(['consent'], 2);
  // "ok to send her an approved email today y/n", "tell me if i can email them": permission, not a draft.
  if (person && entities.channel && (ASKS_PERMISSION.test(text) || /\bconsent[- ]?wise\b/.test(text)) && !/\b(draft|write|compose|put together|prep(are)?)\b/.test(text)) {
    scale(['consent'], 4);
    scale(['draft', 'next_action'], 0.25);
    // "ok to email her a market research survey?": leave for that purpose, not the market-research payment rules.
    if (entities.purpose === 'market_research' || entities.purpose === 'events' || /\bconsent[- ]?wise\b/.test(text)) scale(['policy'], 0.1);
  }
  // Medical affairs naming its follow-up metric ("which channel do we answer medical questions on fastest") asks the figures.
  if (analytics?.metric === 'medical_follow_up_rate' && !person) {
    scale(['performance'], 4);
    scale(['insights'], 0.3);
  }
  // "call, email or wait?", "email or visit her — which is better?": a choice of what to do next, not a consent question.
  if ((person || (focus.hcpId && !named)) && !CONSENT_ASK.test(text) && (/\bor (wait|hold( off)?|nothing|leave (it|her|him)|give (her|him|them) (some )?(space|room|a break)|back off|let (it|her|him|them) (rest|be)|is that overkill|(is|would) that be (overkill|too much)|is that too much)\b/.test(text) || (channelsAsked(text).length >= 2 && /\b(which|better|best|should i|should we|first|what does omni think|recommend|suggest|week|day|time)\b/.test(text)))) {
    scale(['next_action'], 6);
    scale(['consent'], 0.2);
  }
  // "find the medical response", "pull the standard response letter": approved content (a medical response), not the field notes.
  if (!entities.channel && /\b(find|pull|get|grab|look up|fetch|dig up|show|where'?s|where is|is there)\b.{0,25}\b(medical (response|letter|reply|answer)s?|response (letter|document|doc)s?|(standard|approved|official) (medical )?(response|letter|answer|reply)s?)\b/.test(text) && !/\b(draft|write|compose)\b/.test(text)) floor = { intent: 'content', probability: 0.6 };
  // "what stelara materials am i allowed to hand out": which approved pieces, a content search, not the rules.
  if (entities.productId && !named && /\b(materials?|pieces?|leave[- ]?behinds?|brochures?|content|handouts?|slides?|decks?)\b/.test(text) && /\b(what|which)\b/.test(text) && /\b(hand out|give out|hand over|share|use|show|leave( behind)?|distribute|put on the (booth|stand|table))\b/.test(text)) floor = { intent: 'content', probability: 0.6 };
  // "the third one, what's the history there", "the lowdown on whoever's at the top": who the HCP is, a brief.
  if ((person || (entities.ordinal !== null && focus.listed.length > 0) || Boolean(entities.describedAs)) && /\b(history|backstory|back story|lowdown|low-down|low down|rundown|run-down|background|the story|whole story|context on)\b/.test(text) && !/\b(why|reason|nba|next best|next step|next move|recommend\w*)\b/.test(text)) floor = { intent: 'brief', probability: 0.6 };
  // "and are they involved in any trials", "is she a kol": what the CRM record says of the HCP, a brief.
  if (person && !entities.channel && /\b(trials?|kols?|key opinion leaders?|thought leaders?|influen\w*)\b/.test(text) && !/\b(draft|write|invite|consent|can i|may i|allowed|report\w*|file)\b/.test(text) && !mentionsPatientEvent(text)) floor = { intent: 'brief', probability: 0.6 };
  // "what's omni telling us to do with that account": the next best action.
  if ((person || (focus.hcpId && !named)) && /\bwhat('?s| is| does| would)? omni (telling|saying|suggesting|recommending|want\w*|say|suggest|recommend)\b|\bwhat (should|do) (we|i) do (with|about|for) (her|him|them|that (account|doc|one|practice))\b/.test(text) && !entities.channel) floor = { intent: 'next_action', probability: 0.6 };
  // "thumbs up on the hannah lam recommendation": a verdict on that HCP's recommendation.
  if (/\bthumbs[- ]?(up|down)\b/.test(text) && (named || focus.recommendationId || entities.pronoun) && !entities.channel) floor = { intent: 'feedback', probability: 0.6 };
  // "top 8 for monday": how many to see on a day, a plan.
  if (!person && !named && analytics?.top && !analytics.metric && (role === 'rep' || role === 'msl') && /\b((mon|tues|wednes|thurs|fri)day|today|tomorrow|this week|next week|the week)\b/.test(text) && !CONTENT_ASK_WORDS.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "out of all that, which channel does omni rate best for them": what to do next, not leave.
  if ((person || (focus.hcpId && !named)) && /\b(which|what|best) (channel|way|route|approach|touch ?point)\b/.test(text) && /\b(best|rate|rates|rated|recommend\w*|suggest\w*|prefer\w*|should|top|favou?r\w*)\b/.test(text) && !ASKS_PERMISSION.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  if (WHY_NOT.test(text)) scale(['why_not'], 3);
  // "a phone call wouldn't work?" after a recommendation: why not that channel.
  if (focus.recommendationId && entities.channel && !named && WHY_NOT.test(text) && !ASKS_PERMISSION.test(text)) floor = { intent: 'why_not', probability: 0.6 };
  // "why that over a call?" after a recommendation: why not the other channel.
  if (focus.recommendationId && entities.channel && /\bwhy (that|this|it)( one)? (over|rather than|instead of|and not|not)\b/.test(text)) floor = { intent: 'why_not', probability: 0.7 };
  // "why isn't omni suggesting an email for luis ibrahim?": why not that channel, about the named HCP.
  if ((entities.hcpName || entities.hcpId) && (entities.channel || entities.action) && /\b(why|y) (not|isn'?t|aren'?t|doesn'?t|didn'?t|won'?t|wasn'?t)\b|\bhow come\b/.test(text) && /\b(suggest\w*|recommend\w*|nba|omni|propos\w*|on the list|the (rec|nba))\b/.test(text) && !ASKS_PERMISSION.test(text)) floor = { intent: 'why_not', probability: 0.7 };
  // An MSL or medical affairs asking without a metric ("last quarter AE check pls") asks the notes, not team figures.
  if (!analytics?.metric && (role === 'msl' || role === 'medical_affairs')) scale(['performance'], 0.3);
  // "is ethan morita a lost cause?", "which touchpoint should come next, in your view": what to do next with that HCP.
  if (person && !entities.channel && !VERDICT.test(text) && /\b(lost cause|worth (it|the effort|pursuing|chasing|a visit|visiting|another (try|visit|call))|give up on|write (her|him|them) off|(which|what) (touchpoint|touch|action|step|move)s? (should|to|would|comes?|next)|come next|in your view)\b/.test(text)) floor = { intent: 'next_action', probability: 0.6 };
  // The first question of a thread refines nothing: "any dead ends?" is a question of its own.
  if (!focus.hcpId && !focus.lastQuery && focus.listed.length === 0 && !focus.intent) scale(['refine'], 0.2);
  // "what's the nba" is the next best action here, never basketball.
  if (/\b(nba|next best action|next best step)s?\b/.test(text) && !/\b(game|games|finals|playoffs?|basketball|lakers|celtics|knicks|warriors|draft pick|season)\b/.test(text)) {
    scale(['out_of_scope', 'capabilities'], 0.1);
    if (person || focus.hcpId) scale(['next_action'], 3);
  }
  // A metric named without maturity words ("are we over-messaging anyone") asks the metric, not the maturity stage.
  if (analytics?.metric && !/\b(maturity|mature|stage|omni-?channel|where (do|does) (we|the org\w*|the company) stand)\b/.test(text)) scale(['maturity'], 0.15);
  // "who on my team has the most dead ends" ranks reps; "docs with follow-ups overdue across my reps" lists HCPs.
  // "which of my reps is bombarding hcps": the reps ranked, though HCPs are named as whom they contact.
  const ranksReps = analytics?.dimension === 'rep' && ((!HCP_NOUNS.test(text) && !/\blist\b/.test(text)) || /\bwho on (my|the|our) team\b|\b(which|what) (one )?of (my|our|the) reps\b|\bwhich reps?\b/.test(text));
  // "which hcps mentioned rinvoq" asks the notes, not the plan; "pediatricians in columbus with open questions" is a list.
  const specialtyWith = Boolean(analytics?.specialty) && /\bwith\b/.test(text);
  const listAsk =
    !named &&
    // "who on my team has the most dead ends": reps ranked by a metric, not a list of HCPs.
    !ranksReps &&
    !/\brates?\b/.test(text) &&
    !/\bmention\w*\b/.test(text) &&
    // "how many open medical q's do we have, by brand": a count by something, not a list of HCPs.
    !(/\bhow many\b/.test(text) && analytics?.dimension) &&
    (specialtyWith || /\b(which|who|whom|list|any|any ?one|anybody)\b|^\W*(my |our |the )?([a-d][- ](tier |seg(ment)? )?)?(docs|hcps|accounts|physicians|doctors) (with|who|that|whose)\b|\b(dead[- ]?end|overdue|opted[- ]out) (docs?|hcps?|accounts?|physicians?|doctors?)\b|^\W*(docs|hcps|accounts) (i|we) haven'?t\b|^\W*(my )?follow[- ]?ups? (i'?m|we'?re|i am|we are) (late|behind) on\b/.test(text) || (role === 'rep' && /\bin my (book|list|territory|patch|accounts|panel)\b/.test(text)) || (role !== 'manager' && role !== 'admin' && /^\W*(my )?(\w+ )?follow[- ]?ups? (due|owed|pending|outstanding)\b/.test(text))) &&
    (OPEN_QUESTIONS.test(text) || /\bdead[- ]?ends?\b|\boverdue\b|\bfollow[- ]?ups? (due|owed|pending|outstanding)\b|\bfollow[- ]?ups? (i'?m|we'?re|i am|we are) (late|behind) on\b|\bhaven'?t (been in front of|seen|visited)\b|\bopt(ed)?[- ]?outs?\b|\b(no|expired|lapsed|revoked|withdrawn) (\w+ )?consent\b|\bconsent (has )?(expired|lapsed)\b/.test(text)) &&
    (specialtyWith || /\b(hcps?|docs?|doctors?|physicians?|accounts?|who|whos|which of my|any ?one|anybody)\b/.test(text) || (role === 'rep' && /\bin my (book|list|territory|patch|accounts|panel)\b/.test(text)) || (role !== 'manager' && role !== 'admin' && /^\W*(any |my )?(\w+ )?(dead[- ]?ends?|overdue|follow[- ]?ups? (due|owed|pending|outstanding|(i'?m|we'?re|i am) (late|behind) on))\b/.test(text)));
  if (analytics?.metric && !person && !listAsk) scale(['performance'], role === 'rep' ? 1.5 : 3);
  // "keytruda email clicks in Q2": a manager naming a metric asks the figures, whatever else the words suggest.
  if (analytics?.metric && !person && !listAsk && !followUpsListed && !(DEAD_END_WORDS.test(text) && !/\bdead[- ]?ends?\b/.test(text)) && (role === 'manager' || role === 'admin') && !HCP_NOUNS.test(text) && !/\b(list|approved|content|material|module|template|draft|write|maturity|stage)\b/.test(text)) floor = { intent: 'performance', probability: 0.55 };
  if (analytics?.metric) scale(['content', 'plan', 'policy'], 0.5);
  // A manager naming a metric ("any HCPs being over-contacted?") asks the team's figures, not the field notes;
  // "who on my team has the most dead ends" ranks the reps, not the HCPs.
  if (analytics?.metric && !person && (role === 'manager' || role === 'admin')) {
    scale(['insights'], 0.3);
    if (ranksReps) scale(['plan'], 0.05);
  }
  // "kill the nba for Dr. Bauer, it's garbage": a verdict on the recommendation, not a request for it.
  if (named && VERDICT.test(text) && /\b(nba|next best action|suggestion|recommendation|rec)s?\b/.test(text)) scale(['feedback'], 10);
  // "whatsapp consent coverage?": the team's metric, not one HCP's consent.
  if (analytics?.metric === 'consent_coverage' && !person) scale(['consent'], 0.1);
  const asksApprovedWording = /\bmedical (content|material|module|resource)s?\b|\b(content|material|module|resource|something)s? (that|which|to) (answers?|address(es)?|covers?)\b|\bstandard (medical )?response\b|\bmedical (response|letter)\b|\bmed(ical)? info(rmation)? (response|letter)\b|\bapproved (response|material|content|wording)\b/.test(text);
  if (!person && !asksApprovedWording && (analytics?.concern || /\b(themes?|insights?|notes?|trending|feedback|concerns?|issues?|topics?|summary|summari[sz]e|react\w*|think (of|about)|saying|hearing|feel about|perceiv\w*|mention\w*|chatter|roundup)\b/.test(text)) && ['msl', 'medical_affairs', 'admin'].includes(role)) {
    scale(['insights'], 3);
    if (!CONTENT_CUES.test(text)) scale(['content'], 0.6);
  }
  // "which hcps mentioned rinvoq", "who brought up dosing": what the notes say, for those who read them (the plan has no such filter).
  if (!person && ['msl', 'medical_affairs', 'manager', 'admin'].includes(role) && /\b(mention\w*|brought up|bring(ing)? up|rais(ed|ing)|talk(ed|ing)? about|complain\w*|asked about)\b/.test(text) && (analytics?.concern || entities.productId || competitorNamedIn(text))) {
    scale(['insights'], 4);
    scale(['plan'], 0.2);
  }
  // "put together a whatsapp msg to her", "prep an approved email for Dr. Lee": a draft.
  if (person && /\b(draft|write|compose|put together|prep(are)?|send|shoot)\b.{0,40}\b(e-?mail|msg|message|text|note|whatsapp|sms|follow[- ]?up|response|reply)\b/.test(text)) scale(['draft'], 2.5);
  if (person && /\b(draft|write up|compose)\b/.test(text)) scale(['draft'], 2);
  // "draft a followup email" in a thread about an HCP: a draft, not the team's follow-up rate.
  if (focus.hcpId && !named && /\b(draft|write|compose)\b/.test(text)) {
    scale(['draft'], 3);
    scale(['performance', 'content'], 0.2);
  }
  // "she told us no more visits": a consent question.
  if (entities.channel && /\b(told (us|me) no|no more|stop (sending|emailing|visiting|calling|texting)|opted?[- ]?out|unsubscribed?|doesn'?t want|asked (us )?not to)\b/.test(text)) scale(['consent'], 3);
  if (VERDICT.test(text) && (focus.recommendationId || named)) scale(['feedback'], focus.recommendationId ? 3 : 2);
  // Feedback is written to the decision log: only on a verdict the user said in words.
  if (!VERDICT.test(text)) scale(['feedback'], 0.01);
  // One event to report ("report an AE", "what do I do about a side effect a doctor mentioned?"), or a patient's event
  // heard in the field, whoever is named: the intake, not the notes.
  // "did anyone log a side effect in the past 90 days", "show all hospitalization mentions": a search of the notes;
  // "does keytruda cause hepatitis? what can I show her": the label; "… brief me before I call her": the brief (which flags it).
  const searchesNotes = !named && SEARCHES_NOTES.test(text);
  const asksOther = LABEL_ASK.test(text) || /\bbrief me\b|\bbefore i (call|see|visit|meet)\b/.test(text);
  if (searchesNotes || asksOther) scale(['adverse_event'], 0.05);
  // "top 15 docs for the west team", "segment A docs the team should hit first": a manager's plan, not a metric.
  if ((role === 'manager' || role === 'admin') && !person && HCP_NOUNS.test(text) && /\btop \d+\b|\b(hit|see|visit|call on) first\b|\bprioriti[sz]e\b|\blist the\b|\bshould (see|visit|hit|call on)\b/.test(text)) {
    scale(['plan'], 5);
    scale(['performance'], 0.3);
  }
  // "torch friday's route and rebuild it", "redo my call plan": the plan, rebuilt.
  if (!person && /\b(route|call plan|itinerary|schedule|plan|week)\b/.test(text) && /\b(re-?build|rebuild|redo|re-?do|rework|re-?plan|reshuffle|scrap|torch|start over|from scratch|build)\b/.test(text)) floor = { intent: 'plan', probability: 0.6 };
  // "seg A priorities for the west", "national top 7", "team's priority docs, 12 of them": a manager's plan.
  if ((role === 'manager' || role === 'admin') && !person && !analytics?.metric && (/\bpriorit(y|ies|ize|ise)\b/.test(text) || (/\btop \d+\b/.test(text) && !/\b(reps?|territor\w*|brands?|products?|segments?|channels?|specialt\w*|themes?|topics?|reasons?|questions?|concerns?)\b/.test(text)))) floor = { intent: 'plan', probability: 0.6 };
  // "can i send the PI to her personal gmail", "who signs off on an IIS request": rules whose words say so plainly.
  if (DISTINCT_POLICY_TOPICS.has(policyTopic(text) ?? '')) floor = { intent: 'policy', probability: 0.6 };
  // "tecfidera lymphocyte monitoring - medical doc available?": a document, not a doctor.
  if (/\b(medical[- ]use|medical|med info|approved) (doc|docs|document|documents|letter|piece)\b|\bdoc(ument)?s? available\b/.test(text)) {
    scale(['content'], 4);
    scale(['insights', 'brief'], 0.3);
  }
  if (entities.productId && LABEL_ASK.test(text)) {
    scale(['content'], 4);
    scale(['policy'], 0.3);
  }
  const reportsOne = !searchesNotes && !asksOther && (REPORT_ONE.test(text) || (mentionsPatientEvent(text) && /\b(had|got|has|developed|experienced|ended up|went|is in|was in|after|on)\b/.test(text)));
  if (reportsOne) {
    scale(['adverse_event'], 6);
    scale(['insights'], 0.3);
  }
  // MSLs and medical affairs asking about adverse events or open questions without naming an HCP ask the notes.
  if (!person && !listAsk && !reportsOne && ['msl', 'medical_affairs'].includes(role) && policyTopic(text) !== 'safety_data_sharing' && (OPEN_QUESTIONS.test(text) || /\b(adverse|side[- ]?effects?|aes?|safety signals?|pv)\b/.test(text))) {
    scale(['insights'], 3);
    scale(['plan', 'out_of_scope', 'capabilities'], 0.3);
    if (!/\b(rules?|policy|allowed|report(ing)? (window|deadline)|how (soon|long))\b/.test(text)) scale(['policy'], 0.3);
  }
  // "which docs have open medical questions?": a list of HCPs by an open item is a plan with a filter.
  if (listAsk) {
    scale(['plan'], 4);
    // "anybody in my book still waiting on a med answer": nobody named, so no one HCP's brief.
    scale(['brief', 'next_action'], 0.2);
    // A rep's list is their plan; MSLs and medical affairs see open questions in the field summary too.
    if (role === 'rep') floor = { intent: 'plan', probability: 0.55 };
    // "which HCPs am i still owed a medical answer by": for MSLs and medical affairs, the field summary's open questions, with who asked.
    // A city is a plan's filter, not the field summary's.
    const medicalQuestions = (role === 'msl' || role === 'medical_affairs') && !cityNamed && OPEN_QUESTIONS.test(text) && !/\bdead[- ]?ends?\b|\boverdue\b|\bfollow[- ]?ups?\b|\bconsent\b|\bvisit/.test(text);
    if (medicalQuestions) floor = { intent: 'insights', probability: 0.6 };
    else scale(['insights'], 0.4);
    // "anyone with expired phone consent?": who, among the user's HCPs, not one HCP's consent (the
    // classifier is near certain of "consent" from the word alone, so the factor is large).
    scale(['consent'], 0.001);
    scale(['policy', 'out_of_scope', 'capabilities'], 0.3);
    // "which docs are we losing - dead ends across the company": the HCPs, not the rate; a rep's "any dead ends?" asks for theirs.
    if (HCP_NOUNS.test(text) || role === 'rep' || role === 'msl') scale(['performance'], 0.3);
  }
  // "the 3rd one, what's the NBA": an entry of the thread's list is an HCP.
  if ((entities.ordinal !== null || Boolean(entities.describedAs)) && focus.listed.length > 0) {
    scale(['out_of_scope', 'capabilities', 'maturity', 'greeting', 'performance', 'insights', 'plan'], 0.1);
    scale(['brief', 'next_action', 'consent', 'why_not', 'draft'], 2);
    // "who asked the top one", "the first one - who is that": who that entry is.
    if (/\bwho(se|'s|s| is| was| asked| raised| sent| wrote)?\b/.test(text) && !/\bwhy\b/.test(text)) {
      scale(['brief'], 4);
      scale(['why', 'next_action'], 0.3);
      // "whos the 1st one on that dead end list again": who that entry is, whatever list words come with it.
      floor = { intent: 'brief', probability: 0.6 };
    }
  }
  // "what's our reporting window for an AE, 24h or 1 business day?": the duty, not the notes.
  if (/\breporting (window|deadline|timeline|time ?frame|clock)\b|\bhow (soon|long|quickly|fast)\b.{0,30}\breport|\breport(ed)? within\b|\b(24 ?h(ours?|rs?)?|one business day|1 business day)\b/.test(text)) {
    scale(['policy'], 6);
    scale(['insights'], 0.3);
  }
  // "when did it lapse?" after a consent answer: the same consent question.
  if (focus.hcpId && /\b(lapse[ds]?|expir(e[ds]?|y|ation)|opt(ed)?[- ]?(out|in)|unsubscribed?|consent\w*|permission|revoked?)\b/.test(text)) scale(['consent'], focus.intent === 'consent' ? 8 : 2.5);
  // "what else can I use then" about the thread's HCP: the other actions, not what Omni can do.
  if (focus.hcpId && /\b(what else|(other|my|any) (options?|channels?|ways?)|options (then|now|left)|alternatives?|plan b|(what|which) channels? (does|do|can|could|would|will|is|are|works?|should)|what (does|do|would|will|can) work)\b/.test(text)) {
    scale(['next_action'], 6);
    scale(['capabilities'], 0.05);
  }
  if (analytics?.metric && analytics.dimension) scale(['performance'], 2);
  if (asksApprovedWording) {
    scale(['content'], 2.5);
    scale(['insights'], 0.3);
    // "any medical content that answers her question?": material for that HCP, not their brief.
    if (person && !/\b(draft|write|compose|send)\b/.test(text)) {
      scale(['content'], 3);
      scale(['brief', 'next_action', 'policy'], 0.3);
    }
  }
  if (/\bnotes?\b/.test(text) && ['msl', 'medical_affairs', 'admin'].includes(role)) scale(['content'], 0.6);
  const weighed = factor.size === 0 ? scores : reweigh(scores, (intent) => factor.get(intent) ?? 1);
  return floor ? withFloor(weighed, floor.intent, floor.probability) : weighed;
}

/** The intent at least `probability` likely, the others sharing the rest in their proportions. */
function withFloor(scores: IntentScore[], intent: NluIntent, probability: number): IntentScore[] {
  const current = scores.find((score) => score.intent === intent)?.probability ?? 0;
  if (current >= probability) return scores;
  const rest = 1 - current;
  return reweigh(scores, (each) => (each === intent ? probability / Math.max(current, 1e-9) : rest > 0 ? (1 - probability) / rest : 0));
}

/** A verdict on a recommendation, said in words ("accept it", "snooze till Monday", "dismiss, retired"). */
export const VERDICT = new RegExp(`\\b(thumbs[- ]?(up|down)|accept(ed|ing)?|snooz(e|ed|ing)|park(ed)?|ignore (it|that|this)|mark (it|that|this)|done with (it|that))\\b|${DISMISS_WORDS.source}|${SNOOZE_WORDS.source}|${ACCEPTS_IT.source}`);

/** The two HCPs the thread just discussed ("both", "the two of them", "which one of them first"). */
const BOTH = /\b(both|the (two|2)( of them)?|them both|each of them|(which|who) (one )?of (them|the (two|2)|those (two|2))|between (them|the (two|2))|either (one|of them))\b/;

/** Words of an adverse event or its report. */
const ADVERSE_EVENT_WORDS = /\b(adverse|side[- ]?effects?|aes?|reactions?|drug safety|pv|pharmacovigilance|patients?|pts?|reportable|hospitali[sz]ed|died|death|sick|rash|hives|jaundice|initials)\b/;
/** Asking to report one event, or what to do about it. */
const REPORT_ONE =
  /\b(report|file|log|submit|take down|send)\b.{0,25}\b(an?|the|this|that|one|possible|potential|suspected)\s+(possible\s+|potential\s+|suspected\s+)?(adverse|side[- ]?effects?|aes?\b|reactions?)|\bwhat (do|should) (i|we) do\b.{0,30}\b(side[- ]?effects?|adverse|reactions?|aes?)\b|\b(ae|adverse event|side effect) (report|intake)\b|\bstart an? (ae|adverse event)\b/;

/** The words of a may-I question ("can I call her", "is email ok"). */
const CONSENT_ASK = /\b(can|could|may|ok|okay|allowed|fine|able|clear|consented|green|agreed?|legal|illegal|against the (law|rules)|get fired|in trouble|compliant)\b/;

/** Doctors as a list's subject ("top 15 docs", "which hcps"), singular or plural. */
const HCP_NOUNS = /\b(docs?|doctors?|hcps?|physicians?|accounts?)\b/;

/** A question about the label or material to show ("does keytruda cause hepatitis?", "what can I show her"). */
const LABEL_ASK = /\bdoes \w+ cause\b|\bwhat can i (show|send|share)\b/;

/** Asking about what the notes hold over a period or across HCPs, not one event heard in the field. */
const SEARCHES_NOTES = /\b(mentions?|mentioned|notes|logged|flagged|show (me )?all|every note|did (anyone|anybody|any ?one)|any(one|body)? (log|flag|report|mention)\w*|in the (past|last) (\d+|few|two|three)|(last|past) \d+ ?(d|days?|wks?|weeks?|months?)|(last|this|past) (week|month|quarter))\b/;

/** Asking leave to contact: "is it alright to send", "ok for Dr. Lee?", "if i can email them", "y/n". */
const ASKS_PERMISSION = /\bis it (ok|okay|alright|fine|allowed|safe|acceptable|permitted|permissible)\b|\b(lets?|allows?|permits?) (us|me) (to )?(e-?mail|text|call|phone|ring|visit|see|message|whatsapp|contact)\b|\b(consent|opt[- ]?in)\b.{0,20}\b(actually )?(say|says|show|shows|status|look like|on file)\b|\bany objections?\b|\b(would|will|is) (it|that|this) be (ok|okay|alright|fine|allowed|acceptable|permitted|permissible)\b|\b(are we|am i|is that) covered\b|\b(can|may|could) (i|we) (invite|contact|reach( out to)?|ping|write to)\b|\b(is|are) (\w+ ){1,2}(ok|okay|fine|allowed|alright)\W*$|\b(get|got) (me )?(fired|in trouble|sacked)\b|\bagainst the (law|rules)\b|\b(illegal|legal|compliant) (to|for)\b|\bis \w+ing \w+( \w+)? (illegal|legal|compliant|against)\b|^\W*(ok|okay|alright|fine) to\b|\b(ok|okay|alright|fine) (for|with)\b|\b(can|may|could) (i|we) (still |at least )?(send|e-?mail|text|call|ring|phone|whatsapp|message|visit|see)\b|\b(if|whether) (i|we) (can|could|may)\b|\bam i (allowed|cleared|ok|okay|permitted)\b|\by\/n\b|\b(is|are) (\w+ ){0,2}(an? )?(option|possibility|possible|a go)\b|\bgreen ?light\b|\bgood to go\b|\bcool (w|with)\b|\b(happy|open|okay|ok|fine|alright) (w|with|to get|to receive|getting|receiving)\b|\bmind (getting|receiving)\b|\b(am i|are we) (clear|cleared) to\b|\bany reason (i|we) (can'?t|cannot|shouldn'?t|couldn'?t)\b/;

/** The open items a plan can be narrowed to: dead ends, follow-ups owed, open questions, no recent visit. */
const PLAN_FLAG_WORDS = new RegExp(`${DEAD_END_WORDS.source}|${OPEN_QUESTIONS.source}|${FOLLOW_UP_OWED.source}|\\b(no|without a) (recent )?visits?\\b|\\bhaven'?t (seen|visited)\\b`);

/** Asking for material: "approved stuff", "messaging", "leave-behind". */
const CONTENT_ASK_WORDS = /\b(approved|content|materials?|messaging|stuff|leave[- ]?behinds?|slides?|decks?|modules?|templates?|brochures?|pieces?|copy|isi|label)\b/;

/** Words that narrow the thread's last query rather than ask a new one: "just keytruda", "filter to stelara". */
const NARROWS = /\b(just|only|alone|solely|exclusively|specifically|narrow|filter|limit|restrict|what about|how about|same|and|for|swap|switch|change|instead|rerun|re-run|redo|go back|by itself|on its own)\b/;

/** "why not email?", "y not just visit", "how come she isn't on the list". */
const WHY_NOT = /\b(why|y) (not|no|isn'?t|aren'?t|can'?t|cannot|shouldn'?t|wasn'?t|won'?t)\b|\bhow come\b.{0,30}\b(not|isn'?t|can'?t)\b|\b(wouldn'?t|won'?t|doesn'?t|would not|will not|does not) (work|do|be better|help|beat)\b/;

/** Words of this domain that are not entities: material, HCPs, territories, field work. */
const DOMAIN_WORDS =
  /\b(content|materials?|modules?|approved|leave[- ]?behinds?|slides?|isi|label|templates?|hcps?|docs?|doctors?|physicians?|accounts?|kols?|territor(y|ies)|reps?|msls?|field|notes?|themes?|insights?|visits?|calls?|plan|week|webinars?|congress|booth|follow[- ]?ups?|consent|nba|recommend\w*|brief|profile|patients?|dos(e|ing)|safety|medical|med info|team|engagement|maturity|omnichannel|concerns?|objections?|questions?|feedback|hearing|saying|pv|pharmacovigilance|reportable|adverse|side[- ]effects?|on my plate|agenda|to-?do( list)?|itinerary|route)\b/;
/** Requests Omni never serves, whatever domain words they borrow: harmful know-how ("… without getting caught"), code. */
const HARM_ALWAYS =
  /\b(synthesi[sz](e|ing) \w+|payloads?|write (some |a |an |the )?(code|script|program|malware|exploit)|(sql|code|command) injection|without (official )?(permission|authori[sz]ation|getting caught)|unauthori[sz]ed (access|entry)|untraceabl[ey]|(make|making|manufactur\w*|synthesi[sz]\w*|extract\w*) [\w ]{0,40}(at|from) home)\b/;
/** The shape of a request for know-how that, with nothing of this domain in it, is no question for Omni. */
const HOW_TO_HARM =
  /\b(silenc(e|ing) \w+|intimidat\w*|retaliat\w*|cover(ing)?[- ]up|discredit\w*|step[- ]by[- ]step instructions|detailed (instructions|guide|guidance) (for|on|to)|instructions (for|on) how|how to (make|build|evade|hide|hack|steal|bypass|get away)|exploit|vulnerabilit(y|ies)|compromise (a|an|the) \w+|evade|forg(e|ing))\b/;

/** Something in the question belongs to this domain: a product, channel, metric, concern, specialty, label or domain word. */
function hasDomainSignal(entities: QuestionEntities, text: string): boolean {
  const analytics = entities.analytics;
  return Boolean(entities.productId || entities.channel || analytics?.metric || analytics?.concern || analytics?.specialty || LABEL_WORDS.test(text) || CONTENT_CUES.test(text) || DOMAIN_WORDS.test(text));
}

/** "the top two", "first 3 on the list": how many entries from the head of the thread's list (2 to 5), else 0. */
function listHead(text: string, listed = 0): number {
  // "email ok for all three?", "nba for each of them": every entry, when the list is that short.
  const all = /\b(?:all|each of|every one of|both of) (two|three|four|five|[2-5]|of them|of those|of these)\b|\b(?:all|each) (?:of )?(?:them|those|these)\b/.exec(text);
  if (all) {
    const said = all[1] && /^(two|three|four|five|[2-5])$/.test(all[1]) ? (NUMBER_WORDS[all[1]] ?? Number(all[1])) : listed;
    return said <= 5 && said === listed ? said : 0;
  }
  const match = /\b(?:the )?(?:top|first) (two|three|four|five|[2-5])\b(?! ?(?:days?|d|weeks?|wks?|months?|themes?|reps?|products?|territor\w*|regions?|questions?))/.exec(text);
  return match ? (NUMBER_WORDS[match[1]!] ?? Number(match[1])) : 0;
}

/** A few words only: a follow-up more likely than a new question. */
const isShort = (text: string): boolean => text.trim().split(/\s+/).length <= 6;

/**
 * What a follow-up means in this thread, or null when the thread gives it no meaning. A channel
 * about the thread's HCP is a consent question ("what about her phone?"), or a why-not after a
 * why-not; another HCP keeps the question; a list entry is that HCP's brief; metric, breakdown,
 * period and filter words change the thread's last analytics question.
 */
export function resolveFollowUp(entities: QuestionEntities, focus: ConversationFocus, text = ''): { intent: Intent; entities: QuestionEntities } | null {
  const last = (focus.intent ?? null) as Intent | null;
  const namesHcp = Boolean(entities.hcpId || entities.hcpName);
  // "top one — ok to visit in person?": a consent question about that entry.
  // A list shown, or two HCPs asked about in turn ("whatsapp for the first doc?" after volkov, then novak).
  if ((entities.ordinal !== null || entities.describedAs) && (focus.listed.length > 0 || (entities.ordinal !== null && (focus.discussed ?? []).length >= 2)) && !namesHcp) {
    // "#2, whatsapp consent?", "top one — ok to visit in person?": a channel on a list entry asks leave, unless the thread was drafting or asking why not.
    // "the last one on it - nba?": the next step for that entry.
    const asksNext = !entities.channel && /\b(nba|next best|next (step|action|move)s?|what (should|do|would) (i|we) do|recommend\w*)\b/.test(text);
    const drafts = /\b(draft|write|compose|put together)\b/.test(text) && !CONSENT_ASK.test(text);
    const intent: Intent = drafts ? 'draft' : entities.channel && (CONSENT_ASK.test(text) || /\bconsent\w*\b/.test(text) || !(last === 'draft' || last === 'why_not')) ? 'consent' : asksNext ? 'next_action' : last && HCP_INTENTS.has(last) && last !== 'content' ? last : 'brief';
    // "is maria emailable" → "the pulm one in denver": the thread's channel goes with its question.
    const channel = entities.channel ?? (['consent', 'draft', 'why_not'].includes(intent) ? (focus.channel as QuestionEntities['channel']) : null) ?? null;
    return { intent, entities: { ...entities, channel } };
  }
  if (namesHcp && last && HCP_INTENTS.has(last)) return { intent: last, entities: { ...entities, channel: entities.channel ?? (focus.channel as QuestionEntities['channel']) } };
  // "what about for event invitations", "and a market research survey?" after a consent answer: the same HCP and channel, for that purpose.
  if (!namesHcp && focus.hcpId && entities.purpose && (last === 'consent' || last === 'why_not')) return { intent: 'consent', entities: { ...entities, channel: entities.channel ?? (focus.channel as QuestionEntities['channel']), pronoun: true } };
  // "what about a webinar invite instead?" after a recommendation asks why not that action.
  const instead = /\b(instead|rather)\b/.test(entities.topic.toLowerCase()) && (last === 'next_action' || last === 'why' || last === 'why_not') && focus.recommendationId;
  // The thread's last analytics question counts only while the thread is still on it (not after a brief since).
  const onHcp = !focus.lastQuery || (last !== null && HCP_INTENTS.has(last) && last !== 'content');
  // "ugh fine, as an email then" after a draft: the same draft on that channel.
  if (entities.channel && last === 'draft' && (focus.hcpId || namesHcp) && onHcp) return { intent: 'draft', entities: { ...entities, pronoun: !namesHcp } };
  // "can I at least email her?" after a why-not asks for consent; "and email instead?" asks why not.
  // "what about a remote detail instead, allowed?" asks leave, not why it was not recommended.
  const whyNot = ((last === 'why_not' || last === 'why' || instead) && !CONSENT_ASK.test(text) && !/\bif (i|we) (wanted|want|were|was) to\b/.test(text)) || (WHY_NOT.test(text) && focus.recommendationId);
  // "is f2f even ok" after a content search in a thread about an HCP: still leave for that HCP.
  if ((entities.channel || (instead && entities.action)) && (focus.hcpId || namesHcp) && (onHcp || (CONSENT_ASK.test(text) && !whyNot))) return { intent: whyNot ? 'why_not' : 'consent', entities: { ...entities, pronoun: !namesHcp } };
  // "just the oncologists", "top 3 only" after a plan: the same plan, narrowed.
  if (focus.lastQuery?.tool === 'plan_territory' && !namesHcp && (entities.analytics?.top || entities.analytics?.specialty || entities.analytics?.segment || entities.channel)) return { intent: 'refine', entities };
  // "fine, which follow-ups am i late on then" after a metric: the HCPs owed one, a list, not the rate again.
  if (focus.lastQuery?.tool === 'query_performance' && !namesHcp && PLAN_FLAG_WORDS.test(text) && /\b(which|who|whom|the ones|list|show me)\b/.test(text) && !/\b(reps?|territor(y|ies)|regions?|rates?|%|percent\w*|trend\w*)\b/.test(text)) return { intent: 'plan', entities };
  // A metric after a maturity or field question is a metric question of its own ("how's our dead end rate by month").
  if (focus.lastQuery && entities.analytics?.metric && focus.lastQuery.tool !== 'query_performance') return { intent: 'performance', entities };
  if (focus.lastQuery && (changesAnalytics(entities) || entities.productId)) return { intent: 'refine', entities };
  if (entities.channel && focus.lastQuery) return { intent: 'refine', entities };
  if (last === 'content' && (entities.productId || entities.topic.length > 1)) return { intent: 'content', entities };
  if (last && HCP_INTENTS.has(last) && focus.hcpId && (entities.pronoun || entities.productId || entities.event)) return { intent: last, entities };
  return null;
}

/**
 * The thread's focus with its last query only while a follow-up can still refine it: a content search
 * counts while the thread is on content (a draft's own searches are no query of the user's), a plan while
 * the thread is on the plan (not after a brief on one of its entries).
 */
export function withLiveQuery(focus: ConversationFocus): ConversationFocus {
  const tool = focus.lastQuery?.tool;
  const stale = (tool === 'search_approved_content' && focus.intent !== 'content') || (tool === 'plan_territory' && focus.intent !== 'plan');
  return stale ? { ...focus, lastQuery: null } : focus;
}

/** Whether a question names any part of a metric or field query: metric, breakdown, period, comparison, filter. */
function changesAnalytics(entities: QuestionEntities): boolean {
  const analytics = entities.analytics;
  return Boolean(analytics && (analytics.metric || analytics.dimension || analytics.period || analytics.range || analytics.compare || analytics.territories.length > 0 || analytics.rep || analytics.segment || analytics.specialty || analytics.concern || analytics.top));
}

/** What may stand around a channel in a channel-only follow-up ("ok and email then?", "hmm, fine, phone?"). */
const CHANNEL_FOLLOW_UP_WORDS = new Set(
  'deliver bring present show hand it this that even ok okay k and so then instead rather what how about abt by via over or just maybe too as well her him them with hmm hmmm um uh ugh fine cool well right alright sure yeah yes no nope got it at least all even if i we wanted want to could can you do as an a try use go out version versions copy for one'.split(' '),
);

/** Only a channel and words that stand around one: split into words, so no pattern can backtrack on long input. */
function onlyAChannel(textWithoutChannel: string): boolean {
  const words = textWithoutChannel.split(/[\s?!.,-]+/).filter(Boolean);
  return words.length <= 10 && words.every((word) => CHANNEL_FOLLOW_UP_WORDS.has(word));
}

/** "brief me on Dr. Kim and can I email her?" → its two questions; anything else → []. */
export function splitParts(text: string): string[] {
  const pattern = /\?\s+(?=\S)|;\s*|,?\s+(?:and|also|plus|then|&|\+)\s+(?:(?:separately|also|then|pls|please|plz|btw|additionally|while you'?re at it|oh|if so|if not|if yes|if (?:it'?s|its|that'?s|thats|she'?s|he'?s|they'?re) (?:ok|okay|fine|good|allowed|clear|a yes)),?\s+){0,2}(?=(?:whether|can|could|may|should|what|whats|what's|where|wheres|where's|which|who|why|is|are|do|does|did|how|tell|brief|draft|write|give|show|pull|any|when|something|anything|check|confirm|verify|see if|find out|look up|lmk|let me know|(?:an? |the |some )?approved)\b)/i;
  const match = pattern.exec(text);
  if (!match) return [];
  const first = text.slice(0, match.index).trim();
  const second = text.slice(match.index + match[0].length).trim();
  // "… opted out of email? don't want to email anyone i shouldn't": why the user asks, no second question.
  if (/^(?:i )?(?:don'?t|do not|dont) want to\b|^(?:just )?(?:want|trying|need) to (?:make sure|be sure|check|avoid)\b|^(?:so|because|since|as|just so) (?:i|we)\b|^(?:thanks|thx|ty)\b/i.test(second) && !second.includes('?')) return [];
  const words = (part: string) => part.split(/\s+/).filter(Boolean).length;
  return words(first) >= 3 && words(second) >= 3 ? [first, second] : [];
}

/** Names replaced by the stand-ins the classifier was trained with. */
export function maskNames(text: string, entities: QuestionEntities, lexicon: Lexicon): string {
  let masked = ` ${text} `;
  const replace = (name: string, standIn: string) => {
    masked = masked.replace(new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(name)}(?![\\p{L}\\d])`, 'giu'), standIn);
  };
  if (entities.hcpId) replace(entities.hcpId, MASKED_PLACEHOLDERS.hcp);
  if (entities.hcpName) {
    masked = masked.replace(new RegExp(`\\b(dr\\.?|doctor|prof\\.?)\\s+(?=${escapeRegExp(entities.hcpName)})`, 'gi'), '');
    replace(entities.hcpName, MASKED_PLACEHOLDERS.hcp);
  }
  for (const name of lexicon.products.keys()) if (masked.toLowerCase().includes(name)) replace(name, MASKED_PLACEHOLDERS.product);
  for (const name of lexicon.repNames.keys()) if (masked.toLowerCase().includes(name)) replace(name, MASKED_PLACEHOLDERS.rep);
  for (const name of lexicon.cities ?? []) if (masked.toLowerCase().includes(name)) replace(name, MASKED_PLACEHOLDERS.city);
  return masked.trim();
}

/** The reply to a clarifying question: "2", "#2", "the second one", "option 2", or a choice's own text. */
export function pickChoice(question: string, choices: readonly string[]): string | null {
  if (choices.length === 0) return null;
  const text = question.trim().toLowerCase().replace(/[.!?]+$/, '');
  const words: Record<string, number> = { first: 1, one: 1, second: 2, two: 2, third: 3, three: 3 };
  const match = /^(?:option |number |no\.? ?|#|the )?(\d|first|second|third|one|two|three)(?: one| option)?$/.exec(text);
  const index = match ? (Number(match[1]) || words[match[1]!]!) - 1 : choices.findIndex((choice) => choice.toLowerCase().replace(/[.!?]+$/, '') === text);
  return index >= 0 && index < choices.length ? choices[index]! : null;
}

/** A clarifying question offering the two or three likeliest readings, each written as a question the pipeline understands. */
function clarification(scores: IntentScore[], entities: QuestionEntities, focus: ConversationFocus, lexicon: Lexicon, role: string): Understood {
  const who = entities.hcpName ?? entities.hcpId ?? (entities.pronoun && focus.hcpName ? focus.hcpName : null);
  const choices: string[] = [];
  for (const score of scores) {
    if (choices.length === 3 || (choices.length >= 2 && score.probability < 0.1)) break;
    // Never offer what the persona cannot use (a rep is not offered field insights).
    if ((PERSONA_PRIOR[role]?.[score.intent] ?? 1) < 0.5) continue;
    const product = entities.productId ? ([...lexicon.products].find(([, id]) => id === entities.productId)?.[0] ?? null) : null;
    const choice = choiceFor(score.intent, who, entities, focus, product);
    if (choice && !choices.includes(choice)) choices.push(choice);
  }
  // "What can you do?" only when fewer than two readings of the question fit.
  const others = choices.filter((choice) => choice !== CAPABILITIES_CHOICE);
  const readings = others.length >= 2 ? others : choices;
  if (readings.length === 0) return { kind: 'clarify', message: "I'm not sure what you're asking. Could you say it another way?", choices: [] };
  return { kind: 'clarify', message: "I'm not sure which you mean. Did you want:", choices: readings };
}

const CAPABILITIES_CHOICE = 'What can you do?';

function choiceFor(intent: NluIntent, who: string | null, entities: QuestionEntities, focus: ConversationFocus, product: string | null): string | null {
  const channel = entities.channel?.replace(/_/g, ' ') ?? null;
  switch (intent) {
    case 'brief':
      return who ? `Brief me on ${who}` : null;
    case 'next_action':
      return who ? `What should I do next with ${who}?` : null;
    case 'consent':
      return who ? `Can I ${channel ?? 'email'} ${who}?` : null;
    case 'why':
      return focus.recommendationId ? 'Why was that recommended?' : null;
    case 'why_not':
      return who && channel ? `Why not ${channel} ${who}?` : null;
    case 'draft':
      return who ? `Draft a follow-up email to ${who}` : null;
    case 'content':
      // Never the user's own words: a choice is shown as is, and typed text could carry markup.
      return product ? `Approved content on ${product.toUpperCase()}` : 'Search approved content';
    case 'plan':
      return 'Who should I see this week?';
    case 'insights':
      return 'What is the field hearing in the last 30 days?';
    case 'performance':
      return 'How is the team doing on engagement vs the previous period?';
    case 'maturity':
      return 'Where are we on omnichannel maturity?';
    case 'policy':
      return 'What are the rules on this (meals, gifts, off-label, side effects)?';
    case 'adverse_event':
      return 'Report a possible adverse event';
    case 'capabilities':
      return CAPABILITIES_CHOICE;
    default:
      return null;
  }
}
