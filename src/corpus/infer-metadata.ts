// Title and publication date inferred from a page's own text (never invented).
import type { CompiledCleaning } from '../rules/compile-rules.js';
import { splitSentences } from '../text/split-sentences.js';
import type { SourceLine } from './corpus-types.js';

const maxTitleLength = 60;

/** A YYYY-MM-DD date found by the first matching pattern in `text`, or null. */
export function findDate(text: string, patterns: RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/** The title of a page: its first line when short (then `consumed`), else the first sentence of it. */
export function inferTitle(first: SourceLine | undefined, rules: CompiledCleaning): { title: string; consumed: boolean } {
  if (!first) return { title: '', consumed: false };
  const withoutDate = first.text.replace(rules.titleDateSuffix, '').trim();
  if (withoutDate.length <= maxTitleLength) return { title: withoutDate, consumed: true };
  const sentence = splitSentences(withoutDate)[0]?.text ?? withoutDate;
  return { title: sentence.slice(0, maxTitleLength), consumed: false };
}
