import type { ContentModule } from '../domain/content-module.ts';

/**
 * Content provenance: what an approved module must carry, and the text it must not hold. A module the
 * library can return (status approved, or expired: approved once, found as of an earlier day) needs
 * its approver (a user id that exists), its MLR code and its approval date; its title and body may
 * link only to the allowed domains, and may hold no hidden text (HTML comments or markup, invisible or
 * bidirectional control characters) and no instructions addressed to an AI. The import refuses such a
 * row, the drafting path refuses such a module however it was stored, and the search never returns it.
 * Patterns catch instruction framing, not every sentence that does not belong: reading the text
 * stays MLR review's work.
 */

/**
 * Link domains approved content may point to (each with its subdomains) when the configuration names
 * none (OMNI_CONTENT_LINK_DOMAINS): the FDA (MedWatch, accessdata), DailyMed and the CDC, the public
 * sources the label text links to. A company adds its own domains in the configuration.
 */
export const DEFAULT_CONTENT_LINK_DOMAINS: readonly string[] = ['fda.gov', 'dailymed.nlm.nih.gov', 'cdc.gov'];

export interface ContentRules {
  /** Domains links may point to, each with its subdomains (lower case, no scheme). */
  linkDomains: readonly string[];
}

export const DEFAULT_CONTENT_RULES: ContentRules = { linkDomains: DEFAULT_CONTENT_LINK_DOMAINS };

/** One reason a module may not be approved, on a field named as the import's columns are. */
export interface ProvenanceProblem {
  field: 'approved_by' | 'mlr_code' | 'approved_at' | 'title' | 'body';
  reason: string;
}

/** Whether the provenance rules apply: a module the library can return, now or as of an earlier day. */
export function needsProvenance(module: Pick<ContentModule, 'status'>): boolean {
  return module.status === 'approved' || module.status === 'expired';
}

export type ProvenanceFields = Pick<ContentModule, 'status' | 'approvedBy' | 'mlrCode' | 'approvedAt' | 'title' | 'body'>;

/** Text verdicts remembered at most; past it the memory starts again. */
const MEMO_LIMIT = 20_000;

/**
 * The provenance rules over one set of users (`isUser`: whether an approver id exists). The verdict on
 * each text is remembered, so a library that rebuilds its catalog on every content write does not scan
 * unchanged text again.
 */
export class ContentProvenance {
  private readonly textVerdicts = new Map<string, readonly string[]>();

  constructor(
    readonly rules: ContentRules,
    private readonly isUser: (id: string) => boolean,
  ) {}

  /** Everything wrong with a module's provenance and text, [] when it may be used (nothing is asked of drafts and withdrawn modules). */
  problems(module: ProvenanceFields): ProvenanceProblem[] {
    if (!needsProvenance(module)) return [];
    const problems: ProvenanceProblem[] = [];
    if (!module.approvedBy) problems.push({ field: 'approved_by', reason: `is required for an ${module.status} module: the user id of its MLR approver` });
    else if (!this.isUser(module.approvedBy)) problems.push({ field: 'approved_by', reason: `refers to unknown user '${module.approvedBy}'` });
    if (!module.mlrCode.trim()) problems.push({ field: 'mlr_code', reason: `is required for an ${module.status} module` });
    if (!module.approvedAt.trim()) problems.push({ field: 'approved_at', reason: `is required for an ${module.status} module` });
    for (const field of ['title', 'body'] as const) {
      for (const reason of this.textProblems(module[field])) problems.push({ field, reason });
    }
    return problems;
  }

  /** True when a module may reach a search result or a draft. */
  usable(module: ProvenanceFields): boolean {
    return this.problems(module).length === 0;
  }

  private textProblems(text: string): readonly string[] {
    let verdict = this.textVerdicts.get(text);
    if (!verdict) {
      if (this.textVerdicts.size >= MEMO_LIMIT) this.textVerdicts.clear();
      verdict = contentTextProblems(text, this.rules);
      this.textVerdicts.set(text, verdict);
    }
    return verdict;
  }
}

// ---------------------------------------------------------------------------------------------------
// The text rules.

/**
 * Characters no one sees: format characters (zero-width spaces and joiners, bidirectional embeddings,
 * overrides and isolates, the soft hyphen, tag characters that smuggle ASCII), private-use characters
 * and the blank fillers that render as nothing.
 */
