import { DAY_MS } from '../core/dates.ts';
import type { Hcp } from '../domain/hcp.ts';
import { isIntentSignal, isOutboundContact, isPersonalContact } from '../domain/interaction.ts';
import { segments, type Channel } from '../domain/vocabulary.ts';
import { isoTimeMs } from '../nba/iso-time.ts';
import { computeSignals, RECENT_WINDOW_DAYS, type SignalSettings } from '../nba/signals.ts';
import type { MaturityDataSource, MaturityDecision, MaturityInteraction, MaturityNote } from './maturity-source.ts';
import type { DimensionName, MaturityThresholds, MetricName } from './thresholds.ts';

/**
 * The maturity measures, computed from rows. Each is a count over the data with its numerator and
 * denominator, a sentence that states them, and example row ids so a reader can check the count.
 * Where the data holds no measure (testing), the result says so instead of inventing one.
 */

export interface MetricResult {
  name: MetricName;
  /** What is measured, in words. */
  label: string;
  /** null: nothing to measure (an empty denominator, or no measure in the data). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The numbers in one sentence. */
  detail: string;
}

export interface DimensionMeasure {
  dimension: DimensionName;
  /** false: the data holds no measure for this dimension (its stage is unknown). */
  measured: boolean;
  metrics: MetricResult[];
  /** How the numbers were computed, in words. */
  definition: string;
  /** The reads behind the numbers: names of MaturityDataSource.queries (the SQL text is reported once, beside the dimensions). */
  queries: QueryName[];
  /** Row ids behind the numbers: a few on each side of each count. */
  examples: { label: string; ids: string[] }[];
  /** What the measure cannot tell apart. */
  caveat: string | null;
}

export interface MeasureSettings {
  asOf: string;
  /** The start of the assessed period. */
  since: string;
  windows: MaturityThresholds['windows'];
  /** For the NBA interest computation (computeSignals). */
  signalSettings: SignalSettings;
}

export type QueryName = keyof MaturityDataSource['queries'];

/** What an HCP does themselves (as opposed to being sent or visited). */
const hcpEngagementOutcomes = new Set(['opened', 'clicked', 'registered', 'attended', 'downloaded', 'requested']);
/** Channels a digital follow-up goes out on. */
const digitalChannels = new Set<Channel>(['email', 'sms', 'whatsapp', 'remote_detail']);
/**
 * A rep note that hands a medical question on ("promised an answer via medical information",
 * "needs an MSL follow-up", "submitted an MIR", "logged for medical"). The note text is data: it is
 * matched against this fixed pattern and never acted on.
 */
export const MEDICAL_REFERRAL = /\b(msls?|medical science liaison|medical information|mirs?|for medical|medical follow-up)\b/i;
/** A noted question and a medical-information request within this many days are one question. */
const SAME_QUESTION_DAYS = 2;
const EXAMPLES = 5;

const share = (numerator: number, denominator: number) => (denominator > 0 ? round(numerator / denominator) : null);
const round = (value: number) => Math.round(value * 10_000) / 10_000;
const percent = (value: number | null) => (value === null ? 'n/a' : `${(Math.round(value * 1_000) / 10).toFixed(1)}%`);
const count = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const plural = (value: number, word: string) => `${count(value)} ${word}${value === 1 ? '' : 's'}`;
const isAction = (row: MaturityInteraction) => isOutboundContact(row) && !(row.channel === 'medical_inquiry' && row.outcome === 'replied');
const sameProduct = (a: { productId: string | null }, b: { productId: string | null }) => a.productId === null || b.productId === null || a.productId === b.productId;
const isMedicalAnswer = (row: MaturityInteraction) =>
  !row.actorId.startsWith('system:') && ((row.channel === 'msl_meeting' && row.outcome === 'completed') || (row.channel === 'medical_inquiry' && row.outcome === 'replied'));
const isMedicalRequest = (row: MaturityInteraction) => row.outcome === 'requested' && (row.channel === 'medical_inquiry' || row.channel === 'call_center');

class Examples {
  private readonly lists = new Map<string, string[]>();
  add(label: string, id: string): void {
    let list = this.lists.get(label);
    if (!list) this.lists.set(label, (list = []));
    if (list.length < EXAMPLES) list.push(id);
  }
  of(...labels: string[]): { label: string; ids: string[] }[] {
    return labels.map((label) => ({ label, ids: this.lists.get(label) ?? [] }));
  }
}

