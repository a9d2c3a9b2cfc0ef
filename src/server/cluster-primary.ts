// The node:cluster primary: forks WORKERS workers, holds the rate-limit buckets, gathers metrics, runs the re-index,
// stops them on a signal.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import { AppError } from '../errors/app-error.js';
import type { ReindexBroadcast, Reply, ReplyBatch, RequestBatch } from './cluster-messages.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { Reindexer } from './reindexer.js';

const maxFailedStarts = 3;

export interface ClusterPrimary {
  /** Asks every worker to drain and resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * A worker that dies is replaced (after a pause that grows while they keep dying); workers that fail to start
 * `maxFailedStarts` times in a row stop the server, since the problem is not going away by itself.
 */
export function runClusterPrimary({
  workers,
  drainTimeoutMilliseconds,
  reindex = null,
  logger,
  onFatal,
}: {
  workers: number;
  drainTimeoutMilliseconds: number;
  /** Where the re-index reads and writes, when ADMIN_TOKEN enables it. */
  reindex?: { corpusDirectory: string; indexDirectory: string } | null;
  logger: Logger;
  onFatal: (reason: string) => void;
}): ClusterPrimary {
  const limiter = new MemoryRateLimiter();
  const aggregator = new AggregatorRegistry();
  const announce = (worker: Worker | undefined) => {
    if (reindexer && worker?.isConnected()) worker.send({ kbqa: 'reindex-status', status: reindexer.status } satisfies ReindexBroadcast);
  };
  const reindexer = reindex ? new Reindexer({ ...reindex, logger, onFinished: () => Object.values(cluster.workers ?? {}).forEach(announce) }) : null;
  const listening = new Set<number>();
  let stopping = false;
  let failedStarts = 0;
  let pause = 500;
  let markStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));

  cluster.on('message', function answerWorker(worker: Worker, message: RequestBatch) {
    if (message?.kbqa !== 'requests') return;
    const send = (replies: Reply[]) => {
      if (replies.length > 0 && worker.isConnected()) worker.send({ kbqa: 'replies', replies } satisfies ReplyBatch);
    };
    const decided: Reply[] = [];
    for (const { id, body } of message.requests) {
      if (body.kind === 'rate') decided.push({ id, result: limiter.takeNow(body.request) });
      else if (body.kind === 'reindex') decided.push(startReindex(id));
      else aggregator.clusterMetrics().then((text) => send([{ id, result: text }]), (error: Error) => send([{ id, error: error.message }]));
    }
    send(decided);
  });
  function startReindex(id: number): Reply {
    try {
      if (!reindexer) throw new AppError({ code: 'not_found', message: 'Admin endpoints are disabled: set ADMIN_TOKEN to enable them.' });
      const status = reindexer.start();
      Object.values(cluster.workers ?? {}).forEach(announce);
      return { id, result: status };
    } catch (error) {
      return { id, error: (error as Error).message, code: error instanceof AppError ? error.code : undefined };
    }
  }
  cluster.on('listening', (worker) => {
    announce(worker);
    listening.add(worker.id);
    failedStarts = 0;
    pause = 500;
    if (listening.size === workers) logger.info({ workers, startupMilliseconds: Math.round(performance.now()) }, 'all workers listening');
  });
  cluster.on('exit', (worker, code, signal) => {
    const started = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) markStopped();
      return;
    }
    if (!started && ++failedStarts >= maxFailedStarts) {
      onFatal(`${failedStarts} workers in a row exited before listening (last: code ${code}, signal ${signal}); see the worker logs above`);
      return;
    }
    logger.error({ worker: worker.id, code, signal, restartInMilliseconds: pause }, 'worker exited; starting another');
    setTimeout(() => stopping || cluster.fork(), pause).unref();
    pause = Math.min(pause * 2, 30_000);
  });
  for (let count = 0; count < workers; count++) cluster.fork();

  return {
    stop() {
      if (!stopping) {
        stopping = true;
        const running = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
        if (running.length === 0) markStopped();
        for (const worker of running) worker.process.kill('SIGTERM');
        // A worker stuck past its own drain timeout is killed.
        setTimeout(() => {
          for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        }, drainTimeoutMilliseconds + 5000).unref();
      }
      // A re-index in progress is stopped too (it publishes nothing), never left running after the server.
      return Promise.all([stopped, reindexer?.stop()]).then(() => undefined);
    },
  };
}
