import { redactText } from '../logger.ts';

/**
 * Quotes from field notes leave Omni with people's names and contact details taken out: "Dr. <Name>"
 * and the known names given (the HCP's own first, last and full name; the users'), as "[name]";
 * email addresses, phone numbers and tokens by the log redactor's patterns (src/logger.ts).
 */
export interface NameSet {
  /** Whole-word names as written (case-sensitive first letter, e.g. "Reyes", "Emily Reyes"). */
  names: readonly string[];
}

/** A title and the capitalised word after it: "Dr. Reyes", "Dr Chen" (a first name after the title is taken by the known names). */
const TITLED = /\b(Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Mx)(\.?\s+)[A-Z][A-Za-z'\u2019-]+/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A redactor for a set of names; build once per note set (one regular expression for all names). */
export class QuoteRedactor {
  private readonly names: RegExp | null;
  /** The expression of each extra name (trimmed) seen so far: a note set repeats its HCPs' names. */
  private readonly extraNamePatterns = new Map<string, RegExp>();

  constructor(names: Iterable<string>) {
    const list = [...new Set([...names].map((name) => name.trim()).filter((name) => name.length >= 2))].sort((a, b) => b.length - a.length);
    this.names = list.length > 0 ? new RegExp(`(?<![A-Za-z])(?:${list.map(escape).join('|')})(?![A-Za-z])`, 'g') : null;
  }

  redact(text: string, extraNames: readonly string[] = []): string {
    let result = redactText(text).replace(TITLED, (_, title: string, gap: string) => `${title}${gap}[name]`);
    for (const name of extraNames) {
      const trimmed = name.trim();
      if (trimmed.length < 2) continue;
      let pattern = this.extraNamePatterns.get(trimmed);
      if (pattern === undefined) {
        pattern = new RegExp(`(?<![A-Za-z])${escape(trimmed)}(?![A-Za-z])`, 'g');
        this.extraNamePatterns.set(trimmed, pattern);
      }
      // replace() with a global expression starts at 0 and resets lastIndex, so one can be reused.
      result = result.replace(pattern, '[name]');
    }
    if (this.names) result = result.replace(this.names, '[name]');
    return result.replace(/\[name\](?:\s+\[name\])+/g, '[name]');
  }
}