/**
 * Accumulates the measures HCP by HCP (so a team's rows are never all in memory at once), then
 * `finish` adds the decision log and returns every dimension's measures.
 */
export class MaturityMeasures {
  private readonly sinceMs: number;
  private readonly nowMs: number;
  private readonly examples = new Examples();
  private hcpCount = 0;
  private readonly inScope = new Set<string>();
  // data
  private unified = 0;
  // automation
  private actions = 0;
  private triggered = 0;
  private automatedActions = 0;
  private automatedTriggered = 0;
  // segmentation
  private segmented = 0;
  private readonly bySegment = new Map<string, { contacts: number[]; engagement: number[] }>();
  // relevance
  private contentSent = 0;
  private contentWithInterest = 0;
  private productMatched = 0;
  private topicCompared = 0;
  private topicMismatched = 0;
  private interestMatched = 0;
  // teams
  private medicalOpportunities = 0;
  private medicalHandled = 0;
  private medicalPending = 0;
  private notedQuestions = 0;
  private requests = 0;
  private visits = 0;
  private visitsFollowed = 0;
  private visitsPending = 0;

  constructor(private readonly settings: MeasureSettings) {
    this.sinceMs = isoTimeMs(settings.since);
    this.nowMs = isoTimeMs(settings.asOf);
  }