const INVISIBLE = /[\p{Cf}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/u;

/** HTML comments and markup, and Slack's control sequences (broadcasts, mentions, links with hidden targets). */
const MARKUP: readonly [RegExp, string][] = [
  [/<!--|-->/, 'an HTML comment'],
  [/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i, 'HTML markup'],
  [/<(?:!(?!--)|[@#])[^<>]*>/, 'chat markup (a broadcast or a mention)'],
];

/**
 * Instructions addressed to an AI that reads the text: overriding its instructions, addressing it or
 * giving it a role, prompt-format markers, hiding things from the reader. Matched on the text lower-cased
 * and NFKC-normalised (so full-width letters match too), with runs of white space as one space.
 */
const INSTRUCTIONS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}\b(previous|prior|above|earlier|preceding|foregoing|all|any|your|the|these|those|system|original|other)\b[^.!?\n]{0,30}\b(instructions?|prompts?|rules|guidelines|directions|directives|context|guardrails|policies)\b/,
  /\b(you are|you're|act as|acting as|pretend to be|pretend you are|role-?play as|behave as)\b[^.!?\n]{0,30}\b(an? )?(ai|assistant|chatbot|language model|llm|gpt|bot|agent)\b/,
  /\b(as|to|for) (an|the) (ai|assistant|language model|llm|chatbot|ai model)\b/,
  /\b(attention|note to|message (to|for)|hey|dear|hi|hello),? (the )?(ai|assistant|chatbot|language model|llm|model|gpt|claude|copilot|agent)\b/,
  /\bif you are an? (ai|assistant|language model|llm|chatbot|model|agent)\b/,
  /\b(system prompt|system message|developer message|developer mode|prompt injection|jailbreak)\b/,
  /\[\/?inst\]|<<\/?sys>>|<\|[a-z_]+\|>|###\s*(instruction|system|response)\b/,
  /(^|\n|[.!?;] )\s*(system|assistant|user|human)\s*:/,
  /\b(new|updated|additional|hidden|secret|real|actual|true) (instructions?|task|prompt)\s*[:-]/,
  /\binstead,? (say|respond|reply|output|write|answer|tell|print|return)\b/,
  /\b(do not|don't|never) (tell|inform|mention|reveal|show|disclose)\b[^.!?\n]{0,30}\b(user|reader|rep|recipient|human|anyone)\b/,
  /\b(reveal|print|show|repeat|output|leak)\b[^.!?\n]{0,20}\b(your|the) (system )?(prompt|instructions)\b/,
  /\bfrom now on,? (you|respond|reply|answer|always)\b/,
  /\b(respond|reply|answer) only (with|in)\b/,
];

/** Schemes that run code or read local files when a link is followed: never allowed. */
const UNSAFE_SCHEME = /\b(javascript|vbscript|data|file):/i;
/** Links with a scheme; the host is read with the URL parser (user info, ports and IDN included). */
const SCHEME_LINK = /\b(?:https?|ftps?|sftp|wss?):\/\/[^\s<>"'`)\]|]+/gi;
const MAILTO = /\bmailto:[^\s<>"'`)\]|]+/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,24})/gu;
/**
 * Host names without a scheme ("www.example.com/login", "example.org"): labels of letters, digits and
 * hyphens (any script, so look-alike letters count), ending in a top-level domain of two or more
 * letters. A top-level domain must be lower case (or a common one in capitals), so a sentence missing
 * the space after its full stop ("bleeding.Events") is not a link.
 */
const BARE_HOST = /(?<![\p{L}\p{N}@.\/-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+([\p{L}]{2,24}|xn--[a-z0-9-]+))(?:[:\/?#][^\s<>"'`)\]|]*)?(?![\p{L}\p{N}-])/gu;
const COMMON_TLDS = new Set(['com', 'net', 'org', 'gov', 'edu', 'io', 'co', 'info', 'biz', 'us', 'uk', 'app', 'dev', 'me', 'xyz', 'top', 'site', 'online', 'link', 'click']);

/** The reasons a text may not stand in an approved module ([] when it may). */
export function contentTextProblems(text: string, rules: ContentRules): string[] {
  const problems: string[] = [];
  const where = (index: number) => (text.includes('\n') ? ` (line ${text.slice(0, index).split('\n').length} of the text)` : '');

  const invisible = INVISIBLE.exec(text);
  if (invisible) {
    const codes = [...new Set([...text].filter((character) => INVISIBLE.test(character)))].slice(0, 5);
    problems.push(`holds invisible or bidirectional control characters (${codes.map(codePoint).join(', ')})${where(invisible.index)}`);
  }
  for (const [pattern, what] of MARKUP) {
    const found = pattern.exec(text);
    if (found) problems.push(`holds hidden text: ${what}, "${excerpt(found[0])}"${where(found.index)}`);
  }
  // NFKC only where it can change something (it is slow on long label text).
  const normalised = (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text).toLowerCase().replace(/[^\S\n]+/g, ' ');
  for (const pattern of INSTRUCTIONS) {
    const found = pattern.exec(normalised);
    if (found) {
      problems.push(`holds an instruction addressed to an AI, "${excerpt(found[0].trim())}"${where(found.index)}`);
      break;
    }
  }
  problems.push(...linkProblems(text, rules).map(({ reason, index }) => `${reason}${where(index)}`));
  return problems;
}

/** Links whose host is outside the allowed domains, and links that run code. */
function linkProblems(text: string, rules: ContentRules): { reason: string; index: number }[] {
  const problems: { reason: string; index: number }[] = [];
  const allowed = rules.linkDomains.map((domain) => domain.toLowerCase().replace(/^\.+|\.+$/g, '')).filter(Boolean);
  const isAllowed = (host: string) => allowed.some((domain) => host === domain || host.endsWith(`.${domain}`));
  const reported = new Set<string>();
  const check = (host: string | null, shown: string, index: number) => {
    const key = host ?? shown;
    if (reported.has(key)) return;
    if (host !== null && isAllowed(host)) return;
    reported.add(key);
    problems.push({
      reason: host === null ? `holds a link that cannot be read, "${excerpt(shown)}"` : `links to ${host}, which is not an allowed content domain (allowed: ${allowed.join(', ') || 'none'})`,
      index,
    });
  };
  const unsafe = UNSAFE_SCHEME.exec(text);
  if (unsafe) problems.push({ reason: `holds a ${unsafe[1]!.toLowerCase()}: link, which is never allowed`, index: unsafe.index });

  // Links with a scheme first, then e-mail addresses; what they cover is blanked out (same length, so
  // positions stay) and not read again as a bare host.
  let rest = text;
  const blank = (index: number, length: number) => (rest = `${rest.slice(0, index)}${' '.repeat(length)}${rest.slice(index + length)}`);
  for (const pattern of [SCHEME_LINK, MAILTO]) {
    for (const match of text.matchAll(pattern)) {
      const link = match[0].replace(/[.,;:!?]+$/, '');
      check(pattern === MAILTO ? emailHost(link.slice('mailto:'.length)) : hostOf(link), link, match.index);
      blank(match.index, match[0].length);
    }
  }
  for (const match of rest.includes('@') ? rest.matchAll(EMAIL) : []) {
    check(hostOf(`http://${match[1]!}`), match[0], match.index);
    blank(match.index, match[0].length);
  }
  for (const match of rest.matchAll(BARE_HOST)) {
    const topLevel = match[2]!;
    const upper = topLevel === topLevel.toUpperCase() && COMMON_TLDS.has(topLevel.toLowerCase());
    if (topLevel !== topLevel.toLowerCase() && !upper) continue;
    check(hostOf(`http://${match[0].replace(/[.,;:!?]+$/, '')}`), match[0], match.index);
  }
  return problems;
}

/** The host of a link, lower case and in ASCII (IDN as punycode), or null when it cannot be parsed. */
function hostOf(link: string): string | null {
  try {
    const host = new URL(link).hostname.toLowerCase().replace(/\.$/, '');
    return host || null;
  } catch {
    return null;
  }
}

function emailHost(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at < 0 ? null : hostOf(`http://${address.slice(at + 1).split(/[?#]/)[0]}`);
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A short, printable excerpt of the offending text for a report. */
function excerpt(text: string): string {
  const printable = text.replace(/[\p{Cc}\p{Cf}\p{Co}]/gu, '').replace(/\s+/g, ' ');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}
