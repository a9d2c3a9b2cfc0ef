// Requests the assistant declines: to act on an account, to play a role, to reveal its instructions, to entertain.
import type { Language } from '../rules/compile-language.js';
import type { Refusal } from './question-types.js';

/** The kind of request the message makes that the assistant refuses, or null. */
export function findRefusal({ normalized, language }: { normalized: string; language: Language }): Refusal | null {
  if (language.refusals.reveal.some((pattern) => pattern.test(normalized))) return 'reveal';
  if (language.refusals.role.some((pattern) => pattern.test(normalized))) return 'role';
  if (language.refusals.act.some((pattern) => pattern.test(normalized))) return 'act';
  if (language.refusals.entertain.some((word) => normalized.includes(word))) return 'entertain';
  return null;
}
