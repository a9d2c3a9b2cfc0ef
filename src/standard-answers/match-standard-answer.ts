// Finds the standard answer a question asks for: the same question after normalization, or one similar enough.
import type { PublishedStandardAnswer } from './standard-answer-types.js';

/** The question as compared: normalized (NFKC, simplified, variants), without punctuation, symbols or spaces. */
export function standardAnswerKey(question: string, normalize: (text: string) => string): string {
  return normalize(question).replace(/[\p{P}\p{S}\s]/gu, '').toLowerCase();
}

function bigrams(text: string): Map<string, number> {
  const characters = [...text];
  const counts = new Map<string, number>();
  const grams = characters.length < 2 ? characters : characters.slice(1).map((character, position) => characters[position] + character);
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/** Dice coefficient of character bigrams, from 0 (nothing shared) to 1 (the same text). */
export function questionSimilarity(left: string, right: string): number {
  if (left === right) return 1;
  const [a, b] = [bigrams(left), bigrams(right)];
  let shared = 0;
  let total = 0;
  for (const count of a.values()) total += count;
  for (const [gram, count] of b) {
    total += count;
    shared += Math.min(count, a.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The best standard answer at or above `threshold` (1 for an exact match after normalization), or null. */
export function matchStandardAnswer({ answers, question, normalize, threshold }: { answers: PublishedStandardAnswer[]; question: string; normalize: (text: string) => string; threshold: number }): { answer: PublishedStandardAnswer; similarity: number } | null {
  if (answers.length === 0) return null;
  const key = standardAnswerKey(question, normalize);
  if (!key) return null;
  let best: { answer: PublishedStandardAnswer; similarity: number } | null = null;
  for (const answer of answers) {
    for (const candidate of answer.keys) {
      const similarity = questionSimilarity(key, candidate);
      // Ties go to the earlier answer, so the choice is deterministic.
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { answer, similarity };
    }
  }
  return best;
}
