import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactText } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  return { lines, logger: createLogger('info', stream) };
}

describe('createLogger', () => {
  it('writes JSON and redacts secrets, contact details and note text by key', () => {
    const { lines, logger } = capture();
    logger.child({ requestId: 'req-1' }).info({ req: { headers: { authorization: 'Bearer omni_abcdef123456' } }, user: { email: 'a@b.example', phone: '+1 555 010 9999' }, note: { text: 'patient said X' }, token: 'xoxb-1234567890' }, 'asked');
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ requestId: 'req-1', msg: 'asked', token: '[redacted]', user: { email: '[redacted]', phone: '[redacted]' }, note: { text: '[redacted]' } });
    expect(lines[0]).not.toMatch(/omni_abcdef|a@b\.example|555 010|patient said|xoxb-123/);
  });

  it('redacts emails, phone numbers and tokens inside messages', () => {
    expect(redactText('mail jane.doe@clinic.example or call +1 (555) 010-9999 with Bearer omni_abc123456789')).toBe('mail [redacted email] or call [redacted phone] with [redacted token]');
    const { lines, logger } = capture();
    logger.warn('login failed for jane.doe@clinic.example');
    expect(JSON.parse(lines[0]!).msg).toBe('login failed for [redacted email]');
  });
});
