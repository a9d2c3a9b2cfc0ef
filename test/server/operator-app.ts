// An app with the operator console's services over a temporary corpus copy, index and SQLite store.
import { join } from 'node:path';
import { AppError } from '../../src/errors/app-error.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { CorpusPublisher } from '../../src/operator/corpus-publisher.js';
import type { IngestRunner } from '../../src/operator/run-ingest-child.js';
import { openOperatorStore } from '../../src/operator-store/open-operator-store.js';
import type { OperatorStore } from '../../src/operator-store/operator-store.js';
import { copyCorpus, temporaryDirectory } from '../helpers.js';
import { testApp } from './test-app.js';

/** Ingest in this process (the server runs it in a child; tests use both). */
export const inProcessIngest: IngestRunner = async ({ corpusDirectory, indexDirectory }) => {
  try {
    return { success: true, summary: await ingestCorpus({ corpusDirectory, indexDirectory }) };
  } catch (error) {
    return { success: false, error: { code: error instanceof AppError ? error.code : 'ingest_failed', message: (error as Error).message } };
  }
};

export const editorToken = 'editor-token-0001';
export const adminToken = 'admin-token-00001';
export const asEditor = { authorization: `Bearer ${editorToken}` };

export async function operatorApp({ corpus: source, runIngest = inProcessIngest, logConversations = false, store: givenStore, standardAnswerSimilarity = 0.9, prepare }: { corpus: string; runIngest?: IngestRunner; logConversations?: boolean; store?: OperatorStore; standardAnswerSimilarity?: number; prepare?: (corpusDirectory: string) => void }) {
  const corpusDirectory = copyCorpus(source);
  prepare?.(corpusDirectory);
  const indexDirectory = temporaryDirectory('kbqa-index-');
  await ingestCorpus({ corpusDirectory, indexDirectory });
  const store = givenStore ?? (await openOperatorStore({ sqlitePath: join(temporaryDirectory(), 'operator.sqlite') }));
  let holder: ReturnType<typeof testApp>['indexes'] | null = null;
  const publisher = new CorpusPublisher({ corpusDirectory, indexDirectory, runIngest, store, onPublished: () => holder?.refresh() });
  const built = testApp({
    indexDirectory,
    settings: { adminTokens: { 'editor-li': editorToken, admin: adminToken } },
    operator: { store, publisher, logConversations, retentionDays: 30, standardAnswerSimilarity },
  });
  holder = built.indexes;
  return { ...built, store, publisher, corpusDirectory, indexDirectory };
}

export const send = (method: string, body: unknown, headers: Record<string, string> = asEditor) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
