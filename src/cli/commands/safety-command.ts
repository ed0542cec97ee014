import { AppError } from '../../core/app-error.ts';
import { parseIsoDateTime } from '../../core/dates.ts';
import { SqliteDecisionLog } from '../../audit/sqlite-decision-log.ts';
import { dueText, listIntakes, type IntakeEntry } from '../../compliance/adverse-event-intake.ts';
import { callerFromOption } from '../caller.ts';
import type { Command } from '../command.ts';
import { printable } from '../printable.ts';

export const safetyCommand: Command = {
  name: 'safety',
  summary: 'adverse-event intakes for Drug Safety: list them, or export them as JSON lines',
  usage: ['omni safety list [--since <date>] [--as <user-id>] [--json]', '       omni safety export --since <date> [--as <user-id>]'].join('\n'),
  details: [
    'Possible adverse events reported through Omni (report_adverse_event: "report an adverse event"),',
    'read from the hash-chained decision log, oldest first: when each was recorded and is due (one',
    'business day after the report, weekends skipped), the reporter, the patient (initials, age, sex;',
    'never a name), the product, the event, and what is missing from an incomplete one.',
    '--since <date>: only those recorded from that date (or date-time) on; export requires it.',
    'export prints one JSON object per line: {intakeId, recordedAt, reportedAt, dueBy, complete, missing,',
    '  reporter, patient, product, productAsGiven, event, narrative, reportedBy, sequence, hash}.',
    '--as <user-id>: as that user; only medical affairs and admins may read intakes (exit 4 otherwise).',
  ].join('\n'),
  options: { since: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    const [action, ...rest] = positionals;
    if ((action !== 'list' && action !== 'export') || rest.length > 0) throw new AppError('INVALID_INPUT', 'usage: omni safety list [--since <date>] | omni safety export --since <date>');
    if (action === 'export' && typeof values.since !== 'string') throw new AppError('INVALID_INPUT', 'omni safety export needs --since <date>');
    const since = typeof values.since === 'string' ? parseIsoDateTime(values.since) : undefined;
    if (typeof values.since === 'string' && !since) throw new AppError('INVALID_INPUT', `--since must be an ISO 8601 date, not "${printable(values.since, 40)}"`);
    const store = context.openStore();
    try {
      const intakes = listIntakes(new SqliteDecisionLog(store.database), callerFromOption(store, values.as), since ? { since } : {});
      if (action === 'export') {
        for (const intake of intakes) context.out(JSON.stringify(intake));
      } else {
        context.out(values.json ? JSON.stringify(intakes) : formatIntakes(intakes, since));
      }
      return 0;
    } finally {
      store.close();
    }
  },
};

/** The intakes for a terminal, one block each; every text from a user goes through printable. */
export function formatIntakes(intakes: readonly IntakeEntry[], since: string | undefined): string {
  const heading = `Adverse-event intakes${since ? ` since ${since.slice(0, 10)}` : ''}: ${intakes.length}`;
  if (intakes.length === 0) return `${heading}.`;
  const lines = [`${heading}, oldest first.`];
  for (const intake of intakes) {
    const status = intake.complete ? 'complete' : `INCOMPLETE, missing ${intake.missing.join(', ')}`;
    const reporter = intake.reporter === null ? '(not identified)' : intake.reporter.kind === 'employee' ? `the employee, ${printable(intake.reporter.name, 80)}` : `${printable(intake.reporter.name, 80)}${intake.reporter.hcpId ? ` (${intake.reporter.hcpId})` : ''}`;
    const { initials, age, sex } = intake.patient;
    const patient = [initials, age === null ? null : `${age}`, sex].filter((part) => part !== null).join(', ') || '(not identified)';
    const product = intake.product ? `${intake.product.brandName} (${intake.product.genericName})` : intake.productAsGiven ? `"${printable(intake.productAsGiven, 80)}" (none of ours)` : '(not named)';
    lines.push(
      '',
      `${intake.intakeId}  recorded ${intake.recordedAt.slice(0, 16).replace('T', ' ')} UTC, due ${dueText(intake.dueBy)}  [${status}]`,
      `  reporter  ${reporter}; reported by ${printable(intake.reportedBy.userId, 60)}${intake.reportedBy.role ? ` (${intake.reportedBy.role})` : ''}`,
      `  patient   ${printable(patient, 80)}`,
      `  product   ${product}`,
      `  event     ${intake.event === null ? '(not described)' : `"${printable(intake.event, 200)}"`}`,
      ...(intake.narrative === null ? [] : [`  account   "${printable(intake.narrative, 400)}"`]),
    );
  }
  return lines.join('\n');
}
