import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDecisionLog } from '../audit/sqlite-decision-log.ts';
import { accessScopeFor } from '../compliance/access-policy.ts';
import { Consent } from '../domain/consent.ts';
import { Hcp } from '../domain/hcp.ts';
import { Interaction } from '../domain/interaction.ts';
import { Product } from '../domain/product.ts';
import { User } from '../domain/user.ts';
import { openSqliteStore, type SqliteStore } from '../store/sqlite-store.ts';
import type { Caller } from '../compliance/caller.ts';

/**
 * For tests: a small world whose every metric is worked out by hand in performance-metrics.test.ts.
 * Two teams: east (T-E1: h1–h3, T-E2: h4–h5) and west (T-W: h6). "Now" is 2026-06-30 12:00 UTC;
 * the period asked about is 1–29 June, compared with the 29 days before (3–31 May).
 */
export const FIXTURE_AS_OF = '2026-06-30T12:00:00.000Z';
export const JUNE = { from: '2026-06-01', to: '2026-06-29' } as const;

const at = (day: string, time = '09:00') => `2026-${day}T${time}:00.000Z`;

export class PerformanceFixture {
  readonly store: SqliteStore;
  readonly path: string;
  private readonly directory: string;
  private clock = new Date(FIXTURE_AS_OF);
  readonly decisionLog: SqliteDecisionLog;

  constructor() {
    this.directory = mkdtempSync(join(tmpdir(), 'omni-performance-'));
    this.path = join(this.directory, 'omni.db');
    this.store = openSqliteStore(this.path);
    this.decisionLog = new SqliteDecisionLog(this.store.database, { now: () => this.clock });
  }

  caller(userId: string): Caller {
    const user = this.store.users.getById(userId)!;
    return { actorId: user.id, role: user.role, scope: accessScopeFor(user) };
  }

  /** Writes a decision-log record as of `when`. */
  log(when: string, input: Parameters<SqliteDecisionLog['append']>[0]) {
    this.clock = new Date(when);
    return this.decisionLog.append(input);
  }

  remove(): void {
    this.store.close();
    rmSync(this.directory, { recursive: true, force: true });
  }

