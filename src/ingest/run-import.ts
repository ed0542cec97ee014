import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { AppError, isAppError } from '../core/app-error.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { isCsvFault, readCsvFile } from './csv-reader.ts';
import { readJsonFile } from './json-reader.ts';
import type { Column, ImportKind, ReferencedTable, RowProblem } from './import-kinds.ts';

export interface ImportOptions {
  /** Commit the valid rows and report the rest, instead of committing nothing. */
  skipInvalid?: boolean;
  /** Overrides detection from the file extension. */
  format?: 'csv' | 'json';
}

/** One rejected row: where it is, which field, and why. Line 0 means the file as a whole. */
export interface ImportProblem {
  line: number;
  field: string;
  reason: string;
}

export interface ImportReport {
  kind: string;
  file: string;
  format: 'csv' | 'json';
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Rows deliberately left out (e.g. NPPES organisations), by reason. */
  skipped: Record<string, number>;
  inserted: number;
  updated: number;
  committed: boolean;
  problems: ImportProblem[];
  durationMs: number;
}

/** Thrown inside the transaction to roll it back when a row is bad and --skip-invalid is off. */
class RollBack extends Error {}

/**
 * Imports one file of one kind in a single transaction. Every row is validated and every bad row
 * reported; by default any bad row means nothing is committed. Rows are upserted by id, so running
 * the same import twice changes nothing. A process killed mid-import leaves no partial import,
 * because the transaction never commits.
 */
