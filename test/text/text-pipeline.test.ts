import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/corpus/corpus-types.js';
import { chunkDocument } from '../../src/text/chunk-document.js';
import { createTextPipeline } from '../../src/text/create-text-pipeline.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { rulesOf } from '../helpers.js';

const text = createTextPipeline({ rules: rulesOf('corpus') });

describe('segmentation with the domain user dictionary', () => {
  it.each(['个人账户', '统筹基金', '医保钱包', '转移接续', '参保凭证', '跨省共济'])('should keep %s whole', (term) => {
    expect(text.tokens(`关于${term}的规定`)).toContain(term);
  });
});

describe('normalization', () => {
  it('should fold traditional characters, full width and variants', () => {
    expect(text.normalize('醫保個人帳戶會清0嗎？')).toBe('医保个人账户会清零吗?');
  });

  it('should index 清0 and 清零 the same', () => {
    expect(text.tokens('余额清0')).toEqual(text.tokens('余额清零'));
  });
});

describe('splitSentences', () => {
  it('should split after 。！？; and keep offsets', () => {
    expect(splitSentences('第一句。第二句!第三句;  第四句')).toEqual([
      { text: '第一句。', offset: 0 },
      { text: '第二句!', offset: 4 },
      { text: '第三句;', offset: 8 },
      { text: '第四句', offset: 14 },
    ]);
  });
});

describe('chunkDocument', () => {
  const document: SourceDocument = {
    sourceId: 'doc', path: 'doc.txt', title: '标题', date: null, publisher: null, url: null, authority: 'unknown',
    kind: 'article', truncated: false, parentId: null, category: null,
    lines: [
      { text: '1、条件:', offset: 0 },
      { text: '第一句。第二句。', offset: 10 },
      { text: '2、流程:', offset: 20 },
      { text: '第三句。', offset: 30 },
    ],
  };

  it('should cut at headings and carry the heading as context', () => {
    expect(chunkDocument(document).map((chunk) => [chunk.heading, chunk.text])).toEqual([
      ['1、条件:', '第一句。第二句。'],
      ['2、流程:', '第三句。'],
    ]);
  });

  it('should give unchanged text the same ids, and changed text new ones', () => {
    const first = chunkDocument(document).map((chunk) => chunk.id);
    expect(chunkDocument(structuredClone(document)).map((chunk) => chunk.id)).toEqual(first);
    const changed = structuredClone(document);
    changed.lines[3].text = '第三句改了。';
    const second = chunkDocument(changed).map((chunk) => chunk.id);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });
});
