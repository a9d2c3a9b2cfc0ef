// Standard answers: matching after normalization or by similarity, /admin/answers, served with mode "standard".
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { loadIndex } from '../../src/index/load-index.js';
import { matchStandardAnswer, questionSimilarity, standardAnswerKey } from '../../src/standard-answers/match-standard-answer.js';
import { rulesOf, libraryCorpus, copyCorpus, temporaryDirectory } from '../helpers.js';
import { createTextPipeline } from '../../src/text/create-text-pipeline.js';
import { json } from '../server/test-app.js';
import { asEditor, operatorApp, send } from '../server/operator-app.js';

const normalize = createTextPipeline({ rules: rulesOf(libraryCorpus) }).normalize;
const published = (id: string, questions: string[]) => ({ id, questions, keys: questions.map((question) => standardAnswerKey(question, normalize)), answer: `答案${id}`, citations: [] });

describe('matchStandardAnswer', () => {
  const answers = [published('sa-one', ['逾期费怎么收？', '逾期一天罚多少钱']), published('sa-two', ['读者证可以借给别人用吗？']), published('sa-three', ['读者证在本市各馆之间迁移的时候，余额会不会跟着一起迁移过去？'])];

  it.each([
    ['the same question', '逾期费怎么收？', 'sa-one', 1],
    ['punctuation, spaces and full-width forms aside', ' 逾期费 怎么收?? ', 'sa-one', 1],
    ['traditional characters', '逾期費怎麼收？', 'sa-one', 1],
    ['the question without its question mark', '读者证可以借给别人用吗', 'sa-two', 1],
    ['a wording one character apart', '读者证在本市各馆之间迁移的时候，余额会不会跟着一起转移过去？', 'sa-three', 25 / 27],
  ])('should match %s', (_, question, id, similarity) => {
    expect(matchStandardAnswer({ answers, question, normalize, threshold: 0.9 })).toEqual({ answer: expect.objectContaining({ id }), similarity });
  });

  it('should match by similarity only at or above the threshold', () => {
    const question = '读者证可以借给朋友用吗？';
    const similarity = questionSimilarity(standardAnswerKey(question, normalize), answers[1].keys[0]);
    expect(similarity).toBeCloseTo(0.7, 5);
    expect(matchStandardAnswer({ answers, question, normalize, threshold: 0.9 })).toBeNull();
    expect(matchStandardAnswer({ answers, question, normalize, threshold: 0.7 })?.answer.id).toBe('sa-two');
    expect(matchStandardAnswer({ answers, question: '押金多久退还？', normalize, threshold: 0.9 })).toBeNull();
  });
});

describe('/admin/answers', () => {
  it('should publish a standard answer into the index version and serve it with its citation and the disclaimer', async () => {
    const { app, corpusDirectory, indexes, store } = await operatorApp({ corpus: libraryCorpus });
    const body = { questions: ['逾期费怎么收？'], answer: '逾期费按每天0.1元计收[1]。', citations: [{ sourceId: 'guide-a', quote: '逾期费每天0.1元，按天累计。' }] };
    const created = await app.request('/admin/answers', send('POST', body));
    expect(created.status).toBe(201);
    const result = await created.json();
    expect(result.answer).toMatchObject({ id: expect.stringMatching(/^sa-[0-9a-f]{12}$/), ...body, state: 'published', reason: null });
    expect(result.version).toBe(indexes.current!.version);
    expect(readFileSync(join(corpusDirectory, 'standard-answers.yaml'), 'utf8')).toContain(result.answer.id);

    const answer = await (await app.request('/api/chat', json({ message: '逾期费怎么收?' }))).json();
    expect(answer).toMatchObject({ status: 'answered', mode: 'standard', answer: '逾期费按每天0.1元计收[1]。', conflicts: [], citations: [{ n: 1, sourceId: 'guide-a', title: '读者指南甲', date: null, quote: '逾期费每天0.1元，按天累计。' }] });
    expect(answer.disclaimer).toBe('以上内容依据资料库整理，仅供参考，以图书馆的规定为准。');

    const id = result.answer.id;
    expect((await (await app.request(`/admin/answers/${id}`, { headers: asEditor })).json()).state).toBe('published');
    const replaced = await app.request(`/admin/answers/${id}`, send('PUT', { questions: ['逾期费怎么收？'], answer: '请以馆内公告为准。' }));
    expect(replaced.status).toBe(200);
    expect((await (await app.request('/api/chat', json({ message: '逾期费怎么收？' }))).json()).answer).toBe('请以馆内公告为准。');
    expect((await app.request(`/admin/answers/${id}`, { method: 'DELETE', headers: asEditor })).status).toBe(200);
    expect((await (await app.request('/api/chat', json({ message: '逾期费怎么收？' }))).json()).mode).toBe('extractive');
    expect((await (await app.request('/admin/answers', { headers: asEditor })).json()).answers).toEqual([]);
    expect((await store.listAudit({ limit: 10, offset: 0 })).items.map((entry) => entry.action)).toEqual(['answer.delete', 'answer.replace', 'answer.create']);
  });

  it.each([
    ['a quote not verbatim in its source', { questions: ['逾期费怎么收？'], answer: '每天0.1元。', citations: [{ sourceId: 'guide-a', quote: '逾期费每天一角钱。' }] }, /not found verbatim in guide-a/],
    ['an unknown source', { questions: ['逾期费怎么收？'], answer: '每天0.1元。', citations: [{ sourceId: 'nowhere', quote: '逾期费每天0.1元' }] }, /source nowhere is not in the index/],
    ['no question', { questions: [], answer: '每天0.1元。' }, /at least one question/],
    ['an empty answer', { questions: ['逾期费怎么收？'], answer: ' ' }, /answer must not be empty/],
  ])('should refuse %s with a 400', async (_, body, message) => {
    const { app } = await operatorApp({ corpus: libraryCorpus });
    const response = await app.request('/admin/answers', send('POST', body));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(message);
    expect((await app.request('/admin/answers/sa-000000000000', { headers: asEditor })).status).toBe(404);
  });

  it('should leave out of a version a standard answer whose quote is no longer in the corpus, saying why', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'standard-answers.yaml'), '- id: sa-fees\n  questions: [逾期费怎么收？]\n  answer: 每天0.1元。\n  citations:\n    - { sourceId: guide-a, quote: 逾期费每天0.1元，按天累计。 }\n');
    const indexDirectory = temporaryDirectory();
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(loadIndex({ indexDirectory, embedderSettings: {} }).standardAnswers.map((answer) => answer.id)).toEqual(['sa-fees']);
    rmSync(join(corpus, 'guide-a.md'));
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    const index = loadIndex({ indexDirectory, embedderSettings: {} });
    expect(index.standardAnswers).toEqual([]);
    expect(index.manifest.standardAnswers).toEqual({ published: 0, skipped: [{ id: 'sa-fees', reason: 'source guide-a is not in the index' }] });
  });

  it('should stop ingest with the problem named when standard-answers.yaml is broken', async () => {
    const corpus = copyCorpus(libraryCorpus);
    writeFileSync(join(corpus, 'standard-answers.yaml'), '- id: sa-fees\n  questions: []\n  answer: x\n');
    await expect(ingestCorpus({ corpusDirectory: corpus, indexDirectory: temporaryDirectory() })).rejects.toThrow(/standard-answers\.yaml is invalid: 0\.questions: give at least one question/);
  });
});
