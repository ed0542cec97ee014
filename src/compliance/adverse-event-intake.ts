import { AppError } from '../core/app-error.ts';
import { oneBusinessDayAfter } from '../core/dates.ts';
import type { DecisionLog, DecisionRecord } from '../domain/decision-record.ts';
import { hcpDisplayName } from '../domain/hcp.ts';
import type { Product } from '../domain/product.ts';
import type { OmniStore } from '../domain/repositories.ts';
import { canSeeHcp } from './access-policy.ts';
import type { Caller } from './caller.ts';
import { Redactor, type PersonalDataKind } from './redaction.ts';

/**
 * Adverse-event intake (issue 17): any employee who hears of a possible adverse event reports it to
 * Drug Safety within one business day. An intake collects the four minimum criteria of a valid case:
 * an identifiable reporter (the HCP, or the employee when they heard it first-hand), an identifiable
 * patient without a name (initials, age, sex), a suspect product of ours and an event.
 *
 * - Complete: it is written to the hash-chained decision log straight away (kind adverse_event_intake):
 *   the report is what the user asked for, and the clock is running.
 * - Incomplete: nothing is written; the result asks for exactly what is missing. When the user submits
 *   anyway (submit), it is written flagged incomplete with what is missing, as a real drug-safety intake
 *   accepts a partial report and follows it up; it needs at least an event or a product to follow up.
 * Free text (the event, the narrative, a product name we do not know) is redacted before it is stored:
 * patient names, emails, phone numbers, addresses, dates of birth, record numbers (redaction.ts).
 */

export const REPORTING_DUTY =
  'Any employee who hears of a possible adverse event must report it to Drug Safety within one business day, even if the HCP thinks it is unrelated or already reported.';

export type IntakeCriterion = 'reporter' | 'patient' | 'product' | 'event';
export const INTAKE_CRITERIA: readonly IntakeCriterion[] = ['reporter', 'patient', 'product', 'event'];

export type PatientSex = 'female' | 'male';

/** What the employee said, as the tool receives it. */
export interface IntakeRequest {
  /** Who the report comes from: the HCP who told the employee, or the employee who saw or heard it first-hand. */
  reporter: 'hcp' | 'employee';
  /** The HCP: an id or a name, as said. */
  hcp: string | null;
  patient: { initials: string | null; age: number | null; sex: PatientSex | null };
  /** A brand or generic name, or a product id. */
  product: string | null;
  /** What happened to the patient. */
  event: string | null;
  /** The account in the employee's words (redacted before it is stored). */
  narrative: string | null;
  /** Submit even with criteria missing (flagged incomplete). */
  submit: boolean;
}

export type IntakeReporter = { kind: 'hcp'; hcpId: string | null; name: string } | { kind: 'employee'; userId: string; name: string };

/** An intake as stored: nothing in it names the patient. */
export interface IntakeDetails {
  reporter: IntakeReporter | null;
  patient: { initials: string | null; age: number | null; sex: PatientSex | null };
  product: { id: string; brandName: string; genericName: string } | null;
  /** A product named that is none of ours (redacted), kept for Drug Safety to read. */
  productAsGiven: string | null;
  event: string | null;
  narrative: string | null;
}

export interface MissingItem {
  criterion: IntakeCriterion;
  /** The question to put to the user, in their words. */
  ask: string;
}

export type IntakeOutcome =
  | { status: 'needs_information'; duty: string; reportedAt: string; dueBy: string; collected: IntakeDetails; missing: MissingItem[]; canSubmitIncomplete: boolean }
  | { status: 'recorded'; duty: string; intakeId: string; reportedAt: string; dueBy: string; complete: boolean; missing: MissingItem[]; intake: IntakeDetails; redacted: number };

export interface IntakeContext {
  store: OmniStore;
  log: DecisionLog;
  caller: Caller;
  /** The employee's name (the reporter when they heard it first-hand). */
  employeeName: string;
  /** The moment of the report: the due time counts from it. */
  asOf: string;
  /** More product names never to take for a person's (competitors). */
  otherProducts?: readonly string[];
}

const PAYLOAD_FORMAT = 'omni-ae-intake-1';

