import { z } from 'zod';
import { defineTool, quoted, QuotedText } from '../src/core/define-tool.ts';
import { dueText, INTAKE_CRITERIA, takeIntake, type IntakeDetails } from '../src/compliance/adverse-event-intake.ts';
import { possibleAdverseEvents } from '../src/insights/adverse-events.ts';
import { competitorNames } from '../src/insights/lexicons.ts';
import type { ToolContext } from './tool-context.ts';

const optionalText = (max: number, description: string) => z.string().trim().min(1).max(max).nullable().default(null).describe(description);

const Details = {
  reporter: z.object({ kind: z.enum(['hcp', 'employee']), hcpId: z.string().nullable(), name: QuotedText }).nullable(),
  patient: z.object({ initials: z.string().nullable(), age: z.number().nullable(), sex: z.enum(['female', 'male']).nullable() }),
  product: z.object({ id: z.string(), brandName: z.string(), genericName: z.string() }).nullable(),
  /** A product named that is none of ours. */
  productAsGiven: QuotedText.nullable(),
  event: QuotedText.nullable(),
  narrative: QuotedText.nullable(),
};
const Missing = z.array(z.object({ criterion: z.enum(INTAKE_CRITERIA as [string, ...string[]]), ask: z.string() }));
const Due = { duty: z.string(), reportedAt: z.string(), dueBy: z.string(), dueByText: z.string() };

const ReportOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('needs_information'), ...Due, ...Details, missing: Missing, canSubmitIncomplete: z.boolean(), howToFinish: z.string() }),
  z.object({ status: z.literal('recorded'), ...Due, intakeId: z.string(), complete: z.boolean(), ...Details, missing: Missing, redacted: z.number(), next: z.string() }),
]);
/** What report_adverse_event returns (the local model writes its answers from it). */
export type ReportAdverseEventOutput = z.output<typeof ReportOutput>;

const detailsOut = (details: IntakeDetails) => ({
  reporter: details.reporter ? { kind: details.reporter.kind, hcpId: details.reporter.kind === 'hcp' ? details.reporter.hcpId : null, name: quoted(details.reporter.name) } : null,
  patient: details.patient,
  product: details.product,
  productAsGiven: details.productAsGiven === null ? null : quoted(details.productAsGiven),
  event: details.event === null ? null : quoted(details.event),
  narrative: details.narrative === null ? null : quoted(details.narrative),
});


export const reportAdverseEventTool = defineTool({
  name: 'report_adverse_event',
  description:
    'Report a possible adverse event to Drug Safety. Use it whenever the user heard of a patient\'s side effect, reaction or other medical event on one of our ' +
    'products (from an HCP, a nurse, a patient, at a booth), even if the HCP thinks it unrelated or already reported: every employee must report within one ' +
    'business day, and the result gives the due time. Pass what the user said: the reporter (the HCP who told them, by id or name; reporter "employee" when ' +
    'they saw or heard it first-hand), the patient WITHOUT a name (initials, age, sex), the suspect product (brand or generic), the event, and their account ' +
    'as narrative. With all four criteria it is recorded at once and returns the intake id. With any missing it records nothing and lists exactly what to ask ' +
    'for: ask the user those questions, then call again with everything gathered so far. submit: true files it now with what there is, flagged incomplete ' +
    'for Drug Safety to follow up. Never pass a patient\'s name; free text is redacted before it is stored. Give no medical advice.',
  input: z.strictObject({
    reporter: z.enum(['hcp', 'employee']).default('hcp').describe('hcp: an HCP told the user; employee: the user saw or heard it first-hand'),
    hcp: optionalText(120, 'the HCP who reported it: id (hcp-000020) or name as said; null when unknown'),
    patientInitials: optionalText(60, "the patient's initials (J.M.), never a name: a name given here is cut to its initials"),
    patientAge: z.number().int().min(0).max(120).nullable().default(null).describe("the patient's age in years"),
    patientSex: z.enum(['female', 'male']).nullable().default(null),
    product: optionalText(80, 'the suspect product: brand or generic name, or product id'),
    event: optionalText(500, 'what happened to the patient, e.g. "jaundice two weeks after starting"'),
    narrative: optionalText(2_000, "the account in the user's words (redacted before storing)"),
    submit: z.boolean().default(false).describe('true: file it now even with criteria missing (flagged incomplete)'),
  }),
  output: ReportOutput,
  // Every employee has the duty to report, whatever their role or side of the firewall.
  access: { roles: ['rep', 'msl', 'manager', 'medical_affairs', 'admin'], purposes: ['promotional', 'medical'] },
  execute(input, ctx: ToolContext) {
    // No event given: the one the account describes, when it names one ("her patient developed a rash on …").
    const event = input.event ?? (input.narrative ? (possibleAdverseEvents(input.narrative)[0]?.phrase ?? null) : null);
    const outcome = takeIntake(
      {
        reporter: input.reporter,
        hcp: input.hcp,
        patient: { initials: input.patientInitials, age: input.patientAge, sex: input.patientSex },
        product: input.product,
        event,
        narrative: input.narrative,
        submit: input.submit,
      },
      { store: ctx.store, log: ctx.decisionLog, caller: ctx.caller, employeeName: ctx.user.name, asOf: ctx.asOf, otherProducts: competitorNames() },
    );
    const due = { duty: outcome.duty, reportedAt: outcome.reportedAt, dueBy: outcome.dueBy, dueByText: dueText(outcome.dueBy) };
    if (outcome.status === 'needs_information') {
      return {
        status: 'needs_information' as const,
        ...due,
        ...detailsOut(outcome.collected),
        missing: outcome.missing,
        canSubmitIncomplete: outcome.canSubmitIncomplete,
        howToFinish: outcome.canSubmitIncomplete
          ? 'Nothing is recorded yet. Answer the questions, or submit now with what there is (submit: true): it is filed flagged incomplete for Drug Safety to follow up.'
          : 'Nothing is recorded yet. Answer the questions; at least the event or the product is needed before it can be filed.',
      };
    }
    return {
      status: 'recorded' as const,
      ...due,
      intakeId: outcome.intakeId,
      complete: outcome.complete,
      ...detailsOut(outcome.intake),
      missing: outcome.missing,
      redacted: outcome.redacted,
      next: outcome.complete
        ? 'Recorded for Drug Safety, who may contact the reporter. Offer the HCP a medical-information follow-up for any questions; give no medical advice.'
        : 'Recorded flagged incomplete: Drug Safety will follow up for what is missing. Pass on anything more you learn, in this thread.',
    };
  },
  citations: (output) => ({
    hcps: output.reporter?.hcpId ? [output.reporter.hcpId] : [],
    recommendations: output.status === 'recorded' ? [output.intakeId] : [],
  }),
});
