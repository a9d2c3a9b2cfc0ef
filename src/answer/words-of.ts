// The words of a statement's clauses, read once per statement (pure).
import type { Statement } from '../reconcile/statement-types.js';
import { rememberPerKey } from '../text/remember-per-key.js';

/** The words of a statement's clauses. */
export const wordsOf = rememberPerKey((statement: Statement): Set<string> => new Set(statement.clauseTokens.flat()));
