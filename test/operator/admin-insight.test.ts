// GET /admin/conflicts and GET /admin/explain on the bundled corpus: the engine's own report and explanation.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainQuestion } from '../../src/answer/explain-question.js';
import { answerIdPattern } from '../../src/feedback/answer-id.js';
import { loadIndex, type LoadedIndex } from '../../src/index/load-index.js';
import { buildConflictReport, type ConflictReportEntry } from '../../src/report/build-conflict-report.js';
import { bundledCorpus } from '../helpers.js';
import { asEditor, operatorApp } from '../server/operator-app.js';

let app: Awaited<ReturnType<typeof operatorApp>>['app'];
let index: LoadedIndex;
beforeAll(async () => {
  let indexDirectory: string;
  ({ app, indexDirectory } = await operatorApp({ corpus: bundledCorpus }));
  index = loadIndex({ indexDirectory, embedderSettings: {} });
});

type ReportedEntry = ConflictReportEntry & { retireDocuments: string[] };
const valuesOf = (entry: ConflictReportEntry) => entry.values.map((value) => value.value);

describe('GET /admin/conflicts', () => {
  it("should return buildConflictReport's entries, each naming the corpus files to retire", async () => {
    const body = await (await app.request('/admin/conflicts', { headers: asEditor })).json();
    expect(body.indexVersion).toBe(index.version);
    const report = buildConflictReport({ index });
    expect(report.length).toBeGreaterThan(0);
    expect(body.conflicts.map(({ retireDocuments: _paths, ...entry }: ReportedEntry) => entry)).toEqual(report);
    for (const [position, entry] of (body.conflicts as ReportedEntry[]).entries()) {
      expect(entry.retireDocuments).toEqual([...new Set(report[position].retire.map((sourceId) => index.documents.get(sourceId)!.path))]);
    }
  });

  it('should report 45 vs 15 working days with its sources, the adopted 15 and the 45 set aside with its document', async () => {
    const body = await (await app.request('/admin/conflicts', { headers: asEditor })).json();
    const days: ReportedEntry = body.conflicts.find((entry: ReportedEntry) => valuesOf(entry).some((value) => value.startsWith('45')) && valuesOf(entry).some((value) => value.startsWith('15')));
    expect(days.decision.adopted).toMatch(/^15/);
    expect(days.decision.rejected).toEqual([expect.objectContaining({ value: expect.stringMatching(/^45/), sourceId: '000_5c0c019b9c64b459' })]);
    expect(days.retire).toEqual(['000_5c0c019b9c64b459']);
    expect(days.retireDocuments).toEqual(['000_5c0c019b9c64b459.txt']);
    const fortyFive = days.values.find((value) => value.value.startsWith('45'))!;
    expect(fortyFive.sources).toEqual([{ sourceId: '000_5c0c019b9c64b459', title: expect.any(String), date: null, authority: 'unknown', quote: expect.stringContaining('45个工作日') }]);
    const fifteen = days.values.find((value) => value.value.startsWith('15'))!;
    expect(fifteen.sources.map((source) => source.sourceId)).toEqual(['001_e1238a5f0d808521', '003_75a98240a5c26b75']);
  });
});

describe('GET /admin/explain', () => {
  it("should return explainQuestion's analysis, passages, claims and rule trace, with the answer the chat API serves", async () => {
    const question = '跨省转移医保关系整个流程最多多少个工作日？';
    const body = await (await app.request(`/admin/explain?q=${encodeURIComponent(question)}`, { headers: asEditor })).json();
    const { response, ...expected } = await explainQuestion({ index, message: question });
    expect(body).toEqual({ indexVersion: index.version, question, ...expected, response: expect.any(Object) });
    expect(body.response).toMatchObject({ status: response.status, answer: response.answer, citations: response.citations, conflicts: response.conflicts, answerId: expect.stringMatching(answerIdPattern) });
    expect(body.analysis.parts).toEqual([expect.objectContaining({ type: 'duration', unit: '工作日' })]);
    expect(body.passages.length).toBeGreaterThan(0);
    expect(body.claims.map((claim: { value: string }) => claim.value)).toEqual(expect.arrayContaining(['15|工作日', '45|工作日']));
    expect(body.response.answer).toContain('15个工作日');
  });

  it('should refuse an empty question', async () => {
    const response = await app.request('/admin/explain?q=', { headers: asEditor });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/q must not be empty/);
  });
});
