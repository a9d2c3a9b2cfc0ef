// A cluster worker's handle on the server's one re-index, which the primary runs: any worker starts it, every worker
// reports the same state.
import type { PrimaryChannel, ReindexBroadcast } from './cluster-messages.js';
import type { ReindexControl, ReindexStatus } from './reindexer.js';

export class ClusterReindexer implements ReindexControl {
  status: ReindexStatus = { state: 'idle', startedAt: null, finishedAt: null, summary: null, error: null };

  constructor(
    private readonly channel: PrimaryChannel,
    { onFinished, process = globalThis.process }: { onFinished?: () => void; process?: NodeJS.Process } = {},
  ) {
    process.on('message', (message: ReindexBroadcast) => {
      if (message?.kbqa !== 'reindex-status') return;
      const finished = this.status.state === 'running' && message.status.state !== 'running';
      this.status = message.status;
      if (finished) onFinished?.();
    });
  }

  /** Asks the primary to start; it throws the primary's error (409 while an ingest is going). */
  async start(): Promise<ReindexStatus> {
    this.status = await this.channel.ask<ReindexStatus>({ kind: 'reindex' });
    return this.status;
  }

  async stop(): Promise<void> {
    // the primary stops its child
  }
}
