import type { Hcp } from '../domain/hcp.ts';
import type { User } from '../domain/user.ts';
import type { Purpose } from '../domain/vocabulary.ts';

/**
 * What a user may see, decided from their identity alone (never from what they ask). Reps and
 * MSLs see their territories; managers their team's; medical affairs and admins every HCP.
 * Medical affairs sees medical interactions only; reps do not see MSL notes.
 */
export interface AccessScope {
  /** undefined: every territory. */
  territories: readonly string[] | undefined;
  /** undefined: every purpose. */
  interactionPurposes: readonly Purpose[] | undefined;
  noteKinds: readonly ('rep' | 'msl')[];
}

export function accessScopeFor(user: User): AccessScope {
  switch (user.role) {
    case 'rep':
      return { territories: user.territories, interactionPurposes: undefined, noteKinds: ['rep'] };
    case 'msl':
      return { territories: user.territories, interactionPurposes: undefined, noteKinds: ['rep', 'msl'] };
    case 'manager':
      return { territories: user.territories, interactionPurposes: undefined, noteKinds: ['rep'] };
    case 'medical_affairs':
      return { territories: undefined, interactionPurposes: ['medical'], noteKinds: ['rep', 'msl'] };
    case 'admin':
      return FULL_ACCESS;
  }
}

/** The local operator at the command line, without --as. */
export const FULL_ACCESS: AccessScope = { territories: undefined, interactionPurposes: undefined, noteKinds: ['rep', 'msl'] };

export function canSeeHcp(scope: AccessScope, hcp: Pick<Hcp, 'territory'>): boolean {
  return scope.territories === undefined || scope.territories.includes(hcp.territory);
}
