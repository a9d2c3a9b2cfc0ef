// Token buckets in Redis: one atomic script per decision, timed by the Redis clock, so every replica counts together.
import type { RedisClient } from './redis-client.js';
import type { RateDecision, RateLimiter, RateRequest } from './rate-limiter.js';

// KEYS[1] bucket; ARGV limit, cost. Returns {allowed, retry-after milliseconds}.
const takeScript = `
local limit = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local rate = limit / 60000
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(bucket[1]) or limit
local updated = tonumber(bucket[2]) or now
tokens = math.min(limit, tokens + math.max(0, now - updated) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  allowed = 1
  tokens = tokens - cost
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(limit / rate) + 1000)
return {allowed, wait}
`;

interface WithTakeCommand {
  kbqaTakeToken(key: string, limit: number, cost: number): Promise<[number, number]>;
}

export class RedisRateLimiter implements RateLimiter {
  private readonly client: RedisClient & WithTakeCommand;

  constructor(private readonly options: { client: RedisClient; prefix?: string }) {
    // A defined command runs by its SHA (EVALSHA), sending the script only when Redis does not have it yet.
    options.client.defineCommand('kbqaTakeToken', { numberOfKeys: 1, lua: takeScript });
    this.client = options.client as RedisClient & WithTakeCommand;
  }

  async take({ key, limit, cost }: RateRequest): Promise<RateDecision> {
    const [allowed, waitMilliseconds] = await this.client.kbqaTakeToken(`${this.options.prefix ?? 'kbqa:'}rate:${key}`, limit, cost);
    return allowed === 1 ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMilliseconds / 1000)) };
  }

  async close(): Promise<void> {
    // the client is closed by its owner
  }
}
