import type { z } from 'zod';
import { Hcp } from '../domain/hcp.ts';
import { User } from '../domain/user.ts';
import { Interaction } from '../domain/interaction.ts';
import { Consent } from '../domain/consent.ts';
import { FieldNote } from '../domain/field-note.ts';
import { ContentModule } from '../domain/content-module.ts';
import { ContentProvenance, DEFAULT_CONTENT_RULES, type ContentRules } from '../compliance/content-provenance.ts';
import type { OmniStore } from '../domain/repositories.ts';

/** How a column's text becomes a value before the domain schema validates it. */
export type ColumnType = 'text' | 'number' | 'boolean' | 'list';

export interface Column {
  /** snake_case in CSV headers; JSON accepts snake_case or camelCase keys. */
  name: string;
  /** The camelCase property of the domain object. */
  key: string;
  type: ColumnType;
  required: boolean;
  description: string;
}

export interface RowProblem {
  field: string;
  reason: string;
}

/** Lookups an import uses to check references (unknown HCPs, users, products, modules). */
export interface ReferenceChecker {
  readonly store: OmniStore;
  /** Ids of this kind accepted earlier in the same import, for references inside one file. */
  readonly seenIds: ReadonlySet<string>;
  /**
   * Claims a value of a field that must be unique across records (an NPI, a Slack id) for the
   * current row; returns the line that claimed it first in this file, if another row did.
   */
  claimUnique(field: string, value: string): number | undefined;
  /** Whether a referenced record exists, remembered for the rest of the import. */
  exists(table: ReferencedTable, id: string): boolean;
}

export type ReferencedTable = 'hcps' | 'users' | 'products' | 'contentModules';

/** A row decoded by a kind with its own layout (NPPES): a value to validate, or a reason to skip it. */
export type DecodedRow = { value: Record<string, unknown> } | { skip: string };

/** Everything the import runner needs to know about one kind of record. */
export interface ImportKind<T extends { id: string }> {
  name: string;
  description: string;
  /** The documented columns; the header must hold the required ones and no others. */
  columns: readonly Column[];
  /** For foreign layouts: checks the header and maps each row itself instead of using `columns`. */
  foreignLayout?: {
    checkHeader(headers: readonly string[]): string | undefined;
    decode(row: Readonly<Record<string, string>>): DecodedRow;
  };
  schema: z.ZodType<T, any>;
  count(store: OmniStore): number;
  /** The key that must be unique within a file and that upserts match on. */
  key(entity: T): string;
  checkReferences(entity: T, checker: ReferenceChecker): RowProblem[];
  write(store: OmniStore, entity: T): void;
}

const column = (name: string, type: ColumnType, required: boolean, description: string): Column => ({
  name,
  key: name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()),
  type,
  required,
  description,
});

function unknownReference(exists: boolean, field: string, what: string, id: string | null): RowProblem[] {
  return id !== null && !exists ? [{ field, reason: `refers to unknown ${what} '${id}'` }] : [];
}

function checkHcp(checker: ReferenceChecker, hcpId: string): RowProblem[] {
  return unknownReference(checker.exists('hcps', hcpId), 'hcp_id', 'HCP', hcpId);
}

/** Users, or system actors written as "system:<name>" (marketing automation, call-center software). */
function checkActor(checker: ReferenceChecker, field: string, actorId: string): RowProblem[] {
  if (actorId.startsWith('system:')) return [];
  return checker.exists('users', actorId)
    ? []
    : [{ field, reason: `refers to unknown user '${actorId}' (use a user id, or system:<name> for automated sources)` }];
}

function checkProduct(checker: ReferenceChecker, productId: string | null): RowProblem[] {
  return productId === null ? [] : unknownReference(checker.exists('products', productId), 'product_id', 'product', productId);
}

