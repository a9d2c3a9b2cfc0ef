// Where sessions and rate limits live: Redis with REDIS_URL (every replica shares them), else SQLite and memory.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { PrimaryChannel } from './cluster-messages.js';
import { ClusterRateLimiter } from './cluster-rate-limiter.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';
import type { SessionStore } from './session-store.js';
import { SqliteSessionStore } from './sqlite-session-store.js';

export interface SharedState {
  sessions: SessionStore;
  limiter: RateLimiter;
  /** Where they live, for the start-up log. */
  backend: 'redis' | 'sqlite+memory' | 'sqlite+primary';
  close(): Promise<void>;
}

/**
 * Under node:cluster without Redis, the workers share the SQLite file and ask the primary (`channel`) for rate
 * decisions, so limits count for the whole server.
 */
export async function createSharedState({ config, logger, channel = null }: { config: Pick<Config, 'REDIS_URL' | 'SESSION_DB' | 'SESSION_TTL_HOURS'>; logger: Logger; channel?: PrimaryChannel | null }): Promise<SharedState> {
  const ttlMilliseconds = config.SESSION_TTL_HOURS * 3600_000;
  if (config.REDIS_URL) {
    // Loaded only when configured (the client library adds start-up time otherwise).
    const [{ connectRedis }, { RedisSessionStore }, { RedisRateLimiter }] = await Promise.all([import('./redis-client.js'), import('./redis-session-store.js'), import('./redis-rate-limiter.js')]);
    const client = await connectRedis({ url: config.REDIS_URL, logger });
    return {
      sessions: new RedisSessionStore({ client, ttlMilliseconds }),
      limiter: new RedisRateLimiter({ client }),
      backend: 'redis',
      async close() {
        await client.quit().catch(() => client.disconnect());
      },
    };
  }
  const sessions = new SqliteSessionStore({ path: config.SESSION_DB, ttlMilliseconds });
  const limiter = channel ? new ClusterRateLimiter(channel) : new MemoryRateLimiter();
  return {
    sessions,
    limiter,
    backend: channel ? 'sqlite+primary' : 'sqlite+memory',
    async close() {
      await sessions.close();
      await limiter.close();
    },
  };
}
