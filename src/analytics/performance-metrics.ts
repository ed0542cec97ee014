import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../audit/canonical-json.ts';
import { AppError } from '../core/app-error.ts';
import { productDisplayName } from '../domain/product.ts';
import { metricCatalog, supportedFilters, type DimensionName, type FilterName, type MetricName, type MetricUnit } from './metric-catalog.ts';
import { resolvePeriods, type CompareInput, type Period, type PeriodInput } from './periods.ts';
import type { SqliteReaderPool } from '../store/sqlite-reader-pool.ts';
import { buildMetricQuery, type BuiltQuery, type MetricFilters, type MetricRow, type MetricSettings, type SqlParameter } from './query-builder.ts';

export interface PerformanceRequest {
  metric: MetricName;
  dimension: DimensionName | null;
  filters: MetricFilters;
  period: PeriodInput;
  compareTo: CompareInput;
  /** "Now" (ISO instant). */
  asOf: string;
  /**
   * The territories the caller may see; undefined: every territory. Decided from the caller's
   * identity before the engine runs (performanceAccess), never from the request.
   */
  territories: readonly string[] | undefined;
  settings: MetricSettings;
}

/** A statement as it ran: rerun `sql` with `parameters` (named, @name) to get the same rows. */
export interface TracedQuery {
  /** "pq-" + the first 16 hex digits of sha256 over the SQL text and the canonical JSON of its parameters. */
  id: string;
  period: 'current' | 'previous';
  sql: string;
  parameters: Record<string, SqlParameter>;
  rows: number;
}

/** One number with the query that produced it. */
export interface MetricCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  queryId: string;
}

export interface MetricResultRow {
  /** The dimension's value (territory id, rep id, product id, channel, segment, specialty, week's Monday, month); null without a dimension. */
  group: string | null;
  label: string;
  current: MetricCell | null;
  previous: MetricCell | null;
  /** current.value − previous.value (for shares: in points of the fraction); null when either is missing. */
  change: number | null;
}

export type PerformanceResult =
  | {
      status: 'answered';
      metric: MetricName;
      label: string;
      unit: MetricUnit;
      definition: string;
      dimension: DimensionName | null;
      filters: MetricFilters;
      period: Period;
      comparedWith: Period | null;
      rows: MetricResultRow[];
      queries: TracedQuery[];
    }
  | {
      status: 'unsupported';
      metric: MetricName;
      message: string;
      supportedDimensions: DimensionName[];
      supportedFilters: FilterName[];
    };

const STATEMENT_CACHE = 256;

/** The query id of a statement and its parameters: the same text and values always give the same id. */
export function queryId(query: BuiltQuery): string {
  return `pq-${sha256Hex(`${query.sql}\n${canonicalJson(query.parameters)}`).slice(0, 16)}`;
}

/**
 * The typed metrics layer over the SQLite store: a request names a metric, a dimension, filters and
 * periods; the engine builds the statement (query-builder.ts), runs it for each period, and returns
 * every number with the id, SQL text and parameters of the query that made it. Read-only.
 * Access is the tool's to decide (performance-access.ts); the engine keeps to `territories`.
 * With reader threads (SqliteStore.readers) the two periods' statements run side by side; without
 * (an in-memory database) they run in turn on this connection. The numbers are the same either way.
 */
export class PerformanceMetrics {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly userNames;
  private readonly products;

  constructor(
    private readonly database: Database.Database,
    private readonly readers: SqliteReaderPool | null = null,
  ) {
    this.userNames = database.prepare("SELECT id, name FROM users WHERE role IN ('rep', 'msl', 'manager', 'medical_affairs', 'admin')");
    this.products = database.prepare('SELECT id, brand_name AS brandName, generic_name AS genericName FROM products');
  }

  /** Whether a metric supports a dimension and filters; a "no" names what it does support. */
  check(metric: MetricName, dimension: DimensionName | null, filters: MetricFilters): Extract<PerformanceResult, { status: 'unsupported' }> | null {
    const definition = metricCatalog[metric];
    const filterNames = supportedFilters(metric);
    const unsupported = (message: string) => ({ status: 'unsupported' as const, metric, message, supportedDimensions: [...definition.dimensions], supportedFilters: filterNames });
    if (dimension !== null && !definition.dimensions.includes(dimension)) {
      return unsupported(`${definition.label} cannot be broken down by ${dimension}; it can be by ${definition.dimensions.join(', ')}.`);
    }
    const asked = (Object.keys(filters) as FilterName[]).filter((name) => filters[name] !== undefined);
    const refused = asked.filter((name) => !filterNames.includes(name));
    if (refused.length > 0) {
      return unsupported(`${definition.label} cannot be filtered by ${refused.join(' or ')}; it can be by ${filterNames.join(', ') || 'nothing'}.`);
    }
    return null;
  }

