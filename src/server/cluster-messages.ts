// Requests from a cluster worker to the primary over the IPC channel, batched per event-loop turn, matched by id.
import { AppError, type AppErrorCode } from '../errors/app-error.js';
import type { RateDecision, RateRequest } from './rate-limiter.js';
import type { ReindexStatus } from './reindexer.js';

/** What a worker can ask the primary. */
export type PrimaryRequest = { kind: 'rate'; request: RateRequest } | { kind: 'metrics' } | { kind: 'reindex' };

export interface Reply {
  id: number;
  result?: RateDecision | string | ReindexStatus;
  error?: string;
  /** Set when the error is an AppError: the worker raises the same one, so it maps to the same status. */
  code?: AppErrorCode;
}

/** Primary → every worker: the state of the server's one re-index, whenever it changes. */
export interface ReindexBroadcast {
  kbqa: 'reindex-status';
  status: ReindexStatus;
}

/** Worker → primary: every request made during one turn of the worker's event loop. */
export interface RequestBatch {
  kbqa: 'requests';
  requests: Array<{ id: number; body: PrimaryRequest }>;
}

/** Primary → worker. */
export interface ReplyBatch {
  kbqa: 'replies';
  replies: Reply[];
}

const timeoutMilliseconds = 5000;

/**
 * A worker's channel to the primary. Requests made while the worker handles one batch of I/O (say, the rate-limit
 * checks of twenty requests that arrived together) travel as one message each way.
 */
export class PrimaryChannel {
  private nextId = 1;
  private queued: RequestBatch['requests'] = [];
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly process: NodeJS.Process = globalThis.process) {
    if (!process.send) throw new Error('PrimaryChannel needs a process started by node:cluster');
    process.on('message', (message: ReplyBatch) => {
      if (message?.kbqa !== 'replies') return;
      for (const reply of message.replies) this.settle(reply);
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    clearTimeout(waiting.timer);
    if (reply.error !== undefined) waiting.reject(reply.code ? new AppError({ code: reply.code, message: reply.error }) : new Error(reply.error));
    else waiting.resolve(reply.result);
  }

  /** Sends `body` to the primary and waits for its reply. */
  ask<T>(body: PrimaryRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.settle({ id, error: `the cluster primary did not answer a ${body.kind} request within ${timeoutMilliseconds} ms` }), timeoutMilliseconds);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.queued.push({ id, body });
      if (this.queued.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const requests = this.queued;
    this.queued = [];
    this.process.send!({ kbqa: 'requests', requests } satisfies RequestBatch);
  }
}
