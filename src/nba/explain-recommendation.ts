import { AppError } from '../core/app-error.ts';
import { canSeeHcp } from '../compliance/access-policy.ts';
import type { DecisionLog, DecisionRecord } from '../domain/decision-record.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { Channel } from '../domain/vocabulary.ts';
import type { summarise } from './next-best-actions.ts';
import { actionKinds, type ActionKind } from './weights.ts';
import type { Caller } from '../compliance/caller.ts';
import type { GateResult } from '../compliance/gates.ts';
import { mayReadIntakes } from '../compliance/adverse-event-intake.ts';

type LoggedAction = ReturnType<typeof summarise>;

export interface Explanation {
  recommendationId: string;
  recordedAt: string;
  hcpId: string;
  recommended: LoggedAction;
  /** Set when asked about another action or channel. */
  asked: {
    kind: ActionKind;
    channel: string | null;
    allowed: boolean;
    score: number;
    /** Gates it failed, each with the record behind it. */
    failedGates: GateResult[];
    /** One plain answer per action asked about: the gate and its record, or the score gap and where it comes from. */
    answer: string;
    /** Allowed actions on other channels (the compliant alternatives). */
    alternatives: string[];
  } | null;
  weights: { version: string; sha256: string };
  /** The consent jurisdiction policy the gates applied (null for records written before it was recorded). */
  consentRules: { version: string; sha256: string } | null;
}

/**
 * Explains a logged recommendation from the log alone (never recomputed, so the answer is what was
 * shown then): why the recommended action, and, when asked, why not another action or channel.
 */
export function explainRecommendation(
  log: DecisionLog,
  recommendationId: string,
  ask: { kind?: ActionKind; channel?: Channel } = {},
  access?: { store: OmniStore; caller: Caller },
): Explanation {
  const record = log.get(recommendationId);
  if (!record || record.kind !== 'recommendation') throw new AppError('NOT_FOUND', `no recommendation with id ${recommendationId}`);
  if (access) assertMaySee(access.store, access.caller, record);
  const payload = record.payload as { recommended: LoggedAction; actions: LoggedAction[]; weights: { version: string; sha256: string }; consentRules?: { version: string; sha256: string } };
  const explanation: Explanation = {
    recommendationId: record.id,
    recordedAt: record.recordedAt,
    hcpId: record.hcpId ?? '',
    recommended: payload.recommended,
    asked: null,
    weights: payload.weights,
    consentRules: payload.consentRules ?? null,
  };
  if (ask.kind === undefined && ask.channel === undefined) return explanation;

  const candidates = payload.actions.filter((action) => (ask.kind === undefined || action.kind === ask.kind) && (ask.channel === undefined || action.channel === ask.channel));
  if (candidates.length === 0) {
    throw new AppError('INVALID_INPUT', `no ${[ask.kind, ask.channel].filter(Boolean).join(' on ')} action was considered; actions are ${actionKinds.join(', ')}`);
  }
  // Several actions may share a channel (an approved email and an event invitation by email). A
  // blocked one is what "why not?" is about, so it leads; each candidate gets its own answer.
  const ordered = candidates.sort((a, b) => Number(a.allowed) - Number(b.allowed) || b.score - a.score);
  const asked = ordered[0]!;
  const failedGates = ordered.flatMap((action) => action.gates.filter((gate) => !gate.passed));
  const alternatives = payload.actions
    .filter((action) => action.allowed && action.kind !== 'wait' && !candidates.includes(action))
    .map((action) => {
      const consent = action.gates.find((gate) => gate.gate === 'consent');
      return consent ? `${action.kind.replace(/_/g, ' ')}: ${consent.reason}` : `${action.kind.replace(/_/g, ' ')} (no consent needed)`;
    });
  const answerFor = (action: LoggedAction): string => {
    const name = action.kind.replace(/_/g, ' ');
    const failed = action.gates.filter((gate) => !gate.passed);
    if (failed.length > 0) {
      return `${name}: ${failed.map((gate) => `${gate.reason}${gate.records.length > 0 ? ` (record ${gate.records.slice(0, 3).join(', ')})` : ''}`).join('; ')}`;
    }
    if (action.kind === payload.recommended.kind) return `${name} is the recommendation (score ${action.score})`;
    return `${name} was allowed but scored ${action.score} against ${payload.recommended.score} for ${payload.recommended.kind.replace(/_/g, ' ')}${scoreGap(action, payload.recommended)}`;
  };
  // Sentences joined once: a part that ends with its own period ("… (window 14 days).") gets no second one.
  const answer = ordered
    .map((part) => answerFor(part).trim().replace(/[.\s]+$/, ''))
    .filter(Boolean)
    .join('. ');
  explanation.asked = { kind: asked.kind as ActionKind, channel: asked.channel, allowed: asked.allowed, score: asked.score, failedGates, answer, alternatives };
  return explanation;
}

