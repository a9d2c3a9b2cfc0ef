// RATE_LIMIT_PER_MIN requests a minute per API key (per address without keys), for the whole server: 429 with Retry-After.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';
import { clientAddress } from '../client-address.js';
import type { RateLimiter } from '../rate-limiter.js';

export function rateLimit({ limiter, perMinute }: { limiter: RateLimiter; perMinute: number }): MiddlewareHandler {
  return async function limit(context, next) {
    if (context.req.method === 'OPTIONS') return next();
    const client = (context.get('client' as never) as string | undefined) ?? `ip:${clientAddress(context)}`;
    const decision = await limiter.take({ key: `${client}:requests`, limit: perMinute, cost: 1 });
    if (!decision.allowed) {
      throw new AppError({
        code: 'rate_limited',
        message: `Too many requests: the limit is ${perMinute} a minute. Retry in ${decision.retryAfterSeconds} s.`,
        details: { retryAfterSeconds: decision.retryAfterSeconds },
      });
    }
    await next();
  };
}
