import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../core/seeded-random.ts';
import { isoTimeMs } from './iso-time.ts';

describe('isoTimeMs', () => {
  it('agrees with Date.parse on stored timestamps from 1855 to 2882', () => {
    const random = new SeededRandom(7);
    for (let index = 0; index < 5_000; index++) {
      const text = new Date(random.int(-1_000_000, 8_000_000) * 3_600_000 + random.int(0, 3_599_999)).toISOString();
      expect(isoTimeMs(text), text).toBe(Date.parse(text));
    }
  });

  it('agrees with Date.parse on everything else: odd fields, other shapes, nonsense', () => {
    const texts = [
      '2024-02-29T23:59:59.999Z', '2026-02-29T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '1900-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z', '2026-11-20T24:00:00.000Z', '2026-11-20T23:60:00.000Z', '2026-11-20T23:00:60.000Z', '2026-13-01T00:00:00.000Z',
      '2026-00-10T00:00:00.000Z', '2026-01-00T00:00:00.000Z', '0099-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-11-20T18:00:00Z',
      '2026-11-20', '2026-11-20T18:00:00.000+02:00', '2026-11-20T18:00:00.000z', '2026-11-20 18:00:00.000Z', '2026-1a-20T18:00:00.000Z',
      '2026-11-20T18:00:00,000Z', '+02026-11-20T18:00:00.000Z', '', 'not a date at all, 24 ch',
    ];
    for (const text of texts) expect(isoTimeMs(text), text).toBe(Date.parse(text));
  });
});