/** The signal that most separates two actions' scores. */
function scoreGap(lower: LoggedAction, higher: LoggedAction): string {
  const contributionOf = (action: LoggedAction, signal: string) => action.contributions.find((entry) => entry.signal === signal)?.contribution ?? 0;
  const signals = new Set([...lower.contributions, ...higher.contributions].map((entry) => entry.signal));
  let best: { signal: string; gap: number } | null = null;
  for (const signal of signals) {
    const gap = contributionOf(higher, signal) - contributionOf(lower, signal);
    if (!best || gap > best.gap) best = { signal, gap };
  }
  if (!best || best.gap <= 0) return '';
  const sentence = higher.contributions.find((entry) => entry.signal === best.signal)?.sentence ?? lower.contributions.find((entry) => entry.signal === best.signal)?.sentence ?? '';
  return `; the largest difference is ${best.signal.replace(/_/g, ' ')} (+${Math.round(best.gap * 1000) / 1000}): ${sentence}`;
}

/** Feedback on a logged recommendation or plan, kept as a record of its own that refers to it. */
export function recordFeedback(
  log: DecisionLog,
  access: { store: OmniStore; caller: Caller },
  recommendationId: string,
  feedback: { verdict: 'accept' | 'dismiss' | 'snooze'; reason: string; snoozeUntil?: string },
): DecisionRecord {
  const target = log.get(recommendationId);
  if (!target || (target.kind !== 'recommendation' && target.kind !== 'plan' && target.kind !== 'draft')) {
    throw new AppError('NOT_FOUND', `no recommendation, plan or draft with id ${recommendationId}`);
  }
  assertMaySee(access.store, access.caller, target);
  return log.append({
    kind: 'feedback',
    actorId: access.caller.actorId,
    hcpId: target.hcpId,
    refersTo: target.id,
    payload: { verdict: feedback.verdict, reason: feedback.reason, ...(feedback.snoozeUntil ? { snoozeUntil: feedback.snoozeUntil } : {}) },
  });
}

/**
 * A caller may see a logged decision about an HCP they may see, and a plan they asked for (or any plan
 * when their scope covers every territory); an adverse-event intake only when they filed it or read intakes.
 */
export function assertMaySee(store: OmniStore, caller: Caller, record: DecisionRecord): void {
  // An adverse-event intake is for Drug Safety, and for whoever filed it: not for everyone who may see its HCP.
  if (record.kind === 'adverse_event_intake') {
    if (record.actorId === caller.actorId || mayReadIntakes(caller)) return;
    throw new AppError('FORBIDDEN', `record ${record.id} is an adverse-event intake: for Drug Safety and its reporter only`);
  }
  if (record.hcpId !== null) {
    const hcp = store.hcps.getById(record.hcpId);
    if (hcp && canSeeHcp(caller.scope, hcp)) return;
  } else if (record.actorId === caller.actorId || caller.scope.territories === undefined) {
    return;
  }
  throw new AppError('FORBIDDEN', `record ${record.id} is about an HCP or plan outside your access`);
}
