// Sessions in Redis, shared by every replica; Redis expires them.
import type { RedisClient } from './redis-client.js';
import type { SessionStore, StoredSession } from './session-store.js';

export class RedisSessionStore implements SessionStore {
  constructor(private readonly options: { client: RedisClient; ttlMilliseconds: number; prefix?: string }) {}

  private key(id: string): string {
    return `${this.options.prefix ?? 'kbqa:'}session:${id}`;
  }

  async get(id: string): Promise<StoredSession | null> {
    const text = await this.options.client.get(this.key(id));
    return text ? (JSON.parse(text) as StoredSession) : null;
  }

  async set(id: string, session: StoredSession): Promise<void> {
    await this.options.client.set(this.key(id), JSON.stringify(session), 'PX', this.options.ttlMilliseconds);
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    // the client is closed by its owner
  }
}
