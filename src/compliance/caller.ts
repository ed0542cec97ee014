import type { User } from '../domain/user.ts';
import type { Role } from '../domain/vocabulary.ts';
import { accessScopeFor, type AccessScope } from './access-policy.ts';

/** Who is asking: their id (for the log), role and what they may see. */
export interface Caller {
  actorId: string;
  /** null: the local operator at the command line, who may do everything. */
  role: Role | null;
  scope: AccessScope;
  /**
   * The model and prompt behind the request, when an agent asks (issue 5): recorded with the
   * decision. null when a person asks through the CLI.
   */
  provenance?: { model: string; promptName: string; promptSha256: string } | null;
}

/** A signed-in user as a caller: what they may see follows from who they are. */
export function callerFor(user: User, provenance: Caller['provenance'] = null): Caller {
  return { actorId: user.id, role: user.role, scope: accessScopeFor(user), provenance };
}
