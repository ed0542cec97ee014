import { addDays, daysBetween } from '../../core/dates.ts';
import { channelName, type Channel } from '../../domain/vocabulary.ts';
import type { ChatModel, ChatRequest, ChatResponse, ConversationFocus, ToolCallRequest } from '../../core/chat-model.ts';
import { accessScopeFor } from '../../compliance/access-policy.ts';
import { ASKS_WEAKEST, droppedSpecialty, escapeRegExp } from './analytics-question.ts';
import type { OmniStore } from '../../domain/repositories.ts';
import { salesRegions, type SalesRegion } from '../../domain/regions.ts';
import { competitorNamedIn } from '../../insights/lexicons.ts';
import * as analytics from './analytics-answers.ts';
import type { AnalyticsPeriod, AnalyticsReading } from './analytics-question.ts';
import * as answers from './local-answers.ts';
import { isUnsafeRequest, UNSAFE_ANSWER } from './unsafe-requests.ts';
import { ADDS_TO_DRAFT, BACK_TO_ORIGINAL, DEAD_END_WORDS, droppedFilter, UNDOES_NARROWING, FOLLOW_UP_OWED, normaliseQuestion, OPEN_QUESTIONS, RANKS_PAIR, readEntities, withIntent, type Lexicon, type ParsedQuestion } from './question-parser.ts';
import * as intake from './adverse-event-dialogue.ts';
import { notesTopics } from './notes-topic.ts';
import { policyAnswer } from './policy-answers.ts';
import { loadUnderstanding, type LoadedUnderstanding } from './understanding/load-understanding.ts';
import { VERDICT, withLiveQuery, type Understanding, type Understood, type UnderstandingTrace } from './understanding/understanding.ts';
import { hcpDisplayName } from '../../domain/hcp.ts';
import { quoteData } from '../../core/quoting.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

type Step = { calls: { name: string; arguments: Record<string, unknown> }[] } | { answer: string };

/** What earlier steps of this turn returned, by tool name (latest last). */
class TurnResults {
  constructor(private readonly results: { name: string; input: Json; output: Json }[]) {}
  last(name: string): Json | undefined {
    return [...this.results].reverse().find((result) => result.name === name)?.output;
  }
  all(name: string): Json[] {
    return this.results.filter((result) => result.name === name).map((result) => result.output);
  }
  find(name: string, match: (input: Json) => boolean): Json | undefined {
    return [...this.results].reverse().find((result) => result.name === name && match(result.input))?.output;
  }
  /** This turn's profile of the HCP, whichever lookup found it (a turn about two HCPs looks up both). */
  profileOf(hcpId: string): Json | undefined {
    return [...this.results].reverse().find((result) => result.name === 'lookup_hcp_profile' && result.output?.status === 'found' && result.output.hcp?.id === hcpId)?.output;
  }
}

/** Metrics that are about one channel already (consent coverage takes a channel: the consented one). */
const CHANNEL_METRICS: ReadonlySet<string> = new Set(['email_open_rate', 'email_click_rate', 'webinar_attendance']);

/** Channels the next-best-action engine's actions use. */
const NBA_CHANNELS: ReadonlySet<string> = new Set(['field_visit', 'remote_detail', 'email', 'msl_meeting']);

/** Breakdowns that are also filter keys of query_performance (a breakdown by one drops that filter). */
const FILTERED_DIMENSIONS: ReadonlySet<string> = new Set(['rep', 'territory', 'segment', 'product', 'specialty', 'channel']);

/** Channels a written follow-up can use. */
const DRAFT_CHANNELS = new Set(['email', 'whatsapp', 'sms']);

/**
 * The offline default model: deterministic rules, no network, no language model. It reads the
 * question (intent, HCP names from the user's own territories, "her" from the thread, products,
 * channels, periods), calls the same tools any model would, and writes the answer from their results
 * with templates. When it cannot handle a question it says so and lists what it can do.
 */
export class LocalModel implements ChatModel {
  readonly id: string;
  private readonly lexicons = new Map<string, Lexicon>();
  private readonly understanding: Understanding;
  /** The last few readings, so the steps of one turn understand its question once. */
  private readonly readings = new Map<string, Promise<{ understood: Understood; trace: UnderstandingTrace }>>();
  /** The reading each (user, question) turn started with, for the turn's later steps. */
  private readonly turnReadings = new Map<string, Promise<{ understood: Understood; trace: UnderstandingTrace }>>();

  constructor(
    private readonly store: OmniStore,
    loaded: LoadedUnderstanding = loadUnderstanding(),
  ) {
    this.understanding = loaded.understanding;
    this.id = `local:omni-${loaded.dataId}`;
  }

  async respond(request: ChatRequest): Promise<ChatResponse> {
    const response = await this.answer(request);
    if (response.toolCalls.length > 0 || !request.messages.some((message) => message.role === 'user')) return response;
    // An adverse-event report being gathered: the thread keeps its report_adverse_event result (redacted) until it is filed.
    const state = intake.intakeStateAfter(request.messages, pendingIntake(request), lastQuestion(request));
    const filed = intake.filedThisTurn(request.messages);
    const withFiled = filed ? { ...response, focus: { ...response.focus, filedIntake: filed } } : response;
    return state === undefined ? withFiled : { ...withFiled, focus: { ...withFiled.focus, adverseEvent: state } };
  }

  private async answer(request: ChatRequest): Promise<ChatResponse> {
    const start = request.messages.map((message) => message.role).lastIndexOf('user');
    const question = request.messages[start];
    if (!question || question.role !== 'user') return { content: answers.capabilitiesAnswer(''), toolCalls: [] };
    const inputs = new Map<string, Json>();
    const results: { name: string; input: Json; output: Json }[] = [];
    for (const message of request.messages.slice(start + 1)) {
      if (message.role === 'assistant') for (const call of message.toolCalls) inputs.set(call.id, call.arguments);
      if (message.role === 'tool') results.push({ name: message.name, input: inputs.get(message.toolCallId), output: JSON.parse(message.content) });
    }
    const focus = request.context.focus;
    const keep = { intent: focus.intent ?? null, channel: focus.channel ?? null, purpose: focus.purpose ?? null, productId: focus.productId ?? null, choices: [] as string[] };
    // A tool call that failed its schema or the limit ends the turn with a plain answer.
    const failed = results.find((result) => result.output && typeof result.output === 'object' && 'error' in result.output);
    if (failed) return { content: answers.toolProblemAnswer(failed.output), toolCalls: [], focus: keep };
    // Checked on the turn's first step only: an unsafe request ends the turn there, so later steps never have one.
    if (results.length === 0 && isUnsafeRequest(question.content)) return { content: UNSAFE_ANSWER, toolCalls: [], focus: keep };
    // "a bit more formal", "shorter pls" after a draft: its words are the approved modules' own, so no rewording; say so and what can change.
    // "looks good, send it" after a draft: drafts are sent by a person, never by Omni.
    if (results.length === 0 && focus.intent === 'draft' && SEND_DRAFT.test(normaliseQuestion(question.content))) return { content: answers.DRAFT_NOT_SENT_ANSWER, toolCalls: [], focus: keep };
    // "can you sign it off with my name": the approved sign-off already carries it.
    if (results.length === 0 && focus.intent === 'draft' && focus.draft && SIGN_OFF.test(normaliseQuestion(question.content))) return { content: `The draft already signs off with your name (${request.context.user.name}): the approved sign-off template carries the sender's name, and no other closing can be added.`, toolCalls: [], focus: keep };
    if (results.length === 0 && DRAFT_RESTYLE.test(normaliseQuestion(question.content))) return { content: focus.intent === 'draft' ? answers.DRAFT_RESTYLE_ANSWER : answers.NO_DRAFT_TO_RESTYLE, toolCalls: [], focus: keep };
    const { understood: read, trace } = await this.understand(question.content, request, results.length === 0);
    const understood = readAs(this.withIntake(question.content, read, request), trace.read);
    if (understood.kind === 'clarify') {
      const numbered = understood.choices.map((choice, index) => `${index + 1}. ${choice}`);
      return { content: [understood.message, ...numbered, ...(numbered.length > 0 ? ['Reply with a number, or say it another way.'] : [])].join('\n'), toolCalls: [], focus: { ...keep, choices: understood.choices } };
    }
    // Each reading in turn (two for "brief me on Dr. Kim and can I email her?"): the first that needs a tool call asks for it; the answers join.
    const turnResults = new TurnResults(results);
    const written: string[] = [];
    for (const reading of understood.readings) {
      const step = this.next(reading, turnResults, request);
      if ('calls' in step) {
        const turn = results.length;
        return { content: '', toolCalls: step.calls.map((call, index): ToolCallRequest => ({ id: `local-${turn + 1}-${index + 1}`, name: call.name, arguments: call.arguments })) };
      }
      written.push(step.answer);
    }
    const ranking = engagementRanking(understood.readings, turnResults, trace.read) ?? pairRanking(understood.readings, turnResults, trace.read);
    if (ranking) written.unshift(ranking);
    const last = understood.readings.at(-1)!;
    const stateless = ['refine', 'policy', 'greeting', 'out_of_scope', 'capabilities'].includes(last.intent);
    // The purpose a consent, why-not or draft reading named ("an invite to our dinner program") stays for the thread's next channel question.
    const asking = [...understood.readings].reverse().find((reading) => ['consent', 'why_not', 'draft'].includes(reading.intent));
    const purpose = asking ? (asking.purpose ?? (asking.hcpName || asking.hcpId ? null : keep.purpose)) : stateless ? keep.purpose : null;
    // The product stays with the thread's HCP until another product or HCP is named.
    // (The focus already holds this turn's HCP: another HCP before it in the thread means the product was about that one.)
    // A recommendation's product is the thread's too ("text her then, draft please" after a next best action).
    const recommendedProduct = last.intent === 'next_action' ? ((turnResults.last('get_next_best_actions')?.recommended?.productId as string | null | undefined) ?? null) : null;
    const productId = last.productId ?? recommendedProduct ?? ((last.hcpName || last.hcpId) && (focus.discussed ?? []).length >= 2 ? null : keep.productId);
    return { content: written.join('\n\n'), toolCalls: [], focus: { intent: stateless ? keep.intent : last.intent, channel: last.channel ?? (last.hcpName || last.hcpId ? null : keep.channel), purpose, productId, choices: [] } };
  }

  /**
   * A reply to the adverse-event report the thread is gathering ("J.M., 54, female", "it was Dr. Lee",
   * "submit anyway") continues it, whatever else the classifier made of it; other questions are read as usual.
   */
  private withIntake(question: string, understood: Understood, request: ChatRequest): Understood {
    const pending = pendingIntake(request);
    if (!pending) return understood;
    const { user, now, focus } = request.context;
    const first = understood.kind === 'readings' ? understood.readings[0] : undefined;
    const lexicon = this.lexiconFor(user.id);
    const entities = first ?? readEntities(question, lexicon, now);
    const names = [entities.hcpName ?? '', entities.hcpId ?? '', ...lexicon.products.keys()];
    if (!intake.continuesIntake(question, intake.readIntake(question, entities, focus), pending, first?.intent ?? null, names)) return understood;
    return { kind: 'readings', readings: [withIntent(entities, 'adverse_event', normaliseQuestion(question), now)] };
  }

