import { consentChannels, engagementLadder } from './metric-catalog.ts';

/**
 * The NBA engine's definitions (src/domain/interaction.ts, src/nba/signals.ts) as SQL predicates over
 * an interactions row alias. sql-fragments.test.ts holds each one equal to its TypeScript twin over
 * every channel, outcome and kind of actor, so the metrics and the engine cannot drift apart.
 */
/** A column of the row alias, or the bare column for alias '' (index definitions). */
const c = (alias: string, column: string) => (alias ? `${alias}.${column}` : column);
const isSystem = (alias: string) => `(substr(${c(alias, 'actor_id')}, 1, 7) = 'system:')`;

/** isIntentSignal: the moments a follow-up is owed. */
export function intentSignalSql(alias: string): string {
  return (
    `((${c(alias, 'channel')} = 'webinar' AND ${c(alias, 'outcome')} = 'attended') OR (${c(alias, 'channel')} = 'content_download' AND ${c(alias, 'outcome')} = 'downloaded')` +
    ` OR (${c(alias, 'channel')} = 'email' AND ${c(alias, 'outcome')} = 'clicked') OR (${c(alias, 'channel')} = 'congress_booth' AND ${c(alias, 'outcome')} = 'completed')` +
    ` OR (${c(alias, 'channel')} = 'website' AND ${c(alias, 'outcome')} = 'requested'))`
  );
}

/** isPersonalContact: a person from the company reached out (a follow-up). */
export function personalContactSql(alias: string): string {
  return (
    `(NOT ${isSystem(alias)} AND ((${c(alias, 'channel')} IN ('field_visit', 'remote_detail', 'msl_meeting', 'phone') AND ${c(alias, 'outcome')} = 'completed')` +
    ` OR (${c(alias, 'channel')} IN ('email', 'sms', 'whatsapp') AND ${c(alias, 'outcome')} = 'sent') OR (${c(alias, 'channel')} = 'medical_inquiry' AND ${c(alias, 'outcome')} = 'replied')))`
  );
}

/**
 * isOutboundContact: any touch that counts towards the contact caps, personal or automated (a
 * personal contact, or an email or SMS sent by anyone). Written by outcome first: it runs on every
 * row of a period, and most rows fail on the outcome alone.
 */
export function outboundContactSql(alias: string): string {
  const person = `NOT ${isSystem(alias)}`;
  return (
    `(CASE ${c(alias, 'outcome')} WHEN 'sent' THEN ${c(alias, 'channel')} IN ('email', 'sms') OR (${c(alias, 'channel')} = 'whatsapp' AND ${person})` +
    ` WHEN 'completed' THEN ${c(alias, 'channel')} IN ('field_visit', 'remote_detail', 'msl_meeting', 'phone') AND ${person}` +
    ` WHEN 'replied' THEN ${c(alias, 'channel')} = 'medical_inquiry' AND ${person} ELSE 0 END)`
  );
}

/** The NBA engine's engagement outcomes (signals.ts: the HCP engaging, as opposed to being sent something). */
export const engagementOutcomes = ['opened', 'clicked', 'registered', 'attended', 'downloaded', 'requested', 'completed'] as const;

/**
 * Rows that are not a send: every engagement and every rung of the ladder (the HCP did something).
 * Said alongside those predicates so that SQLite reads the rows from the partial index of them
 * (migration 11), about 63% of the interactions, instead of every row of the period.
 */
export function notSentSql(alias: string): string {
  return `${c(alias, 'outcome')} <> 'sent'`;
}

export function engagementSql(alias: string): string {
  return `${c(alias, 'outcome')} IN (${engagementOutcomes.map((outcome) => `'${outcome}'`).join(', ')})`;
}

/**
 * The ladder level of an engagement (1–4), NULL for rows that are not on the ladder. Outcome first
 * (one comparison settles most rows), then the channel.
 */
export function ladderLevelSql(alias: string): string {
  const byOutcome = new Map<string, Map<number, string[]>>();
  for (const rung of engagementLadder) {
    for (const [channel, outcome] of rung.steps) {
      const levels = byOutcome.get(outcome) ?? new Map<number, string[]>();
      levels.set(rung.level, [...(levels.get(rung.level) ?? []), channel]);
      byOutcome.set(outcome, levels);
    }
  }
  const whens = [...byOutcome].map(([outcome, levels]) => {
    const inner = [...levels].map(([level, channelsAt]) => `WHEN ${c(alias, 'channel')} IN (${channelsAt.map((channel) => `'${channel}'`).join(', ')}) THEN ${level}`).join(' ');
    return `WHEN '${outcome}' THEN CASE ${inner} END`;
  });
  return `CASE ${c(alias, 'outcome')} ${whens.join(' ')} END`;
}

/** A medical question: a medical-information or call-centre request. */
export function medicalQuestionSql(alias: string): string {
  return `(${c(alias, 'channel')} IN ('medical_inquiry', 'call_center') AND ${c(alias, 'outcome')} = 'requested')`;
}

/** A medical answer: a medical-information reply or a completed MSL meeting. */
export function medicalAnswerSql(alias: string): string {
  return `((${c(alias, 'channel')} = 'medical_inquiry' AND ${c(alias, 'outcome')} = 'replied') OR (${c(alias, 'channel')} = 'msl_meeting' AND ${c(alias, 'outcome')} = 'completed'))`;
}

/** The consent channels with their purposes (or those of one purpose), as a VALUES list (channel, purpose). */
export function consentChannelsSql(purpose?: string): string {
  const pairs = consentChannels.filter((pair) => purpose === undefined || pair[1] === purpose);
  return `VALUES ${pairs.map(([channel, channelPurpose]) => `('${channel}', '${channelPurpose}')`).join(', ')}`;
}

/** The Monday (UTC) of the week an ISO instant falls in, as YYYY-MM-DD. */
export function weekSql(expression: string): string {
  return `date(${expression}, 'weekday 0', '-6 days')`;
}

export function monthSql(expression: string): string {
  return `substr(${expression}, 1, 7)`;
}

/** An ISO instant moved by a modifier such as '+15 days', in the stored form (2026-10-02T14:05:00.000Z). */
export function shiftedIsoSql(expression: string, modifier: string): string {
  return `strftime('%Y-%m-%dT%H:%M:%fZ', ${expression}, ${modifier})`;
}
