// What a conversation remembers between turns: the last turns' analysed parts and situations.
import type { RememberedTurn } from './analyse-question.js';
import type { QuestionAnalysis } from './question-types.js';

export interface SessionState {
  turns: RememberedTurn[];
}

/** The session after a message: its first part and situation appended as a turn (the last `maxTurns` kept). */
export function nextSessionState({ session, analysis, maxTurns = 10 }: { session: SessionState | null; analysis: QuestionAnalysis; maxTurns?: number }): SessionState {
  const previous = session?.turns ?? [];
  if (analysis.parts.length === 0) return { turns: previous.slice(-maxTurns) };
  const turn: RememberedTurn = { message: analysis.message, part: analysis.parts[0], situation: analysis.situation };
  return { turns: [...previous, turn].slice(-maxTurns) };
}