  /** The question's reading, once per turn (every step of a turn sees the same question and thread state). */
  private understand(question: string, request: ChatRequest, firstStep: boolean): Promise<{ understood: Understood; trace: UnderstandingTrace }> {
    const { user, now, focus } = request.context;
    // Later steps of a turn see the focus the turn's own tool calls moved ("reach and frequency": after the
    // first metric the thread holds a query); the turn keeps the reading of its first step.
    const turnKey = JSON.stringify([user.id, question]);
    if (!firstStep) {
      const started = this.turnReadings.get(turnKey);
      if (started) return started;
    }
    const key = JSON.stringify([user.id, question, focus]);
    let reading = this.readings.get(key);
    if (!reading) {
      reading = this.understanding.understand({ question, lexicon: this.lexiconFor(user.id), role: user.role, now, focus });
      reading.catch(() => this.readings.delete(key));
      this.readings.set(key, reading);
      if (this.readings.size > 64) this.readings.delete(this.readings.keys().next().value!);
    }
    if (firstStep) {
      this.turnReadings.delete(turnKey);
      this.turnReadings.set(turnKey, reading);
      if (this.turnReadings.size > 64) this.turnReadings.delete(this.turnReadings.keys().next().value!);
    }
    return reading;
  }

  /** Names of the HCPs this user may see, and product names, built once per user (the bench times understanding with it). */
  lexiconFor(userId: string): Lexicon {
    let lexicon = this.lexicons.get(userId);
    if (!lexicon) {
      const user = this.store.users.getById(userId);
      const hcps = user ? this.store.hcps.listInTerritories(accessScopeFor(user).territories) : [];
      const products = new Map<string, string>();
      for (const product of this.store.products.list()) {
        products.set(product.brandName.toLowerCase(), product.id);
        products.set(product.genericName.toLowerCase(), product.id);
      }
      const reps = this.store.users.list().filter((candidate) => candidate.role === 'rep');
      lexicon = {
        firstNames: new Set(hcps.map((hcp) => hcp.firstName.toLowerCase())),
        lastNames: new Set(hcps.map((hcp) => hcp.lastName.toLowerCase())),
        products,
        territoryNames: territoryNames(new Set(hcps.map((hcp) => hcp.territory))),
        repNames: new Map(reps.map((rep) => [rep.name.toLowerCase(), rep.id])),
        teamReps: new Set(reps.filter((rep) => user?.team && rep.team === user.team).map((rep) => rep.id)),
        cities: new Set(hcps.flatMap((hcp) => (hcp.city ? [hcp.city.toLowerCase()] : []))),
      };
      this.lexicons.set(userId, lexicon);
    }
    return lexicon;
  }

  private next(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    switch (parsed.intent) {
      case 'plan': {
        const filters = planFilters(parsed, askedIn(parsed, request), this.lexiconFor(request.context.user.id));
        // "seattle tuesday and los angeles wednesday — who's worth a stop in each": one list per city, side by side.
        const cities = citiesNamed(normaliseQuestion(askedIn(parsed, request)), this.lexiconFor(request.context.user.id));
        if (cities.length >= 2) {
          const done = results.all('plan_territory');
          if (done.length >= cities.length) return { answer: done.map((plan) => answers.planAnswer(plan)).join('\n\n') };
          return { calls: cities.map((city) => ({ name: 'plan_territory', arguments: { limit: parsed.analytics?.top ?? 5, ...filters, city } })) };
        }
        const plan = results.last('plan_territory');
        return plan ? { answer: answers.planAnswer(plan) } : call('plan_territory', { limit: parsed.analytics?.top ?? 10, ...filters });
      }
      case 'content':
        return this.content(parsed, results, request);
      case 'insights':
        return this.insights(parsed, results, request);
      case 'performance':
        return this.performance(parsed, results, request);
      case 'refine':
        return this.refine(parsed, results, request);
      case 'maturity': {
        const assessed = results.last('assess_maturity');
        return assessed ? { answer: analytics.maturityAnswer(assessed, { weakest: ASKS_WEAKEST.test(normaliseQuestion(lastQuestion(request))) }) } : call('assess_maturity', { periodDays: maturityDays(parsed.analytics!, normaliseQuestion(lastQuestion(request))) ?? 180 });
      }
      case 'adverse_event':
        return this.adverseEvent(parsed, results, request);
      case 'capabilities':
        return { answer: answers.capabilitiesAnswer('') };
      case 'policy': {
        // An HCP named in a policy question ("Dr. Byrne told me a patient …") becomes the thread's HCP, so "does she …?" follows.
        if ((parsed.hcpName || parsed.hcpId) && !results.last('lookup_hcp_profile')) return call('lookup_hcp_profile', { hcp: parsed.hcpId ?? parsed.hcpName });
        const profile = results.last('lookup_hcp_profile');
        const about = profile?.status === 'found' ? `\n(About ${profile.hcp.name}, ${profile.hcp.id}.)` : '';
        // "how long do we have to report these", "is that it or is there more paperwork" in a thread about an adverse event: that rule.
        const inReport = request.context.focus.intent === 'adverse_event' || Boolean(request.context.focus.adverseEvent);
        return { answer: `${policyAnswer(askedIn(parsed, request).toLowerCase(), request.context.user.role, inReport ? 'adverse_event' : undefined).answer}${about}` };
      }
      case 'greeting':
        return { answer: answers.greetingAnswer(request.context.user.name) };
      case 'out_of_scope':
        return { answer: answers.capabilitiesAnswer("I can't help with that: it is outside what I do. ") };
      case 'unknown': {
        // Nothing matched: a manager naming a metric, or an MSL or medical affairs naming a concern,
        // specialty or product, most likely asks about the team or the field.
        const role = request.context.user.role;
        const reading = parsed.analytics;
        if (reading?.metric && (role === 'manager' || role === 'admin')) return this.performance(parsed, results, request);
        if ((reading?.concern || reading?.specialty || parsed.productId) && (role === 'msl' || role === 'medical_affairs')) return this.insights(parsed, results, request);
        return { answer: answers.capabilitiesAnswer("I can't answer that offline. ") };
      }
      default:
        return this.aboutHcp(parsed, results, request);
    }
  }

  /** Questions about one HCP: find who first (a name, an id, or "her" from the thread). */
  private aboutHcp(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const who = resolveHcp(parsed, results, request, this.store);
    if ('answer' in who || 'calls' in who) return who;
    const { hcpId, profile } = who;
    // A lookup that said no (outside the territory, not found) is the answer, whatever was asked.
    if (profile && profile.status !== 'found') return { answer: answers.lookupProblem(profile) };
    const hcpName = profile?.hcp.name ?? (request.context.focus.hcpId === hcpId ? request.context.focus.hcpName : null);

    switch (parsed.intent) {
      case 'brief': {
        const nba = results.find('get_next_best_actions', (input) => input?.hcpId === hcpId);
        if (!profile || !nba) {
          return {
            calls: [...(profile ? [] : [{ name: 'lookup_hcp_profile', arguments: { hcp: hcpId } }]), ...(nba ? [] : [{ name: 'get_next_best_actions', arguments: { hcpId } }])],
          };
        }
        if (profile.status !== 'found') return { answer: answers.lookupProblem(profile) };
        return { answer: answers.briefAnswer(profile, nba, windowOf(parsed, profile, request.context.now), askedIn(parsed, request)) };
      }
      case 'next_action': {
        const nba = results.find('get_next_best_actions', (input) => input?.hcpId === hcpId);
        if (!nba) return call('get_next_best_actions', { hcpId });
        return { answer: nba.status === 'recommended' ? answers.nextActionAnswer(nba) : answers.lookupProblem(nba) };
      }
      case 'consent': {
        // "when did it lapse?" after "can I call him?": the thread's channel.
        if (!parsed.channel && request.context.focus.channel && request.context.focus.hcpId === hcpId && !parsed.hcpName && !parsed.hcpId) parsed = { ...parsed, channel: request.context.focus.channel as ParsedQuestion['channel'] };
        if (!parsed.channel) {
          if (!profile) return call('lookup_hcp_profile', { hcp: hcpId });
          return { answer: profile.status === 'found' ? answers.consentOverviewAnswer(profile) : answers.lookupProblem(profile) };
        }
        const result = results.find('check_consent', (input) => input?.hcpId === hcpId && input?.channel === parsed.channel);
        if (!result) {
          // "what about by text" after "can i email her the dinner invite": the thread's purpose, for the same HCP.
          const threadPurpose = request.context.focus.hcpId === hcpId && !parsed.hcpName && !parsed.hcpId ? (request.context.focus.purpose as ParsedQuestion['purpose']) : null;
          const purpose = parsed.purpose ?? (parsed.channel === 'msl_meeting' ? 'medical' : threadPurpose) ?? (parsed.channel === 'msl_meeting' || isMedicalRole(request) ? 'medical' : parsed.channel === 'webinar' ? 'events' : 'promotional');
          return call('check_consent', { hcpId, channel: parsed.channel, purpose, productId: parsed.productId });
        }
        // A list entry asked about by position has no name in the thread; the tool answered, so the caller may see it.
        const entry = !hcpName && result.status === 'answered' ? this.store.hcps.getById(hcpId) : null;
        return { answer: answers.consentAnswer(result, hcpName ?? (entry ? hcpDisplayName(entry) : null)) };
      }
      case 'why_not':
      case 'why': {
        const focus = request.context.focus;
        const earlier = focus.hcpId === hcpId ? focus.recommendationId : null;
        const nba = results.find('get_next_best_actions', (input) => input?.hcpId === hcpId);
        const recommendationId = earlier ?? (nba?.status === 'recommended' ? nba.recommendationId : null);
        if (!recommendationId) return nba ? { answer: answers.lookupProblem(nba) } : call('get_next_best_actions', { hcpId });
        const explanation = results.last('explain_recommendation');
        // WhatsApp, SMS, phone: channels no next-best action uses; "why not WhatsApp?" also gets the consent answer for it.
        const consentToo = parsed.intent === 'why_not' && parsed.channel !== null && !NBA_CHANNELS.has(parsed.channel) && parsed.action !== 'event_invitation';
        if (!explanation) {
          // "a webinar invite instead?" asks about the invitation action, not the webinar channel.
          const invitation = parsed.action === 'event_invitation';
          const ask = parsed.intent === 'why_not' ? { action: parsed.channel && !invitation ? null : parsed.action, channel: invitation ? null : parsed.channel } : {};
          return {
            calls: [
              { name: 'explain_recommendation', arguments: { recommendationId, ...ask } },
              ...(consentToo ? [{ name: 'check_consent', arguments: { hcpId, channel: parsed.channel, purpose: isMedicalRole(request) ? 'medical' : 'promotional', productId: parsed.productId } }] : []),
            ],
          };
        }
        const explained = explanation.status === 'explained' ? answers.explanationAnswer(explanation, hcpName ?? (nba?.status === 'recommended' ? (nba.hcp?.name as string | undefined) ?? null : null)) : `${answers.explanationAnswer(explanation)} (Asked about ${hcpName ?? hcpId}, ${hcpId}.)`;
        const consent = consentToo ? results.find('check_consent', (input) => input?.hcpId === hcpId && input?.channel === parsed.channel) : undefined;
        return { answer: consent ? `${explained}\n\n${answers.consentAnswer(consent, hcpName)}` : explained };
      }
      case 'feedback': {
        const focus = request.context.focus;
        const recorded = results.last('record_feedback');
        if (recorded) return { answer: answers.feedbackAnswer(recorded) };
        // "dismiss the recommendation for Dr. Keller": the thread's recommendation when it is about that HCP, else their current one.
        let recommendationId = focus.hcpId === hcpId ? focus.recommendationId : null;
        if (!recommendationId) {
          const nba = results.find('get_next_best_actions', (input) => input?.hcpId === hcpId);
          if (!nba) return call('get_next_best_actions', { hcpId });
          if (nba.status !== 'recommended') return { answer: answers.lookupProblem(nba) };
          recommendationId = nba.recommendationId as string;
        }
        // A verdict is written to the decision log only when the user said one.
        if (!VERDICT.test(askedIn(parsed, request).toLowerCase())) return { answer: 'Say what to record on the recommendation: accept, dismiss (with the reason) or snooze (until a day).' };
        const feedback = parsed.feedback!;
        return call('record_feedback', { recommendationId, verdict: feedback.verdict, reason: `said in chat: "${lastQuestion(request).slice(0, 200)}"`, snoozeUntil: feedback.until });
      }
      case 'draft':
        return this.draft(parsed, results, hcpId, profile, request);
      default:
        return { answer: answers.capabilitiesAnswer("I can't answer that offline. ") };
    }
  }

