// Property: whatever sequence of additions, changes, removals, renames and rule edits an operator makes, ingesting
// incrementally after each step publishes a version that answers every question exactly as a full build does.
// The corpus is the fictional library (test/fixtures/library) plus the articles of test/fixtures/library-additions.
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/synthetic-corpus.js';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { AnswerResponse } from '../../src/answer/answer-types.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import type { SessionState } from '../../src/question/session-state.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';

const additions = 'test/fixtures/library-additions';
const steps = 10;
const seeds = Array.from({ length: 12 }, (_, position) => position + 1);

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
    if (name === 'rules') return [];
    return statSync(path).isDirectory() ? articles(corpus, path) : [path.slice(corpus.length + 1)];
  });
}

/** A random operation on the corpus; returns what it did, for the failure message. */
function randomOperation(random: () => number, renames: { count: number }): Operation {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const kind = pick(['add', 'add', 'change', 'change', 'change', 'remove', 'rename', 'rename', 'rules'] as const);
  return (corpus) => {
    const files = articles(corpus);
    if (kind === 'add') {
      const name = readdirSync(additions).find((candidate) => !files.some((file) => file.endsWith(candidate)));
      if (name) {
        cpSync(join(additions, name), join(corpus, name));
        return `add ${name}`;
      }
    }
    if (kind === 'remove' && files.length > 3) {
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
  it.each(seeds)('should answer like a full build after every step of random operation sequence %i', async (seed) => {
    const random = createRandom(seed);
    const renames = { count: 0 };
    const corpus = copyCorpus(libraryCorpus);
    const incremental = temporaryDirectory('kbqa-incremental-');
    const full = temporaryDirectory('kbqa-full-');
    await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental });
    const done: string[] = [];
    let reused = 0;
    for (let step = 0; step < steps; step++) {
      done.push(randomOperation(random, renames)(corpus));
      const summary = await ingestCorpus({ corpusDirectory: corpus, indexDirectory: incremental });
      await ingestCorpus({ corpusDirectory: corpus, indexDirectory: full, full: true });
      reused += summary.files.reused;
      const expected = await answers(loadIndex({ indexDirectory: full, embedderSettings: {} }));
      const actual = await answers(loadIndex({ indexDirectory: incremental, embedderSettings: {} }));
      expect(actual, `seed ${seed}, after: ${done.join('; ')}`).toEqual(expected);
    }
    expect(reused).toBeGreaterThan(0);
    expect(existsSync(join(incremental, 'ingest.lock'))).toBe(false);
  });
});
