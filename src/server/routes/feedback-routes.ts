// POST /api/feedback: 👍/👎 on an answer, by its answerId; the server keeps the answer when it can recompute it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Citation } from '../../answer/answer-types.js';
import { answerIdPattern } from '../../feedback/answer-id.js';
import type { OperatorStore } from '../../operator-store/operator-store.js';
import type { ChatService } from '../chat-service.js';
import { readJsonBody } from '../read-json-body.js';
import { maxMessageLength } from '../request-schemas.js';

export const feedbackRequestSchema = z
  .object({
    answerId: z.string().regex(answerIdPattern, 'answerId must be the 22-character id of an answer'),
    question: z.string().trim().min(1, 'question must not be empty').max(maxMessageLength),
    rating: z.enum(['up', 'down']),
    comment: z.string().trim().max(2000, 'comment must be at most 2000 characters').optional(),
    /** The version the answer came from (the widget sends it); used when the answer cannot be recomputed. */
    indexVersion: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).optional(),
  })
  .strict();

export function feedbackRoutes({ chat, store }: { chat: ChatService; store: OperatorStore }) {
  return new Hono().post('/api/feedback', async function postFeedback(context) {
    const body = await readJsonBody(context, feedbackRequestSchema);
    const index = chat.index();
    // The id is a digest of version, question and answer: recomputing the answer on the serving index
    // confirms it and recovers the answer and its citations, without anything stored when it was given.
    const recomputed = await chat.recompute({ index, message: body.question });
    const matches = recomputed.answerId === body.answerId;
    const record = await store.addFeedback({
      answerId: body.answerId,
      question: body.question,
      rating: body.rating,
      comment: body.comment || null,
      indexVersion: matches ? index.version : (body.indexVersion ?? null),
      answer: matches ? recomputed.answer : null,
      citations: matches ? (recomputed.citations as Citation[]) : null,
    });
    return context.json({ id: record.id, answerId: record.answerId, recomputed: matches, indexVersion: record.indexVersion, createdAt: record.createdAt }, 201);
  });
}