/** Checks an intake, and writes it to the decision log when it is complete or submitted anyway. */
export function takeIntake(request: IntakeRequest, ctx: IntakeContext): IntakeOutcome {
  const products = ctx.store.products.list();
  const redactor = new Redactor({
    names: ctx.store.users.list().flatMap((user) => [user.name, ...user.name.split(/\s+/)]),
    products: [...products.flatMap((product) => [product.brandName, product.genericName]), ...(ctx.otherProducts ?? [])],
  });
  let redacted = 0;
  const clean = (text: string | null): string | null => {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') return null;
    redacted += redactor.find(trimmed).length;
    return redactor.redact(trimmed);
  };

  const reporter = resolveReporter(request, ctx, redactor);
  const patient = { initials: patientInitials(request.patient.initials), age: request.patient.age, sex: request.patient.sex };
  const event = clean(request.event);
  const narrative = clean(request.narrative);
  const named = request.product?.trim() || null;
  const product = (named ? findProduct(products, named) : null) ?? findProductIn(products, [request.event, request.narrative]);
  const details: IntakeDetails = {
    reporter,
    patient,
    product: product ? { id: product.id, brandName: product.brandName, genericName: product.genericName } : null,
    productAsGiven: product ? null : clean(named),
    event,
    narrative,
  };
  const competitor = named !== null && !product && (ctx.otherProducts ?? []).some((name) => name.toLowerCase() === named.toLowerCase());
  const missing = missingItems(details, named, competitor);
  const reportedAt = ctx.asOf;
  const dueBy = oneBusinessDayAfter(reportedAt);
  // Something Drug Safety can follow up: an event, or at least the product it is about.
  const followable = details.event !== null || details.product !== null || details.productAsGiven !== null;
  if (missing.length > 0 && !(request.submit && followable)) {
    return { status: 'needs_information', duty: REPORTING_DUTY, reportedAt, dueBy, collected: details, missing, canSubmitIncomplete: followable };
  }
  const record = ctx.log.append({
    kind: 'adverse_event_intake',
    actorId: ctx.caller.actorId,
    hcpId: reporter?.kind === 'hcp' ? reporter.hcpId : null,
    refersTo: null,
    payload: {
      format: PAYLOAD_FORMAT,
      reportedAt,
      dueBy,
      complete: missing.length === 0,
      missing: missing.map((item) => item.criterion),
      ...details,
      reportedBy: { userId: ctx.caller.actorId, role: ctx.caller.role },
      redactions: redacted,
      provenance: ctx.caller.provenance ?? null,
    },
  });
  return { status: 'recorded', duty: REPORTING_DUTY, intakeId: record.id, reportedAt, dueBy, complete: missing.length === 0, missing, intake: details, redacted };
}

function missingItems(details: IntakeDetails, productNamed: string | null, competitor: boolean): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!details.reporter) missing.push({ criterion: 'reporter', ask: 'Who told you about it? The HCP\'s name, or say you are the reporter if you saw or heard it first-hand.' });
  const { initials, age, sex } = details.patient;
  if (initials === null && age === null && sex === null) missing.push({ criterion: 'patient', ask: 'Something that identifies the patient without naming them: initials, age and sex (for example "J.M., 54, female"). Never the patient\'s name.' });
  if (!details.product) {
    missing.push({
      criterion: 'product',
      ask: competitor
        ? `"${details.productAsGiven ?? ''}" is another company's product: its maker (or FDA MedWatch) takes that report, and the HCP can send it there. Was the patient also taking one of ours? Name it (brand or generic).`
        : productNamed
          ? `Which of our products was the patient taking? "${details.productAsGiven ?? ''}" is none of ours (brand or generic name).`
          : 'Which of our products was the patient taking (brand or generic name)?',
    });
  }
  if (!details.event) missing.push({ criterion: 'event', ask: 'What happened to the patient (the symptom or event, and when it started if known)?' });
  return missing;
}

/** Words that say who without saying which one: "a doctor", "my doc", "her nurse". */
const GENERIC_REPORTER =
  /^(a|an|the|my|our|her|his|their|this|that|one|of|some|someone|somebody|unknown|anonymous|none|n\/a|dr|doctor|docs?|nurses?|np|pa|md|rn|pharmacists?|physicians?|hcps?|clinicians?|prescribers?|specialists?|colleagues?|office|staff|prof|professor|mr|mrs|ms|miss|[a-z]+ologists?|[a-z]+icians?)$/i;
const HCP_ID = /^(hcp-\d{6}|npi-\d{10})$/i;

function resolveReporter(request: IntakeRequest, ctx: IntakeContext, redactor: Redactor): IntakeReporter | null {
  if (request.reporter === 'employee') return { kind: 'employee', userId: ctx.caller.actorId, name: ctx.employeeName };
  const given = request.hcp?.trim() ?? '';
  const byId = given === '' ? undefined : ctx.store.hcps.getById(given);
  if (byId || HCP_ID.test(given)) {
    // An HCP outside the caller's territories is kept as given: the report is owed all the same, and nothing about them is shown.
    return byId && canSeeHcp(ctx.caller.scope, byId) ? { kind: 'hcp', hcpId: byId.id, name: hcpDisplayName(byId) } : { kind: 'hcp', hcpId: null, name: given };
  }
  // The reporter is named on purpose; only other personal data (a phone number, an email) is taken out.
  const findings = redactor.find(given).filter((finding) => finding.kind !== 'name');
  const name = withoutFindings(given, findings).replace(/\s+/g, ' ').trim();
  const words = name.split(/[\s,]+/).map((word) => word.replace(/\.$/, '')).filter(Boolean);
  if (!words.some((word) => !GENERIC_REPORTER.test(word))) return null;
  const query = name.replace(/^(dr|doctor|prof|professor)\.?\s+/i, '');
  const matches = ctx.store.hcps.searchByName(query, { territories: ctx.caller.scope.territories, limit: 2 });
  return matches.length === 1 ? { kind: 'hcp', hcpId: matches[0]!.id, name: hcpDisplayName(matches[0]!) } : { kind: 'hcp', hcpId: null, name };
}

