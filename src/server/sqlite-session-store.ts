// Sessions in an embedded SQLite file, with a time to live; worker processes of one server share the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionStore, StoredSession } from './session-store.js';

interface Row {
  owner: string;
  state: string;
  updatedAt: number;
}

/**
 * Every write goes straight to the file (WAL, so it is cheap), because another worker process may serve the
 * next turn of the same conversation.
 */
export class SqliteSessionStore implements SessionStore {
  private readonly database: Database.Database;
  private readonly select: Database.Statement<[string]>;
  private readonly upsert: Database.Statement<[string, string, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly sweep: Database.Statement<[number]>;
  private readonly ttlMilliseconds: number;
  private readonly now: () => number;

  constructor({ path, ttlMilliseconds, now = Date.now }: { path: string; ttlMilliseconds: number; now?: () => number }) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.database = new Database(path);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('synchronous = NORMAL');
    this.database.pragma('busy_timeout = 5000');
    // The table before session ownership held client-chosen ids that nobody owns: they cannot be continued.
    this.database.exec('DROP TABLE IF EXISTS sessions');
    this.database.exec('CREATE TABLE IF NOT EXISTS chat_sessions (id TEXT PRIMARY KEY, owner TEXT NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    this.select = this.database.prepare('SELECT owner, state, updated_at AS updatedAt FROM chat_sessions WHERE id = ?');
    this.upsert = this.database.prepare(
      'INSERT INTO chat_sessions (id, owner, state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET owner = excluded.owner, state = excluded.state, updated_at = excluded.updated_at',
    );
    this.remove = this.database.prepare('DELETE FROM chat_sessions WHERE id = ?');
    this.sweep = this.database.prepare('DELETE FROM chat_sessions WHERE updated_at < ?');
    this.ttlMilliseconds = ttlMilliseconds;
    this.now = now;
  }

  async get(id: string): Promise<StoredSession | null> {
    const row = this.select.get(id) as Row | undefined;
    if (!row) return null;
    if (this.now() - row.updatedAt > this.ttlMilliseconds) {
      this.remove.run(id);
      return null;
    }
    return { owner: row.owner, state: JSON.parse(row.state) };
  }

  async set(id: string, session: StoredSession): Promise<void> {
    this.upsert.run(id, session.owner, JSON.stringify(session.state), this.now());
  }

  /** How many sessions are stored (expired ones included until purged). */
  count(): number {
    return (this.database.prepare('SELECT COUNT(*) AS count FROM chat_sessions').get() as { count: number }).count;
  }

  async purgeExpired(): Promise<number> {
    return this.sweep.run(this.now() - this.ttlMilliseconds).changes;
  }

  async close(): Promise<void> {
    if (this.database.open) this.database.close();
  }
}