  private content(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const found = results.last('search_approved_content');
    // "medical content that answers it?" in a thread about an HCP with an open medical question: that question is the topic.
    if (REFERS_TO_OPEN_QUESTION.test(normaliseQuestion(lastQuestion(request))) && (parsed.hcpId || parsed.hcpName || request.context.focus.hcpId)) {
      const who = hcpWithProfile(parsed, results, request, this.store);
      if ('answer' in who || 'calls' in who) return who;
      const { profile } = who;
      // A product the question names picks that product's question ("keytruda content for her question").
      const open = (profile.signals as Json[]).find((signal) => signal.kind === 'open_medical_question' && signal.about && (!parsed.productId || signal.about.productId === parsed.productId));
      if (open) {
        const product = open.about.productId ? this.store.products.getById(open.about.productId) : undefined;
        const query = [product?.brandName, open.about.topic].filter(Boolean).join(' ') || 'medical information response';
        const about = `For ${profile.hcp.name}'s open question (${open.sentence.replace(/^Open medical question: /, '').replace(/\.$/, '')}):`;
        if (found) return { answer: `${about}\n${answers.contentAnswer(found, query)}` };
        return call('search_approved_content', { query, hcpId: who.hcpId, channel: parsed.channel, purpose: 'medical', limit: 5 });
      }
    }
    // "ok the second one, what should i bring": no topic said, so what that HCP engaged with last.
    if (!parsed.productId && vagueTopic(parsed.topic) && (parsed.hcpId || parsed.hcpName || parsed.pronoun || parsed.ordinal !== null || parsed.describedAs)) {
      const who = hcpWithProfile(parsed, results, request, this.store);
      if ('answer' in who || 'calls' in who) return who;
      const { profile } = who;
      const latest = (profile.recentInteractions as Json[]).find((interaction) => interaction.productId && interaction.topic);
      if (latest) {
        const product = this.store.products.getById(latest.productId);
        const query = `${product?.brandName ?? ''} ${latest.topic}`.trim();
        const about = `For ${profile.hcp.name}, from their latest engagement (${latest.occurredAt.slice(0, 10)}, ${channelName(latest.channel as Channel)}: "${latest.topic}"):`;
        if (found) return { answer: `${about}\n${answers.contentAnswer(found, query)}` };
        return call('search_approved_content', { query, hcpId: who.hcpId, channel: parsed.channel, purpose: parsed.purpose === 'medical' || isMedicalRole(request) ? 'medical' : 'promotional', limit: 5 });
      }
    }
    const query = searchQuery(parsed, this.store);
    if (found) return { answer: answers.contentAnswer(found, query) };
    if (query.length < 2) return { answer: 'Approved content on what topic? For example: "approved content on KEYTRUDA immune-mediated adverse reactions".' };
    // For a named HCP (or "her"), their specialty and market narrow the search.
    let hcpId: string | null = null;
    if (parsed.hcpId || parsed.hcpName || parsed.pronoun) {
      const who = resolveHcp(parsed, results, request, this.store);
      if ('answer' in who || 'calls' in who) return who;
      hcpId = who.hcpId;
    }
    // "just the top 2 approved stelara pieces": that many.
    const limit = Math.min(Math.max(parsed.analytics?.top ?? 5, 1), 10);
    return call('search_approved_content', { query, hcpId, channel: parsed.channel, purpose: parsed.purpose === 'medical' || isMedicalRole(request) ? 'medical' : 'promotional', limit });
  }

  /**
   * A possible adverse event: report_adverse_event with what the question (and the report the thread
   * is gathering) says, then the duty, the due time, and what is still needed or the intake id.
   */
  private adverseEvent(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const reported = results.last('report_adverse_event');
    if (reported) return { answer: intake.intakeAnswer(reported) };
    const question = lastQuestion(request);
    const pending = pendingIntake(request);
    const reading = intake.readIntake(question, parsed, request.context.focus);
    if (reading.cancel && pending) return { answer: intake.intakeDroppedAnswer() };
    // "did that go through?", "when is it due?" once the thread's report is filed: its intake id and due time.
    const filed = request.context.focus.filedIntake;
    if (filed && !pending && Object.keys(reading.details).length === 0 && !reading.submit && AFTER_FILING.test(normaliseQuestion(question))) return { answer: intake.filedIntakeAnswer(filed) };
    // "ok submit it like that" once the thread's report is filed: nothing is waiting.
    if (reading.submit && !pending && request.context.focus.intent === 'adverse_event' && Object.keys(reading.details).length === 0) {
      return { answer: 'Nothing is waiting to be filed in this thread: the report above was already sent to Drug Safety (its intake id is in that answer). To report another event, tell me what you heard.' };
    }
    return call('report_adverse_event', { ...intake.mergeIntake(pending, reading, question) });
  }

  /** What the field is hearing: filters from the question, then summarize_field_insights. */
  private insights(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const reading = parsed.analytics!;
    const latest = results.last('summarize_field_insights');
    // A rep may not read the field's notes, but reports what they heard themselves.
    const safety = latest && latest.status !== 'summarized' && (reading.concern === 'safety' || reading.concern === 'side effects');
    // "liver failure chatter on xeljanz": notes holding those words; "abuse or overdose": each. When none
    // matches, or several words were asked, that is said and the whole summary follows.
    const competitor = competitorNamed(lastQuestion(request));
    // "who's slagging off gilenya", "the most brutal comments": the notes hold no criticism in so many words, so the
    // nearest negatives are searched (HCPs choosing a competitor, HCPs frustrated with access) and named, and that is said.
    if (!reading.concern && !competitor && CRITICISM.test(normaliseQuestion(lastQuestion(request)))) {
      const negatives = ['competitors', 'access'] as const;
      const done = negatives.map((topic) => results.find('summarize_field_insights', (input) => input.topic === topic));
      const next = done.findIndex((output) => !output);
      if (next >= 0) return call('summarize_field_insights', { ...this.insightsFilters(parsed, reading, request), topic: negatives[next] });
      return { answer: this.criticismAnswer(done as Json[], parsed) };
    }
    const asked = reading.concern || competitor ? [] : notesTopics(parsed.topic, this.lexiconFor(request.context.user.id));
    // "what is each region hearing": one summary per region the user sees (or names), side by side.
    // "across every territory" is all of them together.
    const splits = reading.dimension === 'territory' && reading.territories.length !== 1 && !/\bacross (all|every|each|the)\b/.test(normaliseQuestion(lastQuestion(request)));
    const regions = splits ? this.regionsFor(request.context.user.id, reading.territories) : [];
    if (regions.length >= 2) {
      const done = results.all('summarize_field_insights');
      if (done.length < regions.length) return call('summarize_field_insights', { ...this.insightsFilters(parsed, reading, request), topic: reading.concern ?? competitor ?? asked[0] ?? null, territory: regions[done.length]!.id });
      return { answer: analytics.insightsByRegionAnswer(done, regions) };
    }
    const searched = asked.map((topic) => results.find('summarize_field_insights', (input) => input.topic === topic));
    const pending = asked.findIndex((_, index) => !searched[index]);
    if (pending >= 0) return call('summarize_field_insights', { ...this.insightsFilters(parsed, reading, request), topic: asked[pending] });
    const byWords = searched.filter((output) => output?.status === 'summarized' && output.filters.topic?.matchedBy === 'words');
    const found = (output: Json) => output.notes.current as number;
    const oneMatched = asked.length === 1 && byWords.length === 1 && found(byWords[0]) > 0;
    const general = results.find('summarize_field_insights', (input) => !asked.includes(input.topic as string));
    if (byWords.length > 0 && !oneMatched && !general) return call('summarize_field_insights', { ...this.insightsFilters(parsed, reading, request), topic: reading.concern ?? competitor });
    const summary = oneMatched ? byWords[0] : (general ?? latest);
    if (summary) {
      const lead = byWords.length === 0 ? '' : oneMatched ? `${analytics.mentions(found(summary), asked[0]!)} in this period:\n` : `${analytics.wordsFoundLead(asked, byWords)}\nWhat the notes do say:\n`;
      // "which hcps mentioned them most": who said it, by name and note count, first.
      const who = WHO_SAID.test(normaliseQuestion(lastQuestion(request))) && summary.status === 'summarized' ? this.whoSaid(summary) : null;
      return { answer: `${who ? `${who}\n` : ''}${lead}${analytics.insightsAnswer(summary, { concern: reading.concern, questions: asksOpenQuestions(parsed), byProduct: reading.dimension === 'product' })}${safety ? `\n${answers.REPORT_OFFER}` : ''}` };
    }
    return call('summarize_field_insights', { ...this.insightsFilters(parsed, reading, request), topic: reading.concern ?? competitor });
  }

  /** The HCPs the summary's quoted notes are from, most notes first (up to 8), or null when it quotes none. */
  private whoSaid(summary: Json): string | null {
    const notes = new Map<string, Set<string>>();
    for (const quote of quotesOf(summary)) notes.set(quote.hcpId, (notes.get(quote.hcpId) ?? new Set<string>()).add(quote.noteId));
    if (notes.size === 0) return null;
    const ranked = [...notes].sort((a, b) => b[1].size - a[1].size).slice(0, 8);
    const names = ranked.map(([hcpId, ids]) => {
      const hcp = this.store.hcps.getById(hcpId);
      return `${hcp ? hcpDisplayName(hcp) : hcpId} (${ids.size} note${ids.size === 1 ? '' : 's'}: ${[...ids].join(', ')})`;
    });
    return `Who said it, among the notes this summary quotes (most first): ${names.join('; ')}.`;
  }

