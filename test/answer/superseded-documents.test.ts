// The operator's document metadata in the rule layer: a document another one supersedes is set aside, and a rule
// counts from its effective date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer-question.js';
import type { LoadedIndex } from '../../src/index/load-index.js';
import { buildIndex, copyCorpus, libraryCorpus } from '../helpers.js';

let index: LoadedIndex;
beforeAll(async () => {
  const corpus = copyCorpus(libraryCorpus);
  writeFileSync(
    join(corpus, 'renewal-rules.md'),
    ['---', 'title: 续借新规', 'publisher: 星港市图书馆', 'supersedes: guide-c.md', 'effectiveDate: 2025-01-01', '---', '读者可以在线续借两次。', ''].join('\n'),
  );
  ({ index } = await buildIndex(corpus));
});

const ask = async (message: string) => (await answerQuestion({ index, message, session: null, sessionId: 'test' })).response;

describe('superseded documents and effective dates', () => {
  it('should set aside what a superseded document says, with the reason superseded', async () => {
    const response = await ask('能在线续借吗？');
    expect(response.answer.startsWith('可以。')).toBe(true);
    const rejected = response.conflicts.flatMap((conflict) => conflict.rejected);
    expect(rejected).toContainEqual(expect.objectContaining({ statement: '读者不能在线续借，须到馆办理。', reason: 'superseded' }));
    expect(response.answer.split('来源说法不一：')[0]).not.toContain('不能在线续借');
  });

  it('should never lead or list a superseded statement, even where nothing contradicts it', async () => {
    const response = await ask('父母能办理副证吗？');
    expect(response.citations.map((citation) => citation.sourceId)).not.toContain('guide-c');
  });

  it('should date a rule by its effective date in the time rule', async () => {
    const response = await ask('在线续借可以续几次？');
    expect(response.answer.split('\n\n')[0]).toBe('两次。读者可以在线续借两次。[1]');
    expect(response.conflicts).toEqual([
      expect.objectContaining({ rule: 'time', rejected: [expect.objectContaining({ statement: '在线续借：读者可以在线续借一次。', reason: 'undated' })] }),
    ]);
  });
});
