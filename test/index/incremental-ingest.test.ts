// Property: whatever sequence of additions, changes, removals, renames and rule edits an operator makes, ingesting
// incrementally after each step publishes a version that answers every question exactly as a full build does.
// Operations include edits of the corpus metadata file (documents.yaml: disable, re-enable, authority, effective date).
// The corpus is the fictional library (test/fixtures/library) plus the articles of test/fixtures/library-additions.
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/synthetic-corpus.js';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import type { SessionState } from '../../src/question/session-state.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { versionContents } from './version-contents.js';

const additions = 'test/fixtures/library-additions';
const steps = 10;
const seeds = Array.from({ length: 12 }, (_, position) => position + 1);
/** Odd seeds keep the whole corpus in one pack; even seeds spread it over several (two files per pack). */
const filesPerPackOf = (seed: number) => (seed % 2 === 0 ? 2 : undefined);

/** Conversations asked after every step: single questions, and one follow-up. */
const conversations = [
  ['读者证余额能随证迁移吗？'],
  ['东区读者证余额能迁移吗？', '那押金呢？'],
  ['西区读者证余额能迁移吗？'],
  ['押金多久退还？'],
  ['能在线续借吗？'],
  ['逾期费怎么收？'],
  ['全市有多少家分馆？'],
  ['可以夜间还书吗？'],
  ['哪些家人可以办副证？'],
  ['网友整理了什么？'],
  ['明天会下雨吗？'],
];

const sentences = ['逾期费每天0.3元。', '押金在10个工作日内退还。', '各分馆不支持夜间还书。', '读者可以为父母办理副证。', '截至2025年1月，全市共有17家分馆。', '读者证余额不能迁移。', '读者可以在线续借两次。'];
const ruleEdits = [
  { file: 'synonyms.yaml', text: '  - [副证, 家属卡]\n' },
  { file: 'userdict.txt', text: '夜间还书 20000 n\n' },
];

type Operation = (corpus: string) => string;

function articles(corpus: string, directory = corpus): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'rules' || name === 'documents.yaml') return [];
    return statSync(path).isDirectory() ? articles(corpus, path) : [path.slice(corpus.length + 1)];
  });
}

/** A random operation on the corpus; returns what it did, for the failure message. */
function randomOperation(random: () => number, renames: { count: number }): Operation {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const kind = pick(['add', 'add', 'change', 'change', 'change', 'remove', 'rename', 'rename', 'rules', 'metadata'] as const);
  return (corpus) => {
    const files = articles(corpus);
    const metadataPath = join(corpus, 'documents.yaml');
    const metadata = (existsSync(metadataPath) ? loadYaml(readFileSync(metadataPath, 'utf8')) ?? {} : {}) as Record<string, Record<string, unknown>>;
    // At least three indexed articles stay, so that no step leaves an empty corpus.
    const enabled = files.filter((path) => metadata[path]?.enabled !== false).length;
    if (kind === 'metadata') {
      const file = pick(files);
      const edit = pick(['disable', 'enable', 'authority', 'effectiveDate'] as const);
      const entry = { ...(metadata[file] ?? {}) };
      if (edit === 'disable' && enabled > 3) entry.enabled = false;
      else if (edit === 'enable' || edit === 'disable') delete entry.enabled;
      else if (edit === 'authority') entry.authority = pick(['official', 'media', 'aggregator']);
      else entry.effectiveDate = pick(['2024-01-01', '2025-06-01']);
      // Entries of files renamed or removed since stay in the file: ingest ignores them.
      writeFileSync(metadataPath, dumpYaml({ ...metadata, [file]: entry }));
      return `documents.yaml: ${file} ${JSON.stringify(entry)}`;
    }
    if (kind === 'add') {
      const name = readdirSync(additions).find((candidate) => !files.some((file) => file.endsWith(candidate)));
      if (name) {
        cpSync(join(additions, name), join(corpus, name));
        return `add ${name}`;
      }
    }
    if (kind === 'remove' && enabled > 3) {
      const file = pick(files);
      rmSync(join(corpus, file));
      return `remove ${file}`;
    }
    if (kind === 'rename') {
      const file = pick(files);
      const target = `${random() < 0.5 ? 'archive/' : ''}renamed-${++renames.count}${file.slice(file.lastIndexOf('.'))}`;
      mkdirSync(dirname(join(corpus, target)), { recursive: true });
      renameSync(join(corpus, file), join(corpus, target));
      return `rename ${file} → ${target}`;
    }
    if (kind === 'rules') {
      const edit = pick(ruleEdits);
      appendFileSync(join(corpus, 'rules', edit.file), edit.text);
      return `rules: append ${JSON.stringify(edit.text)} to ${edit.file}`;
    }
    const file = pick(files);
    const path = join(corpus, file);
    const text = readFileSync(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    const change = pick(['append', 'number', 'drop'] as const);
    if (change === 'number' && /\d/.test(lines.at(-1)!)) {
      // Same length, so only the content (and the time) tells the stat cache the file changed.
      writeFileSync(path, text.replace(/\d(?=[^\d]*$)/, (digit) => String((Number(digit) + 1) % 10)));
      return `change a number in ${file}`;
    }
    if (change === 'drop' && lines.length > 7) {
      writeFileSync(path, `${lines.slice(0, -1).join('\n')}\n`);
      return `drop the last line of ${file}`;
    }
    const sentence = pick(sentences);
    appendFileSync(path, `${sentence}\n`);
    return `append ${sentence} to ${file}`;
  };
}

async function answers(index: LoadedIndex): Promise<Array<Omit<AnswerResponse, 'indexVersion' | 'sessionId'>>> {
  const responses = [];
  for (const conversation of conversations) {
    let session: SessionState | null = null;
    for (const message of conversation) {
      const result = await answerQuestion({ index, message, session, sessionId: 'property' });
      session = result.session;
      const { indexVersion: _version, sessionId: _session, ...response } = result.response;
      responses.push(response);
    }
  }
  return responses;
}

describe('incremental ingest', () => {
  const metadataEdits: string[] = [];
  afterAll(() => expect(metadataEdits.length, 'the sequences edit documents.yaml').toBeGreaterThan(0));

  it.each(seeds)('should answer like a full build after every step of random operation sequence %i', async (seed) => {
    const random = createRandom(seed);
    const renames = { count: 0 };
    const corpus = copyCorpus(libraryCorpus);
    const incremental = temporaryDirectory('kbqa-incremental-');
    const full = temporaryDirectory('kbqa-full-');
    const filesPerPack = filesPerPackOf(seed);
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental, filesPerPack });
    const done: string[] = [];
    let reused = 0;
    for (let step = 0; step < steps; step++) {
      done.push(randomOperation(random, renames)(corpus));
      if (done.at(-1)!.startsWith('documents.yaml')) metadataEdits.push(done.at(-1)!);
      const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental, filesPerPack });
      await ingestCorpus({ corpusDirectory: corpus, indexDirectory: full, full: true, filesPerPack });
      reused += summary.files.reused;
      const expected = await answers(loadIndex({ indexDirectory: full, embedderSettings: {} }));
      const actual = await answers(loadIndex({ indexDirectory: incremental, embedderSettings: {} }));
      expect(actual, `seed ${seed}, after: ${done.join('; ')}`).toEqual(expected);
      expect(versionContents(incremental), `seed ${seed}, after: ${done.join('; ')}`).toEqual(versionContents(full));
    }
    expect(reused).toBeGreaterThan(0);
    expect(existsSync(join(incremental, 'ingest.lock'))).toBe(false);
  });
});
