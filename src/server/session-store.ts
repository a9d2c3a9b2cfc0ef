// Multi-turn session state in an embedded SQLite database, with a time-to-live.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SessionState } from '../question/session-state.js';

/** A client may name its session with 8–128 URL-safe characters; otherwise the server makes one up. */
export const sessionIdPattern = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Sessions in SQLite. Writes are buffered and flushed in one transaction every `flushMilliseconds`
 * (reads see the buffer first), so a busy server does not pay one disk write per answer.
 */
export class SessionStore {
  private readonly database: Database.Database;
  private readonly pending = new Map<string, { state: string; updatedAt: number }>();
  private readonly flushAll: () => void;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly select: Database.Statement<[string]>;
  private readonly upsert: Database.Statement<[string, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly sweep: Database.Statement<[number]>;

  constructor(
    path: string,
    private readonly ttlMilliseconds: number,
    private readonly now: () => number = Date.now,
    private readonly flushMilliseconds = 50,
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.database = new Database(path);
    this.database.pragma('journal_mode = WAL');
    this.database.exec('CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    this.select = this.database.prepare('SELECT state, updated_at AS updatedAt FROM sessions WHERE id = ?');
    this.upsert = this.database.prepare('INSERT INTO sessions (id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
    this.remove = this.database.prepare('DELETE FROM sessions WHERE id = ?');
    this.sweep = this.database.prepare('DELETE FROM sessions WHERE updated_at < ?');
    this.flushAll = this.database.transaction(() => {
      for (const [id, row] of this.pending) this.upsert.run(id, row.state, row.updatedAt);
      this.pending.clear();
    });
  }

  /** A new random, unguessable session id. */
  static newId(): string {
    return randomBytes(18).toString('base64url');
  }

  /** The state of a live session, or null when unknown or expired. */
  get(id: string): SessionState | null {
    const row = this.pending.get(id) ?? (this.select.get(id) as { state: string; updatedAt: number } | undefined);
    if (!row) return null;
    if (this.now() - row.updatedAt > this.ttlMilliseconds) {
      this.pending.delete(id);
      this.remove.run(id);
      return null;
    }
    return JSON.parse(row.state) as SessionState;
  }

  put(id: string, state: SessionState): void {
    this.pending.set(id, { state: JSON.stringify(state), updatedAt: this.now() });
    if (this.pending.size >= 1000) this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), this.flushMilliseconds);
      this.flushTimer.unref();
    }
  }

  /** Writes buffered sessions to disk now. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.size > 0) this.flushAll();
  }

  /** Deletes expired sessions; returns how many. */
  purgeExpired(): number {
    this.flush();
    return this.sweep.run(this.now() - this.ttlMilliseconds).changes;
  }

  close(): void {
    this.flush();
    this.database.close();
  }
}
