import { z } from 'zod';
import { Channel, Purpose } from './vocabulary.ts';
import { Id, IsoDateTime, requiredText, text } from './fields.ts';

/**
 * One consent event. The current consent for (HCP, channel, purpose, product) is the latest event
 * recorded at or before the moment asked about, unless it has expired. A revocation counts from the
 * moment it is recorded.
 */
export const Consent = z.object({
  id: Id,
  hcpId: Id,
  channel: Channel,
  purpose: Purpose,
  /** null means the consent covers all products. */
  productId: Id.nullable().default(null),
  status: z.enum(['granted', 'revoked']),
  recordedAt: IsoDateTime,
  source: requiredText(80),
  expiresAt: IsoDateTime.nullable().default(null),
  jurisdiction: text(20).default('US'),
  synthetic: z.boolean().default(false),
});
export type Consent = z.infer<typeof Consent>;
