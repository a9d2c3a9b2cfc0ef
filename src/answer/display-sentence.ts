// A sentence as shown in an answer: list bullets and numbering dropped, still a verbatim piece of the source.

const leadingMarker = /^(?:[•·●▪\-*]\s*|\d+[、.．]\s*|[(（]\d+[)）]\s*|[一二三四五六七八九十]+[、.]\s*)+/;

/** The sentence without its leading bullet or list number, and the offset shift that implies. */
export function displaySentence(text: string): { text: string; shift: number } {
  const match = leadingMarker.exec(text);
  if (!match) return { text, shift: 0 };
  const rest = text.slice(match[0].length);
  return rest.trim() ? { text: rest, shift: match[0].length } : { text, shift: 0 };
}

/** Escapes the characters a widget could read as markup; answers are plain text. */
export function escapeMarkup(text: string): string {
  return text.replace(/[<>]/g, (character) => (character === '<' ? '＜' : '＞'));
}
