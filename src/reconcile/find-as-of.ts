// As-of dates of figures: "截至2025年3月" → "2025-03", "截至2024年底" → "2024-12" (pure).
import type { Language } from '../rules/compile-language.js';

const datePattern = /^\s*(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(底|末|初)?/;

/** The as-of date a normalized sentence gives its figures, or null when it gives none. */
export function findAsOf({ text, language }: { text: string; language: Language }): string | null {
  for (const marker of language.asOf) {
    let from = text.indexOf(marker);
    while (from >= 0) {
      const match = datePattern.exec(text.slice(from + marker.length));
      if (match) {
        const [, year, month, day, edge] = match;
        if (!month) return `${year}-${edge === '初' ? '01' : '12'}`;
        const paddedMonth = month.padStart(2, '0');
        return day ? `${year}-${paddedMonth}-${day.padStart(2, '0')}` : `${year}-${paddedMonth}`;
      }
      from = text.indexOf(marker, from + marker.length);
    }
  }
  return null;
}
