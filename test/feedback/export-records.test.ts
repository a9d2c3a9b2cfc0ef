// CSV and JSON Lines exports.
import { describe, expect, it } from 'vitest';
import { toCsv, toJsonLines } from '../../src/feedback/export-records.js';

describe('toCsv', () => {
  it('should quote, escape, flatten objects and neutralize cells a spreadsheet would run as formulas', () => {
    const records = [
      { id: 1, text: '说法, "引号"\n换行', cells: [{ n: 1 }], empty: null },
      { id: 2, text: '=HYPERLINK("http://x")', cells: [], empty: undefined },
      { id: 3, text: '-1+1', cells: [], empty: '@SUM(A1)' },
    ];
    expect(toCsv({ records, columns: ['id', 'text', 'cells', 'empty'] })).toBe(
      '\ufeffid,text,cells,empty\r\n1,"说法, ""引号""\n换行","[{""n"":1}]",\r\n2,"\'=HYPERLINK(""http://x"")",[],\r\n3,\'-1+1,[],\'@SUM(A1)\r\n',
    );
  });
});

describe('toJsonLines', () => {
  it('should write one JSON object per line, and nothing for no records', () => {
    expect(toJsonLines({ records: [{ a: 1 }, { a: '二' }] })).toBe('{"a":1}\n{"a":"二"}\n');
    expect(toJsonLines({ records: [] })).toBe('');
  });
});
