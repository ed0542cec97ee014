import type { Channel } from '../domain/vocabulary.ts';
import { consentChannels, metricCatalog, type DimensionName, type MetricName } from './metric-catalog.ts';
import type { Period } from './periods.ts';
import {
  consentChannelsSql,
  engagementSql,
  intentSignalSql,
  ladderLevelSql,
  medicalAnswerSql,
  medicalQuestionSql,
  monthSql,
  notSentSql,
  outboundContactSql,
  personalContactSql,
  shiftedIsoSql,
  weekSql,
} from './sql-fragments.ts';

/**
 * Builds one parameterised SQL statement per metric, dimension, filters and period. Only names from
 * the catalog and fixed fragments go into the text; every value (dates, territories, ids, caps) is a
 * named parameter. Each statement returns rows of (grp, numerator, denominator, value), ordered by
 * grp, and is exactly what runs: anyone can rerun it with its parameters and get the same numbers.
 */
export interface MetricFilters {
  territory?: string[];
  rep?: string;
  product?: string;
  channel?: Channel;
  segment?: string;
  specialty?: string;
}

export interface MetricSettings {
  /** OMNI_DEAD_END_DAYS: whole days after an intent signal within which a follow-up is owed. */
  deadEndDays: number;
  /** The NBA weights file's frequency caps. */
  caps: { contacts7Days: number; contacts30Days: number };
}

export interface MetricSpec {
  metric: MetricName;
  dimension: DimensionName | null;
  filters: MetricFilters;
  period: Period;
  /** "Now": nothing after it counts (follow-ups, feedback, consent). */
  asOf: string;
  /** The caller's territories; undefined: every territory. */
  territories: readonly string[] | undefined;
  settings: MetricSettings;
}

export type SqlParameter = string | number | null;
export interface BuiltQuery {
  sql: string;
  /** Named parameters (@name in the text), as bound. */
  parameters: Record<string, SqlParameter>;
}

