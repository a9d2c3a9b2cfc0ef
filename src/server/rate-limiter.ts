// The rate limiter contract: token buckets by key, held in this process, the cluster's primary, or Redis.

export interface RateRequest {
  /** The bucket: a client (`key:<hash>`, `ip:<address>`) and what is counted (`requests`, `auth-failures`). */
  key: string;
  /** Bucket size, refilled at `limit` tokens a minute. */
  limit: number;
  /** Tokens to take; 0 only asks whether one is left. */
  cost: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until a token is back (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(request: RateRequest): Promise<RateDecision>;
  close(): Promise<void>;
}
