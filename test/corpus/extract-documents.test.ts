import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../src/corpus/extract-documents.js';
import { rulesOf } from '../helpers.js';

const cleaning = rulesOf('corpus').cleaning;
const extract = (path: string, text: string) => extractDocuments({ file: { path, text, hash: 'h', bytes: text.length }, cleaning });

describe('extractDocuments', () => {
  it('should take metadata from front matter', () => {
    const result = extract('a/b.md', '---\ntitle: 标题\ndate: 2024-01-02\npublisher: 某局\nurl: https://example.org/x\nauthority: official\n---\n正文第一句。\n');
    expect(result.success && result.documents[0]).toMatchObject({ sourceId: 'a/b', title: '标题', date: '2024-01-02', publisher: '某局', url: 'https://example.org/x', authority: 'official' });
    expect(result.success && result.documents[0].lines.map((line) => line.text)).toEqual(['正文第一句。']);
  });

  it.each([
    ['broken YAML', '---\ntitle: [unclosed\n---\n正文。\n', /broken front matter/],
    ['a bad date', '---\ndate: 2024/01/02\n---\n正文。\n', /date must be YYYY-MM-DD/],
    ['an unknown authority', '---\nauthority: famous\n---\n正文。\n', /authority/],
    ['an unknown key', '---\nauthor: 张三\n---\n正文。\n', /author/],
  ])('should reject a file with %s', (_, text, reason) => {
    const result = extract('x.md', text);
    expect(result.success).toBe(false);
    expect(!result.success && result.reason).toMatch(reason);
  });

  it('should infer the date from "(2025/06/01)" in the title and strip it from the title', () => {
    const result = extract('t.txt', '某问题怎么办?(2025/06/01)\n\n正文。\n');
    expect(result.success && result.documents[0]).toMatchObject({ title: '某问题怎么办?', date: '2025-06-01' });
  });

  it('should read HTML as text', () => {
    const result = extract('p.html', '<html><head><title>页面标题</title><script>alert(1)</script></head><body><p>第一段。</p><p>第二段&amp;更多。</p></body></html>');
    expect(result.success && result.documents[0].title).toBe('页面标题');
    expect(result.success && result.documents[0].lines.map((line) => line.text)).toEqual(['第一段。', '第二段&更多。']);
  });
});