/** The row every metric statement returns. */
export interface MetricRow {
  grp: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

const DAY_MS = 86_400_000;

class Parameters {
  readonly values: Record<string, SqlParameter> = {};
  set(name: string, value: SqlParameter): string {
    this.values[name] = value;
    return `@${name}`;
  }
}

/** Dimensions read from the HCP (its territory, segment, specialty, or its primary rep for covering metrics) rather than from each event. */
const hcpDimensions = new Set<DimensionName>(['territory', 'segment', 'specialty', 'rep']);

/**
 * The HCP-level group expression; `prefix` is the scope alias with its dot ('s.'), or '' for bare columns.
 * By rep: the acting rep (rep_map joined as r) for actor metrics, the HCP's primary rep (scope's owner) for covering ones.
 */
function hcpGroup(context: Context, prefix = 's.'): string | null {
  switch (context.dimension) {
    case 'territory':
      return `${prefix}territory`;
    case 'segment':
      return `coalesce(${prefix}segment, '(none)')`;
    case 'specialty':
      return `${prefix}specialty`;
    case 'rep':
      return ownerMode(context) ? `${prefix}owner` : 'r.rep_id';
    default:
      return null;
  }
}

interface Context {
  spec: MetricSpec;
  p: Parameters;
  /** The breakdown this statement computes (the spec's dimension). */
  dimension: DimensionName | null;
}

/** Days of personal contacts, up to the end of the period, that decide an HCP's primary rep. */
export const PRIMARY_REP_DAYS = 180;

/**
 * Whether the statement reads each HCP's primary rep (scope.owner): a covering metric by rep or
 * filtered by rep. An HCP counts for one rep only, so reps who share a territory get their own figures.
 */
function ownerMode(context: Context): boolean {
  return metricCatalog[context.spec.metric].rep === 'covering' && (context.dimension === 'rep' || context.spec.filters.rep !== undefined);
}

/**
 * An HCP's primary rep (over hcps as h): of the reps covering its territory, the one with the most
 * personal contacts with it in the PRIMARY_REP_DAYS before the end of the period (or before now, if
 * sooner), ties to the lower rep id. Without any such contact: the covering rep with the lowest id
 * (the territory's rep when only one covers it; where reps share a territory the choice is arbitrary
 * but stable, and it keeps every HCP counted once, so the reps' figures add up to the territory's).
 * NULL only when no rep covers the territory.
 * Each covering rep's contacts are counted straight from the personal-contacts index (hcp, rep,
 * time), and the rep is picked by one min() over a key that sorts the most contacts first, then the
 * lower id (contacts are below 10^9): no sort per HCP.
 */
function ownerSql(context: Context): string {
  const { spec, p } = context;
  const end = periodEnd(spec);
  const from = p.set('ownerFrom', new Date(Date.parse(end) - PRIMARY_REP_DAYS * DAY_MS).toISOString());
  const to = p.set('ownerTo', end);
  const contacts = `(SELECT count(*) FROM interactions o WHERE o.hcp_id = h.id AND o.actor_id = orm.rep_id AND o.occurred_at >= ${from} AND o.occurred_at < ${to} AND ${personalContactSql('o')})`;
  return `(SELECT substr(min(printf('%09d', 999999999 - ${contacts}) || orm.rep_id), 10) FROM rep_map orm WHERE orm.territory = h.territory)`;
}

/** The end of the period, or now if sooner: nothing after it has happened yet. */
function periodEnd(spec: MetricSpec): string {
  return spec.period.to < spec.asOf ? spec.period.to : spec.asOf;
}

/** Metrics that read an HCP's group once per intent signal in the period (followUps, whose intents CTE is materialised). */
const ownerPerIntent = new Set<MetricName>(['follow_up_rate', 'dead_end_rate', 'median_time_to_follow_up']);

/** Each rep and the territories they cover. */
const REP_MAP = `rep_map AS MATERIALIZED (SELECT u.id AS rep_id, t.value AS territory FROM users u, json_each(u.territories) t WHERE u.role = 'rep')`;

/**
 * The HCPs a statement covers (one row each): the caller's territories and the HCP filters. A rep
 * filter keeps the rep's territories and, for a covering metric, the HCPs whose primary rep that rep is
 * (ownerSql; scope.owner then holds the rep).
 */
function scopeCte(context: Context): string {
  const { spec, p } = context;
  const where: string[] = [];
  // The unary + keeps SQLite from reading HCPs through the territory index: scanned in rowid order,
  // an HCP's rows arrive together and per-HCP grouping (GROUP BY s.hcp_row) needs no sort.
  if (spec.territories !== undefined) where.push(`+h.territory IN (SELECT value FROM json_each(${p.set('territories', JSON.stringify(spec.territories))}))`);
  if (spec.filters.territory) where.push(`+h.territory IN (SELECT value FROM json_each(${p.set('territoryFilter', JSON.stringify(spec.filters.territory))}))`);
  if (spec.filters.segment) where.push(`h.segment = ${p.set('segment', spec.filters.segment)}`);
  // "rheumatology", "oncology": part of the specialty as the data spells it, in any case ("Hematology & Oncology").
  if (spec.filters.specialty) where.push(`instr(lower(h.specialty), lower(${p.set('specialty', spec.filters.specialty)})) > 0`);
  if (spec.filters.rep) where.push(`h.territory IN (SELECT t.value FROM users u, json_each(u.territories) t WHERE u.id = ${p.set('rep', spec.filters.rep)} AND u.role = 'rep')`);
  let owner = '';
  let materialized = '';
  if (ownerMode(context)) {
    if (spec.filters.rep) where.push(`${ownerSql(context)} = @rep`);
    else {
      // By rep: each HCP's primary rep. The follow-up metrics read it once per intent signal, and
      // fewer HCPs have one than are in scope: there the owner subquery runs per intent. Elsewhere it
      // runs once per HCP: scope is materialised, or the subquery would run again for every
      // interaction or consent row; materialised in rowid order (ORDER BY), so SQLite still knows HCPs
      // come one by one and per-HCP groupings need no sort.
      owner = `, ${ownerSql(context)} AS owner`;
      if (!ownerPerIntent.has(spec.metric)) materialized = ' MATERIALIZED';
    }
    if (context.dimension === 'rep' && spec.filters.rep) owner = ', @rep AS owner';
  }
  return (
    `scope AS${materialized} (\n  SELECT h.rowid AS hcp_row, h.id AS hcp_id, h.territory, h.segment, h.specialty${owner}\n  FROM hcps h` +
    (where.length > 0 ? `\n  WHERE ${where.join('\n    AND ')}` : '') +
    (materialized ? '\n  ORDER BY h.rowid' : '') +
    `\n)`
  );
}

/** The group of an event row: the HCP's (scope) group, or one read from the event itself. */
function groupOf(context: Context, event: { channel: string; product: string; time: string }, prefix = 's.'): string {
  const dimension = context.dimension;
  if (dimension === null) return 'NULL';
  if (hcpDimensions.has(dimension)) return hcpGroup(context, prefix)!;
  switch (dimension) {
    case 'channel':
      return event.channel;
    case 'product':
      return `coalesce(${event.product}, '(none)')`;
    case 'week':
      return weekSql(event.time);
    case 'month':
      return monthSql(event.time);
  }
  return 'NULL';
}

/** Product and channel filters on an interactions row. */
function eventFilters(context: Context, alias: string, columns: { product?: boolean; channel?: boolean } = { product: true, channel: true }): string {
  const { spec, p } = context;
  const parts: string[] = [];
  if (columns.product !== false && spec.filters.product) parts.push(`${alias}.product_id = ${p.set('product', spec.filters.product)}`);
  if (columns.channel !== false && spec.filters.channel) parts.push(`${alias}.channel = ${p.set('channel', spec.filters.channel)}`);
  return parts.map((part) => `\n    AND ${part}`).join('');
}

/**
 * For metrics whose rep is the actor: only the rep's own rows about HCPs of the rep's territories.
 * By rep, rep_map (as r) joins each row to its actor when the actor covers the HCP's territory.
 */
function actorJoin(context: Context, column: string): string {
  return metricCatalog[context.spec.metric].rep === 'actor' && context.dimension === 'rep' ? `\n  JOIN rep_map r ON r.rep_id = ${column} AND r.territory = s.territory` : '';
}

function actorFilter(context: Context, column: string): string {
  return metricCatalog[context.spec.metric].rep === 'actor' && context.spec.filters.rep ? `\n    AND ${column} = @rep` : '';
}

function periodJoin(context: Context, alias = 'i', from = '@from'): string {
  return `JOIN interactions ${alias} ON ${alias}.hcp_id = s.hcp_id AND ${alias}.occurred_at >= ${from} AND ${alias}.occurred_at < @to`;
}

/** GROUP BY for a breakdown; without one, an aggregate over no rows still gives its one row (0 of 0). */
function grouped(context: Context, key = 'grp'): string {
  return context.dimension === null ? '' : ` GROUP BY ${key}`;
}

function valueSql(numerator: string, denominator: string, decimals: number): string {
  return `CASE WHEN (${denominator}) > 0 THEN round(CAST(${numerator} AS REAL) / (${denominator}), ${decimals}) END`;
}

/**
 * Rows per group with the universe (HCPs in scope) as denominator, or as the set of groups: HCP
 * groups appear even when nothing happened in them (numerator 0).
 */
function universeSelect(context: Context, counted: string, numerator: string, denominator: 'universe' | string): string {
  const decimals = metricCatalog[context.spec.metric].decimals;
  const dimension = context.dimension;
  const byHcp = dimension === null || hcpDimensions.has(dimension);
  const universe = `universe AS (SELECT ${hcpGroup(context) ?? 'NULL'} AS grp, count(*) AS hcps FROM scope s${dimension === 'rep' && !ownerMode(context) ? ' JOIN rep_map r ON r.territory = s.territory' : ''}${grouped(context, '1')})`;
  const den = denominator === 'universe' ? 'u.hcps' : denominator;
  const num = `coalesce(${numerator}, 0)`;
  const rows = byHcp ? `FROM universe u LEFT JOIN ${counted} c ON c.grp IS u.grp` : `FROM ${counted} c CROSS JOIN universe u`;
  const group = byHcp ? 'u.grp' : 'c.grp';
  return `,\n${universe}\nSELECT ${group} AS grp, ${num} AS numerator, ${den} AS denominator, ${valueSql(num, den, decimals)} AS value\n${rows}\nORDER BY 1`;
}

/**
 * Whether a statement can aggregate per HCP first: a breakdown by something of the HCP's (or none), and
 * not by the rep who acted. Rows arrive HCP by HCP (hcps in rowid order, each HCP's rows from the
 * (hcp_id, occurred_at) index), so GROUP BY s.hcp_row needs no sort.
 */
function perHcp(context: Context): boolean {
  return (context.dimension === null || hcpDimensions.has(context.dimension)) && !(context.dimension === 'rep' && metricCatalog[context.spec.metric].rep === 'actor');
}

function reachLike(context: Context): string {
  const { spec } = context;
  const predicate = spec.metric === 'engagement_rate' ? `${engagementSql('i')} AND ${notSentSql('i')}` : outboundContactSql('i');
  if (perHcp(context)) {
    // One row per HCP in scope with their count of events (0 when none): reached = events > 0.
    const decimals = metricCatalog[spec.metric].decimals;
    const [numerator, denominator] = spec.metric === 'frequency' ? ['sum(events)', 'sum(events > 0)'] : ['sum(events > 0)', 'count(*)'];
    return (
      `WITH ${scopeCte(context)},\n` +
      `per_hcp AS (\n  SELECT ${hcpGroup(context) ?? 'NULL'} AS grp, count(i.hcp_id) AS events\n  FROM scope s LEFT ${periodJoin(context)}\n    AND ${predicate}${actorFilter(context, 'i.actor_id')}${eventFilters(context, 'i')}\n  GROUP BY s.hcp_row\n)\n` +
      `SELECT grp, coalesce(${numerator}, 0) AS numerator, coalesce(${denominator}, 0) AS denominator, ${valueSql(numerator, denominator, decimals)} AS value\nFROM per_hcp${grouped(context)} ORDER BY 1`
    );
  }
  const grp = groupOf(context, { channel: 'i.channel', product: 'i.product_id', time: 'i.occurred_at' });
  const events =
    `events AS (\n  SELECT ${grp} AS grp, i.hcp_id\n  FROM scope s ${periodJoin(context)}${actorJoin(context, 'i.actor_id')}\n  WHERE ${predicate}${actorFilter(context, 'i.actor_id')}${eventFilters(context, 'i')}\n),\n` +
    `counted AS (SELECT grp, count(DISTINCT hcp_id) AS hcps, count(*) AS events FROM events${grouped(context)})`;
  if (spec.metric === 'frequency') {
    const decimals = metricCatalog.frequency.decimals;
    const byHcp = context.dimension === null || hcpDimensions.has(context.dimension);
    const tail = byHcp
      ? `,\nuniverse AS (SELECT ${hcpGroup(context) ?? 'NULL'} AS grp FROM scope s${context.dimension === 'rep' && !ownerMode(context) ? ' JOIN rep_map r ON r.territory = s.territory' : ''}${grouped(context, '1')})\nSELECT u.grp AS grp, coalesce(c.events, 0) AS numerator, coalesce(c.hcps, 0) AS denominator, ${valueSql('c.events', 'c.hcps', decimals)} AS value\nFROM universe u LEFT JOIN counted c ON c.grp IS u.grp\nORDER BY 1`
      : `\nSELECT grp, events AS numerator, hcps AS denominator, ${valueSql('events', 'hcps', decimals)} AS value FROM counted ORDER BY 1`;
    return `WITH ${scopeCte(context)},\n${events}${tail}`;
  }
  return `WITH ${scopeCte(context)},\n${events}${universeSelect(context, 'counted', 'c.hcps', 'universe')}`;
}

function emailRate(context: Context): string {
  const outcome = context.spec.metric === 'email_open_rate' ? 'opened' : 'clicked';
  const grp = groupOf(context, { channel: 'i.channel', product: 'i.product_id', time: 'i.occurred_at' });
  const decimals = metricCatalog[context.spec.metric].decimals;
  // By an HCP group: sums per HCP first (rows arrive HCP by HCP, no sort), then per group.
  const twoLevel = context.dimension !== null && perHcp(context);
  return (
    `WITH ${scopeCte(context)},\n` +
    `counted AS (\n  SELECT ${grp} AS grp, coalesce(sum(i.outcome = '${outcome}'), 0) AS numerator, coalesce(sum(i.outcome = 'sent'), 0) AS denominator\n` +
    `  FROM scope s ${periodJoin(context)}${actorJoin(context, 'i.actor_id')}\n  WHERE i.channel = 'email' AND i.outcome IN ('sent', '${outcome}')${actorFilter(context, 'i.actor_id')}${eventFilters(context, 'i', { product: true, channel: false })}` +
    `${twoLevel ? '\n  GROUP BY s.hcp_row' : grouped(context)}\n)\n` +
    (twoLevel
      ? `SELECT grp, sum(numerator) AS numerator, sum(denominator) AS denominator, ${valueSql('sum(numerator)', 'sum(denominator)', decimals)} AS value FROM counted GROUP BY grp ORDER BY 1`
      : `SELECT grp, numerator, denominator, ${valueSql('numerator', 'denominator', decimals)} AS value FROM counted ORDER BY 1`)
  );
}

function webinarAttendance(context: Context): string {
  const decimals = metricCatalog.webinar_attendance.decimals;
  const where = `WHERE i.channel = 'webinar' AND i.outcome IN ('registered', 'attended')${eventFilters(context, 'i', { product: true, channel: false })}`;
  if (perHcp(context)) {
    // Per HCP (rows arrive HCP by HCP): did they attend; then per group.
    return (
      `WITH ${scopeCte(context)},\n` +
      `per_hcp AS (\n  SELECT ${hcpGroup(context) ?? 'NULL'} AS grp, max(i.outcome = 'attended') AS attended\n  FROM scope s ${periodJoin(context)}\n  ${where}\n  GROUP BY s.hcp_row\n)\n` +
      `SELECT grp, coalesce(sum(attended), 0) AS numerator, count(*) AS denominator, ${valueSql('sum(attended)', 'count(*)', decimals)} AS value FROM per_hcp${grouped(context)} ORDER BY 1`
    );
  }
  const grp = groupOf(context, { channel: 'i.channel', product: 'i.product_id', time: 'i.occurred_at' });
  return (
    `WITH ${scopeCte(context)},\n` +
    `events AS (\n  SELECT ${grp} AS grp, i.hcp_id, i.outcome\n  FROM scope s ${periodJoin(context)}\n  ${where}\n),\n` +
    `counted AS (SELECT grp, count(DISTINCT CASE WHEN outcome = 'attended' THEN hcp_id END) AS numerator, count(DISTINCT hcp_id) AS denominator FROM events${grouped(context)})\n` +
    `SELECT grp, numerator, denominator, ${valueSql('numerator', 'denominator', decimals)} AS value FROM counted ORDER BY 1`
  );
}

/**
 * Intent signals in the period with the first personal contact at or after each (the NBA engine: a
 * contact at the same instant answers it) inside the window of deadEndDays + 1 days (the engine
 * calls an intent a dead end once more than deadEndDays whole days have passed). An intent is
 * followed up, a dead end (window closed, nothing), or pending (window open, nothing yet: left out).
 */
function followUps(context: Context): string {
  const { spec, p } = context;
  const window = p.set('followUpWindow', `+${spec.settings.deadEndDays + 1} days`);
  const grp = groupOf(context, { channel: 'i.channel', product: 'i.product_id', time: 'i.occurred_at' });
  const intents =
    `intents AS MATERIALIZED (\n  SELECT ${grp} AS grp, i.occurred_at AS at,\n` +
    `    (SELECT f.occurred_at FROM interactions f\n` +
    `      WHERE f.hcp_id = i.hcp_id AND f.occurred_at >= i.occurred_at AND f.occurred_at <= ${shiftedIsoSql('i.occurred_at', window)} AND f.occurred_at <= @asOf\n` +
    `        AND ${personalContactSql('f')}\n` +
    `      ORDER BY f.occurred_at LIMIT 1) AS followed_at\n` +
    `  FROM scope s ${periodJoin(context)}\n  WHERE ${intentSignalSql('i')}${eventFilters(context, 'i')}\n),\n` +
    `judged AS (\n  SELECT grp, followed_at IS NOT NULL AS followed, followed_at IS NULL AND ${shiftedIsoSql('at', window)} <= @asOf AS dead_end,\n` +
    `    julianday(followed_at) - julianday(at) AS days\n  FROM intents\n)`;
  const decimals = metricCatalog[spec.metric].decimals;
  if (spec.metric === 'median_time_to_follow_up') {
    // The median without a median() function, so the statement reruns in any SQLite: the middle row
    // (odd count) or the mean of the two middle rows (even count) of each group.
    return (
      `WITH ${scopeCte(context)},\n${intents},\n` +
      `ranked AS (SELECT grp, days, row_number() OVER (PARTITION BY grp ORDER BY days) AS position, count(*) OVER (PARTITION BY grp) AS n FROM judged WHERE followed)\n` +
      `SELECT grp, NULL AS numerator, coalesce(max(n), 0) AS denominator, round(avg(days), ${decimals}) AS value\nFROM ranked WHERE position IN ((n + 1) / 2, (n + 2) / 2)${grouped(context)}\nORDER BY 1`
    );
  }
  const numerator = spec.metric === 'dead_end_rate' ? 'coalesce(sum(dead_end), 0)' : 'coalesce(sum(followed), 0)';
  const denominator = 'coalesce(sum(followed) + sum(dead_end), 0)';
  return (
    `WITH ${scopeCte(context)},\n${intents}\n` +
    `SELECT grp, ${numerator} AS numerator, ${denominator} AS denominator, ${valueSql(numerator, denominator, decimals)} AS value\nFROM judged${grouped(context)} ORDER BY 1`
  );
}

/**
 * Per HCP (and product, by product): the first engagement on the ladder in the period (earliest; at
 * the same instant the lower level) and the deepest level reached in the period. The key
 * at || level || channel sorts by time then level (times are fixed-width ISO text).
 */
function progression(context: Context): string {
  const { spec } = context;
  const byProduct = context.dimension === 'product';
  const hcpGrp = hcpGroup(context);
  const perHcp =
    `per_hcp AS (\n  SELECT s.hcp_row${byProduct ? ', i.product_id' : ''}${hcpGrp ? `, ${hcpGrp} AS hcp_grp` : ''},\n` +
    `    min(i.occurred_at || ${ladderLevelSql('i')} || i.channel) AS first_key, max(${ladderLevelSql('i')}) AS deepest\n` +
    `  FROM scope s ${periodJoin(context)}\n  WHERE ${ladderLevelSql('i')} IS NOT NULL AND ${notSentSql('i')}${eventFilters(context, 'i', { product: true, channel: false })}\n` +
    `  GROUP BY s.hcp_row${byProduct ? ', i.product_id' : ''}\n),\n` +
    `starts AS (\n  SELECT *, substr(first_key, 1, 24) AS first_at, CAST(substr(first_key, 25, 1) AS INTEGER) AS first_level, substr(first_key, 26) AS first_channel FROM per_hcp\n)`;
  let grp: string;
  switch (context.dimension) {
    case null:
      grp = 'NULL';
      break;
    case 'channel':
      grp = 'first_channel';
      break;
    case 'product':
      grp = "coalesce(product_id, '(none)')";
      break;
    case 'week':
      grp = weekSql('first_at');
      break;
    case 'month':
      grp = monthSql('first_at');
      break;
    default:
      grp = 'hcp_grp';
  }
  const channelFilter = spec.filters.channel ? `\n  AND first_channel = ${context.p.set('channel', spec.filters.channel)}` : '';
  const decimals = metricCatalog.cross_channel_progression.decimals;
  return (
    `WITH ${scopeCte(context)},\n${perHcp}\n` +
    `SELECT ${grp} AS grp, coalesce(sum(deepest > first_level), 0) AS numerator, count(*) AS denominator, ${valueSql('sum(deepest > first_level)', 'count(*)', decimals)} AS value\n` +
    `FROM starts WHERE first_level < 4${channelFilter}${grouped(context, '1')} ORDER BY 1`
  );
}

/** Recommendations in the period about HCPs in scope, each with its latest feedback verdict. */
function acceptance(context: Context): string {
  const { spec, p } = context;
  const channel = `json_extract(d.payload, '$.recommended.channel')`;
  const product = `json_extract(d.payload, '$.recommended.productId')`;
  const grp = groupOf(context, { channel: `coalesce(${channel}, '(none)')`, product, time: 'd.recorded_at' });
  const filters: string[] = [];
  if (spec.filters.product) filters.push(`${product} = ${p.set('product', spec.filters.product)}`);
  if (spec.filters.channel) filters.push(`${channel} = ${p.set('channel', spec.filters.channel)}`);
  const decimals = metricCatalog.nba_acceptance_rate.decimals;
  return (
    `WITH ${scopeCte(context)},\n` +
    `recommendations AS (\n  SELECT ${grp} AS grp,\n` +
    `    (SELECT json_extract(f.payload, '$.verdict') FROM decision_log f WHERE f.refers_to = d.id AND f.kind = 'feedback' AND f.recorded_at <= @asOf ORDER BY f.sequence DESC LIMIT 1) AS verdict\n` +
    `  FROM scope s JOIN decision_log d ON d.hcp_id = s.hcp_id AND d.kind = 'recommendation' AND d.recorded_at >= @from AND d.recorded_at < @to` +
    `${actorFilter(context, 'd.actor_id')}${filters.map((filter) => `\n    AND ${filter}`).join('')}${actorJoin(context, 'd.actor_id')}\n)\n` +
    `SELECT grp, coalesce(sum(verdict = 'accept'), 0) AS numerator, count(verdict) AS denominator, ${valueSql("sum(verdict = 'accept')", 'count(verdict)', decimals)} AS value\n` +
    `FROM recommendations${grouped(context)} ORDER BY 1`
  );
}

/**
 * Consent in force at the end of the period, replayed as currentConsents and consentGate do: the
 * latest record per (channel, purpose, product) up to then (ties: the higher id), a grant past its
 * expiry expired; of the all-products and the product's own state the later decides (ties: not
 * granted). Without a product only the all-products record counts (consentGate with no product).
 */
function consentCoverage(context: Context): string {
  const { spec, p } = context;
  if (context.dimension !== 'product' && spec.filters.product === undefined) return consentCoverageAllProducts(context);
  const byProduct = context.dimension === 'product' || spec.filters.product !== undefined;
  const byChannel = context.dimension === 'channel' || spec.filters.channel !== undefined;
  const products = spec.filters.product
    ? `(SELECT ${p.set('product', spec.filters.product)} AS id)`
    : context.dimension === 'product'
      ? '(SELECT id FROM products)'
      : null;
  const channelFilter = spec.filters.channel ? ` WHERE column1 = ${p.set('channel', spec.filters.channel)}` : '';
  const latest =
    `latest AS (\n  SELECT c.hcp_id, c.channel, c.product_id, c.recorded_at, c.expires_at,\n` +
    `    CASE WHEN c.status = 'granted' AND c.expires_at IS NOT NULL AND c.expires_at <= @at THEN 'expired' ELSE c.status END AS state,\n` +
    `    row_number() OVER (PARTITION BY c.hcp_id, c.channel, c.purpose, c.product_id ORDER BY c.recorded_at DESC, c.id DESC) AS position\n` +
    `  FROM scope s JOIN consents c ON c.hcp_id = s.hcp_id\n  JOIN channels ch ON ch.channel = c.channel AND ch.purpose = c.purpose\n` +
    `  WHERE c.recorded_at <= @at${byProduct ? '' : ' AND c.product_id IS NULL'}\n)`;
  const states =
    `states AS (\n  SELECT hcp_id, channel, product_id, state, CASE WHEN state = 'expired' THEN expires_at ELSE recorded_at END AS since FROM latest WHERE position = 1\n)`;
  // Per HCP, channel (and product): the deciding state.
  const deciding = products
    ? `deciding AS (\n  SELECT st.hcp_id, st.channel, pr.id AS product_id, st.state,\n` +
      `    row_number() OVER (PARTITION BY st.hcp_id, st.channel, pr.id ORDER BY st.since DESC, st.state = 'granted') AS position\n` +
      `  FROM states st JOIN ${products} pr ON st.product_id IS NULL OR st.product_id = pr.id\n)`
    : `deciding AS (SELECT hcp_id, channel, NULL AS product_id, state, 1 AS position FROM states)`;
  const covered =
    `covered AS (\n  SELECT DISTINCT d.hcp_id${byChannel ? ', d.channel' : ''}${products ? ', d.product_id' : ''} FROM deciding d JOIN channels ch ON ch.channel = d.channel\n` +
    `  WHERE d.position = 1 AND d.state = 'granted'${byChannel ? '' : " AND ch.purpose = 'promotional'"}\n)`;
  const decimals = metricCatalog.consent_coverage.decimals;
  const value = (num: string, den: string) => `${num} AS numerator, ${den} AS denominator, ${valueSql(num, den, decimals)} AS value`;
  const head = `WITH ${scopeCte(context)},\nchannels (channel, purpose) AS (SELECT column1, column2 FROM (${consentChannelsSql()})${channelFilter}),\n${latest},\n${states},\n${deciding},\n${covered}\n`;
  switch (context.dimension) {
    case 'channel':
      return `${head}SELECT ch.channel AS grp, ${value('(SELECT count(DISTINCT cv.hcp_id) FROM covered cv WHERE cv.channel = ch.channel)', '(SELECT count(*) FROM scope)')}\nFROM channels ch ORDER BY 1`;
    case 'product':
      return `${head}SELECT pr.id AS grp, ${value('(SELECT count(DISTINCT cv.hcp_id) FROM covered cv WHERE cv.product_id = pr.id)', '(SELECT count(*) FROM scope)')}\nFROM products pr ORDER BY 1`;
    default: {
      const grp = hcpGroup(context) ?? 'NULL';
      return `${head}SELECT ${grp} AS grp, ${value(`count(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM covered cv WHERE cv.hcp_id = s.hcp_id) THEN s.hcp_id END)`, 'count(DISTINCT s.hcp_id)')}\nFROM scope s${grouped(context, '1')} ORDER BY 1`;
    }
  }
}

