import type Database from 'better-sqlite3';
import type { Hcp } from '../domain/hcp.ts';
import type { Channel, Outcome, Purpose } from '../domain/vocabulary.ts';
import type { SqliteStore } from '../store/sqlite-store.ts';
import { MaturityEngine } from './maturity-engine.ts';
import type { MaturityDataSource, MaturityDecision, MaturityInteraction, MaturityNote } from './maturity-source.ts';

/** HCPs per statement: one index range each, rows grouped by HCP. */
const CHUNK = 500;

const INTERACTIONS_SQL = `SELECT hcp_id, id, actor_id, channel, outcome, purpose, occurred_at, product_id, topic, content_module_id
FROM interactions
WHERE hcp_id IN (SELECT value FROM json_each(?)) AND occurred_at >= ? AND occurred_at < ?
ORDER BY hcp_id, occurred_at`;

const REP_NOTES_SQL = `SELECT hcp_id, id, written_at, text
FROM field_notes
WHERE hcp_id IN (SELECT value FROM json_each(?)) AND kind = 'rep' AND written_at >= ? AND written_at < ?
ORDER BY hcp_id, written_at`;

const DECISIONS_SQL = `SELECT d.id, d.kind, d.hcp_id,
  coalesce(json_extract(d.payload, '$.asOf'), d.recorded_at) AS as_of,
  CASE WHEN d.kind = 'plan' THEN (SELECT json_group_array(json_extract(e.value, '$.hcpId')) FROM json_each(d.payload, '$.entries') AS e) END AS plan_hcps,
  (SELECT count(*) FROM decision_log AS f WHERE f.refers_to = d.id AND f.kind = 'feedback') AS feedback
FROM decision_log AS d
WHERE d.kind IN ('recommendation', 'plan')
  AND coalesce(json_extract(d.payload, '$.asOf'), d.recorded_at) >= ? AND coalesce(json_extract(d.payload, '$.asOf'), d.recorded_at) < ?
ORDER BY d.sequence`;

/** The maturity reads over the SQLite store (the same database file the rest of Omni uses). */
export class SqliteMaturitySource implements MaturityDataSource {
  readonly queries = { interactions: INTERACTIONS_SQL, repNotes: REP_NOTES_SQL, decisions: DECISIONS_SQL };
  private readonly interactionRows: Database.Statement;
  private readonly noteRows: Database.Statement;
  private readonly decisionRows: Database.Statement;

  constructor(private readonly store: SqliteStore) {
    this.interactionRows = store.database.prepare(INTERACTIONS_SQL).raw();
    this.noteRows = store.database.prepare(REP_NOTES_SQL).raw();
    this.decisionRows = store.database.prepare(DECISIONS_SQL).raw();
  }

  hcps(territories: readonly string[] | undefined): Hcp[] {
    return this.store.hcps.listInTerritories(territories);
  }

  interactions(hcpIds: readonly string[], since: string, until: string): Map<string, MaturityInteraction[]> {
    const byHcp = new Map<string, MaturityInteraction[]>();
    for (let start = 0; start < hcpIds.length; start += CHUNK) {
      const rows = this.interactionRows.all(JSON.stringify(hcpIds.slice(start, start + CHUNK)), since, until) as (string | null)[][];
      for (const [hcpId, id, actorId, channel, outcome, purpose, occurredAt, productId, topic, contentModuleId] of rows) {
        let list = byHcp.get(hcpId!);
        if (!list) byHcp.set(hcpId!, (list = []));
        list.push({
          hcpId: hcpId!,
          id: id!,
          actorId: actorId!,
          channel: channel as Channel,
          outcome: outcome as Outcome,
          purpose: purpose as Purpose,
          occurredAt: occurredAt!,
          productId: productId ?? null,
          topic: topic ?? '',
          contentModuleId: contentModuleId ?? null,
        });
      }
    }
    return byHcp;
  }

  repNotes(hcpIds: readonly string[], since: string, until: string): Map<string, MaturityNote[]> {
    const byHcp = new Map<string, MaturityNote[]>();
    for (let start = 0; start < hcpIds.length; start += CHUNK) {
      const rows = this.noteRows.all(JSON.stringify(hcpIds.slice(start, start + CHUNK)), since, until) as string[][];
      for (const [hcpId, id, writtenAt, text] of rows) {
        let list = byHcp.get(hcpId!);
        if (!list) byHcp.set(hcpId!, (list = []));
        list.push({ hcpId: hcpId!, id: id!, writtenAt: writtenAt!, text: text! });
      }
    }
    return byHcp;
  }

  decisions(since: string, until: string): MaturityDecision[] {
    const rows = this.decisionRows.all(since, until) as [string, string, string | null, string, string | null, number][];
    return rows.map(([id, kind, hcpId, asOf, planHcps, feedback]) => ({
      id,
      kind: kind as MaturityDecision['kind'],
      asOf,
      hcpIds: kind === 'plan' ? (JSON.parse(planHcps ?? '[]') as unknown[]).filter((value): value is string => typeof value === 'string') : hcpId ? [hcpId] : [],
      feedback: Number(feedback),
    }));
  }
}

/** The maturity engine over a SQLite store, with the thresholds file in the repository unless given. */
export function createMaturityEngine(store: SqliteStore, options: ConstructorParameters<typeof MaturityEngine>[1] = {}): MaturityEngine {
  return new MaturityEngine(new SqliteMaturitySource(store), options);
}
