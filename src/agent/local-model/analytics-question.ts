/**
 * The local model's reading of medical-affairs and manager questions ("what are oncologists asking
 * about since the congress?", "how's the Northeast doing on follow-ups vs last quarter?", "which reps
 * have the most dead ends?"): which metric, broken down how, for which territory, specialty,
 * product and period. Rules, deterministic, like question-parser.ts.
 */
import { addDays } from '../../core/dates.ts';

/** The tools' period names this reading can produce (both tools know these). */
export type AnalyticsPeriod =
  | 'last_7_days'
  | 'last_14_days'
  | 'last_30_days'
  | 'last_60_days'
  | 'last_90_days'
  | 'last_180_days'
  | 'last_365_days'
  | 'this_month'
  | 'last_month'
  | 'this_quarter'
  | 'last_quarter'
  | 'year_to_date';

export interface AnalyticsReading {
  /** Territory ids the question names ("the Northeast" → T-NE…), from the territories the user may see. */
  territories: string[];
  /** "segment A", "tier-A HCPs". */
  segment: string | null;
  /** A rep the question names ("Taylor Brandt's follow-up rate") → their user id. */
  rep: string | null;
  /** A specialty word as the data spells it ("oncologists" → "oncology"). */
  specialty: string | null;
  /** A field-insight concern the question is about (safety signals → side effects). */
  concern: 'side effects' | 'safety' | 'dosing' | 'access' | 'competitors' | 'off-label' | 'positive feedback' | null;
  /** The period asked about; "vs last quarter" sets comparison, not the period. */
  period: AnalyticsPeriod | null;
  /** True when no period is named and `period` is only the length of the comparison ("vs last quarter"): a follow-up keeps the thread's period. */
  periodFromComparison: boolean;
  /** A calendar quarter named ("Q3", "Q1 2026"): its days, the latest such quarter that has started. */
  range: { from: string; to: string } | null;
  /** "since the congress": from the latest congress the user's HCPs attended (looked up by the model). */
  sinceCongress: boolean;
  /** Against what: a preset, or whole days ("september vs august" compares with august). */
  compare: 'previous_period' | 'previous_year' | 'none' | { from: string; to: string } | null;
  metric: MetricWord | null;
  dimension: 'territory' | 'rep' | 'product' | 'channel' | 'segment' | 'specialty' | 'week' | 'month' | null;
  /** "most", "top", "worst": rank the breakdown, highest first. */
  ranked: boolean;
  /** "top 5", "10 HCPs": how many to list. */
  top: number | null;
}

export type MetricWord =
  | 'reach'
  | 'frequency'
  | 'engagement_rate'
  | 'email_open_rate'
  | 'email_click_rate'
  | 'webinar_attendance'
  | 'follow_up_rate'
  | 'median_time_to_follow_up'
  | 'dead_end_rate'
  | 'cross_channel_progression'
  | 'nba_acceptance_rate'
  | 'consent_coverage'
  | 'over_contacted'
  | 'medical_follow_up_rate';