export const hcpImport: ImportKind<Hcp> = {
  name: 'hcps',
  description: 'Healthcare professionals, upserted by id',
  columns: [
    column('id', 'text', true, 'Omni HCP id, e.g. hcp-00042'),
    column('npi', 'text', false, '10-digit NPI with a valid check digit'),
    column('first_name', 'text', true, ''),
    column('last_name', 'text', true, ''),
    column('credential', 'text', false, 'MD, DO, NP...'),
    column('specialty', 'text', true, 'e.g. Medical Oncology'),
    column('taxonomy_code', 'text', false, 'NUCC code, e.g. 207RX0202X'),
    column('subspecialty_focus', 'text', false, ''),
    column('institution', 'text', false, ''),
    column('city', 'text', false, ''),
    column('state', 'text', false, 'two-letter code'),
    column('territory', 'text', false, 'territory id, e.g. T-NE'),
    column('segment', 'text', false, 'A, B, C or D'),
    column('tier', 'number', false, '1 to 5'),
    column('influence_score', 'number', false, '0 to 100'),
    column('clinical_trial_involvement', 'boolean', false, 'true/false'),
    column('patient_mix_tags', 'list', false, 'separated by |'),
    column('preferred_channel', 'text', false, 'a channel name'),
    column('source', 'text', false, 'synthetic, nppes or import (default import)'),
    column('synthetic', 'boolean', false, 'true for generated demo data'),
  ],
  schema: Hcp,
  count: (store) => store.hcps.count(),
  key: (hcp) => hcp.id,
  checkReferences: (hcp, checker) => {
    if (hcp.npi === null) return [];
    const firstLine = checker.claimUnique('npi', hcp.npi);
    if (firstLine !== undefined) return [{ field: 'npi', reason: `NPI ${hcp.npi} is already used on line ${firstLine}` }];
    const holder = checker.store.hcps.getByNpi(hcp.npi);
    return holder && holder.id !== hcp.id ? [{ field: 'npi', reason: `NPI ${hcp.npi} already belongs to HCP ${holder.id}` }] : [];
  },
  write: (store, hcp) => store.hcps.upsert(hcp),
};

export const userImport: ImportKind<User> = {
  name: 'users',
  description: 'Omni users and their access scope, upserted by id',
  columns: [
    column('id', 'text', true, 'e.g. u-rep-ne-1'),
    column('name', 'text', true, ''),
    column('role', 'text', true, 'rep, msl, medical_affairs, manager or admin'),
    column('territories', 'list', false, 'territory ids separated by |'),
    column('team', 'text', false, ''),
    column('slack_user_id', 'text', false, 'e.g. U024BE7LH'),
    column('synthetic', 'boolean', false, ''),
  ],
  schema: User,
  count: (store) => store.users.list().length,
  key: (user) => user.id,
  checkReferences: (user, checker) => {
    if (user.slackUserId === null) return [];
    const firstLine = checker.claimUnique('slack_user_id', user.slackUserId);
    if (firstLine !== undefined) return [{ field: 'slack_user_id', reason: `Slack user id ${user.slackUserId} is already used on line ${firstLine}` }];
    const holder = checker.store.users.getBySlackUserId(user.slackUserId);
    return holder && holder.id !== user.id ? [{ field: 'slack_user_id', reason: `Slack user id ${user.slackUserId} already belongs to user ${holder.id}` }] : [];
  },
  write: (store, user) => store.users.upsert(user),
};

export const interactionImport: ImportKind<Interaction> = {
  name: 'interactions',
  description: 'Touchpoints on any channel, upserted by id',
  columns: [
    column('id', 'text', true, 'unique per source, e.g. crm-123'),
    column('hcp_id', 'text', true, 'an existing HCP id'),
    column('actor_id', 'text', true, 'a user id, or system:<name>'),
    column('channel', 'text', true, 'field_visit, remote_detail, email, webinar, ...'),
    column('outcome', 'text', true, 'sent, opened, clicked, registered, attended, downloaded, replied, requested, completed'),
    column('purpose', 'text', false, 'promotional (default), medical, market_research, events'),
    column('occurred_at', 'text', true, 'ISO 8601 date-time'),
    column('product_id', 'text', false, 'an existing product id'),
    column('topic', 'text', false, ''),
    column('content_module_id', 'text', false, 'an existing content module id'),
    column('source_system', 'text', false, 'e.g. crm, marketing-automation'),
    column('synthetic', 'boolean', false, ''),
  ],
  schema: Interaction,
  count: (store) => store.interactions.count(),
  key: (interaction) => interaction.id,
  checkReferences: (interaction, checker) => [
    ...checkHcp(checker, interaction.hcpId),
    ...checkActor(checker, 'actor_id', interaction.actorId),
    ...checkProduct(checker, interaction.productId),
    ...(interaction.contentModuleId === null
      ? []
      : unknownReference(
          checker.exists('contentModules', interaction.contentModuleId),
          'content_module_id',
          'content module',
          interaction.contentModuleId,
        )),
  ],
  write: (store, interaction) => store.interactions.upsert(interaction),
};