  /** The nearest the notes come to criticism: who is choosing a competitor, who is frustrated with access, by name and note. */
  private criticismAnswer(outputs: Json[], parsed: ParsedQuestion): string {
    const [rivals, access] = outputs;
    if (outputs.some((output) => output?.status !== 'summarized')) return String(outputs.find((output) => output?.status !== 'summarized')?.message ?? 'The field notes could not be read.');
    const product = parsed.productId ? (this.store.products.getById(parsed.productId)?.brandName ?? 'the product') : 'our products';
    const period = `${String(rivals.period.from).slice(0, 10)} to ${String(rivals.period.to).slice(0, 10)}`;
    const lines = [`No field note from ${period} records an HCP criticising ${product} in so many words (the notes log questions, access problems and competitor use, not opinions). The nearest negatives:`];
    const said = (output: Json) => {
      const quotes = [...quotesOf(output), ...(output.extractiveSummary as Json[]).flatMap((entry) => (entry.quote ? [entry.quote] : []))].filter((quote, index, all) => all.findIndex((other) => other.noteId === quote.noteId) === index);
      return quotes.slice(0, 4).map((quote) => {
        const hcp = this.store.hcps.getById(quote.hcpId);
        return `  - ${hcp ? hcpDisplayName(hcp) : quote.hcpId} (note ${quote.noteId}, ${String(quote.writtenAt).slice(0, 10)}): ${quoteData(quote.text.quoted, 200)}`;
      });
    };
    lines.push(`- Choosing or comparing a competitor: ${rivals.notes.current} note${rivals.notes.current === 1 ? '' : 's'} on ${rivals.notes.hcps} HCP${rivals.notes.hcps === 1 ? '' : 's'}.`, ...said(rivals));
    lines.push(`- Frustrated with access (denials, step therapy, delays): ${access.notes.current} note${access.notes.current === 1 ? '' : 's'} on ${access.notes.hcps} HCP${access.notes.hcps === 1 ? '' : 's'}.`, ...said(access));
    return lines.join('\n');
  }

  /** The sales regions the user sees territories in (those named, when two or more are). */
  private regionsFor(userId: string, named: readonly string[]): SalesRegion[] {
    const own = [...this.lexiconFor(userId).territoryNames].filter(([name, ids]) => ids.length === 1 && name === ids[0]!.toLowerCase()).map(([, ids]) => ids[0]!);
    const seen = named.length >= 2 ? named : own;
    return salesRegions.filter((region) => seen.some((id) => id === region.id || id.startsWith(`${region.id}-`)));
  }

  /** The filters of a field-notes question other than its topic. */
  private insightsFilters(parsed: ParsedQuestion, reading: AnalyticsReading, request: ChatRequest): Record<string, unknown> {
    // "open medical questions there?" after a summary of one region: that region still.
    const last = withLiveQuery(request.context.focus).lastQuery;
    const there = last?.tool === 'summarize_field_insights' && typeof last.input.territory === 'string' && /\b(there|that (region|territory|area)|in it)\b/.test(normaliseQuestion(lastQuestion(request))) ? last.input.territory : null;
    // "top 3 themes only" after "field insights ytd": a narrowing names no period of its own, so it keeps the thread's.
    const said = normaliseQuestion(askedIn(parsed, request));
    const keepsPeriod = last?.tool === 'summarize_field_insights' && !reading.period && !reading.range && !reading.sinceCongress && NARROWS.test(said);
    const keptPeriod = keepsPeriod ? Object.fromEntries(Object.entries(last.input).filter(([key, value]) => ['period', 'from', 'to'].includes(key) && value !== null && value !== undefined)) : {};
    return {
      product: parsed.productId,
      specialty: reading.specialty,
      territory: reading.territories.length === 1 ? reading.territories[0] : there,
      // "the longest-waiting questions, oldest first": every question still open, however old, so a year rather than a month
      // (the demo's notes start a year back, so that year is compared with nothing). Other open-question lists keep the month and say so.
      ...(Object.keys(keptPeriod).length > 0 ? keptPeriod : !reading.period && !reading.range && !reading.sinceCongress && asksOpenQuestions(parsed) && /\b(longest|oldest|ever|backlog)\b/.test(said) ? { period: 'last_365_days', compare: false } : { ...this.periodOf(reading, request.context.now), compare: true }),
      // "only the top 3 themes": that many.
      ...(reading.top && /\bthemes?\b/.test(normaliseQuestion(lastQuestion(request))) ? { maxThemes: Math.min(reading.top, 25) } : {}),
    };
  }

  /** "since the congress": from the day of the latest congress (booth visits on record), else the period named. */
  private periodOf(reading: AnalyticsReading, now: string): { period: string } | { from: string; to?: string } {
    // "between sept 1 and oct 15": both ends; "since october": from that day on.
    if (reading.range) return reading.range.to < now.slice(0, 10) ? { from: reading.range.from, to: reading.range.to } : { from: reading.range.from };
    if (reading.sinceCongress) {
      const congress = this.store.interactions.latestOnChannel('congress_booth', now);
      if (congress) return { from: congress.slice(0, 10) };
    }
    return { period: reading.period ?? 'last_30_days' };
  }

  /**
   * A follow-up to the thread's last analytics question ("break that down by rep", "and what about
   * safety concerns?"): the same call with what the follow-up names changed.
   */
  private refine(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const last = this.refinedQuery(request.context.focus, askedIn(parsed, request));
    // "what about WhatsApp?" in a thread about an HCP: the same consent question on that channel.
    if (!last && parsed.channel && request.context.focus.hcpId) return this.aboutHcp({ ...parsed, intent: 'consent', pronoun: true }, results, request);
    // Not the capability menu: the question is in scope, only its subject is missing.
    if (!last) return { answer: 'I can\'t tell what that follows on from in this thread. Say who or what it is about: an HCP ("can I email Dr. Reyes?"), a metric ("email click rate by territory") or a topic ("what is the field hearing on access?").' };
    const done = results.last(last.tool);
    const reading = parsed.analytics!;
    // "what about the month before" after October: September, not last month again.
    const before = unitBefore(last.input, normaliseQuestion(askedIn(parsed, request)), request.context.now);
    if (before && last.tool === 'query_performance' && !done) return call('query_performance', { ...last.input, period: before });
    if (before && last.tool === 'summarize_field_insights' && !done) return call('summarize_field_insights', { ...last.input, period: undefined, from: before.from, to: before.to });
    if (last.tool === 'query_performance') {
      if (done) return { answer: analytics.performanceAnswer(done, { ranked: reading.ranked || reading.dimension !== null }) };
      const filters = { ...((last.input.filters as Record<string, unknown>) ?? {}) };
      if (reading.territories.length > 0) filters.territory = reading.territories;
      if (reading.rep) filters.rep = reading.rep;
      if (reading.segment) filters.segment = reading.segment;
      if (reading.specialty) filters.specialty = reading.specialty;
      if (parsed.productId) filters.product = parsed.productId;
      // "and the whole team, rep by rep": a breakdown by what was a filter covers all of it.
      if (reading.dimension && FILTERED_DIMENSIONS.has(reading.dimension) && !(reading.dimension === 'rep' && reading.rep) && !(reading.dimension === 'segment' && reading.segment)) delete filters[reading.dimension];
      if (/\b(whole|entire|all( of)?( the)?) (team|company|region|field force)\b/.test(normaliseQuestion(askedIn(parsed, request))) && !reading.rep) delete filters.rep;
      const metric = reading.metric ?? (last.input.metric as string);
      if (parsed.channel && !CHANNEL_METRICS.has(metric) && reading.dimension !== 'channel') filters.channel = parsed.channel;
      // "clicks?" after email engagement: a metric about one channel takes no channel filter.
      if (CHANNEL_METRICS.has(metric)) delete filters.channel;
      return call('query_performance', {
        ...last.input,
        ...(reading.metric ? { metric: reading.metric } : {}),
        ...(reading.dimension ? { dimension: reading.dimension } : {}),
        ...(reading.range ? { period: reading.range } : reading.period && !reading.periodFromComparison ? { period: performancePeriod(reading.period, request.context.now) } : {}),
        ...(reading.compare ? { compareTo: reading.compare } : {}),
        filters,
      });
    }
    if (last.tool === 'summarize_field_insights') {
      if (done) {
        const who = WHO_SAID.test(normaliseQuestion(lastQuestion(request))) && done.status === 'summarized' ? this.whoSaid(done) : null;
        return { answer: `${who ? `${who}\n` : ''}${analytics.insightsAnswer(done, { concern: reading.concern, questions: asksOpenQuestions(parsed) })}` };
      }
      const topic = reading.concern ?? competitorNamed(lastQuestion(request));
      return call('summarize_field_insights', {
        ...last.input,
        ...(topic ? { topic } : {}),
        ...(reading.specialty ? { specialty: reading.specialty } : {}),
        ...(parsed.productId ? { product: parsed.productId } : {}),
        ...(reading.territories.length === 1 ? { territory: reading.territories[0] } : {}),
        // "give me only the three biggest": that many themes.
        ...(reading.top ? { maxThemes: Math.min(reading.top, 25) } : {}),
        ...(reading.range ? { from: reading.range.from, to: reading.range.to, period: undefined } : reading.period && !reading.periodFromComparison ? { period: reading.period, from: undefined, to: undefined } : {}),
      });
    }
    if (last.tool === 'plan_territory') {
      // "just the oncologists", "top 3 only": the same plan with what the follow-up names changed.
      if (done) return { answer: answers.planAnswer(done) };
      const narrowed = planFilters(parsed, askedIn(parsed, request), this.lexiconFor(request.context.user.id));
      // "and texts?" after "who opted out of email": the same consent status on that channel.
      const lastConsent = last.input.consent as { channel: string; status: string } | undefined;
      if (parsed.channel && lastConsent && !narrowed.consent) narrowed.consent = { channel: parsed.channel, status: lastConsent.status };
      // "forget the rheums": that specialty is no longer a filter (unless another replaces it).
      const kept = { ...last.input };
      if (!narrowed.specialty && droppedSpecialty(normaliseQuestion(askedIn(parsed, request))) === kept.specialty) delete kept.specialty;
      return call('plan_territory', { ...kept, ...narrowed, limit: reading.top ?? last.input.limit ?? 10 });
    }
    if (last.tool === 'search_approved_content') {
      // "is there a version ok for whatsapp?", "just for KEYTRUDA": the same search on that channel or product.
      // "and gilenya, first-dose monitoring": a topic of its own replaces the last one; "just for KEYTRUDA" keeps it.
      const ownTopic = parsed.productId ? this.withProduct(parsed.topic, parsed.productId).split(/\s+/).slice(1).join(' ') : '';
      const fresh = ownTopic.replace(/\b(and|only|just|instead|same|but|for|now|too|also|pls|please|what about|how about|same thing)\b/gi, ' ').replace(/[^\p{L}\d -]+/gu, ' ').trim();
      const query = parsed.productId ? (fresh.split(/\s+/).filter((word) => word.length > 2).length > 0 ? `${this.store.products.getById(parsed.productId)?.brandName ?? ''} ${fresh}`.replace(/\s+/g, ' ').trim() : this.withProduct(String(last.input.query), parsed.productId)) : String(last.input.query);
      // "open up the top result": that module of the same search, in full as far as the search shows it.
      if (done && parsed.ordinal !== null && done.status === 'found') {
        const results = done.results as Json[];
        const module = parsed.ordinal < 0 ? results.at(parsed.ordinal) : results[parsed.ordinal - 1];
        if (module) return { answer: answers.moduleAnswer(module) };
        return { answer: `The last search found ${results.length} module${results.length === 1 ? '' : 's'}; which one do you mean?` };
      }
      if (done) return { answer: answers.contentAnswer(done, query) };
      return call('search_approved_content', { ...last.input, query, ...(parsed.channel ? { channel: parsed.channel } : {}) });
    }
    if (done) return { answer: analytics.maturityAnswer(done, { weakest: ASKS_WEAKEST.test(normaliseQuestion(lastQuestion(request))) }) };
    const days = maturityDays(reading, normaliseQuestion(askedIn(parsed, request)));
    return call(last.tool, { ...last.input, ...(days ? { periodDays: days } : {}) });
  }

