import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src/corpus/extract-documents.js';
import { readCorpus } from '../../src/corpus/read-corpus.js';
import { rulesOf } from '../helpers.js';

const cleaning = rulesOf('corpus').cleaning;
const files = new Map(readCorpus({ corpusDirectory: 'corpus' }).files.map((file) => [file.path, file]));

function documentsOf(path: string) {
  const result = extractDocuments({ file: files.get(path)!, cleaning });
  if (!result.success) throw new Error(result.reason);
  return result;
}

describe('cleaning of the real seed pages', () => {
  it('should keep the main article of 002 with its title, date and publisher, and drop link lists and boilerplate', () => {
    const { documents, dropped } = documentsOf('002_19b40e20bde5ce48.txt');
    expect(documents).toHaveLength(1);
    const [main] = documents;
    expect(main).toMatchObject({
      sourceId: '002_19b40e20bde5ce48',
      title: '兰州医保关系跨省异地转移可以转个人账户里的钱吗?',
      date: '2025-06-01',
      publisher: '社保网',
      authority: 'unknown',
      kind: 'article',
    });
    const text = main.lines.map((line) => line.text).join('\n');
    expect(text).toContain('跨省转移时,转出地需在10个工作日内完成转出');
    expect(text).not.toContain('医保知识');
    expect(text).not.toContain('投诉');
    expect(text).not.toContain('2025-06-01 05:20:27');
    expect(dropped).toEqual({ boilerplate: 2, linkList: 5, navigation: 0 });
  });

  it('should split the 相关推荐 teasers of 000 into dated, truncated sub-documents', () => {
    const { documents } = documentsOf('000_5c0c019b9c64b459.txt');
    const teasers = documents.filter((document) => document.kind === 'teaser');
    expect(documents[0]).toMatchObject({ sourceId: '000_5c0c019b9c64b459', title: '医保转移后统筹账户余额去哪了', date: null, kind: 'article' });
    expect(teasers).toHaveLength(20);
    expect(teasers[18]).toMatchObject({
      sourceId: '000_5c0c019b9c64b459#19',
      title: '2025湖南益阳种牙医保能报销吗',
      date: '2025-03-19',
      truncated: true,
      parentId: '000_5c0c019b9c64b459',
      category: '健康新闻',
    });
    expect(documents[0].lines.map((line) => line.text).join('\n')).not.toContain('相关推荐');
  });

  it('should drop the 大家都在搜 marker, the 首页 顶部 navigation and keep 20 teasers of 004 dated 2025-03-14', () => {
    const { documents, dropped } = documentsOf('004_a9cc63770a26478c.txt');
    const teasers = documents.filter((document) => document.kind === 'teaser');
    expect(teasers).toHaveLength(20);
    expect(new Set(teasers.map((teaser) => teaser.date))).toEqual(new Set(['2025-03-14']));
    expect(dropped.navigation).toBe(1);
    expect(documents[0].lines.some((line) => line.text.includes('本信息整理自互联网公开渠道'))).toBe(false);
  });

  it('should never invent a date: 001 names none', () => {
    expect(documentsOf('001_e1238a5f0d808521.txt').documents[0].date).toBeNull();
  });

  it('should keep line offsets that point at the verbatim text of the file', () => {
    const file = files.get('003_75a98240a5c26b75.txt')!;
    for (const line of documentsOf(file.path).documents[0].lines) expect(file.text.slice(line.offset, line.offset + line.text.length)).toBe(line.text);
  });
});

describe('cleaning of a fictional scraped page', () => {
  const text = readFileSync('test/fixtures/scraped/page.txt', 'utf8');
  const result = extractDocuments({ file: { path: 'news/page.txt', text, hash: 'x', bytes: text.length }, cleaning });

  it('should find the main article, its date and publisher', () => {
    expect(result.success && result.documents[0]).toMatchObject({
      sourceId: 'news/page',
      title: '星港市读者证可以跨馆使用吗？',
      date: '2024-03-02',
      publisher: '星港资讯网',
    });
    expect(result.success && result.documents[0].lines.map((line) => line.text)).toEqual([
      '下面随小编一起了解具体内容。',
      '1、跨馆使用:',
      '读者证可在全市各分馆通用。',
      '2、注意事项:',
      '借阅册数以主馆为准。',
    ]);
  });

  it("should drop the site's name line, its menu and its breadcrumb as navigation", () => {
    // Three lines of the head, and the last teaser block, which has no footer.
    expect(result.success && result.dropped.navigation).toBe(4);
    expect(result.success && result.documents[0].title).toBe('星港市读者证可以跨馆使用吗？');
  });

  it('should turn each teaser into a sub-document with its own title and date', () => {
    expect(result.success && result.documents.slice(1).map((document) => [document.sourceId, document.title, document.date, document.lines.length])).toEqual([
      ['news/page#1', '星港市少儿证办理条件', '2024-02-11', 1],
      ['news/page#2', '夜间还书箱在哪里', '2024-02-12', 1],
    ]);
  });
});
