import { existsSync } from 'node:fs';
import { AppError } from '../../core/app-error.ts';
import { parseIsoDate } from '../../core/dates.ts';
import { createDemoDatabase, removeLeftoverBuilds } from '../../demo/seed-store.ts';
import type { Command } from '../command.ts';

/** `--anchor <YYYY-MM-DD>`, else today (UTC): the day the demo year ends on. */
export function demoAnchorDay(value: string | boolean | undefined, now: Date): string {
  if (typeof value !== 'string') return now.toISOString().slice(0, 10);
  const day = parseIsoDate(value);
  if (!day) throw new AppError('INVALID_INPUT', `--anchor must be a date, YYYY-MM-DD, not "${value}"`);
  return day;
}

export const initCommand: Command = {
  name: 'init',
  summary: 'create the database and fill it with the synthetic demo data',
  usage: 'omni init [--scale demo|large] [--anchor <YYYY-MM-DD>] [--force] [--if-missing] [--json]',
  details: [
    'Builds the demo world from data/demo-seed.json (same seed and anchor, same data) in a temporary',
    'file and moves it into place when complete. Every generated person, note and behaviour is synthetic.',
    'Build files an interrupted init left next to the database (<db>.building-<pid>) are removed first,',
    'once their process is gone, and listed.',
    'The database records the day its data ends; on a later day, answers are as of the end of that day',
    '(and say so) unless a command is given --as-of.',
    '  --anchor <date> the day the simulated year ends (default: today, UTC; the seed\'s own day is 2026-11-20)',
    '  --scale demo    600 HCPs, 3 territories, ~39,000 interactions, ~2,500 notes (default, ~2 s)',
    '  --scale large   100,000 HCPs, 30 territories, ~10 million interactions (several minutes, ~3 GB)',
    '  --force         replace an existing database (its data is lost)',
    '  --if-missing    do nothing when the database already exists',
  ].join('\n'),
  options: {
    scale: { type: 'string', default: 'demo' },
    anchor: { type: 'string' },
    force: { type: 'boolean', default: false },
    'if-missing': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  run({ values }, context) {
    const scale = values.scale;
    if (scale !== 'demo' && scale !== 'large') throw new AppError('INVALID_INPUT', `--scale must be demo or large, not "${String(scale)}"`);
    const anchorDay = demoAnchorDay(values.anchor, context.now());
    const path = context.config.databasePath;
    // An init killed mid-build (kill -9, a full disk) leaves its temporary files; the next one tidies up.
    const leftovers = removeLeftoverBuilds(path);
    if (leftovers.length > 0) context.err(`Removed the leftover files of an interrupted init (its process is gone): ${leftovers.join(', ')}`);
    if (values['if-missing'] && existsSync(path)) {
      context.out(values.json ? JSON.stringify({ created: false, database: path }) : `Database already exists at ${path}; left as it is.`);
      return 0;
    }
    const started = performance.now();
    const summary = createDemoDatabase(path, {
      scale,
      replace: values.force === true,
      anchorDay,
      onProgress: (done, total) => context.err(`  … ${done} of ${total} HCPs generated`),
    });
    const seconds = (performance.now() - started) / 1000;
    if (values.json) {
      context.out(JSON.stringify({ created: true, database: path, seconds: Number(seconds.toFixed(2)), anchor: anchorDay, ...summary }));
    } else {
      context.out(
        [
          `Created ${path} (${scale} scale, seed ${summary.seed}, data up to ${summary.anchorDate.slice(0, 10)}) in ${seconds.toFixed(1)} s:`,
          `  ${summary.hcps} synthetic HCPs, ${summary.users} users, ${summary.products} products, ${summary.contentModules} content modules`,
          `  ${summary.interactions} interactions, ${summary.consents} consent events, ${summary.notes} field notes`,
          `  planted patterns: ${summary.planted.deadEnds} dead ends, ${summary.planted.overContacted} over-contacted HCPs, ${summary.planted.openMedicalQuestions} open medical questions`,
          'Next: npx omni users, then npx omni hcp "<a name or id>" [--as <user-id>], npx omni plan --as <user-id>',
        ].join('\n'),
      );
    }
    return 0;
  },
};
