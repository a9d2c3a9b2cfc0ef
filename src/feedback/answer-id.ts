// The answer id: a digest of the index version, the question and the answer. Deterministic, so feedback needs
// nothing stored: the same question on the same index gets the same id, and the server can recompute the answer.
import { createHash } from 'node:crypto';

export const answerIdPattern = /^[A-Za-z0-9_-]{22}$/;

export function answerIdOf({ indexVersion, question, answer }: { indexVersion: string; question: string; answer: string }): string {
  return createHash('sha256').update(`${indexVersion}\u0000${question}\u0000${answer}`).digest('base64url').slice(0, 22);
}
