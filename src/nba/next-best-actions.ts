import { AppError } from '../core/app-error.ts';
import { addDays } from '../core/dates.ts';
import { canSeeHcp, type AccessScope } from '../compliance/access-policy.ts';
import { currentConsents, type ConsentState } from '../compliance/consent-policy.ts';
import type { DecisionLog } from '../domain/decision-record.ts';
import { hcpDisplayName, hcpMarket, type Hcp } from '../domain/hcp.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import { productDisplayName } from '../domain/product.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { Channel, Role } from '../domain/vocabulary.ts';
import type { ContentFilters } from '../retrieval/content-filters.ts';
import { actionShapes, capGate, consentGate, type ActionShape, type GateResult } from './candidate-actions.ts';
import { computeSignals, RECENT_WINDOW_DAYS, SIGNAL_WINDOW_DAYS, type HcpSignals, type Signal, type SignalName } from './signals.ts';
import { actionKinds, type ActionKind, type NbaWeights } from './weights.ts';

/** What the engine needs of the content library: approved modules for an action (ApprovedContentLibrary.modulesFor). */
export interface ContentFinder {
  modulesFor(
    filters: ContentFilters,
    wanted: { brandName: string | null; kinds: readonly string[]; topic: string; limit: number },
  ): { id: string; version: number; title: string }[];
}

export interface NbaDependencies {
  store: OmniStore;
  content: ContentFinder;
  decisionLog: DecisionLog;
  weights: NbaWeights;
  /** Days after an intent signal before it counts as a dead end (OMNI_DEAD_END_DAYS). */
  deadEndDays: number;
}

/** Who is asking: their id (for the log), role and what they may see. */
export interface Caller {
  actorId: string;
  /** null: the local operator at the command line, who may do everything. */
  role: Role | null;
  scope: AccessScope;
  /**
   * The model and prompt behind the request, when an agent asks (issue 5): recorded with the
   * decision. null when a person asks through the CLI.
   */
  provenance?: { model: string; promptName: string; promptSha256: string } | null;
}

export interface Contribution {
  signal: SignalName;
  value: number;
  weight: number;
  contribution: number;
  sentence: string;
  evidence: string[];
}

export interface ScoredAction {
  kind: ActionKind;
  label: string;
  channel: string | null;
  purpose: string | null;
  productId: string | null;
  topic: string;
  modules: { id: string; version: number; title: string }[];
  /** Σ contribution, which is Σ weight × value. */
  score: number;
  /** Every weighted signal, largest absolute contribution first. */
  contributions: Contribution[];
  gates: GateResult[];
  allowed: boolean;
}

export interface NbaResult {
  /** The decision-log record this recommendation was written as, before it was returned. */
  recommendationId: string;
  hcp: { id: string; name: string; territory: string; specialty: string };
  asOf: string;
  weightsVersion: string;
  /** The best allowed action ("wait" when nothing else passes its gates). */
  recommended: ScoredAction;
  /** Allowed actions, best first. */
  actions: ScoredAction[];
  /** Actions that failed a gate: never recommended, kept so "why not?" can answer. */
  blocked: ScoredAction[];
  signals: Signal[];
  consents: ConsentState[];
}

/** Where medical questions are asked and answered (src/nba/open-signals.ts). */
const QUESTION_CHANNELS: readonly Channel[] = ['medical_inquiry', 'call_center'];

/** Rounds to 6 decimals, so contributions add up to the score exactly as printed and stored. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Scores every candidate action for one HCP, without writing anything. Used by the single-HCP
 * recommendation and by territory plans; both log what they show.
 */
export class NbaEvaluator {
  private readonly productNames: Map<string, string>;
  private readonly brandNames: Map<string, string>;

  constructor(private readonly deps: NbaDependencies) {
    const products = deps.store.products.list();
    this.productNames = new Map(products.map((product) => [product.id, productDisplayName(product)]));
    this.brandNames = new Map(products.map((product) => [product.id, product.brandName]));
  }

  productName = (productId: string | null): string => (productId ? (this.productNames.get(productId) ?? productId) : 'unspecified product');

