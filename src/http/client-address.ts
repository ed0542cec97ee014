import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ClientAddressSource } from '../config.ts';

/**
 * The address a request came from, for limits per client: the socket's peer address, unless the
 * server is configured to sit behind a reverse proxy (OMNI_CLIENT_ADDRESS=x-forwarded-for), where it
 * is the last X-Forwarded-For entry, the one that proxy appended (the earlier ones are the client's
 * own say and could be anything). A request with no socket (hono's app.request in tests) is 'unknown'.
 */
export function clientAddress(c: Context, source: ClientAddressSource): string {
  if (source === 'x-forwarded-for') {
    const nearest = (c.req.header('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean).at(-1);
    if (nearest) return nearest;
  }
  const bindings = c.env as { incoming?: unknown } | undefined;
  return (bindings?.incoming ? getConnInfo(c).remote.address : undefined) ?? 'unknown';
}
