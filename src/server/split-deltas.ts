// Cuts an answer into streaming deltas at punctuation, so that their concatenation is the answer.

const maxDelta = 24;

/** Pieces of `text` in order, each ending at punctuation or a line break where possible. */
export function splitDeltas(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const character of text) {
    current += character;
    if (/[，。；：、！？,.;:!?\n\]]/.test(character) || current.length >= maxDelta) {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
