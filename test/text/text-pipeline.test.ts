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

describe('tagging a question', () => {
  it('should re-cut two guessed words side by side when a word of the rules straddles their edge (就入|职新 → 就|入职|新)', () => {
    expect(text.tag('下个月就入职新公司了').map((piece) => piece.word)).toEqual(['下个月', '就', '入职', '新', '公司', '了']);
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

  it('should cut at headings and carry the section path as context', () => {
    const { chunks, sections } = chunkDocument(document);
    expect(chunks.map((chunk) => [chunk.path, chunk.text])).toEqual([
      [['条件'], '第一句。第二句。'],
      [['流程'], '第三句。'],
    ]);
    expect(sections).toEqual([
      { heading: '条件', parent: null },
      { heading: '流程', parent: null },
    ]);
    expect(chunks[0].sentences).toEqual([
      { text: '第一句。', offset: 10, label: null, section: 0 },
      { text: '第二句。', offset: 14, label: null, section: 0 },
    ]);
  });

  it('should nest a numbered sub-heading under its heading and give every sentence of a line its label', () => {
    const nested = structuredClone(document);
    nested.lines = [
      { text: '一、办理流程', offset: 0 },
      { text: '1、线上办理:', offset: 7 },
      { text: '申请方式:登录网上平台提交。审核通过后即可。', offset: 15 },
      { text: '2、线下办理:', offset: 38 },
      { text: '携带证件到窗口办理。', offset: 46 },
    ];
    const { chunks, sections } = chunkDocument(nested);
    expect(sections).toEqual([
      { heading: '办理流程', parent: null },
      { heading: '线上办理', parent: 0 },
      { heading: '线下办理', parent: 0 },
    ]);
    expect(chunks.map((chunk) => [chunk.path, chunk.sentences.map((sentence) => [sentence.text, sentence.offset, sentence.label, sentence.section])])).toEqual([
      [['办理流程', '线上办理'], [['申请方式:登录网上平台提交。', 15, '申请方式', 1], ['审核通过后即可。', 29, '申请方式', 1]]],
      [['办理流程', '线下办理'], [['携带证件到窗口办理。', 46, null, 2]]],
    ]);
  });

  it('should give unchanged text the same ids, and changed text new ones', () => {
    const idsOf = (source: SourceDocument) => chunkDocument(source).chunks.map((chunk) => chunk.id);
    const first = idsOf(document);
    expect(idsOf(structuredClone(document))).toEqual(first);
    const changed = structuredClone(document);
    changed.lines[3].text = '第三句改了。';
    const second = idsOf(changed);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });
});
