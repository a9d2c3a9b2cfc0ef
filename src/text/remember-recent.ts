// A bounded memo for pure functions of short strings: question analysis tags and cuts the same question and the
// same headings several times per answer.

/**
 * `compute` remembered for the `size` most recently used short inputs. Results are frozen, so a caller that tried
 * to change a shared result fails loudly instead of corrupting later answers. Long inputs (whole documents at
 * ingest) are computed each time and never held.
 */
export function rememberRecent<Result>(compute: (input: string) => Result, { size = 1024, longest = 256 }: { size?: number; longest?: number } = {}): (input: string) => Result {
  const remembered = new Map<string, Result>();
  return (input) => {
    if (input.length > longest) return compute(input);
    const hit = remembered.get(input);
    if (hit !== undefined) {
      remembered.delete(input);
      remembered.set(input, hit);
      return hit;
    }
    const computed = compute(input);
    const result = typeof computed === 'object' && computed !== null ? Object.freeze(computed) : computed;
    remembered.set(input, result);
    if (remembered.size > size) remembered.delete(remembered.keys().next().value!);
    return result;
  };
}
