import { z } from 'zod';

/**
 * The typed metrics layer's vocabulary: which metrics exist, what each one counts (in words a manager
 * can check), and which dimensions and filters it supports. The SQL for each is built from these
 * names in query-builder.ts; nothing a model writes ever reaches the SQL text.
 */
export const metricNames = [
  'reach',
  'frequency',
  'engagement_rate',
  'email_open_rate',
  'email_click_rate',
  'webinar_attendance',
  'follow_up_rate',
  'median_time_to_follow_up',
  'dead_end_rate',
  'cross_channel_progression',
  'nba_acceptance_rate',
  'consent_coverage',
  'over_contacted',
  'medical_follow_up_rate',
] as const;
export const MetricName = z.enum(metricNames);
export type MetricName = z.infer<typeof MetricName>;

export const dimensionNames = ['territory', 'rep', 'product', 'channel', 'segment', 'specialty', 'week', 'month'] as const;
export const DimensionName = z.enum(dimensionNames);
export type DimensionName = z.infer<typeof DimensionName>;

/** Filters use the dimensions' vocabulary (a week or month is a period instead). */
export const filterNames = ['territory', 'rep', 'product', 'channel', 'segment', 'specialty'] as const;
export type FilterName = (typeof filterNames)[number];

/**
 * share: a fraction in [0, 1] (numerator / denominator); contacts_per_hcp: numerator / denominator;
 * days: a median, over `denominator` values.
 */
export type MetricUnit = 'share' | 'contacts_per_hcp' | 'days';

/**
 * How the rep dimension (and filter) reads for a metric:
 * - actor: the rep who made the contact (the interaction's actor, or who asked for the recommendation),
 *   counted over the HCPs of that rep's own territories;
 * - covering: the HCP's primary rep (the schema has no owner per HCP): of the reps covering its
 *   territory, the one with the most personal contacts with it in the 180 days before the end of the
 *   period, ties to the lower rep id; without any, the covering rep with the lowest id. Each HCP
 *   counts for one rep, so reps sharing a territory get their own figures, and they add up.
 */
export type RepMeaning = 'actor' | 'covering';

export interface MetricDefinition {
  name: MetricName;
  label: string;
  unit: MetricUnit;
  /** What is counted, in plain words: the numerator, the denominator and the period rule. */
  definition: string;
  dimensions: readonly DimensionName[];
  /** Only for metrics that support the rep dimension. */
  rep?: RepMeaning;
  /** What the channel dimension means for this metric, when it is supported. */
  channelMeaning?: string;
  /** Decimal places of the value. */
  decimals: number;
}

const ALL: readonly DimensionName[] = dimensionNames;

/**
 * The cross-channel ladder: how deep an engagement is. An HCP progresses when, after their first
 * engagement in the period, they engage at a higher level in the same period.
 */
export const engagementLadder = [
  { level: 1, name: 'exposure', steps: [['email', 'opened'], ['website', 'opened']] },
  { level: 2, name: 'interest', steps: [['email', 'clicked'], ['content_download', 'downloaded'], ['webinar', 'registered'], ['sms', 'replied'], ['whatsapp', 'replied']] },
  { level: 3, name: 'conversation', steps: [['webinar', 'attended'], ['remote_detail', 'completed'], ['phone', 'completed'], ['congress_booth', 'completed']] },
  { level: 4, name: 'meeting', steps: [['field_visit', 'completed'], ['msl_meeting', 'completed']] },
] as const;

/** The purpose each channel's consent is read under for consent coverage (the NBA actions' purposes). */
export const consentChannels = [
  ['field_visit', 'promotional'],
  ['remote_detail', 'promotional'],
  ['email', 'promotional'],
  ['phone', 'promotional'],
  ['sms', 'promotional'],
  ['whatsapp', 'promotional'],
  ['webinar', 'events'],
  ['msl_meeting', 'medical'],
] as const;

