import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError } from './app-error.ts';

/**
 * Reads a versioned JSON settings file (the NBA weights, the maturity thresholds, the consent
 * jurisdiction rules) and checks it with its schema; the sha256 of the text as read comes back with it, to be reported beside the version.
 * Every failure is a CONFIG_INVALID naming the file: "cannot read the <noun> <path>", "the <noun>
 * <path> is not valid JSON", "the <noun> <path> is invalid: <path.to.field>: <problem>; …".
 */
export function loadVersionedJson<Schema extends z.ZodType<object>>(path: string, schema: Schema, noun: string): z.output<Schema> & { sha256: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `cannot read the ${noun} ${path}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `the ${noun} ${path} is not valid JSON`, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new AppError('CONFIG_INVALID', `the ${noun} ${path} is invalid: ${problems}`);
  }
  return { ...parsed.data, sha256: createHash('sha256').update(text).digest('hex') };
}
