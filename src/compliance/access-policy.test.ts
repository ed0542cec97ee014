import { describe, expect, it } from 'vitest';
import { Hcp } from '../domain/hcp.ts';
import { User } from '../domain/user.ts';
import type { Role } from '../domain/vocabulary.ts';
import { FULL_ACCESS, accessScopeFor, canSeeHcp } from './access-policy.ts';

const user = (role: Role, territories: string[] = ['T-NE', 'T-MA']) => User.parse({ id: `u-${role}`, name: `Test ${role}`, role, territories });

const hcpIn = (territory: string) => Hcp.parse({ id: `hcp-${territory || 'none'}`, firstName: 'Maria', lastName: 'Reyes', specialty: 'Oncology', territory });

describe('accessScopeFor', () => {
  it('scopes reps, MSLs and managers to their own territories', () => {
    for (const role of ['rep', 'msl', 'manager'] as const) {
      const scope = accessScopeFor(user(role));
      expect(scope.territories, role).toEqual(['T-NE', 'T-MA']);
      expect(scope.interactionPurposes, role).toBeUndefined();
    }
  });

  it('a rep with no territories sees no territory', () => {
    expect(accessScopeFor(user('rep', [])).territories).toEqual([]);
  });

  it('gives medical affairs every territory but only medical interactions', () => {
    const scope = accessScopeFor(user('medical_affairs', ['T-NE']));
    expect(scope.territories).toBeUndefined();
    expect(scope.interactionPurposes).toEqual(['medical']);
  });

  it('gives admins full access', () => {
    expect(accessScopeFor(user('admin', ['T-NE']))).toEqual(FULL_ACCESS);
    expect(FULL_ACCESS).toEqual({ territories: undefined, interactionPurposes: undefined, noteKinds: ['rep', 'msl'] });
  });

  it('shows reps and managers rep notes only; MSLs and medical affairs both kinds', () => {
    expect(accessScopeFor(user('rep')).noteKinds).toEqual(['rep']);
    expect(accessScopeFor(user('manager')).noteKinds).toEqual(['rep']);
    expect([...accessScopeFor(user('msl')).noteKinds].sort()).toEqual(['msl', 'rep']);
    expect([...accessScopeFor(user('medical_affairs')).noteKinds].sort()).toEqual(['msl', 'rep']);
  });
});

describe('canSeeHcp', () => {
  it('lets a territory-bound user see HCPs in their territories only', () => {
    const scope = accessScopeFor(user('rep', ['T-NE']));
    expect(canSeeHcp(scope, hcpIn('T-NE'))).toBe(true);
    expect(canSeeHcp(scope, hcpIn('T-SW'))).toBe(false);
    expect(canSeeHcp(scope, hcpIn(''))).toBe(false);
  });

  it('matches territories exactly', () => {
    const scope = accessScopeFor(user('manager', ['T-NE']));
    expect(canSeeHcp(scope, hcpIn('T-NE2'))).toBe(false);
    expect(canSeeHcp(scope, hcpIn('t-ne'))).toBe(false);
  });

  it('lets a user with no territories see nobody', () => {
    expect(canSeeHcp(accessScopeFor(user('rep', [])), hcpIn('T-NE'))).toBe(false);
  });

  it('lets medical affairs, admins and full access see everyone', () => {
    for (const scope of [accessScopeFor(user('medical_affairs', [])), accessScopeFor(user('admin', [])), FULL_ACCESS]) {
      expect(canSeeHcp(scope, hcpIn('T-SW'))).toBe(true);
      expect(canSeeHcp(scope, hcpIn(''))).toBe(true);
    }
  });
});
