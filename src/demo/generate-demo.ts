import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SeededRandom } from '../core/seeded-random.ts';
import { AppError } from '../core/app-error.ts';
import { DAY_MS, parseIsoDate } from '../core/dates.ts';
import type { Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import { isIntentSignal, isPersonalContact, type Interaction } from '../domain/interaction.ts';
import type { Consent } from '../domain/consent.ts';
import type { FieldNote } from '../domain/field-note.ts';
import { moduleKey, type ContentModule } from '../domain/content-module.ts';
import type { Product } from '../domain/product.ts';
import type { Channel, Outcome, Purpose, Segment } from '../domain/vocabulary.ts';
import { loadLabelSections, sectionHighlights, type LabelSection } from '../content/fda-label-sections.ts';
import { labelSectionModules, modulesLackingGenericName } from '../content/label-modules.ts';
import {
  congresses,
  demoLabelProducts,
  demoProducts,
  demoSpecialties,
  demoTerritories,
  firstNames,
  institutionKinds,
  lastNames,
  patientMixTags,
  preferredChannels,
  type DemoProduct,
  type DemoSpecialty,
} from './catalog.ts';
import { composeNote, type NoteCategory, type PlantedNote } from './note-templates.ts';

/**
 * The deterministic demo generator. The same seed file gives the same data, row for row. It
 * simulates a year of omnichannel activity per HCP (visits, emails, webinars, congresses, medical
 * inquiries, notes, consent changes) and plants the patterns Omni exists to catch: dead ends,
 * over-contact, open medical questions, shifting interest and differing channel preferences.
 * Every person, institution, note and behaviour is synthetic and flagged so.
 */

export const SEED_PATH = fileURLToPath(new URL('../../data/demo-seed.json', import.meta.url));

const ScaleSettings = z.object({
  hcps: z.number().int().min(1),
  /** Sub-territories per region: 1 gives the three demo territories. */
  territoriesPerRegion: z.number().int().min(1).max(99),
  /** Multiplies every activity rate. */
  intensity: z.number().positive(),
});

export const DemoSeed = z.object({
  seed: z.number().int(),
  /** The last moment of the simulated year; the data ends here. */
  anchorDate: z.iso.datetime(),
  deadEndDays: z.number().int().min(1),
  scales: z.object({ demo: ScaleSettings, large: ScaleSettings }),
});
export type DemoSeed = z.infer<typeof DemoSeed>;
export type Scale = keyof DemoSeed['scales'];

export function loadDemoSeed(path = SEED_PATH): DemoSeed {
  return DemoSeed.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The day (YYYY-MM-DD, UTC) a seed's year ends on. */
export function seedAnchorDay(seed: DemoSeed): string {
  return seed.anchorDate.slice(0, 10);
}

/**
 * The seed with its year ending on `day` (YYYY-MM-DD, UTC) at the seed's own time of day. Only the
 * dates move: the same seed and day give the same rows, and the seed's own day gives the seed.
 */
export function seedEndingOn(seed: DemoSeed, day: string): DemoSeed {
  const parsed = parseIsoDate(day);
  if (!parsed) throw new AppError('INVALID_INPUT', `the demo anchor must be a date (YYYY-MM-DD), not "${day}"`);
  return { ...seed, anchorDate: new Date(Date.parse(`${parsed}T00:00:00.000Z`) + (Date.parse(seed.anchorDate) % DAY_MS)).toISOString() };
}

/** Where generated rows go: the store's repositories, a CSV writer, a test's arrays. */
export interface DemoSink {
  product(product: Product): void;
  user(user: User): void;
  hcp(hcp: Hcp): void;
  consent(consent: Consent): void;
  interaction(interaction: Interaction): void;
  note(note: FieldNote): void;
  contentModule(module: ContentModule): void;
  /**
   * Optional: what was planted in each note (category, adverse-event phrase), for tests and benches
   * that judge the insight engine. Never part of the note row.
   */
  plantedNote?(planted: PlantedNoteRecord): void;
}

/** One note's ground truth, as the generator planted it (see DemoSink.plantedNote). */
export interface PlantedNoteRecord extends PlantedNote {
  noteId: string;
  hcpId: string;
  productId: string;
  writtenAt: string;
  kind: 'rep' | 'msl';
}

/** The ground truth of every demo note, by note id: runs the generator again (about 3 s at demo scale) and keeps only that. */
export function plantedDemoNotes(scale: Scale = 'demo', seed: DemoSeed = loadDemoSeed()): Map<string, PlantedNoteRecord> {
  const planted = new Map<string, PlantedNoteRecord>();
  const ignore = () => {};
  generateDemoWorld(scale, { product: ignore, user: ignore, hcp: ignore, consent: ignore, interaction: ignore, note: ignore, contentModule: ignore, plantedNote: (record) => planted.set(record.noteId, record) }, seed);
  return planted;
}

export interface DemoSummary {
  scale: Scale;
  seed: number;
  anchorDate: string;
  products: number;
  users: number;
  hcps: number;
  consents: number;
  interactions: number;
  notes: number;
  contentModules: number;
  /** HCPs planted with each pattern, so tests and demos can find them. */
  planted: { deadEnds: number; overContacted: number; openMedicalQuestions: number };
}

const SOURCE_CRM = 'crm';
const SOURCE_MAP = 'marketing-automation';
const SYSTEM_MARKETING = 'system:marketing-automation';
const SYSTEM_MEDINFO = 'system:medical-information';
const SYSTEM_CALL_CENTER = 'system:call-center';
const SYSTEM_WEB = 'system:website';

interface Territory {
  id: string;
  name: string;
  region: string;
  cities: readonly (readonly [string, string])[];
  repIds: [string, string];
  mslId: string;
}

interface PendingInteraction {
  at: number;
  actorId: string;
  channel: Channel;
  outcome: Outcome;
  purpose: Purpose;
  product: DemoProduct;
  topic: string;
  contentModuleId: string | null;
  sourceSystem: string;
}

interface PendingNote {
  at: number;
  authorId: string;
  kind: 'rep' | 'msl';
  category: NoteCategory;
  product: DemoProduct;
  topic: string;
}

/** Consent state of one HCP: the latest event per channel and purpose, replayed in time order. */
class ConsentLedger {
  readonly events: { channel: Channel; purpose: Purpose; status: 'granted' | 'revoked'; at: number; expiresAt: number | null; source: string }[] = [];

  allows(channel: Channel, purpose: Purpose, at: number): boolean {
    let latest: (typeof this.events)[number] | undefined;
    for (const event of this.events) {
      if (event.channel === channel && event.purpose === purpose && event.at <= at && (!latest || event.at >= latest.at)) latest = event;
    }
    return latest !== undefined && latest.status === 'granted' && (latest.expiresAt === null || latest.expiresAt > at);
  }
}

/** Generates the demo world for one scale and hands every row to the sink. */
export function generateDemoWorld(
  scale: Scale,
  sink: DemoSink,
  seed: DemoSeed = loadDemoSeed(),
  onProgress?: (hcpsDone: number, hcpsTotal: number) => void,
): DemoSummary {
  const settings = seed.scales[scale];
  const random = new SeededRandom(seed.seed);
  const anchor = Date.parse(seed.anchorDate);
  const yearStart = anchor - 365 * DAY_MS;
  const summary: DemoSummary = {
    scale,
    seed: seed.seed,
    anchorDate: seed.anchorDate,
    products: 0,
    users: 0,
    hcps: 0,
    consents: 0,
    interactions: 0,
    notes: 0,
    contentModules: 0,
    planted: { deadEnds: 0, overContacted: 0, openMedicalQuestions: 0 },
  };

  for (const product of demoProducts) {
    sink.product({
      id: product.id,
      brandName: product.brandName,
      genericName: product.genericName,
      therapeuticArea: product.therapeuticArea,
      labelId: product.labelId,
      topics: product.topics,
    });
    summary.products++;
  }
  for (const module of demoContentModules(anchor)) {
    sink.contentModule(module);
    summary.contentModules++;
  }

  const territories = buildTerritories(settings.territoriesPerRegion);
  for (const user of buildUsers(territories, random.fork('users'))) {
    sink.user(user);
    summary.users++;
  }

  const hcpRandom = random.fork('hcps');
  for (let index = 0; index < settings.hcps; index++) {
    const territory = territories[index % territories.length]!;
    simulateHcp(index, territory, hcpRandom.fork(`hcp-${index}`), { anchor, yearStart, intensity: settings.intensity, deadEndDays: seed.deadEndDays }, sink, summary);
    if (onProgress && (index + 1) % 5_000 === 0) onProgress(index + 1, settings.hcps);
  }
  return summary;
}

function buildTerritories(perRegion: number): Territory[] {
  const territories: Territory[] = [];
  for (const region of demoTerritories) {
    for (let part = 1; part <= perRegion; part++) {
      const id = perRegion === 1 ? region.id : `${region.id}-${String(part).padStart(2, '0')}`;
      const slug = id.toLowerCase().replace(/^t-/, '');
      territories.push({
        id,
        name: perRegion === 1 ? region.name : `${region.name} ${part}`,
        region: region.id,
        cities: region.cities,
        repIds: [`u-rep-${slug}-1`, `u-rep-${slug}-2`],
        mslId: `u-msl-${slug}`,
      });
    }
  }
  return territories;
}

const userFirstNames = ['Jordan', 'Casey', 'Morgan', 'Riley', 'Avery', 'Quinn', 'Taylor', 'Jamie', 'Drew', 'Harper', 'Rowan', 'Skyler'];
const userLastNames = ['Ellison', 'Marsh', 'Whitfield', 'Brandt', 'Calloway', 'Prescott', 'Lund', 'Soto', 'Hale', 'Ferreira', 'Ng', 'Vance'];

function buildUsers(territories: Territory[], random: SeededRandom): User[] {
  const users: User[] = [];
  let slackNumber = 1;
  const person = (id: string, role: User['role'], userTerritories: string[], team: string): User => ({
    id,
    name: `${random.pick(userFirstNames)} ${random.pick(userLastNames)}`,
    role,
    territories: userTerritories,
    team,
    slackUserId: `U0SYN${String(slackNumber++).padStart(4, '0')}`,
    synthetic: true,
  });
  const teamOf = (territory: Territory) => (territory.region === 'T-W' ? 'team-west' : 'team-east');
  for (const territory of territories) {
    users.push(person(territory.repIds[0], 'rep', [territory.id], teamOf(territory)));
    users.push(person(territory.repIds[1], 'rep', [territory.id], teamOf(territory)));
    users.push(person(territory.mslId, 'msl', [territory.id], 'medical'));
  }
  users.push(person('u-medaffairs', 'medical_affairs', [], 'medical'));
  users.push(person('u-mgr-east', 'manager', territories.filter((t) => teamOf(t) === 'team-east').map((t) => t.id), 'team-east'));
  users.push(person('u-mgr-west', 'manager', territories.filter((t) => teamOf(t) === 'team-west').map((t) => t.id), 'team-west'));
  users.push(person('u-admin', 'admin', [], 'operations'));
  return users;
}

/**
 * The synthetic MLR approver of every demo module that was ever approved (a demo user: medical affairs
 * signs off in the demo's MLR review), so the demo's modules carry their provenance.
 */
export const DEMO_MLR_APPROVER = 'u-medaffairs';

/** Content modules the demo interactions refer to. The safety text is real FDA label text. */
export function demoContentModules(anchor: number): ContentModule[] {
  const sections = loadLabelSections();
  const isoDate = (daysBefore: number) => new Date(anchor - daysBefore * DAY_MS).toISOString().slice(0, 10);
  const modules: ContentModule[] = [];
  demoProducts.forEach((product, productIndex) => {
    const slug = product.id.replace('prod-', '');
    const mlr = (n: number) => `SYN-${product.brandName}-${String(productIndex * 10 + n).padStart(4, '0')}`;
    const audience = demoSpecialties.filter((s) => s.area === product.therapeuticArea).map((s) => s.specialty);
    const brand = { productId: product.id, brandName: product.brandName, genericName: product.genericName, audienceSpecialties: audience, market: 'US', approvedBy: DEMO_MLR_APPROVER, synthetic: true };
    const warnings = sections.find((s) => s.labelId === product.labelId && s.sectionName === 'warnings and precautions');
    const boxed = sections.find((s) => s.labelId === product.labelId && s.sectionName === 'boxed warnings');
    const safetyId = `cm-${slug}-safety`;
    modules.push({
      ...brand,
      id: safetyId,
      version: 1,
      mlrCode: mlr(1),
      title: `${product.brandName} (${product.genericName}) Important Safety Information`,
      body: [boxed ? sectionHighlights(boxed) : '', warnings ? sectionHighlights(warnings) : ''].filter(Boolean).join('\n'),
      kind: boxed ? 'isi' : 'safety',
      allowedChannels: ['email', 'field_visit', 'remote_detail', 'webinar', 'content_download', 'website', 'msl_meeting'],
      purpose: 'promotional',
      approvedAt: isoDate(400),
      expiresAt: isoDate(-365),
      status: 'approved',
      requiredModuleIds: [],
      source: `FDA label ${product.labelId}: ${boxed ? 'boxed warning, ' : ''}warnings and precautions (highlights)`,
    });
    modules.push({
      ...brand,
      id: `cm-${slug}-efficacy`,
      version: 2,
      mlrCode: mlr(2),
      title: `${product.brandName} (${product.genericName}) efficacy overview (synthetic demo module)`,
      body: `${product.brandName} (${product.genericName}) was studied in its pivotal clinical trials for ${product.topics[0]!.replace(/^efficacy in /, '')}. Please see the full Prescribing Information and the Important Safety Information.`,
      kind: 'claim',
      allowedChannels: ['email', 'field_visit', 'remote_detail'],
      purpose: 'promotional',
      approvedAt: isoDate(200),
      expiresAt: isoDate(-200),
      status: 'approved',
      requiredModuleIds: [safetyId],
      source: 'synthetic demo content',
    });
    modules.push({
      ...brand,
      id: `cm-${slug}-efficacy`,
      version: 1,
      mlrCode: mlr(3),
      title: `${product.brandName} (${product.genericName}) efficacy overview, first edition (synthetic demo module)`,
      body: `${product.brandName} (${product.genericName}) efficacy overview, superseded edition. Please see the full Prescribing Information and the Important Safety Information.`,
      kind: 'claim',
      allowedChannels: ['email', 'field_visit'],
      purpose: 'promotional',
      approvedAt: isoDate(500),
      expiresAt: isoDate(200),
      status: 'expired',
      requiredModuleIds: [safetyId],
      source: 'synthetic demo content',
    });
    modules.push({
      ...brand,
      id: `cm-${slug}-webinar-invite`,
      version: 1,
      mlrCode: mlr(4),
      title: `${product.brandName} (${product.genericName}) webinar invitation (synthetic demo module)`,
      body: `You are invited to a live educational webinar on ${product.brandName} (${product.genericName}) for healthcare professionals. Registration details follow.`,
      kind: 'invitation',
      allowedChannels: ['email', 'webinar'],
      purpose: 'events',
      approvedAt: isoDate(300),
      expiresAt: isoDate(-60),
      status: 'approved',
      requiredModuleIds: [],
      source: 'synthetic demo content',
    });
    modules.push({
      ...brand,
      id: `cm-${slug}-patient-support`,
      version: 1,
      mlrCode: mlr(5),
      title: `${product.brandName} (${product.genericName}) patient support program (synthetic demo module)`,
      body: `The ${product.brandName} (${product.genericName}) patient support program helps eligible patients with benefits verification, prior authorization support and co-pay assistance.`,
      kind: 'education',
      allowedChannels: ['email', 'field_visit', 'remote_detail', 'content_download', 'website'],
      purpose: 'promotional',
      approvedAt: isoDate(250),
      expiresAt: isoDate(-120),
      status: 'approved',
      requiredModuleIds: [],
      source: 'synthetic demo content',
    });
    modules.push({
      ...brand,
      id: `cm-${slug}-medical-response`,
      version: 1,
      mlrCode: mlr(6),
      title: `${product.brandName} (${product.genericName}) standard medical information response (synthetic demo module)`,
      body: `Thank you for your medical information request about ${product.brandName} (${product.genericName}). A medical science liaison will respond with the relevant published data.`,
      kind: 'medical_response',
      allowedChannels: ['email', 'medical_inquiry', 'msl_meeting'],
      purpose: 'medical',
      approvedAt: isoDate(300),
      expiresAt: isoDate(-300),
      status: 'approved',
      requiredModuleIds: [],
      source: 'synthetic demo content',
    });
    if (productIndex % 3 === 0) {
      modules.push({
        ...brand,
        id: `cm-${slug}-dosing-card`,
        version: 1,
        mlrCode: mlr(7),
        title: `${product.brandName} (${product.genericName}) dosing card (withdrawn, synthetic demo module)`,
        body: `${product.brandName} (${product.genericName}) dosing card. Withdrawn by MLR review.`,
        kind: 'education',
        allowedChannels: ['email', 'field_visit'],
        purpose: 'promotional',
        approvedAt: isoDate(330),
        expiresAt: isoDate(-30),
        status: 'withdrawn',
        requiredModuleIds: [],
        source: 'synthetic demo content',
      });
    }
  });
  modules.push(...demoTemplateModules(isoDate));
  modules.push(...labelLibraryModules(sections, isoDate));
  return modules;
}

/**
 * Every subsection of the 200 real labels as a module. A brand must always stand with its generic
 * name: labels whose generic name could not be verified stay drafts, which no search returns.
 */
function labelLibraryModules(sections: LabelSection[], isoDate: (daysBefore: number) => string): ContentModule[] {
  const modules = labelSectionModules(sections, { approvedAt: isoDate(420), expiresAt: isoDate(-400), products: demoLabelProducts() });
  const unverified = new Set(modulesLackingGenericName(modules).map((module) => moduleKey(module)));
  return modules.map((module) =>
    unverified.has(moduleKey(module)) ? { ...module, status: 'draft', source: `${module.source} (draft: generic name not verified)` } : { ...module, approvedBy: DEMO_MLR_APPROVER },
  );
}

/** Product-neutral and per-product templates a follow-up is assembled from. {{slots}} are filled from data. */
function demoTemplateModules(isoDate: (daysBefore: number) => string): ContentModule[] {
  const common = {
    version: 1,
    productId: null,
    brandName: '',
    genericName: '',
    audienceSpecialties: [],
    market: 'US',
    approvedAt: isoDate(320),
    approvedBy: DEMO_MLR_APPROVER,
    expiresAt: isoDate(-410),
    status: 'approved' as const,
    requiredModuleIds: [],
    source: 'synthetic demo content',
    synthetic: true,
  };
  const templates: ContentModule[] = [
    { ...common, id: 'cm-greeting', mlrCode: 'SYN-TPL-0001', title: 'Greeting (synthetic demo module)', body: 'Dear {{hcp_name}},', kind: 'template', allowedChannels: ['email', 'whatsapp', 'sms'], purpose: 'promotional' },
    { ...common, id: 'cm-sign-off', mlrCode: 'SYN-TPL-0002', title: 'Sign-off (synthetic demo module)', body: 'Kind regards,\n{{rep_name}}', kind: 'template', allowedChannels: ['email', 'whatsapp', 'sms'], purpose: 'promotional' },
    { ...common, id: 'cm-webinar-follow-up', mlrCode: 'SYN-TPL-0003', title: 'Webinar follow-up (synthetic demo module)', body: 'Thank you for attending {{event_title}} on {{event_date}}. The recording and the approved materials discussed are available on request.', kind: 'template', allowedChannels: ['email'], purpose: 'events' },
    { ...common, id: 'cm-congress-follow-up', mlrCode: 'SYN-TPL-0004', title: 'Congress booth follow-up (synthetic demo module)', body: 'Thank you for visiting our booth at {{event_title}}. I would be glad to follow up on the topics you were interested in.', kind: 'template', allowedChannels: ['email', 'field_visit'], purpose: 'promotional' },
    { ...common, id: 'cm-msl-meeting-offer', mlrCode: 'SYN-TPL-0005', title: 'Medical science liaison meeting offer (synthetic demo module)', body: 'If you would like to discuss the scientific data in more depth, a medical science liaison can arrange a meeting with you.', kind: 'template', allowedChannels: ['email', 'field_visit', 'remote_detail'], purpose: 'promotional' },
    { ...common, id: 'cm-medical-information-route', mlrCode: 'SYN-TPL-0006', title: 'Medical information request route (synthetic demo module)', body: 'For questions about uses, dosing or safety beyond this material, you can submit a medical information request; the medical information team will respond directly.', kind: 'template', allowedChannels: ['email', 'field_visit', 'remote_detail', 'phone', 'whatsapp'], purpose: 'promotional' },
  ];
  return templates;
}

interface Clock {
  anchor: number;
  yearStart: number;
  intensity: number;
  deadEndDays: number;
}

const segmentVisitsPerMonth: Record<Segment, number> = { A: 2.2, B: 1.2, C: 0.5, D: 0.15 };

function simulateHcp(
  index: number,
  territory: Territory,
  random: SeededRandom,
  clock: Clock,
  sink: DemoSink,
  summary: DemoSummary,
): void {
  const { anchor, yearStart, intensity } = clock;
  const hcpId = `hcp-${String(index + 1).padStart(6, '0')}`;
  const specialty: DemoSpecialty = random.weighted(
    demoSpecialties.map((s) => [s, s.area === 'oncology' ? 0.35 / 2 : s.area === 'immunology' ? 0.25 / 3 : s.area === 'neurology' ? 0.25 / 2 : 0.15 / 3] as const),
  );
  const areaProducts = demoProducts.filter((product) => product.therapeuticArea === specialty.area);
  const [city, state] = random.pick(territory.cities);
  const segment: Segment = random.weighted([['A', 0.12], ['B', 0.28], ['C', 0.38], ['D', 0.22]]);
  const influence = Math.min(100, Math.round(random.exponential(segment === 'A' ? 45 : 20)));
  const firstName = random.pick(firstNames);
  const lastName = random.pick(lastNames);
  const pronoun: 'her' | 'him' | 'them' = random.weighted([['her', 0.48], ['him', 0.48], ['them', 0.04]]);
  const preferredChannel = random.weighted(preferredChannels);
  const credential = random.weighted([['MD', 0.8], ['DO', 0.12], ['NP', 0.05], ['PA-C', 0.03]]);
  const hcp: Hcp = {
    id: hcpId,
    npi: null,
    firstName,
    lastName,
    credential,
    specialty: specialty.specialty,
    taxonomyCode: specialty.taxonomyCode,
    subspecialtyFocus: random.pick(specialty.focuses),
    institution: `${city} ${random.pick(institutionKinds[specialty.area])}`,
    city,
    state,
    territory: territory.id,
    segment,
    tier: segment === 'A' ? 1 : segment === 'B' ? 2 : segment === 'C' ? 3 : random.int(4, 5),
    influenceScore: influence,
    clinicalTrialInvolvement: random.chance(segment === 'A' ? 0.45 : 0.12),
    patientMixTags: [...new Set([random.pick(patientMixTags), random.pick(patientMixTags)])].sort(),
    preferredChannel,
    source: 'synthetic',
    synthetic: true,
  };
  sink.hcp(hcp);
  summary.hcps++;

  // Behavioural traits. The stated preference and real responsiveness agree only loosely.
  const engagement = 0.3 + random.exponential(0.7);
  const openRate = Math.min(0.85, 0.08 + random.next() * 0.45 + (preferredChannel === 'email' ? 0.2 : 0));
  const clickRate = 0.05 + random.next() * 0.3;
  const webinarPropensity = Math.min(0.9, random.next() * 0.4 + (preferredChannel === 'webinar' ? 0.35 : 0));
  const digitalAffinity = random.next() * 1.5 + (preferredChannel === 'email' || preferredChannel === 'webinar' ? 0.5 : 0);
  const mainProduct = random.pick(areaProducts);
  const otherProduct = areaProducts.find((product) => product !== mainProduct) ?? mainProduct;
  const earlyTopic = random.pick(mainProduct.topics);
  const lateTopic = random.pick(mainProduct.topics.filter((topic) => topic !== earlyTopic));
  const shiftAt = yearStart + random.int(120, 300) * DAY_MS;
  const topicAt = (at: number, product: DemoProduct) =>
    product === mainProduct ? (at < shiftAt ? earlyTopic : lateTopic) : random.pick(product.topics);
  const pickProduct = () => (random.chance(0.75) ? mainProduct : otherProduct);
  const [primaryRep, secondRep] = random.chance(0.5) ? territory.repIds : ([territory.repIds[1], territory.repIds[0]] as const);
  const name = `Dr. ${lastName}`;

  // Consent history.
  const ledger = new ConsentLedger();
  const consentStart = yearStart - random.int(30, 700) * DAY_MS;
  const grant = (channel: Channel, purpose: Purpose, probability: number, source: string) => {
    if (!random.chance(probability)) return;
    const at = random.chance(0.85) ? consentStart : yearStart + random.int(0, 300) * DAY_MS;
    const expiresAt = random.chance(0.1) ? at + random.int(200, 500) * DAY_MS : null;
    ledger.events.push({ channel, purpose, status: 'granted', at, expiresAt, source });
    if (random.chance(channel === 'email' ? 0.09 : 0.03)) {
      const revokedAt = Math.max(at + DAY_MS, yearStart + random.int(30, 364) * DAY_MS);
      if (revokedAt < anchor) {
        ledger.events.push({ channel, purpose, status: 'revoked', at: revokedAt, expiresAt: null, source: channel === 'email' ? 'unsubscribe link' : 'preference center' });
      }
    }
  };
  grant('field_visit', 'promotional', 0.96, 'signed consent form');
  grant('remote_detail', 'promotional', preferredChannel === 'remote_detail' ? 0.95 : 0.55, 'signed consent form');
  grant('email', 'promotional', preferredChannel === 'email' ? 0.97 : 0.82, random.pick(['web form', 'preference center', 'signed consent form']));
  grant('email', 'medical', 0.7, 'medical information request form');
  grant('email', 'events', 0.75, 'web form');
  grant('webinar', 'events', 0.7, 'web form');
  grant('phone', 'promotional', preferredChannel === 'phone' ? 0.95 : 0.45, 'verbal consent recorded by rep');
  grant('sms', 'promotional', 0.18, 'preference center');
  grant('whatsapp', 'promotional', preferredChannel === 'whatsapp' ? 0.9 : 0.08, 'WhatsApp opt-in');
  grant('msl_meeting', 'medical', 0.8, 'signed consent form');
  grant('email', 'market_research', 0.3, 'market research panel opt-in');
  ledger.events.sort((a, b) => a.at - b.at);
  ledger.events.forEach((event, number) => {
    sink.consent({
      id: `cs-${hcpId.slice(4)}-${String(number + 1).padStart(2, '0')}`,
      hcpId,
      channel: event.channel,
      purpose: event.purpose,
      productId: null,
      status: event.status,
      recordedAt: new Date(event.at).toISOString(),
      source: event.source,
      expiresAt: event.expiresAt === null ? null : new Date(event.expiresAt).toISOString(),
      jurisdiction: `US-${state}`,
      synthetic: true,
    });
    summary.consents++;
  });
  // Product-specific consent in the demo's rule jurisdiction (data/policy/consent-jurisdictions.json:
  // in US-CT promotional email needs an explicit opt-in): some of its HCPs also carry a grant for
  // their main product that a rep recorded on their behalf, which that rule does not accept. Drawn
  // from a stream of their own (a fork reads the HCP's stream without advancing it) and numbered
  // after the HCP's other records ("-p1"), so nothing generated before or after changes; where the
  // HCP's all-products email grant is in force it still decides (consentGate), so no gate that
  // passed before fails now, and none that failed passes.
  if (state === 'CT') {
    const productConsents = random.fork('product-consents');
    if (productConsents.chance(0.5)) {
      sink.consent({
        id: `cs-${hcpId.slice(4)}-p1`,
        hcpId,
        channel: 'email',
        purpose: 'promotional',
        productId: mainProduct.id,
        status: 'granted',
        recordedAt: new Date(yearStart + productConsents.int(30, 330) * DAY_MS + productConsents.int(9, 17) * 3_600_000).toISOString(),
        source: 'verbal consent recorded by rep',
        expiresAt: null,
        jurisdiction: `US-${state}`,
        synthetic: true,
      });
      summary.consents++;
    }
  }

  const events: PendingInteraction[] = [];
  const notes: PendingNote[] = [];
  const moduleFor = (product: DemoProduct, kind: 'efficacy' | 'safety' | 'webinar-invite' | 'patient-support' | 'medical-response') =>
    `cm-${product.id.replace('prod-', '')}-${kind}`;
  const add = (event: Omit<PendingInteraction, 'topic'> & { topic?: string }) => {
    if (event.at < yearStart || event.at >= anchor) return;
    events.push({ ...event, topic: event.topic ?? topicAt(event.at, event.product) });
  };
  /** A Poisson process: event times over the year at `perMonth` events a month. */
  const times = (perMonth: number): number[] => {
    const result: number[] = [];
    if (perMonth <= 0) return result;
    const meanGap = (30 * DAY_MS) / perMonth;
    let at = yearStart + random.exponential(meanGap);
    while (at < anchor) {
      result.push(Math.floor(at));
      at += random.exponential(meanGap);
    }
    return result;
  };
  const workHours = (at: number) => {
    const day = Math.floor(at / DAY_MS) * DAY_MS;
    return day + (13 + random.int(0, 8)) * 3_600_000 + random.int(0, 59) * 60_000;
  };
  const maybeNote = (at: number, authorId: string, kind: 'rep' | 'msl', probability: number, product: DemoProduct) => {
    if (!random.chance(probability)) return;
    const category: NoteCategory = random.weighted(
      (kind === 'msl'
        ? [['routine', 0.25], ['positive_feedback', 0.1], ['access_problem', 0.05], ['competitor_comparison', 0.12], ['dosing_question', 0.18], ['safety_question', 0.15], ['off_label_ask', 0.08], ['possible_adverse_event', 0.07]]
        : [['routine', 0.42], ['positive_feedback', 0.08], ['access_problem', 0.13], ['competitor_comparison', 0.12], ['dosing_question', 0.09], ['safety_question', 0.07], ['off_label_ask', 0.05], ['possible_adverse_event', 0.04]]) as [NoteCategory, number][],
    );
    notes.push({ at: at + 3_600_000, authorId, kind, category, product, topic: topicAt(at, product) });
  };

  // Field force activity.
  const visitRate = segmentVisitsPerMonth[segment] * intensity * (preferredChannel === 'field_visit' ? 1.3 : 0.8);
  for (const at of times(visitRate)) {
    const when = workHours(at);
    if (!ledger.allows('field_visit', 'promotional', when)) continue;
    const actor = random.chance(0.88) ? primaryRep : secondRep;
    const product = pickProduct();
    add({ at: when, actorId: actor, channel: 'field_visit', outcome: 'completed', purpose: 'promotional', product, contentModuleId: random.chance(0.6) ? moduleFor(product, 'efficacy') : null, sourceSystem: SOURCE_CRM });
    maybeNote(when, actor, 'rep', 0.38, product);
  }
  for (const at of times(0.25 * intensity * (preferredChannel === 'remote_detail' ? 4 : 1))) {
    const when = workHours(at);
    if (!ledger.allows('remote_detail', 'promotional', when)) continue;
    const product = pickProduct();
    add({ at: when, actorId: primaryRep, channel: 'remote_detail', outcome: 'completed', purpose: 'promotional', product, contentModuleId: moduleFor(product, 'efficacy'), sourceSystem: SOURCE_CRM });
    maybeNote(when, primaryRep, 'rep', 0.2, product);
  }
  for (const at of times(0.12 * intensity * (preferredChannel === 'phone' ? 4 : 1))) {
    const when = workHours(at);
    if (!ledger.allows('phone', 'promotional', when)) continue;
    add({ at: when, actorId: primaryRep, channel: 'phone', outcome: 'completed', purpose: 'promotional', product: pickProduct(), contentModuleId: null, sourceSystem: SOURCE_CRM });
  }
  for (const at of times(0.6 * intensity * (preferredChannel === 'whatsapp' ? 1 : 0.3))) {
    const when = workHours(at);
    for (const channel of ['whatsapp', 'sms'] as const) {
      if (!ledger.allows(channel, 'promotional', when)) continue;
      const product = pickProduct();
      add({ at: when, actorId: primaryRep, channel, outcome: 'sent', purpose: 'promotional', product, contentModuleId: moduleFor(product, 'patient-support'), sourceSystem: SOURCE_CRM });
      if (random.chance(0.35)) add({ at: when + random.int(1, 48) * 3_600_000, actorId: primaryRep, channel, outcome: 'replied', purpose: 'promotional', product, contentModuleId: null, sourceSystem: SOURCE_CRM });
      break;
    }
  }

  // Marketing automation and rep-triggered email.
  for (const at of times(2.1 * intensity)) {
    const when = workHours(at);
    if (!ledger.allows('email', 'promotional', when)) continue;
    const product = pickProduct();
    const module = random.chance(0.6) ? moduleFor(product, 'efficacy') : moduleFor(product, 'patient-support');
    const fromRep = random.chance(0.15);
    const actor = fromRep ? primaryRep : SYSTEM_MARKETING;
    add({ at: when, actorId: actor, channel: 'email', outcome: 'sent', purpose: 'promotional', product, contentModuleId: module, sourceSystem: fromRep ? SOURCE_CRM : SOURCE_MAP });
    if (random.chance(openRate * Math.min(1.5, engagement))) {
      const opened = when + random.int(1, 72) * 3_600_000;
      add({ at: opened, actorId: actor, channel: 'email', outcome: 'opened', purpose: 'promotional', product, contentModuleId: module, sourceSystem: SOURCE_MAP });
      if (random.chance(clickRate)) {
        add({ at: opened + random.int(1, 30) * 60_000, actorId: actor, channel: 'email', outcome: 'clicked', purpose: 'promotional', product, contentModuleId: module, sourceSystem: SOURCE_MAP });
      }
    }
  }

  // Webinars: a series per therapy area, invitations under events consent.
  for (let webinar = 0; webinar < 8; webinar++) {
    const at = yearStart + (20 + webinar * 44 + (areaProducts.indexOf(mainProduct) * 9)) * DAY_MS + 17 * 3_600_000;
    const product = areaProducts[webinar % areaProducts.length]!;
    const invitedAt = at - 14 * DAY_MS;
    if (!ledger.allows('email', 'events', invitedAt)) continue;
    add({ at: invitedAt, actorId: SYSTEM_MARKETING, channel: 'email', outcome: 'sent', purpose: 'events', product, contentModuleId: moduleFor(product, 'webinar-invite'), sourceSystem: SOURCE_MAP });
    if (random.chance(webinarPropensity * Math.min(1.4, engagement))) {
      add({ at: invitedAt + random.int(1, 10) * DAY_MS, actorId: SYSTEM_MARKETING, channel: 'webinar', outcome: 'registered', purpose: 'events', product, contentModuleId: null, sourceSystem: 'webinar-platform' });
      if (random.chance(0.62)) {
        add({ at, actorId: SYSTEM_MARKETING, channel: 'webinar', outcome: 'attended', purpose: 'events', product, contentModuleId: null, sourceSystem: 'webinar-platform' });
      }
    }
  }

  // Website and downloads: the HCP's own digital behaviour.
  for (const at of times(digitalAffinity * intensity)) {
    const product = pickProduct();
    add({ at, actorId: SYSTEM_WEB, channel: 'website', outcome: 'opened', purpose: 'promotional', product, contentModuleId: null, sourceSystem: 'web-analytics' });
    if (random.chance(0.18)) {
      add({ at: at + 120_000, actorId: SYSTEM_WEB, channel: 'content_download', outcome: 'downloaded', purpose: 'promotional', product, contentModuleId: moduleFor(product, random.chance(0.5) ? 'patient-support' : 'efficacy'), sourceSystem: 'web-analytics' });
    }
    if (random.chance(0.02)) {
      add({ at: at + 300_000, actorId: SYSTEM_WEB, channel: 'website', outcome: 'requested', purpose: 'promotional', product, contentModuleId: null, sourceSystem: 'web-analytics', topic: 'request a rep visit' });
    }
  }

  // Congress booth visits.
  for (const [, daysBefore] of congresses[specialty.area]) {
    if (!random.chance(0.12 + influence / 250)) continue;
    const at = anchor - daysBefore * DAY_MS + random.int(0, 2) * DAY_MS;
    add({ at: workHours(at), actorId: primaryRep, channel: 'congress_booth', outcome: 'completed', purpose: 'promotional', product: mainProduct, contentModuleId: null, sourceSystem: 'congress-lead-capture' });
  }

  // Medical: MSL meetings for influential HCPs, medical inquiries with replies.
  const mslRate = (influence > 60 ? 0.35 : hcp.clinicalTrialInvolvement ? 0.15 : 0.04) * intensity;
  for (const at of times(mslRate)) {
    const when = workHours(at);
    if (!ledger.allows('msl_meeting', 'medical', when)) continue;
    const product = pickProduct();
    add({ at: when, actorId: territory.mslId, channel: 'msl_meeting', outcome: 'completed', purpose: 'medical', product, contentModuleId: null, sourceSystem: 'medical-crm' });
    maybeNote(when, territory.mslId, 'msl', 0.65, product);
  }
  for (const at of times(0.07 * intensity)) {
    const product = pickProduct();
    const topic = random.pick(product.topics.filter((t) => !t.startsWith('access')));
    const viaCallCenter = random.chance(0.3);
    add({ at, actorId: viaCallCenter ? SYSTEM_CALL_CENTER : SYSTEM_MEDINFO, channel: viaCallCenter ? 'call_center' : 'medical_inquiry', outcome: 'requested', purpose: 'medical', product, contentModuleId: null, sourceSystem: viaCallCenter ? 'call-center' : 'medical-information', topic });
    const replyAt = at + random.int(1, 9) * DAY_MS;
    if (random.chance(0.92)) {
      add({ at: replyAt, actorId: territory.mslId, channel: 'medical_inquiry', outcome: 'replied', purpose: 'medical', product, contentModuleId: moduleFor(product, 'medical-response'), sourceSystem: 'medical-information', topic });
    }
  }

  // Ordinary follow-up after intent, with the gaps a real field force leaves.
  const intentEvents = events.filter((event) => isIntentSignal(event));
  for (const intent of intentEvents) {
    if (!random.chance(0.5)) continue;
    const at = workHours(intent.at + random.int(1, 9) * DAY_MS);
    const channel: Channel = ledger.allows('field_visit', 'promotional', at) && random.chance(0.6) ? 'field_visit' : ledger.allows('phone', 'promotional', at) ? 'phone' : 'field_visit';
    if (!ledger.allows(channel, 'promotional', at)) continue;
    add({ at, actorId: primaryRep, channel, outcome: 'completed', purpose: 'promotional', product: intent.product, contentModuleId: null, sourceSystem: SOURCE_CRM, topic: intent.topic });
  }

  // Planted patterns (a few percent each), placed at the end of the year so they are "open now".
  const roll = random.next();
  if (roll < 0.1) {
    // Dead end: intent 15–40 days ago (past the follow-up window) and nobody has been in touch since.
    const at = anchor - random.int(clock.deadEndDays + 1, clock.deadEndDays + 26) * DAY_MS + 17 * 3_600_000;
    const product = mainProduct;
    const kind = random.pick(['webinar', 'download', 'booth'] as const);
    if (kind === 'webinar') add({ at, actorId: SYSTEM_MARKETING, channel: 'webinar', outcome: 'attended', purpose: 'events', product, contentModuleId: null, sourceSystem: 'webinar-platform' });
    else if (kind === 'download') add({ at, actorId: SYSTEM_WEB, channel: 'content_download', outcome: 'downloaded', purpose: 'promotional', product, contentModuleId: moduleFor(product, 'efficacy'), sourceSystem: 'web-analytics' });
    else add({ at, actorId: primaryRep, channel: 'congress_booth', outcome: 'completed', purpose: 'promotional', product, contentModuleId: null, sourceSystem: 'congress-lead-capture' });
    removeFollowUpsAfter(events, at, notes);
    summary.planted.deadEnds++;
  } else if (roll < 0.15) {
    // Over-contacted: both reps and automation pile on in the last month.
    const contacts = random.int(12, 18);
    for (let contact = 0; contact < contacts; contact++) {
      const at = workHours(anchor - random.int(1, 29) * DAY_MS);
      const channel: Channel = random.pick(['field_visit', 'phone', 'email', 'remote_detail'] as const);
      if (!ledger.allows(channel, 'promotional', at)) continue;
      const actor = channel === 'email' && random.chance(0.5) ? SYSTEM_MARKETING : random.chance(0.5) ? primaryRep : secondRep;
      add({ at, actorId: actor, channel, outcome: channel === 'email' ? 'sent' : 'completed', purpose: 'promotional', product: pickProduct(), contentModuleId: null, sourceSystem: actor === SYSTEM_MARKETING ? SOURCE_MAP : SOURCE_CRM });
    }
    summary.planted.overContacted++;
  } else if (roll < 0.21) {
    // Open medical question: asked recently, never answered.
    const at = workHours(anchor - random.int(3, 20) * DAY_MS);
    const product = mainProduct;
    const category: NoteCategory = random.pick(['dosing_question', 'safety_question'] as const);
    notes.push({ at, authorId: primaryRep, kind: 'rep', category, product, topic: topicAt(at, product) });
    add({ at: at + 3_600_000, actorId: SYSTEM_MEDINFO, channel: 'medical_inquiry', outcome: 'requested', purpose: 'medical', product, contentModuleId: null, sourceSystem: 'medical-information' });
    summary.planted.openMedicalQuestions++;
  }

  events.sort((a, b) => a.at - b.at || a.channel.localeCompare(b.channel));
  events.forEach((event, number) => {
    sink.interaction({
      id: `ix-${hcpId.slice(4)}-${String(number + 1).padStart(4, '0')}`,
      hcpId,
      actorId: event.actorId,
      channel: event.channel,
      outcome: event.outcome,
      purpose: event.purpose,
      occurredAt: new Date(event.at).toISOString(),
      productId: event.product.id,
      topic: event.topic,
      contentModuleId: event.contentModuleId,
      sourceSystem: event.sourceSystem,
      synthetic: true,
    });
    summary.interactions++;
  });

  notes.sort((a, b) => a.at - b.at);
  notes.forEach((note, number) => {
    if (note.at >= anchor) return;
    const id = `note-${hcpId.slice(4)}-${String(number + 1).padStart(3, '0')}`;
    const written = composeNote(random, note.category, {
      name,
      pronoun,
      product: note.product,
      topic: note.topic,
      focus: hcp.subspecialtyFocus,
      channel: preferredChannel,
      event: `${note.product.brandName} webinar`,
    });
    sink.note({
      id,
      hcpId,
      authorId: note.authorId,
      writtenAt: new Date(note.at).toISOString(),
      kind: note.kind,
      text: written.text,
      synthetic: true,
    });
    sink.plantedNote?.({ noteId: id, hcpId, productId: note.product.id, writtenAt: new Date(note.at).toISOString(), kind: note.kind, ...written.planted });
    summary.notes++;
  });
}

/** Drops every personal contact (and its notes) after `at`, leaving the intent unanswered. */
function removeFollowUpsAfter(events: PendingInteraction[], at: number, notes: PendingNote[]): void {
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index]!;
    // Replies on messaging channels go too: they only exist after a rep's message.
    const isFollowUp = isPersonalContact(event) || event.channel === 'sms' || event.channel === 'whatsapp';
    if (event.at > at && isFollowUp) events.splice(index, 1);
  }
  for (let index = notes.length - 1; index >= 0; index--) if (notes[index]!.at > at) notes.splice(index, 1);
}

