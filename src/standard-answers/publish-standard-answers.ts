// At ingest: standard answers whose citations are verbatim in the indexed documents are published; others are skipped with the reason.
import type { SourceDocument } from '../corpus/corpus-types.js';
import { standardAnswerKey } from './match-standard-answer.js';
import type { PublishedStandardAnswer, SkippedStandardAnswer, StandardAnswer } from './standard-answer-types.js';

/** Why a citation is not verbatim in its source, or null when it is (a quote of several sentences may join them with "…"). */
export function citationProblem({ citation, documents }: { citation: { sourceId: string; quote: string }; documents: Map<string, SourceDocument> }): string | null {
  const document = documents.get(citation.sourceId);
  if (!document) return `source ${citation.sourceId} is not in the index`;
  const text = document.lines.map((line) => line.text).join('\n');
  const missing = citation.quote.split('…').map((part) => part.trim()).filter(Boolean).find((part) => !text.includes(part));
  return missing === undefined ? null : `the quote "${missing.slice(0, 40)}" is not found verbatim in ${citation.sourceId}`;
}

export function publishStandardAnswers({ answers, documents, normalize }: { answers: StandardAnswer[]; documents: Map<string, SourceDocument>; normalize: (text: string) => string }): { published: PublishedStandardAnswer[]; skipped: SkippedStandardAnswer[] } {
  const published: PublishedStandardAnswer[] = [];
  const skipped: SkippedStandardAnswer[] = [];
  for (const answer of answers) {
    const problem = (answer.citations ?? []).map((citation) => citationProblem({ citation, documents })).find((reason) => reason !== null);
    if (problem) {
      skipped.push({ id: answer.id, reason: problem });
      continue;
    }
    published.push({
      id: answer.id,
      questions: answer.questions,
      keys: answer.questions.map((question) => standardAnswerKey(question, normalize)),
      answer: answer.answer,
      citations: (answer.citations ?? []).map((citation, position) => {
        const document = documents.get(citation.sourceId)!;
        return { n: position + 1, sourceId: citation.sourceId, title: document.title, date: document.date, quote: citation.quote };
      }),
    });
  }
  return { published, skipped };
}
