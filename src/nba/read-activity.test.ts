import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../core/dates.ts';
import { createDemoDatabase } from '../demo/seed-store.ts';
import { DEMO_ANCHOR_DAY } from '../testing/demo-store.ts';
import { loadDemoSeed } from '../demo/generate-demo.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import type { Interaction, InteractionActivity } from '../domain/interaction.ts';
import { readActivity, readActivityOfMany } from './read-activity.ts';
import { computeSignals, SIGNAL_WINDOW_DAYS } from './signals.ts';

let directory: string;
let store: SqliteStore;
const asOf = new Date(Date.parse(loadDemoSeed().anchorDate)).toISOString();

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'omni-activity-'));
  const path = join(directory, 'omni.db');
  createDemoDatabase(path, { scale: 'demo', replace: true, anchorDay: DEMO_ANCHOR_DAY });
  store = openSqliteStore(path);
});

afterAll(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('readActivity', () => {
  it('gives every demo HCP the same signals as the whole year of whole rows', () => {
    const settings = { deadEndDays: 14, caps: { contacts7Days: 3, contacts30Days: 8 } };
    const productName = (id: string | null) => id ?? 'unspecified product';
    const until = new Date(Date.parse(asOf) + 1).toISOString();
    let openQuestionsFromOldRows = 0;
    for (const hcp of store.hcps.listInTerritories(undefined)) {
      const consents = store.consents.forHcp(hcp.id);
      const whole = store.interactions.forHcpBetween(hcp.id, addDays(asOf, -SIGNAL_WINDOW_DAYS), until);
      const lean = readActivity(store, hcp.id, asOf);
      const expected = computeSignals({ hcp, interactions: whole, consents, asOf, settings, productName });
      const actual = computeSignals({ hcp, interactions: lean, consents, asOf, settings, productName });
      expect(actual.common, hcp.id).toEqual(expected.common);
      expect(actual.interest, hcp.id).toEqual(expected.interest);
      expect(actual.contacts, hcp.id).toEqual(expected.contacts);
      for (const channel of ['email', 'field_visit', 'remote_detail', 'msl_meeting'] as const) expect(actual.forChannel(channel), hcp.id).toEqual(expected.forChannel(channel));
      const question = actual.common.find((signal) => signal.name === 'open_medical_question')!;
      if (question.evidence.some((id) => whole.find((row) => row.id === id)!.occurredAt < addDays(asOf, -180))) openQuestionsFromOldRows++;
    }
    // The split read matters: some open questions come from rows older than the recent window.
    expect(openQuestionsFromOldRows).toBeGreaterThan(0);
  });

  it('reads every field exactly, odd text and rows written around validation included', () => {
    const hcp = store.hcps.listInTerritories(undefined)[0]!;
    const insert = store.database.prepare(
      'INSERT INTO interactions (id, hcp_id, actor_id, channel, outcome, purpose, occurred_at, product_id, topic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const at = (days: number) => addDays(asOf, -days);
    const pick = (row: Interaction): InteractionActivity => {
      const { id, actorId, channel, outcome, purpose, occurredAt, productId, topic } = row;
      return { id, actorId, channel, outcome, purpose, occurredAt, productId, topic };
    };
    const byTimeAndId = (a: InteractionActivity, b: InteractionActivity) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id);
    const expected = (hcpId: string) => {
      const until = new Date(Date.parse(asOf) + 1).toISOString();
      return store.interactions
        .forHcpBetween(hcpId, addDays(asOf, -SIGNAL_WINDOW_DAYS), until)
        .filter((row) => row.occurredAt >= addDays(asOf, -180) || row.channel === 'medical_inquiry' || row.channel === 'call_center')
        .map(pick)
        .sort(byTimeAndId);
    };
    // Text that needs escaping, in the fields that may hold it: read back exactly.
    insert.run('ix-odd-topic', hcp.id, 'u-rep-ne-1', 'email', 'clicked', 'promotional', at(3), null, 'a "quoted" topic, back\\slash \u001f\u001e tab\t 😀 [x] {y}');
    expect(readActivity(store, hcp.id, asOf).sort(byTimeAndId)).toEqual(expected(hcp.id));
    // A space inside an id (impossible through Omni's validation, possible with a SQLite shell).
    insert.run('ix odd id', hcp.id, 'agency rep 7', 'phone', 'completed', 'promotional', at(2), 'prod-keytruda', '');
    insert.run('ix-odd-old', hcp.id, 'call center', 'call_center', 'requested', 'medical', at(300), 'prod-keytruda', 'dosing');
    const read = readActivity(store, hcp.id, asOf);
    expect(read.map((row) => row.id)).toEqual(expect.arrayContaining(['ix-odd-topic', 'ix odd id', 'ix-odd-old']));
    expect([...read].sort(byTimeAndId)).toEqual(expected(hcp.id));
    const neighbour = store.hcps.listInTerritories(undefined)[1]!;
    const many = readActivityOfMany(store, [hcp.id, neighbour.id], asOf);
    expect(many.get(hcp.id)).toEqual(read);
    expect([...many.get(neighbour.id)!].sort(byTimeAndId)).toEqual(expected(neighbour.id));
  });
});
