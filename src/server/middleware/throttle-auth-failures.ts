// Failed authentications are counted per client address; past the limit every attempt gets 429 with Retry-After.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors/app-error.js';
import { clientAddress } from '../client-address.js';
import type { RateLimiter } from '../rate-limiter.js';

/**
 * Wraps routes that require a credential. A blocked address is refused before its credential is even looked at,
 * so guessing cannot go on at full speed with only the wrong guesses slowed down.
 */
export function throttleAuthFailures({ limiter, perMinute }: { limiter: RateLimiter; perMinute: number }): MiddlewareHandler {
  return async function throttle(context, next) {
    if (context.req.method === 'OPTIONS') return next();
    const key = `ip:${clientAddress(context)}:auth-failures`;
    const standing = await limiter.take({ key, limit: perMinute, cost: 0 });
    if (!standing.allowed) {
      throw new AppError({
        code: 'rate_limited',
        message: `Too many failed authentications from this address: the limit is ${perMinute} a minute. Retry in ${standing.retryAfterSeconds} s.`,
        details: { retryAfterSeconds: standing.retryAfterSeconds },
      });
    }
    await next();
    if (context.res.status === 401 || context.res.status === 403) await limiter.take({ key, limit: perMinute, cost: 1 });
  };
}
