// The address of the client on the other end of the connection.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The peer address (`unknown` when the request did not come over a socket, as with app.request in tests). */
export function clientAddress(context: Context): string {
  try {
    return getConnInfo(context).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
