// One ingest at a time per index directory, also between machines sharing the volume: a lock file created
// exclusively, kept fresh by a heartbeat, and taken over once nothing has written it for the staleness timeout.
// No process id is trusted: a pid means nothing on another machine.
import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { IngestLockedError, IngestLockLostError } from '../errors/app-error.js';

export const ingestLockFileName = 'ingest.lock';

export interface LockTiming {
  /** A lock whose file nobody has written for this long is abandoned and may be taken over. */
  staleAfterMilliseconds: number;
  heartbeatMilliseconds: number;
}

export const defaultLockTiming: LockTiming = { staleAfterMilliseconds: 30_000, heartbeatMilliseconds: 2_000 };

interface LockContent {
  token: string;
  host: string;
  pid: number;
  startedAt: string;
  heartbeatAt?: string;
}

interface LockState {
  file: Stats;
  content: LockContent | null;
  silentForMilliseconds: number;
}

// The heartbeat runs in a worker thread, so a long synchronous step of ingest (chunking, building the graph) cannot
// starve it. It writes through the lock's own descriptor: if the lock was taken over, it never touches the new one.
const heartbeatSource = `
const { workerData } = require('node:worker_threads');
const { ftruncateSync, writeSync } = require('node:fs');
setInterval(() => {
  const text = JSON.stringify({ ...workerData.content, heartbeatAt: new Date().toISOString() });
  try { writeSync(workerData.fd, text, 0); ftruncateSync(workerData.fd, Buffer.byteLength(text)); } catch {}
}, workerData.interval);
`;

/** The lock held by this process on one index directory. */
export class IngestLock {
  private released = false;

  private constructor(
    private readonly indexDirectory: string,
    private readonly path: string,
    private readonly descriptor: number,
    private readonly heartbeat: Worker,
  ) {}

  /** Takes the lock, taking over a stale one; throws IngestLockedError while another ingest holds it. */
  static acquire({ indexDirectory, timing = defaultLockTiming }: { indexDirectory: string; timing?: LockTiming }): IngestLock {
    mkdirSync(indexDirectory, { recursive: true });
    const path = join(indexDirectory, ingestLockFileName);
    const content: LockContent = { token: randomBytes(12).toString('hex'), host: hostname(), pid: process.pid, startedAt: new Date().toISOString() };
    for (let attempt = 1; ; attempt++) {
      const descriptor = createExclusively(path);
      if (descriptor !== null) {
        writeSync(descriptor, JSON.stringify(content));
        const heartbeat = new Worker(heartbeatSource, { eval: true, workerData: { fd: descriptor, content, interval: timing.heartbeatMilliseconds } });
        heartbeat.unref();
        return new IngestLock(indexDirectory, path, descriptor, heartbeat);
      }
      const state = readLockState(indexDirectory);
      if (state && (state.silentForMilliseconds < timing.staleAfterMilliseconds || attempt >= 3)) {
        throw new IngestLockedError({ indexDirectory, holder: describeLock(state) });
      }
      if (state) takeOver(path, state.file, content.token);
    }
  }

  /** Whether the lock file on disk is still the one this process created. */
  held(): boolean {
    if (this.released) return false;
    try {
      const onDisk = statSync(this.path);
      const own = fstatSync(this.descriptor);
      return onDisk.ino === own.ino && onDisk.dev === own.dev;
    } catch {
      return false;
    }
  }

  /** Throws IngestLockLostError when another ingest has taken the lock over (checked before publishing). */
  assertHeld(): void {
    if (!this.held()) throw new IngestLockLostError(this.indexDirectory);
  }

  async release(): Promise<void> {
    if (this.released) return;
    // The heartbeat must be gone before the descriptor is closed: a reused descriptor number would be written to.
    await this.heartbeat.terminate();
    if (this.held()) unlinkSync(this.path);
    this.released = true;
    closeSync(this.descriptor);
  }
}

/** Who holds a live (not stale) lock on `indexDirectory`, in words, or null when nobody does. */
export function describeLiveLock({ indexDirectory, timing = defaultLockTiming }: { indexDirectory: string; timing?: LockTiming }): string | null {
  const state = readLockState(indexDirectory);
  return state && state.silentForMilliseconds < timing.staleAfterMilliseconds ? describeLock(state) : null;
}

/** The descriptor of a newly created file, or null when the file already exists. */
function createExclusively(path: string): number | null {
  try {
    return openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}

function readLockState(indexDirectory: string): LockState | null {
  const path = join(indexDirectory, ingestLockFileName);
  let file: Stats;
  try {
    file = statSync(path);
  } catch {
    return null;
  }
  let content: LockContent | null = null;
  try {
    content = JSON.parse(readFileSync(path, 'utf8')) as LockContent;
  } catch {
    content = null; // being rewritten by its heartbeat at this very moment
  }
  return { file, content, silentForMilliseconds: volumeNow(indexDirectory) - file.mtimeMs };
}

function describeLock({ content, silentForMilliseconds }: LockState): string {
  const seconds = Math.max(0, Math.round(silentForMilliseconds / 1000));
  const who = content ? `host ${content.host}, pid ${content.pid}, started at ${content.startedAt}` : 'holder unknown';
  return `${who}, last heartbeat ${seconds} s ago`;
}

/**
 * The volume's own clock: the modification time of a file written now. Lock ages are measured with it, so machines
 * whose clocks disagree still agree on how long a lock has been silent.
 */
function volumeNow(directory: string): number {
  const probe = join(directory, `.clock-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, '');
    return statSync(probe).mtimeMs;
  } catch {
    return Date.now();
  } finally {
    rmSync(probe, { force: true });
  }
}

/** Moves a stale lock aside; if another process replaced it in the meantime, its fresh lock is put back. */
function takeOver(path: string, stale: Stats, token: string): void {
  const aside = `${path}.stale-${token}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // already gone
  }
  const moved = statSync(aside);
  if (moved.ino !== stale.ino || moved.dev !== stale.dev) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process created a lock meanwhile; the one moved aside will notice it lost the lock before publishing
    }
  }
  unlinkSync(aside);
}
