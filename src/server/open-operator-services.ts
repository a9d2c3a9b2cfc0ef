// Opens the operator store and the publisher of corpus changes for `npm start`, and keeps logs within their retention.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { purgeOldConversations } from '../feedback/log-conversation.js';
import { CorpusPublisher } from '../operator/corpus-publisher.js';
import { openOperatorStore } from '../operator-store/open-operator-store.js';
import type { IndexHolder } from './index-holder.js';
import type { OperatorServices } from './operator-services.js';
import type { Reindexer } from './reindexer.js';

export async function openOperatorServices({ config, reindexer, indexes, logger }: { config: Config; reindexer: Reindexer; indexes: IndexHolder; logger: Logger }): Promise<{ services: OperatorServices; close: () => Promise<void> }> {
  const store = await openOperatorStore({ databaseUrl: config.DATABASE_URL, sqlitePath: config.OPERATOR_DB });
  logger.info({ store: store.kind, conversationLog: config.LOG_CONVERSATIONS ? `on, kept ${config.LOG_RETENTION_DAYS} days` : 'off' }, 'operator store ready');
  const publisher = new CorpusPublisher({
    corpusDirectory: config.CORPUS_DIR,
    indexDirectory: config.INDEX_DIR,
    // Changes are published by the server's re-index child: the same entry point, lock, failure messages and lifecycle.
    ingest: reindexer,
    store,
    onPublished: () => indexes.refresh(),
  });
  const purge = async () => {
    try {
      const removed = await purgeOldConversations({ store, retentionDays: config.LOG_RETENTION_DAYS });
      if (removed > 0) logger.info({ removed }, 'conversation logs past their retention deleted');
    } catch (error) {
      logger.error({ error: (error as Error).message }, 'conversation log purge failed');
    }
  };
  // Logs already written are purged even when logging has since been turned off.
  await purge();
  const timer = setInterval(purge, 60 * 60_000);
  timer.unref();
  return {
    services: { store, publisher, logConversations: config.LOG_CONVERSATIONS, retentionDays: config.LOG_RETENTION_DAYS, standardAnswerSimilarity: config.STANDARD_ANSWER_SIMILARITY },
    async close() {
      clearInterval(timer);
      await publisher.idle();
      await store.close();
    },
  };
}