  /** One HCP's rows: interactions oldest first, from RECENT_WINDOW_DAYS before the period to asOf; rep notes of the period. */
  addHcp(hcp: Hcp, rows: readonly MaturityInteraction[], notes: readonly MaturityNote[]): void {
    const { windows } = this.settings;
    this.hcpCount++;
    this.inScope.add(hcp.id);
    const times = rows.map((row) => isoTimeMs(row.occurredAt));
    let first = 0;
    while (first < rows.length && times[first]! < this.sinceMs) first++;

    // data: channels seen for the HCP in the period.
    const channels = new Set<Channel>();
    for (let index = first; index < rows.length; index++) channels.add(rows[index]!.channel);
    if (channels.size >= windows.unifiedViewChannels) {
      this.unified++;
      this.examples.add('data:unified', hcp.id);
    } else this.examples.add('data:not_unified', hcp.id);

    // automation: outbound actions that follow an intent signal of this HCP (same product) within triggerDays.
    const triggerMs = windows.triggerDays * DAY_MS;
    for (let index = first; index < rows.length; index++) {
      const row = rows[index]!;
      if (!isAction(row)) continue;
      const automated = row.actorId.startsWith('system:');
      this.actions++;
      if (automated) this.automatedActions++;
      let trigger: MaturityInteraction | undefined;
      for (let back = index - 1; back >= 0 && times[back]! > times[index]! - triggerMs; back--) {
        const candidate = rows[back]!;
        if (times[back]! < times[index]! && isIntentSignal(candidate) && sameProduct(candidate, row)) {
          trigger = candidate;
          break;
        }
      }
      if (trigger) {
        this.triggered++;
        if (automated) this.automatedTriggered++;
        this.examples.add('automation:triggered', `${row.id} (after ${trigger.id})`);
        if (automated) this.examples.add('automation:automated_triggered', `${row.id} (after ${trigger.id})`);
      } else this.examples.add('automation:not_triggered', row.id);
    }

    // segmentation: segment and tier set; personal contacts against the HCP's own engagement, per segment.
    if (hcp.segment !== null && hcp.tier !== null) this.segmented++;
    else this.examples.add('segmentation:unsegmented', hcp.id);
    if (hcp.segment !== null) {
      let contacts = 0;
      let engagement = 0;
      for (let index = first; index < rows.length; index++) {
        const row = rows[index]!;
        if (isPersonalContact(row)) contacts++;
        if (hcpEngagementOutcomes.has(row.outcome)) engagement++;
      }
      let entry = this.bySegment.get(hcp.segment);
      if (!entry) this.bySegment.set(hcp.segment, (entry = { contacts: [], engagement: [] }));
      entry.contacts.push(contacts);
      entry.engagement.push(engagement);
    }

    // relevance: content sent, against the interest the NBA engine computes from the rows before it.
    const recentMs = RECENT_WINDOW_DAYS * DAY_MS;
    let historyStart = 0;
    for (let index = first; index < rows.length; index++) {
      const row = rows[index]!;
      if (!isOutboundContact(row) || row.contentModuleId === null || row.purpose === 'medical') continue;
      this.contentSent++;
      while (historyStart < index && times[historyStart]! < times[index]! - recentMs) historyStart++;
      const signals = computeSignals({
        hcp,
        interactions: rows.slice(historyStart, index),
        consents: [],
        asOf: new Date(times[index]! - 1).toISOString(),
        settings: this.settings.signalSettings,
        productName: (productId) => productId ?? 'unspecified product',
      });
      const interest = signals.interest;
      if (!interest) {
        this.examples.add('relevance:no_interest', row.id);
        continue;
      }
      this.contentWithInterest++;
      const productMatch = row.productId === interest.productId;
      if (productMatch) this.productMatched++;
      const topicsKnown = interest.topic !== '' && row.topic !== '';
      if (productMatch && topicsKnown) {
        this.topicCompared++;
        if (interest.topic !== row.topic) this.topicMismatched++;
      }
      if (productMatch && !(topicsKnown && interest.topic !== row.topic)) {
        this.interestMatched++;
        this.examples.add('relevance:matched', row.id);
      } else {
        this.examples.add('relevance:not_matched', `${row.id} (interest ${interest.productId}${interest.topic ? `, ${interest.topic}` : ''})`);
      }
    }

    // teams: medical questions handed to medical; field visits followed up digitally.
    const handoffMs = windows.medicalHandoffDays * DAY_MS;
    const closed = (at: number, windowMs: number) => this.nowMs - at >= windowMs;
    const answerAfter = (at: number, product: { productId: string | null } | null) => {
      for (let index = 0; index < rows.length; index++) {
        if (times[index]! <= at) continue;
        if (times[index]! > at + handoffMs) break;
        if (isMedicalAnswer(rows[index]!) && (product === null || sameProduct(rows[index]!, product))) return rows[index]!;
      }
      return undefined;
    };
    const requestTimes: number[] = [];
    for (let index = 0; index < rows.length; index++) if (isMedicalRequest(rows[index]!)) requestTimes.push(times[index]!);
    /** Counts the opportunity unless its window is still open with no answer yet; true when counted. */
    const medicalOpportunity = (id: string, at: number, product: { productId: string | null } | null): boolean => {
      const answer = answerAfter(at, product);
      if (!answer && !closed(at, handoffMs)) {
        this.medicalPending++;
        return false;
      }
      this.medicalOpportunities++;
      if (answer) {
        this.medicalHandled++;
        this.examples.add('teams:medical_handled', `${id} → ${answer.id}`);
      } else this.examples.add('teams:medical_not_handled', id);
      return true;
    };
    for (let index = first; index < rows.length; index++) {
      const row = rows[index]!;
      if (!isMedicalRequest(row)) continue;
      if (medicalOpportunity(row.id, times[index]!, row)) this.requests++;
    }
    for (const note of notes) {
      const at = isoTimeMs(note.writtenAt);
      if (at < this.sinceMs || !MEDICAL_REFERRAL.test(note.text)) continue;
      if (requestTimes.some((time) => Math.abs(time - at) <= SAME_QUESTION_DAYS * DAY_MS)) continue; // the same question, counted as its request
      if (medicalOpportunity(note.id, at, null)) this.notedQuestions++;
    }
    const digitalMs = windows.digitalFollowUpDays * DAY_MS;
    for (let index = first; index < rows.length; index++) {
      const visit = rows[index]!;
      if (visit.channel !== 'field_visit' || visit.outcome !== 'completed' || visit.actorId.startsWith('system:')) continue;
      let follow: MaturityInteraction | undefined;
      for (let next = index + 1; next < rows.length && times[next]! <= times[index]! + digitalMs; next++) {
        const row = rows[next]!;
        if (times[next]! > times[index]! && digitalChannels.has(row.channel) && isOutboundContact(row) && sameProduct(row, visit)) {
          follow = row;
          break;
        }
      }
      if (!follow && !closed(times[index]!, digitalMs)) {
        this.visitsPending++;
        continue;
      }
      this.visits++;
      if (follow) {
        this.visitsFollowed++;
        this.examples.add('teams:visit_followed', `${visit.id} → ${follow.id}`);
      } else this.examples.add('teams:visit_not_followed', visit.id);
    }
  }

