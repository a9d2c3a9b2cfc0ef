// Quantities, numerals, comparators, ranges and change statements read from normalized text.
import { describe, expect, it } from 'vitest';
import { findAsOf } from '../../src/reconcile/find-as-of.js';
import { findQuantities, sameAmount } from '../../src/reconcile/find-quantities.js';
import { parseNumber } from '../../src/reconcile/parse-number.js';
import { compileLanguage } from '../../src/rules/compile-language.js';
import { defaultLanguage } from '../../src/rules/defaults/default-language.js';

const language = compileLanguage({ data: defaultLanguage, normalize: (text) => text.normalize('NFKC').toLowerCase() });
const read = (text: string) =>
  findQuantities({ text, language }).map((quantity) => ({
    text: text.slice(quantity.start, quantity.end),
    value: quantity.value,
    upper: quantity.upper,
    unit: quantity.unit,
    comparator: quantity.comparator,
    superseded: quantity.superseded,
    former: quantity.former,
  }));

describe('parseNumber', () => {
  it.each([
    ['15', 15],
    ['1.6亿', 160_000_000],
    ['20万', 200_000],
    ['十五', 15],
    ['二十', 20],
    ['两', 2],
    ['一百二十', 120],
    ['三', 3],
    ['一二三', null],
    ['', null],
  ])('should read %s as %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('findQuantities', () => {
  it.each([
    ['全流程不超过15个工作日', [{ text: '不超过15个工作日', value: 15, upper: null, unit: '工作日', comparator: 'atMost', superseded: false, former: null }]],
    ['自受理之日起30个工作日内办结', [{ text: '30个工作日内', value: 30, upper: null, unit: '工作日', comparator: 'atMost', superseded: false, former: null }]],
    ['月缴费500元起', [{ text: '500元起', value: 500, upper: null, unit: '元', comparator: 'atLeast', superseded: false, former: null }]],
    ['受理后7个工作日内即可制证', [{ text: '7个工作日内', value: 7, upper: null, unit: '工作日', comparator: 'atMost', superseded: false, former: null }]],
    ['断缴超过3个月', [{ text: '超过3个月', value: 3, upper: null, unit: '月', comparator: 'atLeast', superseded: false, former: null }]],
    ['中断缴费3个月(含)以内的', [{ text: '3个月(含)以内', value: 3, upper: null, unit: '月', comparator: 'atMost', superseded: false, former: null }]],
    ['断缴3-6个月', [{ text: '3-6个月', value: 3, upper: 6, unit: '月', comparator: 'range', superseded: false, former: null }]],
    ['报销比例60%-70%', [{ text: '60%-70%', value: 60, upper: 70, unit: '%', comparator: 'range', superseded: false, former: null }]],
    ['年度封顶线20万-30万元', [{ text: '20万-30万元', value: 200_000, upper: 300_000, unit: '元', comparator: 'range', superseded: false, former: null }]],
    ['居住证有效期为一年', [{ text: '一年', value: 1, upper: null, unit: '年', comparator: 'exact', superseded: false, former: null }]],
    ['等一个半月', [{ text: '一个半月', value: 1.5, upper: null, unit: '月', comparator: 'exact', superseded: false, former: null }]],
    [
      '比例分别由75%、65%提高至80%、70%',
      [
        { text: '75%', value: 75, upper: null, unit: '%', comparator: 'exact', superseded: true, former: null },
        { text: '65%', value: 65, upper: null, unit: '%', comparator: 'exact', superseded: true, former: null },
        { text: '80%', value: 80, upper: null, unit: '%', comparator: 'exact', superseded: false, former: 75 },
        { text: '70%', value: 70, upper: null, unit: '%', comparator: 'exact', superseded: false, former: 65 },
      ],
    ],
    ['社保交了一年半', [{ text: '一年半', value: 1.5, upper: null, unit: '年', comparator: 'exact', superseded: false, former: null }]],
    ['过期三个多月', [{ text: '三个多月', value: 3, upper: null, unit: '月', comparator: 'atLeast', superseded: false, former: null }]],
    ['全国实缴人数1.75亿人', [{ text: '1.75亿人', value: 175_000_000, upper: null, unit: '人', comparator: 'exact', superseded: false, former: null }]],
    ['累计服务超过300万人次', [{ text: '超过300万人次', value: 3_000_000, upper: null, unit: '人次', comparator: 'atLeast', superseded: false, former: null }]],
    ['居住满半年', [{ text: '满半年', value: 0.5, upper: null, unit: '年', comparator: 'atLeast', superseded: false, former: null }]],
    ['约1.55亿张', [{ text: '约1.55亿张', value: 155_000_000, upper: null, unit: '张', comparator: 'approximately', superseded: false, former: null }]],
    ['已有17个省份开通', [{ text: '17个省份', value: 17, upper: null, unit: '省', comparator: 'exact', superseded: false, former: null }]],
    ['按日加收万分之五', [{ text: '万分之五', value: 0.05, upper: null, unit: '%', comparator: 'exact', superseded: false, former: null }]],
    ['按千分之五算', [{ text: '千分之五', value: 0.5, upper: null, unit: '%', comparator: 'exact', superseded: false, former: null }]],
    ['百分之十的费用', [{ text: '百分之十', value: 10, upper: null, unit: '%', comparator: 'exact', superseded: false, former: null }]],
  ])('should read %s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['截至2025年3月', []],
    ['每年5月1日至5月31日申报', []],
    ['第二年未缴费', []],
    ['拨打12333热线', []],
  ])('should not read a date, an ordinal or a bare number in %s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['居住证制证时限由15个工作日压缩至7个工作日', 7, 15],
    ['起付标准由500元降至200元', 200, 500],
    ['时限从30日缩短为10日', 10, 30],
  ])('should read the target of a change statement as current in %s', (text, current, former) => {
    const quantities = read(text);
    expect(quantities.filter((quantity) => !quantity.superseded).map((quantity) => quantity.value)).toEqual([current]);
    expect(quantities.find((quantity) => !quantity.superseded)?.former).toBe(former);
    expect(quantities.filter((quantity) => quantity.superseded).map((quantity) => quantity.value)).toEqual([former]);
  });
});

describe('sameAmount', () => {
  it.each([
    ['半年', '6个月', true],
    ['1个月', '30天', true],
    ['一年', '12个月', true],
    ['6个月', '5个月', false],
    ['15日', '16日', false],
    ['500元', '500元', true],
    ['500元', '510元', false],
  ])('should tell whether %s and %s state the same amount', (left, right, same) => {
    expect(sameAmount(findQuantities({ text: left, language })[0], findQuantities({ text: right, language })[0])).toBe(same);
  });
});

describe('findAsOf', () => {
  it.each([
    ['截至2025年3月,全国已有17个省', '2025-03'],
    ['截至2024年底,全国累计发放居住证超过1.6亿张', '2024-12'],
    ['截至2024年6月底,全国累计发放约1.55亿张', '2024-06'],
    ['截止2023年12月31日', '2023-12-31'],
    ['全国已有11个省份开通', null],
  ])('should read the as-of date of %s as %s', (text, expected) => {
    expect(findAsOf({ text, language })).toBe(expected);
  });
});
