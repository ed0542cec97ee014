import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../../core/app-error.ts';

/**
 * The understanding pipeline's training data, as files (data/nlu/): one file of example utterances
 * per intent (intents/<intent>.txt, one a line, `#` comments) and fillers for the placeholders they
 * use ({hcp}, {product}, …). Loaded and hashed like the prompts: the hash names the data version in the
 * local model's id, so the decision log says which understanding produced a recommendation.
 */

export const INTENTS = [
  'brief',
  'next_action',
  'consent',
  'why',
  'why_not',
  'content',
  'draft',
  'plan',
  'feedback',
  'insights',
  'performance',
  'maturity',
  'policy',
  'capabilities',
  'greeting',
  'out_of_scope',
  'refine',
  'adverse_event',
] as const;
export type NluIntent = (typeof INTENTS)[number];

/**
 * Placeholders the pipeline masks in a question before classifying it (names are noise to an
 * intent), each replaced by one fixed stand-in, in training and at run time alike. The others are
 * filled with varied real values in training and left as written at run time.
 */
export const MASKED_PLACEHOLDERS = { hcp: 'Dr. Smith', product: 'Zorvex', rep: 'Taylor', city: 'Springfield', territory: 'the North' } as const;
export type MaskedPlaceholder = keyof typeof MASKED_PLACEHOLDERS;

const Manifest = z.object({ version: z.string().regex(/^[\w.-]{1,40}$/), description: z.string().optional() });
const Fillers = z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1));

export interface TrainingExample {
  text: string;
  intent: NluIntent;
  /** Where it came from, for error messages and the leakage test: file and line. */
  source: string;
  /** The line as written, placeholders unfilled. */
  template: string;
}

export interface TrainingData {
  /** The data's version as written in data/nlu/manifest.json. */
  version: string;
  /** sha256 of every file the data is read from (names and contents), hex. */
  sha256: string;
  examples: TrainingExample[];
  /** Common English words (common-words.txt): typo repair never changes them, and repairs to them. */
  commonWords: string[];
  /** Every English word of english-words.txt: typo repair never changes them, but repairs only to known words. */
  dictionary: string[];
}

export const DEFAULT_NLU_DIRECTORY = fileURLToPath(new URL('../../../../data/nlu/', import.meta.url));

/** Reads and expands the training data. Placeholders are filled deterministically (the n-th use of a placeholder takes the n-th filler, cycling). */
export function loadTrainingData(directory = DEFAULT_NLU_DIRECTORY): TrainingData {
  const hash = createHash('sha256');
  const read = (relative: string): string => {
    let text: string;
    try {
      text = readFileSync(join(directory, relative), 'utf8');
    } catch (error) {
      throw new AppError('CONFIG_INVALID', `cannot read the understanding data file ${join(directory, relative)}`, { cause: error });
    }
    hash.update(`${relative}\n${text}\n`);
    return text;
  };
  const manifest = parseJson(Manifest, read('manifest.json'), 'manifest.json');
  const fillers = parseJson(Fillers, read('fillers.json'), 'fillers.json');
  const counters = new Map<string, number>();
  const fill = (template: string, source: string): string =>
    template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
      if (name in MASKED_PLACEHOLDERS) return MASKED_PLACEHOLDERS[name as MaskedPlaceholder];
      const values = fillers[name];
      if (!values) throw new AppError('CONFIG_INVALID', `${source}: unknown placeholder {${name}} (data/nlu/fillers.json names the others)`);
      const used = counters.get(name) ?? 0;
      counters.set(name, used + 1);
      return values[used % values.length]!;
    });

  const examples: TrainingExample[] = [];
  for (const intent of INTENTS) {
    const file = `intents/${intent}.txt`;
    for (const [index, raw] of read(file).split('\n').entries()) {
      const template = raw.trim();
      if (template.length === 0 || template.startsWith('#')) continue;
      const source = `${file}:${index + 1}`;
      examples.push({ text: fill(template, source), intent, source, template });
    }
  }
  const unknown = readdirSync(join(directory, 'intents')).filter((name) => name.endsWith('.txt') && !(INTENTS as readonly string[]).includes(name.slice(0, -4)));
  if (unknown.length > 0) throw new AppError('CONFIG_INVALID', `data/nlu/intents has files for unknown intents: ${unknown.join(', ')} (add the intent to INTENTS first)`);
  const commonWords = read('common-words.txt')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => /^[a-z]+$/.test(line));
  const dictionary = read('english-words.txt')
    .split('\n')
    .filter((line) => /^[a-z]+$/.test(line));
  return { version: manifest.version, sha256: hash.digest('hex'), examples, commonWords, dictionary };
}

function parseJson<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('CONFIG_INVALID', `data/nlu/${file} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('CONFIG_INVALID', `data/nlu/${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