  /** Every dimension's measures, the decision log's recommendations and plans of the period included. */
  finish(decisions: readonly MaturityDecision[]): DimensionMeasure[] {
    const { windows } = this.settings;
    const interactionsQuery: QueryName[] = ['interactions'];
    const results: DimensionMeasure[] = [];

    results.push({
      dimension: 'automation',
      measured: true,
      metrics: [
        {
          name: 'triggered_share',
          label: `share of outbound actions that follow an intent signal of the same HCP within ${windows.triggerDays} days`,
          value: share(this.triggered, this.actions),
          numerator: this.triggered,
          denominator: this.actions,
          detail: `${count(this.triggered)} of ${count(this.actions)} outbound actions (${percent(share(this.triggered, this.actions))}) followed an intent signal of the same HCP on the same product within ${windows.triggerDays} days.`,
        },
        {
          name: 'automated_triggered_share',
          label: `share of automated (system) sends that follow an intent signal within ${windows.triggerDays} days`,
          value: share(this.automatedTriggered, this.automatedActions),
          numerator: this.automatedTriggered,
          denominator: this.automatedActions,
          detail: `${count(this.automatedTriggered)} of ${count(this.automatedActions)} automated sends (${percent(share(this.automatedTriggered, this.automatedActions))}) followed an intent signal within ${windows.triggerDays} days.`,
        },
      ],
      definition:
        `Outbound actions: every personal contact (visit, remote detail, phone, MSL meeting, rep email/SMS/WhatsApp) and automated send (email, SMS) in the period, medical-information replies left out (they answer a request). ` +
        `Triggered: an intent signal of the same HCP (webinar attended, content downloaded, email clicked, booth visit, visit requested: the NBA engine's isIntentSignal) on the same product in the ${windows.triggerDays} days before.`,
      queries: interactionsQuery,
      examples: this.examples.of('automation:triggered', 'automation:automated_triggered', 'automation:not_triggered'),
      caveat: `The data records no "triggered by" link, so this counts timing: a scheduled send that happens to fall within ${windows.triggerDays} days of an intent signal counts as triggered (an upper bound).`,
    });

    results.push({
      dimension: 'data',
      measured: true,
      metrics: [
        {
          name: 'unified_view_share',
          label: `share of HCPs whose one view holds interactions on ${windows.unifiedViewChannels} or more channels`,
          value: share(this.unified, this.hcpCount),
          numerator: this.unified,
          denominator: this.hcpCount,
          detail: `${count(this.unified)} of ${count(this.hcpCount)} HCPs (${percent(share(this.unified, this.hcpCount))}) have interactions on ${windows.unifiedViewChannels} or more channels in the period.`,
        },
      ],
      definition: `Distinct channels among each HCP's interactions in the period, every source system (CRM, marketing automation, web analytics, webinar platform, medical information, call center) in the one store.`,
      queries: interactionsQuery,
      examples: this.examples.of('data:unified', 'data:not_unified'),
      caveat: null,
    });

    results.push(this.segmentation());

    results.push({
      dimension: 'relevance',
      measured: true,
      metrics: [
        {
          name: 'interest_matched_share',
          label: "share of content sent that matched the HCP's recent interest (product, and topic where both are known)",
          value: share(this.interestMatched, this.contentWithInterest),
          numerator: this.interestMatched,
          denominator: this.contentWithInterest,
          detail:
            `${count(this.interestMatched)} of ${count(this.contentWithInterest)} content sends to HCPs with a known interest (${percent(share(this.interestMatched, this.contentWithInterest))}) matched it ` +
            `(${count(this.productMatched)} on the product; ${count(this.topicMismatched)} of ${count(this.topicCompared)} of those on another topic); ` +
            `${count(this.contentSent - this.contentWithInterest)} of ${count(this.contentSent)} sends went to HCPs with no interest signal yet and are left out.`,
        },
      ],
      definition:
        `Content sent: outbound contacts in the period that carry a content module, medical replies left out. Interest: the product and topic the NBA engine computes (src/nba/signals.ts computeSignals: an intent still owed a follow-up, else the most engaged product, recency-weighted over ${RECENT_WINDOW_DAYS} days) from the HCP's rows before the send.`,
      queries: interactionsQuery,
      examples: this.examples.of('relevance:matched', 'relevance:not_matched', 'relevance:no_interest'),
      caveat: 'Interest is product-level with the topic as recorded on the rows: a portfolio with one product per therapy area matches often by construction.',
    });

    results.push({
      dimension: 'testing',
      measured: false,
      metrics: [
        {
          name: 'tested_share',
          label: 'share of sends that were part of an A/B or variant test',
          value: null,
          numerator: null,
          denominator: null,
          detail: 'No measure in the data: interactions record channel, outcome, product, topic, content module and source system, but no experiment, variant or control group.',
        },
      ],
      definition: 'Would count sends carrying an experiment and variant id; the schema has no such field, so nothing is inferred.',
      queries: [],
      examples: [],
      caveat: 'Stage unknown rather than guessed.',
    });

    results.push(this.analysis(decisions));

    results.push({
      dimension: 'teams',
      measured: true,
      metrics: [
        {
          name: 'medical_handoff_share',
          label: `share of medical questions (rep-noted or requested) answered by an MSL meeting or medical-information reply within ${windows.medicalHandoffDays} days`,
          value: share(this.medicalHandled, this.medicalOpportunities),
          numerator: this.medicalHandled,
          denominator: this.medicalOpportunities,
          detail:
            `${count(this.medicalHandled)} of ${count(this.medicalOpportunities)} medical questions (${percent(share(this.medicalHandled, this.medicalOpportunities))}; ${plural(this.requests, 'medical-information request')}, ${plural(this.notedQuestions, 'rep note')} routing a question to medical) ` +
            `got an MSL meeting or a medical-information reply within ${windows.medicalHandoffDays} days; ${count(this.medicalPending)} more ${this.medicalPending === 1 ? 'is' : 'are'} still inside the window and not counted.`,
        },
        {
          name: 'digital_follow_up_share',
          label: `share of field visits followed by a digital touch on the same product within ${windows.digitalFollowUpDays} days`,
          value: share(this.visitsFollowed, this.visits),
          numerator: this.visitsFollowed,
          denominator: this.visits,
          detail: `${count(this.visitsFollowed)} of ${count(this.visits)} field visits (${percent(share(this.visitsFollowed, this.visits))}) were followed by an email, SMS, WhatsApp or remote detail on the same product within ${windows.digitalFollowUpDays} days; ${count(this.visitsPending)} recent visits are still inside the window.`,
        },
      ],
      definition:
        `Field to medical: each medical-information or call-center request, and each rep note that routes a question to medical (a fixed pattern: MSL, medical information, MIR, "for medical"; a note within ${SAME_QUESTION_DAYS} days of a request is the same question), answered by an MSL meeting or a medical-information reply (same product for requests). ` +
        `Field to digital: each completed field visit, followed by an outbound email, SMS, WhatsApp or remote detail on the same product. Opportunities whose window has not closed and that have no answer yet are left out.`,
      queries: ['interactions', 'repNotes'],
      examples: this.examples.of('teams:medical_handled', 'teams:medical_not_handled', 'teams:visit_followed', 'teams:visit_not_followed'),
      caveat: 'Handoffs are inferred from timing; the data records no explicit handoff link, so a scheduled email after a visit counts as a follow-up.',
    });
    return results;
  }

