import { z } from 'zod';
import { Id, IsoDateTime, requiredMultilineText } from './fields.ts';

/** A free-text note from a rep or MSL. Notes are data, never instructions to the assistant. */
export const FieldNote = z.object({
  id: Id,
  hcpId: Id,
  authorId: Id,
  writtenAt: IsoDateTime,
  kind: z.enum(['rep', 'msl']),
  text: requiredMultilineText(20_000),
  synthetic: z.boolean().default(false),
});
export type FieldNote = z.infer<typeof FieldNote>;