/**
 * Consent coverage without a product: only the all-products records count, and the latest per
 * (HCP, channel, purpose) up to the end of the period decides: max(recorded_at || id) picks it (ties:
 * the higher id, as currentConsents keeps the later of two records at the same moment), and SQLite
 * reads status and expires_at from that row. Without a channel (dimension or filter) an HCP is
 * covered with promotional consent on at least one channel.
 */
function consentCoverageAllProducts(context: Context): string {
  const { spec, p } = context;
  const decimals = metricCatalog.consent_coverage.decimals;
  const granted = `status = 'granted' AND (expires_at IS NULL OR expires_at > @at)`;
  if (context.dimension === 'channel') {
    // Per HCP, one number whose bit n says "covered on the channel of bit n" (same one pass over the
    // HCP's records as below); then per channel, a count of the HCPs with its bit set. No sort of one
    // row per HCP and channel.
    const channelFilter = spec.filters.channel ? ` WHERE column1 = ${p.set('channel', spec.filters.channel)}` : '';
    const bits = `VALUES ${consentChannels.map(([channel, purpose], bit) => `('${channel}', '${purpose}', ${bit})`).join(', ')}`;
    // A record's bit (NULL for a channel and purpose that is not a consent channel: left out of the sum).
    const bitOf = `CASE ${consentChannels.map(([channel, purpose], bit) => `WHEN c.channel = '${channel}' AND c.purpose = '${purpose}' THEN ${bit}`).join(' ')} END `;
    return (
      `WITH ${scopeCte(context)},\nchannels (channel, purpose, bit) AS (SELECT column1, column2, column3 FROM (${bits})${channelFilter}),\n` +
      `per_hcp AS MATERIALIZED (\n  SELECT (SELECT sum(granted << bit) FROM (\n` +
      `      SELECT ${bitOf}AS bit, ${granted} AS granted, max(c.recorded_at || c.id) AS deciding\n` +
      `      FROM consents c\n      WHERE c.hcp_id = s.hcp_id AND c.recorded_at <= @at AND c.product_id IS NULL\n` +
      `      GROUP BY c.channel, c.purpose)) AS covered_bits\n  FROM scope s\n),\n` +
      `counted AS MATERIALIZED (\n  SELECT ch.channel, (SELECT coalesce(sum((covered_bits >> ch.bit) & 1), 0) FROM per_hcp) AS covered, (SELECT count(*) FROM per_hcp) AS hcps FROM channels ch\n)\n` +
      `SELECT channel AS grp, covered AS numerator, hcps AS denominator, ${valueSql('covered', 'hcps', decimals)} AS value\nFROM counted ORDER BY 1`
    );
  }
  // One row per HCP in scope, its records read in one pass from the covering index (hcp, channel,
  // purpose, time): no join, no sort. The unary + keeps SQLite from seeking channel by channel.
  const counted = spec.filters.channel
    ? `+c.channel = ${p.set('channel', spec.filters.channel)} AND (+c.channel, +c.purpose) IN (${consentChannelsSql()})`
    : `(+c.channel, +c.purpose) IN (${consentChannelsSql('promotional')})`;
  // counted aggregates per_hcp before the value is worked out: SQLite would otherwise copy the
  // subquery into each expression that reads `covered`, and run it once for each. GROUP BY +grp: by
  // territory, SQLite would read HCPs through the territory index to skip a sort of one row per HCP,
  // and that costs more than the sort.
  return (
    `WITH ${scopeCte(context)},\n` +
    `per_hcp AS (\n  SELECT ${hcpGroup(context) ?? 'NULL'} AS grp,\n    (SELECT max(granted) FROM (\n` +
    `      SELECT ${granted} AS granted, max(c.recorded_at || c.id) AS deciding\n` +
    `      FROM consents c WHERE c.hcp_id = s.hcp_id AND c.recorded_at <= @at AND c.product_id IS NULL AND ${counted}\n` +
    `      GROUP BY c.channel, c.purpose)) AS covered\n  FROM scope s\n),\n` +
    `counted AS (SELECT grp, coalesce(sum(covered), 0) AS covered, count(*) AS hcps FROM per_hcp${grouped(context, '+grp')})\n` +
    `SELECT grp, covered AS numerator, hcps AS denominator, ${valueSql('covered', 'hcps', decimals)} AS value\nFROM counted ORDER BY 1`
  );
}

