import type { ContentModule } from '../domain/content-module.ts';
import type { DecisionLog } from '../domain/decision-record.ts';
import { hcpMarket, type Hcp } from '../domain/hcp.ts';
import type { Interaction } from '../domain/interaction.ts';
import { productDisplayName } from '../domain/product.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { channelName, type Channel, type Purpose } from '../domain/vocabulary.ts';
import { readActivity } from '../nba/read-activity.ts';
import { computeSignals } from '../nba/signals.ts';
import type { NbaWeights } from '../nba/weights.ts';
import { checkContentFilters, type ContentFilters } from '../retrieval/content-filters.ts';
import { canSeeHcp } from '../compliance/access-policy.ts';
import { purposeDecision } from '../compliance/role-policy.ts';
import { ContentProvenance, type ContentRules } from '../compliance/content-provenance.ts';
import { currentConsents, type ConsentState } from '../compliance/consent-policy.ts';
import { consentRulesProvenance, type ConsentRules } from '../compliance/consent-jurisdictions.ts';
import { CAP_WAIT_ALTERNATIVE, capGate, consentedAlternatives, consentGate, MEDICAL_INFORMATION_ROUTE, type GateResult } from '../compliance/gates.ts';
import type { Caller } from '../compliance/caller.ts';

/** Channels a written follow-up can go out on. */
export const draftChannels = ['email', 'whatsapp', 'sms'] as const;
export type DraftChannel = (typeof draftChannels)[number];

/** The only words a draft may hold that are not module text: each is taken from the data. */
export const slotNames = ['hcp_name', 'rep_name', 'event_title', 'event_date'] as const;
export type SlotName = (typeof slotNames)[number];

export interface DraftRequest {
  hcpId: string;
  channel: DraftChannel;
  purpose: 'promotional' | 'medical';
  /** The modules the body is built from, in order (greeting and sign-off are added). */
  moduleIds: readonly string[];
  /** The HCP's event interaction a follow-up refers to: it fills event_title and event_date. */
  eventInteractionId?: string | undefined;
  /** Slot values the model proposes; each must equal the value taken from the data, else the draft is refused. */
  slots?: Readonly<Record<string, string>> | undefined;
}

/** One sentence of a draft and where it came from. */
export interface TracedSentence {
  text: string;
  moduleId: string;
  version: number;
  /** Slots filled in this sentence. */
  slots: SlotName[];
}

export interface FollowUpDraft {
  status: 'drafted';
  /** The decision-log record the draft was written as, before it was returned. */
  draftId: string;
  hcpId: string;
  channel: DraftChannel;
  purpose: 'promotional' | 'medical';
  text: string;
  sentences: TracedSentence[];
  modules: { id: string; version: number; title: string; kind: string; addedBecause: string }[];
  slots: Partial<Record<SlotName, string>>;
  gates: GateResult[];
}

/** A draft that may not be written, with what to do instead. Not an error: the model can act on it. */
export interface DraftRefusal {
  status: 'refused';
  reason: 'out_of_scope' | 'not_found' | 'not_allowed' | 'consent' | 'frequency_cap' | 'module_not_approved' | 'free_text' | 'missing_event' | 'no_content';
  message: string;
  gates: GateResult[];
  /** Compliant alternatives: consented channels, the medical-information request route. */
  alternatives: string[];
}

export type DraftOutcome = FollowUpDraft | DraftRefusal;

export interface DraftDependencies {
  store: OmniStore;
  decisionLog: DecisionLog;
  weights: Pick<NbaWeights, 'caps'>;
  deadEndDays: number;
  /** What approved text may hold (link domains): a stored module that fails its provenance never reaches a draft. */
  contentRules: ContentRules;
  /** The consent jurisdiction rules the consent gate applies (data/policy/consent-jurisdictions.json). */
  consentRules: ConsentRules;
}

/** Event interactions a follow-up can refer to. */
const EVENT_CHANNELS: readonly Channel[] = ['webinar', 'congress_booth'];
const SLOT_PATTERN = /\{\{\s*([a-z_]+)\s*\}\}/g;

