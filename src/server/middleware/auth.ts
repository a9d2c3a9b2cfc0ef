// Bearer API keys for the answer endpoints: 401 without a key, 403 with a wrong one.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';

export function apiKeyAuth(keys: string[]): MiddlewareHandler {
  const accepted = new Set(keys);
  return async function authenticate(context, next) {
    if (accepted.size === 0 || context.req.method === 'OPTIONS') return next();
    const token = /^Bearer\s+(.+)$/i.exec(context.req.header('authorization') ?? '')?.[1]?.trim();
    if (!token) throw new AppError({ code: 'unauthorized', message: 'Send an API key as Authorization: Bearer <key>.' });
    if (!accepted.has(token)) throw new AppError({ code: 'forbidden', message: 'The API key is not valid.' });
    context.set('clientKey' as never, token as never);
    await next();
  };
}
