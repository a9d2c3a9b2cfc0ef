// The HTTP answer: the answer contract, with the session id the server issued (null for a one-off question).
import { z } from 'zod';
import { answerResponseSchema, type AnswerResponse } from '../answer/answer-types.js';

export const chatResponseSchema = answerResponseSchema.extend({
  sessionId: z.string().nullable().describe('The session to continue with; null when the request asked a one-off question.'),
});
export type ChatResponse = Omit<AnswerResponse, 'sessionId'> & { sessionId: string | null };
