import type { Consent } from '../domain/consent.ts';
import type { Channel, Purpose } from '../domain/vocabulary.ts';

/** The consent that is in force for one channel, purpose and product scope at a moment. */
export interface ConsentState {
  channel: Channel;
  purpose: Purpose;
  /** null: all products. */
  productId: string | null;
  status: 'granted' | 'revoked' | 'expired';
  /** When the deciding record was recorded (or, for expired, when it expired). */
  since: string;
  source: string;
  expiresAt: string | null;
  recordId: string;
  /** The deciding record's jurisdiction ("US-CA"): the consent gate applies its rules (consent-jurisdictions.ts). */
  jurisdiction: string;
}

/**
 * Replays consent events up to `asOf`: the latest record per (channel, purpose, product) decides,
 * a revocation counts from the moment it is recorded, and a grant past its expiry is expired.
 */
export function currentConsents(consents: readonly Consent[], asOf: string): ConsentState[] {
  const latest = new Map<string, Consent>();
  for (const consent of consents) {
    if (consent.recordedAt > asOf) continue;
    const key = `${consent.channel}|${consent.purpose}|${consent.productId ?? ''}`;
    const previous = latest.get(key);
    if (!previous || consent.recordedAt >= previous.recordedAt) latest.set(key, consent);
  }
  return [...latest.values()]
    .map((consent): ConsentState => {
      const expired = consent.status === 'granted' && consent.expiresAt !== null && consent.expiresAt <= asOf;
      return {
        channel: consent.channel,
        purpose: consent.purpose,
        productId: consent.productId,
        status: expired ? 'expired' : consent.status,
        since: expired ? (consent.expiresAt as string) : consent.recordedAt,
        source: consent.source,
        expiresAt: consent.expiresAt,
        recordId: consent.id,
        jurisdiction: consent.jurisdiction,
      };
    })
    .sort((a, b) => a.channel.localeCompare(b.channel) || a.purpose.localeCompare(b.purpose));
}