  evaluate(hcp: Hcp, caller: Caller, asOf: string): { signals: HcpSignals; consents: ConsentState[]; actions: ScoredAction[] } {
    const { store, weights } = this.deps;
    const purposes = caller.scope.interactionPurposes;
    const interactions = readActivity(store, hcp.id, asOf).filter((interaction) => purposes === undefined || purposes.includes(interaction.purpose));
    const consentEvents = store.consents.forHcp(hcp.id);
    const consents = currentConsents(consentEvents, asOf);
    const signals = computeSignals({ hcp, interactions, consents: consentEvents, asOf, settings: { deadEndDays: this.deps.deadEndDays, caps: weights.caps }, productName: this.productName });

    const actions: ScoredAction[] = [];
    for (const kind of actionKinds) {
      const shape = actionShapes[kind];
      const available = [...signals.common, ...(shape.channel ? signals.forChannel(shape.channel) : [])];
      const contributions: Contribution[] = [];
      for (const [name, weight] of Object.entries(weights.actions[kind]) as [SignalName, number][]) {
        const signal = available.find((candidate) => candidate.name === name);
        if (!signal) continue;
        contributions.push({ signal: name, value: signal.value, weight, contribution: round6(weight * signal.value), sentence: signal.sentence, evidence: signal.evidence });
      }
      contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.signal.localeCompare(b.signal));
      const score = round6(contributions.reduce((sum, entry) => sum + entry.contribution, 0));

      const productId = signals.interest?.productId ?? null;
      const topic = signals.interest?.topic ?? '';
      const gates: GateResult[] = [accessGate(shape, caller)];
      if (shape.needsOpenQuestion) {
        const question = signals.common.find((signal) => signal.name === 'open_medical_question')!;
        gates.push(
          question.value > 0
            ? { gate: 'relevance', passed: true, reason: question.sentence, records: question.evidence }
            : { gate: 'relevance', passed: false, reason: 'no open medical question to route', records: [] },
        );
      }
      if (shape.needsConsent && shape.channel && shape.purpose) gates.push(consentGate(consents, shape.channel, shape.purpose, productId));
      if (shape.capped) gates.push(capGate(signals.contacts, weights.caps));
      let modules: ScoredAction['modules'] = [];
      if (shape.content) {
        modules = this.findContent(shape, hcp, productId, topic, asOf);
        if (shape.content.required) {
          gates.push(
            modules.length > 0
              ? { gate: 'approved_content', passed: true, reason: `${modules.length} approved module(s) valid for ${hcp.specialty} on ${shape.channel}`, records: modules.map((module) => `${module.id}@${module.version}`) }
              : { gate: 'approved_content', passed: false, reason: `no approved ${shape.content.kinds.join('/')} module valid for ${hcp.specialty} on ${shape.channel} for ${this.productName(productId)}`, records: [] },
          );
        }
      }
      actions.push({
        kind,
        label: shape.label,
        channel: shape.channel,
        purpose: shape.purpose,
        productId: shape.channel ? productId : null,
        topic: shape.channel ? topic : '',
        modules,
        score,
        contributions,
        gates,
        allowed: gates.every((gate) => gate.passed),
      });
    }
    actions.sort((a, b) => b.score - a.score || actionKinds.indexOf(a.kind) - actionKinds.indexOf(b.kind));
    return { signals, consents, actions };
  }

  /** Approved modules for an action: of the product the follow-up is about, valid for this HCP and channel. */
  private findContent(shape: ActionShape, hcp: Hcp, productId: string | null, topic: string, asOf: string): ScoredAction['modules'] {
    const content = shape.content!;
    const filters: ContentFilters = { asOf: asOf.slice(0, 10), market: hcpMarket(hcp), specialty: hcp.specialty, channel: shape.channel!, purpose: content.purpose };
    const brandName = productId ? (this.brandNames.get(productId) ?? null) : null;
    return this.deps.content
      .modulesFor(filters, { brandName, kinds: content.kinds, topic, limit: 3 })
      .map((module) => ({ id: module.id, version: module.version, title: module.title }));
  }
}

