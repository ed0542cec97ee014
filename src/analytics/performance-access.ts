import type { AccessScope } from '../compliance/access-policy.ts';
import type { UserRepository } from '../domain/repositories.ts';
import type { Role } from '../domain/vocabulary.ts';
import type { MetricName } from './metric-catalog.ts';
import type { MetricFilters } from './query-builder.ts';

/**
 * Who may see team performance, decided from the caller's identity (never from the question):
 * - managers: their team's territories (AccessScope.territories); a territory or rep outside them is
 *   refused by name, not answered with empty numbers;
 * - admins and the local operator (role null): every territory;
 * - medical affairs: the medical follow-up rate only, over every territory (their scope is medical
 *   interactions, which is all that metric reads); other metrics are refused;
 * - reps and MSLs: refused; team performance is for managers.
 */
export type PerformanceAccess =
  | { allowed: true; territories: readonly string[] | undefined }
  | { allowed: false; status: 'out_of_scope' | 'not_found'; message: string };

export const MEDICAL_AFFAIRS_METRICS: readonly MetricName[] = ['medical_follow_up_rate'];

export function performanceAccess(
  caller: { role: Role | null; scope: AccessScope },
  request: { metric: MetricName; filters: MetricFilters },
  users: Pick<UserRepository, 'getById'>,
): PerformanceAccess {
  const refuse = (message: string, status: 'out_of_scope' | 'not_found' = 'out_of_scope'): PerformanceAccess => ({ allowed: false, status, message });
  switch (caller.role) {
    case 'rep':
    case 'msl':
      return refuse('Team performance is for managers: ask your manager, or ask me about your own HCPs and plan.');
    case 'medical_affairs':
      if (!MEDICAL_AFFAIRS_METRICS.includes(request.metric)) {
        return refuse('Medical affairs can see the medical follow-up rate (medical_follow_up_rate); other team performance metrics are for managers.');
      }
      return checkFilters(undefined, request.filters, users) ?? { allowed: true, territories: undefined };
    case 'manager': {
      const territories = caller.scope.territories ?? [];
      if (territories.length === 0) return refuse('No team territories are on record for you, so there is no team performance to show.');
      return checkFilters(territories, request.filters, users) ?? { allowed: true, territories };
    }
    case 'admin':
    case null:
      return checkFilters(undefined, request.filters, users) ?? { allowed: true, territories: undefined };
  }
}

function checkFilters(territories: readonly string[] | undefined, filters: MetricFilters, users: Pick<UserRepository, 'getById'>): PerformanceAccess | null {
  if (territories !== undefined && filters.territory) {
    const outside = filters.territory.filter((territory) => !territories.includes(territory));
    if (outside.length > 0) {
      return { allowed: false, status: 'out_of_scope', message: `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not among your team's territories (${territories.join(', ')}).` };
    }
  }
  if (filters.rep !== undefined) {
    const rep = users.getById(filters.rep);
    if (!rep || rep.role !== 'rep') return { allowed: false, status: 'not_found', message: `There is no rep with id ${filters.rep}.` };
    if (territories !== undefined && (rep.territories.length === 0 || rep.territories.some((territory) => !territories.includes(territory)))) {
      return { allowed: false, status: 'out_of_scope', message: `${rep.name} (${rep.id}) is not on your team.` };
    }
  }
  return null;
}