/**
 * HCPs over a cap at some contact in the period. The NBA engine counts, at a moment, the outbound
 * contacts of the last 7 (30) days up to and including it (ages in whole days below 7, so less than
 * 7 days back) and flags more than the cap. Each outbound contact carries exactly that count, its
 * load (contacts_7_days, contacts_30_days: migration 10, kept true on every write by the repository,
 * src/store/contact-loads.ts; contacts from before the period count), so a contact took its HCP over
 * a cap when its load is above it: one pass over the period's contacts from the outbound index, no window.
 */
function overContacted(context: Context): string {
  const { spec, p } = context;
  const hcpGrp = hcpGroup(context, 's.');
  const decimals = metricCatalog.over_contacted.decimals;
  const over = `(i.contacts_7_days > ${p.set('cap7Days', spec.settings.caps.contacts7Days)} OR i.contacts_30_days > ${p.set('cap30Days', spec.settings.caps.contacts30Days)})`;
  const head =
    `WITH ${scopeCte(context)},\n` +
    `contacts AS (\n  SELECT s.hcp_row, ${hcpGrp ?? 'NULL'} AS hcp_grp, i.occurred_at AS at, ${over} AS over\n` +
    `  FROM scope s ${periodJoin(context)}\n  WHERE ${outboundContactSql('i')}\n)`;
  if (context.dimension === 'week' || context.dimension === 'month') {
    const grp = context.dimension === 'week' ? weekSql('at') : monthSql('at');
    return (
      `${head}\nSELECT ${grp} AS grp, count(DISTINCT CASE WHEN over THEN hcp_row END) AS numerator, count(DISTINCT hcp_row) AS denominator,\n` +
      `  ${valueSql('count(DISTINCT CASE WHEN over THEN hcp_row END)', 'count(DISTINCT hcp_row)', decimals)} AS value\nFROM contacts GROUP BY 1 ORDER BY 1`
    );
  }
  // Per HCP contacted in the period: over a cap at any of those contacts (rows arrive HCP by HCP: no sort).
  return (
    `${head},\nper_hcp AS (SELECT hcp_grp AS grp, max(over) AS over FROM contacts GROUP BY hcp_row)\n` +
    `SELECT grp, coalesce(sum(over), 0) AS numerator, count(*) AS denominator, ${valueSql('sum(over)', 'count(*)', decimals)} AS value FROM per_hcp${grouped(context)} ORDER BY 1`
  );
}

