import { DAY_MS } from '../core/dates.ts';
import type { Consent } from '../domain/consent.ts';
import { currentConsents } from '../compliance/consent-policy.ts';
import { isIntentSignal, isOutboundContact, isPersonalContact, type InteractionActivity } from '../domain/interaction.ts';
import { channelName, type Channel, type Purpose } from '../domain/vocabulary.ts';
import { isoTimeMs } from './iso-time.ts';

/**
 * Signals that are "open" for an HCP at a moment: things someone should act on. Each carries the
 * evidence it came from (interaction or consent ids) and a plain sentence. The NBA engine builds on
 * these; the profile shows them.
 */
export type OpenSignalKind = 'dead_end' | 'follow_up_due' | 'open_medical_question' | 'over_contacted' | 'consent_revoked' | 'no_recent_visit';

export interface OpenSignal {
  kind: OpenSignalKind;
  sentence: string;
  /** When the underlying event happened. */
  at: string;
  evidence: string[];
  /** What an open medical question is about, so an answer to it can be searched for. */
  about?: { productId: string | null; topic: string | null };
}

export interface SignalOptions {
  /** Days after an intent signal within which a follow-up is owed. */
  deadEndDays: number;
  /** Intent older than this is history, not an open dead end. */
  lookbackDays: number;
  maxContacts7Days: number;
  maxContacts30Days: number;
}

export const defaultSignalOptions: SignalOptions = { deadEndDays: 14, lookbackDays: 90, maxContacts7Days: 3, maxContacts30Days: 8 };

export function describeIntent(interaction: Pick<InteractionActivity, 'channel'>, productName: string): string {
  switch (interaction.channel) {
    case 'webinar':
      return `attended the ${productName} webinar`;
    case 'content_download':
      return `downloaded ${productName} content`;
    case 'email':
      return `clicked a ${productName} email`;
    case 'congress_booth':
      return `visited the ${productName} congress booth`;
    default:
      return `asked for a rep visit on the ${productName} website`;
  }
}

const dayCount = (days: number) => (days === 1 ? '1 day' : `${days} days`);

/**
 * Computes open signals from an HCP's interactions (oldest first) and consent events as of `asOf`.
 * `productName` turns product ids into display names. `times`, when the caller has them, are the
 * interactions' times in milliseconds (isoTimeMs of each occurredAt), so they are not parsed twice.
 */
