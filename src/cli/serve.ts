// `npm start` (node dist/cli/serve.js): serves the chat API, with WORKERS processes; builds the index first when there is none.
import cluster from 'node:cluster';
import { pino } from 'pino';
import { adminTokens, InvalidConfigError, loadConfig, type Config } from '../config.js';
import { AppError } from '../errors/app-error.js';
import { readCurrentVersion } from '../index/index-store.js';
import { PrimaryChannel } from '../server/cluster-messages.js';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`${error instanceof InvalidConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = pino({ level: config.LOG_LEVEL, base: cluster.isWorker ? { pid: process.pid, worker: cluster.worker?.id } : { pid: process.pid } });
const describe = (error: unknown) => (error instanceof AppError ? error.message : ((error as Error).stack ?? String(error)));

/** Runs `stop` on the first SIGTERM or SIGINT (later ones are ignored while it runs), then exits. */
function onSignals(stop: (signal: string) => Promise<number>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stop(signal).then((code) => process.exit(code), (error) => {
      logger.error({ error: describe(error) }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', () => handle('SIGTERM'));
  process.on('SIGINT', () => handle('SIGINT'));
}

async function serveHere(channel: PrimaryChannel | null): Promise<void> {
  // Imported here, not above: a cluster's primary never serves, and skips loading the server's modules.
  const { startServer } = await import('../server/start-server.js');
  const running = await startServer({ config, logger, channel }).catch((error) => {
    logger.fatal({ error: describe(error) }, 'could not start');
    process.exit(1);
  });
  const stop = async (signal: string) => {
    logger.info({ signal, drainTimeoutMilliseconds: config.DRAIN_TIMEOUT_MS }, 'draining: no new connections, finishing requests in flight');
    const outcome = await running.stop();
    logger.info(outcome, outcome.timedOut ? 'drain timed out; remaining connections closed' : 'drained; exiting');
    return 0;
  };
  onSignals(stop);
  // A worker whose primary is gone stops too.
  if (channel) process.on('disconnect', () => process.emit('SIGTERM'));
}

if (cluster.isWorker) {
  await serveHere(new PrimaryChannel());
} else {
  const embedderSettings = { baseUrl: config.EMBEDDINGS_BASE_URL, apiKey: config.EMBEDDINGS_API_KEY, model: config.EMBEDDINGS_MODEL };
  try {
    // On a first start the index is built once, here, before any worker exists.
    if (!readCurrentVersion(config.INDEX_DIR)) await (await import('../server/ensure-index.js')).ensureIndex({ corpusDirectory: config.CORPUS_DIR, indexDirectory: config.INDEX_DIR, embedderSettings, logger });
  } catch (error) {
    logger.fatal({ error: describe(error) }, 'could not build the index');
    process.exit(1);
  }
  if (config.WORKERS === 1) await serveHere(null);
  else {
    logger.info({ workers: config.WORKERS }, 'starting workers');
    const { runClusterPrimary } = await import('../server/cluster-primary.js');
    const primary = runClusterPrimary({
      workers: config.WORKERS,
      drainTimeoutMilliseconds: config.DRAIN_TIMEOUT_MS,
      reindex: Object.keys(adminTokens(config)).length > 0 ? { corpusDirectory: config.CORPUS_DIR, indexDirectory: config.INDEX_DIR } : null,
      logger,
      onFatal(reason) {
        logger.fatal({ reason }, 'workers cannot start');
        void primary.stop().then(() => process.exit(1));
      },
    });
    onSignals(async (signal) => {
      logger.info({ signal }, 'stopping workers');
      await primary.stop();
      logger.info('all workers stopped; exiting');
      return 0;
    });
  }
}
