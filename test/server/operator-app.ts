// An app with the operator console's services over a temporary corpus copy, index and SQLite store.
import { join } from 'node:path';
import { AppError, IngestLockedError } from '../../src/errors/app-error.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { describeLiveLock } from '../../src/index/ingest-lock.js';
import type { IngestOutcome } from '../../src/index/ingest-outcome.js';
import { CorpusPublisher, type IngestRunner } from '../../src/operator/corpus-publisher.js';
import { Reindexer } from '../../src/server/reindexer.js';
import { openOperatorStore } from '../../src/operator-store/open-operator-store.js';
import type { OperatorStore } from '../../src/operator-store/operator-store.js';
import { copyCorpus, temporaryDirectory } from '../helpers.js';
import { testApp } from './test-app.js';

/** Ingest in this process under the index's lock (the server runs it in its Reindexer's child; tests use both). */
export function inProcessIngest({ corpusDirectory, indexDirectory }: { corpusDirectory: string; indexDirectory: string }): IngestRunner {
  return {
    assertIdle() {
      const holder = describeLiveLock({ indexDirectory });
      if (holder) throw new IngestLockedError({ indexDirectory, holder });
    },
    async run(): Promise<IngestOutcome> {
      try {
        return { success: true, summary: await ingestCorpus({ corpusDirectory, indexDirectory }) };
      } catch (error) {
        return { success: false, error: { code: error instanceof AppError ? error.code : 'ingest_failed', message: (error as Error).message } };
      }
    },
  };
}

/** How a test replaces the ingest: given the in-process one for the app's directories. */
export type IngestFor = (directories: { corpusDirectory: string; indexDirectory: string }) => IngestRunner;

export const editorToken = 'editor-token-0001';
export const adminToken = 'admin-token-00001';
export const asEditor = { authorization: `Bearer ${editorToken}` };

export async function operatorApp({ corpus: source, ingest = inProcessIngest, logConversations = false, store: givenStore, standardAnswerSimilarity = 0.9, prepare }: { corpus: string; ingest?: IngestFor; logConversations?: boolean; store?: OperatorStore; standardAnswerSimilarity?: number; prepare?: (corpusDirectory: string) => void }) {
  const corpusDirectory = copyCorpus(source);
  prepare?.(corpusDirectory);
  const indexDirectory = temporaryDirectory('kbqa-index-');
  await ingestCorpus({ corpusDirectory, indexDirectory });
  const store = givenStore ?? (await openOperatorStore({ sqlitePath: join(temporaryDirectory(), 'operator.sqlite') }));
  let holder: ReturnType<typeof testApp>['indexes'] | null = null;
  const runner = ingest({ corpusDirectory, indexDirectory });
  const publisher = new CorpusPublisher({ corpusDirectory, indexDirectory, ingest: runner, store, onPublished: () => holder?.refresh() });
  const built = testApp({
    indexDirectory,
    // A Reindexer publishing the changes also serves POST /admin/reindex, as in the server.
    reindexer: runner instanceof Reindexer ? runner : null,
    settings: { adminTokens: { 'editor-li': editorToken, admin: adminToken } },
    operator: { store, publisher, logConversations, retentionDays: 30, standardAnswerSimilarity },
  });
  holder = built.indexes;
  return { ...built, store, publisher, runner, corpusDirectory, indexDirectory };
}

export const send = (method: string, body: unknown, headers: Record<string, string> = asEditor) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
