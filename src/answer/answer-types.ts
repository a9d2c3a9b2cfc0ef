// The answer contract (../shared/eval/README.md) as zod schemas: validated output and OpenAPI source.
import { z } from 'zod';

export const citationSchema = z.object({
  n: z.number().int().positive(),
  sourceId: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  quote: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

export const conflictSchema = z.object({
  topic: z.string(),
  adopted: z.object({ statement: z.string(), citations: z.array(z.number().int()) }).nullable(),
  rejected: z.array(z.object({ statement: z.string(), citations: z.array(z.number().int()), reason: z.string() })),
  rule: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const answerResponseSchema = z.object({
  status: z.enum(['answered', 'no_answer']),
  answer: z.string(),
  citations: z.array(citationSchema),
  conflicts: z.array(conflictSchema),
  disclaimer: z.string(),
  sessionId: z.string().nullable(),
  indexVersion: z.string(),
  /** Who wrote the answer text: the extractive composer, a model whose output passed verification, or an editor's standard answer. */
  mode: z.enum(['llm', 'extractive', 'standard']).optional(),
  /** Why a configured model's answer was not used. */
  fallbackReason: z.string().optional(),
  /** Digest of index version, question and answer: what feedback refers to (set by the server). */
  answerId: z.string().optional(),
});
export type AnswerResponse = z.infer<typeof answerResponseSchema>;