  /** Team performance: the metric, breakdown and filters from the question, then query_performance. */
  private performance(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest): Step {
    const reading = parsed.analytics!;
    // Its own metric's answer: a question may ask two ("follow-up rate and consent coverage by rep").
    const answered = reading.metric ? results.find('query_performance', (input) => input?.metric === reading.metric) : results.last('query_performance');
    if (answered) return { answer: analytics.performanceAnswer(answered, { ranked: reading.ranked }) };
    // Medical affairs' follow-up metric is the medical one ("how fast are we following up on medical requests").
    const medicalAffairs = request.context.user.role === 'medical_affairs';
    const metric = medicalAffairs && (!reading.metric || ['follow_up_rate', 'median_time_to_follow_up', 'engagement_rate'].includes(reading.metric)) ? 'medical_follow_up_rate' : (reading.metric ?? 'engagement_rate');
    const filters: Record<string, unknown> = {};
    if (reading.territories.length > 0) filters.territory = reading.territories;
    if (reading.rep) filters.rep = reading.rep;
    if (reading.segment) filters.segment = reading.segment;
    if (parsed.productId) filters.product = parsed.productId;
    if (reading.specialty) filters.specialty = reading.specialty;
    // A channel the metric itself names ("email open rate", "webinar attendance") is not a filter, nor channels compared side by side.
    if (parsed.channel && !CHANNEL_METRICS.has(metric) && reading.dimension !== 'channel') filters.channel = parsed.channel;
    // "engagement on webinars only": a channel no consent is asked for, as a filter of the metric.
    const eventChannel = /\b(on|via|through|from|at|over) (the )?webinars?\b|\bwebinars? only\b/.test(normaliseQuestion(lastQuestion(request))) ? 'webinar' : null;
    if (!filters.channel && eventChannel && !CHANNEL_METRICS.has(metric) && reading.dimension !== 'channel') filters.channel = eventChannel;
    const dimension = reading.dimension ?? (metric === 'consent_coverage' && !filters.channel ? 'channel' : null);
    return call('query_performance', { metric, dimension, filters, period: reading.range ?? performancePeriod(reading.period, request.context.now), compareTo: reading.compare ?? 'previous_period' });
  }

  /**
   * A follow-up: the event it follows up on, the approved modules for it, then draft_followup. What the
   * draft leaves out of what was asked (a topic with no approved module, a channel that carries no
   * approved content) is said beside it, never dropped silently.
   */
  private draft(parsed: ParsedQuestion, results: TurnResults, hcpId: string, profile: Json | undefined, request: ChatRequest): Step {
    if (!profile) return call('lookup_hcp_profile', { hcp: hcpId });
    if (profile.status !== 'found') return { answer: answers.lookupProblem(profile) };
    const name = profile.hcp.name as string;
    // "ok send it to Dr. Lee" after a content search: that search's material, on its channel.
    const focus = request.context.focus;
    const threadSearch = focus.intent === 'content' && focus.lastQuery?.tool === 'search_approved_content' && !parsed.productId && !parsed.event ? focus.lastQuery.input : null;
    // "ok write it" after "can i whatsapp them": the channel the thread just asked about, for the same HCP.
    const threadChannel = focus.hcpId === hcpId && !parsed.hcpName && !parsed.hcpId && ['consent', 'draft', 'why_not'].includes(focus.intent ?? '') && !/\b(whichever|whatever|any|other|another|different)\b/.test(askedIn(parsed, request).toLowerCase()) ? (focus.channel ?? null) : null;
    // The thread's last draft: "add something on X" adds to it; "wrong doc, adeyemi" writes the same draft for another HCP.
    const threadDraft = focus.intent === 'draft' && focus.draft && !threadSearch ? focus.draft : null;
    const addsTo = threadDraft && threadDraft.hcpId === hcpId && ADDS_TO_DRAFT.test(normaliseQuestion(askedIn(parsed, request))) ? threadDraft : null;
    const asked = parsed.channel ?? (threadSearch?.channel as string | null | undefined) ?? (addsTo?.channel ?? null) ?? threadChannel;
    const channel = asked && DRAFT_CHANNELS.has(asked) ? asked : 'email';
    // MSLs and medical affairs write medical responses only; a rep asking for one gets the tool's "no" and its route.
    const purpose = parsed.purpose === 'medical' || isMedicalRole(request) ? 'medical' : 'promotional';
    // Consent first: no content is searched or drafted for a channel the HCP has not consented to, and the "no" names the record and the alternatives.
    const consent = results.find('check_consent', (input) => input?.hcpId === hcpId && input?.channel === channel && input?.purpose === purpose);
    if (!consent) return call('check_consent', { hcpId, channel, purpose, productId: parsed.productId });
    if (consent.status === 'answered' && !consent.allowed) return { answer: answers.draftWithoutConsentAnswer(consent, name) };
    const events: Json[] = profile.events;
    const wanted = parsed.event === 'webinar' ? 'webinar' : parsed.event === 'congress' ? 'congress_booth' : null;
    // The thread's product, not the latest event's: its draft's ("draft a text re imbruvica", then "no wait, as an email"),
    // or the one it was drafting or was recommended for this HCP ("draft it" right after a next best action).
    const askedProduct = (focus.intent === 'draft' || focus.intent === 'next_action') && focus.hcpId === hcpId && !parsed.event && !parsed.hcpName && !parsed.hcpId ? (focus.productId ?? null) : null;
    const draftedProduct = threadDraft && !parsed.event ? this.draftProduct(threadDraft.moduleIds) : askedProduct;
    const event = purpose === 'medical' || threadSearch || addsTo ? undefined : wanted ? events.find((candidate) => candidate.channel === wanted) : parsed.productId || draftedProduct ? undefined : events[0];
    // "write up the post-booth email" with no booth visit on record: a general follow-up, and the answer says so (no silent substitution).
    const noEvent = wanted && !event && purpose === 'promotional' && !addsTo ? `${name} has no ${parsed.event === 'congress' ? 'congress booth visit' : `${parsed.event} attendance`} on record, so this is a general follow-up from approved content, not a ${parsed.event} follow-up.` : null;
    // Last, the product the thread was about ("keytruda pieces for the booth", then "write up the post-booth email").
    const threadProduct = focus.hcpId === hcpId || !focus.hcpId ? (focus.productId ?? null) : null;
    const productId = parsed.productId ?? draftedProduct ?? (purpose === 'medical' ? this.openQuestionProduct(profile) : null) ?? event?.productId ?? (noEvent || !event ? threadProduct : null) ?? null;
    const product = productId ? this.store.products.getById(productId) : undefined;

    // "swap the efficacy piece for the patient support info": what it is swapped for.
    const swappedFor = /\b(?:swap|replace|switch|change)\b.*?\b(?:for|with|to)\b (.+)$/.exec(normaliseQuestion(askedIn(parsed, request)))?.[1]?.replace(new RegExp(`\\b${escapeRegExp(product?.brandName.toLowerCase() ?? '\u0000')}\\b`, 'g'), ' ');
    // The same draft for another HCP ("sorry, wrong doc — adeyemi"): its product, not the correction's words.
    const redirected = threadDraft && threadDraft.hcpId !== hcpId && !parsed.productId;
    // Added to a draft ("put the dosing section in too"): the topic asked, whatever the draft's purpose.
    const addedTopic = addsTo ? draftTopic(parsed.topic) : '';
    const topic = addedTopic || (purpose === 'medical' ? 'medical information response' : (event?.topic ?? (redirected ? '' : draftTopic(swappedFor ?? parsed.topic))));
    const contentQuery = (threadSearch && purpose === 'promotional' ? String(threadSearch.query) : [product?.brandName, topic].filter(Boolean).join(' ').trim()) || 'patient support';
    const templateQuery = event ? (event.channel === 'webinar' ? 'webinar follow-up' : 'congress booth follow-up') : null;
    const search = (query: string) => ({ name: 'search_approved_content', arguments: { query, hcpId, channel, purpose, limit: 5 } });
    const found = (query: string) => results.find('search_approved_content', (input) => input.query === query && input.channel === channel && input.purpose === purpose);
    // Nothing approved on the topic as asked: the product's approved material, then patient support.
    const broader = product ? product.brandName : purpose === 'medical' ? 'medical information response' : 'patient support';
    const searched = found(contentQuery);
    // The search's own "no" (medical content asked by a rep) names the rule and the route: that is the answer.
    if (searched?.status === 'not_allowed') return { answer: `Nothing was drafted for ${name}: ${searched.message}.` };
    // The material a content search of the thread found is what was asked to be sent, safety modules included.
    const bodyKinds = purpose === 'medical' ? ['medical_response', 'claim', 'education', 'safety'] : threadSearch ? ['claim', 'education', 'safety'] : ['claim', 'education'];
    // The module the asked topic names comes first ("about the patient support program" is that module, not the efficacy claim).
    const swapWords = draftTopic(swappedFor ?? topic).toLowerCase().split(/\s+/).filter((word) => word.length > 3 && word !== product?.brandName.toLowerCase() && word !== product?.genericName.toLowerCase());
    const swappedIn = (module: Json) => swapWords.filter((word) => String(module.title ?? '').toLowerCase().includes(word)).length;
    const bodyOf = (content: Json | undefined) =>
      content?.status === 'found'
        ? [...(content.results as Json[])]
            // Added to a draft: a module the draft does not carry yet.
            .filter((module) => bodyKinds.includes(module.kind) && (!product || module.brandName === product.brandName) && !addsTo?.moduleIds.includes(module.id))
            // A module swapped in by name ("for the patient support info") first, then claims before education.
            .sort((a, b) => swappedIn(b) - swappedIn(a) || bodyKinds.indexOf(a.kind) - bodyKinds.indexOf(b.kind))[0]
        : undefined;
    // Found, but nothing a draft can carry (only label sections, or another brand's): the broader search too.
    // Asked to add what the draft already carries: say so, and change nothing.
    const already = addsTo && !results.last('draft_followup') && swapWords.length > 0 && searched?.status === 'found' ? (searched.results as Json[]).find((module) => addsTo.moduleIds.includes(module.id) && swappedIn(module) > 0) : undefined;
    if (already) return { answer: `The draft already carries ${already.title} (${already.id}); nothing was added. Ask for another approved topic to add, or "draft it with just the ${draftTopic(topic) || 'patient support'} module".` };
    const fallback = searched && !bodyOf(searched) && contentQuery !== broader ? found(broader) : undefined;
    const templates = templateQuery ? found(templateQuery) : null;
    // On a channel other than email, the topic's material on any channel is looked up beside the broader search (one step), for the draft tool to judge.
    const anyChannelSearch = channel !== 'email' && searched && !bodyOf(searched) && !results.find('search_approved_content', (input) => input.query === contentQuery && input.channel === null && input.purpose === purpose);
    const searches = [
      ...(!searched ? [search(contentQuery)] : !bodyOf(searched) && contentQuery !== broader && !fallback ? [search(broader)] : []),
      ...(anyChannelSearch ? [{ name: 'search_approved_content', arguments: { query: contentQuery, hcpId, channel: null, purpose, limit: 5 } }] : []),
      ...(templateQuery && !templates ? [search(templateQuery)] : []),
    ];
    if (searches.length > 0) return { calls: searches };

    const template = templates?.status === 'found' ? (templates.results as Json[]).find((module) => module.kind === 'template' && /follow-up/i.test(module.title)) : undefined;
    const content = bodyOf(searched) ? searched : fallback;
    const body = bodyOf(content);
    const notes: string[] = noEvent ? [noEvent] : [];
    // "shorter please, and put the dosing info in": the module goes in; the wording cannot change.
    if (addsTo && DRAFT_RESTYLE_WORDS.test(normaliseQuestion(askedIn(parsed, request)))) notes.push(answers.DRAFT_RESTYLE_ANSWER);
    // The topic asked for (a medical response names none of its own), said when the draft had to leave it out.
    if (body && content !== searched && purpose === 'promotional' && topic) notes.push(`No approved ${channelName(channel as Channel)} module covers "${topic}", so the draft uses ${product?.brandName ?? 'the'} approved material instead and leaves that topic out.`);
    if (!body && template) notes.push(`No approved ${channelName(channel as Channel)} module on "${contentQuery}" exists, so the draft carries only the approved follow-up wording.`);

    // Added to the thread's draft: its modules stay, the new one goes after them.
    const modules = [...(addsTo ? addsTo.moduleIds : []), template?.id, body?.id].filter((id, index, all): id is string => Boolean(id) && all.indexOf(id) === index);
    // Nothing new to add: said, not redrafted in silence.
    if (addsTo && modules.length === addsTo.moduleIds.length) return { answer: `No approved ${channelName(channel as Channel)} module on "${addedTopic || contentQuery}" (${purpose}) can be added to the draft for ${name}, so it is unchanged. Ask for another approved topic, or search approved content on it first.` };
    if (modules.length === 0) {
      // The compliant alternative: email, when it is consented for this purpose.
      const email = channel === 'email' ? undefined : (profile.consents as Json[]).find((consent) => consent.channel === 'email' && consent.purpose === purpose && consent.status === 'granted');
      const alternative = email ? ` Email (${purpose}) is consented (record ${email.recordId}): ask for an email draft instead.` : '';
      // Nothing approved for this channel: the topic's approved material on any channel goes to the draft tool, whose
      // rules decide (it refuses with the module and the rule, and records nothing as sent).
      if (channel !== 'email') {
        const candidate = bodyOf(results.find('search_approved_content', (input) => input.query === contentQuery && input.channel === null && input.purpose === purpose));
        if (candidate) {
          const tried = results.last('draft_followup');
          if (!tried) return call('draft_followup', { hcpId, channel, purpose, moduleIds: [candidate.id], eventInteractionId: null });
          return { answer: `${answers.draftAnswer(tried)}${tried.status === 'refused' ? alternative : ''}` };
        }
      }
      return { answer: `No approved module on "${contentQuery}" is approved for ${channelName(channel as Channel)} (${purpose}), and a draft carries approved content only, so nothing was drafted for ${name}.${alternative}` };
    }
    const drafted = results.last('draft_followup');
    // The event's follow-up wording needs events consent; refused for that, the draft goes without it, and says so.
    if (drafted?.status === 'refused' && template && /\(events\)/.test(String(drafted.message)) && body && results.all('draft_followup').length === 1) {
      return call('draft_followup', { hcpId, channel, purpose, moduleIds: [body.id], eventInteractionId: null });
    }
    const first = results.all('draft_followup')[0];
    if (drafted && drafted !== first && first?.status === 'refused') notes.unshift(`The ${event?.channel === 'webinar' ? 'webinar' : 'event'} follow-up wording was left out: ${String(first.message).replace(/; nothing was drafted\.?$/, '')}.`);
    if (drafted) return { answer: [answers.draftAnswer(drafted), ...(drafted.status === 'drafted' ? notes : [])].join('\n') };
    return call('draft_followup', { hcpId, channel, purpose, moduleIds: modules, eventInteractionId: event && template ? event.interactionId : (addsTo?.eventInteractionId ?? null) });
  }

