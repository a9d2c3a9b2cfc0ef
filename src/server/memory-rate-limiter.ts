// Token buckets in this process's memory: exact for one process (the cluster's primary holds them for its workers).
import type { RateDecision, RateLimiter, RateRequest } from './rate-limiter.js';

interface Bucket {
  tokens: number;
  updated: number;
}

const maxBuckets = 100_000;

export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Synchronous form of `take`, for the cluster's primary. */
  takeNow({ key, limit, cost }: RateRequest): RateDecision {
    const time = this.now();
    const refillPerMillisecond = limit / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: limit, updated: time };
    bucket.tokens = Math.min(limit, bucket.tokens + (time - bucket.updated) * refillPerMillisecond);
    bucket.updated = time;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens < 1) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMillisecond / 1000)) };
    bucket.tokens -= cost;
    return { allowed: true, retryAfterSeconds: 0 };
  }

  async take(request: RateRequest): Promise<RateDecision> {
    return this.takeNow(request);
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}
