import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor, FULL_ACCESS } from '../compliance/access-policy.ts';
import { DAY_MS } from '../core/dates.ts';
import type { DecisionRecord } from '../domain/decision-record.ts';
import { FieldNote } from '../domain/field-note.ts';
import { Hcp } from '../domain/hcp.ts';
import { Interaction } from '../domain/interaction.ts';
import { Product } from '../domain/product.ts';
import { User } from '../domain/user.ts';
import type { Channel, Outcome, Purpose, Role, Segment } from '../domain/vocabulary.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import type { DimensionAssessment, MaturityAssessment } from './maturity-engine.ts';
import { createMaturityEngine } from './sqlite-maturity-source.ts';
import type { DimensionName } from './thresholds.ts';
import type { Caller } from '../compliance/caller.ts';

/** "Now" for the fixtures: the demo data's anchor. */
export const FIXTURE_AS_OF = '2026-11-20T18:00:00.000Z';
export const daysAgo = (days: number, hours = 0) => new Date(Date.parse(FIXTURE_AS_OF) - days * DAY_MS - hours * 3_600_000).toISOString();
export const LOCAL_OPERATOR: Caller = { actorId: 'local-operator', role: null, scope: FULL_ACCESS };

/**
 * A small store built through the project's own store and repositories, for maturity tests: two
 * products, a rep, an MSL, a manager per team (T-NE east, T-W west), medical affairs and an admin.
 * Tests only.
 */
export class MaturityFixture {
  readonly store: SqliteStore;
  readonly log: SqliteDecisionLog;
  private readonly directory: string;
  private sequence = 0;

  constructor() {
    this.directory = mkdtempSync(join(tmpdir(), 'omni-maturity-'));
    this.store = openSqliteStore(join(this.directory, 'omni.db'));
    this.log = new SqliteDecisionLog(this.store.database);
    for (const id of ['p1', 'p2']) {
      this.store.products.upsert(Product.parse({ id: `prod-${id}`, brandName: `BRAND${id.toUpperCase()}`, genericName: `generic${id}`, therapeuticArea: 'oncology', topics: ['dosing', 'safety'] }));
    }
    const users: [string, Role, string[]][] = [
      ['u-rep-ne', 'rep', ['T-NE']],
      ['u-msl-ne', 'msl', ['T-NE']],
      ['u-mgr-east', 'manager', ['T-NE']],
      ['u-mgr-west', 'manager', ['T-W']],
      ['u-medaffairs', 'medical_affairs', []],
      ['u-admin', 'admin', []],
    ];
    for (const [id, role, territories] of users) this.store.users.upsert(User.parse({ id, name: id, role, territories }));
  }

  caller(userId: string): Caller {
    const user = this.store.users.getById(userId)!;
    return { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
  }

  hcp(id: string, options: { territory?: string; segment?: Segment | null; tier?: number | null } = {}): string {
    this.store.hcps.upsert(
      Hcp.parse({
        id,
        firstName: 'Test',
        lastName: id,
        specialty: 'Medical Oncology',
        territory: options.territory ?? 'T-NE',
        segment: options.segment === undefined ? 'B' : options.segment,
        tier: options.tier === undefined ? 2 : options.tier,
        source: 'synthetic',
        synthetic: true,
      }),
    );
    return id;
  }

  /** An interaction `days` ago (fractions allowed); product p1 unless given. Returns its id. */
  ix(
    hcpId: string,
    days: number,
    channel: Channel,
    outcome: Outcome,
    options: { actor?: string; product?: string | null; topic?: string; module?: string | null; purpose?: Purpose } = {},
  ): string {
    const id = `ix-${String(++this.sequence).padStart(6, '0')}`;
    this.store.interactions.upsert(
      Interaction.parse({
        id,
        hcpId,
        actorId: options.actor ?? 'u-rep-ne',
        channel,
        outcome,
        purpose: options.purpose ?? 'promotional',
        occurredAt: new Date(Date.parse(FIXTURE_AS_OF) - days * DAY_MS).toISOString(),
        productId: options.product === undefined ? 'prod-p1' : options.product,
        topic: options.topic ?? '',
        contentModuleId: options.module ?? null,
        sourceSystem: 'test',
        synthetic: true,
      }),
    );
    return id;
  }

  note(hcpId: string, days: number, text: string): string {
    const id = `note-${String(++this.sequence).padStart(6, '0')}`;
    this.store.notes.upsert(FieldNote.parse({ id, hcpId, authorId: 'u-rep-ne', writtenAt: daysAgo(days), kind: 'rep', text, synthetic: true }));
    return id;
  }

  recommendation(hcpId: string, days: number): DecisionRecord {
    return this.log.append({ kind: 'recommendation', actorId: 'u-rep-ne', hcpId, refersTo: null, payload: { asOf: daysAgo(days) } });
  }

  plan(hcpIds: string[], days: number): DecisionRecord {
    return this.log.append({ kind: 'plan', actorId: 'u-rep-ne', hcpId: null, refersTo: null, payload: { asOf: daysAgo(days), entries: hcpIds.map((hcpId, index) => ({ rank: index + 1, hcpId })) } });
  }

  feedback(record: DecisionRecord, verdict: 'accept' | 'dismiss' | 'snooze' = 'accept'): DecisionRecord {
    return this.log.append({ kind: 'feedback', actorId: 'u-rep-ne', hcpId: record.hcpId, refersTo: record.id, payload: { verdict, reason: '' } });
  }

  assess(caller: Caller = LOCAL_OPERATOR, periodDays?: number): MaturityAssessment {
    return createMaturityEngine(this.store).assess(caller, FIXTURE_AS_OF, periodDays === undefined ? {} : { periodDays });
  }

  dimension(name: DimensionName, caller?: Caller): DimensionAssessment {
    return this.assess(caller).dimensions.find((dimension) => dimension.dimension === name)!;
  }

  remove(): void {
    this.store.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}
