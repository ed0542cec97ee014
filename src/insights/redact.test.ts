import { describe, expect, it } from 'vitest';
import { QuoteRedactor } from './redact.ts';

describe('quote redaction', () => {
  const redactor = new QuoteRedactor(['Jordan Ellison', 'Jordan', 'Ellison']);

  it('takes out "Dr. X", the HCP\'s own names and the users\' names', () => {
    const text = "Dr. O'Connell said Emily would call; Jordan Ellison left the ISI. Dr Chen agreed. Emily O'Connell asked for data.";
    expect(redactor.redact(text, ['Emily', "O'Connell", "Emily O'Connell"])).toBe('Dr. [name] said [name] would call; [name] left the ISI. Dr [name] agreed. [name] asked for data.');
  });

  it('takes out email addresses and phone numbers', () => {
    const text = 'Reach her at emily.reyes@clinic.example.org or +1 (617) 555-0142, office 617.555.0199.';
    const redacted = redactor.redact(text);
    expect(redacted).not.toMatch(/clinic\.example|555/);
    expect(redacted).toContain('[redacted email]');
    expect(redacted).toContain('[redacted phone]');
  });

  it('leaves product names, clinical words and names inside other words alone', () => {
    expect(redactor.redact('KEYTRUDA (pembrolizumab) was discussed; marked fatigue in a patient.', ['Mark', 'Marked'])).toBe(
      'KEYTRUDA (pembrolizumab) was discussed; marked fatigue in a patient.',
    );
    expect(redactor.redact('Jordanian guidelines', [])).toBe('Jordanian guidelines');
  });
});
