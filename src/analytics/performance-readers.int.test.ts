import { afterAll, beforeAll, expect, it } from 'vitest';
import { dimensionNames, metricCatalog, metricNames } from './metric-catalog.ts';
import { FIXTURE_AS_OF, JUNE, PerformanceFixture } from './performance-fixture.ts';
import { PerformanceMetrics } from './performance-metrics.ts';

// The two periods' statements on reader threads give exactly what they give in turn on one connection.
let fixture: PerformanceFixture;
beforeAll(() => {
  fixture = PerformanceFixture.build().addSharedTerritory();
});
afterAll(() => fixture.remove());

it('reader threads answer every metric and dimension as the main connection does', async () => {
  const readers = fixture.store.readers();
  expect(readers).not.toBeNull();
  const inTurn = new PerformanceMetrics(fixture.store.database);
  const sideBySide = new PerformanceMetrics(fixture.store.database, readers);
  const settings = { deadEndDays: 14, caps: { contacts7Days: 3, contacts30Days: 8 } };
  let compared = 0;
  for (const metric of metricNames) {
    for (const dimension of [null, ...dimensionNames.filter((name) => metricCatalog[metric].dimensions.includes(name))]) {
      const request = { metric, dimension, filters: {}, period: JUNE, compareTo: 'previous_period' as const, asOf: FIXTURE_AS_OF, territories: undefined, settings };
      const [expected, actual] = [await inTurn.run(request), await sideBySide.run(request)];
      expect(actual).toEqual(expected);
      if (actual.status === 'answered') {
        expect(actual.queries.map((query) => query.period)).toEqual(['current', 'previous']);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(50);
});
