// The corpus-wide contradiction report on the fictional library corpus: rivals are listed with the rule's decision;
// a breakdown, an enumeration and statements under different conditions are not contradictions.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConflictReport, type ConflictReportEntry } from '../../src/report/build-conflict-report.js';
import { buildIndex, copyCorpus, libraryCorpus } from '../helpers.js';

let report: ConflictReportEntry[];
beforeAll(async () => {
  const corpus = copyCorpus(libraryCorpus);
  writeFileSync(
    join(corpus, 'card-guide.md'),
    ['---', 'title: 读者证办理须知', 'publisher: 庚站', '---', '# 押金标准', '成人读者押金为100元。', '少儿读者押金为50元。', '# 补办', '读者证损坏的，可免费补办。', '读者证遗失的，补办需交工本费。', ''].join('\n'),
  );
  const { index } = await buildIndex(corpus);
  report = buildConflictReport({ index });
});

const valuesOf = (entry: ConflictReportEntry) => entry.values.map((value) => value.value).sort();
const quotes = (entry: ConflictReportEntry) => entry.values.flatMap((value) => value.sources.map((source) => source.quote));

describe('the contradiction report', () => {
  it.each([
    ['押金退还', ['30工作日', '7工作日'], '7工作日', 'time'],
    ['逾期费', ['0.1元', '0.5元'], '0.1元', 'consensus'],
    ['分馆数量', ['12家', '14家', '15家'], '15家', 'time'],
  ])('should list the %s contradiction with its values and the adopted one', (_name, values, adopted, rule) => {
    const entry = report.find((candidate) => JSON.stringify(valuesOf(candidate)) === JSON.stringify(values));
    expect(entry, `no entry with values ${values.join('/')}`).toBeDefined();
    expect(entry!.decision).toMatchObject({ adopted, rule });
  });

  it('should not set a breakdown against its total, nor the items of one enumeration against each other', () => {
    const all = report.flatMap(quotes);
    expect(all).not.toContain('办证流程：总馆受理不超过3个工作日，分馆发证不超过2个工作日。');
    expect(all).not.toContain('成人读者押金为100元。');
    expect(all).not.toContain('少儿读者押金为50元。');
  });

  it('should not set statements under different conditions against each other', () => {
    expect(report.flatMap(quotes)).not.toContain('读者证损坏的，可免费补办。');
  });
});