/** Longest, most specific first: "time to follow up" before "follow-up". */
const metricWords: [RegExp, MetricWord][] = [
  [/\bmed(ical)? (follow[- ]?ups?|f\/u)\b|\b(leave|left|leaving|keep|kept) (\w+ )?(hanging|waiting)\b.{0,30}\bmed(ical)?\b|\bmed(ical)? (is |are )?(answering|responding to|replying to|getting back on) (\w+ )?(inquir\w*|questions?|requests?)\b|\b(ignor\w*|neglect\w*|sitting on|sit on) (the |our )?med(ical)? (info(rmation)? )?(questions?|inquir(y|ies)|requests?)\b|\bfollow(ing|ed|s)? up on (the |our )?med(ical)? (info(rmation)? )?(questions?|inquir(y|ies)|requests?)\b|\bdrop\w* (the |our )?med(ical)? (questions?|requests?|inquir(y|ies))\b|\bmed(ical)? (questions?|requests?) (on the floor|unanswered)\b|\bmedical (info(rmation)? )?(questions?|inquir(y|ies)|requests?)\b.*\b(answered|followed|follow[- ]?up|clos\w*)|\bclos\w* (out |the loop on )?med(ical)? (info(rmation)? )?(questions?|inquir(y|ies)|requests?)|\b(answer(ing)?|respond(ing)? to|reply(ing)? to) (the )?med(ical)? (info(rmation)? )?(questions?|inquir(y|ies)|requests?)\b.{0,30}\b(fast|quick|slow|worst|best|most|least|rate|time)|\b(fast|quick|slow|worst|best|good|bad)\w* at (answer(ing)?|respond(ing)? to) (the )?med(ical)? (questions?|inquir(y|ies)|requests?)/, 'medical_follow_up_rate'],
  [/\btime from (\w+ ){0,2}to (a )?follow[- ]?ups?\b|\bdays[- ]to[- ](a[- ])?follow[- ]?ups?\b|\bmedian follow[- ]?up (days|time|lag|delay)\b|\bmedian (time|days|lag|delay)( (it takes )?(from|to|until|before) (\w+ ){0,3}(follow[- ]?ups?|respond|response))?\b|\b((time|days|hours|lag|delay) (it takes )?(to|until|before) (a )?(follow[- ]?up|respond|response)|how (fast|quickly|long|soon) .*follow|speed of follow[- ]?up|follow[- ]?up (speed|time|lag|delay))|\bhow (fast|quickly|long|soon)\b.{0,40}\b(get(ting)? back|respond|reply|reach(ing)? out)\b|\b(taking|take|takes|took) to (get back|respond|reply)\b/, 'median_time_to_follow_up'],
  [/\bdead[- ]?ends?\b|\bintent signals?\b.{0,30}\b(died|die|went (nowhere|cold|unanswered)|(with|got|get|had) no follow[- ]?up|never (got )?followed up)\b/, 'dead_end_rate'],
  [/\bfollow[- ]?ups?\b|\bfollowing up\b/, 'follow_up_rate'],
  [/\bopen rates?\b|\bemails? opened\b|\bopens\b|\bopen(s|ing)? (our|the|my|their) e-?mails?\b|\b(get|gets|got|getting|were|was|are|is|being) opened\b/, 'email_open_rate'],
  [/\bclick[- ]?(through|thru)\b|\bclick rates?\b|\bclicks\b|\bclicked\b|\bctrs?\b/, 'email_click_rate'],
  [/\bwebinars? (attendance|turnout|show[- ]?(up )?rates?|show[- ]?ups?|no[- ]?shows?)\b|\battend(ed|ing|ance)? (at )?(the |our |any |a )?webinars?\b|\bshow[- ]?(up )?rates?\b.{0,20}\bwebinars?\b|\b(showed|show|showing|turned|turn|turning) up (to|for|at) (the |our )?webinars?\b|\bwebinars?\b.{0,40}\b(attendance|turnout|turn[- ]?out|show[- ]?ups?|showed up|turned up|actually came|attended)\b|\b(attendance|turnout)\b.{0,30}\bwebinars?\b/, 'webinar_attendance'],
  [/\bconsent coverage\b|\b(how many|share|percent(age)?|proportion|what %|which|fraction)\b.{0,40}\b(let|lets|allow|allows|permit|permits) us (to )?(e-?mail|text|call|phone|ring|message|whatsapp|visit|contact|detail)\b|\bcoverage of (\w+ ){0,3}(consents?|opt[- ]?ins?)\b|\b(share|percent(age)?|proportion|how many|what %|fraction)\b.{0,30}\b(have|has|with|given|gave)\b.{0,25}\b(opt[- ]?ins?|opted[- ]?in)\b|\b(thin|thinn?est|weakest|lowest|worst|best|highest|strongest|poorest|patchiest)\b (\w+ )?(opt[- ]?ins?|consents?)\b|\bcoverage of (\w+ )?(consent|opt[- ]?ins?)\b|\bopt[- ]?in (coverage|rates?)\b|\bconsent rates?\b|\bconsent (gaps?|holes)\b|\bgaps? in (our )?consents?\b|\bconsent\b.{0,20}\b(where|what) are the gaps\b|\bconsents? (by|per) channel\b|\bhow (many|much) .*consent|(\b(share|percent(age)?|proportion)|%) of (our |my )?(hcps|doctors|physicians|docs)\b.*\bconsent|\b(what|which) (%|(percent(age)?|share|proportion|fraction)\b).{0,30}\b(opted?[- ]?in|consented|have (\w+ )?consent)\b|\bhow many (of )?(our |my |the )?(docs|hcps|doctors|physicians|prescribers) (have |has )?(opted?[- ]?in\w*|consented)\b|(\b(share|percent(age)?|proportion|fraction)\b|%) of (our |my |the )?[\w ]{0,40}\b(with|have|having|who(?:'ve| have)?|that have) (\w+ ){0,2}(consent(ed)?|opted?[- ]?in)\b/, 'consent_coverage'],
  [/\bover[- ]?(contact|messag|email|call|detail|touch)\w*|\bcarpet[- ]?bomb\w*|\bbombard\w*|\btoo (many|often|much) (contacts|touches|touchpoints|touch points|calls|emails|messages|outreach|visits)\b|\bfatigue\b|\bburn(ed|t|ing)? out\b|\bspamm\w*\b|\b(hammer|hound|bombard|pester|harass|smother|overwhelm|swamp|inundat|overload|drown|bury|burying|carpet[- ]?bomb)\w*\b|\bflooding\b|\btoo hard\b/, 'over_contacted'],
  [/\b(acceptance|accept) rate\b|\bacceptance\b|\bnba acceptance\b|\bacceptance of (the )?(nba|recommendations?|suggestions?)\b|\baccept(ed|ing)? (the )?(nba|recommendations?|suggestions?)\b|\b(nba|recommendations?|suggestions?) (are |were |being |get |got )?accepted\b|\bnba (adoption|uptake)\b|\b(taking|take|took|follow(ing)?|ignor(e|ing|ed)|us(e|ing)|act(ing)? on) (the |our |my )?(nba|next best action)s?( recs?| recommendations?| suggestions?)?\b|\b(taking|take|took|follow(ing)?|ignor(e|ing|ed)|act(ing)? on) (the |our |my )?(omni'?s |the system'?s )?(recs?|recommendations?|suggestions?)\b|\b(recs?|recommendations?|suggestions?|nbas?)\b.{0,30}\b(take|took|taking|takes|taken) up\b|\b(take|took|taking|takes) up (the |our |omni'?s )?(recs?|recommendations?|suggestions?|nbas?)\b|\b(accept(s|ed|ing)?|go(es|ing)? along with|went along with|agree(s|d)? with|take(s)?|took|follow(s|ed)?) (what|whatever) (omni|the system|the tool|the engine|it) (suggests|recommends|proposes|says|tells (her|him|them))\b/, 'nba_acceptance_rate'],
  [/\bprogression\b|\bdeeper engagement\b|\bengagement ladder\b|\bclimb(ed|s|ing)? (up )?(the|a) (\w+ )?ladder\b|\b(channel|engagement) ladder\b|\bmov(ed|e|ing) up (the|a) (\w+ )?ladder\b|\bmov(e|ing) (from|to) \w+ to\b/, 'cross_channel_progression'],
  [/\bengagement( rate)?\b|\bengag(ed|ing)\b/, 'engagement_rate'],
  [/\bfrequency\b|\bhow often\b|\b(contacts|touches|touchpoints|calls) per\b/, 'frequency'],
  // "reach by region", not "to reach the next stage" or "reach out".
  [/(?<!\bto )\breach\b(?! (out|the next|next))|\b(unique )?(hcps|docs|doctors|physicians) reached\b|\bhow many (hcps|docs|doctors|physicians) (has|have|did) (each|every|the|my|our|\w+) ?(rep|reps|team)? ?(reached|reach)\b|\bunique hcps\b|\b(how many|(what )?(%|percent(age)?|share|proportion)) (of (our |my |the )?)?(hcps|doctors|physicians|docs) (did|have) (we|the team|my team|each \w+|every \w+|the reps?|reps)\b.{0,16}\b(reach|contact|touch|see|saw|call)/, 'reach'],
];

const dimensionWords: [RegExp, NonNullable<AnalyticsReading['dimension']>][] = [
  // "phone opt-in coverage: A vs B vs C vs D": segments side by side.
  [/\b[a-d] (vs\.?|versus) [a-d]\b|\ba (through|thru|to) d\b|\ba ?\/ ?b ?\/ ?c( ?\/ ?d)?\b|\ba, ?b, ?c,? (and |& )?d\b/, 'segment'],
  // "segment view of hcps we're over-contacting", "each of my territories".
  [/\b(segment|segments)[- ](view|split|breakdown|level|wise)\b|\beach of (my|our|the) segments\b|\b(which|any|what|by|per|each|every) segments?\b/, 'segment'],
  [/\beach of (my|our|the) (territor(y|ies)|regions?)\b|\b(territory|territories|region|regional) comparison\b|\b(compare[sd]?|comparison|differ\w*|vary|varies) (\w+ ){0,2}across (the |our |all |my )?(territories|regions)\b/, 'territory'],
  [/\beach of (my|our|the) reps\b|\brep (league|leaderboard|ranking)\b|\bleague table\b|\b(rank|sort|order|list) (the |my |our )?reps\b|\breps (ranked|sorted|ordered)\b/, 'rep'],
  // "email vs msl meetings vs the rest": channels side by side (before "vs the rest", which compares reps).
  [/\b(e-?mail|msl meetings?|visits?|phone|webinars?|whatsapp|sms|remote details?)s? (vs\.?|versus) (e-?mail|msl meetings?|visits?|phone|webinars?|whatsapp|sms|remote details?|the rest|everything else)\b/, 'channel'],
  [/\b(which|what|by|per|each|every|top|worst|best|bottom|lowest|highest|my) reps?\b|\breps? (with|have|had|on)\b|\bby rep\b|\b(best|worst|top|bottom) rep\b|\bwho on (my|the|our) team\b|\bwho('?s| is) (killing|crushing|nailing|lagging|slacking|behind|ahead)\b|\bwho(s|'s| is)? (the )?(worst|best|lowest|highest|top|bottom|weakest|strongest)\b|\b(rest of the team|other reps|team average|against (the|my) team|(compared|relative) (to|with) (the |my )?(team|peers)|vs\.? (everyone|everybody|the others|the rest)( else)?)\b|\brep[- ](level|wise|split|breakdown)\b|\bper[- ]rep\b|\b(breakdown|split|break( it| that)? down|slice it|group it) (to|by|into|per|on) reps?\b|\b(show|list|name|find) (me )?(the )?reps\b|\bthe reps (who|that|letting|lagging|slacking|falling|slipping|not)\b/, 'rep'],
  [/\b(by|per|each|every|which|worst|best|top|bottom|lowest|highest|weakest|strongest) (the )?(territor(y|ies)|regions?|areas?)\b|\b(territory|region)[- ](split|wise|level|breakdown)\b|\bregional(ly)?\b|\bthe (territor(y|ies)|regions?) (lagging|leading|trailing|doing|with|that|where|falling)\b|\b(territory|region)(-by-(territory|region)| by (territory|region))\b|^\W*(territory|region) (engagement|reach|frequency|follow|dead|open|click|webinar|consent|nba|acceptance|med)/, 'territory'],
  [/\b(by|per|each|every|which|worst|best|top|bottom|lowest|highest|weakest|strongest) (the )?(product|brand)('?s)?\b|\b(brand|product) (split|breakdown|level|view|mix)\b|\bsplit by (brand|product)\b|\b(product|brand)s? with the (weakest|worst|best|lowest|highest|strongest|most|least)\b|\b(product|brand)[- ]wise\b/, 'product'],
  [/\b(by|per|each|every|which|worst|best|top|bottom|lowest|highest) (the )?channels?\b|\bchannel (breakdown|split|view|mix)\b|\b(by|per) (inquiry|request|contact|engagement|outreach) channels?\b/, 'channel'],
  [/\b(by|per|each|every|which|worst|best|top|bottom|lowest|highest) (the )?((hcp|doc|customer|account) )?segments?\b|\bsegment (breakdown|split|level)\b/, 'segment'],
  [/\b(by|per|each|every|which|worst|best|top|bottom|lowest|highest) (the |doc |hcp )?specialt(y|ies)\b|\b(the|our|across) specialties\b|\bspecialty[- ](wise|split|breakdown|view|level)\b|\b(breakdown|split|break( it| that)? down|slice it|group it) (to|by|into|per|on) specialt(y|ies)\b/, 'specialty'],
  [/\b(by|per|each|every) month\b|\bmonthly\b|\bmonth by month\b|\bmonth over month\b/, 'month'],
  [/\b(by|per|each|every) week\b|\bweekly\b|\bweek by week\b|\bweek[- ]over[- ]week\b|\bwow\b|\bw\/w\b|\btrend\b/, 'week'],
];

const concernWords: [RegExp, NonNullable<AnalyticsReading['concern']>][] = [
  [/\b(safety signals?|adverse (events?|reactions?)|side[- ]effects?|\baes?\b|pharmacovigilance|pv|reactions? (in|to))\b/, 'side effects'],
  [/\bsafety\b/, 'safety'],
  [/\bdos(e|es|ing)\b/, 'dosing'],
  [/\b(access|reimbursement|prior auth(ori[sz]ations?)?|payers?|formulary|coverage (issues?|problems?|denials?|gaps?)|(insurance|coverage|claim) denials?)\b/, 'access'],
  [/\bcompetit(or|ors|ion|ive)\b|\bcompeting (drugs?|products?|brands?|therap\w*|agents?)\b|\brivals?\b/, 'competitors'],
  [/\boff[- ]label\b/, 'off-label'],
  [/\b(positive|good|nice|kind|favou?rable) (feedback|experience|stuff|news|things|remarks|comments|words|reactions|sentiment)\b|\bpraise\b|\bany(thing)? positive\b/, 'positive feedback'],
];

/** "what's dragging it down", "where are we weakest": the dimensions holding the maturity stage down, first. */
export const ASKS_WEAKEST = /\b(shortfall\w*|short ?coming\w*|largest gap|biggest gap|drag\w*|hold\w* (us|it|the \w+) back|weak\w*|worst|lowest|gaps?|behind|lagging|fix first|improve|next (stage|level)|why (so |is it |are we )?(low|fragmented|behind)|what'?s wrong|pull\w* (us|it) down|bottleneck\w*)\b/;

/** Reads the analytics parts of a question (lower-cased, padded text as question-parser makes it). */
/**
 * Every metric a question names, in the order it names them ("follow-up rate by rep and also consent
 * coverage": two). Each match is blanked before the next pattern looks, so "time to follow up" is not also "follow-up".
 */
export function metricsNamed(text: string): MetricWord[] {
  let rest = text;
  const found: { metric: MetricWord; at: number }[] = [];
  for (const [pattern, metric] of metricWords) {
    const match = new RegExp(pattern.source, 'g');
    for (const hit of rest.matchAll(match)) {
      if (!found.some((entry) => entry.metric === metric)) found.push({ metric, at: hit.index });
      rest = rest.slice(0, hit.index) + ' '.repeat(hit[0].length) + rest.slice(hit.index + hit[0].length);
    }
  }
  // "how often are recommendations accepted": how often something happens is that metric, not contact frequency.
  const frequencyAsked = /\bfrequency\b|\b(contacts|touches|touchpoints|calls) per\b/.test(text);
  const named = found.length > 1 && !frequencyAsked ? found.filter((entry) => entry.metric !== 'frequency') : found;
  return named.sort((a, b) => a.at - b.at).map((entry) => entry.metric);
}

export function readAnalyticsQuestion(
  text: string,
  names: { territoryNames: ReadonlyMap<string, readonly string[]>; repNames: ReadonlyMap<string, string>; teamReps?: ReadonlySet<string>; products?: ReadonlyMap<string, string> },
  today?: string,
): AnalyticsReading {
  // "quarter-to-date", "month-to-date": the same words as without hyphens.
  const parts = readParts(text.replace(/\b(quarter|qtr|month|year|week)-to-date\b/g, '$1 to date'), names, today);
  // "split by segment A to D": a breakdown by segment, so no one segment is a filter.
  const reading = parts.dimension === 'segment' && parts.segment ? { ...parts, segment: null } : parts;
  // "in october" when October is last month: the named period, which reads better than its days.
  if (!today || !reading.range) return reading;
  if (reading.period === 'year_to_date' && reading.range.from === `${today.slice(0, 4)}-01-01`) return { ...reading, range: null };
  if (reading.period) return reading;
  const lastMonthEnd = addDays(`${today.slice(0, 8)}01T00:00:00Z`, -1).slice(0, 10);
  if (reading.range.from === `${lastMonthEnd.slice(0, 8)}01` && reading.range.to === lastMonthEnd) return { ...reading, range: null, period: 'last_month' };
  // "since january": the year to date, which reads better than its days.
  if (reading.range.from === `${today.slice(0, 4)}-01-01` && reading.range.to === today.slice(0, 10)) return { ...reading, range: null, period: 'year_to_date' };
  return reading;
}

function readParts(
  text: string,
  names: { territoryNames: ReadonlyMap<string, readonly string[]>; repNames: ReadonlyMap<string, string>; teamReps?: ReadonlySet<string>; products?: ReadonlyMap<string, string> },
  today?: string,
): AnalyticsReading {
  // "september vs august", "q3 vs q2": read once, the first named period against the second.
  const quarters = today ? quartersCompared(text, today) : null;
  const compared = (today ? monthsCompared(text, today) : null) ?? quarters;
  return {
    territories: findTerritories(text, names.territoryNames),
    rep: findRep(text, names.repNames, names.teamReps),
    // "segment A", "seg b", "tier-A", "just the A docs".
    segment: /\bseg(?:ment)? ([a-d])\b|\b([a-d])[- ]seg(?:ment)?\b|\btier[- ]?([a-d])\b|\b(?:the|to|only|just|on|my|our|which|any|all|those|these) ([a-d])[- ](?:docs?|hcps?|accounts?|physicians?|doctors?|targets?|list|tier)\b|\b([b-d])[- ](?:docs|hcps|accounts|physicians|doctors|targets|tier)\b|\b([a-d])-tier\b|\b(?:top|first|best) (?:\d{1,2}|three|five|ten) ([a-d])[- ](?:docs?|hcps?|accounts?|physicians?|doctors?|targets?)\b|^\W*([a-d]) (?:docs|hcps|accounts|physicians|doctors|targets|tier)\b/.exec(text)?.slice(1).find(Boolean)?.toUpperCase() ?? null,
    specialty: findSpecialty(text),
    concern: firstMatch(concernWords, text),
    period: quarters ? null : ((today ? quarterNamed(text, today) ?? thisYearNamed(text, today) : null) ?? findPeriod(text)),
    periodFromComparison: namedPeriod(text.replace(COMPARED, ' ')) === null && findPeriod(text) !== null,
    range: today && (!quarterNamed(text, today) || quarters) ? (compared?.[0] ?? quarterRange(text.replace(/\b(vs\.?|versus|against|compared? (to|with)|relative to) q[1-4]\b.*$/, ' '), today) ?? namedRange(text, today) ?? daysRange(text, today) ?? sinceMonth(text, today)) : null,
    sinceCongress: /\bsince (the )?(congress|conference|symposium)\b/.test(text),
    compare: compared?.[1] ?? (today ? versusMonth(text, today) : null) ?? (/\bno comparison\b|\bwithout (a |the |any )?comparison\b|\bjust the (number|figure|rate)\b|\bdon'?t compare\b/.test(text)
      ? 'none'
      : /\b(vs\.?|versus|compared (to|with)|against|than) (the )?(same (period|time|quarter|month) )?(last|previous|prior) (year|yr)\b|\b(vs\.?|versus|against|compared? (to|with)) (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? 20\d\d\b|\b(vs\.?|versus|compared (to|with)|against) (a|one) year (ago|before|earlier)\b|\b(vs\.?|versus|against) q[1-4] (last (year|yr)|20\d\d)\b|\byear[- ]over[- ]year\b|\byoy\b|\bsame (period|stretch|time|months?|weeks?|quarter|qtr|window|\d{1,3} days|\d{1,2} (weeks|months)) (of |in )?(a year ago|last (year|yr))\b|\b(this|that) time (last|a) (year|yr)( ago)?\b|\b(compared? (to|with)|vs\.?|versus|against) (20\d\d)\b|\ba year (earlier|before|back|ago)\b|\bcompare (it|that|this|them|those)? ?(to|with) (the )?(last|previous|prior) (year|yr)\b|\bthis (year|yr) (vs\.?|versus|compared (to|with)|against) (last|the last|previous|prior)\b|\b(compared?|vs\.?|versus|against) (it |that |this )?(to |with )?(the same )?(\w+ )?(last|a) (year|yr)( ago)?\b/.test(text)
      ? 'previous_year'
      : /\b(vs\.?|versus|compared? (to|with)|against|than|from) (the )?(last|previous|prior) (quarter|month|week|period|year)\b|\bthe (quarter|month|week|period) before\b|\b(compared? (to|with)|vs\.?|versus|against) (the )?(prior|previous|preceding) (\d+|period|stretch|window)\b|\bthe (\d+ ?(d|days?|wks?|weeks?|months?)|stretch|window) before (that|this|it)\b|\b(trend|changed?|better|worse|improv(ed|ing)|declin(ed|ing))\b/.test(text)
        ? 'previous_period'
        : null),
    metric: firstMatch(metricWords, text),
    dimension:
      firstMatch(dimensionWords, text) ??
      (findTerritories(text, names.territoryNames).length > 1 && /\b(compare|vs\.?|versus|against|and)\b/.test(text) ? 'territory' : null) ??
      (teamRepsNamed(text, names.repNames, names.teamReps).length > 1 ? 'rep' : null) ??
      (names.products && countProducts(text, names.products) > 1 && /\b(compare|vs\.?|versus|against)\b/.test(text) ? 'product' : null),
    ranked: /\b(most|top|highest|worst|best|lowest|least|fewest|rank(ed|ing)?)\b/.test(text),
    top: listSize(text),
  };
}

/** "Q4" in the fourth quarter is this quarter, "Q3" then is last quarter: the named periods, which read better. */
function quarterNamed(text: string, today: string): AnalyticsPeriod | null {
  const range = quarterRange(text.replace(COMPARED, ' ').replace(/\b(vs\.?|versus|against|compared? (to|with)|relative to) q[1-4]\b.*$/, ' '), today);
  if (!range) return null;
  const month = Number(today.slice(5, 7));
  const year = Number(today.slice(0, 4));
  const current = Math.floor((month - 1) / 3);
  const quarterStart = (index: number) => {
    const y = index < 0 ? year - 1 : year;
    const q = (index + 4) % 4;
    return `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  };
  if (range.from === quarterStart(current)) return 'this_quarter';
  if (range.from === quarterStart(current - 1)) return 'last_quarter';
  return null;
}

/** "Q3", "q1 2026", "Q2'25": that quarter's days up to today; without a year, the latest Q3 that has started. */
function quarterRange(text: string, today: string): { from: string; to: string } | null {
  const match = /\bq([1-4])(?:\s*'?(20\d\d|\d\d))?\b/.exec(text);
  if (!match) return null;
  const quarter = Number(match[1]);
  const now = today.slice(0, 10);
  let year = match[2] ? Number(match[2].length === 2 ? `20${match[2]}` : match[2]) : Number(now.slice(0, 4));
  const start = (y: number) => `${y}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  if (!match[2] && start(year) > now) year -= 1;
  const from = start(year);
  if (from > now) return null;
  const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  return { from, to: end < now ? end : now };
}

const MONTH_PATTERN = '(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)';

/** A whole month by number, this year or last year while it is still ahead, to today at most. */
function monthRange(number: number, today: string): { from: string; to: string } | null {
  const now = today.slice(0, 10);
  const year = Number(now.slice(0, 4)) - (number > Number(now.slice(5, 7)) ? 1 : 0);
  const from = `${year}-${String(number).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
  return from > now ? null : { from, to: last < now ? last : now };
}

/** "did it improve from Q2 to Q3": the later quarter's days, and the earlier's to compare with. */
function quartersCompared(text: string, today: string): [{ from: string; to: string }, { from: string; to: string }] | null {
  const pair = /\bfrom (q[1-4])(?:\s*'?(?:20\d\d|\d\d))? (?:to|into|through|->|→) (q[1-4])(?:\s*'?(?:20\d\d|\d\d))?\b/.exec(text);
  if (pair) {
    const earlier = quarterRange(pair[1]!, today);
    const later = quarterRange(pair[2]!, today);
    return earlier && later && earlier.from < later.from ? [later, earlier] : null;
  }
  // "q3 vs q2": the first against the second, each this year's (last year's while still ahead).
  const against = /\b(q[1-4]) (?:vs\.?|versus|against|compared (?:to|with)|over) (q[1-4])\b(?!\s*'?(?:20\d\d|\d\d)|\s+(?:last|previous|prior) (?:year|yr))/.exec(text);
  if (!against) return null;
  const first = quarterRange(against[1]!, today);
  const second = quarterRange(against[2]!, today);
  return first && second && first.from !== second.from ? [first, second] : null;
}

/** "compare september with august", "oct vs sept": the first month's days, and the second's to compare with. */
function monthsCompared(text: string, today: string): [{ from: string; to: string }, { from: string; to: string }] | null {
  const pair = new RegExp(`\\b(?:(?:in|for) )?${MONTH_PATTERN}\\b,? (?:vs\\.?|versus|against|compared (?:to|with)|with|to|and)(?: (?:in|for))? ${MONTH_PATTERN}\\b(?! \\d)`).exec(text) ?? new RegExp(`\\b(?:in|for|during) ${MONTH_PATTERN}\\b.{0,25}\\bcompar\\w* (?:to|with|against) ${MONTH_PATTERN}\\b(?! \\d)`).exec(text);
  if (!pair || !/\b(compar\w*|vs\.?|versus|against)\b/.test(text)) return null;
  // "october vs october last year": one month against itself a year before, a comparison readParts reads as the previous year.
  if (pair[1]!.slice(0, 3) === pair[2]!.slice(0, 3)) return null;
  const first = monthRange(MONTH_NAMES.indexOf(pair[1]!.slice(0, 3)) + 1, today);
  const second = monthRange(MONTH_NAMES.indexOf(pair[2]!.slice(0, 3)) + 1, today);
  return first && second ? [first, second] : null;
}

/** "vs september" (one month only, the other the question's period): that month to compare with. */
function versusMonth(text: string, today: string): { from: string; to: string } | null {
  // "compared with Q2" alone (the question's own period being another quarter): that quarter.
  const quarter = /^\W*(?:(?:and|ok|now|so)\W+)?(?:vs\.?|versus|against|compared? (?:to|with)|relative to) (q[1-4])\b\W*$/.exec(text.trim());
  if (quarter) return quarterRange(quarter[1]!, today);
  const match = new RegExp(`\\b(?:vs\\.?|versus|against|compared? (?:to|with)|relative to) (?:the same (?:month )?in |in )?${MONTH_PATTERN}\\b(?! \\d)(?! (?:last|a) (?:year|yr))`).exec(text);
  return match ? monthRange(MONTH_NAMES.indexOf(match[1]!.slice(0, 3)) + 1, today) : null;
}

/** "H1", "in october", "between oct 1 and oct 31": a range of days this year (last year when still ahead), to today at most. */
function namedRange(text: string, today: string): { from: string; to: string } | null {
  const now = today.slice(0, 10);
  const thisYear = Number(now.slice(0, 4));
  const clip = (range: { from: string; to: string }) => (range.from > now ? null : { from: range.from, to: range.to < now ? range.to : now });
  const half = /\bh([12])(?:\s*'?(20\d\d|\d\d))?\b/.exec(text);
  if (half) {
    let year = half[2] ? Number(half[2].length === 2 ? `20${half[2]}` : half[2]) : thisYear;
    if (!half[2] && half[1] === '2' && `${year}-07-01` > now) year -= 1;
    return clip(half[1] === '1' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` });
  }
  const month = '(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)';
  const monthNumber = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3)) + 1;
  const yearOf = (number: number) => thisYear - (number > Number(now.slice(5, 7)) ? 1 : 0);
  const iso = (number: number, dayOfMonth: number) => `${yearOf(number)}-${String(number).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const between = new RegExp(`\\b(?:between|from) ${month} (\\d{1,2})(?:st|nd|rd|th)? (?:and|to|-|through|thru) (?:${month} )?(\\d{1,2})(?:st|nd|rd|th)?\\b`).exec(text);
  if (between) {
    const start = monthNumber(between[1]!);
    const end = between[3] ? monthNumber(between[3]) : start;
    return clip({ from: iso(start, Number(between[2])), to: iso(end, Number(between[4])) });
  }
  // "between 10/1 and 11/15", "from 9/15 to 10/31": month/day as written in the US.
  const numeric = /\b(?:between|from) (\d{1,2})\/(\d{1,2}) (?:and|to|-|through|thru) (\d{1,2})\/(\d{1,2})\b/.exec(text);
  if (numeric) {
    const [start, startDay, end, endDay] = numeric.slice(1).map(Number) as [number, number, number, number];
    if (start >= 1 && start <= 12 && end >= 1 && end <= 12) return clip({ from: iso(start, startDay), to: iso(end, endDay) });
  }
  // "from may to june", "between july and september": whole months.
  const months = new RegExp(`\\b(?:from|between) ${month} (?:to|through|thru|till|until|-|and) ${month}\\b(?! \\d)`).exec(text);
  if (months) {
    const start = monthRange(monthNumber(months[1]!), today);
    const end = monthRange(monthNumber(months[2]!), today);
    if (start && end && start.from <= end.from) return { from: start.from, to: end.to };
  }
  // "the first two weeks of november", "the second half of october", "the last week of october".
  const part = new RegExp(`\\b(?:the )?(first|last|second|final) (?:(two|2|three|3|one|1) )?(weeks?|half|fortnight) of ${month}\\b`).exec(text);
  if (part) {
    const range = monthRange(monthNumber(part[4]!), today);
    if (range) {
      const lastDay = new Date(Date.UTC(Number(range.from.slice(0, 4)), Number(range.from.slice(5, 7)), 0)).getUTCDate();
      const days = part[3] === 'half' ? Math.ceil(lastDay / 2) : part[3] === 'fortnight' ? 14 : 7 * (NUMBER_WORDS[part[2] ?? 'one'] ?? Number(part[2] ?? 1));
      const fromStart = part[1] === 'first';
      const from = fromStart ? 1 : Math.max(1, lastDay - days + 1);
      const to = fromStart ? Math.min(days, lastDay) : lastDay;
      const day = (value: number) => `${range.from.slice(0, 8)}${String(value).padStart(2, '0')}`;
      return clip({ from: day(from), to: day(to) });
    }
  }
  // "july–september", "july to september": whole months, the first to the last.
  const span = new RegExp(`\\b${month}\\s*(?:–|—|-|to|through|thru)\\s*${month}\\b(?! \\d)`).exec(text);
  if (span) {
    const start = monthRange(monthNumber(span[1]!), today);
    const end = monthRange(monthNumber(span[2]!), today);
    if (start && end && start.from <= end.from) return { from: start.from, to: end.to };
  }
  // "for full year 2025", "in 2025": a past calendar year.
  const pastYear = /\b(?:full[- ]year|fy|calendar year|for|in|during|across|of|over) (20\d\d)\b(?! (?:q[1-4]|h[12]))/.exec(text);
  if (pastYear && Number(pastYear[1]) < thisYear && !new RegExp(`\\b${month}\\.? ${pastYear[1]}\\b`).test(text)) return { from: `${pastYear[1]}-01-01`, to: `${pastYear[1]}-12-31` };
  const whole = new RegExp(`\\b${month}(?:'s|’s)\\b|\\b(?:in|during|for|over|across) (?:the month of )?${month}\\b(?! \\d)|^\\W*(?:(?:and|ok|okay|now|what about|how about|same for)\\W+)*${month}\\W*(?:instead|too|then|for (?:contrast|comparison|reference))?\\W*$|\\b(?:my|our|the) ${month} (?:notes|numbers|figures|data|activity|themes|calls|visits)\\b`).exec(text);
  if (whole) {
    return monthRange(monthNumber((whole[1] ?? whole[2] ?? whole[3] ?? whole[4])!), today);
  }
  return null;
}

/** Number words people type ("past six weeks", "number four"). */
export const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90 };

/** "last 45 days", "past 6 wks", "previous six weeks" when no preset period has that length: from that day to today. */
function daysRange(text: string, today: string): { from: string; to: string } | null {
  const days = spanDays(text);
  if (days === null || PRESET_DAYS[days] || days < 1 || days > 730) return null;
  const now = new Date(today.slice(0, 10));
  return { from: new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: today.slice(0, 10) };
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "since october", "from sept on": from the first of that month (this year, else last year) to today. */
function sinceMonth(text: string, today: string): { from: string; to: string } | null {
  // "since 10/1" (US month/day): from that day of this year, or last year's when it is still ahead.
  const numeric = /\b(?:since|from|starting) (\d{1,2})\/(\d{1,2})\b(?!\/)/.exec(text);
  if (numeric && Number(numeric[1]) >= 1 && Number(numeric[1]) <= 12 && Number(numeric[2]) >= 1 && Number(numeric[2]) <= 31) {
    const from = `${today.slice(0, 4)}-${numeric[1]!.padStart(2, '0')}-${numeric[2]!.padStart(2, '0')}`;
    return { from: from > today.slice(0, 10) ? `${Number(today.slice(0, 4)) - 1}${from.slice(4)}` : from, to: today.slice(0, 10) };
  }
  const holiday = sinceHoliday(text, today);
  if (holiday) return holiday;
  // "since september", "since 1 september", "since sept 15th", "from the 1st of october".
  const match = /\b(?:since|from|starting) (?:the (?:start|beginning) of )?(?:(?:the )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?)?(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\b(?: (\d{1,2})(?:st|nd|rd|th)?\b)?/.exec(text);
  if (!match) return null;
  const month = MONTH_NAMES.indexOf(match[2]!.slice(0, 3)) + 1;
  const day = Math.min(Math.max(Number(match[1] ?? match[3] ?? 1), 1), 28);
  const year = Number(today.slice(0, 4)) - (month > Number(today.slice(5, 7)) ? 1 : 0);
  return { from: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, to: today.slice(0, 10) };
}

/** The holidays people date things from or to ("since labor day", "till after thanksgiving"), each with its date in a year. */
const HOLIDAYS: [RegExp, (year: number) => string][] = [
  [/\blabou?r day\b/, (year) => nthWeekday(year, 9, 1, 1)],
  [/\bmemorial day\b/, (year) => lastWeekday(year, 5, 1)],
  [/\b(july 4th|4th of july|fourth of july|independence day)\b/, (year) => `${year}-07-04`],
  [/\bthanksgiving\b/, (year) => nthWeekday(year, 11, 4, 4)],
  [/\bhalloween\b/, (year) => `${year}-10-31`],
  [/\b(christmas|xmas)\b/, (year) => `${year}-12-25`],
  [/\bboxing day\b/, (year) => `${year}-12-26`],
];

/** The date (YYYY-MM-DD) in `year` of the holiday `text` names first, or null. */
export function holidayIn(text: string, year: number): string | null {
  return HOLIDAYS.find(([pattern]) => pattern.test(text))?.[1](year) ?? null;
}

/** The n-th `weekday` (0 Sunday … 6 Saturday) of a month, as a date. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return new Date(Date.UTC(year, month - 1, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1))).toISOString().slice(0, 10);
}

/** The last `weekday` of a month, as a date. */
function lastWeekday(year: number, month: number, weekday: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  return new Date(Date.UTC(year, month - 1, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7))).toISOString().slice(0, 10);
}

/** "since labor day": from this year's holiday, or last year's when this year's is still ahead. */
function sinceHoliday(text: string, today: string): { from: string; to: string } | null {
  const since = /\b(?:since|from|starting|after) (.{3,25})/.exec(text);
  if (!since) return null;
  const year = Number(today.slice(0, 4));
  const thisYear = holidayIn(since[1]!, year);
  if (!thisYear) return null;
  return { from: thisYear > today.slice(0, 10) ? holidayIn(since[1]!, year - 1)! : thisYear, to: today.slice(0, 10) };
}

/** "top 5", "my top ten", "5 hcps", "a list of 20": between 1 and 50. */
function listSize(text: string): number | null {
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, twenty: 20, fifteen: 15 };
  // "cut that down to the two most important", "trim it to 3".
  const cut = /\b(?:cut|trim|limit|narrow|keep|bring|pare|whittle|shrink)(?: it| that| this| them| those| the list)?(?: down| back)? to (?:the |just |only )?(?:top |best |first )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b(?! ?(?:days?|weeks?|months?|%))/.exec(text);
  const cutTo = cut ? (words[cut[1]!] ?? Number(cut[1])) : 0;
  if (cutTo >= 1 && cutTo <= 50) return cutTo;
  // "3 approved gilenya pieces", "two medical responses on xeljanz": a count at the start of the ask.
  const leading = /^\W*(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:approved |medical |promotional |more )*(?:[a-z]+ ){0,2}(?:pieces?|modules?|responses?|items?|materials?|options?|docs?|hcps?|names?|doctors?|accounts?)\b/.exec(text.trim());
  const leadingCount = leading ? (words[leading[1]!] ?? Number(leading[1])) : 0;
  if (leadingCount >= 1 && leadingCount <= 50) return leadingCount;
  // "give me 15", "keep just five", "only 5 please".
  const kept = /\b(?:give me|keep|show me|just|only)(?: just| only| the top| the first| me)? (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b(?! ?(?:days?|d|weeks?|wks?|months?|mins?|minutes?|hours?|%|percent|themes?|reps?|products?|territor\w*|regions?|times?|contacts?|emails?|calls?|visits?|years?))/.exec(text);
  const keptTo = kept ? (words[kept[1]!] ?? Number(kept[1])) : 0;
  if (keptTo >= 1 && keptTo <= 50) return keptTo;
  // "limit 2", "cap it at 5", "max of 3".
  const capped = /\b(?:limit|max|maximum|cap(?: it| that| them| the list)?(?: at)?|no more than|at most) (?:to |of |at )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b(?! ?(?:days?|d|weeks?|wks?|months?|hours?|mins?|minutes?|%|percent|contacts?|touch\w*|calls?|emails?|messages?|times?))/.exec(text);
  const cappedAt = capped ? (words[capped[1]!] ?? Number(capped[1])) : 0;
  if (cappedAt >= 1 && cappedAt <= 50) return cappedAt;
  // "i only have time for 4", "room for three", "can only fit 5 in".
  const room = /\b(?:time|room|space|capacity) for (?:only |just )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b(?! ?(?:days?|weeks?|months?|hours?|mins?|minutes?|%))|\b(?:can|could) (?:only |just )?(?:see|fit|manage|do|squeeze) (?:in )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b(?! ?(?:days?|weeks?|months?|hours?|mins?|minutes?|%))/.exec(text);
  const roomFor = room ? (words[room[1] ?? room[2]!] ?? Number(room[1] ?? room[2])) : 0;
  if (roomFor >= 1 && roomFor <= 50) return roomFor;
  // "only the three biggest", "the 5 largest themes", "the two most important".
  const biggest = /\b(?:the )?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) (?:biggest|largest|main|most common|leading|loudest|top|most important|most urgent|most pressing|highest[- ]priority|highest[- ]ranked|best)\b/.exec(text);
  if (biggest) return words[biggest[1]!] ?? Number(biggest[1]);
  // "a shortlist of 6", "a list of ten".
  const listOf = /\b(?:short ?list|list|ranking|top) of (\d{1,2}|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b(?! ?(?:days?|weeks?|months?|%))/.exec(text);
  if (listOf) return words[listOf[1]!] ?? Number(listOf[1]);
  // "rank 5 for me", "list me 8": a count right after the verb, not a span of time.
  const counted = /^\W*(?:(?:ok|okay|pls|please|can you|could you)\W+)?(?:rank|list|show|give)(?: me)? (\d{1,2}|three|four|five|six|seven|eight|nine|ten)\b(?! ?(?:days?|d|weeks?|wks?|months?|mins?|minutes?|hours?|%|percent))/.exec(text);
  if (counted) return words[counted[1]!] ?? Number(counted[1]);
  const match = /\btop (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\b(?! ?(?:days?|weeks?|months?|%))|\b(\d{1,2}|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) (hcps|doctors|docs|physicians|accounts|names|people|of them|of those|of these|stops)\b|\b(\d{1,2})[- ]stops?\b/.exec(text);
  if (!match) return null;
  const value = match[1] ? (words[match[1]] ?? Number(match[1])) : match[2] ? (words[match[2]] ?? Number(match[2])) : Number(match[4]);
  return value >= 1 && value <= 50 ? value : null;
}

/** The value of the first pattern in `table` that matches `text` (question-parser.ts uses it too). */
export function firstMatch<T>(table: readonly (readonly [RegExp, T])[], text: string): T | null {
  for (const [pattern, value] of table) if (pattern.test(text)) return value;
  return null;
}

/** `text` as a literal inside a RegExp. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word patterns of a lexicon's names, compiled once per map (lexicons are built once per user and never change). */
const namePatterns = new WeakMap<ReadonlyMap<string, unknown>, readonly (readonly [RegExp, unknown])[]>();

/** Each name of `names` as a whole-word pattern, with its value, in the map's order. */
export function wordPatterns<T>(names: ReadonlyMap<string, T>): readonly (readonly [RegExp, T])[] {
  let patterns = namePatterns.get(names) as readonly (readonly [RegExp, T])[] | undefined;
  if (!patterns) {
    // A blank name (an HCP imported without a territory, before "unassigned") would match every question.
    patterns = [...names].filter(([name]) => name.trim() !== '').map(([name, value]) => [new RegExp(`\\b${escapeRegExp(name)}\\b`), value] as const);
    namePatterns.set(names, patterns);
  }
  return patterns;
}

/**
 * "in the last 30 days", "this month", "last quarter". When a comparison names the period before
 * ("vs last quarter"), the period asked about is the one now: a quarter's worth of days ending today.
 */
/** "vs last quarter", "compared with the previous month": a comparison, not the period asked about. */
// "from last month" is a comparison only after a change word ("up from last month"); "notes from last month" is the period.
const COMPARED = /\bsame (?:stretch|period|time|window|\d{1,3} days|months?|weeks?|quarter|qtr) (?:of |in )?(?:last|a) (?:year|yr)(?: ago)?\b|\b(?:compared?|vs\.?|versus|against) (?:it |that |this |them |those )?(?:to |with )?(?:the same )?(?:(?:quarter|qtr|month|period|week|stretch|window|span|timeframe|time|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec) )?(?:last|a) (?:year|yr)(?: ago)?\b|\b(vs\.?|versus|(?:compared|compare (?:it|that|this|them|those)) (to|with)|against|than|(?:up|down|changed?|rose|fell|increased?|decreased?|dropped|grew|moved) from) (the )?(last|previous|prior|same) (quarter|qtr|month|week|year|yr)( last (year|yr))?\b|\b(this|that|the same) time (last|a) (year|yr)( ago)?\b/;

function findPeriod(text: string): AnalyticsPeriod | null {
  // A period the question names outright wins; "vs last quarter" alone sets a quarter's worth of days.
  const named = namedPeriod(text.replace(COMPARED, ' '));
  if (named) return named;
  const compared = /\b(vs\.?|versus|compared (to|with)|against|than|from) (the )?(last|previous|prior) (quarter|month|week|year|yr)\b/.exec(text);
  if (compared) return ({ quarter: 'last_90_days', month: 'last_30_days', week: 'last_7_days', year: 'last_365_days', yr: 'last_365_days' } as const)[compared[5] as 'quarter' | 'month' | 'week' | 'year' | 'yr'];
  return null;
}

/** "monthly trend of email opens for 2026" (this year, no month or quarter of it named): the year to date. */
function thisYearNamed(text: string, today: string): AnalyticsPeriod | null {
  const year = today.slice(0, 4);
  if (!new RegExp(`\\b(for|in|during|across|over|of|thru|through|so far in|since the start of) ${year}\\b`).test(text)) return null;
  return /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (of )?\d{4}\b|\bq[1-4]\b|\bh[12]\b/.test(text) ? null : 'year_to_date';
}

function namedPeriod(text: string): AnalyticsPeriod | null {
  // "and the month before?" names last month; "compare with the quarter before" is a comparison instead.
  const before = /(?<!\b(?:compare|compared|vs\.?|versus|against)(?: with| to)? )\bthe (month|quarter) before\b/.exec(text);
  if (before) return before[1] === 'month' ? 'last_month' : 'last_quarter';
  // "over the last sixty days", "last seven days", "two weeks' worth": a span of a preset's length.
  const span = spanDays(text);
  if (span !== null && PRESET_DAYS[span]) return PRESET_DAYS[span]!;
  if (/\b(quarter|qtr) that (just )?(closed|ended|finished)\b|\b(just[- ](closed|ended|finished)|last full|previous full|most recent full|completed) (quarter|qtr)\b/.test(text)) return 'last_quarter';
  if (/\bsince (the )?new years?\b|\bsince (the )?(turn|start) of the year\b/.test(text)) return 'year_to_date';
  if (/\b(last|past) (two|2) (weeks|wks?)\b|\b(last|past) 14 ?d(ays)?\b|\bfortnight\b/.test(text)) return 'last_14_days';
  if (/\b(last|past|this) week\b|\b(last|past) 7 ?d(ays)?\b/.test(text)) return 'last_7_days';
  if (/\b(last|prior|previous) month\b/.test(text)) return 'last_month';
  if (/\bthis month\b|\bmonth to date\b|\bmtd\b|\bmonth so far\b|\bsince the (start|beginning) of (the|this) month\b/.test(text)) return 'this_month';
  if (/\b(past month|(last|past) 30 ?d(ays)?|(last|past) 30\b|lately|recently)\b/.test(text)) return 'last_30_days';
  // "compare this quarter's themes to last quarter": this quarter, compared with the one before.
  if (/\bthis (quarter|qtr)('?s)?\b.{0,40}\b(to|with|vs\.?|versus|against) (the )?last (quarter|qtr)\b/.test(text)) return 'this_quarter';
  if (/\b(last|prior|previous) (quarter|qtr)\b/.test(text)) return 'last_quarter';
  if (/\bthis (quarter|qtr)\b|\bquarter to date\b|\bqtd\b|\b(quarter|qtr) so far\b|\bsince the (quarter|qtr) (started|began|opened)\b|\bsince the (start|beginning) of the (quarter|qtr)\b/.test(text)) return 'this_quarter';
  if (/\b(past (quarter|qtr)|(last|past) (3|three) months|(last|past|trailing|rolling) 90 ?d(ays)?|(last|past|trailing) 90)\b/.test(text)) return 'last_90_days';
  if (/\b(this year|year to date|ytd|year so far|since (the )?(start|beginning) of (the |this )?year|since the year (started|began)|since jan(uary)?( 1(st)?)?)\b/.test(text)) return 'year_to_date';
  if (/\b(last|past|trailing|rolling) (12 months|twelve months|year|yr|365 ?d(ays)?|365)\b|\b(a |the )?full[- ]year\b|\bwhole[- ]year\b/.test(text)) return 'last_365_days';
  if (/\b(last|past|trailing) (60 ?d(ays)?|60|(2|two) months|(8|eight) (weeks|wks))\b/.test(text)) return 'last_60_days';
  if (/\b(last|past) (180 ?d(ays)?|180|(6|six) months|half[- ]year)\b|\bhalf a year\b/.test(text)) return 'last_180_days';
  // "widen to 6 months", "stretch it to a year", "over 3 months": a window ending today.
  // "widen it to the whole month".
  const whole = /\b(?:widen|extend|stretch|expand|open|make|change)\w*(?: it| that| this)? (?:out )?(?:to|over) the (?:whole|full|entire|past|last) (month|quarter|year)\b/.exec(text);
  if (whole) return whole[1] === 'month' ? 'last_30_days' : whole[1] === 'quarter' ? 'last_90_days' : 'last_365_days';
  const widened = /\b(?:widen|extend|stretch|expand|open|go|make it|change it|zoom out|pull back|look back)(?: it| that| this| the (?:window|range|period))?(?: out| back)? (?:to|over) (?:the (?:last|past) )?(3|three|6|six|12|twelve|a|one) (months?|year)\b/.exec(text);
  if (widened) return widened[2]!.startsWith('year') || ['12', 'twelve'].includes(widened[1]!) ? 'last_365_days' : ['3', 'three'].includes(widened[1]!) ? 'last_90_days' : 'last_180_days';
  // "90-day pv look", "a 60 day view": a window of that many days ending today.
  const window = /\b(7|14|30|60|90|180|365)[- ]?(d|days?)\b/.exec(text);
  if (window) return ({ 7: 'last_7_days', 14: 'last_14_days', 30: 'last_30_days', 60: 'last_60_days', 90: 'last_90_days', 180: 'last_180_days', 365: 'last_365_days' } as const)[Number(window[1]) as 7 | 14 | 30 | 60 | 90 | 180 | 365];
  return null;
}

/** The presets by their length in days. */
const PRESET_DAYS: Record<number, AnalyticsPeriod> = { 7: 'last_7_days', 14: 'last_14_days', 30: 'last_30_days', 60: 'last_60_days', 90: 'last_90_days', 180: 'last_180_days', 365: 'last_365_days' };

/** "last sixty days", "past six weeks", "two weeks' worth of notes": that span in days, or null. */
function spanDays(text: string): number | null {
  const match =
    /\b(?:last|past|previous|prior|trailing|rolling|over the last|over the past|in the last|in the past) (\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty|ninety) ?(d|days?|wks?|weeks?|mos?|months?)\b/.exec(text) ??
    /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (days?|weeks?|months?)'? worth\b/.exec(text) ??
    // "back after two weeks off", "3 weeks of leave": the span the user was away.
    /\b(\d{1,2}|a|one|two|three|four|five|six) (days?|weeks?|months?) (off|away|out|of leave|on leave|of holiday|on holiday|of vacation|on vacation|ooo)\b/.exec(text) ??
    // "same but going back three months".
    /\b(?:going back|go back|looking back|look back|reaching back) (\d{1,3}|a|one|two|three|four|five|six|nine|twelve) (days?|weeks?|months?)\b/.exec(text) ??
    // "cut the window back to ninety days", "widen the lookback to 6 months".
    /\b(?:window|period|range|lookback|look-back|timeframe|time frame|span|it|that)(?: back| down| out)? to (?:the )?(?:last |past )?(\d{1,3}|a|one|two|three|four|five|six|nine|twelve|thirty|sixty|ninety) (days?|weeks?|months?)\b/.exec(text);
  if (!match) return null;
  const count = NUMBER_WORDS[match[1]!] ?? Number(match[1]);
  const unit = match[2]!.startsWith('d') ? 1 : match[2]!.startsWith('w') ? 7 : 30;
  // Twelve months is a year; six months half of one.
  if (unit === 30 && count === 12) return 365;
  if (unit === 30 && count === 6) return 180;
  return count * unit;
}

/** "forget the rheums", "not the oncologists", "instead of derm": a specialty the question drops. */
const DROPS = /\b(?:forget(?: about)?|drop|not|no more|instead of|rather than|scrap|lose|ditch|skip|remove|minus|except|excluding|other than|besides|enough of|done with) (?:the |those |these |my |all the |all )?([a-z/]+)\b/g;

/** The specialty a question drops ("forget the rheums, neurologists there instead" → rheumatology), or null. */
export function droppedSpecialty(text: string): string | null {
  for (const match of text.matchAll(DROPS)) {
    const specialty = specialtyNamed(match[1]!);
    if (specialty) return specialty;
  }
  return null;
}

/** "oncologists" → "oncology"; a specialty the question drops ("forget the rheums") is not the one asked for. */
export function findSpecialty(text: string): string | null {
  const kept = text.replace(DROPS, (phrase, word: string) => (specialtyNamed(word) ? ' ' : phrase));
  return specialtyNamed(kept);
}

/** "oncologists" → "oncology", "rheumatology" → "rheumatology", "pulmonologists" → "pulmonary". */
function specialtyNamed(text: string): string | null {
  // Field shorthand first ("rheum", "onc", "neuro").
  const short = /\b(rheum|rheums|rheumy|rheumys|rheumies|onc|oncs|onco|neuro|neuros|derm|derms|gi|gastro|gastros|pulm|pulmo|heme|hem\/onc|peds|cardio|cardios|endo|endos|nephro|uro|psych|psychs)\b/.exec(text)?.[1]?.replace(/s$/, '');
  if (short) {
    const names: Record<string, string> = { rheum: 'rheumatology', rheumy: 'rheumatology', rheumie: 'rheumatology', onc: 'oncology', onco: 'oncology', neuro: 'neurology', derm: 'dermatology', gi: 'gastroenterology', gastro: 'gastroenterology', pulm: 'pulmonary', pulmo: 'pulmonary', heme: 'hematology', 'hem/onc': 'oncology', ped: 'pediatrics', cardio: 'cardiology', endo: 'endocrinology', nephro: 'nephrology', uro: 'urology', psych: 'psychiatry' };
    return names[short] ?? null;
  }
  // Specialists not named "-ologist": a part of the specialty as the data spells it.
  if (/\bp(a)?ediatrics\b/.test(text)) return 'pediatrics';
  if (/\bgeneticists?\b/.test(text)) return 'genetics';
  if (/\bpulmonary\b/.test(text)) return 'pulmonary';
  const other = /\b(pediatrici?ans?|paediatrici?ans?|pediatric|internists?|psychiatrists?|allergists?|family (doctors?|docs?|physicians?|medicine))\b/.exec(text)?.[1];
  if (other) return other.startsWith('p') && other.includes('diatric') ? 'pediatrics' : other.startsWith('internist') ? 'internal medicine' : other.startsWith('psychiatr') ? 'psychiatry' : other.startsWith('allerg') ? 'allergy' : 'family';
  const match = /\b([a-z]+?)(ologists?|ology|ologic)\b/.exec(text);
  if (!match) return null;
  const stem = match[1]!;
  if (stem === 'pulmon') return 'pulmonary';
  if (['techn', 'chron', 'ide', 'ap', 'meth', 'bi', 'ge', 'psych', 'the'].includes(stem)) return stem === 'psych' ? 'psychiatry' : null;
  return `${stem}ology`;
}

/** The user's own reps a question names by last name ("prescott and soto, side by side"). */
function teamRepsNamed(text: string, repNames: ReadonlyMap<string, string>, teamReps?: ReadonlySet<string>): string[] {
  if (!teamReps) return [];
  const ids = [...repNames].filter(([name, id]) => teamReps.has(id) && name.includes(' ') && new RegExp(`\\b${escapeRegExp(name.split(' ').at(-1)!)}\\b`).test(text)).map(([, id]) => id);
  return [...new Set(ids)];
}

function findRep(said: string, repNames: ReadonlyMap<string, string>, teamReps?: ReadonlySet<string>): string | null {
  // "sorry — taylor's, not casey's": the rep said with "not" is the one corrected away.
  const text = said.replace(/\bnot ([a-z]+(?:'s)?)(?= |\W|$)/g, ' ');
  for (const [name, id] of repNames) if (text.includes(name)) return id;
  // "taylor's reach": the rep with that first name, or the one on the user's team when several share it.
  // "and jordan?" alone, after a rep's figure: that rep too.
  const bare = /^\W*(?:and|what about|how about|now)?\s*([a-z]+)\W*(?:too|as well)?\W*$/.exec(text)?.[1];
  const named = [...repNames].filter(([name]) => new RegExp(`\\b${escapeRegExp(name.split(' ')[0]!)}'s\\b`).test(text) || name.split(' ')[0] === bare).map(([, id]) => id);
  if (named.length === 1) return named[0]!;
  // "prescott's dead end rate", "ferreira — engagement rate": a last name only one rep has, as a possessive or said first.
  if (named.length === 0) {
    const byLast = [...repNames].filter(([name]) => {
      const last = escapeRegExp(name.split(' ').at(-1)!);
      return new RegExp(`\\b${last}'s\\b|^\\W*${last}\\b\\s*[-–—:,]`).test(text);
    });
    if (byLast.length === 1) return byLast[0]![1];
    // "how many hcps did soto reach": a last name of the user's own team, anywhere.
    const teamLast = teamRepsNamed(text, repNames, teamReps);
    if (teamLast.length === 1) return teamLast[0]!;
  }
  const ours = named.filter((id) => teamReps?.has(id));
  if (ours.length === 1) return ours[0]!;
  // "what about jamie specifically", "pull the same for taylor", "my 1:1 with taylor": a first name of the user's own team, said of someone.
  const mentioned = [...repNames].filter(([name, id]) => {
    if (!teamReps?.has(id)) return false;
    const first = escapeRegExp(name.split(' ')[0]!);
    return new RegExp(`\\b(?:for|with|about|on|of|and|re|than|vs\\.?|versus) ${first}\\b|\\b${first} (?:specifically|only|alone|too|as well)\\b`).test(text);
  });
  const ids = [...new Set(mentioned.map(([, id]) => id))];
  return ids.length === 1 ? ids[0]! : null;
}

/** How many different products a text names ("gilenya vs tecfidera": 2). */
function countProducts(text: string, products: ReadonlyMap<string, string>): number {
  return new Set(wordPatterns(products).filter(([pattern]) => pattern.test(text)).map(([, id]) => id)).size;
}

/** Territory names ("northeast", "the west") and ids (T-NE) → the ids the user may see. */
function findTerritories(text: string, territoryNames: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  for (const [pattern, ids] of wordPatterns(territoryNames)) if (pattern.test(text)) for (const id of ids) found.add(id);
  return [...found].sort();
}
