// One serving process (the whole server, or one cluster worker): index, shared state, app, listening socket, drain.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import { adminTokens, bindAddress, llmSettings, type Config } from '../config.js';
import { AppError } from '../errors/app-error.js';
import type { PrimaryChannel } from './cluster-messages.js';
import { createApp } from './create-app.js';
import { drainable, type DrainOutcome } from './drain-server.js';
import { IndexHolder } from './index-holder.js';
import { createMetrics, setIndexVersion } from './metrics.js';
import { openOperatorServices } from './open-operator-services.js';
import { ClusterReindexer } from './cluster-reindexer.js';
import { Reindexer } from './reindexer.js';
import { createSharedState } from './shared-state.js';

export interface RunningServer {
  host: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (up to DRAIN_TIMEOUT_MS), then releases the stores. */
  stop(): Promise<DrainOutcome>;
}

const purgeEveryMilliseconds = 10 * 60_000;

/** Starts serving; `channel` is the link to the cluster's primary when this process is a worker. */
export async function startServer({ config, logger, channel = null }: { config: Config; logger: Logger; channel?: PrimaryChannel | null }): Promise<RunningServer> {
  const embedderSettings = { baseUrl: config.EMBEDDINGS_BASE_URL, apiKey: config.EMBEDDINGS_API_KEY, model: config.EMBEDDINGS_MODEL };
  const metrics = createMetrics();
  if (channel) {
    // The primary gathers every worker's registry, so /metrics on any worker shows the whole server.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries(metrics.registry);
  }
  const indexes = new IndexHolder({ indexDirectory: config.INDEX_DIR, embedderSettings, logger, onSwitch: (index) => setIndexVersion(metrics, index.version) });
  indexes.refresh();
  if (!indexes.current) throw new AppError({ code: 'index_not_found', message: `No loadable index at ${config.INDEX_DIR}: ${indexes.lastError ?? 'none published'}. Run \`npm run ingest\`.` });
  indexes.watch(1000);
  const shared = await createSharedState({ config, logger, channel });
  const purge = setInterval(() => void shared.sessions.purgeExpired().catch((error: Error) => logger.warn({ error: error.message }, 'session purge failed')), purgeEveryMilliseconds);
  purge.unref();
  // One runner of ingest children for the console's corpus changes (guarded across processes by the ingest lock);
  // under node:cluster, POST /admin/reindex is the primary's one run, which a worker forwards and mirrors.
  const tokens = adminTokens(config);
  const onFinished = () => indexes.refresh();
  const localReindexer = new Reindexer({ corpusDirectory: config.CORPUS_DIR, indexDirectory: config.INDEX_DIR, logger, onFinished });
  const reindexer = channel && Object.keys(tokens).length > 0 ? new ClusterReindexer(channel, { onFinished }) : localReindexer;
  const operator = await openOperatorServices({ config, reindexer: localReindexer, indexes, logger }).catch((error: Error) => {
    throw new AppError({ code: 'invalid_config', message: `The operator store (OPERATOR_DB or DATABASE_URL) cannot be opened: ${error.message}` });
  });

  const llmConfiguration = llmSettings(config);
  let llm = null;
  if (llmConfiguration) {
    // Loaded only when configured: the model client is a large part of the start-up time otherwise.
    const { createChatModel, createLlmAnswerer } = await import('../answer/llm/llm-answerer.js');
    llm = createLlmAnswerer({ model: createChatModel(llmConfiguration), settings: llmConfiguration, onOutcome: (outcome) => metrics.llmCalls.inc({ outcome }) });
  }
  if (llmConfiguration) logger.info({ baseUrl: llmConfiguration.baseUrl, model: llmConfiguration.model }, 'LLM answers on, verified against the rule layer');

  const lifecycle = { draining: false };
  const app = createApp({
    llm,
    indexes,
    sessions: shared.sessions,
    limiter: shared.limiter,
    logger,
    metrics,
    metricsText: channel ? () => channel.ask<string>({ kind: 'metrics' }) : undefined,
    lifecycle,
    reindexer,
    operator: operator.services,
    settings: {
      apiKeys: config.API_KEYS,
      adminTokens: tokens,
      opsToken: config.OPS_TOKEN,
      corsOrigins: config.CORS_ORIGINS,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MIN,
      authFailuresPerMinute: config.AUTH_FAILURES_PER_MIN,
      requestTimeoutMilliseconds: config.REQUEST_TIMEOUT_MS,
      logQuestions: config.LOG_QUESTIONS,
      answerCacheSize: config.ANSWER_CACHE_SIZE,
    },
  });
  const { host, open } = bindAddress(config);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: config.PORT, hostname: host }, () => resolve(listening as Server)) as Server;
    listening.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const drainer = drainable({ server, lifecycle, timeoutMilliseconds: config.DRAIN_TIMEOUT_MS });
  logger.info(
    { host, port, index: indexes.current.version, open, state: shared.backend, startupMilliseconds: Math.round(performance.now()) },
    open ? 'listening on loopback only, without API keys (set API_KEYS to expose the service)' : 'listening; API keys required',
  );
  return {
    host,
    port,
    async stop() {
      // A re-index in progress is stopped (it publishes nothing) while requests drain, never left running after us.
      const [outcome] = await Promise.all([drainer.drain(), localReindexer.stop()]);
      await operator.close();
      indexes.stop();
      clearInterval(purge);
      await shared.close();
      return outcome;
    },
  };
}
