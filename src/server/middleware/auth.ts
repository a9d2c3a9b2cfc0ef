// Bearer API keys for the answer endpoints: 401 without a key, 403 with a wrong one, compared in constant time.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';
import { bearerToken, secretMatcher, secretName } from '../match-secret.js';

/** Who owns sessions when the server runs without API keys: whoever holds the unguessable id. */
export const anonymousOwner = 'anonymous';

/**
 * Sets `client` (the key's hashed name, used for rate limits and session ownership) on success. Without keys the
 * endpoints are open and `client` stays unset.
 */
export function apiKeyAuth(keys: string[]): MiddlewareHandler {
  const match = secretMatcher(keys);
  const names = new Map(keys.map((key) => [key, secretName(key)]));
  return async function authenticate(context, next) {
    if (keys.length === 0 || context.req.method === 'OPTIONS') return next();
    const token = bearerToken(context.req.header('authorization'));
    if (!token) throw new AppError({ code: 'unauthorized', message: 'Send an API key as Authorization: Bearer <key>.' });
    const key = match(token);
    if (key === null) throw new AppError({ code: 'forbidden', message: 'The API key is not valid.' });
    context.set('client' as never, names.get(key) as never);
    await next();
  };
}

/** The owner of the sessions a request creates or continues: its API key's name, or anonymous. */
export function sessionOwner(context: { get(key: never): unknown }): string {
  return (context.get('client' as never) as string | undefined) ?? anonymousOwner;
}
