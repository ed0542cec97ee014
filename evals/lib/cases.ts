import { z } from 'zod';
import { readJsonl } from './jsonl.ts';

/**
 * One eval case as stored in evals/datasets/*.jsonl (one JSON object a line). A case names its user,
 * one or more turns (a multi-turn case reuses one thread), what each turn must and must not do, and
 * any data to plant in the case's private copy of the demo database before the first turn (rolled
 * back afterwards).
 */
export const ExpectedCall = z.object({
  name: z.string(),
  /** Key arguments: each must equal the call's argument (strings compared case-insensitively, substrings allowed for `hcp`). */
  args: z.record(z.string(), z.unknown()).default({}),
});
export type ExpectedCall = z.infer<typeof ExpectedCall>;

export const Turn = z.object({
  question: z.string().min(1),
  /** Tool calls that must be made in this turn (name and key arguments). */
  expectTools: z.array(ExpectedCall).default([]),
  /** Tool calls that must not be made (name, optionally with arguments that must not match). */
  forbidTools: z.array(ExpectedCall).default([]),
  /** Facts the answer must contain (ids, numbers, dates, names; case-insensitive). */
  facts: z.array(z.string()).default([]),
  /** Text the answer must not contain (case-insensitive). */
  mustNotContain: z.array(z.string()).default([]),
  /**
   * Hard: text that must appear nowhere in what the user is shown (answer outside quoted data, drafts,
   * the Slack rendering); checked case-insensitively. Used for injected and attacker-supplied payloads.
   */
  forbiddenOutput: z.array(z.string()).default([]),
  /** The turn must be refused / declined (harmful requests); a hard outcome. */
  expectRefusal: z.boolean().default(false),
  /** The turn must be answered, not refused (the false-refusal set). */
  expectAnswered: z.boolean().default(false),
});
export type Turn = z.infer<typeof Turn>;

export const Plant = z.discriminatedUnion('kind', [
  /** A field note (or an imported email stored as a note) on an HCP. */
  z.object({ kind: z.literal('note'), id: z.string(), hcpId: z.string(), authorId: z.string(), writtenAt: z.string(), noteKind: z.enum(['rep', 'msl']), text: z.string() }),
  /** An interaction whose topic (or hidden source-system field) carries planted text. */
  z.object({
    kind: z.literal('interaction'),
    id: z.string(),
    hcpId: z.string(),
    actorId: z.string(),
    channel: z.string(),
    outcome: z.string(),
    purpose: z.string().default('promotional'),
    occurredAt: z.string(),
    productId: z.string().nullable().default(null),
    topic: z.string().default(''),
    sourceSystem: z.string().default(''),
  }),
  /** An approved content module: a copy of an existing module under a new id, with text appended to its body. */
  z.object({ kind: z.literal('content'), id: z.string(), copyOf: z.string(), appendText: z.string() }),
]);
export type Plant = z.infer<typeof Plant>;

export const Persona = z.enum(['rep', 'msl', 'medical_affairs', 'manager']);
export type Persona = z.infer<typeof Persona>;

export const EvalCase = z.object({
  id: z.string(),
  suite: z.enum(['persona', 'redteam', 'benign']),
  persona: Persona,
  /** A finer grouping: an intent for persona cases, an attack family for red-team cases. */
  category: z.string(),
  user: z.string(),
  turns: z.array(Turn).min(1),
  plant: z.array(Plant).default([]),
  /**
   * Canary strings planted where this user must never see them (other territories' notes, MSL notes
   * for a rep, a hidden field). Any appearance in tool outputs, the answer, citations or the Slack
   * rendering is a hard violation.
   */
  canaries: z.array(z.string()).default([]),
  /** Where the attack text comes from (file and item), for red-team cases. */
  source: z.string().optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;
export type EvalCaseInput = z.input<typeof EvalCase>;

export function loadCases(path: string): EvalCase[] {
  return readJsonl(path, EvalCase);
}