  /** Runs a request: the metric for the period and, unless compareTo is "none", for the period it is compared with. */
  async run(request: PerformanceRequest): Promise<PerformanceResult> {
    const refusal = this.check(request.metric, request.dimension, request.filters);
    if (refusal) return refusal;
    const { current, previous } = resolvePeriods(request.period, request.compareTo, request.asOf);
    const definition = metricCatalog[request.metric];
    const spec = { metric: request.metric, dimension: request.dimension, filters: request.filters, asOf: request.asOf, territories: request.territories, settings: request.settings };
    const runFor = async (period: Period, role: TracedQuery['period']) => {
      const built = buildMetricQuery({ ...spec, period });
      const rows = await this.execute(built);
      const traced: TracedQuery = { id: queryId(built), period: role, sql: built.sql, parameters: built.parameters, rows: rows.length };
      return { rows, traced };
    };
    const [now, before] = await Promise.all([runFor(current, 'current'), previous ? runFor(previous, 'previous') : null]);
    const queries = before ? [now.traced, before.traced] : [now.traced];

    const labels = this.labeller(request.dimension);
    const groups = new Map<string | null, MetricResultRow>();
    const rowFor = (group: string | null) => {
      let row = groups.get(group);
      if (!row) {
        row = { group, label: labels(group), current: null, previous: null, change: null };
        groups.set(group, row);
      }
      return row;
    };
    const cell = (row: MetricRow, id: string): MetricCell => ({ value: row.value, numerator: row.numerator, denominator: row.denominator, queryId: id });
    for (const row of now.rows) rowFor(row.grp).current = cell(row, now.traced.id);
    if (before) for (const row of before.rows) rowFor(row.grp).previous = cell(row, before.traced.id);
    const scale = 10 ** definition.decimals;
    for (const row of groups.values()) {
      if (row.current?.value != null && row.previous?.value != null) row.change = Math.round((row.current.value - row.previous.value) * scale) / scale;
    }
    const rows = [...groups.values()].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? ''));
    return {
      status: 'answered',
      metric: request.metric,
      label: definition.label,
      unit: definition.unit,
      definition: definition.definition,
      dimension: request.dimension,
      filters: request.filters,
      period: current,
      comparedWith: previous,
      rows,
      queries,
    };
  }

  private async execute(query: BuiltQuery): Promise<MetricRow[]> {
    if (this.readers) return (await this.readers.all(query.sql, query.parameters)) as unknown as MetricRow[];
    let statement = this.statements.get(query.sql);
    if (!statement) {
      try {
        statement = this.database.prepare(query.sql);
      } catch (cause) {
        throw new AppError('INTERNAL', 'a performance query could not be prepared', { cause });
      }
      if (!statement.reader) throw new AppError('INTERNAL', 'a performance query must only read');
      if (this.statements.size >= STATEMENT_CACHE) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(query.sql, statement);
    }
    try {
      return statement.all(query.parameters) as MetricRow[];
    } catch (cause) {
      throw new AppError('STORE_FAILURE', 'a performance query failed', { cause });
    }
  }

  /** Display labels for a dimension's values (rep and product names; weeks by their Monday). */
  private labeller(dimension: DimensionName | null): (group: string | null) => string {
    switch (dimension) {
      case null:
        return () => 'all';
      case 'rep': {
        const names = new Map((this.userNames.all() as { id: string; name: string }[]).map((user) => [user.id, user.name]));
        // null: a covering metric's HCPs of a territory no rep covers (no primary rep; metric-catalog.ts, RepMeaning).
        return (group) => (group === null ? '(no rep covers the territory)' : names.has(group) ? `${names.get(group)} (${group})` : group);
      }
      case 'product': {
        const products = new Map((this.products.all() as { id: string; brandName: string; genericName: string }[]).map((product) => [product.id, productDisplayName(product)]));
        return (group) => (group === null ? '(none)' : (products.get(group) ?? group));
      }
      case 'week':
        return (group) => (group === null ? '(none)' : `week of ${group}`);
      default:
        return (group) => group ?? '(none)';
    }
  }
}