/** The "By rep" sentence of every covering metric (query-builder.ts, ownerSql). */
const primaryRepText =
  ' By rep (and with a rep filter): each HCP counts for its primary rep only: of the reps covering its territory, the one with the most personal contacts with the HCP ' +
  '(completed visits, remote details, phone calls and MSL meetings, emails, SMS and WhatsApps sent, medical-information replies) in the 180 days before the end of the period, ties to the lower rep id. ' +
  'An HCP no covering rep contacted in those 180 days goes to the covering rep with the lowest id (where reps share a territory, an arbitrary but stable choice). Each HCP counts once, so the reps’ figures add up to their territories’.';

const ladderText = engagementLadder.map((rung) => `${rung.level} ${rung.steps.map(([channel, outcome]) => `${channel} ${outcome}`).join(', ')}`).join('; ');

export const metricCatalog: Record<MetricName, MetricDefinition> = {
  reach: {
    name: 'reach',
    label: 'Reach',
    unit: 'share',
    definition:
      'HCPs with at least one outbound contact in the period ÷ the HCPs in scope. A contact is what counts towards the NBA frequency caps: a completed visit, remote detail, phone call or MSL meeting by a person, ' +
      'a medical-information reply, a WhatsApp sent by a person, or an email or SMS sent by anyone (automated too). ' +
      'By rep: HCPs of the rep’s own territories the rep contacted ÷ the HCPs of those territories.',
    dimensions: ALL,
    rep: 'actor',
    channelMeaning: 'the channel of the contact',
    decimals: 4,
  },
  frequency: {
    name: 'frequency',
    label: 'Frequency',
    unit: 'contacts_per_hcp',
    definition: 'Outbound contacts in the period ÷ the HCPs reached (see reach). By rep: the rep’s own contacts with HCPs of their territories.',
    dimensions: ALL,
    rep: 'actor',
    channelMeaning: 'the channel of the contact',
    decimals: 2,
  },
  engagement_rate: {
    name: 'engagement_rate',
    label: 'Engagement rate',
    unit: 'share',
    definition:
      'HCPs who engaged at least once in the period (opened, clicked, registered, attended, downloaded, requested, or a completed visit, call or meeting: the NBA engine’s engagement outcomes) ÷ the HCPs in scope. By channel: engaged on that channel.' + primaryRepText,
    dimensions: ALL,
    rep: 'covering',
    channelMeaning: 'the channel of the engagement',
    decimals: 4,
  },
  email_open_rate: {
    name: 'email_open_rate',
    label: 'Email open rate',
    unit: 'share',
    definition: 'Email opens recorded in the period ÷ emails sent in the period (all purposes). By rep: emails recorded under that rep.',
    dimensions: ['territory', 'rep', 'product', 'segment', 'specialty', 'week', 'month'],
    rep: 'actor',
    decimals: 4,
  },
  email_click_rate: {
    name: 'email_click_rate',
    label: 'Email click rate',
    unit: 'share',
    definition: 'Email clicks recorded in the period ÷ emails sent in the period (all purposes). By rep: emails recorded under that rep.',
    dimensions: ['territory', 'rep', 'product', 'segment', 'specialty', 'week', 'month'],
    rep: 'actor',
    decimals: 4,
  },
  webinar_attendance: {
    name: 'webinar_attendance',
    label: 'Webinar attendance',
    unit: 'share',
    definition: 'HCPs who attended a webinar in the period ÷ HCPs who registered for or attended one in the period.' + primaryRepText,
    dimensions: ['territory', 'rep', 'product', 'segment', 'specialty', 'week', 'month'],
    rep: 'covering',
    decimals: 4,
  },
  follow_up_rate: {
    name: 'follow_up_rate',
    label: 'Follow-up rate after intent signals',
    unit: 'share',
    definition:
      'Intent signals in the period (webinar attended, content downloaded, email clicked, congress booth visit, rep visit requested on the website) followed by a personal contact from anyone ' +
      '(a completed visit, remote detail, phone call or MSL meeting, an email, SMS or WhatsApp sent by a person, or a medical-information reply) within the follow-up window ÷ those followed up plus the dead ends. ' +
      'The window is the NBA engine’s: it flags a dead end once more than OMNI_DEAD_END_DAYS (default 14) whole days have passed, so a follow-up up to 15 days after counts. ' +
      'Intents whose window is still open and not yet followed up are left out.' + primaryRepText,
    dimensions: ALL,
    rep: 'covering',
    channelMeaning: 'the channel of the intent signal',
    decimals: 4,
  },
  median_time_to_follow_up: {
    name: 'median_time_to_follow_up',
    label: 'Median time to follow-up',
    unit: 'days',
    definition: 'The median time, in days, from an intent signal in the period to the first personal contact after it, over the intents followed up within the window (see follow_up_rate).' + primaryRepText,
    dimensions: ALL,
    rep: 'covering',
    channelMeaning: 'the channel of the intent signal',
    decimals: 2,
  },
  dead_end_rate: {
    name: 'dead_end_rate',
    label: 'Dead-end rate',
    unit: 'share',
    definition: 'Intent signals in the period with no personal contact within the follow-up window (the NBA engine’s dead ends) ÷ those followed up plus the dead ends (see follow_up_rate).' + primaryRepText,
    dimensions: ALL,
    rep: 'covering',
    channelMeaning: 'the channel of the intent signal',
    decimals: 4,
  },
  cross_channel_progression: {
    name: 'cross_channel_progression',
    label: 'Cross-channel progression',
    unit: 'share',
    definition:
      `HCPs whose first engagement in the period was below the top of the ladder and who engaged at a deeper level later in the period ÷ HCPs whose first engagement in the period was below the top. Ladder: ${ladderText}. ` +
      'By product: the ladder within each product; by week or month: when the first engagement was.' + primaryRepText,
    dimensions: ALL,
    rep: 'covering',
    channelMeaning: 'the channel of the first engagement',
    decimals: 4,
  },
  nba_acceptance_rate: {
    name: 'nba_acceptance_rate',
    label: 'NBA acceptance rate',
    unit: 'share',
    definition:
      'Next-best-action recommendations made in the period (decision log) whose latest feedback is "accept" ÷ recommendations made in the period that got any feedback (accept, dismiss or snooze). By rep: who asked for the recommendation.',
    dimensions: ALL,
    rep: 'actor',
    channelMeaning: 'the channel of the recommended action',
    decimals: 4,
  },
  consent_coverage: {
    name: 'consent_coverage',
    label: 'Consent coverage',
    unit: 'share',
    definition:
      'HCPs in scope with consent in force at the end of the period ÷ the HCPs in scope. By channel: consent for that channel under the purpose Omni uses it for (promotional; webinar: events; MSL meeting: medical); ' +
      'without a channel: promotional consent on at least one channel. Without a product, the all-products record decides; with one, the later of the all-products record and the product’s own (as the NBA consent gate reads them).' + primaryRepText,
    dimensions: ['territory', 'rep', 'product', 'channel', 'segment', 'specialty'],
    rep: 'covering',
    channelMeaning: 'the consented channel',
    decimals: 4,
  },
  over_contacted: {
    name: 'over_contacted',
    label: 'Over-contacted HCPs',
    unit: 'share',
    definition:
      'HCPs with at least one contact in the period that took them over a frequency cap (more outbound contacts across all reps and channels within 7 or 30 days than the NBA weights file allows) ÷ HCPs contacted in the period.' + primaryRepText,
    dimensions: ['territory', 'rep', 'segment', 'specialty', 'week', 'month'],
    rep: 'covering',
    decimals: 4,
  },
  medical_follow_up_rate: {
    name: 'medical_follow_up_rate',
    label: 'Medical follow-up rate',
    unit: 'share',
    definition:
      'Medical questions in the period (medical-information or call-centre requests) answered by a medical-information reply or a completed MSL meeting on the same product within the follow-up window ÷ those answered plus those whose window has closed unanswered.',
    dimensions: ['territory', 'product', 'channel', 'segment', 'specialty', 'week', 'month'],
    channelMeaning: 'the channel the question came in on',
    decimals: 4,
  },
};

/** The filters a metric accepts: those of its dimensions (a week or month is chosen with the period). */
export function supportedFilters(metric: MetricName): FilterName[] {
  return filterNames.filter((name) => metricCatalog[metric].dimensions.includes(name));
}
