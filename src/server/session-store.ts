// The session store contract: server-issued ids, each session bound to its owner (an API key, or anyone holding the id).
import { randomBytes } from 'node:crypto';
import type { SessionState } from '../question/session-state.js';

/** A stored conversation and who may continue it. */
export interface StoredSession {
  owner: string;
  state: SessionState;
}

/** Where sessions live: SQLite on this machine, or Redis shared by every replica. */
export interface SessionStore {
  /** The live session `id`, or null when unknown or expired. */
  get(id: string): Promise<StoredSession | null>;
  /** Stores `session` under `id` and restarts its time to live. */
  set(id: string, session: StoredSession): Promise<void>;
  /** Deletes expired sessions; returns how many (stores that expire by themselves return 0). */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}

/** The shape of the ids the server issues: 32 URL-safe characters, 192 random bits. */
export const issuedSessionIdPattern = /^[A-Za-z0-9_-]{32}$/;

/** A new random, unguessable session id. */
export function newSessionId(): string {
  return randomBytes(24).toString('base64url');
}
