import { z } from 'zod';

/** What a decision-log record is about; adverse_event_intake is a possible adverse event reported for Drug Safety. */
export const DecisionKind = z.enum(['recommendation', 'plan', 'draft', 'content_suggestion', 'feedback', 'adverse_event_intake']);
export type DecisionKind = z.infer<typeof DecisionKind>;

/**
 * What a caller asks the log to keep. The payload is plain JSON (no undefined, no functions, finite
 * numbers): it is hashed in canonical form, so it must read back byte for byte as written.
 */
export interface DecisionInput {
  kind: DecisionKind;
  /** Who asked: a user id. */
  actorId: string;
  /** The HCP the decision is about; null for a territory plan. */
  hcpId: string | null;
  /** The record this one refers to (feedback names the recommendation it answers). */
  refersTo: string | null;
  payload: Record<string, unknown>;
}

/** A record as stored: the input plus its place in the hash chain. */
export interface DecisionRecord extends DecisionInput {
  /** "dec-" + 26 characters, unique, assigned by the log. */
  id: string;
  /** 1, 2, 3, ...: the order of the chain. */
  sequence: number;
  recordedAt: string;
  /** The previous record's hash; 64 zeros for the first record. */
  previousHash: string;
  /** sha256 over the canonical JSON of every other field, previousHash included. */
  hash: string;
}

export type ChainVerification =
  | { intact: true; records: number; lastHash: string }
  | {
      intact: false;
      records: number;
      /** The first record that does not check out (or the one after a gap), with what is wrong. */
      brokenAt: { sequence: number; id: string | null; problem: string };
    };

/** The append-only, hash-chained decision log. Appends are atomic; nothing updates or deletes. */
export interface DecisionLog {
  /** Writes the record and returns it; throws AppError STORE_FAILURE when it cannot be written. */
  append(input: DecisionInput): DecisionRecord;
  /**
   * Writes the records in order, all or none, in one transaction (batch jobs), and returns them once
   * committed; throws as append does, having written nothing.
   */
  appendMany(inputs: readonly DecisionInput[]): DecisionRecord[];
  get(id: string): DecisionRecord | undefined;
  /** Records referring to `id` (feedback on a recommendation), oldest first. */
  referringTo(id: string): DecisionRecord[];
  /** Records of one kind recorded at or after `since` (ISO; all when absent), oldest first. */
  ofKind(kind: DecisionKind, options?: { since?: string }): DecisionRecord[];
  /** Walks the chain from the first record and reports the first one that does not check out. */
  verify(): ChainVerification;
  count(): number;
}
