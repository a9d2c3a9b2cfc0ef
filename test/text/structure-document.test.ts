// Headings, labelled items and every sentence's place in a document's structure.
import { describe, expect, it } from 'vitest';
import { isHeading, structureDocument } from '../../src/text/structure-document.js';

describe('isHeading', () => {
  it.each([
    ['一、压缩办理时限', true],
    ['4、办理时效:', true],
    ['## 转移条件', true],
    ['福建厦门医保个人账户余额可以转移吗?', true],
    ['转移条件', true],
    ['1、购房提取：购房合同、购房发票或者不动产权证书；', false],
    ['2、还贷提取：借款合同和还款明细；', false],
    ['（三）租赁自住住房，且本人及配偶在缴存地无自有住房的；', false],
    ['4、办理时效:15个工作日', false],
    ['居住证有效期为一年。', false],
  ])('should read %s as a heading: %s', (line, heading) => {
    expect(isHeading(line)).toBe(heading);
  });
});

describe('structureDocument', () => {
  it('should keep numbered labelled items as sentences of their section, each with its label', () => {
    const lines = ['二、所需材料', '1、购房提取：购房合同、购房发票；', '2、还贷提取：借款合同和还款明细；', '3、退休提取:'].map((text, position) => ({ text, offset: position * 100 }));
    const { sections, sentences } = structureDocument({ lines });
    expect(sections.map((section) => section.heading)).toEqual(['所需材料', '退休提取']);
    expect(sentences.map((sentence) => [sentence.text, sentence.section, sentence.label])).toEqual([
      ['1、购房提取：购房合同、购房发票；', 0, '购房提取'],
      ['2、还贷提取：借款合同和还款明细；', 0, '还贷提取'],
    ]);
  });
});

describe('structureDocument of a teaser run on one line', () => {
  it('should keep a figure, and what follows a word that cannot end a phrase, with the run before', () => {
    const lines = [{ text: '1. 缴费标准 缴费比例 :灵活就业人员需按照缴费基数的 8.5% 缴纳 2. 缴费方式 线上缴纳', offset: 0 }];
    const { sentences } = structureDocument({ lines, runs: true });
    expect(sentences.map((sentence) => sentence.text)).toContain('缴费比例 :灵活就业人员需按照缴费基数的 8.5%');
  });
});
