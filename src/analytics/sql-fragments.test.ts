import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { isIntentSignal, isOutboundContact, isPersonalContact } from '../domain/interaction.ts';
import { channels, outcomes } from '../domain/vocabulary.ts';
import { engagementLadder } from './metric-catalog.ts';
import { engagementSql, intentSignalSql, ladderLevelSql, notSentSql, outboundContactSql, personalContactSql, weekSql } from './sql-fragments.ts';

const database = new Database(':memory:');
afterAll(() => database.close());

const rows = channels.flatMap((channel) => outcomes.flatMap((outcome) => ['u-rep-1', 'system:marketing-automation'].map((actorId) => ({ channel, outcome, actorId }))));

/** The predicate evaluated by SQLite for one row. */
function sqlSays(fragment: (alias: string) => string, row: { channel: string; outcome: string; actorId: string }): unknown {
  return database.prepare(`SELECT ${fragment('i')} AS result FROM (SELECT @channel AS channel, @outcome AS outcome, @actorId AS actor_id) i`).pluck().get(row);
}

describe('the SQL predicates are the NBA engine’s definitions', () => {
  it.each([
    ['intent signal', intentSignalSql, isIntentSignal],
    ['personal contact', personalContactSql, isPersonalContact],
    ['outbound contact', outboundContactSql, isOutboundContact],
  ] as const)('%s: the same answer for every channel, outcome and kind of actor', (_name, fragment, predicate) => {
    for (const row of rows) expect([row, Boolean(sqlSays(fragment, row))]).toEqual([row, predicate(row)]);
  });

  it('engagement outcomes and the ladder levels', () => {
    expect(sqlSays(engagementSql, { channel: 'email', outcome: 'opened', actorId: 'x' })).toBe(1);
    expect(sqlSays(engagementSql, { channel: 'email', outcome: 'sent', actorId: 'x' })).toBe(0);
    const levels = new Map<string, number>(engagementLadder.flatMap((rung) => rung.steps.map(([channel, outcome]) => [`${channel} ${outcome}`, rung.level] as [string, number])));
    for (const row of rows) expect([row.channel, row.outcome, sqlSays(ladderLevelSql, row)]).toEqual([row.channel, row.outcome, levels.get(`${row.channel} ${row.outcome}`) ?? null]);
    // Every engagement and every rung is a row that is not a send (the partial index they read).
    for (const row of rows) {
      if (sqlSays(engagementSql, row) || sqlSays(ladderLevelSql, row) !== null) expect([row, sqlSays(notSentSql, row)]).toEqual([row, 1]);
    }
  });

  it('weeks start on Monday (UTC)', () => {
    const week = (at: string) => database.prepare(`SELECT ${weekSql('@at')}`).pluck().get({ at });
    expect(week('2026-11-22T23:59:59.999Z')).toBe('2026-11-16'); // a Sunday
    expect(week('2026-11-23T00:00:00.000Z')).toBe('2026-11-23'); // a Monday
    expect(week('2026-11-25T12:00:00.000Z')).toBe('2026-11-23');
  });
});

describe('the indexes the metrics rely on', () => {
  it('the partial indexes are defined by the metrics’ own predicates (else SQLite would not use them)', async () => {
    const { migrations } = await import('../store/migrations.ts');
    const { medicalQuestionSql } = await import('./sql-fragments.ts');
    const text = migrations.join('\n');
    expect(text).toContain(`ON interactions (hcp_id, occurred_at, channel, outcome, product_id)\n    WHERE ${intentSignalSql('')};`);
    expect(text).toContain(`ON interactions (hcp_id, occurred_at, channel, outcome, product_id)\n    WHERE ${medicalQuestionSql('')};`);
    expect(text).toContain(`ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id)\n    WHERE ${outboundContactSql('')};`);
    expect(text).toContain(`ON interactions (hcp_id, actor_id, occurred_at, channel, outcome)\n    WHERE ${personalContactSql('')};`);
    expect(text).toContain(`ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id)\n    WHERE ${notSentSql('')};`);
    // Migration 10: the outbound index with the stored loads, and the triggers that keep them.
    expect(text).toContain(`ON interactions (hcp_id, occurred_at, channel, outcome, actor_id, product_id, contacts_7_days, contacts_30_days)\n    WHERE ${outboundContactSql('')};`);
    expect(text).toContain(`AFTER DELETE ON interactions WHEN ${outboundContactSql('OLD')}`);
    // The stored loads count the contacts the metric counts (src/store/contact-loads.ts).
    const { outboundColumnsSql } = await import('../store/contact-loads.ts');
    for (const alias of ['', 'o', 'excluded']) expect(outboundColumnsSql(alias ? `${alias}.` : '')).toBe(outboundContactSql(alias));
  });
});
