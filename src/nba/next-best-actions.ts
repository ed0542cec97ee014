import { AppError } from '../core/app-error.ts';
import { canSeeHcp } from '../compliance/access-policy.ts';
import type { Caller } from '../compliance/caller.ts';
import { purposeDecision } from '../compliance/role-policy.ts';
import { currentConsents, type ConsentState } from '../compliance/consent-policy.ts';
import type { ContentRules } from '../compliance/content-provenance.ts';
import { consentRulesProvenance, type ConsentRules } from '../compliance/consent-jurisdictions.ts';
import type { Consent } from '../domain/consent.ts';
import type { DecisionInput, DecisionLog } from '../domain/decision-record.ts';
import { hcpDisplayName, hcpMarket, type Hcp } from '../domain/hcp.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import { productDisplayName } from '../domain/product.ts';
import type { OmniStore } from '../domain/repositories.ts';
import type { ContentFilters } from '../retrieval/content-filters.ts';
import { capGate, consentGate, type GateResult } from '../compliance/gates.ts';
import { actionShapes, type ActionShape } from './candidate-actions.ts';
import { readActivity, readActivityOfMany } from './read-activity.ts';
import { computeSignals, signalNames, type HcpSignals, type Signal, type SignalName } from './signals.ts';
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
  /** What approved text may hold (OMNI_CONTENT_LINK_DOMAINS): drafts use only modules with their provenance. */
  contentRules: ContentRules;
  /** The consent jurisdiction rules (data/policy/consent-jurisdictions.json) the consent gate applies. */
  consentRules: ConsentRules;
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

/** One HCP's signals, consents in force and scored actions (best first). */
export interface HcpEvaluation {
  signals: HcpSignals;
  consents: ConsentState[];
  actions: ScoredAction[];
}

/** The approved modules for an action on the HCP being scored (findContent, or a batch's shared choice). */
type ContentChooser = (shape: ActionShape, productId: string | null, topic: string) => ScoredAction['modules'];

/** HCPs read per statement in evaluateMany: 16 to 256 measured alike; bigger chunks keep more rows alive (GC), smaller ones run more statements. */
const EVALUATION_CHUNK = 64;

/** Signal names in localeCompare order, the tie-break between equal contributions (a rank, not a collation per comparison). */
const signalOrder = new Map([...signalNames].sort((a, b) => a.localeCompare(b)).map((name, rank) => [name, rank]));

/** Rounds to 6 decimals, so contributions add up to the score exactly as printed and stored. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Scores every candidate action for one HCP, without writing anything. Used by the single-HCP
 * recommendation and by territory plans; both log what they show.
 */
export class NbaEvaluator {
  private readonly productNames: Map<string, string>;
  private readonly brandNames: Map<string, string>;
  /** Each action's weights as [signal, weight] pairs, in the weights file's order. */
  private readonly weightsOf: Record<ActionKind, [SignalName, number][]>;

  constructor(private readonly deps: NbaDependencies) {
    this.weightsOf = Object.fromEntries(actionKinds.map((kind) => [kind, Object.entries(deps.weights.actions[kind]) as [SignalName, number][]])) as Record<ActionKind, [SignalName, number][]>;
    const products = deps.store.products.list();
    this.productNames = new Map(products.map((product) => [product.id, productDisplayName(product)]));
    this.brandNames = new Map(products.map((product) => [product.id, product.brandName]));
  }

  productName = (productId: string | null): string => (productId ? (this.productNames.get(productId) ?? productId) : 'unspecified product');

  evaluate(hcp: Hcp, caller: Caller, asOf: string): HcpEvaluation {
    const { store } = this.deps;
    const content: ContentChooser = (shape, productId, topic) => this.findContent(shape, hcp, productId, topic, asOf);
    return this.score(hcp, caller, asOf, readActivity(store, hcp.id, asOf), store.consents.forHcp(hcp.id), content);
  }

  /**
   * evaluate() for many HCPs, the batch path (territory plans, a nightly run over every HCP): rows
   * and consents are read for a chunk of HCPs at a time, and the content chosen for an action is
   * shared by HCPs of the same market, specialty, product and topic (it depends on nothing else of the HCP).
   * Yields in the order given, the same evaluation evaluate() gives each HCP
   * (src/nba/evaluate-many.test.ts). Pass HCPs in id order when there are many: rows are stored so.
   */
  *evaluateMany(hcps: readonly Hcp[], caller: Caller, asOf: string, options: { chunkSize?: number } = {}): Generator<HcpEvaluation & { hcp: Hcp }> {
    const { store } = this.deps;
    const chunkSize = Math.max(1, options.chunkSize ?? EVALUATION_CHUNK);
    const chosen = new Map<string, ScoredAction['modules']>();
    let revision: number | undefined;
    for (let start = 0; start < hcps.length; start += chunkSize) {
      // A module written since the last chunk (withdrawn, say) invalidates every choice made so far.
      const current = store.contentModules.revision();
      if (current !== revision) {
        chosen.clear();
        revision = current;
      }
      const chunk = hcps.slice(start, start + chunkSize);
      const ids = chunk.map((hcp) => hcp.id);
      const activity = readActivityOfMany(store, ids, asOf);
      const consents = store.consents.forHcps(ids);
      for (const hcp of chunk) {
        const market = hcpMarket(hcp);
        const content: ContentChooser = (shape, productId, topic) => {
          const key = `${shape.kind}\u0000${market}\u0000${hcp.specialty}\u0000${productId ?? ''}\u0000${topic}`;
          let modules = chosen.get(key);
          if (modules === undefined) {
            modules = this.findContent(shape, hcp, productId, topic, asOf);
            chosen.set(key, modules);
          }
          return modules.slice();
        };
        yield { hcp, ...this.score(hcp, caller, asOf, activity.get(hcp.id)!, consents.get(hcp.id) ?? [], content) };
      }
    }
  }

