import { DAY_MS } from '../core/dates.ts';
import type { Consent } from '../domain/consent.ts';
import type { Hcp } from '../domain/hcp.ts';
import { isIntentSignal, isOutboundContact, type InteractionActivity } from '../domain/interaction.ts';
import { type Channel, channelName } from '../domain/vocabulary.ts';
import { isoTimeMs } from './iso-time.ts';
import { computeOpenSignals } from './open-signals.ts';

/** The signals the weights can refer to. Every value is in [0, 1]. */
export const signalNames = [
  'dead_end',
  'follow_up_due',
  'open_medical_question',
  'intent_recent',
  'product_interest',
  'channel_responsiveness',
  'channel_preference',
  'fatigue_7_days',
  'fatigue_30_days',
  'days_since_visit',
  'segment',
  'tier',
  'influence',
  'baseline',
] as const;
export type SignalName = (typeof signalNames)[number];

/** Signals that depend on the action's channel (HcpSignals.forChannel). */
export const channelSignals = ['channel_responsiveness', 'channel_preference'] as const satisfies readonly SignalName[];

/** One signal's value for an HCP (and, for channel signals, a channel), with where it came from. */
export interface Signal {
  name: SignalName;
  value: number;
  /** A plain sentence a rep can check. */
  sentence: string;
  /** Interaction and consent record ids the value was computed from. */
  evidence: string[];
}

/** Everything the NBA engine knows about one HCP at one moment. */
export interface HcpSignals {
  asOf: string;
  /** Signals that do not depend on the action's channel. */
  common: Signal[];
  /**
   * What a follow-up should be about: the product and topic of the latest intent still owed a
   * follow-up, else the product the HCP engaged with most (recency-weighted) and its top topic.
   */
  interest: { productId: string; topic: string } | null;
  contacts: { last7Days: number; last30Days: number; evidence7Days: string[]; evidence30Days: string[] };
  /** Channel-dependent signals: responsiveness and stated preference. */
  forChannel(channel: Channel): Signal[];
}

export interface SignalSettings {
  deadEndDays: number;
  caps: { contacts7Days: number; contacts30Days: number };
}

/**
 * Interactions older than this do not count towards any signal: the profile's year, so a medical
 * question asked 200 days ago and never answered is still open here too.
 */
export const SIGNAL_WINDOW_DAYS = 365;
/**
 * Every signal but open medical questions looks back at most this far: intent 90 days, visits cap at
 * 90, responsiveness 180, and interest halves every 30 days (a row 180 days old weighs 1.6 %).
 */
export const RECENT_WINDOW_DAYS = 180;
const INTENT_HALF_LIFE_DAYS = 14;
const INTEREST_HALF_LIFE_DAYS = 30;
const RESPONSIVENESS_WINDOW_DAYS = RECENT_WINDOW_DAYS;
const VISIT_HORIZON_DAYS = 90;

/** Outcomes that show the HCP engaging with something (as opposed to being sent it). */
const engagementOutcomes = new Set(['opened', 'clicked', 'registered', 'attended', 'downloaded', 'requested', 'completed']);
const segmentValues: Record<string, number> = { A: 1, B: 0.67, C: 0.33, D: 0 };

const round = (value: number) => Math.round(value * 1_000) / 1_000;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Computes an HCP's signals as of `asOf` from their interactions (oldest first; only those up to
 * `asOf` count) and consent events. Pure: the same rows give the same signals.
 */
