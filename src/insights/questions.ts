import { DAY_MS } from '../core/dates.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { computeOpenSignals } from '../nba/open-signals.ts';

/**
 * Unanswered medical questions, from two sources:
 * - medical inquiries (medical_inquiry, call_center) requested and not replied to by the end of the
 *   period: exactly the NBA engine's "open medical question" signal (computeOpenSignals), reused;
 * - medical questions in field notes (a note that asks about dosing, safety or off-label use) with
 *   no medical answer to that HCP after it: no medical-inquiry reply (for the note's product, when it
 *   names one) and no MSL meeting.
 * A note and an open inquiry of the same HCP and product within LINK_DAYS of each other are one
 * question (the rep logged it, medical information received it).
 */
export const QUESTION_ACTIVITY_CHANNELS: readonly Channel[] = ['medical_inquiry', 'call_center', 'msl_meeting'];
const LINK_BEFORE_MS = 1 * DAY_MS;
const LINK_AFTER_MS = 3 * DAY_MS;

export interface QuestionNote {
  /** Index of the note in the caller's list. */
  note: number;
  hcpId: string;
  writtenAt: string;
  productId: string | null;
  concern: string;
}

export interface UnansweredQuestion {
  hcpId: string;
  productId: string | null;
  concern: string | null;
  askedAt: string;
  via: ('field_note' | 'medical_inquiry' | 'call_center')[];
  /** The note it was asked in, if any (index into the caller's list). */
  note: number | null;
  interactionIds: string[];
  /** From the NBA signal for an inquiry ("Open medical question: ..."), else built here. */
  sentence: string;
  daysOpen: number;
}

export function findUnansweredQuestions(input: {
  questionNotes: readonly QuestionNote[];
  /** Per HCP, oldest first: the question channels and MSL meetings in the period. */
  activity: ReadonlyMap<string, readonly InteractionActivity[]>;
  /** Judged as of this instant (the end of the period). */
  asOf: string;
  productName: (productId: string | null) => string;
  concernLabel: (concern: string) => string;
}): UnansweredQuestion[] {
  const now = Date.parse(input.asOf);
  const daysOpen = (at: string) => Math.max(0, Math.floor((now - Date.parse(at)) / DAY_MS));
  const notesByHcp = new Map<string, QuestionNote[]>();
  for (const question of input.questionNotes) {
    const list = notesByHcp.get(question.hcpId) ?? [];
    list.push(question);
    notesByHcp.set(question.hcpId, list);
  }
  const hcpIds = [...new Set([...notesByHcp.keys(), ...input.activity.keys()])].sort();
  const result: UnansweredQuestion[] = [];
  for (const hcpId of hcpIds) {
    const rows = (input.activity.get(hcpId) ?? []).filter((row) => row.occurredAt <= input.asOf);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const inquiries = computeOpenSignals({
      interactions: rows.filter((row) => row.channel === 'medical_inquiry' || row.channel === 'call_center'),
      consents: [],
      segment: null,
      asOf: input.asOf,
      productName: input.productName,
    })
      .filter((signal) => signal.kind === 'open_medical_question')
      .map((signal) => ({ signal, row: byId.get(signal.evidence[0]!)!, linked: false }));

    // Each open inquiry goes with the nearest question note of the same product in the link window.
    const questions = notesByHcp.get(hcpId) ?? [];
    const links = new Map<QuestionNote, (typeof inquiries)[number]>();
    const pairs: { question: QuestionNote; inquiry: (typeof inquiries)[number]; gap: number }[] = [];
    for (const question of questions) {
      const noteTime = Date.parse(question.writtenAt);
      for (const inquiry of inquiries) {
        const at = Date.parse(inquiry.row.occurredAt);
        if ((question.productId === null || inquiry.row.productId === question.productId) && at >= noteTime - LINK_BEFORE_MS && at <= noteTime + LINK_AFTER_MS) {
          pairs.push({ question, inquiry, gap: Math.abs(at - noteTime) });
        }
      }
    }
    pairs.sort((a, b) => a.gap - b.gap);
    for (const pair of pairs) {
      if (pair.inquiry.linked || links.has(pair.question)) continue;
      pair.inquiry.linked = true;
      links.set(pair.question, pair.inquiry);
    }

    for (const question of questions) {
      const linked = links.get(question);
      if (linked) {
        const askedAt = question.writtenAt < linked.row.occurredAt ? question.writtenAt : linked.row.occurredAt;
        result.push({
          hcpId,
          productId: linked.row.productId,
          concern: question.concern,
          askedAt,
          via: ['field_note', linked.row.channel === 'call_center' ? 'call_center' : 'medical_inquiry'],
          note: question.note,
          interactionIds: [linked.row.id],
          sentence: `${linked.signal.sentence} Also logged in a field note.`,
          daysOpen: daysOpen(askedAt),
        });
        continue;
      }
      const answered = rows.some(
        (row) =>
          row.occurredAt > question.writtenAt &&
          ((row.channel === 'medical_inquiry' && row.outcome === 'replied' && (question.productId === null || row.productId === question.productId)) ||
            (row.channel === 'msl_meeting' && row.outcome === 'completed')),
      );
      if (answered) continue;
      const days = daysOpen(question.writtenAt);
      const about = question.productId === null ? '' : ` on ${input.productName(question.productId)}`;
      result.push({
        hcpId,
        productId: question.productId,
        concern: question.concern,
        askedAt: question.writtenAt,
        via: ['field_note'],
        note: question.note,
        interactionIds: [],
        sentence: `Open medical question from a field note (${input.concernLabel(question.concern)})${about}, raised ${days === 1 ? '1 day' : `${days} days`} ago; no medical-information reply or MSL meeting since.`,
        daysOpen: days,
      });
    }
    for (const inquiry of inquiries) {
      if (inquiry.linked) continue;
      result.push({
        hcpId,
        productId: inquiry.row.productId,
        concern: null,
        askedAt: inquiry.row.occurredAt,
        via: [inquiry.row.channel === 'call_center' ? 'call_center' : 'medical_inquiry'],
        note: null,
        interactionIds: [inquiry.row.id],
        sentence: inquiry.signal.sentence,
        daysOpen: daysOpen(inquiry.row.occurredAt),
      });
    }
  }
  // Open medical-information requests first (they have a reply owed), then the longest waiting.
  const formal = (question: UnansweredQuestion) => (question.interactionIds.length > 0 ? 0 : 1);
  return result.sort((a, b) => formal(a) - formal(b) || (a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : a.hcpId < b.hcpId ? -1 : a.hcpId > b.hcpId ? 1 : 0));
}