/** Medical questions in the period, answered (a reply or MSL meeting on the same product, after it) within the window. */
function medicalFollowUp(context: Context): string {
  const { spec, p } = context;
  const window = p.set('followUpWindow', `+${spec.settings.deadEndDays + 1} days`);
  const grp = groupOf(context, { channel: 'i.channel', product: 'i.product_id', time: 'i.occurred_at' });
  const decimals = metricCatalog.medical_follow_up_rate.decimals;
  return (
    `WITH ${scopeCte(context)},\n` +
    `questions AS MATERIALIZED (\n  SELECT ${grp} AS grp, i.occurred_at AS at,\n` +
    `    EXISTS (SELECT 1 FROM interactions f\n` +
    `      WHERE f.hcp_id = i.hcp_id AND f.occurred_at > i.occurred_at AND f.occurred_at <= ${shiftedIsoSql('i.occurred_at', window)} AND f.occurred_at <= @asOf\n` +
    `        AND f.product_id IS i.product_id AND ${medicalAnswerSql('f')}) AS answered\n` +
    `  FROM scope s ${periodJoin(context)}\n  WHERE ${medicalQuestionSql('i')}${eventFilters(context, 'i')}\n),\n` +
    `judged AS (SELECT grp, answered, NOT answered AND ${shiftedIsoSql('at', window)} <= @asOf AS unanswered FROM questions)\n` +
    `SELECT grp, coalesce(sum(answered), 0) AS numerator, coalesce(sum(answered) + sum(unanswered), 0) AS denominator, ${valueSql('sum(answered)', 'sum(answered) + sum(unanswered)', decimals)} AS value\n` +
    `FROM judged${grouped(context)} ORDER BY 1`
  );
}