  /**
   * The query a follow-up changes: the thread's last one, or, for "never mind, back to the full A list",
   * the one before its latest narrowing (the first of them for "the original list").
   */
  private refinedQuery(focus: ChatRequest['context']['focus'], question: string): ConversationFocus['lastQuery'] {
    const last = withLiveQuery(focus).lastQuery;
    const text = normaliseQuestion(question);
    if (!last) return last;
    // "drop the segment filter": that filter gone, the rest kept.
    const dropped = droppedFilter(text);
    if (dropped) return { tool: last.tool, input: withoutFilter(last.input, dropped) };
    if (!UNDOES_NARROWING.test(text)) return last;
    const earlier: NonNullable<ConversationFocus['lastQuery']>[] = [];
    for (const query of focus.earlierQueries ?? []) {
      if (query.tool !== last.tool) break;
      earlier.push(query);
    }
    // Nothing narrowed before it in this thread ("undo that, just the B list" after one narrowed ask): the same query without its filters.
    return (BACK_TO_ORIGINAL.test(text) ? earlier.at(-1) : earlier[0]) ?? { tool: last.tool, input: withoutFilters(last.tool, last.input) };
  }

  /** The product of a draft's approved material (its first module with a brand), for the same draft to another HCP. */
  private draftProduct(moduleIds: readonly string[]): string | null {
    for (const id of moduleIds) {
      const productId = this.store.contentModules.get(id)?.productId;
      if (productId) return productId;
    }
    return null;
  }

  /** A search text about another product: the earlier text with its product names replaced ("gilenya safety" → "TECFIDERA safety"). */
  private withProduct(query: string, productId: string): string {
    const names = this.store.products.list().flatMap((product) => [product.brandName, product.genericName]);
    const rest = query.replace(new RegExp(`\\b(${names.map(escapeRegExp).join('|')})\\b`, 'gi'), ' ').replace(/\s+/g, ' ').trim();
    return `${this.store.products.getById(productId)?.brandName ?? ''} ${rest}`.trim();
  }

  /** The product of the HCP's open medical question, if they have one (a medical response answers it). */
  private openQuestionProduct(profile: Json): string | null {
    const question = (profile.signals as Json[]).find((signal) => signal.kind === 'open_medical_question');
    if (!question) return null;
    const sentence = String(question.sentence).toLowerCase();
    return this.store.products.list().find((product) => sentence.includes(product.brandName.toLowerCase()))?.id ?? null;
  }
}

/** "which of the two should I see first?": the next best actions of two HCPs side by side, higher score first. */
/** "who is warmer right now, brennan or zhang": the two HCPs by their engagement over the last 90 days, from their profiles. */
function engagementRanking(readings: ParsedQuestion[], results: TurnResults, question: string): string | null {
  if (readings.length !== 2 || !/\b(warm(er|est)?|hott?(er|est)|more (engaged|active|responsive|interested|receptive)|engag\w* more|most engaged|keener|more into (it|us))\b/.test(normaliseQuestion(question))) return null;
  const profiles = results.all('lookup_hcp_profile').filter((profile) => profile?.status === 'found');
  const distinct = profiles.filter((profile, index) => profiles.findIndex((other) => other.hcp.id === profile.hcp.id) === index);
  if (distinct.length !== 2) return null;
  const engaged = (profile: Json) => (profile.channelActivity as Json[]).reduce((sum, entry) => sum + entry.last90Days, 0);
  const [first, second] = [...distinct].sort((a, b) => engaged(b) - engaged(a));
  if (engaged(first) === engaged(second)) return `${first.hcp.name} and ${second.hcp.name} are level: ${engaged(first)} interactions each in the last 90 days.`;
  return `Warmer right now: ${first.hcp.name}, with ${engaged(first)} interactions in the last 90 days against ${engaged(second)} for ${second.hcp.name} (every channel, from their profiles).`;
}

function pairRanking(readings: ParsedQuestion[], results: TurnResults, question: string): string | null {
  if (readings.length !== 2 || !readings.every((reading) => reading.intent === 'next_action')) return null;
  if (!RANKS_PAIR.test(question)) return null;
  const recommended = results.all('get_next_best_actions').filter((nba) => nba?.status === 'recommended');
  if (recommended.length !== 2 || recommended[0].hcp.id === recommended[1].hcp.id) return null;
  const [first, second] = [...recommended].sort((a, b) => b.recommended.score - a.recommended.score);
  return `Of the two, ${first.hcp.name} ranks higher: ${first.recommended.label} scores ${first.recommended.score} against ${second.recommended.score} for ${second.hcp.name} (${second.recommended.label}). The scores come from the same weights, so they compare.`;
}

/**
 * The filters a list question names: "which of my rheumatologists in Portland have open medical
 * questions?", "who opted out of email?", "whos overdue for a visit".
 */