  private segmentation(): DimensionMeasure {
    const { windows } = this.settings;
    const groups = segments
      .map((segment) => ({ segment, ...(this.bySegment.get(segment) ?? { contacts: [], engagement: [] }) }))
      .filter((group) => group.contacts.length >= windows.minSegmentSize);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const top = groups[0];
    const bottom = groups[groups.length - 1];
    let ratio: number | null = null;
    let ratioDetail = `Fewer than two segments with ${windows.minSegmentSize} or more HCPs: contact intensity by segment cannot be compared.`;
    if (top && bottom && groups.length >= 2) {
      const high = mean(top.contacts);
      const low = mean(bottom.contacts);
      ratio = low > 0 ? Math.round(Math.min(99, high / low) * 100) / 100 : high > 0 ? 99 : null;
      ratioDetail = `Segment ${top.segment} HCPs got ${high.toFixed(2)} personal contacts each in the period, segment ${bottom.segment} ${low.toFixed(2)}: ${ratio === null ? 'no contacts in either' : `${ratio}×${low === 0 ? ' (capped: none for the lower segment)' : ''}`}.`;
    }
    let weighted = 0;
    let weight = 0;
    const perSegment: string[] = [];
    for (const group of groups) {
      const rho = spearman(group.contacts, group.engagement);
      if (rho === null) continue;
      weighted += rho * group.contacts.length;
      weight += group.contacts.length;
      perSegment.push(`${group.segment} ${rho.toFixed(2)} (${group.contacts.length} HCPs)`);
    }
    const responsiveness = weight > 0 ? round(weighted / weight) : null;
    return {
      dimension: 'segmentation',
      measured: true,
      metrics: [
        {
          name: 'segment_coverage',
          label: 'share of HCPs with a segment and a tier set',
          value: share(this.segmented, this.hcpCount),
          numerator: this.segmented,
          denominator: this.hcpCount,
          detail: `${count(this.segmented)} of ${count(this.hcpCount)} HCPs (${percent(share(this.segmented, this.hcpCount))}) have a segment and a tier.`,
        },
        {
          name: 'segment_intensity_ratio',
          label: 'personal contacts per HCP in the highest segment over the lowest',
          value: ratio,
          numerator: top && groups.length >= 2 ? round(mean(top.contacts)) : null,
          denominator: bottom && groups.length >= 2 ? round(mean(bottom.contacts)) : null,
          detail: ratioDetail,
        },
        {
          name: 'within_segment_responsiveness',
          label: "rank correlation, within each segment, between personal contacts and the HCP's own engagement",
          value: responsiveness,
          numerator: null,
          denominator: weight > 0 ? weight : null,
          detail:
            responsiveness === null
              ? 'No segment with enough HCPs and varying contacts to correlate.'
              : `Spearman correlation of personal contacts with the HCP's own engagement (opens, clicks, registrations, attendance, downloads, requests), by segment: ${perSegment.join(', ')}; weighted mean ${responsiveness.toFixed(2)}.`,
        },
      ],
      definition: `Segment and tier from the HCP records; personal contacts (visits, details, calls, MSL meetings, rep messages) and the HCP's own engagement in the period; segments with fewer than ${windows.minSegmentSize} HCPs are left out of the comparisons.`,
      queries: ['interactions'],
      examples: this.examples.of('segmentation:unsegmented'),
      caveat: 'A correlation does not show which way it runs: contacts can follow engagement, or cause it.',
    };
  }