/**
 * The statement for a spec. The spec must already be checked against the catalog (dimension and
 * filters supported: PerformanceMetrics does that and answers "unsupported" otherwise).
 */
export function buildMetricQuery(spec: MetricSpec): BuiltQuery {
  const p = new Parameters();
  p.set('from', spec.period.from);
  p.set('to', spec.period.to);
  p.set('asOf', spec.asOf);
  const meaning = metricCatalog[spec.metric].rep;
  const context: Context = { spec, p, dimension: spec.dimension };
  let sql: string;
  switch (spec.metric) {
    case 'reach':
    case 'frequency':
    case 'engagement_rate':
      sql = reachLike(context);
      break;
    case 'email_open_rate':
    case 'email_click_rate':
      sql = emailRate(context);
      break;
    case 'webinar_attendance':
      sql = webinarAttendance(context);
      break;
    case 'follow_up_rate':
    case 'median_time_to_follow_up':
    case 'dead_end_rate':
      sql = followUps(context);
      break;
    case 'cross_channel_progression':
      sql = progression(context);
      break;
    case 'nba_acceptance_rate':
      sql = acceptance(context);
      break;
    case 'consent_coverage':
      p.set('at', periodEnd(spec));
      sql = consentCoverage(context);
      break;
    case 'over_contacted':
      sql = overContacted(context);
      break;
    case 'medical_follow_up_rate':
      sql = medicalFollowUp(context);
      break;
  }
  // rep_map: the acting rep's territories (actor metrics by rep), or who may be an HCP's primary rep.
  if ((spec.dimension === 'rep' && meaning === 'actor') || ownerMode(context)) sql = `WITH ${REP_MAP},\n${sql.slice('WITH '.length)}`;
  return { sql, parameters: unusedRemoved(sql, p.values) };
}

/** Binding a named parameter the text does not use is an error in SQLite: keep only those used. */
function unusedRemoved(sql: string, values: Record<string, SqlParameter>): Record<string, SqlParameter> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => new RegExp(`@${name}\\b`).test(sql)));
}
