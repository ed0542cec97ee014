import { z } from 'zod';
import { isAppError } from '../src/core/app-error.ts';

/** A tool's "no" for a missing or out-of-scope target: a result the model can act on. */
export const Refusal = z.object({ status: z.enum(['not_found', 'out_of_scope', 'invalid']), message: z.string() });
export type Refusal = z.infer<typeof Refusal>;

/**
 * Runs `work`; NOT_FOUND, FORBIDDEN and INVALID_INPUT from the engine become refusals (their messages
 * are written for users); any other error is a fault and is thrown on.
 */
export function refusingNotFound<T>(work: () => T): T | Refusal {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'NOT_FOUND') return { status: 'not_found', message: error.message };
    if (error.code === 'FORBIDDEN') return { status: 'out_of_scope', message: error.message };
    if (error.code === 'INVALID_INPUT') return { status: 'invalid', message: error.message };
    throw error;
  }
}