/** Every city of the user's lexicon a question names, in the order it names them. */
function citiesNamed(text: string, lexicon: Lexicon): string[] {
  return [...(lexicon.cities ?? [])]
    .map((name) => ({ name, at: text.search(new RegExp(`\\b${escapeRegExp(name)}\\b`)) }))
    .filter((found) => found.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((found) => found.name);
}

function planFilters(parsed: ParsedQuestion, question: string, lexicon: Lexicon): Record<string, unknown> {
  const text = normaliseQuestion(question);
  const filters: Record<string, unknown> = {};
  if (parsed.analytics?.specialty) filters.specialty = parsed.analytics.specialty;
  if (parsed.analytics?.segment) filters.segment = parsed.analytics.segment;
  const city = [...(lexicon.cities ?? [])].find((name) => new RegExp(`\\b${escapeRegExp(name)}\\b`).test(text));
  if (city) filters.city = city;
  const flag = DEAD_END_WORDS.test(text)
    ? 'dead_end'
    : FOLLOW_UP_OWED.test(text)
      ? 'follow_up_due'
    : OPEN_QUESTIONS.test(text) || /\bmedical questions?\b/.test(text)
      ? 'open_medical_question'
      : /\b(overdue|due) for a (field )?visit\b|\bhaven'?t (been )?(seen|visited|in front of)\b|\b(haven'?t|hasn'?t|have not|has not) had an? (in[- ]person|visit|f2f|field visit)\b|\bhaven'?t been in to see\b|\bhaven'?t (i |we )?(been|gone) (to see|by|over)\b|\bhaven'?t (i|we) (seen|visited|been to)\b|\b(nobody|no one|no-one)('?s| has)? (visited|seen|been (to|in))\b|\bnot (been )?(seen|visited)\b|\bno (field )?visits?\b|\boverdue\b|\bneglect\w*\b|\b(completely |totally )?ignored\b|\bforgotten (about )?\b|\bfall(en)? through the cracks\b|\bset foot\b|\bwithout a (field )?visit\b|\b(physically|in person) seen\b|\bseen (in person|physically)\b|\bin ages\b|\bunvisited\b|\blongest (since|without) (a |an )?(visit|call)\b|\bno recent (field )?visits?\b/.test(text)
        ? 'no_recent_visit'
        : /\b(due|owed) a follow[- ]?up\b/.test(text)
          ? 'follow_up_due'
          : null;
  if (flag) filters.flag = flag;
  if (parsed.channel && parsed.channel !== 'field_visit') {
    const status = /\b(opt(ed)?[- ]?outs?|unsubscribed?|revoked|withdr[ae]wn?|refused|said no|pulled|rescinded|took back|taken back|cancell?ed)\b/.test(text)
      ? 'revoked'
      : /\bexpired?\b|\blapsed?\b|\bran out\b/.test(text)
        ? 'expired'
        : /\b(no|zero|without|missing|never gave|haven'?t given) (\w+ ){0,2}consent\b|\bnever (got|had|received|obtained|collected|captured) (\w+ ){0,2}consent\b|\bnot consented\b|\bnever (even )?(been )?asked (for|about)\b/.test(text)
          ? 'none'
          : /\b(consented|opted?[- ]?in|granted|can (i|we) (email|text|call|whatsapp)|said yes to|agreed to|signed up for|opted into|(ok|okay|allowed|fine|cleared|good) (for|to|with|by))\b/.test(text)
            ? 'granted'
            : null;
    if (status) filters.consent = { channel: parsed.channel, status };
  }
  return filters;
}

/** The month (or quarter) before the one a query covers, when a follow-up asks for "the month before"; else null. */
function unitBefore(input: Record<string, unknown>, text: string, now: string): { from: string; to: string } | null {
  const asked = /\b(?:the )?(month|quarter) (?:before|prior)\b|\bthe (?:previous|prior|preceding) (month|quarter)\b/.exec(text);
  if (!asked || /\b(compare|vs\.?|versus|against)\b/.test(text)) return null;
  const unit = (asked[1] ?? asked[2]) === 'quarter' ? 3 : 1;
  const today = now.slice(0, 10);
  const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
  const shift = (iso: string, months: number) => {
    const date = new Date(`${iso}T00:00:00Z`);
    date.setUTCMonth(date.getUTCMonth() + months);
    return date.toISOString().slice(0, 10);
  };
  const period = input.period;
  const range = period && typeof period === 'object' ? (period as { from: string }) : typeof input.from === 'string' ? { from: input.from } : null;
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const start =
    range?.from
      ? monthStart(range.from)
      : period === 'last_month' ? shift(monthStart(today), -1) : period === 'this_month' || period === 'month_to_date' ? monthStart(today)
      : period === 'last_quarter' ? shift(quarterStart, -3)
      : period === 'this_quarter' || period === 'quarter_to_date' ? quarterStart
      : null;
  if (!start) return null;
  const from = shift(start, -unit);
  return { from, to: addDays(`${start}T00:00:00Z`, -1).slice(0, 10) };
}

/** A query's input without one filter: a plan's own key, a metric's filters entry, a field summary's key. */
function withoutFilter(input: Record<string, unknown>, key: string): Record<string, unknown> {
  const rest = { ...input };
  if (rest.filters && typeof rest.filters === 'object') {
    const filters = { ...(rest.filters as Record<string, unknown>) };
    delete filters[key];
    rest.filters = filters;
  }
  if (key in rest) rest[key] = key === 'limit' ? rest[key] : undefined;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

/** A query's input with none of its filters: what it measures, how it is broken down and when, kept. */
function withoutFilters(tool: string, input: Record<string, unknown>): Record<string, unknown> {
  if (tool === 'plan_territory') return { limit: input.limit ?? 10 };
  if (tool === 'query_performance') return { ...input, filters: {} };
  if (tool === 'summarize_field_insights') return { ...input, product: null, topic: null, specialty: null, territory: null };
  return input;
}

/** What a draft should be about, without the words that ask for it ("text her a follow up from our visit" → ""). */
function draftTopic(topic: string): string {
  return topic
    .replace(/\b(?:on )?second thoughts?\b|\bpost[- ]booth\b|\bpost[- ]congress\b|\bpost[- ]webinar\b/gi, ' ')
    .replace(/\b(follow(ing)?[- ]?ups?|following|visits?|our|last|this|next|week|month|yesterday|today|tomorrow|(mon|tues|wednes|thurs|fri|satur|sun)day|tues|text|texts|e-?mail|emails|whatsapp|sms|msg|message|note|send|shoot|write|draft|put|together|prep|prepare|approved|piece|version|that|it|in|an?|from|re|need|up|quick|short|after|his|hers?|their|them|him|and|of|for|with|on|to|please|pls|ok|okay|then|can|you|could|thank|thanking|thanks|focus|focused|focusing|confirming|confirm|meeting|question|leave[- ]behinds?|hmm|cool|perfect|great|nice|using|use|top|result|results|too|also|one|s|if|fine|its|is|good|allowed|clear|check|consent|consented|so|yes|not|alright|go|ahead|over|could|would|as|well|instead|via|channel|actually|make|made|turn|switch|change|swap|redo|rather|version|the|info|stuff|add|include|something|bit|line|section|paragraph|about|programme|program|wrong|doc|sorry|oops|no|wait|meant|mean|shorter|longer|formal|casual|friendlier|warmer|simpler|tighter|reword|rephrase|tone|in too|details?)\b/gi, ' ')
    .replace(/[^\p{L}\d ]+/gu, ' ')
    .split(/\s+/)
    // Single letters ("go ahead n draft") are shorthand, never a topic.
    .filter((word) => word.length > 1)
    .join(' ');
}

/** "what are derms saying about skyrizi": a competitor the question names, as the field-notes topic (lower case), or null. */
const competitorNamed = (question: string): string | null => competitorNamedIn(question)?.toLowerCase() ?? null;

/** "which HCPs have unanswered medical questions?": the open questions are what is asked for. */
function asksOpenQuestions(parsed: ParsedQuestion): boolean {
  return OPEN_QUESTIONS.test(parsed.topic.toLowerCase());
}

/** The adverse-event report the thread is gathering, if any. */
function pendingIntake(request: ChatRequest): intake.IntakeDraft | null {
  return (request.context.focus.adverseEvent ?? null) as intake.IntakeDraft | null;
}

/** A follow-up that narrows the last field-notes question ("top 3 themes only", "same but neurology", "just those from oncology"). */
const NARROWS = /\b(only|just|same|narrow|filter|limit|restrict|zoom|drill)\b|^\s*(and|now|top \d+)\b/;

/** The question of this turn, as the user wrote it. */
function lastQuestion(request: ChatRequest): string {
  return request.messages.findLast((message) => message.role === 'user')!.content;
}

/** The question of this turn as the pipeline read it (typos repaired): what a step reads words from. */
function askedIn(parsed: ParsedQuestion, request: ChatRequest): string {
  return parsed.asked ?? lastQuestion(request);
}

/** Every reading carries the question as read, so later steps read the repaired words, not the typos. */
function readAs(understood: Understood, asked: string): Understood {
  return understood.kind === 'readings' ? { ...understood, readings: understood.readings.map((reading) => ({ ...reading, asked })) } : understood;
}

/** MSLs and medical affairs work with medical content and medical consent only. */
function isMedicalRole(request: ChatRequest): boolean {
  return request.context.user.role === 'msl' || request.context.user.role === 'medical_affairs';
}

function call(name: string, args: Record<string, unknown>): Step {
  return { calls: [{ name, arguments: args }] };
}

/**
 * Names a user may call their territories by: the id ("t-ne") and, for the demo's regions, the
 * region's name ("northeast" for T-NE and, at large scale, T-NE-01 …).
 */
function territoryNames(territories: ReadonlySet<string>): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, id: string) => names.set(name, [...(names.get(name) ?? []), id]);
  for (const id of territories) add(id.toLowerCase(), id);
  // Every region by name, the user's or not: a region outside the user's scope is passed on as its id,
  // so the tool names it as out of scope instead of the filter being dropped.
  for (const region of salesRegions) {
    const own = [...territories].filter((id) => id === region.id || id.startsWith(`${region.id}-`));
    for (const id of own.length > 0 ? own : [region.id]) {
      add(region.name.toLowerCase(), id);
      // "NE only", "the MW": the region's short code, where it is two letters or more.
      const code = region.id.replace(/^T-/, '').toLowerCase();
      if (code.length >= 2) add(code, id);
      if (region.name.toLowerCase() === 'northeast') add('north east', id);
    }
  }
  return names;
}

function periodDays(period: AnalyticsPeriod | null): number | null {
  if (period === null) return null;
  return { last_7_days: 30, last_14_days: 30, last_30_days: 30, last_60_days: 60, last_90_days: 90, last_180_days: 180, last_365_days: 365, this_month: 30, last_month: 30, this_quarter: 90, last_quarter: 90, year_to_date: 330 }[period];
}

/** The days a maturity question's period covers ("just for the past 120 days": the reading's range), between 30 and 365. */
function maturityDays(reading: AnalyticsReading, text = ''): number | null {
  // "run maturity on a 120-day lookback": that window.
  const window = /\b(\d{2,3})[- ]?days?\b/.exec(text);
  if (window && !reading.range) return Math.min(Math.max(Number(window[1]), 30), 365);
  if (reading.range) return Math.min(Math.max(daysBetween(reading.range.from, reading.range.to) + 1, 30), 365);
  return periodDays(reading.period);
}

/** query_performance names the running month and quarter "…_to_date". */
function performancePeriod(period: AnalyticsPeriod | null, now: string): string | { from: string; to: string } {
  if (period === 'this_month') return 'month_to_date';
  if (period === 'this_quarter') return 'quarter_to_date';
  // No preset for two weeks, two months or six months: the days themselves.
  const days = { last_14_days: 14, last_60_days: 60, last_180_days: 180 }[period as 'last_14_days'];
  if (days) return { from: addDays(now, -(days - 1)).slice(0, 10), to: now.slice(0, 10) };
  return period ?? 'last_30_days';
}

/** Asking to reword a draft ("a bit more formal", "shorter pls", "make it friendlier"), in a few words. */
/** "looks good, send it", "ok ship it", "send it off pls": the whole message asks Omni to send the draft. */
const SEND_DRAFT = /^\W*(?:(?:ok(?:ay)?|yes|yep|great|perfect|looks good|lgtm|nice|cool|good|fine|thanks|go ahead(?: and)?)\W+)*(?:send|ship|fire off|shoot|hit send on)(?: it| that| this| the (?:draft|email|text|message))?(?: (?:off|out|over|now|to (?:her|him|them)))*\W*(?:please|pls|thanks|thx)?\W*$/;
/** Asking about a report already filed: whether it went through, its number, its due time, what else is needed. */
const AFTER_FILING = /\b(go|gone|went) through\b|\bintake (number|id|#)\b|\b(is|was) it (filed|sent|submitted|logged)\b|\bconfirm\w*\b|\b(when|by when)\b.{0,30}\b(due|need|needs|deadline)\b|\bdue (by|date)\b|\bdeadline\b|\bhow (long|much time)\b.{0,30}\b(got|have|left|do i|report\w*|file|submit)\b|\bhow soon\b|\banything else\b|\bwhat else\b|\bnext steps?\b|\bam i done\b|\bis that it\b/;
/** "sign it off with my name", "add my signature". */
const SIGN_OFF = /\bsign (it |this |that )?off\b|\b(add|put|include) my (name|signature)\b|\bsignature\b/;
/** Restyling words inside a longer ask ("shorter please, and put the dosing info in"). */
const DRAFT_RESTYLE_WORDS = /\b(shorter|longer|more formal|less formal|casual|friendlier|warmer|punchier|simpler|tighter|snappier|reword|rephrase|tone it)\b/;
/** The notes a field summary quotes: its competitor mentions' first, then its themes'. */
function quotesOf(summary: Json): Json[] {
  return [...((summary.competitorMentions?.competitors as Json[] | undefined) ?? []).flatMap((rival) => rival.quotes as Json[]), ...(summary.themes as Json[]).flatMap((theme) => theme.quotes as Json[])];
}

/** Asking which HCPs said something ("which hcps mentioned them most", "who raised it"). */
const WHO_SAID = /\b(which|what) (hcps?|docs?|doctors?|physicians?|kols?)\b.{0,30}\b(mention\w*|nam(ed|ing)|rais(ed|ing)|sa(id|ying)|talk\w*|brought|bring\w*|cit(ed|ing)|complain\w*)\b|\bwho (mention\w*|rais(ed|es)|said|brought (it|them|that) up|named|is talking|was talking|keeps? (mentioning|raising))\b/;
/** Asking who criticises a product, in the field's words ("who's slagging off gilenya", "the most brutal comments"). */
const CRITICISM = /\b(slag\w*|trash[- ]?talk\w*|bad[- ]?mouth\w*|badmouth\w*|knock(s|ing)? (it|us|the)|diss(es|ing)?|criticis\w*|criticiz\w*|critics?|complain\w*|complaints?|nastiest|harshest|brutal|hat(e|es|ing) (it|us|the)|haters?|moan\w*|grumbl\w*|detractors?|down on|negative (feedback|comments?|remarks?|things|views?|sentiment|noise)|unhappy|not happy)\b/;
const DRAFT_RESTYLE = /^\W*(?:(?:can you|could you|pls|please|ok|hmm|make it|make the (?:opening|intro|ending|close|tone|subject(?: line)?|wording|message|email|text|draft)|a bit|bit|little|slightly|more|less|too|way|much|and)\W+){0,4}(shorter|longer|more formal|less formal|formal|casual|friendlier|warmer|punchier|simpler|tighter|snappier|softer|reword(ed)?|rephrase(d)?|tone it (down|up)|too long|too stiff|too formal|too salesy|less salesy|cut (it|that|this)(?! (down )?to (the )?(top |first |best )?(\d|two|three|four|five|ten)\b)( down| in half| back)?|trim (it|that|this)(?! (down )?to (the )?(top |first |best )?(\d|two|three|four|five|ten)\b)( down)?|trim( it)? down(?! to (the )?(top |first |best )?(\d|two|three|four|five|ten)\b)|shorten (it|that|this)|condense (it|that|this))\b[\w\s,.!?]{0,20}$/;

/** Words that say nothing of a content topic ("ok the second one, what should i bring"). */
const NO_TOPIC_WORDS = new Set(
  'addressing covering answering regarding about it ok okay so then pls please what should could can would i we do to the a an for with her him them their his that this those something anything stuff material materials content approved piece pieces bring take show leave behind along hand over next time visit call meeting me my one first second third fourth fifth top last other any good best useful share send'.split(' '),
);
const vagueTopic = (topic: string): boolean => topic.toLowerCase().split(/[^\p{L}\d]+/u).filter((word) => word.length > 0 && !NO_TOPIC_WORDS.has(word)).length === 0;

/** "content that answers it", "something for her question": the HCP's open medical question is what to search. */
const REFERS_TO_OPEN_QUESTION = /\b(answers?|address(es)?|covers?|responds? to|reply to) (it|that|this|the question|(her|his|their) (open )?(question|inquiry|request)|what (she|he|they) asked)\b|\b(her|his|their|the open) (med(ical)? )?(question|inquiry)\b|\bthe (medical |standard |approved )?(response|answer|reply)( letter| document| doc)?\b/;

/** Who the question is about, with this turn's profile of them (looked up by id when the turn has none yet). */
function hcpWithProfile(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest, store: OmniStore): Step | { hcpId: string; profile: Json } {
  const who = resolveHcp(parsed, results, request, store);
  if ('answer' in who || 'calls' in who) return who;
  const profile = results.profileOf(who.hcpId);
  if (profile) return { hcpId: who.hcpId, profile };
  // A lookup of this HCP that said no (outside the territory, not found) is the answer.
  const tried = results.find('lookup_hcp_profile', (input) => input?.hcp === who.hcpId);
  return tried ? { answer: answers.lookupProblem(tried) } : call('lookup_hcp_profile', { hcp: who.hcpId });
}

/** Who the question is about: an id, a name to look up, or the thread's HCP. */
function resolveHcp(parsed: ParsedQuestion, results: TurnResults, request: ChatRequest, store: OmniStore): Step | { hcpId: string; profile: Json | undefined } {
  const profile = results.last('lookup_hcp_profile');
  if (parsed.hcpId) return { hcpId: parsed.hcpId, profile: results.profileOf(parsed.hcpId) ?? (profile?.status === 'found' ? undefined : profile) };
  // "the next move with James" in a thread about James Mueller: the thread's HCP, not every James.
  const focused = request.context.focus;
  if (parsed.hcpName && focused.hcpId && focused.hcpName && !parsed.hcpName.includes(' ') && new RegExp(`\\b${escapeRegExp(parsed.hcpName)}\\b`, 'i').test(focused.hcpName)) {
    return { hcpId: focused.hcpId, profile: results.profileOf(focused.hcpId) };
  }
  // "ok draft one for arjun" after asking about Arjun Nakamura and then Jonathan Abadi: the Arjun the thread discussed;
  // "the one w last name santos" after several Michaels were listed: the listed one so called.
  if (parsed.hcpName && !parsed.hcpName.includes(' ')) {
    const named = new RegExp(`\\b${escapeRegExp(parsed.hcpName)}\\b`, 'i');
    const earlier = [...(focused.discussed ?? []), ...focused.listed.filter((id) => !(focused.discussed ?? []).includes(id))].filter((id) => {
      const hcp = store.hcps.getById(id);
      return hcp !== undefined && (named.test(hcp.firstName) || named.test(hcp.lastName));
    });
    if (earlier.length === 1) return { hcpId: earlier[0]!, profile: results.profileOf(earlier[0]!) };
  }
  if (parsed.hcpName) {
    // The lookup of this name: a turn with two questions looks up two HCPs.
    const named = results.find('lookup_hcp_profile', (input) => input?.hcp === parsed.hcpName);
    if (!named) return call('lookup_hcp_profile', { hcp: parsed.hcpName });
    // "priya at chicago ms comprehensive care center": the one candidate whose city or institution the question names.
    if (named.status === 'ambiguous') {
      const said = normaliseQuestion(askedIn(parsed, request));
      const placed = (named.candidates as Json[]).filter((candidate) => [candidate.city, candidate.institution].some((place: string) => place && said.includes(` ${place.toLowerCase()} `.replace(/\s+/g, ' ').trim())));
      if (placed.length === 1) {
        const chosen = results.find('lookup_hcp_profile', (input) => input?.hcp === placed[0].id);
        return chosen?.status === 'found' ? { hcpId: chosen.hcp.id, profile: chosen } : call('lookup_hcp_profile', { hcp: placed[0].id });
      }
    }
    if (named.status !== 'found') return { answer: answers.lookupProblem(named) };
    return { hcpId: named.hcp.id, profile: named };
  }
  const focus = request.context.focus;
  // "texting the first doc" after asking about two HCPs in turn (no list shown): the HCPs in the order asked.
  if (parsed.ordinal !== null && focus.listed.length === 0 && (focus.discussed ?? []).length >= 2) {
    // The turn's own tool calls move the thread's order: once this turn has worked on one of them, that one is the answer.
    const asked = (focus.mentioned ?? []).length >= 2 ? focus.mentioned! : [...focus.discussed!].reverse();
    const touched = asked.find((id) => results.profileOf(id) || results.find('check_consent', (input) => input?.hcpId === id) || results.find('get_next_best_actions', (input) => input?.hcpId === id) || results.find('draft_followup', (input) => input?.hcpId === id));
    const hcpId = touched ?? (parsed.ordinal < 0 ? asked.at(parsed.ordinal) : asked[parsed.ordinal - 1]);
    if (hcpId) return { hcpId, profile: results.profileOf(hcpId) };
  }
  // "who's second on my list and what's the move there" with no list yet in the thread: the plan first, then that entry.
  if (parsed.ordinal !== null && focus.listed.length === 0 && /\b(my|the|today'?s|tomorrow'?s|this week'?s|next week'?s) (list|plan|call plan|route|ranking|call list)\b/.test(normaliseQuestion(askedIn(parsed, request)))) {
    const planned = results.last('plan_territory');
    if (!planned) return call('plan_territory', { limit: 10 });
    const entries = (planned.entries as Json[] | undefined) ?? [];
    const entry = parsed.ordinal < 0 ? entries.at(parsed.ordinal) : entries[parsed.ordinal - 1];
    if (!entry) return { answer: `Your plan has ${entries.length} HCPs; which one do you mean?` };
    return { hcpId: entry.hcp.id as string, profile: results.profileOf(entry.hcp.id as string) };
  }
  if (parsed.ordinal !== null && focus.listed.length > 0) {
    const hcpId = parsed.ordinal < 0 ? focus.listed.at(parsed.ordinal) : focus.listed[parsed.ordinal - 1];
    if (!hcpId) return { answer: `The last list had ${focus.listed.length} HCPs; which one do you mean?` };
    return { hcpId, profile: results.profileOf(hcpId) };
  }
  // "the one at Philadelphia Cancer Institute" after "several HCPs match": the listed HCP whose institution, city or specialty says so.
  if (parsed.describedAs && focus.listed.length > 0) {
    const words = parsed.describedAs.toLowerCase().split(/[^\p{L}\d]+/u).filter((word) => word.length > 2);
    const fits = focus.listed.filter((id) => {
      const hcp = store.hcps.getById(id);
      const said = hcp ? `${hcp.firstName} ${hcp.lastName} ${hcp.institution} ${hcp.city} ${hcp.state} ${hcp.specialty}`.toLowerCase() : '';
      return words.length > 0 && words.every((word) => said.includes(word));
    });
    if (fits.length === 1) return { hcpId: fits[0]!, profile: results.profileOf(fits[0]!) };
    return { answer: `${fits.length === 0 ? 'None' : 'More than one'} of the HCPs just listed fits "${parsed.describedAs}"; say which by name, number or HCP id.` };
  }
  if (focus.hcpId) return { hcpId: focus.hcpId, profile: results.profileOf(focus.hcpId) };
  return { answer: 'Which HCP do you mean? Give me their name (for example "Dr. Reyes") or their HCP id.' };
}

/** The period a brief covers: "since the webinar" is the day of their latest webinar. */
function windowOf(parsed: ParsedQuestion, profile: Json, now: string): { since: string | null; label: string | null } {
  const period = parsed.period;
  if (!period) return { since: null, label: null };
  switch (period.kind) {
    case 'days':
      return { since: addDays(now, -period.days), label: period.label };
    case 'since_date':
      return { since: period.date, label: period.label };
    case 'since_event': {
      const channel = period.event === 'webinar' ? 'webinar' : 'congress_booth';
      const event = (profile.events as Json[]).find((candidate) => candidate.channel === channel);
      return event ? { since: event.occurredAt, label: `since ${event.title} (${event.date})` } : { since: null, label: `(no ${period.event} on record)` };
    }
  }
}

/** The search text: the topic words, with the product's brand name when one is named. */
function searchQuery(parsed: ParsedQuestion, store: OmniStore): string {
  const product = parsed.productId ? store.products.getById(parsed.productId) : undefined;
  // The search takes up to 300 characters: a long question keeps its first words.
  const topic = parsed.topic.length > 200 ? parsed.topic.slice(0, 200).replace(/\s+\S*$/, '') : parsed.topic;
  if (product && !new RegExp(`\\b(${product.brandName}|${product.genericName})\\b`, 'i').test(topic)) return `${product.brandName} ${topic}`.trim();
  return topic;
}
