// GET /admin/conflicts and GET /admin/explain on the bundled corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledCorpus } from '../helpers.js';
import { asEditor, operatorApp } from '../server/operator-app.js';

let app: Awaited<ReturnType<typeof operatorApp>>['app'];
beforeAll(async () => {
  ({ app } = await operatorApp({ corpus: bundledCorpus }));
});

describe('GET /admin/conflicts', () => {
  it('should report every contested topic with its values per source, decision, rule and the documents to retire', async () => {
    const body = await (await app.request('/admin/conflicts', { headers: asEditor })).json();
    const days = body.conflicts.find((entry: { topic: string }) => entry.topic === 'transfer-total-time');
    expect(days).toMatchObject({ subject: '跨省转移接续全流程办理时限', decision: '15', rule: 'time', retire: ['000_5c0c019b9c64b459.txt'] });
    expect(days.values.map((value: { value: string; state: string; reason: string | null }) => [value.value, value.state, value.reason])).toEqual([
      ['15', 'adopted', null],
      ['45', 'rejected', 'undated'],
    ]);
    expect(days.values[1].sources).toEqual([
      expect.objectContaining({ sourceId: '000_5c0c019b9c64b459', path: '000_5c0c019b9c64b459.txt', date: null, authority: 'unknown', sentences: [expect.stringContaining('45个工作日')] }),
    ]);
    expect(days.values[0].sources.map((source: { sourceId: string }) => source.sourceId)).toEqual(['001_e1238a5f0d808521', '003_75a98240a5c26b75']);
    expect(body.conflicts.every((entry: { rule: string | null }) => entry.rule !== null)).toBe(true);
  });
});

describe('GET /admin/explain', () => {
  it('should return the passages with scores, the question analysis, the rule trace and the answer', async () => {
    const body = await (await app.request(`/admin/explain?q=${encodeURIComponent('跨省转移医保关系整个流程最多多少个工作日？')}`, { headers: asEditor })).json();
    expect(body.analysis.topics.map((topic: { id: string }) => topic.id)).toContain('transfer-total-time');
    expect(body.analysis.scope.values).toEqual({ transfer: '跨省' });
    expect(body.passages.length).toBeGreaterThan(3);
    expect(body.passages[0]).toEqual({ sourceId: expect.any(String), title: expect.any(String), heading: expect.anything(), text: expect.any(String), score: expect.any(Number), lexicalScore: expect.any(Number), vectorSimilarity: expect.any(Number) });
    const trace = body.resolutions.find((entry: { topic: string }) => entry.topic === 'transfer-total-time');
    expect(trace).toMatchObject({ decision: '15', rule: 'scope' });
    expect(body.answer.answer).toContain('15个工作日');
    expect((await app.request('/admin/explain?q=', { headers: asEditor })).status).toBe(400);
  });
});