export function computeOpenSignals(input: {
  interactions: readonly InteractionActivity[];
  times?: readonly number[];
  consents: readonly Consent[];
  segment: string | null;
  asOf: string;
  options?: Partial<SignalOptions>;
  productName: (productId: string | null) => string;
}): OpenSignal[] {
  const options = { ...defaultSignalOptions, ...input.options };
  const now = Date.parse(input.asOf);
  const daysAgo = (iso: string) => Math.floor((now - Date.parse(iso)) / DAY_MS);
  // The rows up to asOf, each with its age in whole days (one parse per row, index loops: this runs
  // for every HCP of a plan or a nightly run).
  const past: InteractionActivity[] = [];
  const days: number[] = [];
  for (let index = 0; index < input.interactions.length; index++) {
    const interaction = input.interactions[index]!;
    const time = input.times?.[index] ?? isoTimeMs(interaction.occurredAt);
    if (!(time <= now)) continue; // an unreadable time (NaN) is not in the past either
    past.push(interaction);
    days.push(Math.floor((now - time) / DAY_MS));
  }
  const signals: OpenSignal[] = [];

  // Intent without a personal follow-up: the most recent unanswered intent only.
  let lastPersonal: InteractionActivity | undefined;
  for (let index = past.length - 1; index >= 0 && !lastPersonal; index--) if (isPersonalContact(past[index]!)) lastPersonal = past[index];
  const unanswered: InteractionActivity[] = [];
  let firstUnansweredDays = 0;
  for (let index = 0; index < past.length; index++) {
    const interaction = past[index]!;
    if (isIntentSignal(interaction) && days[index]! <= options.lookbackDays && (!lastPersonal || lastPersonal.occurredAt < interaction.occurredAt)) {
      if (unanswered.length === 0) firstUnansweredDays = days[index]!;
      unanswered.push(interaction);
    }
  }
  const firstUnanswered = unanswered[0];
  if (firstUnanswered) {
    const days = firstUnansweredDays;
    const what = describeIntent(firstUnanswered, input.productName(firstUnanswered.productId));
    const later = unanswered.length > 1 ? ` (and ${unanswered.length - 1} more intent signal${unanswered.length > 2 ? 's' : ''} since)` : '';
    signals.push(
      days > options.deadEndDays
        ? {
            kind: 'dead_end',
            sentence: `Dead end: ${what} ${dayCount(days)} ago${later}; no follow-up by anyone since (window ${options.deadEndDays} days).`,
            at: firstUnanswered.occurredAt,
            evidence: unanswered.map((interaction) => interaction.id),
          }
        : {
            kind: 'follow_up_due',
            sentence: `Follow-up due: ${what} ${dayCount(days)} ago${later}; ${dayCount(options.deadEndDays - days)} left in the follow-up window.`,
            at: firstUnanswered.occurredAt,
            evidence: unanswered.map((interaction) => interaction.id),
          },
    );
  }

  // Medical questions asked and not answered since (by product).
  const replies = past.filter((reply) => reply.channel === 'medical_inquiry' && reply.outcome === 'replied');
  for (let index = 0; index < past.length; index++) {
    const question = past[index]!;
    if (question.outcome !== 'requested' || (question.channel !== 'medical_inquiry' && question.channel !== 'call_center')) continue;
    if (replies.some((reply) => reply.productId === question.productId && reply.occurredAt > question.occurredAt)) continue;
    const topic = question.topic ? ` on ${question.topic}` : '';
    signals.push({
      kind: 'open_medical_question',
      sentence: `Open medical question: ${input.productName(question.productId)}${topic}, asked ${dayCount(days[index]!)} ago via ${channelName(question.channel)}; not answered yet.`,
      at: question.occurredAt,
      evidence: [question.id],
      about: { productId: question.productId, topic: question.topic || null },
    });
  }

  // Contact load across all reps and channels.
  const last7: InteractionActivity[] = [];
  const last30: InteractionActivity[] = [];
  for (let index = 0; index < past.length; index++) {
    const interaction = past[index]!;
    if (days[index]! >= 30 || !isOutboundContact(interaction)) continue;
    last30.push(interaction);
    if (days[index]! < 7) last7.push(interaction);
  }
  if (last7.length > options.maxContacts7Days || last30.length > options.maxContacts30Days) {
    const actors = new Set(last30.map((interaction) => interaction.actorId));
    signals.push({
      kind: 'over_contacted',
      sentence: `Over-contacted: ${last7.length} contacts in the last 7 days (cap ${options.maxContacts7Days}) and ${last30.length} in the last 30 (cap ${options.maxContacts30Days}), from ${actors.size} sender${actors.size === 1 ? '' : 's'}.`,
      at: (last30[last30.length - 1] ?? last7[last7.length - 1])!.occurredAt,
      evidence: last30.map((interaction) => interaction.id),
    });
  }

  // Consent withdrawn in the lookback window and still withdrawn.
  for (const consent of currentConsents(input.consents, input.asOf)) {
    if (consent.status === 'revoked' && daysAgo(consent.since) <= options.lookbackDays) {
      signals.push({
        kind: 'consent_revoked',
        sentence: `${capitalise(channelName(consent.channel))} consent (${consent.purpose}) revoked on ${consent.since.slice(0, 10)} via ${consent.source}.`,
        at: consent.since,
        evidence: [consent.recordId],
      });
    }
  }

  // Important HCPs not seen in person for a long time.
  if (input.segment === 'A' || input.segment === 'B') {
    let visit = -1;
    for (let index = past.length - 1; index >= 0 && visit < 0; index--) if (past[index]!.channel === 'field_visit' && past[index]!.outcome === 'completed') visit = index;
    const lastVisit = visit >= 0 ? past[visit] : undefined;
    const limit = input.segment === 'A' ? 45 : 75;
    if (!lastVisit || days[visit]! > limit) {
      signals.push({
        kind: 'no_recent_visit',
        sentence: lastVisit
          ? `No field visit for ${dayCount(days[visit]!)} (segment ${input.segment} expects one every ${limit} days).`
          : `No field visit on record (segment ${input.segment}).`,
        at: lastVisit?.occurredAt ?? input.asOf,
        evidence: lastVisit ? [lastVisit.id] : [],
      });
    }
  }
  return signals;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
