import { AppError } from '../../core/app-error.ts';
import type { Config } from '../../config.ts';
import {
  consentImport,
  contentImportWith,
  hcpImport,
  interactionImport,
  noteImport,
  userImport,
  type ImportKind,
} from '../../ingest/import-kinds.ts';
import { nppesImport } from '../../ingest/nppes-import.ts';
import { formatProblems, runImport, type ImportReport } from '../../ingest/run-import.ts';
import type { Command } from '../command.ts';

/** The import kinds by name; content is checked against the configured content rules. */
export function importKinds(config: Pick<Config, 'contentLinkDomains'>): Record<string, ImportKind<{ id: string }>> {
  return {
    nppes: nppesImport,
    hcps: hcpImport,
    users: userImport,
    interactions: interactionImport,
    consents: consentImport,
    content: contentImportWith({ linkDomains: config.contentLinkDomains }),
    notes: noteImport,
  };
}

const MAX_PROBLEMS_SHOWN = 200;

export const importCommand: Command = {
  name: 'import',
  summary: 'import a CSV or JSON file of one kind (validated, all-or-nothing by default)',
  usage: 'omni import <nppes|hcps|users|interactions|consents|content|notes> <file> [--skip-invalid] [--format csv|json] [--json]',
  details: [
    'Validates every row. With any bad row nothing is committed and the exit code is 5; each bad row',
    'is reported as file:line: field: reason. --skip-invalid commits the valid rows in one transaction.',
    'Rows are upserted by id, so running the same import again changes nothing.',
    'Formats: .csv (header row of snake_case columns), .json (array of objects) or .jsonl (one per line).',
    'Columns per kind: omni import <kind> --help',
  ].join('\n'),
  options: {
    'skip-invalid': { type: 'boolean', default: false },
    format: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  run({ positionals, values }, context) {
    const [kindName, file, ...extra] = positionals;
    const kinds = importKinds(context.config);
    const kind = kindName === undefined ? undefined : kinds[kindName];
    if (values.help && kind) {
      context.out(describeKind(kind));
      return 0;
    }
    if (!kind) throw new AppError('INVALID_INPUT', `unknown import kind "${kindName ?? ''}"; use one of: ${Object.keys(kinds).join(', ')}`);
    if (!file) throw new AppError('INVALID_INPUT', 'which file? usage: omni import <kind> <file>');
    if (extra.length > 0) throw new AppError('INVALID_INPUT', `unexpected argument(s): ${extra.join(' ')}`);
    const format = values.format;
    if (format !== undefined && format !== 'csv' && format !== 'json') throw new AppError('INVALID_INPUT', '--format must be csv or json');
    const store = context.openStore({ create: true });
    let report: ImportReport;
    try {
      report = runImport(store, kind, file, { skipInvalid: values['skip-invalid'] === true, ...(format ? { format } : {}) });
    } finally {
      store.close();
    }
    if (values.json) {
      context.out(JSON.stringify(report));
    } else {
      const problems = formatProblems(report);
      for (const line of problems.slice(0, MAX_PROBLEMS_SHOWN)) context.err(line);
      if (problems.length > MAX_PROBLEMS_SHOWN) context.err(`… and ${problems.length - MAX_PROBLEMS_SHOWN} more problems (use --json for all)`);
      context.out(summaryLine(report));
    }
    return report.committed ? 0 : 5;
  },
};

function summaryLine(report: ImportReport): string {
  const skipped = Object.entries(report.skipped).map(([reason, count]) => `${count} skipped (${reason})`);
  const counts = [
    `${report.rowsRead} rows read`,
    `${report.accepted} valid`,
    `${report.rejected} rejected`,
    ...skipped,
  ].join(', ');
  const outcome = report.committed
    ? `committed: ${report.inserted} new, ${report.updated} updated`
    : 'nothing committed (fix the rows above, or pass --skip-invalid to import the valid rows)';
  return `${report.kind} import of ${report.file}: ${counts}; ${outcome}. ${(report.durationMs / 1000).toFixed(2)} s`;
}

function describeKind(kind: ImportKind<{ id: string }>): string {
  if (kind.columns.length === 0) return `${kind.name}: ${kind.description}. CSV only; the NPPES header is read as published by CMS.`;
  return [
    `${kind.name}: ${kind.description}. Columns (* required):`,
    ...kind.columns.map((column) => `  ${(column.name + (column.required ? ' *' : '')).padEnd(28)} ${column.type.padEnd(8)} ${column.description}`),
  ].join('\n');
}
