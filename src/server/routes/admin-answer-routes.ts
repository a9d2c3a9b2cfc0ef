// /admin/answers: standard answers, kept in the corpus (standard-answers.yaml) and published like documents.
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { AppError } from '../../errors/app-error.js';
import type { LoadedIndex } from '../../index/load-index.js';
import type { CorpusPublisher } from '../../operator/corpus-publisher.js';
import { formatStandardAnswers, readStandardAnswers } from '../../standard-answers/standard-answer-file.js';
import { citationProblem } from '../../standard-answers/publish-standard-answers.js';
import { standardAnswerInputSchema, standardAnswersFileName, type StandardAnswer, type StandardAnswerInput } from '../../standard-answers/standard-answer-types.js';
import { adminName } from '../middleware/admin-auth.js';
import { readJsonBody } from '../read-json-body.js';

export function adminAnswerRoutes({ publisher, indexes }: { publisher: CorpusPublisher; indexes: { current: LoadedIndex | null } }) {
  const { corpusDirectory } = publisher.options;
  const read = () => readStandardAnswers({ corpusDirectory });
  /** Each answer with its state in the serving version: published, skipped (and why), or not yet published. */
  const withState = (answer: StandardAnswer) => {
    const index = indexes.current;
    const skipped = index?.manifest.standardAnswers?.skipped.find((entry) => entry.id === answer.id);
    const published = index?.standardAnswers.some((entry) => entry.id === answer.id) ?? false;
    return { ...answer, state: published ? 'published' : skipped ? 'skipped' : 'pending', reason: skipped?.reason ?? null };
  };
  const find = (id: string) => {
    const answer = read().find((entry) => entry.id === id);
    if (!answer) throw new AppError({ code: 'not_found', message: `No standard answer ${id}.` });
    return answer;
  };
  /** Citations are checked verbatim against the serving index before anything is written (ingest checks them again). */
  const checkCitations = (input: StandardAnswerInput) => {
    const index = indexes.current;
    if (!index) throw new AppError({ code: 'index_not_found', message: 'No index is loaded yet, so citations cannot be checked.' });
    const problems = (input.citations ?? []).map((citation) => citationProblem({ citation, documents: index.documents })).filter((problem) => problem !== null);
    if (problems.length > 0) throw new AppError({ code: 'invalid_request', message: `Citations must quote a source verbatim: ${problems.join('; ')}.`, details: problems });
  };
  async function save(context: Context, action: string, id: string, change: (answers: StandardAnswer[]) => StandardAnswer[]) {
    const result = await publisher.publish({ actor: adminName(context), action, target: id, prepare: () => ({ [standardAnswersFileName]: formatStandardAnswers(change(read())) }) });
    const answer = read().find((entry) => entry.id === id);
    return { version: result.version, previousVersion: result.previousVersion, answer: answer ? withState(answer) : null };
  }

  return new Hono()
    .get('/admin/answers', (context) => context.json({ indexVersion: indexes.current?.version ?? null, answers: read().map(withState) }))
    .get('/admin/answers/:id', (context) => context.json(withState(find(context.req.param('id')))))
    .post('/admin/answers', async (context) => {
      const input = await readJsonBody(context, standardAnswerInputSchema);
      checkCitations(input);
      const id = `sa-${randomBytes(6).toString('hex')}`;
      return context.json(await save(context, 'answer.create', id, (answers) => [...answers, { id, ...input }]), 201);
    })
    .put('/admin/answers/:id', async (context) => {
      const id = find(context.req.param('id')).id;
      const input = await readJsonBody(context, standardAnswerInputSchema);
      checkCitations(input);
      return context.json(await save(context, 'answer.replace', id, (answers) => answers.map((answer) => (answer.id === id ? { id, ...input } : answer))));
    })
    .delete('/admin/answers/:id', async (context) => {
      const id = find(context.req.param('id')).id;
      return context.json(await save(context, 'answer.delete', id, (answers) => answers.filter((answer) => answer.id !== id)));
    });
}