export function runImport<T extends { id: string }>(
  store: OmniStore,
  kind: ImportKind<T>,
  path: string,
  options: ImportOptions = {},
): ImportReport {
  const started = performance.now();
  checkReadableFile(path);
  const format = options.format ?? detectFormat(path);
  const report: ImportReport = {
    kind: kind.name,
    file: path,
    format,
    rowsRead: 0,
    accepted: 0,
    rejected: 0,
    skipped: {},
    inserted: 0,
    updated: 0,
    committed: false,
    problems: [],
    durationMs: 0,
  };
  const countBefore = kind.count(store);
  const seenKeys = new Map<string, number>();
  const seenIds = new Set<string>();
  const uniqueValues = new Map<string, number>();
  let currentLine = 0;
  // References repeat (many interactions per HCP): each id is looked up once per import.
  const known = { hcps: new Map<string, boolean>(), users: new Map<string, boolean>(), products: new Map<string, boolean>(), contentModules: new Map<string, boolean>() };
  const exists = (table: ReferencedTable, id: string): boolean => {
    let found = known[table].get(id);
    if (found === undefined) {
      found = store[table].exists(id);
      known[table].set(id, found);
    }
    return found;
  };
  const claimUnique = (field: string, value: string): number | undefined => {
    const key = `${field}\u0000${value}`;
    const firstLine = uniqueValues.get(key);
    if (firstLine !== undefined && firstLine !== currentLine) return firstLine;
    uniqueValues.set(key, currentLine);
    return undefined;
  };
  const rejectedLines = new Set<number>();
  const reject = (line: number, problems: RowProblem[]) => {
    for (const problem of problems) report.problems.push({ line, ...problem });
    if (!rejectedLines.has(line)) {
      rejectedLines.add(line);
      report.rejected++;
    }
  };

  const acceptRow = (line: number, values: Record<string, unknown>) => {
    currentLine = line;
    const parsed = kind.schema.safeParse(values);
    if (!parsed.success) {
      // Parse again with the inputs attached only for bad rows: reporting them costs every row.
      const issues = kind.schema.safeParse(values, { reportInput: true }).error?.issues ?? parsed.error.issues;
      reject(
        line,
        issues.map((issue) => ({ field: snakeCase(String(issue.path[0] ?? '')), reason: withInput(issue) })),
      );
      return;
    }
    const entity = parsed.data;
    const key = kind.key(entity);
    const firstLine = seenKeys.get(key);
    if (firstLine !== undefined) {
      reject(line, [{ field: 'id', reason: `duplicate id '${key}' (first on line ${firstLine})` }]);
      return;
    }
    seenKeys.set(key, line);
    const referenceProblems = kind.checkReferences(entity, { store, seenIds, claimUnique, exists });
    if (referenceProblems.length > 0) {
      reject(line, referenceProblems);
      return;
    }
    // Once a row is bad and nothing will be committed, keep validating but stop writing.
    if (options.skipInvalid || report.rejected === 0) {
      try {
        kind.write(store, entity);
      } catch (error) {
        // A conflict the checks above could not foresee (e.g. two rows swapping an NPI).
        if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
        reject(line, [{ field: '', reason: error.message }]);
        return;
      }
    }
    seenIds.add(entity.id);
    report.accepted++;
  };

  try {
    store.transaction(() => {
      const rows = format === 'csv' ? csvRows(path, kind, report) : jsonRows(path, kind, report);
      for (const row of rows) {
        report.rowsRead++;
        if ('problems' in row) reject(row.line, row.problems);
        else if ('skip' in row) report.skipped[row.skip] = (report.skipped[row.skip] ?? 0) + 1;
        else acceptRow(row.line, row.values);
      }
      if (report.rowsRead === 0 && report.problems.length === 0) {
        report.problems.push({ line: 0, field: '', reason: 'the file has no rows' });
      }
      const fileLevelProblem = report.problems.some((problem) => problem.line === 0);
      if (fileLevelProblem || (report.rejected > 0 && !options.skipInvalid)) throw new RollBack();
      report.inserted = kind.count(store) - countBefore;
      report.updated = report.accepted - report.inserted;
      report.committed = true;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  report.durationMs = performance.now() - started;
  return report;
}

type SourceRow =
  | { line: number; values: Record<string, unknown> }
  | { line: number; skip: string }
  | { line: number; problems: RowProblem[] };

function* csvRows<T extends { id: string }>(
  path: string,
  kind: ImportKind<T>,
  report: ImportReport,
): Generator<SourceRow> {
  let headers: string[] | undefined;
  let columns: (Column | undefined)[] = [];
  for (const item of readCsvFile(path)) {
    if (isCsvFault(item)) {
      if (!headers) {
        report.problems.push({ line: 0, field: '', reason: `line ${item.line}: ${item.fault}` });
        return;
      }
      const field = item.fieldIndex === undefined ? '' : normaliseHeader(headers[item.fieldIndex] ?? '');
      yield { line: item.line, problems: [{ field, reason: item.fault }] };
      continue;
    }
    if (!headers) {
      headers = item.fields.map((header) => header.trim());
      const headerProblem = kind.foreignLayout
        ? kind.foreignLayout.checkHeader(headers)
        : checkHeader(headers.map(normaliseHeader), kind.columns);
      if (headerProblem) {
        report.problems.push({ line: 0, field: '', reason: headerProblem });
        return;
      }
      columns = headers.map((header) => kind.columns.find((column) => column.name === normaliseHeader(header)));
      continue;
    }
    if (item.fields.length !== headers.length) {
      const what = item.fields.length > headers.length ? 'more' : 'fewer';
      yield {
        line: item.line,
        problems: [{ field: '', reason: `has ${item.fields.length} fields, ${what} than the header's ${headers.length}` }],
      };
      continue;
    }
    if (kind.foreignLayout) {
      const raw: Record<string, string> = {};
      headers.forEach((header, index) => (raw[header] = item.fields[index]!));
      const decoded = kind.foreignLayout.decode(raw);
      yield 'skip' in decoded ? { line: item.line, skip: decoded.skip } : { line: item.line, values: decoded.value };
      continue;
    }
    const coerced = coerceRow(columns as Column[], item.fields);
    yield 'problems' in coerced ? { line: item.line, problems: coerced.problems } : { line: item.line, values: coerced.values };
  }
  if (!headers) report.problems.push({ line: 0, field: '', reason: 'the file is empty' });
}

function* jsonRows<T extends { id: string }>(
  path: string,
  kind: ImportKind<T>,
  report: ImportReport,
): Generator<SourceRow> {
  if (kind.foreignLayout) {
    report.problems.push({ line: 0, field: '', reason: `${kind.name} files are read as CSV only` });
    return;
  }
  let sawAny = false;
  for (const item of readJsonFile(path)) {
    sawAny = true;
    if ('fault' in item) {
      yield { line: item.line, problems: [{ field: '', reason: item.fault }] };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null || Array.isArray(item.value)) {
      yield { line: item.line, problems: [{ field: '', reason: 'is not a JSON object' }] };
      continue;
    }
    const entries = Object.entries(item.value as Record<string, unknown>);
    const columns: Column[] = [];
    const cells: unknown[] = [];
    const unknown: string[] = [];
    for (const [key, value] of entries) {
      const column = kind.columns.find((candidate) => candidate.name === snakeCase(key));
      if (column) {
        columns.push(column);
        cells.push(value);
      } else {
        unknown.push(key);
      }
    }
    const missing = kind.columns.filter((column) => column.required && !columns.includes(column));
    const shapeProblems = [
      ...unknown.map((key) => ({ field: key, reason: 'is not a known field' })),
      ...missing.map((column) => ({ field: column.name, reason: 'is required' })),
    ];
    if (shapeProblems.length > 0) {
      yield { line: item.line, problems: shapeProblems };
      continue;
    }
    const coerced = coerceRow(columns, cells);
    yield 'problems' in coerced ? { line: item.line, problems: coerced.problems } : { line: item.line, values: coerced.values };
  }
  if (!sawAny) report.problems.push({ line: 0, field: '', reason: 'the file is empty' });
}

function checkHeader(headers: readonly string[], columns: readonly Column[]): string | undefined {
  const known = new Set(columns.map((column) => column.name));
  const unknown = headers.filter((header) => !known.has(header));
  const missing = columns.filter((column) => column.required && !headers.includes(column.name)).map((c) => c.name);
  const duplicated = headers.filter((header, index) => headers.indexOf(header) !== index);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing required column(s): ${missing.join(', ')}`);
  if (unknown.length > 0) problems.push(`unknown column(s): ${unknown.join(', ')}`);
  if (duplicated.length > 0) problems.push(`repeated column(s): ${duplicated.join(', ')}`);
  return problems.length > 0 ? `header: ${problems.join('; ')}` : undefined;
}

/** Turns cell text (or JSON values) into typed values; empty cells become absent so defaults apply. */
function coerceRow(
  columns: readonly Column[],
  cells: readonly unknown[],
): { values: Record<string, unknown> } | { problems: RowProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  columns.forEach((column, index) => {
    const cell = cells[index];
    if (cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')) {
      if (column.required) problems.push({ field: column.name, reason: 'is required' });
      return;
    }
    const value = typeof cell === 'string' ? coerceText(column, cell) : cell;
    if (value === undefined) {
      problems.push({ field: column.name, reason: `is not a ${column.type}: '${truncate(String(cell))}'` });
      return;
    }
    values[column.key] = value;
  });
  return problems.length > 0 ? { problems } : { values };
}

function coerceText(column: Column, cell: string): unknown {
  const text = cell.trim();
  switch (column.type) {
    case 'text':
      return cell;
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) ? number : undefined;
    }
    case 'boolean': {
      const lowered = text.toLowerCase();
      if (['true', 'yes', 'y', '1'].includes(lowered)) return true;
      if (['false', 'no', 'n', '0'].includes(lowered)) return false;
      return undefined;
    }
    case 'list':
      return text
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part !== '');
  }
}

function checkReadableFile(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new AppError('NOT_FOUND', `no such file: ${path}`);
  }
  if (!stats.isFile()) throw new AppError('INVALID_INPUT', `not a file: ${path}`);
}

function detectFormat(path: string): 'csv' | 'json' {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (['.json', '.jsonl', '.ndjson'].includes(extension)) return 'json';
  throw new AppError('INVALID_INPUT', `cannot tell the format of ${basename(path)}: use .csv, .json or .jsonl, or --format`);
}

function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const snakeCase = normaliseHeader;

/** zod's enum and type messages do not say what was given; the report should. */
function withInput(issue: { message: string; input?: unknown; code: string }): string {
  if (issue.code !== 'invalid_value' && issue.code !== 'invalid_type') return issue.message;
  if (issue.input === undefined || typeof issue.input === 'object') return issue.message;
  return `${issue.message} (got '${truncate(String(issue.input))}')`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** One line per problem, as `file:line: field: reason`. */
export function formatProblems(report: ImportReport): string[] {
  return report.problems.map((problem) => {
    const where = problem.line === 0 ? report.file : `${report.file}:${problem.line}`;
    return problem.field ? `${where}: ${problem.field}: ${problem.reason}` : `${where}: ${problem.reason}`;
  });
}