  private analysis(decisions: readonly MaturityDecision[]): DimensionMeasure {
    const relevant = decisions.filter((decision) => decision.hcpIds.some((id) => this.inScope.has(id)));
    const covered = new Set<string>();
    let withFeedback = 0;
    for (const decision of relevant) {
      for (const id of decision.hcpIds) if (this.inScope.has(id)) covered.add(id);
      if (decision.feedback > 0) {
        withFeedback++;
        this.examples.add('analysis:with_feedback', decision.id);
      } else this.examples.add('analysis:without_feedback', decision.id);
    }
    const recommendations = relevant.filter((decision) => decision.kind === 'recommendation').length;
    return {
      dimension: 'analysis',
      measured: true,
      metrics: [
        {
          name: 'recommendation_coverage',
          label: 'share of HCPs with a logged next-best-action recommendation or plan entry in the period',
          value: share(covered.size, this.hcpCount),
          numerator: covered.size,
          denominator: this.hcpCount,
          detail: `${count(covered.size)} of ${count(this.hcpCount)} HCPs (${percent(share(covered.size, this.hcpCount))}) had a recommendation or plan entry logged in the period (${count(recommendations)} recommendations, ${count(relevant.length - recommendations)} plans).`,
        },
        {
          name: 'feedback_rate',
          label: 'share of logged recommendations and plans that got feedback (accept, dismiss, snooze)',
          value: share(withFeedback, relevant.length),
          numerator: withFeedback,
          denominator: relevant.length,
          detail:
            relevant.length === 0
              ? 'No recommendation or plan was logged in the period, so there was nothing to give feedback on.'
              : `${count(withFeedback)} of ${count(relevant.length)} recommendations and plans (${percent(share(withFeedback, relevant.length))}) got feedback.`,
        },
      ],
      definition: 'The decision log: recommendations and territory plans computed for a moment in the period that concern HCPs in scope, and the feedback records referring to them. Explanations ("why?") are not logged, so their use cannot be counted.',
      queries: ['decisions'],
      examples: this.examples.of('analysis:with_feedback', 'analysis:without_feedback'),
      caveat: null,
    };
  }
}

/** Spearman rank correlation (average ranks for ties); null when either side does not vary. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 3) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (rx.length + 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let index = 0; index < rx.length; index++) {
    const dx = rx[index]! - mean;
    const dy = ry[index]! - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return round(covariance / Math.sqrt(varianceX * varianceY));
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value || a.index - b.index);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index++) result[order[index]!.index] = rank;
    start = end + 1;
  }
  return result;
}
