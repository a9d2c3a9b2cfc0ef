// A figure given per unit ("每满1年积2分") applied to the user's own figure ("住满4年"): 8分 (pure).
import type { Quantity } from '../reconcile/find-quantities.js';
import type { Statement } from '../reconcile/statement-types.js';
import type { UnitSpelling } from '../rules/compile-language.js';

export interface ScaledValue {
  /** The figure for the user, written like the source's ("8分"). */
  text: string;
  /** How it was reckoned, in the source's words and the user's figure ("每满1年积2分，按4年计"). */
  reckoning: string;
}

/** "每天0.1元": a rate of one unit written without its number, right before the figure. */
function oneUnit(text: string, quantity: Quantity, units: UnitSpelling[], perUnit: string[]): Quantity | null {
  const before = text.slice(0, quantity.start);
  const unit = [...units].sort((left, right) => right.spelling.length - left.spelling.length).find((entry) => perUnit.some((word) => before.endsWith(`${word}${entry.spelling}`)));
  if (!unit) return null;
  const start = quantity.start - unit.spelling.length;
  return { value: 1, upper: null, unit: unit.unit, dimension: unit.dimension, base: unit.size, comparator: 'exact', start, end: quantity.start, former: null, superseded: false };
}
const clauseBreak = /[,;。，；：:]/;

/**
 * The statement's figure scaled by the user's own figure when the statement gives it per unit of something the user
 * states: the number of whole units times the figure. Null when the statement gives no rate, the user states no figure
 * of the rate's kind, or not one whole unit.
 */
export function scaleRate({ statement, quantity, userQuantities, units, perUnit }: {
  statement: Statement;
  quantity: Quantity;
  userQuantities: Quantity[];
  units: UnitSpelling[];
  /** The words that make a figure a rate ("每满", "每"), longest first. */
  perUnit: string[];
}): ScaledValue | null {
  if (quantity.upper !== null || quantity.comparator === 'range') return null;
  const text = statement.normalized;
  const rate = statement.analysis.quantities.find(
    (candidate) => candidate !== quantity && candidate.end <= quantity.start && perUnit.some((word) => text.slice(0, candidate.start).endsWith(word)) && !clauseBreak.test(text.slice(candidate.end, quantity.start)),
  ) ?? oneUnit(text, quantity, units, perUnit);
  if (!rate || rate.base <= 0) return null;
  const user = userQuantities.find((candidate) => candidate.dimension === rate.dimension && candidate.upper === null);
  if (!user) return null;
  const whole = Math.floor(user.base / rate.base + 1e-9);
  // One unit's worth is the rate itself: nothing to reckon.
  if (whole <= 1) return null;
  const written = text.slice(quantity.start, quantity.end);
  const total = Number((whole * quantity.value).toFixed(4));
  const start = Math.max(...perUnit.map((word) => text.lastIndexOf(word, rate.start)));
  return {
    // A figure written without digits ("万分之五") is given as the total in its unit.
    text: /\d/.test(written) ? written.replace(/\d+(?:\.\d+)?/, String(total)) : `${total}${quantity.unit}`,
    reckoning: `${text.slice(start, quantity.end)}，按${user.value}${user.unit}计`,
  };
}
