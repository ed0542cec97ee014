import { describe, expect, it } from 'vitest';
import { Redactor } from './redaction.ts';

const redactor = new Redactor({ names: ['Jordan Ellison', 'Jordan', 'Ellison'], products: ['KEYTRUDA', 'pembrolizumab', 'STELARA', 'ustekinumab', 'HUMIRA', 'adalimumab'] });
const redact = (text: string, extra: string[] = []) => redactor.redact(text, extra);

describe('quote redaction: names', () => {
  it('takes out titled names, the known names and the names given, keeping the title', () => {
    const text = "Dr. O'Connell said Emily would call; Jordan Ellison left the ISI. Dr Chen agreed. Emily O'Connell asked for data.";
    expect(redact(text, ['Emily', "O'Connell", "Emily O'Connell"])).toBe('Dr. [name] said [name] would call; [name] left the ISI. Dr [name] agreed. [name] asked for data.');
    expect(redact('Mrs. Maria van der Berg and Mr. J. Alvarez came in.')).toBe('Mrs. [name] and Mr. [name] came in.');
  });

  it("takes out patients', callers' and relatives' names, with or without a cue, wherever they recur", () => {
    expect(redact('Patient Velmora Quistani called about her refill; her husband Tomasz came too. Quistani wants the copay card.')).toBe(
      'Patient [name] called about her refill; her husband [name] came too. [name] wants the copay card.',
    );
    expect(redact('The caller, Ganesha Dirschka, said the nurse had not phoned back. Spoke with Grace Holloway about it.')).toBe(
      'The caller, [name], said the nurse had not phoned back. Spoke with [name] about it.',
    );
    expect(redact("Hi David, Zorvath's card was declined.\nThanks,\nElizab")).toBe("Hi [name], [name]'s card was declined.\nThanks,\n[name]");
    expect(redact('spoke to maria about the leaflet')).toBe('spoke to [name] about the leaflet');
  });

  it('leaves products, clinical words, eponyms, initials, places and names inside other words alone', () => {
    const kept = [
      'KEYTRUDA (pembrolizumab) was discussed; marked fatigue in a patient.',
      'Jordanian guidelines',
      'Stevens-Johnson syndrome and Guillain-Barré syndrome are in the Warnings and Precautions (5.1).',
      "Crohn's disease patients on STELARA (ustekinumab) in Boston; Medicare Part D denied the prior authorization.",
      'Pt J.M., 63F, had grade 3 neutropenia; HUMIRA (adalimumab) 40 mg every other week. Will follow up in May.',
      'Discussed dosing on 2026-10-01 and the ASCO webinar; 45 mg at weeks 0 and 4.',
    ];
    for (const text of kept) expect(redact(text, ['Mark', 'Marked'])).toBe(text);
  });
});

describe('quote redaction: contact details, numbers, addresses, dates of birth, MRNs', () => {
  it('takes out email addresses and US and international phone numbers', () => {
    const text = 'Reach her at emily.reyes@clinic.example.org or +1 (617) 555-0142, office 617.555.0199, UK +44 20 7946 0958, Paris 01 23 45 67 89, or jane (at) mail.example.com.';
    expect(redact(text)).toBe(
      'Reach her at [redacted email] or [redacted phone], office [redacted phone], UK [redacted phone], Paris [redacted phone], or [redacted email].',
    );
    expect(redact('Call 6175550142 ext. 12 or 0049-30-1234567.')).toBe('Call [redacted phone] or [redacted phone].');
  });

  it('takes out account and card numbers, whole or partial', () => {
    expect(redact('Paid with the Visa ending in 4821; acct #A-99812-7; debit card ••4605; card 4111 1111 1111 1111; member ID W123456789; SSN 123-45-6789.')).toBe(
      'Paid with the Visa ending in [redacted account]; acct #[redacted account]; debit card [redacted account]; card [redacted account]; member ID [redacted account]; SSN [redacted account].',
    );
  });

  it('takes out street addresses and PO boxes', () => {
    expect(redact('Lives at 1420 Maple Ave, Apt 4B, Springfield, IL 62704 with her son.')).toBe('Lives at [redacted address] with her son.');
    expect(redact('Mail to PO Box 4411 or 88 N Avondale Rd #603; Berlin: Hauptstraße 12.')).toBe('Mail to [redacted address] or [redacted address]; Berlin: [redacted address].');
  });

  it('takes out dates of birth in any format, and medical record numbers', () => {
    expect(redact('DOB 3/4/1961; born 04.03.61; date of birth: March 4, 1961; b. 1961-03-04; seen with her 2/11/1958 birth date on file.')).toBe(
      'DOB [redacted date of birth]; born [redacted date of birth]; date of birth: [redacted date of birth]; b. [redacted date of birth]; seen with her [redacted date of birth] birth date on file.',
    );
    expect(redact('MRN 00482913, chart # 55-1209, MR# A7781234.')).toBe('MRN [redacted MRN], chart # [redacted MRN], MR# [redacted MRN].');
  });

  it('leaves doses, visit dates, NPIs, money and lab values alone', () => {
    const text = 'On 2026-11-03 she asked about 40 mg every 2 weeks; ALT 3x ULN; copay $45.00; NPI 1234567893; QTc 480 ms.';
    expect(redact(text)).toBe(text);
  });
});
