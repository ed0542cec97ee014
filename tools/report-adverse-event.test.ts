import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsContext, createNbaDependencies } from '../src/container.ts';
import { callerFor } from '../src/compliance/caller.ts';
import { toolUseDecision } from '../src/compliance/role-policy.ts';
import { hcpDisplayName, type Hcp } from '../src/domain/hcp.ts';
import { roles } from '../src/domain/vocabulary.ts';
import { createTemporaryDemoStore, DEMO_AS_OF } from '../src/testing/demo-store.ts';
import { reportAdverseEventTool } from './report-adverse-event.ts';
import type { ToolContext } from './tool-context.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
let world: ReturnType<typeof createTemporaryDemoStore>;
let hcp: Hcp;
const REP = 'u-rep-w-1';

beforeAll(() => {
  world = createTemporaryDemoStore('omni-ae-tool-');
  const rep = world.store.users.getById(REP)!;
  hcp = world.store.hcps.listInTerritories(rep.territories).find((candidate) => world.store.hcps.searchByName(`${candidate.firstName} ${candidate.lastName}`, { limit: 2 }).length === 1)!;
});
afterAll(() => world?.remove());

function contextFor(userId: string, asOf = DEMO_AS_OF): ToolContext {
  const { store } = world;
  const user = store.users.getById(userId)!;
  const nba = createNbaDependencies(store, { deadEndDays: 14 });
  return { user, caller: callerFor(user), asOf, store, nba, content: nba.content, decisionLog: nba.decisionLog, analytics: createAnalyticsContext(store) };
}

const report = (input: Record<string, unknown>, ctx = contextFor(REP)) => reportAdverseEventTool.execute(reportAdverseEventTool.input.parse(input), ctx) as any;
const intakes = () => world.store.database.prepare("SELECT count(*) FROM decision_log WHERE kind = 'adverse_event_intake'").pluck().get() as number;