/**
 * Assembles a follow-up only from approved module text and slots filled from the data, after the
 * consent, frequency-cap and access checks; writes it to the decision log before returning it.
 * Anything else the model asks for comes back as a refusal it can act on.
 */
export function draftFollowUp(deps: DraftDependencies, caller: Caller, repName: string, asOf: string, request: DraftRequest): DraftOutcome {
  const { store } = deps;
  const refuse = (reason: DraftRefusal['reason'], message: string, gates: GateResult[] = [], alternatives: string[] = []): DraftRefusal => ({
    status: 'refused',
    reason,
    message,
    gates,
    alternatives,
  });

  const hcp = store.hcps.getById(request.hcpId);
  if (!hcp) return refuse('not_found', `no HCP with id ${request.hcpId}; look them up by name first`);
  if (!canSeeHcp(caller.scope, hcp)) return refuse('out_of_scope', `HCP ${request.hcpId} is outside your territories; nothing was drafted`);
  // The promotional/medical firewall (src/compliance/role-policy.ts): nothing is drafted across it.
  const firewall = purposeDecision(caller.role, request.purpose);
  if (!firewall.allowed) return refuse('not_allowed', `${firewall.reason}; nothing was drafted`, [], firewall.alternatives);

  // Modules: each approved for this HCP, channel and purpose today, in the version valid today, with
  // its provenance (approver, MLR code, date, clean text), however it came into the store.
  const filters: ContentFilters = { asOf: asOf.slice(0, 10), market: hcpMarket(hcp), specialty: hcp.specialty, channel: request.channel, purpose: request.purpose };
  const provenance = new ContentProvenance(deps.contentRules, (id) => store.users.exists(id));
  const chosen: { module: ContentModule; addedBecause: string }[] = [];
  const seen = new Set<string>();
  const add = (id: string, addedBecause: string): string | null => {
    if (seen.has(id)) return null;
    const module = approvedVersion(store, id, filters, provenance);
    if (typeof module === 'string') return module;
    seen.add(id);
    chosen.push({ module, addedBecause });
    for (const required of module.requiredModuleIds) {
      const problem = add(required, `required by ${module.id} (fair balance)`);
      if (problem) return `${module.id} needs ${required}, which cannot be used here: ${problem}`;
    }
    return null;
  };
  if (request.moduleIds.length === 0) return refuse('no_content', 'name at least one approved module id (search_approved_content finds them)');
  for (const id of request.moduleIds) {
    const problem = add(id, 'chosen');
    if (problem) return refuse('module_not_approved', problem);
  }

  // Slots: only values taken from the data.
  const event = request.eventInteractionId ? eventOf(store, hcp, request.eventInteractionId, asOf, caller.scope.interactionPurposes) : null;
  if (typeof event === 'string') return refuse('missing_event', event);
  const values: Partial<Record<SlotName, string>> = { hcp_name: `Dr. ${hcp.lastName}`, rep_name: repName };
  if (event) Object.assign(values, { event_title: event.title, event_date: event.date });
  for (const [name, proposed] of Object.entries(request.slots ?? {})) {
    if (!(slotNames as readonly string[]).includes(name)) {
      return refuse('free_text', `"${name}" is not a slot; drafts hold approved module text and the slots ${slotNames.join(', ')} only, filled from the data`);
    }
    const actual = values[name as SlotName];
    if (actual === undefined || normalise(actual) !== normalise(proposed)) {
      return refuse(
        'free_text',
        `slot ${name} must be taken from the data${actual ? ` ("${actual}")` : name.startsWith('event_') ? ': pass eventInteractionId (a webinar or congress interaction of this HCP) instead' : ''}; free text cannot go into a draft`,
      );
    }
  }

  // Frame the body with the approved greeting and sign-off for the channel, when there are any.
  const frame = framingModules(store, filters, seen, provenance);
  const ordered = [
    ...(frame.greeting ? [{ module: frame.greeting, addedBecause: 'greeting template' }] : []),
    ...order(chosen),
    ...(frame.signOff ? [{ module: frame.signOff, addedBecause: 'sign-off template' }] : []),
  ];
  const sentences: TracedSentence[] = [];
  const paragraphs: string[] = [];
  for (const { module } of ordered) {
    const needed = [...module.body.matchAll(SLOT_PATTERN)].map((match) => match[1]!);
    for (const name of needed) {
      if (!(slotNames as readonly string[]).includes(name)) return refuse('module_not_approved', `${module.id} uses an unknown slot {{${name}}}`);
      if (values[name as SlotName] === undefined) {
        return refuse('missing_event', `${module.id} needs ${name}: pass eventInteractionId (one of the HCP's webinar or congress interactions: ${eventChoices(store, hcp, asOf, caller.scope.interactionPurposes)})`);
      }
    }
    const moduleSentences = splitSentences(module.body).map((sentence) => ({
      text: sentence.replace(SLOT_PATTERN, (_, name: string) => values[name as SlotName]!),
      moduleId: module.id,
      version: module.version,
      slots: [...sentence.matchAll(SLOT_PATTERN)].map((match) => match[1] as SlotName),
    }));
    sentences.push(...moduleSentences);
    paragraphs.push(moduleSentences.map((sentence) => sentence.text).join(module.kind === 'template' ? '\n' : ' '));
  }

  // A brand name first appears with its generic name, as approved text introduces it.
  const text = paragraphs.join('\n\n');
  for (const product of store.products.list()) {
    const first = text.indexOf(product.brandName);
    if (first >= 0 && !text.startsWith(`${product.brandName} (${product.genericName})`, first)) {
      return refuse('module_not_approved', `${product.brandName} would first appear without its generic name (${product.genericName}); start with a module that introduces it, such as its claim or patient-support module`);
    }
  }
  if (!ordered.some(({ module }) => module.kind !== 'template') && !event) {
    // Templates alone are fine for an event follow-up; otherwise there is nothing to say.
    return refuse('no_content', 'the modules chosen are templates only; add an approved content module or an event to follow up on');
  }

  // Gates: consent for every purpose and product the draft carries, and the contact caps.
  const consentEvents = store.consents.forHcp(hcp.id);
  const consents = currentConsents(consentEvents, asOf);
  // Per purpose, each product the draft speaks of (product-neutral text needs the general consent).
  const productsByPurpose = new Map<Purpose, Set<string | null>>();
  for (const { module } of ordered) {
    const purpose: Purpose = module.purpose === 'events' ? 'events' : request.purpose;
    const products = productsByPurpose.get(purpose) ?? new Set<string | null>();
    products.add(module.productId);
    productsByPurpose.set(purpose, products);
  }
  const needs = [...productsByPurpose].flatMap(([purpose, products]) => {
    const named = [...products].filter((productId) => productId !== null);
    return (named.length > 0 ? named : [null]).map((productId) => ({ purpose, productId }));
  });
  const gates: GateResult[] = needs.map(({ purpose, productId }) => consentGate(consents, request.channel, purpose, productId, deps.consentRules));
  const interactions = readActivity(store, hcp.id, asOf);
  const signals = computeSignals({ hcp, interactions, consents: consentEvents, asOf, settings: { deadEndDays: deps.deadEndDays, caps: deps.weights.caps }, productName: () => '' });
  if (request.purpose === 'promotional') gates.push(capGate(signals.contacts, deps.weights.caps));
  const failed = gates.find((gate) => !gate.passed);
  if (failed) {
    // The cap counts contacts on every channel by every rep: another channel is no way round it, only waiting is.
    const alternatives = failed.gate === 'consent' ? alternativesFor(consents, request.channel, request.purpose, needs[0]?.productId ?? null, deps.consentRules) : [CAP_WAIT_ALTERNATIVE, MEDICAL_INFORMATION_ROUTE];
    return refuse(failed.gate === 'consent' ? 'consent' : 'frequency_cap', `${failed.reason}; nothing was drafted`, gates, alternatives);
  }

  const slots = Object.fromEntries(Object.entries(values).filter(([name]) => sentences.some((sentence) => sentence.slots.includes(name as SlotName)))) as Partial<Record<SlotName, string>>;
  const modules = ordered.map(({ module, addedBecause }) => ({ id: module.id, version: module.version, title: module.title, kind: module.kind, addedBecause }));
  const record = deps.decisionLog.append({
    kind: 'draft',
    actorId: caller.actorId,
    hcpId: hcp.id,
    refersTo: null,
    payload: {
      asOf,
      channel: request.channel,
      purpose: request.purpose,
      modules: modules.map(({ id, version, addedBecause }) => ({ id, version, addedBecause })),
      sentences: sentences.map(({ text: sentence, moduleId, version, slots: used }) => ({ text: sentence, moduleId, version, slots: used })),
      slots,
      eventInteractionId: request.eventInteractionId ?? null,
      gates: gates.map(({ gate, passed, reason, records }) => ({ gate, passed, reason, records })),
      consentSnapshot: consents.map(({ channel, purpose, productId, status, since, recordId }) => ({ channel, purpose, productId, status, since, recordId })),
      consentRules: consentRulesProvenance(deps.consentRules),
      model: caller.provenance?.model ?? null,
      prompt: caller.provenance ? { name: caller.provenance.promptName, sha256: caller.provenance.promptSha256 } : null,
    },
  });
  return { status: 'drafted', draftId: record.id, hcpId: hcp.id, channel: request.channel, purpose: request.purpose, text, sentences, modules, slots, gates };
}