/**
 * The interaction rows an HCP's signals are computed from, oldest first. [since, until): one
 * millisecond past asOf includes what happened at asOf itself. Every signal but open medical questions
 * looks back at most RECENT_WINDOW_DAYS, so older rows are read for the question channels only (rows
 * are most of an HCP's cost; see npm run bench).
 */
export function readActivity(store: OmniStore, hcpId: string, asOf: string): InteractionActivity[] {
  const until = new Date(Date.parse(asOf) + 1).toISOString();
  const recentSince = addDays(asOf, -RECENT_WINDOW_DAYS);
  return [
    ...store.interactions.activityForHcp(hcpId, addDays(asOf, -SIGNAL_WINDOW_DAYS), recentSince, QUESTION_CHANNELS),
    ...store.interactions.activityForHcp(hcpId, recentSince, until),
  ];
}

function accessGate(shape: ActionShape, caller: Caller): GateResult {
  if (caller.role === null || shape.roles.includes(caller.role)) {
    return { gate: 'access', passed: true, reason: caller.role === null ? 'local operator' : `a ${caller.role} may take this action`, records: [] };
  }
  return { gate: 'access', passed: false, reason: `a ${caller.role.replace('_', ' ')} may not take a ${shape.purpose} action`, records: [] };
}

/** Finds the HCP the caller may see, or throws NOT_FOUND / FORBIDDEN. */
export function hcpForCaller(store: OmniStore, caller: Caller, hcpId: string): Hcp {
  const hcp = store.hcps.getById(hcpId);
  if (!hcp) throw new AppError('NOT_FOUND', `no HCP with id ${hcpId}`);
  if (!canSeeHcp(caller.scope, hcp)) throw new AppError('FORBIDDEN', `HCP ${hcpId} is outside your territories`);
  return hcp;
}

/**
 * The next best actions for one HCP, written to the decision log before they are returned: if the
 * write fails, the caller gets the error and no recommendation.
 */
export function recommendNextBestActions(deps: NbaDependencies, caller: Caller, hcpId: string, asOf: string): NbaResult {
  const hcp = hcpForCaller(deps.store, caller, hcpId);
  const evaluator = new NbaEvaluator(deps);
  const { signals, consents, actions } = evaluator.evaluate(hcp, caller, asOf);
  const allowed = actions.filter((action) => action.allowed);
  const blocked = actions.filter((action) => !action.allowed);
  const recommended = allowed[0]!; // "wait" passes every gate
  const record = deps.decisionLog.append({
    kind: 'recommendation',
    actorId: caller.actorId,
    hcpId: hcp.id,
    refersTo: null,
    payload: {
      asOf,
      hcp: { id: hcp.id, territory: hcp.territory, specialty: hcp.specialty },
      recommended: summarise(recommended),
      actions: actions.map(summarise),
      signals: signals.common.map(({ name, value, evidence }) => ({ name, value, evidence })),
      consentSnapshot: consents.map(({ channel, purpose, productId, status, since, recordId }) => ({ channel, purpose, productId, status, since, recordId })),
      modules: recommended.modules.map(({ id, version }) => ({ id, version })),
      weights: { version: deps.weights.version, sha256: deps.weights.sha256 },
      deadEndDays: deps.deadEndDays,
      model: caller.provenance?.model ?? null,
      prompt: caller.provenance ? { name: caller.provenance.promptName, sha256: caller.provenance.promptSha256 } : null,
    },
  });
  return {
    recommendationId: record.id,
    hcp: { id: hcp.id, name: hcpDisplayName(hcp), territory: hcp.territory, specialty: hcp.specialty },
    asOf,
    weightsVersion: deps.weights.version,
    recommended,
    actions: allowed,
    blocked,
    signals: signals.common,
    consents,
  };
}

/** An action as the decision log keeps it: enough to answer "why" and "why not" later. */
export function summarise(action: ScoredAction) {
  return {
    kind: action.kind,
    channel: action.channel,
    purpose: action.purpose,
    productId: action.productId,
    topic: action.topic,
    score: action.score,
    allowed: action.allowed,
    contributions: action.contributions.map(({ signal, value, weight, contribution, sentence }) => ({ signal, value, weight, contribution, sentence })),
    gates: action.gates,
    modules: action.modules.map(({ id, version }) => ({ id, version })),
  };
}
