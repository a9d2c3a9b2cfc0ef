// /metrics, /docs and /openapi.json: OPS_TOKEN when set, else any API key when API_KEYS is set, else open (loopback).
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';
import { bearerToken, secretMatcher } from '../match-secret.js';

export const opsPaths = ['/metrics', '/docs', '/openapi.json'];

/** Null when the operations endpoints are open (no OPS_TOKEN and no API keys). */
export function opsAuth({ opsToken, apiKeys }: { opsToken?: string; apiKeys: string[] }): MiddlewareHandler | null {
  const accepted = opsToken ? [opsToken] : apiKeys;
  if (accepted.length === 0) return null;
  const match = secretMatcher(accepted);
  const what = opsToken ? 'the OPS_TOKEN' : 'an API key';
  return async function requireOps(context, next) {
    const token = bearerToken(context.req.header('authorization'));
    if (!token) throw new AppError({ code: 'unauthorized', message: `Send ${what} as Authorization: Bearer <token>.` });
    if (match(token) === null) throw new AppError({ code: 'forbidden', message: `The token is not valid: ${opsToken ? 'OPS_TOKEN' : 'an API key'} is required.` });
    await next();
  };
}
