// Builds the index from the corpus when INDEX_DIR has none (a first start); otherwise does nothing.
import type { Logger } from 'pino';
import { AppError, IngestLockedError } from '../errors/app-error.js';
import type { EmbedderSettings } from '../index/create-embeddings.js';
import { readCurrentVersion } from '../index/index-store.js';
import { describeLiveLock } from '../index/ingest-lock.js';
import { ingestCorpus } from '../index/ingest-corpus.js';

/**
 * When another process (a replica on the same volume, an ingest job) holds the ingest lock, its build is awaited
 * instead; if it ends without publishing, this throws.
 */
export async function ensureIndex({ corpusDirectory, indexDirectory, embedderSettings, logger }: { corpusDirectory: string; indexDirectory: string; embedderSettings: EmbedderSettings; logger: Logger }): Promise<void> {
  if (readCurrentVersion(indexDirectory)) return;
  logger.info({ corpus: corpusDirectory, index: indexDirectory }, 'no index yet: building one from the corpus');
  let lastPhase = '';
  try {
    const summary = await ingestCorpus({
      corpusDirectory,
      indexDirectory,
      embedderSettings,
      onProgress({ phase, done, total }) {
        if (phase !== lastPhase || done === total) logger.info({ phase, done, total }, 'ingest progress');
        lastPhase = phase;
      },
    });
    logger.info({ version: summary.version, documents: summary.documents, chunks: summary.chunks, skipped: summary.files.skipped, seconds: summary.seconds }, 'index built');
  } catch (error) {
    if (!(error instanceof IngestLockedError)) throw error;
    await waitForCurrent({ indexDirectory, reason: error.message, logger });
  }
}

async function waitForCurrent({ indexDirectory, reason, logger }: { indexDirectory: string; reason: string; logger: Logger }): Promise<void> {
  logger.info({ reason }, 'waiting for the index another process is building');
  while (!readCurrentVersion(indexDirectory)) {
    if (!describeLiveLock({ indexDirectory })) throw new AppError({ code: 'index_not_found', message: `The other ingest of ${indexDirectory} ended without publishing an index. Run \`npm run ingest\`.` });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