/** The version of a module that passes the filters now and has its provenance, or why none does. */
function approvedVersion(store: OmniStore, id: string, filters: ContentFilters, provenance: ContentProvenance): ContentModule | string {
  const latest = store.contentModules.get(id);
  if (!latest) return `no content module ${id}`;
  let firstFailure = '';
  for (let version = latest.version; version >= 1; version--) {
    const module = version === latest.version ? latest : store.contentModules.get(id, version);
    if (!module) continue;
    const decision = checkContentFilters(module, filters);
    // Which rule failed, never the text itself: the module's text is what cannot be trusted.
    const fields = decision.passed ? [...new Set(provenance.problems(module).map((problem) => problem.field))] : [];
    if (decision.passed && fields.length === 0) return module;
    if (!firstFailure) firstFailure = decision.passed ? `its ${fields.join(' and ')} fail the content provenance rules, so it is held back` : (decision.reasons[0] ?? 'fails the content filters');
  }
  return `${id} is not approved for this HCP, channel and purpose today (${firstFailure})`;
}

/** Greeting and sign-off: the approved templates that hold nothing but the HCP's or the rep's name. */
function framingModules(store: OmniStore, filters: ContentFilters, taken: Set<string>, provenance: ContentProvenance): { greeting: ContentModule | null; signOff: ContentModule | null } {
  const templates = store.contentModules
    .listByKind('template')
    .filter((module) => !taken.has(module.id) && checkContentFilters(module, filters).passed && provenance.usable(module));
  const only = (slot: SlotName) => (module: ContentModule) => {
    const used = [...module.body.matchAll(SLOT_PATTERN)].map((match) => match[1]);
    return used.length === 1 && used[0] === slot && module.body.length <= 80;
  };
  return { greeting: templates.find(only('hcp_name')) ?? null, signOff: templates.find(only('rep_name')) ?? null };
}

