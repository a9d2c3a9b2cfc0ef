// /admin/documents: list, create (JSON or multipart), replace, enable/disable and delete corpus documents;
// each change is written into CORPUS_DIR and published by an incremental ingest.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { corpusMetadataFileName, formatCorpusMetadata, readCorpusMetadata, type CorpusMetadata } from '../../corpus/corpus-metadata.js';
import type { DocumentMetadata } from '../../corpus/parse-front-matter.js';
import { AppError } from '../../errors/app-error.js';
import type { LoadedIndex } from '../../index/load-index.js';
import { compileRules } from '../../rules/compile-rules.js';
import { readRuleTexts } from '../../rules/read-rule-texts.js';
import { checkCorpusPath, checkUpload } from '../../operator/check-upload.js';
import type { CorpusEdit, CorpusPublisher, PublishResult } from '../../operator/corpus-publisher.js';
import { listCorpusDocuments } from '../../operator/list-corpus-documents.js';
import { adminName } from '../middleware/admin-auth.js';
import { readJsonBody } from '../read-json-body.js';
import { invalid, patchDocumentSchema, readUpload } from '../read-upload.js';

function checkSupersedes(corpusDirectory: string, path: string, metadata: DocumentMetadata | undefined): void {
  for (const superseded of metadata?.supersedes ?? []) {
    if (superseded === path) throw invalid(`${path} cannot supersede itself.`);
    if (!existsSync(join(corpusDirectory, superseded))) throw invalid(`supersedes: ${superseded} is not a document of the corpus.`);
  }
}

/** documents.yaml with `path`'s entry replaced by `entry` (removed when null or empty). */
function metadataEdit(corpusDirectory: string, change: (metadata: CorpusMetadata) => void): CorpusEdit {
  const metadata = readCorpusMetadata({ corpusDirectory });
  change(metadata);
  return { [corpusMetadataFileName]: formatCorpusMetadata(metadata) };
}

export function adminDocumentRoutes({ publisher, indexes }: { publisher: CorpusPublisher; indexes: { current: LoadedIndex | null; refresh?: () => boolean } }) {
  const { corpusDirectory } = publisher.options;
  const pathParameter = (context: Context) => {
    let path: string;
    try {
      path = decodeURIComponent(context.req.path.slice('/admin/documents/'.length));
    } catch {
      throw invalid('The document path in the URL is not valid percent-encoding.');
    }
    return checkCorpusPath(path);
  };
  const mustExist = (path: string) => {
    if (!existsSync(join(corpusDirectory, path))) throw new AppError({ code: 'not_found', message: `No document ${path} in the corpus.` });
  };
  const entryOf = (path: string) => listCorpusDocuments({ corpusDirectory, metadata: readCorpusMetadata({ corpusDirectory }), index: indexes.current }).find((entry) => entry.path === path) ?? null;
  const published = (path: string, result: PublishResult) => ({
    path,
    version: result.version,
    previousVersion: result.previousVersion,
    document: entryOf(path),
    ingest: { seconds: result.summary.seconds, files: result.summary.files, documents: result.summary.documents, chunks: result.summary.chunks, claims: result.summary.claims },
  });
  const cleaning = () => compileRules(readRuleTexts({ corpusDirectory })).cleaning;

  async function write(context: Context, mode: 'create' | 'replace') {
    const upload = await readUpload(context, mode === 'create' ? null : pathParameter(context));
    const path = checkCorpusPath(upload.path);
    const exists = existsSync(join(corpusDirectory, path));
    if (mode === 'create' && exists) throw new AppError({ code: 'conflict', message: `${path} already exists; replace it with PUT /admin/documents/${path}.` });
    if (mode === 'replace') mustExist(path);
    const text = checkUpload({ path, content: upload.content, cleaning: cleaning() });
    checkSupersedes(corpusDirectory, path, upload.metadata);
    const result = await publisher.publish({
      actor: adminName(context),
      action: mode === 'create' ? 'document.create' : 'document.replace',
      target: path,
      prepare: () => ({
        [path]: upload.content,
        ...(upload.metadata ? metadataEdit(corpusDirectory, (metadata) => (metadata[path] = { ...(mode === 'replace' ? { enabled: metadata[path]?.enabled } : {}), ...upload.metadata })) : {}),
      }),
    });
    return context.json({ ...published(path, result), bytes: upload.content.length, characters: text.length }, mode === 'create' ? 201 : 200);
  }

  return new Hono()
    .get('/admin/documents', (context) =>
      context.json({ indexVersion: indexes.current?.version ?? null, documents: listCorpusDocuments({ corpusDirectory, metadata: readCorpusMetadata({ corpusDirectory }), index: indexes.current }) }),
    )
    .get('/admin/documents/*', (context) => {
      const path = pathParameter(context);
      mustExist(path);
      return context.json({ ...entryOf(path), content: readFileSync(join(corpusDirectory, path), 'utf8') });
    })
    .post('/admin/documents', (context) => write(context, 'create'))
    .put('/admin/documents/*', (context) => write(context, 'replace'))
    .patch('/admin/documents/*', async (context) => {
      const path = pathParameter(context);
      mustExist(path);
      const changes = await readJsonBody(context, patchDocumentSchema);
      if (Object.keys(changes).length === 0) throw invalid('Send at least one field to change, e.g. { "enabled": false }.');
      checkSupersedes(corpusDirectory, path, { supersedes: changes.supersedes ?? undefined });
      const result = await publisher.publish({
        actor: adminName(context),
        action: changes.enabled === false ? 'document.disable' : changes.enabled === true ? 'document.enable' : 'document.update',
        target: path,
        prepare: () =>
          metadataEdit(corpusDirectory, (metadata) => {
            const entry: Record<string, unknown> = { ...metadata[path] };
            for (const [key, value] of Object.entries(changes)) {
              if (value === null || (key === 'enabled' && value === true)) delete entry[key];
              else entry[key] = value;
            }
            metadata[path] = entry as DocumentMetadata;
          }),
      });
      return context.json(published(path, result));
    })
    .delete('/admin/documents/*', async (context) => {
      const path = pathParameter(context);
      mustExist(path);
      const result = await publisher.publish({
        actor: adminName(context),
        action: 'document.delete',
        target: path,
        prepare: () => ({ [path]: null, ...metadataEdit(corpusDirectory, (metadata) => delete metadata[path]) }),
      });
      return context.json({ ...published(path, result), document: null });
    });
}
