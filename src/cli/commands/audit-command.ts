import { AppError, appErrorCodes } from '../../core/app-error.ts';
import type { ChainVerification, DecisionRecord } from '../../domain/decision-record.ts';
import { SqliteDecisionLog } from '../../audit/sqlite-decision-log.ts';
import type { Command } from '../command.ts';
import { printable } from '../printable.ts';

export const auditCommand: Command = {
  name: 'audit',
  summary: 'prove the decision log intact (verify), or print one of its records (show)',
  usage: ['omni audit verify [--json]', '       omni audit show <decision-id> [--json]'].join('\n'),
  details: [
    'Every recommendation, draft and content suggestion is written to the decision log before it is',
    'shown: who asked, when, about which HCP, the signals and weights, the consent snapshot, the',
    'modules, the model and prompt versions. Each record holds the sha256 of the one before it.',
    'verify walks the chain from the first record and names the first one that does not check out',
    '(changed, deleted, moved or re-hashed). Keep the last hash it prints somewhere else: a chain',
    're-hashed from some record to the end can only be caught against it.',
    'show prints a record with its payload and the records that refer to it (feedback).',
    'Exit codes: 0 intact or shown, 3 no such record, 8 the chain is broken.',
    'JSON output: verify {intact: true, records, lastHash} | {intact: false, records, brokenAt: {sequence, id, problem}}',
    '             show {id, sequence, kind, actorId, hcpId, refersTo, recordedAt, payload, previousHash, hash, referredToBy: [id]}',
  ].join('\n'),
  options: { json: { type: 'boolean', default: false } },
  run({ positionals, values }, context) {
    const [action, ...rest] = positionals;
    if (action === 'verify' && rest.length === 0) {
      const store = context.openStore();
      try {
        const verification = new SqliteDecisionLog(store.database).verify();
        if (values.json) {
          context.out(JSON.stringify(verification));
          return verification.intact ? 0 : appErrorCodes.CHAIN_BROKEN.exitCode;
        }
        if (!verification.intact) throw brokenChain(verification);
        context.out(
          verification.records === 0
            ? 'Decision log intact: no records yet.'
            : `Decision log intact: ${verification.records.toLocaleString('en-US')} record${verification.records === 1 ? '' : 's'}, each chained to the one before it.\n  last hash ${verification.lastHash}`,
        );
        return 0;
      } finally {
        store.close();
      }
    }
    if (action === 'show' && rest.length === 1) {
      const id = rest[0]!.trim();
      const store = context.openStore();
      try {
        const log = new SqliteDecisionLog(store.database);
        const record = log.get(id);
        if (!record) throw new AppError('NOT_FOUND', `no decision record with id "${printable(id, 80)}" (ids look like dec-01JD…)`);
        const referredToBy = log.referringTo(record.id);
        context.out(values.json ? JSON.stringify({ ...record, referredToBy: referredToBy.map((other) => other.id) }) : formatDecisionRecord(record, referredToBy));
        return 0;
      } finally {
        store.close();
      }
    }
    throw new AppError('INVALID_INPUT', 'usage: omni audit verify | omni audit show <decision-id>');
  },
};

function brokenChain(verification: Extract<ChainVerification, { intact: false }>): AppError {
  const { sequence, id, problem } = verification.brokenAt;
  const which = id === null ? `record ${sequence}` : `record ${sequence} (${printable(id, 80)})`;
  return new AppError('CHAIN_BROKEN', `the decision log is broken at ${which}: ${printable(problem, 400)}`, {
    details: { ...verification.brokenAt, records: verification.records },
  });
}

/** A record for a terminal: data fields on one line each, the payload as indented JSON. */
export function formatDecisionRecord(record: DecisionRecord, referredToBy: readonly DecisionRecord[] = []): string {
  const field = (label: string, value: string) => `  ${label.padEnd(11)} ${value}`;
  const lines = [
    `Decision ${printable(record.id, 80)}  (record ${record.sequence} of the decision log)`,
    field('when', printable(record.recordedAt)),
    field('who', printable(record.actorId)),
    field('kind', printable(record.kind)),
    field('hcp', record.hcpId === null ? '(none)' : printable(record.hcpId)),
    field('refers to', record.refersTo === null ? '(nothing)' : printable(record.refersTo)),
    field('hash', `${record.hash.slice(0, 16)}…  (previous ${record.previousHash.slice(0, 16)}…)`),
  ];
  if (referredToBy.length > 0) {
    lines.push(field('referred by', referredToBy.map((other) => `${printable(other.id, 80)} (${printable(other.kind)})`).join(', ')));
  }
  lines.push('  payload');
  lines.push(...terminalSafeJson(record.payload).split('\n').map((line) => `    ${line}`));
  return lines.join('\n');
}

/**
 * Indented JSON with every character that could reshape a terminal written as a \u escape
 * (JSON.stringify already escapes C0 controls; DEL, C1 controls, line separators and bidi controls
 * are added), so the text stays valid JSON and shows what is stored.
 */
function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
