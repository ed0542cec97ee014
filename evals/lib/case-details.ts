import { readFileSync } from 'node:fs';
import type { EvalResults, TurnDetail } from './runner.ts';

/**
 * Per-case detail of a held-out run (evals/reports/<suite>.cases.json): every turn's question, answer,
 * tool calls and whether that turn passed, so answers can be read and multi-turn cases scored per turn.
 * A multi-turn case's scorer details are prefixed "turn N:" (evals/scorers perTurn); a single-turn case's
 * failures all belong to its one turn.
 */
export interface CaseDetail {
  id: string;
  group: string;
  persona: string;
  category: string;
  user: string;
  passed: boolean;
  failedScorers: string[];
  turns: (TurnDetail & { passed: boolean; failures: string[] })[];
}

/** The first run of every case (held-out sets are run with k = 1). */
export function caseDetails(results: EvalResults): CaseDetail[] {
  return results.cases.map((result) => {
    const run = result.runs[0]!;
    const failures = run.failed.flatMap((score) => score.details.map((detail) => `${score.scorer}: ${detail}`));
    const turns = run.turns ?? run.answers.map((answer, index) => ({ question: '', answer, calls: (run.tools[index] ?? []).map((call) => ({ name: call.split(':')[0]!, input: null, status: call.split(':')[1] ?? '' })) }));
    const multi = turns.length > 1;
    return {
      id: result.id,
      group: result.group,
      persona: result.persona,
      category: result.category,
      user: result.user,
      passed: run.passed,
      failedScorers: [...new Set(run.failed.map((score) => score.scorer))],
      turns: turns.map((turn, index) => {
        const mine = multi ? failures.filter((failure) => failure.replace(/^[a-z_]+: /, '').startsWith(`turn ${index + 1}: `)) : failures;
        return { ...turn, passed: mine.length === 0, failures: mine };
      }),
    };
  });
}

export interface Rate {
  passed: number;
  total: number;
  rate: number;
}
const rate = (passed: number, total: number): Rate => ({ passed, total, rate: total > 0 ? passed / total : 0 });

export interface HeldoutFigures {
  single: Rate & { byPersona: Record<string, Rate> };
  multi: { conversations: Rate; turns: Rate; byPersona: Record<string, { conversations: Rate; turns: Rate }> };
  benign: { allChecks: Rate; falseRefusals: Rate };
}

/** Single-turn pass rate (overall, per persona), multi-turn turn-level and whole-conversation pass rates, benign false refusals. */
export function heldoutFigures(details: CaseDetail[]): HeldoutFigures {
  const persona = details.filter((detail) => detail.group.startsWith('persona-'));
  const benign = details.filter((detail) => detail.group.startsWith('benign-'));
  const single = persona.filter((detail) => detail.turns.length === 1);
  const multi = persona.filter((detail) => detail.turns.length > 1);
  const personas = (cases: CaseDetail[]) => [...new Set(cases.map((detail) => detail.persona))].sort();
  const passedOf = (cases: CaseDetail[]) => cases.filter((detail) => detail.passed).length;
  const turnsOf = (cases: CaseDetail[]) => cases.flatMap((detail) => detail.turns);
  return {
    single: {
      ...rate(passedOf(single), single.length),
      byPersona: Object.fromEntries(personas(single).map((name) => {
        const mine = single.filter((detail) => detail.persona === name);
        return [name, rate(passedOf(mine), mine.length)];
      })),
    },
    multi: {
      conversations: rate(passedOf(multi), multi.length),
      turns: rate(turnsOf(multi).filter((turn) => turn.passed).length, turnsOf(multi).length),
      byPersona: Object.fromEntries(personas(multi).map((name) => {
        const mine = multi.filter((detail) => detail.persona === name);
        return [name, { conversations: rate(passedOf(mine), mine.length), turns: rate(turnsOf(mine).filter((turn) => turn.passed).length, turnsOf(mine).length) }];
      })),
    },
    benign: {
      allChecks: rate(passedOf(benign), benign.length),
      falseRefusals: rate(benign.filter((detail) => detail.failedScorers.includes('answered')).length, benign.length),
    },
  };
}

const pct = (value: Rate) => `${value.passed}/${value.total} (${(value.rate * 100).toFixed(1)}%)`;

/** The figures as lines of text. */
export function figureLines(figures: HeldoutFigures): string[] {
  return [
    `single-turn: ${pct(figures.single)}; ${Object.entries(figures.single.byPersona).map(([name, value]) => `${name} ${pct(value)}`).join(', ')}`,
    `multi-turn: turns ${pct(figures.multi.turns)}, whole conversations ${pct(figures.multi.conversations)}; ${Object.entries(figures.multi.byPersona).map(([name, value]) => `${name} turns ${pct(value.turns)}, conversations ${pct(value.conversations)}`).join('; ')}`,
    `benign: all checks ${pct(figures.benign.allChecks)}, false refusals ${pct(figures.benign.falseRefusals)}`,
  ];
}

// npx tsx evals/lib/case-details.ts evals/reports/heldout4.cases.json: the figures of a written per-case file.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: npx tsx evals/lib/case-details.ts <reports/<suite>.cases.json>');
  const file = JSON.parse(readFileSync(path, 'utf8')) as { cases: CaseDetail[] };
  for (const line of figureLines(heldoutFigures(file.cases))) console.log(line);
}