describe('report_adverse_event', () => {
  it('asks for every criterion when nothing is known yet, records nothing, and states the duty and the due time', () => {
    const before = intakes();
    const output = report({});
    expect(output.status).toBe('needs_information');
    expect(output.missing.map((item: any) => item.criterion)).toEqual(['reporter', 'patient', 'product', 'event']);
    expect(output.canSubmitIncomplete).toBe(false);
    expect(output.duty).toMatch(/within one business day/);
    expect(output.dueBy).toBe('2026-11-23T18:00:00.000Z'); // DEMO_AS_OF is a Friday
    expect(intakes()).toBe(before);
  });

  it('asks for exactly what is missing: the product and event read from the account, the reporter and patient asked for', () => {
    const output = report({ narrative: 'A doctor told me her patient got jaundice on XELJANZ, what should I do?' });
    expect(output.status).toBe('needs_information');
    expect(output.product).toMatchObject({ id: 'prod-xeljanz', brandName: 'XELJANZ' });
    expect(output.event.quoted).toBe('jaundice');
    expect(output.missing.map((item: any) => item.criterion)).toEqual(['reporter', 'patient']);
    expect(output.missing[1].ask).toMatch(/initials, age and sex/);
    expect(output.canSubmitIncomplete).toBe(true);
    // "a doctor" identifies nobody.
    expect(report({ hcp: 'a doctor', narrative: 'her patient got a rash on RINVOQ' }).missing.map((item: any) => item.criterion)).toContain('reporter');
  });

  it('records a complete report in the hash-chained decision log, redacting the patient\'s name, phone and email, and the chain still verifies', () => {
    const ctx = contextFor(REP);
    const before = ctx.decisionLog.count();
    const output = report(
      {
        hcp: `Dr. ${hcp.firstName} ${hcp.lastName}`,
        patientInitials: 'M.G.',
        patientAge: 54,
        patientSex: 'female',
        product: 'tofacitinib',
        event: 'jaundice about two weeks after starting',
        narrative: 'Her patient Maria Gonzalez (555-867-5309, maria.gonzalez@example.com) got jaundice two weeks after starting XELJANZ; seen in the ED.',
      },
      ctx,
    );
    expect(output).toMatchObject({ status: 'recorded', complete: true, missing: [], product: { id: 'prod-xeljanz' }, reporter: { kind: 'hcp', hcpId: hcp.id, name: { quoted: hcpDisplayName(hcp) } } });
    expect(output.intakeId).toMatch(/^dec-/);
    expect(output.redacted).toBeGreaterThanOrEqual(3);
    const record = ctx.decisionLog.get(output.intakeId)!;
    expect(record).toMatchObject({ kind: 'adverse_event_intake', actorId: REP, hcpId: hcp.id });
    const stored = JSON.stringify(record.payload);
    for (const secret of ['Maria', 'Gonzalez', '555-867-5309', 'maria.gonzalez@example.com']) expect(stored).not.toContain(secret);
    expect(record.payload).toMatchObject({ complete: true, patient: { initials: 'M.G.', age: 54, sex: 'female' }, event: 'jaundice about two weeks after starting', dueBy: output.dueBy });
    expect(String(record.payload.narrative)).toMatch(/patient \[name\] \(\[redacted phone\], \[redacted email\]\) got jaundice two weeks after starting XELJANZ/);
    expect(ctx.decisionLog.count()).toBe(before + 1);
    expect(ctx.decisionLog.verify()).toMatchObject({ intact: true, records: before + 1 });
    expect(reportAdverseEventTool.citations!(output)).toEqual({ hcps: [hcp.id], recommendations: [output.intakeId] });
  });

  it('never stores a name given as initials: it keeps the initials only', () => {
    const output = report({ reporter: 'employee', patientInitials: 'Maria Gonzalez', product: 'XELJANZ', event: 'rash' });
    expect(output).toMatchObject({ status: 'recorded', patient: { initials: 'M.G.' }, reporter: { kind: 'employee', hcpId: null } });
    expect(JSON.stringify(contextFor(REP).decisionLog.get(output.intakeId)!.payload)).not.toMatch(/Maria|Gonzalez/);
  });

  it('counts the due time in business days: a report on Friday is due on Monday, one on Wednesday on Thursday', () => {
    const friday = report({ narrative: 'patient got a rash on RINVOQ' }, contextFor(REP, '2026-11-20T15:00:00.000Z'));
    expect(friday).toMatchObject({ dueBy: '2026-11-23T15:00:00.000Z', dueByText: 'Monday 2026-11-23 15:00 UTC' });
    const saturday = report({ narrative: 'patient got a rash on RINVOQ' }, contextFor(REP, '2026-11-21T09:00:00.000Z'));
    expect(saturday.dueBy).toBe('2026-11-23T09:00:00.000Z');
    expect(report({}, contextFor(REP, '2026-11-18T10:00:00.000Z')).dueBy).toBe('2026-11-19T10:00:00.000Z');
  });

  it('files an incomplete report when submitted anyway, flagged with what is missing', () => {
    const output = report({ hcp: hcp.id, product: 'XELJANZ', event: 'liver enzymes up', submit: true });
    expect(output).toMatchObject({ status: 'recorded', complete: false, missing: [{ criterion: 'patient' }] });
    expect(contextFor(REP).decisionLog.get(output.intakeId)!.payload).toMatchObject({ complete: false, missing: ['patient'] });
    // Nothing to follow up (no event, no product): still asks.
    expect(report({ hcp: hcp.id, submit: true }).status).toBe('needs_information');
  });

  it('names a product that is none of ours, and keeps an HCP outside the territory by the name given, revealing nothing of them', () => {
    const output = report({ product: 'Zorblax', event: 'rash', patientAge: 40 });
    expect(output.missing.map((item: any) => item.criterion)).toEqual(['reporter', 'product']);
    expect(output.missing[1].ask).toMatch(/"Zorblax" is none of ours/);
    // Another company's product: its maker (or MedWatch) takes that report; ours, if the patient took one too.
    expect(report({ product: 'Rinvoq', event: 'rash', patientAge: 40 }).missing.find((item: any) => item.criterion === 'product').ask).toMatch(/"Rinvoq" is another company's product: its maker \(or FDA MedWatch\)/);
    const other = world.store.hcps.listInTerritories(undefined).find((candidate) => !world.store.users.getById(REP)!.territories.includes(candidate.territory))!;
    const outside = report({ hcp: other.id, product: 'XELJANZ', event: 'rash', patientAge: 40 });
    expect(outside).toMatchObject({ status: 'recorded', reporter: { kind: 'hcp', hcpId: null, name: { quoted: other.id } } });
    expect(JSON.stringify(outside)).not.toContain(other.lastName);
  });

  it('may be used by every role, for either purpose', () => {
    for (const role of roles) expect(toolUseDecision(role, reportAdverseEventTool, reportAdverseEventTool.input.parse({})).allowed, role).toBe(true);
    const output = report({ reporter: 'employee', patientSex: 'male', product: 'KEYTRUDA', event: 'pneumonitis' }, contextFor('u-medaffairs'));
    expect(output.status).toBe('recorded');
  });
});
