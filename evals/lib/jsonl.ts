import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/**
 * The rows of a JSONL file (one JSON value a line, blank lines skipped), each checked against `schema`.
 * A row that is not JSON or fails the schema throws with the file's path and its 1-based line number.
 */
export function readJsonl<Schema extends z.ZodType>(path: string, schema: Schema): z.output<Schema>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${number}: not JSON (${(error as Error).message})`);
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`${path}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}
