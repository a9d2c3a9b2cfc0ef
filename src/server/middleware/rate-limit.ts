// A per-key (or per-address) token bucket: RATE_LIMIT_PER_MIN requests a minute, 429 with Retry-After.
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../../errors/app-error.js';

interface Bucket {
  tokens: number;
  updated: number;
}

export function rateLimit({ perMinute, now = Date.now }: { perMinute: number; now?: () => number }): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  const refillPerMillisecond = perMinute / 60_000;
  return async function limit(context, next) {
    if (context.req.method === 'OPTIONS') return next();
    let client = (context.get('clientKey' as never) as string | undefined) ?? '';
    if (!client) {
      try {
        client = `ip:${getConnInfo(context).remote.address ?? 'unknown'}`;
      } catch {
        client = 'ip:unknown';
      }
    }
    const time = now();
    const bucket = buckets.get(client) ?? { tokens: perMinute, updated: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * refillPerMillisecond);
    bucket.updated = time;
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMillisecond / 1000);
      buckets.set(client, bucket);
      context.header('Retry-After', String(retryAfter));
      throw new AppError({ code: 'rate_limited', message: `Too many requests: the limit is ${perMinute} a minute. Retry in ${retryAfter} s.`, details: { retryAfterSeconds: retryAfter } });
    }
    bucket.tokens -= 1;
    buckets.set(client, bucket);
    if (buckets.size > 100_000) for (const [key, value] of buckets) if (time - value.updated > 120_000) buckets.delete(key);
    await next();
  };
}
