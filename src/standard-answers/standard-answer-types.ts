// Standard answers: an editor's answer to given questions, kept as corpus data (standard-answers.yaml) and
// published into the index version, so that answers stay a pure function of the index.
import { z } from 'zod';

export { standardAnswersFileName } from '../corpus/corpus-data-file-names.js';
export const publishedStandardAnswersFileName = 'standard-answers.json';

export const standardAnswerCitationSchema = z.object({ sourceId: z.string().min(1).max(300), quote: z.string().trim().min(1).max(2000) }).strict();

/** What an editor gives (POST/PUT /admin/answers). */
export const standardAnswerInputSchema = z
  .object({
    questions: z.array(z.string().trim().min(1).max(1000)).min(1, 'give at least one question').max(50),
    answer: z.string().trim().min(1, 'answer must not be empty').max(5000),
    citations: z.array(standardAnswerCitationSchema).max(20).optional(),
  })
  .strict();
export type StandardAnswerInput = z.infer<typeof standardAnswerInputSchema>;

export const standardAnswerSchema = standardAnswerInputSchema.extend({ id: z.string().regex(/^[a-z0-9-]{4,40}$/, 'id must be 4–40 of a–z, 0–9 and -') });
export type StandardAnswer = z.infer<typeof standardAnswerSchema>;

/** A standard answer as the index holds it: questions normalized for matching, citations resolved against the documents. */
export interface PublishedStandardAnswer {
  id: string;
  questions: string[];
  /** The questions normalized as the matcher compares them. */
  keys: string[];
  answer: string;
  citations: Array<{ n: number; sourceId: string; title: string; date: string | null; quote: string }>;
}

/** A standard answer left out of a version, and why (a citation no longer found verbatim). */
export interface SkippedStandardAnswer {
  id: string;
  reason: string;
}
