import { expect } from 'vitest';
import { draftProblems } from '../drafts/draft-grounding.ts';
import type { FollowUpDraft } from '../drafts/follow-up-draft.ts';
import type { OmniStore } from '../domain/repositories.ts';

/** The one check every test that produces a draft runs (draftProblems): no problem may be found. */
export function expectDraftGrounded(store: OmniStore, draft: Pick<FollowUpDraft, 'hcpId' | 'text' | 'sentences' | 'slots'>): void {
  expect(draftProblems(store, { ...draft, slots: { ...draft.slots } as Record<string, string> })).toEqual([]);
}
