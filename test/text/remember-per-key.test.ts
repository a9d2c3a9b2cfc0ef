import { describe, expect, it } from 'vitest';
import { rememberPerKey } from '../../src/text/remember-per-key.js';

describe('rememberPerKey', () => {
  it('should compute once per key object, including a falsy value, and separately for another key', () => {
    const calls: string[] = [];
    const remembered = rememberPerKey((key: { name: string }, suffix: string) => (calls.push(key.name), key.name === 'empty' ? '' : key.name + suffix));
    const first = { name: 'a' };
    const empty = { name: 'empty' };
    expect(remembered(first, '!')).toBe('a!');
    expect(remembered(first, '?')).toBe('a!');
    expect(remembered(empty, '!')).toBe('');
    expect(remembered(empty, '!')).toBe('');
    expect(remembered({ name: 'a' }, '?')).toBe('a?');
    expect(calls).toEqual(['a', 'empty', 'a']);
  });
});
