// Numbers written in digits or Chinese numerals ("15", "十五", "两", "1.6亿", "一百二十") (pure).

const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const largeUnits: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The characters a Chinese numeral is written with. */
export const chineseNumeralCharacters = '零〇一二两三四五六七八九十百千万亿';

/** A pattern for one number: digits with an optional decimal part, or Chinese numerals, each with an optional 万/亿. */
export const numberPattern = `(?:\\d+(?:\\.\\d+)?[万亿]?|[${chineseNumeralCharacters}]+)`;

function parseChinese(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const character of text) {
    if (character in digits) {
      digit = digits[character];
    } else if (character in smallUnits) {
      section += (digit ?? 1) * smallUnits[character];
      digit = null;
    } else if (character in largeUnits) {
      total += (section + (digit ?? 0)) * largeUnits[character];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** The value of a number in digits or Chinese numerals, or null when `text` is not one. */
export function parseNumber(text: string): number | null {
  if (!text) return null;
  const mixed = /^(\d+(?:\.\d+)?)([万亿])?$/.exec(text);
  if (mixed) return Number(mixed[1]) * (mixed[2] ? largeUnits[mixed[2]] : 1);
  // "一二三" read digit by digit is not a numeral: only accept a well-formed one.
  if (/^[零〇一二两三四五六七八九]{2,}$/.test(text)) return null;
  return parseChinese(text);
}
