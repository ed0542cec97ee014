import { DAY_MS } from '../core/dates.ts';
import type { Hcp } from '../domain/hcp.ts';
import type { Interaction } from '../domain/interaction.ts';
import type { FieldNote } from '../domain/field-note.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { productDisplayName, type Product } from '../domain/product.ts';
import type { Channel } from '../domain/vocabulary.ts';
import { canSeeHcp, type AccessScope } from '../compliance/access-policy.ts';
import { currentConsents, type ConsentState } from '../compliance/consent-policy.ts';
import { Redactor } from '../compliance/redaction.ts';
import { flagNotes, type NoteAdverseEventFlag } from '../insights/adverse-events.ts';
import { competitorNames } from '../insights/lexicons.ts';
import { computeOpenSignals, type OpenSignal, type SignalOptions } from '../nba/open-signals.ts';

/** The unified view of one HCP at a moment, as one user may see it. */
export interface HcpProfile {
  hcp: Hcp;
  asOf: string;
  consents: ConsentState[];
  /** Newest first. */
  recentInteractions: Interaction[];
  channelActivity: ChannelActivity[];
  /** Newest first; notes are quoted data, never instructions, with personal data redacted (src/compliance/redaction.ts). */
  recentNotes: FieldNote[];
  /** The recent notes that describe a possible adverse event: each must reach Drug Safety within one business day. */
  adverseEventFlags: NoteAdverseEventFlag[];
  signals: OpenSignal[];
}

export interface ChannelActivity {
  channel: Channel;
  last90Days: number;
  last365Days: number;
  lastAt: string;
}

export type ProfileLookup =
  | { status: 'found'; profile: HcpProfile }
  | { status: 'ambiguous'; query: string; candidates: Hcp[] }
  | { status: 'not_found'; query: string }
  | { status: 'out_of_scope'; query: string; territories: readonly string[] };

export interface ProfileOptions {
  asOf: string;
  scope: AccessScope;
  recentInteractionLimit?: number;
  recentNoteLimit?: number;
  signalOptions?: Partial<SignalOptions>;
}

const MAX_CANDIDATES = 10;
const CREDENTIAL_SUFFIX = /\s*,\s*(MD|DO|NP|PA-C|PA|PhD|RN|DNP|MBBS|PharmD)\.?\s*$/i;

/**
 * Finds an HCP by id or name within the caller's scope and assembles the profile. A name that
 * matches several HCPs returns the candidates instead of guessing.
 */
export function lookupHcpProfile(store: OmniStore, query: string, options: ProfileOptions): ProfileLookup {
  // "Rachel Chen, MD", as tools and the CLI print names, finds Rachel Chen.
  const trimmed = query.trim().replace(CREDENTIAL_SUFFIX, '');
  const byId = store.hcps.getById(trimmed);
  if (byId) {
    if (!canSeeHcp(options.scope, byId)) return { status: 'out_of_scope', query: trimmed, territories: options.scope.territories ?? [] };
    return { status: 'found', profile: assembleProfile(store, byId, options) };
  }
  const matches = store.hcps.searchByName(trimmed, { territories: options.scope.territories, limit: MAX_CANDIDATES + 1 });
  if (matches.length === 0) return { status: 'not_found', query: trimmed };
  if (matches.length > 1) return { status: 'ambiguous', query: trimmed, candidates: matches.slice(0, MAX_CANDIDATES) };
  return { status: 'found', profile: assembleProfile(store, matches[0]!, options) };
}

export function assembleProfile(store: OmniStore, hcp: Hcp, options: ProfileOptions): HcpProfile {
  const { asOf, scope } = options;
  const now = Date.parse(asOf);
  const yearAgo = new Date(now - 365 * DAY_MS).toISOString();
  const untilExclusive = new Date(now + 1).toISOString();
  const purposes = scope.interactionPurposes;
  const visible = (interaction: Interaction) => purposes === undefined || purposes.includes(interaction.purpose);
  const everyPurpose = store.interactions.forHcpBetween(hcp.id, yearAgo, untilExclusive);
  const lastYear = everyPurpose.filter(visible);
  const consents = store.consents.forHcp(hcp.id);

  const activity = new Map<Channel, ChannelActivity>();
  for (const interaction of lastYear) {
    const entry = activity.get(interaction.channel) ?? { channel: interaction.channel, last90Days: 0, last365Days: 0, lastAt: interaction.occurredAt };
    entry.last365Days++;
    if (now - Date.parse(interaction.occurredAt) < 90 * DAY_MS) entry.last90Days++;
    if (interaction.occurredAt > entry.lastAt) entry.lastAt = interaction.occurredAt;
    activity.set(interaction.channel, entry);
  }

  const limit = options.recentInteractionLimit ?? 12;
  const recentInteractions =
    lastYear.length >= limit
      ? lastYear.slice(-limit).reverse()
      : store.interactions.recentForHcp(hcp.id, { limit, before: untilExclusive, ...(purposes ? { purposes } : {}) });

  const products = store.products.list();
  const redactor = quoteRedactor(store, hcp, products);
  const recentNotes = store.notes
    .recentForHcp(hcp.id, { limit: options.recentNoteLimit ?? 5, before: untilExclusive, kinds: scope.noteKinds })
    .map((note) => ({ ...note, text: redactor.redact(note.text) }));

  const productNames = new Map(products.map((product) => [product.id, productDisplayName(product)]));
  // Signals read every interaction (a dead end is only a dead end if nobody at all followed up);
  // a medical-only view is shown the medical and consent signals alone, whose evidence it may see.
  const signals = computeOpenSignals({
    interactions: everyPurpose,
    consents,
    segment: hcp.segment,
    asOf,
    options: options.signalOptions,
    productName: (productId) => (productId ? (productNames.get(productId) ?? productId) : 'unspecified product'),
  }).filter((signal) => purposes === undefined || signal.kind === 'open_medical_question' || signal.kind === 'consent_revoked');

  return {
    hcp,
    asOf,
    consents: currentConsents(consents, asOf),
    recentInteractions,
    channelActivity: [...activity.values()].sort((a, b) => b.last365Days - a.last365Days),
    recentNotes,
    adverseEventFlags: flagNotes(recentNotes),
    signals,
  };
}


/**
 * The redactor for one HCP's notes: the HCP's and the users' names are known names; products and
 * competitors are never names; the HCP's institution and city are words.
 */
export function quoteRedactor(store: OmniStore, hcp: Hcp, products: readonly Product[] = store.products.list()): Redactor {
  const people = [`${hcp.firstName} ${hcp.lastName}`, ...store.users.list().map((user) => user.name)];
  return new Redactor({
    names: people.flatMap((name) => [name, ...name.split(/\s+/)]),
    products: [...products.flatMap((product) => [product.brandName, product.genericName]), ...competitorNames()],
    keep: [hcp.institution, hcp.city],
  });
}