  private score(hcp: Hcp, caller: Caller, asOf: string, activity: InteractionActivity[], consentEvents: Consent[], content: ContentChooser): HcpEvaluation {
    const { weights } = this.deps;
    const purposes = caller.scope.interactionPurposes;
    const interactions = purposes === undefined ? activity : activity.filter((interaction) => purposes.includes(interaction.purpose));
    const consents = currentConsents(consentEvents, asOf);
    const signals = computeSignals({ hcp, interactions, consents: consentEvents, asOf, settings: { deadEndDays: this.deps.deadEndDays, caps: weights.caps }, productName: this.productName });

    const common = new Map(signals.common.map((signal) => [signal.name, signal]));
    const actions: ScoredAction[] = [];
    for (const kind of actionKinds) {
      const shape = actionShapes[kind];
      const onChannel = shape.channel ? signals.forChannel(shape.channel) : [];
      const contributions: Contribution[] = [];
      for (const [name, weight] of this.weightsOf[kind]) {
        const signal = common.get(name) ?? onChannel.find((candidate) => candidate.name === name);
        if (!signal) continue;
        contributions.push({ signal: name, value: signal.value, weight, contribution: round6(weight * signal.value), sentence: signal.sentence, evidence: signal.evidence });
      }
      contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || signalOrder.get(a.signal)! - signalOrder.get(b.signal)!);
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
      if (shape.needsConsent && shape.channel && shape.purpose) gates.push(consentGate(consents, shape.channel, shape.purpose, productId, this.deps.consentRules));
      if (shape.capped) gates.push(capGate(signals.contacts, weights.caps));
      let modules: ScoredAction['modules'] = [];
      if (shape.content) {
        modules = content(shape, productId, topic);
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

/** The promotional/medical firewall for an action: its purpose (an event invitation's is promotional) against the caller's role. */
function accessGate(shape: ActionShape, caller: Caller): GateResult {
  if (shape.purpose === null) return { gate: 'access', passed: true, reason: 'waiting needs no permission', records: [] };
  const decision = purposeDecision(caller.role, shape.content?.purpose ?? shape.purpose, shape.use);
  return { gate: 'access', passed: decision.allowed, reason: decision.allowed ? decision.reason : `${decision.reason}, so not a ${shape.label}`, records: [] };
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
  const evaluation = new NbaEvaluator(deps).evaluate(hcp, caller, asOf);
  const record = deps.decisionLog.append(recommendationDecision(deps, caller, hcp, evaluation, asOf));
  return recommendationResult(deps, hcp, evaluation, asOf, record.id);
}

/** The decision-log record of a recommendation: what was shown, and everything it was computed from. */
export function recommendationDecision(deps: NbaDependencies, caller: Caller, hcp: Hcp, evaluation: HcpEvaluation, asOf: string): DecisionInput {
  const { signals, consents, actions } = evaluation;
  const recommended = actions.find((action) => action.allowed)!; // "wait" passes every gate
  return {
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
      consentRules: consentRulesProvenance(deps.consentRules),
      deadEndDays: deps.deadEndDays,
      model: caller.provenance?.model ?? null,
      prompt: caller.provenance ? { name: caller.provenance.promptName, sha256: caller.provenance.promptSha256 } : null,
    },
  };
}

/** A recommendation as returned, once its record (`recommendationId`) is written. */
export function recommendationResult(deps: NbaDependencies, hcp: Hcp, evaluation: HcpEvaluation, asOf: string, recommendationId: string): NbaResult {
  const { signals, consents, actions } = evaluation;
  const allowed = actions.filter((action) => action.allowed);
  return {
    recommendationId,
    hcp: { id: hcp.id, name: hcpDisplayName(hcp), territory: hcp.territory, specialty: hcp.specialty },
    asOf,
    weightsVersion: deps.weights.version,
    recommended: allowed[0]!,
    actions: allowed,
    blocked: actions.filter((action) => !action.allowed),
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
