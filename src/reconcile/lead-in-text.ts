// The sentence a list item continues ("职工有下列情形之一的,可以申请提取…" before "（六）出境定居的。") (pure).
import type { Statement } from './statement-types.js';

const itemMarker = /^\s*[（(]?[一二三四五六七八九十\d]+[）)、.．]/;
const caseItem = /^[\s(（]*[一二三四五六七八九十\d]+[)）、.．]\s*(.+的)[;；。.,，]?$/;

/**
 * The lead-in of a marked list item: its innermost heading, when that heading reads as a sentence (it has a clause
 * break), not a title ("提取条件"). Null for any other statement.
 */
export function leadInText(statement: Pick<Statement, 'normalized' | 'path'>): string | null {
  const heading = statement.path.at(-1);
  return heading && itemMarker.test(statement.normalized) && /[,，]/.test(heading) ? heading : null;
}

/**
 * The case a list item names for what its lead-in says ("（一）购买、建造…自住住房的；" under "职工有下列情形之一的,可以
 * 申请提取…": 购买、建造…自住住房的), or null: an item that is no case ("1、购房提取：购房合同…") says its own thing.
 */
export function caseOf(statement: Pick<Statement, 'normalized' | 'path'>): string | null {
  return leadInText(statement) !== null ? (caseItem.exec(statement.normalized)?.[1] ?? null) : null;
}