  /**
   * A territory two reps share, for the primary-rep attribution (performance-metrics.test.ts), added
   * beside the world of build(): T-S (team south, manager mgr-south) covered by rep-sa and rep-sb, HCPs
   * h7–h10. Primary reps for June (personal contacts from 1 January to the end of June, 180 days):
   * h7 rep-sa (2 visits against 1), h8 rep-sb (rep-sa's email of 15 December is older), h9 rep-sa (1
   * each: the lower id; rep-e1's 3 visits do not count, rep-e1 does not cover T-S), h10 rep-sa (no rep
   * contact, only an automated email: the covering rep with the lowest id). For May (from 3 December):
   * h8 is a tie, so rep-sa owns all four.
   */
  addSharedTerritory(): this {
    const { store } = this;
    for (const [id, role, territories, team] of [
      ['mgr-south', 'manager', ['T-S'], 'team-south'],
      ['rep-sa', 'rep', ['T-S'], 'team-south'],
      ['rep-sb', 'rep', ['T-S'], 'team-south'],
    ] as const) {
      store.users.upsert(User.parse({ id, name: `User ${id}`, role, territories: [...territories], team }));
    }
    for (const [id, segment] of [['h7', 'A'], ['h8', 'A'], ['h9', 'B'], ['h10', 'B']] as const) {
      store.hcps.upsert(Hcp.parse({ id, firstName: 'Test', lastName: id.toUpperCase(), specialty: 'Oncology', territory: 'T-S', segment, source: 'synthetic', synthetic: true }));
    }
    const interactions: [string, string, string, string, string, string][] = [
      // id, hcp, actor, channel, outcome, occurredAt (all prod-a)
      // Who works whom (before the period)
      ['s1', 'h7', 'rep-sa', 'field_visit', 'completed', '2026-03-02T09:00:00.000Z'],
      ['s2', 'h7', 'rep-sa', 'field_visit', 'completed', '2026-03-16T09:00:00.000Z'],
      ['s3', 'h7', 'rep-sb', 'field_visit', 'completed', '2026-04-06T09:00:00.000Z'],
      ['s4', 'h8', 'rep-sa', 'email', 'sent', '2025-12-15T09:00:00.000Z'],
      ['s5', 'h8', 'rep-sb', 'phone', 'completed', '2026-02-10T09:00:00.000Z'],
      ['s6', 'h8', 'rep-sa', 'email', 'opened', '2026-02-11T09:00:00.000Z'], // not a contact
      ['s7', 'h9', 'rep-sa', 'phone', 'completed', '2026-02-03T09:00:00.000Z'],
      ['s8', 'h9', 'rep-sb', 'remote_detail', 'completed', '2026-04-14T09:00:00.000Z'],
      ['s9', 'h9', 'rep-e1', 'field_visit', 'completed', '2026-03-03T09:00:00.000Z'],
      ['s10', 'h9', 'rep-e1', 'field_visit', 'completed', '2026-03-10T09:00:00.000Z'],
      ['s11', 'h9', 'rep-e1', 'field_visit', 'completed', '2026-03-17T09:00:00.000Z'],
      ['s12', 'h10', 'system:marketing-automation', 'email', 'sent', '2026-03-01T09:00:00.000Z'], // automated: not personal
      // June: intent signals
      ['s13', 'h7', 'system:marketing-automation', 'webinar', 'attended', at('06-02')], // dead end
      ['s14', 'h8', 'system:website', 'content_download', 'downloaded', at('06-03')], // followed by s15, 2 days
      ['s15', 'h8', 'rep-sb', 'phone', 'completed', at('06-05')],
      ['s16', 'h9', 'system:marketing-automation', 'email', 'clicked', at('06-04')], // dead end
      ['s17', 'h10', 'system:website', 'website', 'requested', at('06-10')], // dead end
    ];
    store.transaction(() => {
      for (const [id, hcpId, actorId, channel, outcome, occurredAt] of interactions) {
        store.interactions.upsert(Interaction.parse({ id, hcpId, actorId, channel, outcome, occurredAt, productId: 'prod-a', purpose: 'promotional' }));
      }
    });
    store.consents.upsert(Consent.parse({ id: 'c12', hcpId: 'h8', channel: 'email', purpose: 'promotional', productId: null, status: 'granted', recordedAt: at('04-01'), expiresAt: null, source: 'test' }));
    return this;
  }

