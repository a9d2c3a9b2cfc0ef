// /v1/chat/completions replays at most the last 10 earlier user turns, whatever the client sends: the work per
// request is bounded (counted here as question analyses, which the replay runs once per replayed turn).
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as analysis from '../../src/question/analyse-question.js';
import { historyTurns } from '../../src/server/routes/openai-routes.js';
import { buildIndex, libraryCorpus } from '../helpers.js';
import { json, testApp } from './test-app.js';

vi.mock('../../src/question/analyse-question.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/question/analyse-question.js')>();
  return { ...actual, analyseQuestion: vi.fn(actual.analyseQuestion) };
});
const analyseQuestion = vi.mocked(analysis.analyseQuestion);

let indexDirectory: string;
beforeAll(async () => {
  ({ indexDirectory } = await buildIndex(libraryCorpus));
});
beforeEach(() => {
  analyseQuestion.mockClear();
});

const turn = (content: string) => ({ role: 'user', content });
const earlier = (count: number) => Array.from({ length: count }, (_, index) => turn(index % 2 ? '押金呢？' : '逾期费呢？'));

describe('the OpenAI route history', () => {
  it('should analyse the same number of earlier turns for 11 and for 350 of them', async () => {
    // (the answer cache off: a cached answer would skip the analysis of the last question)
    const { app } = testApp({ indexDirectory, settings: { answerCacheSize: 0 } });
    const analysesFor = async (count: number) => {
      analyseQuestion.mockClear();
      const response = await app.request('/v1/chat/completions', json({ messages: [...earlier(count), turn('读者证余额能迁移吗？')] }));
      expect(response.status).toBe(200);
      return analyseQuestion.mock.calls.length;
    };
    const withTen = await analysesFor(historyTurns);
    expect(historyTurns).toBe(10);
    expect(await analysesFor(historyTurns + 1)).toBe(withTen);
    expect(await analysesFor(350)).toBe(withTen);
    // the ten replayed turns and the last question
    expect(withTen).toBe(historyTurns + 1);
  });
});