export function computeSignals(input: {
  hcp: Hcp;
  interactions: readonly InteractionActivity[];
  consents: readonly Consent[];
  asOf: string;
  settings: SignalSettings;
  productName: (productId: string | null) => string;
}): HcpSignals {
  const { hcp, asOf, settings } = input;
  const now = Date.parse(asOf);
  // Each row's time is parsed once and its age (days) kept beside it in `ages`: the signals below ask
  // for it many times, and parsing was a tenth of an HCP's cost (npm run bench). Index loops, as this
  // runs for every HCP of a plan or a nightly run.
  const past: InteractionActivity[] = [];
  const times: number[] = [];
  const ages: number[] = [];
  for (const interaction of input.interactions) {
    const time = isoTimeMs(interaction.occurredAt);
    const age = (now - time) / DAY_MS;
    if (!(age >= 0 && age <= SIGNAL_WINDOW_DAYS)) continue;
    past.push(interaction);
    times.push(time);
    ages.push(age);
  }
  const common: Signal[] = [];

  const open = computeOpenSignals({
    interactions: past,
    times,
    consents: input.consents,
    segment: hcp.segment,
    asOf,
    options: { deadEndDays: settings.deadEndDays, maxContacts7Days: settings.caps.contacts7Days, maxContacts30Days: settings.caps.contacts30Days },
    productName: input.productName,
  });
  for (const name of ['dead_end', 'follow_up_due'] as const) {
    const found = open.find((signal) => signal.kind === name);
    common.push(found ? { name, value: 1, sentence: found.sentence, evidence: found.evidence } : { name, value: 0, sentence: `No ${name.replace(/_/g, ' ')}.`, evidence: [] });
  }
  const questions = open.filter((signal) => signal.kind === 'open_medical_question');
  common.push({
    name: 'open_medical_question',
    value: questions.length > 0 ? 1 : 0,
    sentence: questions.length > 0 ? questions.map((question) => question.sentence).join(' ') : 'No open medical question.',
    evidence: questions.flatMap((question) => question.evidence),
  });

  const intents: InteractionActivity[] = [];
  let intentWeight = 0;
  let latestIntentAge = 0;
  for (let index = 0; index < past.length; index++) {
    if (!isIntentSignal(past[index]!) || ages[index]! > 90) continue;
    intents.push(past[index]!);
    intentWeight += 0.5 ** (ages[index]! / INTENT_HALF_LIFE_DAYS);
    latestIntentAge = ages[index]!;
  }
  common.push({
    name: 'intent_recent',
    value: round(Math.min(1, intentWeight)),
    sentence:
      intents.length > 0
        ? `${plural(intents.length, 'intent signal')} in 90 days, the latest ${Math.floor(latestIntentAge)} days ago (${channelName(intents[intents.length - 1]!.channel)}).`
        : 'No intent signal (webinar, download, click, booth visit, visit request) in 90 days.',
    evidence: intents.map((interaction) => interaction.id),
  });

  // Interest: recency-weighted engagement per product; the topic they engaged on most for that product.
  const byProduct = new Map<string, { weight: number; ids: string[]; topics: Map<string, number> }>();
  for (let index = 0; index < past.length; index++) {
    const interaction = past[index]!;
    if (!interaction.productId || !engagementOutcomes.has(interaction.outcome) || ages[index]! > RECENT_WINDOW_DAYS) continue;
    const entry = byProduct.get(interaction.productId) ?? { weight: 0, ids: [], topics: new Map<string, number>() };
    entry.weight += 0.5 ** (ages[index]! / INTEREST_HALF_LIFE_DAYS);
    entry.ids.push(interaction.id);
    if (interaction.topic) entry.topics.set(interaction.topic, (entry.topics.get(interaction.topic) ?? 0) + 1);
    byProduct.set(interaction.productId, entry);
  }
  const [topProductId, topProduct] = [...byProduct].sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))[0] ?? [];
  const topTopic = topProduct ? ([...topProduct.topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '') : '';
  common.push({
    name: 'product_interest',
    value: topProduct ? round(Math.min(1, topProduct.weight / 3)) : 0,
    sentence: topProduct
      ? `Most engaged with ${input.productName(topProductId!)}${topTopic ? ` (${topTopic})` : ''}: ${plural(topProduct.ids.length, 'engagement')} in ${RECENT_WINDOW_DAYS} days, recency-weighted ${round(topProduct.weight)}.`
      : `No product engagement in ${RECENT_WINDOW_DAYS} days.`,
    evidence: topProduct ? topProduct.ids.slice(-20) : [],
  });

  // Contact load across every rep and channel.
  const last7: InteractionActivity[] = [];
  const last30: InteractionActivity[] = [];
  for (let index = 0; index < past.length; index++) {
    if (ages[index]! >= 30 || !isOutboundContact(past[index]!)) continue;
    last30.push(past[index]!);
    if (ages[index]! < 7) last7.push(past[index]!);
  }
  const senders = new Set(last30.map((interaction) => interaction.actorId)).size;
  common.push({
    name: 'fatigue_7_days',
    value: round(Math.min(1, last7.length / settings.caps.contacts7Days)),
    sentence: `${plural(last7.length, 'contact')} in the last 7 days across all reps and channels (cap ${settings.caps.contacts7Days}).`,
    evidence: last7.map((interaction) => interaction.id),
  });
  common.push({
    name: 'fatigue_30_days',
    value: round(Math.min(1, last30.length / settings.caps.contacts30Days)),
    sentence: `${plural(last30.length, 'contact')} in the last 30 days from ${plural(senders, 'sender')} (cap ${settings.caps.contacts30Days}).`,
    evidence: last30.map((interaction) => interaction.id),
  });

  let lastVisit: InteractionActivity | undefined;
  let visitDays: number | null = null;
  for (let index = past.length - 1; index >= 0 && !lastVisit; index--) {
    const interaction = past[index]!;
    if (interaction.channel === 'field_visit' && interaction.outcome === 'completed' && ages[index]! <= RECENT_WINDOW_DAYS) {
      lastVisit = interaction;
      visitDays = Math.floor(ages[index]!);
    }
  }
  common.push({
    name: 'days_since_visit',
    value: visitDays === null ? 1 : round(Math.min(1, visitDays / VISIT_HORIZON_DAYS)),
    sentence: visitDays === null ? `No field visit in the last ${RECENT_WINDOW_DAYS} days.` : `Last field visit ${plural(visitDays, 'day')} ago.`,
    evidence: lastVisit ? [lastVisit.id] : [],
  });

  common.push({
    name: 'segment',
    value: hcp.segment ? segmentValues[hcp.segment]! : 0,
    sentence: hcp.segment ? `Segment ${hcp.segment}.` : 'No segment.',
    evidence: [],
  });
  common.push({ name: 'tier', value: hcp.tier ? round((5 - hcp.tier) / 4) : 0, sentence: hcp.tier ? `Tier ${hcp.tier} (1 is highest).` : 'No tier.', evidence: [] });
  common.push({
    name: 'influence',
    value: hcp.influenceScore === null ? 0 : round(hcp.influenceScore / 100),
    sentence: hcp.influenceScore === null ? 'No influence score.' : `Influence score ${hcp.influenceScore} of 100.`,
    evidence: [],
  });
  common.push({ name: 'baseline', value: 1, sentence: 'Constant term.', evidence: [] });

  const channelSignalsOf = (channel: Channel): Signal[] => {
    const recent: InteractionActivity[] = [];
    for (let index = 0; index < past.length; index++) if (past[index]!.channel === channel && ages[index]! <= RESPONSIVENESS_WINDOW_DAYS) recent.push(past[index]!);
    const sent = recent.filter((interaction) => interaction.outcome === 'sent');
    const responses = recent.filter((interaction) => engagementOutcomes.has(interaction.outcome));
    // One email opened and then clicked is one response, not two: the count is that of the most
    // frequent response outcome (opens, or clicks when there are more of them).
    const byOutcome = new Map<string, number>();
    for (const response of responses) byOutcome.set(response.outcome, (byOutcome.get(response.outcome) ?? 0) + 1);
    const responded = Math.max(0, ...byOutcome.values());
    // Sent channels: responses per send. Met channels (visits, details, webinars): how often it happened, 4 = fully.
    const value = sent.length > 0 ? Math.min(1, responded / sent.length) : Math.min(1, responses.length / 4);
    const name = channelName(channel);
    return [
      {
        name: 'channel_responsiveness',
        value: round(value),
        sentence:
          sent.length > 0
            ? `${name}: ${plural(responded, 'response')} to ${sent.length} sent in 180 days.`
            : `${name}: ${plural(responses.length, 'engagement')} in 180 days.`,
        evidence: [...sent, ...responses].map((interaction) => interaction.id).slice(-20),
      },
      {
        name: 'channel_preference',
        value: hcp.preferredChannel === channel ? 1 : 0,
        sentence: hcp.preferredChannel ? `Stated preference: ${channelName(hcp.preferredChannel)}.` : 'No stated channel preference.',
        evidence: [],
      },
    ];
  };

  const byChannel = new Map<Channel, Signal[]>();

  // An intent still waiting for a follow-up decides what the follow-up is about; else the top product.
  const owed = open.find((signal) => signal.kind === 'dead_end' || signal.kind === 'follow_up_due');
  const owedIntent = owed ? past.find((interaction) => interaction.id === owed.evidence[owed.evidence.length - 1]) : undefined;
  const interest = owedIntent?.productId
    ? { productId: owedIntent.productId, topic: owedIntent.topic }
    : topProductId
      ? { productId: topProductId, topic: topTopic }
      : null;

  return {
    asOf,
    common,
    interest,
    contacts: {
      last7Days: last7.length,
      last30Days: last30.length,
      evidence7Days: last7.map((interaction) => interaction.id),
      evidence30Days: last30.map((interaction) => interaction.id),
    },
    // Several actions share a channel (an approved email and an invitation by email): compute each once.
    forChannel: (channel) => {
      let signals = byChannel.get(channel);
      if (!signals) {
        signals = channelSignalsOf(channel);
        byChannel.set(channel, signals);
      }
      return signals;
    },
  };
}
