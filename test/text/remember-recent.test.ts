import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../src/text/remember-recent.js';

function counted<Result>(compute: (input: string) => Result) {
  const calls: string[] = [];
  return { calls, compute: (input: string) => (calls.push(input), compute(input)) };
}

describe('rememberRecent', () => {
  it('computes a short input once and returns the same frozen result after', () => {
    const { calls, compute } = counted((input) => input.split(''));
    const remembered = rememberRecent(compute);
    const first = remembered('医保转移');
    expect(remembered('医保转移')).toBe(first);
    expect(calls).toEqual(['医保转移']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => (first as string[]).push('x')).toThrow(TypeError);
  });

  it('forgets the least recently used input beyond its size', () => {
    const { calls, compute } = counted((input) => input.length);
    const remembered = rememberRecent(compute, { size: 2 });
    remembered('甲');
    remembered('乙');
    remembered('甲'); // 甲 is now the most recent
    remembered('丙'); // 乙 goes
    remembered('甲');
    remembered('乙');
    expect(calls).toEqual(['甲', '乙', '丙', '乙']);
  });

  it('never holds an input longer than `longest`', () => {
    const { calls, compute } = counted((input) => ({ length: input.length }));
    const remembered = rememberRecent(compute, { longest: 4 });
    expect(remembered('一二三四五')).toEqual({ length: 5 });
    remembered('一二三四五');
    expect(calls).toEqual(['一二三四五', '一二三四五']);
    expect(Object.isFrozen(remembered('一二三四五'))).toBe(false);
  });
});
