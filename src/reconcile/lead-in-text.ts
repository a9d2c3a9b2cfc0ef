// The sentence a list item continues ("职工有下列情形之一的,可以申请提取…" before "（六）出境定居的。") (pure).
import type { Statement } from './statement-types.js';

const itemMarker = /^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]/;

/**
 * The lead-in of a marked list item: its innermost heading, when that heading reads as a sentence (it has a clause
 * break), not a title ("提取条件"). Null for any other statement.
 */
export function leadInText(statement: Pick<Statement, 'normalized' | 'path'>): string | null {
  const heading = statement.path.at(-1);
  return heading && itemMarker.test(statement.normalized) && /[,，]/.test(heading) ? heading : null;
}