/** Event follow-ups first, claims before the safety information they require, other templates last. */
function order(chosen: { module: ContentModule; addedBecause: string }[]) {
  const rank = (module: ContentModule) =>
    module.kind === 'template' && /\{\{\s*event_/.test(module.body) ? 0 : module.kind === 'template' ? 4 : module.kind === 'safety' || module.kind === 'isi' ? 3 : 1;
  return chosen.map((entry, index) => ({ entry, index })).sort((a, b) => rank(a.entry.module) - rank(b.entry.module) || a.index - b.index).map(({ entry }) => entry);
}

interface DraftEvent {
  title: string;
  date: string;
}

/** An event of this HCP's (a webinar or congress interaction up to now), as slot values. */
function eventOf(store: OmniStore, hcp: Hcp, interactionId: string, asOf: string, purposes: readonly Purpose[] | undefined): DraftEvent | string {
  const interaction = store.interactions.getById(interactionId);
  const attended = interaction && (interaction.outcome === 'attended' || interaction.outcome === 'completed');
  const visible = interaction && (purposes === undefined || purposes.includes(interaction.purpose));
  if (!interaction || !attended || !visible || interaction.hcpId !== hcp.id || interaction.occurredAt > asOf || !EVENT_CHANNELS.includes(interaction.channel)) {
    return `${interactionId} is not a webinar or congress visit ${hcp.id} attended; theirs are: ${eventChoices(store, hcp, asOf, purposes)}`;
  }
  return describeEvent(store, interaction);
}

/** The slot values an event interaction gives: "the GILENYA (fingolimod) webinar on macular edema", "9 March 2026". */
export function describeEvent(store: OmniStore, interaction: Pick<Interaction, 'channel' | 'productId' | 'topic' | 'occurredAt'>): DraftEvent {
  const product = interaction.productId ? store.products.getById(interaction.productId) : undefined;
  const productName = product ? productDisplayName(product) : '';
  const date = new Date(interaction.occurredAt);
  const day = `${date.getUTCDate()} ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${date.getUTCFullYear()}`;
  if (interaction.channel === 'webinar') {
    return { title: `the ${productName ? `${productName} ` : ''}webinar${interaction.topic ? ` on ${interaction.topic}` : ''}`, date: day };
  }
  return { title: `the ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${date.getUTCFullYear()} congress`, date: day };
}

/** An event of an HCP's a follow-up can refer to, with the slot values it gives. */
export interface EventOnRecord {
  interactionId: string;
  channel: Channel;
  occurredAt: string;
  productId: string | null;
  topic: string;
  title: string;
  date: string;
}

/** The HCP's most recent events attended (webinars, congress booth visits) up to `asOf`, newest first. */
export function recentEvents(store: OmniStore, hcpId: string, asOf: string, limit = 5, purposes?: readonly Purpose[]): EventOnRecord[] {
  return store.interactions
    .recentForHcp(hcpId, { limit: 400, before: new Date(Date.parse(asOf) + 1).toISOString(), ...(purposes ? { purposes } : {}) })
    .filter((interaction) => EVENT_CHANNELS.includes(interaction.channel) && (interaction.outcome === 'attended' || interaction.outcome === 'completed'))
    .slice(0, limit)
    .map((interaction) => ({
      interactionId: interaction.id,
      channel: interaction.channel,
      occurredAt: interaction.occurredAt,
      productId: interaction.productId,
      topic: interaction.topic,
      ...describeEvent(store, interaction),
    }));
}

/** The HCP's most recent events the caller may see, for a refusal the model can act on. */
function eventChoices(store: OmniStore, hcp: Hcp, asOf: string, purposes: readonly Purpose[] | undefined): string {
  const events = recentEvents(store, hcp.id, asOf, 5, purposes);
  return events.length === 0 ? 'none on record' : events.map((event) => `${event.interactionId} (${event.title}, ${event.date})`).join(', ');
}

/** Other channels with consent for the purpose, and the medical-information route, as sentences. */
function alternativesFor(consents: readonly ConsentState[], channel: Channel, purpose: Purpose, productId: string | null, rules: ConsentRules): string[] {
  return [...consentedAlternatives(consents, channel, purpose, productId, rules).map((other) => `${channelName(other.channel)}: ${other.reason}`), MEDICAL_INFORMATION_ROUTE];
}

/** Sentences of a module body; line breaks in templates (a sign-off) are kept as separate sentences. */
export function splitSentences(body: string): string[] {
  return body
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

const normalise = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();