export const consentImport: ImportKind<Consent> = {
  name: 'consents',
  description: 'Consent events (grants and revocations), upserted by id',
  columns: [
    column('id', 'text', true, ''),
    column('hcp_id', 'text', true, 'an existing HCP id'),
    column('channel', 'text', true, 'a channel name'),
    column('purpose', 'text', true, 'promotional, medical, market_research or events'),
    column('product_id', 'text', false, 'empty for all products'),
    column('status', 'text', true, 'granted or revoked'),
    column('recorded_at', 'text', true, 'ISO 8601 date-time'),
    column('source', 'text', true, 'e.g. web form, signed form, call center'),
    column('expires_at', 'text', false, 'ISO 8601 date-time'),
    column('jurisdiction', 'text', false, 'e.g. US or US-CA'),
    column('synthetic', 'boolean', false, ''),
  ],
  schema: Consent,
  count: (store) => store.consents.count(),
  key: (consent) => consent.id,
  checkReferences: (consent, checker) => [...checkHcp(checker, consent.hcpId), ...checkProduct(checker, consent.productId)],
  write: (store, consent) => store.consents.upsert(consent),
};

export const noteImport: ImportKind<FieldNote> = {
  name: 'notes',
  description: 'Rep and MSL field notes, upserted by id',
  columns: [
    column('id', 'text', true, ''),
    column('hcp_id', 'text', true, 'an existing HCP id'),
    column('author_id', 'text', true, 'an existing user id'),
    column('written_at', 'text', true, 'ISO 8601 date-time'),
    column('kind', 'text', true, 'rep or msl'),
    column('text', 'text', true, 'up to 20,000 characters'),
    column('synthetic', 'boolean', false, ''),
  ],
  schema: FieldNote,
  count: (store) => store.notes.count(),
  key: (note) => note.id,
  checkReferences: (note, checker) => [...checkHcp(checker, note.hcpId), ...checkActor(checker, 'author_id', note.authorId)],
  write: (store, note) => store.notes.upsert(note),
};

/** References and provenance of a content row, under the given content rules. */
function checkContent(module: ContentModule, checker: ReferenceChecker, rules: ContentRules): RowProblem[] {
  return [
    ...checkProduct(checker, module.productId),
    ...module.requiredModuleIds.flatMap((id) =>
      checker.exists('contentModules', id) || checker.seenIds.has(id)
        ? []
        : [{ field: 'required_module_ids', reason: `refers to unknown content module '${id}'` }],
    ),
    ...new ContentProvenance(rules, (id) => checker.exists('users', id)).problems(module),
  ];
}

/**
 * Content modules, under the default content rules (the CLI uses contentImportWith and the configured
 * ones). A row with status approved or expired must carry its provenance (approved_by, a user id that
 * exists; mlr_code; approved_at) and text within the content rules (links to the allowed domains only,
 * no hidden text, no instructions to an AI): otherwise the row is rejected, as any bad row is, and
 * whatever is stored under that id stays as it was (a draft stays a draft).
 */
export const contentImport: ImportKind<ContentModule> = {
  name: 'content',
  description: 'Content modules, upserted by (id, version)',
  columns: [
    column('id', 'text', true, ''),
    column('version', 'number', true, 'integer from 1'),
    column('mlr_code', 'text', true, ''),
    column('title', 'text', true, ''),
    column('body', 'text', true, 'the approved text: links to the allowed domains only, no hidden text'),
    column('product_id', 'text', false, 'an existing product id'),
    column('brand_name', 'text', false, ''),
    column('generic_name', 'text', false, 'required with a brand name'),
    column('kind', 'text', true, 'claim, safety, isi, education, invitation, template or medical_response'),
    column('audience_specialties', 'list', false, 'separated by |'),
    column('allowed_channels', 'list', true, 'channels separated by |'),
    column('purpose', 'text', true, 'promotional or medical'),
    column('market', 'text', false, 'default US'),
    column('approved_at', 'text', true, 'ISO 8601 date'),
    column('approved_by', 'text', false, 'user id of the MLR approver; required for status approved or expired'),
    column('expires_at', 'text', false, 'ISO 8601 date'),
    column('status', 'text', true, 'draft, approved, withdrawn or expired'),
    column('required_module_ids', 'list', false, 'companion module ids separated by |'),
    column('source', 'text', false, ''),
    column('synthetic', 'boolean', false, ''),
  ],
  schema: ContentModule,
  count: (store) => store.contentModules.count(),
  key: (module) => `${module.id}@${module.version}`,
  checkReferences: (module, checker) => checkContent(module, checker, DEFAULT_CONTENT_RULES),
  write: (store, module) => store.contentModules.upsert(module),
};

/** The content import under the configured content rules (OMNI_CONTENT_LINK_DOMAINS). */
export function contentImportWith(rules: ContentRules): ImportKind<ContentModule> {
  return { ...contentImport, checkReferences: (module, checker) => checkContent(module, checker, rules) };
}
