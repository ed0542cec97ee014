import { DAY_MS } from '../core/dates.ts';
import type { Consent } from '../domain/consent.ts';
import { currentConsents } from '../compliance/consent-policy.ts';
import { isIntentSignal, isOutboundContact, isPersonalContact, type InteractionActivity } from '../domain/interaction.ts';
import type { Channel, Purpose } from '../domain/vocabulary.ts';

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

const channelNames: Record<Channel, string> = {
  field_visit: 'field visit',
  remote_detail: 'remote detail',
  email: 'email',
  webinar: 'webinar',
  website: 'website',
  content_download: 'content download',
  phone: 'phone',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  congress_booth: 'congress booth',
  msl_meeting: 'MSL meeting',
  medical_inquiry: 'medical inquiry',
  call_center: 'call center',
};

export function channelName(channel: Channel): string {
  return channelNames[channel];
}

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
 * `productName` turns product ids into display names.
 */
export function computeOpenSignals(input: {
  interactions: readonly InteractionActivity[];
  consents: readonly Consent[];
  segment: string | null;
  asOf: string;
  options?: Partial<SignalOptions>;
  productName: (productId: string | null) => string;
}): OpenSignal[] {
  const options = { ...defaultSignalOptions, ...input.options };
  const now = Date.parse(input.asOf);
  const past = input.interactions.filter((interaction) => Date.parse(interaction.occurredAt) <= now);
  const daysAgo = (iso: string) => Math.floor((now - Date.parse(iso)) / DAY_MS);
  const signals: OpenSignal[] = [];

  // Intent without a personal follow-up: the most recent unanswered intent only.
  const lastPersonal = [...past].reverse().find((interaction) => isPersonalContact(interaction));
  const unanswered = past.filter(
    (interaction) =>
      isIntentSignal(interaction) &&
      daysAgo(interaction.occurredAt) <= options.lookbackDays &&
      (!lastPersonal || lastPersonal.occurredAt < interaction.occurredAt),
  );
  const firstUnanswered = unanswered[0];
  if (firstUnanswered) {
    const days = daysAgo(firstUnanswered.occurredAt);
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
  const openQuestions = past.filter(
    (interaction) =>
      interaction.outcome === 'requested' &&
      (interaction.channel === 'medical_inquiry' || interaction.channel === 'call_center') &&
      !past.some(
        (reply) =>
          reply.channel === 'medical_inquiry' &&
          reply.outcome === 'replied' &&
          reply.productId === interaction.productId &&
          reply.occurredAt > interaction.occurredAt,
      ),
  );
  for (const question of openQuestions) {
    const topic = question.topic ? ` on ${question.topic}` : '';
    signals.push({
      kind: 'open_medical_question',
      sentence: `Open medical question: ${input.productName(question.productId)}${topic}, asked ${dayCount(daysAgo(question.occurredAt))} ago via ${channelName(question.channel)}; not answered yet.`,
      at: question.occurredAt,
      evidence: [question.id],
    });
  }

  // Contact load across all reps and channels.
  const contacts = (days: number) => past.filter((interaction) => isOutboundContact(interaction) && daysAgo(interaction.occurredAt) < days);
  const last7 = contacts(7);
  const last30 = contacts(30);
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
    const lastVisit = [...past].reverse().find((interaction) => interaction.channel === 'field_visit' && interaction.outcome === 'completed');
    const limit = input.segment === 'A' ? 45 : 75;
    if (!lastVisit || daysAgo(lastVisit.occurredAt) > limit) {
      signals.push({
        kind: 'no_recent_visit',
        sentence: lastVisit
          ? `No field visit for ${dayCount(daysAgo(lastVisit.occurredAt))} (segment ${input.segment} expects one every ${limit} days).`
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