function withoutFindings(text: string, findings: readonly { kind: PersonalDataKind; start: number; end: number }[]): string {
  let result = '';
  let at = 0;
  for (const finding of findings) {
    result += text.slice(at, finding.start);
    at = finding.end;
  }
  return result + text.slice(at);
}

/**
 * Initials as "J.M.": "JM", "j.m.", "J M". A full name given as initials is cut to its initials, so
 * it is never stored; anything else (digits, a long word run) gives none.
 */
export function patientInitials(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  // "J.M.", "J. M.", "J M", "JM", "jm": initials. "Jane", "Jane Miller", "bob": a name, cut to its initials.
  const initials = /^(?:\p{L}\.\s*){1,4}$|^(?:\p{L}\s+){1,3}\p{L}\.?$|^\p{Lu}{1,4}$|^\p{Ll}{1,2}$/u.test(trimmed);
  const name = /^[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,3}$/u.test(trimmed);
  const letters = initials ? [...trimmed.replace(/[.\s]/g, '')] : name ? trimmed.split(/\s+/).map((word) => word.charAt(0)) : [];
  return letters.length > 0 ? `${letters.map((letter) => letter.toUpperCase()).join('.')}.` : null;
}

/** A product by id, brand or generic name ("XELJANZ", "tofacitinib", "Xeljanz XR 11 mg"). */
export function findProduct(products: readonly Product[], text: string): Product | undefined {
  const lower = text.trim().toLowerCase();
  return products.find((product) => [product.id, product.brandName, product.genericName].some((name) => name.toLowerCase() === lower)) ?? findProductIn(products, [text]);
}

function findProductIn(products: readonly Product[], texts: readonly (string | null)[]): Product | undefined {
  const text = texts.filter(Boolean).join(' ').toLowerCase();
  if (text === '') return undefined;
  const named = (name: string) => new RegExp(`(?<![\\p{L}\\d])${name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u').test(text);
  return products.find((product) => named(product.brandName) || named(product.genericName));
}

/** Who may read the intake list: Drug Safety sits with medical affairs; admins; the local operator. */
export function mayReadIntakes(caller: Pick<Caller, 'role'>): boolean {
  return caller.role === null || caller.role === 'medical_affairs' || caller.role === 'admin';
}

/** One intake as Drug Safety reads it. */
export interface IntakeEntry extends IntakeDetails {
  intakeId: string;
  recordedAt: string;
  reportedAt: string;
  dueBy: string;
  complete: boolean;
  missing: IntakeCriterion[];
  reportedBy: { userId: string; role: string | null };
  /** The record's place in the hash chain, to check the export against omni audit verify. */
  sequence: number;
  hash: string;
}

/** The intakes recorded since a moment (all when absent), oldest first; medical affairs and admins only. */
export function listIntakes(log: DecisionLog, caller: Pick<Caller, 'role'>, options: { since?: string } = {}): IntakeEntry[] {
  if (!mayReadIntakes(caller)) throw new AppError('FORBIDDEN', 'adverse-event intakes are for Drug Safety: medical affairs and admins');
  return log.ofKind('adverse_event_intake', options).map(intakeEntry);
}

export function intakeEntry(record: DecisionRecord): IntakeEntry {
  const payload = record.payload as unknown as Omit<IntakeEntry, 'intakeId' | 'recordedAt' | 'sequence' | 'hash'>;
  return {
    intakeId: record.id,
    recordedAt: record.recordedAt,
    reportedAt: payload.reportedAt,
    dueBy: payload.dueBy,
    complete: payload.complete,
    missing: payload.missing,
    reporter: payload.reporter,
    patient: payload.patient,
    product: payload.product,
    productAsGiven: payload.productAsGiven,
    event: payload.event,
    narrative: payload.narrative,
    reportedBy: payload.reportedBy,
    sequence: record.sequence,
    hash: record.hash,
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Monday 2026-11-23 15:00 UTC": a due time as people read it. */
export function dueText(iso: string): string {
  return `${WEEKDAYS[new Date(iso).getUTCDay()]} ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
