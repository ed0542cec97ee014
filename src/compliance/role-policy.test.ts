import { describe, expect, it } from 'vitest';
import { roles, type Purpose, type Role } from '../domain/vocabulary.ts';
import { purposeDecision, toolUseDecision } from './role-policy.ts';

/** The firewall as the README states it, written out here by hand (not read from the table under test). */
const expected: Record<Role, { promotional: 'provide' | 'route' | 'none'; medical: 'provide' | 'route' | 'none' }> = {
  rep: { promotional: 'provide', medical: 'route' },
  manager: { promotional: 'provide', medical: 'route' },
  msl: { promotional: 'none', medical: 'provide' },
  medical_affairs: { promotional: 'none', medical: 'provide' },
  admin: { promotional: 'provide', medical: 'provide' },
};

describe('the role x purpose table', () => {
  for (const role of roles) {
    for (const purpose of ['promotional', 'medical'] as const) {
      const right = expected[role][purpose];
      it(`${role} / ${purpose}: provide ${right === 'provide'}, route ${right !== 'none'}`, () => {
        expect(purposeDecision(role, purpose, 'provide').allowed).toBe(right === 'provide');
        expect(purposeDecision(role, purpose, 'route').allowed).toBe(right !== 'none');
      });
    }
  }

  it('events and market research are on the commercial side; the local operator may do everything', () => {
    for (const purpose of ['events', 'market_research'] as Purpose[]) {
      expect(purposeDecision('msl', purpose).allowed).toBe(false);
      expect(purposeDecision('rep', purpose).allowed).toBe(true);
    }
    expect(purposeDecision(null, 'promotional').allowed).toBe(true);
    expect(purposeDecision(null, 'medical').allowed).toBe(true);
  });

  it('a "no" names what to do instead: a rep routes medical questions, an MSL leaves promotion to the rep', () => {
    expect(purposeDecision('rep', 'medical').alternatives.join(' ')).toMatch(/MSL handoff/);
    expect(purposeDecision('rep', 'medical').alternatives.join(' ')).toMatch(/medical-information request/);
    expect(purposeDecision('msl', 'promotional').alternatives.join(' ')).toMatch(/sales rep/);
  });
});

describe('toolUseDecision (the agent check before execute)', () => {
  const draft = { name: 'draft_x', access: { roles: ['rep', 'msl', 'admin'], purposes: ['promotional', 'medical'], purposeOf: (input: { purpose: string }) => input.purpose } };
  const insights = { name: 'insights_x', access: { roles: ['msl', 'medical_affairs'], purposes: ['medical'] } };

  it('refuses a role the tool is not declared for, whatever the input', () => {
    expect(toolUseDecision('rep', insights, {}).allowed).toBe(false);
    expect(toolUseDecision('manager', draft, { purpose: 'promotional' }).allowed).toBe(false);
    expect(toolUseDecision('msl', insights, {}).allowed).toBe(true);
  });

  it('says the "no" in users\' words: what the tool gives and whom it is for', () => {
    const summaries = { name: 'summarize_field_insights', access: { roles: ['msl', 'medical_affairs'], purposes: ['medical'] } };
    expect(toolUseDecision('rep', summaries, {}).reason).toBe('Field-note summaries (what the field is hearing) are only for msl and medical affairs, not for a rep (summarize_field_insights)');
  });

  it("judges a call's own purpose by the table", () => {
    expect(toolUseDecision('msl', draft, { purpose: 'promotional' }).allowed).toBe(false);
    expect(toolUseDecision('msl', draft, { purpose: 'medical' }).allowed).toBe(true);
    expect(toolUseDecision('rep', draft, { purpose: 'medical' }).allowed).toBe(false);
    expect(toolUseDecision('rep', draft, { purpose: 'promotional' }).allowed).toBe(true);
    expect(toolUseDecision('admin', draft, { purpose: 'medical' }).allowed).toBe(true);
  });

  it('refuses a purpose the tool does not declare, and lets the local operator through', () => {
    expect(toolUseDecision('admin', draft, { purpose: 'market_research' }).allowed).toBe(false);
    expect(toolUseDecision(null, insights, {}).allowed).toBe(true);
  });
});
