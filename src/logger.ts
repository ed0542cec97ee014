import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/** Keys whose values never reach a log line, wherever they sit (one or two levels deep). */
const SECRET_KEYS = ['authorization', 'cookie', 'token', 'accessToken', 'apiKey', 'password', 'secret', 'signingSecret', 'botToken', 'appToken', 'email', 'phone', 'text', 'noteText', 'question', 'answer'];
export const REDACTED_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`), ...SECRET_KEYS.map((key) => `*.*.${key}`), 'req.headers.authorization', 'req.headers["x-slack-signature"]'];

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /\+?\d[\d ().-]{7,}\d/g;
const BEARER = /\b(Bearer\s+|xox[abpr]-|xapp-|sk-|omni_)[\w-]{6,}/gi;

/** Email addresses, phone numbers and tokens inside free-text log messages. */
export function redactText(value: string): string {
  return value.replace(BEARER, '[redacted token]').replace(EMAIL, '[redacted email]').replace(PHONE, '[redacted phone]');
}

/**
 * Structured JSON logs on stderr (stdout stays clean for pipes and --json). Secrets, tokens, email
 * addresses, phone numbers, note text, questions and answers are redacted: by key anywhere in a
 * record, and by pattern inside messages.
 */
export function createLogger(level: Config['logLevel'], destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { service: 'omni' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((argument) => (typeof argument === 'string' ? redactText(argument) : argument)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
