// A cluster worker's rate limiter: the primary holds the buckets, so a limit counts for the whole server.
import type { PrimaryChannel } from './cluster-messages.js';
import type { RateDecision, RateLimiter, RateRequest } from './rate-limiter.js';

export class ClusterRateLimiter implements RateLimiter {
  constructor(private readonly channel: PrimaryChannel) {}

  take(request: RateRequest): Promise<RateDecision> {
    return this.channel.ask<RateDecision>({ kind: 'rate', request });
  }

  async close(): Promise<void> {
    // the channel closes with the process
  }
}