  /** The hand-computed world (see the test for every number it gives). */
  static build(): PerformanceFixture {
    const fixture = new PerformanceFixture();
    const { store } = fixture;
    for (const [id, brandName, genericName] of [
      ['prod-a', 'Alphira', 'alphamab'],
      ['prod-b', 'Betrion', 'betrinib'],
    ] as const) {
      store.products.upsert(Product.parse({ id, brandName, genericName, therapeuticArea: 'oncology' }));
    }
    const users: [string, User['role'], string[], string][] = [
      ['mgr-east', 'manager', ['T-E1', 'T-E2'], 'team-east'],
      ['mgr-west', 'manager', ['T-W'], 'team-west'],
      ['rep-e1', 'rep', ['T-E1'], 'team-east'],
      ['rep-e2', 'rep', ['T-E2'], 'team-east'],
      ['rep-w', 'rep', ['T-W'], 'team-west'],
      ['msl-e1', 'msl', ['T-E1'], 'medical'],
      ['medaff', 'medical_affairs', [], 'medical'],
      ['admin', 'admin', [], 'operations'],
    ];
    for (const [id, role, territories, team] of users) store.users.upsert(User.parse({ id, name: `User ${id}`, role, territories, team }));
    const hcps: [string, string, string, string][] = [
      ['h1', 'T-E1', 'A', 'Oncology'],
      ['h2', 'T-E1', 'B', 'Oncology'],
      ['h3', 'T-E1', 'A', 'Neurology'],
      ['h4', 'T-E2', 'C', 'Oncology'],
      ['h5', 'T-E2', 'D', 'Cardiology'],
      ['h6', 'T-W', 'A', 'Oncology'],
    ];
    for (const [id, territory, segment, specialty] of hcps) {
      store.hcps.upsert(Hcp.parse({ id, firstName: 'Test', lastName: id.toUpperCase(), specialty, territory, segment, source: 'synthetic', synthetic: true }));
    }
    const interactions: [string, string, string, string, string, string, string | null][] = [
      // id, hcp, actor, channel, outcome, occurredAt, product
      // June (the period)
      ['i1', 'h1', 'rep-e1', 'email', 'sent', at('06-02'), 'prod-a'],
      ['i2', 'h1', 'rep-e1', 'email', 'opened', at('06-02', '10:00'), 'prod-a'],
      ['i3', 'h1', 'rep-e1', 'email', 'clicked', at('06-02', '10:05'), 'prod-a'],
      ['i4', 'h1', 'rep-e1', 'field_visit', 'completed', at('06-05'), 'prod-a'],
      ['i19', 'h1', 'system:marketing-automation', 'webinar', 'registered', at('06-20'), 'prod-a'],
      ['i6', 'h2', 'system:marketing-automation', 'webinar', 'registered', at('06-04'), 'prod-a'],
      ['i7', 'h2', 'system:marketing-automation', 'webinar', 'attended', at('06-10', '17:00'), 'prod-a'],
      ['i8', 'h3', 'system:website', 'content_download', 'downloaded', at('06-26', '12:00'), 'prod-b'],
      ['i9', 'h3', 'system:call-center', 'call_center', 'requested', at('06-08'), 'prod-b'],
      ['i10', 'h3', 'msl-e1', 'msl_meeting', 'completed', at('06-12'), 'prod-b'],
      ['i13', 'h4', 'system:medical-information', 'medical_inquiry', 'requested', at('06-01', '10:00'), 'prod-a'],
      ['i20', 'h4', 'msl-e1', 'medical_inquiry', 'replied', at('06-03'), 'prod-b'],
      ['i11', 'h4', 'rep-e2', 'phone', 'completed', at('06-15'), 'prod-a'],
      ['i12a', 'h4', 'rep-e2', 'email', 'sent', at('06-16'), 'prod-a'],
      ['i12b', 'h4', 'rep-e2', 'email', 'sent', at('06-17'), 'prod-a'],
      ['i12c', 'h4', 'rep-e2', 'email', 'sent', at('06-18'), 'prod-a'],
      ['i12d', 'h4', 'rep-e2', 'email', 'sent', at('06-19'), 'prod-a'],
      ['i14', 'h5', 'system:website', 'website', 'opened', at('06-20', '10:00'), 'prod-b'],
      ['i15', 'h5', 'system:website', 'website', 'requested', at('06-20', '10:05'), 'prod-b'],
      ['i16', 'h5', 'rep-e2', 'remote_detail', 'completed', at('06-22', '10:05'), 'prod-b'],
      ['i17', 'h6', 'rep-w', 'field_visit', 'completed', at('06-10'), 'prod-a'],
      ['i18', 'h6', 'system:website', 'content_download', 'downloaded', at('06-11'), 'prod-a'],
      // May (the period before)
      ['p1', 'h1', 'rep-e1', 'email', 'sent', at('05-10'), 'prod-a'],
      ['p2', 'h1', 'rep-e1', 'email', 'opened', at('05-11'), 'prod-a'],
      ['p3', 'h4', 'system:website', 'content_download', 'downloaded', at('05-20'), 'prod-a'],
      ['p4', 'h4', 'rep-e2', 'phone', 'completed', at('05-25'), 'prod-a'],
      ['p5', 'h2', 'system:marketing-automation', 'webinar', 'attended', at('05-15'), 'prod-a'],
    ];
    store.transaction(() => {
      for (const [id, hcpId, actorId, channel, outcome, occurredAt, productId] of interactions) {
        store.interactions.upsert(Interaction.parse({ id, hcpId, actorId, channel, outcome, occurredAt, productId, purpose: channel === 'msl_meeting' || channel.startsWith('medical') || channel === 'call_center' ? 'medical' : 'promotional' }));
      }
    });
    const consents: [string, string, string, string, string | null, 'granted' | 'revoked', string, string | null][] = [
      // id, hcp, channel, purpose, product, status, recordedAt, expiresAt
      ['c1', 'h1', 'email', 'promotional', null, 'granted', at('05-01'), null],
      ['c2', 'h2', 'email', 'promotional', null, 'granted', at('05-01'), null],
      ['c3', 'h2', 'email', 'promotional', null, 'revoked', at('06-15'), null],
      ['c4', 'h3', 'field_visit', 'promotional', null, 'granted', at('01-01'), at('06-20')],
      ['c5', 'h4', 'field_visit', 'promotional', null, 'granted', at('01-01'), null],
      ['c6', 'h4', 'email', 'promotional', 'prod-a', 'granted', at('02-01'), null],
      ['c7', 'h4', 'email', 'promotional', null, 'revoked', at('03-01'), null],
      ['c8', 'h5', 'email', 'promotional', null, 'revoked', at('01-01'), null],
      ['c9', 'h5', 'email', 'promotional', 'prod-a', 'granted', at('04-01'), null],
      ['c10', 'h6', 'email', 'promotional', null, 'granted', at('05-01'), null],
      // medical consent is not promotional coverage
      ['c11', 'h5', 'msl_meeting', 'medical', null, 'granted', at('05-01'), null],
    ];
    for (const [id, hcpId, channel, purpose, productId, status, recordedAt, expiresAt] of consents) {
      store.consents.upsert(Consent.parse({ id, hcpId, channel, purpose, productId, status, recordedAt, expiresAt, source: 'test' }));
    }
    const recommendation = (hcpId: string, actorId: string, channel: string, productId: string) => ({
      kind: 'recommendation' as const,
      actorId,
      hcpId,
      refersTo: null,
      payload: { recommended: { kind: channel === 'email' ? 'approved_email' : channel, channel, productId } },
    });
    const feedback = (refersTo: string, hcpId: string, actorId: string, verdict: string) => ({ kind: 'feedback' as const, actorId, hcpId, refersTo, payload: { verdict, reason: 'test' } });
    const r1 = fixture.log(at('06-03'), recommendation('h1', 'rep-e1', 'email', 'prod-a'));
    fixture.log(at('06-04'), feedback(r1.id, 'h1', 'rep-e1', 'accept'));
    const r2 = fixture.log(at('06-05'), recommendation('h2', 'rep-e1', 'field_visit', 'prod-a'));
    fixture.log(at('06-06'), feedback(r2.id, 'h2', 'rep-e1', 'accept'));
    fixture.log(at('06-07'), feedback(r2.id, 'h2', 'rep-e1', 'dismiss'));
    fixture.log(at('06-08'), recommendation('h4', 'rep-e2', 'phone', 'prod-a'));
    const r4 = fixture.log(at('06-09'), recommendation('h6', 'rep-w', 'field_visit', 'prod-a'));
    fixture.log(at('06-09', '10:00'), feedback(r4.id, 'h6', 'rep-w', 'accept'));
    fixture.log(at('06-10'), { kind: 'plan', actorId: 'rep-e1', hcpId: null, refersTo: null, payload: { entries: [] } });
    return fixture;
  }
}
