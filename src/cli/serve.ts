// `npm start`: serves the chat API; builds the index first when there is none.
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createChatModel, createLlmAnswerer } from '../answer/llm/llm-answerer.js';
import { adminTokens, bindAddress, InvalidConfigError, llmSettings, loadConfig } from '../config.js';
import { AppError, IngestLockedError } from '../errors/app-error.js';
import { readCurrentVersion } from '../index/index-store.js';
import { describeLiveLock } from '../index/ingest-lock.js';
import { ingestCorpus } from '../index/ingest-corpus.js';
import { createApp } from '../server/create-app.js';
import { IndexHolder } from '../server/index-holder.js';
import { createMetrics, setIndexVersion } from '../server/metrics.js';
import { Reindexer } from '../server/reindexer.js';
import { SessionStore } from '../server/session-store.js';
import { openOperatorServices } from '../server/open-operator-services.js';

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  process.stderr.write(`${error instanceof InvalidConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
const logger = pino({ level: config.LOG_LEVEL });
const embedderSettings = { baseUrl: config.EMBEDDINGS_BASE_URL, apiKey: config.EMBEDDINGS_API_KEY, model: config.EMBEDDINGS_MODEL };

if (!readCurrentVersion(config.INDEX_DIR)) {
  logger.info({ corpus: config.CORPUS_DIR, index: config.INDEX_DIR }, 'no index yet: building one from the corpus');
  try {
    let lastPhase = '';
    const summary = await ingestCorpus({
      corpusDirectory: config.CORPUS_DIR,
      indexDirectory: config.INDEX_DIR,
      embedderSettings,
      onProgress({ phase, done, total }) {
        if (phase !== lastPhase || done === total) logger.info({ phase, done, total }, 'ingest progress');
        lastPhase = phase;
      },
    });
    logger.info({ version: summary.version, documents: summary.documents, chunks: summary.chunks, skipped: summary.files.skipped, seconds: summary.seconds }, 'index built');
  } catch (error) {
    // Another replica sharing the volume is building it: serve what it publishes.
    if (error instanceof IngestLockedError) await waitForCurrent(config.INDEX_DIR, error.message);
    else {
      logger.fatal({ error: error instanceof AppError ? error.message : (error as Error).stack }, 'could not build the index');
      process.exit(1);
    }
  }
}

async function waitForCurrent(indexDirectory: string, reason: string): Promise<void> {
  logger.info({ reason }, 'waiting for the index another process is building');
  while (!readCurrentVersion(indexDirectory)) {
    if (!describeLiveLock({ indexDirectory })) {
      logger.fatal({ index: indexDirectory }, 'the other ingest ended without publishing an index');
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const metrics = createMetrics();
const indexes = new IndexHolder({ indexDirectory: config.INDEX_DIR, embedderSettings, logger, onSwitch: (index) => setIndexVersion(metrics, index.version) });
indexes.refresh();
if (!indexes.current) {
  logger.fatal({ error: indexes.lastError }, 'no loadable index');
  process.exit(1);
}
indexes.watch(1000);
const sessions = new SessionStore(config.SESSION_DB, config.SESSION_TTL_HOURS * 3600_000);
const purge = setInterval(() => sessions.purgeExpired(), 10 * 60_000);
purge.unref();
const tokens = adminTokens(config);
// One runner of ingest children for POST /admin/reindex and the console's corpus changes alike (both need a token).
const reindexer = new Reindexer({ corpusDirectory: config.CORPUS_DIR, indexDirectory: config.INDEX_DIR, logger, onFinished: () => indexes.refresh() });

const llmConfiguration = llmSettings(config);
const llm = llmConfiguration
  ? createLlmAnswerer({ model: createChatModel(llmConfiguration), settings: llmConfiguration, onOutcome: (outcome) => metrics.llmCalls.inc({ outcome }) })
  : null;
if (llmConfiguration) logger.info({ baseUrl: llmConfiguration.baseUrl, model: llmConfiguration.model }, 'LLM answers on, verified against the rule layer');

let operator: Awaited<ReturnType<typeof openOperatorServices>>;
try {
  operator = await openOperatorServices({ config, reindexer, indexes, logger });
} catch (error) {
  logger.fatal({ error: (error as Error).message }, 'could not open the operator store (OPERATOR_DB or DATABASE_URL)');
  process.exit(1);
}

const app = createApp({
  llm,
  operator: operator.services,
  indexes,
  sessions,
  logger,
  metrics,
  reindexer,
  settings: {
    apiKeys: config.API_KEYS,
    adminTokens: tokens,
    corsOrigins: config.CORS_ORIGINS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MIN,
    requestTimeoutMilliseconds: config.REQUEST_TIMEOUT_MS,
    logQuestions: config.LOG_QUESTIONS,
    answerCacheSize: config.ANSWER_CACHE_SIZE,
  },
});
const { host, open } = bindAddress(config);
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: host }, (info) => {
  logger.info({ host, port: info.port, index: indexes.current?.version, open }, open ? 'listening on loopback only, without API keys (set API_KEYS to expose the service)' : 'listening; API keys required');
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  indexes.stop();
  // A re-index in progress is stopped (it publishes nothing) before the server exits, never left running after it.
  await reindexer.stop();
  server.close(() => {
    sessions.close();
    operator.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
