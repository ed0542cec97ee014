import type Database from 'better-sqlite3';
import { AppError } from '../core/app-error.ts';
import type { InteractionActivity } from '../domain/interaction.ts';
import type { OmniStore } from '../domain/repositories.ts';
import {
  defaultInsightLimits,
  summarizeNotes,
  type FieldInsights,
  type InsightRequest,
  type InsightSummary,
} from './field-insights.ts';
import { loadInsightLexicons, type InsightLexicons } from './lexicons.ts';
import type { InsightNote } from './note-analysis.ts';
import { QUESTION_ACTIVITY_CHANNELS } from './questions.ts';
import type { ThemeOptions } from './themes.ts';

const ACTIVITY_CHUNK = 2_000;

/**
 * The insight engine over the SQLite store: reads the notes of the period and the one before (one
 * statement along field_notes_by_time, joined to the HCP for territory, specialty and names), the
 * question channels of the HCPs who asked something, and hands them to summarizeNotes (pure).
 * Notes have no product column: the product filter reads the text (brand or generic name).
 */
export class SqliteFieldInsights implements FieldInsights {
  private readonly lexicons: InsightLexicons;
  private readonly notesBetween: Database.Statement;
  private readonly territoryList: Database.Statement;

  constructor(
    private readonly store: OmniStore & { readonly database: Database.Database },
    private readonly options: { lexicons?: InsightLexicons; themes?: Partial<ThemeOptions> } = {},
  ) {
    this.lexicons = options.lexicons ?? loadInsightLexicons();
    const database = store.database;
    this.notesBetween = database
      .prepare(
        `SELECT n.id, n.hcp_id, n.author_id, n.written_at, n.kind, n.text, h.first_name, h.last_name, h.territory, h.specialty
         FROM field_notes n JOIN hcps h ON h.id = n.hcp_id
         WHERE n.written_at >= @from AND n.written_at < @to
           AND n.kind IN (SELECT value FROM json_each(@kinds))
           AND (@territories IS NULL OR h.territory IN (SELECT value FROM json_each(@territories)))
           AND (@specialty IS NULL OR instr(lower(h.specialty), @specialty) > 0)
         ORDER BY n.written_at, n.id`,
      )
      .raw();
    this.territoryList = database.prepare('SELECT DISTINCT territory FROM hcps ORDER BY territory').pluck();
  }

  summarize(request: InsightRequest): InsightSummary {
    const limits = { ...defaultInsightLimits, ...request.limits };
    const products = this.store.products.list();
    const product = request.product ? resolveProduct(request.product, products) : null;
    const territories = this.territoriesFor(request);
    const specialty = request.specialty ? specialtyKey(request.specialty) : null;
    const from = request.previousPeriod ? request.previousPeriod.from : request.period.from;
    const notes = this.readNotes({ from, to: request.period.to, kinds: request.scope.noteKinds, territories: territories === 'all' ? null : territories, specialty });
    const extraNames = this.store.users.list().flatMap((user) => [user.name, ...user.name.split(/\s+/)]);
    const purposes = request.scope.interactionPurposes;
    const result = summarizeNotes(
      { period: request.period, previousPeriod: request.previousPeriod, topic: request.topic ?? null, limits, productId: product?.id ?? null },
      {
        products,
        lexicons: this.lexicons,
        extraNames,
        notes,
        readQuestionActivity: (hcpIds) => {
          const byHcp = new Map<string, InteractionActivity[]>();
          const until = request.period.to;
          for (let start = 0; start < hcpIds.length; start += ACTIVITY_CHUNK) {
            const rows = this.store.interactions.activityForHcps(hcpIds.slice(start, start + ACTIVITY_CHUNK), request.period.from, until, QUESTION_ACTIVITY_CHANNELS);
            for (const [hcpId, activity] of rows) byHcp.set(hcpId, purposes ? activity.filter((row) => purposes.includes(row.purpose)) : activity);
          }
          return byHcp;
        },
        ...(this.options.themes ? { themeOptions: this.options.themes } : {}),
      },
    );
    const { topic, ...rest } = result;
    return {
      ...rest,
      filters: {
        product: product ? { id: product.id, name: `${product.brandName} (${product.genericName})` } : null,
        topic,
        specialty: request.specialty ?? null,
        territories,
      },
    };
  }

  /** The notes between two instants, oldest first, as the engine reads them (the bench's baseline is this read alone). */
  readNotes(query: { from: string; to: string; kinds: readonly ('rep' | 'msl')[]; territories: readonly string[] | null; specialty: string | null }): InsightNote[] {
    const rows = this.notesBetween.all({
      from: query.from,
      to: query.to,
      kinds: JSON.stringify(query.kinds),
      territories: query.territories === null ? null : JSON.stringify(query.territories),
      specialty: query.specialty,
    }) as [string, string, string, string, 'rep' | 'msl', string, string, string, string, string][];
    return rows.map(([id, hcpId, authorId, writtenAt, kind, text, firstName, lastName, territory, specialty]) => ({
      id,
      hcpId,
      authorId,
      writtenAt,
      kind,
      text,
      hcp: { firstName, lastName, territory, specialty },
    }));
  }

  /**
   * The territories to read: the caller's (or every one), narrowed to the asked territory (an id, or a
   * region prefix: T-NE covers T-NE-01...). Asking for a territory outside the scope is FORBIDDEN.
   */
  private territoriesFor(request: InsightRequest): string[] | 'all' {
    const scoped = request.scope.territories;
    if (!request.territory) return scoped === undefined ? 'all' : [...scoped];
    const wanted = request.territory.trim().toUpperCase();
    const known = this.territoryList.all() as string[];
    const matching = known.filter((territory) => territory.toUpperCase() === wanted || territory.toUpperCase().startsWith(`${wanted}-`));
    if (matching.length === 0) throw new AppError('NOT_FOUND', `no territory ${request.territory}; known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', ...' : ''}`);
    const allowed = scoped === undefined ? matching : matching.filter((territory) => scoped.includes(territory));
    if (allowed.length === 0) throw new AppError('FORBIDDEN', `territory ${request.territory} is outside your territories (${(scoped ?? []).join(', ')})`);
    return allowed;
  }
}

/** A product by id, brand or generic name (any case). */
export function resolveProduct<P extends { id: string; brandName: string; genericName: string }>(text: string, products: readonly P[]): P {
  const wanted = text.trim().toLowerCase();
  const found = products.find(
    (product) => product.id.toLowerCase() === wanted || product.brandName.toLowerCase() === wanted || product.genericName.toLowerCase() === wanted || `prod-${wanted}` === product.id.toLowerCase(),
  );
  if (!found) throw new AppError('INVALID_INPUT', `unknown product "${text}"; known: ${products.map((product) => product.brandName).join(', ')}`);
  return found;
}

/** "Oncologists", "oncology", "ONCOLOG" all match "Medical Oncology" and "Hematology & Oncology". */
export function specialtyKey(text: string): string {
  const word = text.trim().toLowerCase();
  return word.replace(/(ists?|y|ies|s)$/, '') || word;
}
