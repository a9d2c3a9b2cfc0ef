// Interim contradiction report and retrieval trace for the console, read from what the current engine exposes
// (claims by topic, resolveTopic, searchChunks, understandQuery). The answer engine's own `conflict report` and
// `explain` functions replace these when they land.
import { answerQuestion } from '../answer/answer-question.js';
import type { LoadedIndex } from '../index/load-index.js';
import type { Claim } from '../reconcile/claim-types.js';
import type { Side } from '../reconcile/resolution-types.js';
import { resolveTopic } from '../reconcile/resolve-topic.js';
import { emptyScope, type Scope } from '../reconcile/scope.js';
import { searchChunks } from '../retrieval/search-chunks.js';
import { understandQuery } from '../retrieval/understand-query.js';

function sourceOf(index: LoadedIndex, claim: Claim) {
  const document = index.documents.get(claim.sourceId);
  return { sourceId: claim.sourceId, path: document?.path ?? null, title: document?.title ?? claim.sourceId, date: claim.sourceDate, authority: claim.authority, sentence: claim.sentence, scope: claim.scope };
}

/** One entry per source, with every sentence it states the value in. */
function sourcesOf(index: LoadedIndex, claims: Claim[]) {
  const bySource = new Map<string, ReturnType<typeof sourceOf> & { sentences: string[] }>();
  for (const claim of claims) {
    const entry = bySource.get(claim.sourceId);
    if (entry) entry.sentences.push(claim.sentence);
    else bySource.set(claim.sourceId, { ...sourceOf(index, claim), sentences: [claim.sentence] });
  }
  return [...bySource.values()].map(({ sentence: _sentence, ...entry }) => entry);
}

const valueText = (value: Side['value']) => (Array.isArray(value) ? value.join('、') : String(value));

function resolutionTrace(index: LoadedIndex, topicId: string, user: Scope) {
  const topic = index.topics.find((candidate) => candidate.id === topicId)!;
  const claims = index.claimsByTopic.get(topicId) ?? [];
  const resolution = resolveTopic({ topicId, kind: topic.kind, stability: topic.stability, claims, user, scopeRules: index.rules.scope });
  const side = (entry: Side, state: 'adopted' | 'rejected' | 'undecided', reason: string | null) => ({ value: valueText(entry.value), valueKey: entry.valueKey, state, reason, sources: sourcesOf(index, entry.claims) });
  const values = [
    ...(resolution.adopted ? [side(resolution.adopted, 'adopted', null)] : resolution.sides.map((entry) => side(entry, 'undecided', null))),
    ...resolution.rejected.map((entry) => side(entry, 'rejected', entry.reason)),
  ];
  const exceptions = [...resolution.narrower, ...resolution.variants].map((claim) => ({ value: valueText(claim.value), ...sourceOf(index, claim) }));
  return { topic: topicId, subject: topic.label, claims: claims.length, rule: resolution.rule, decision: resolution.adopted ? valueText(resolution.adopted.value) : null, values, exceptions };
}

/** Every topic on which the corpus states more than one value, with the decision the rules take for a question that names no situation. */
export function interimConflictReport({ index }: { index: LoadedIndex }) {
  const entries = [];
  for (const topic of index.topics) {
    const claims = index.claimsByTopic.get(topic.id) ?? [];
    if (new Set(claims.map((claim) => claim.valueKey)).size < 2) continue;
    const trace = resolutionTrace(index, topic.id, emptyScope);
    if (trace.rule === null) continue; // the applicable sources agree
    const rejectedPaths = trace.values.filter((value) => value.state === 'rejected').flatMap((value) => value.sources.map((source) => source.path));
    entries.push({ ...trace, retire: [...new Set(rejectedPaths.filter((path): path is string => path !== null))] });
  }
  return { indexVersion: index.version, interim: true, conflicts: entries };
}

/** Retrieved passages with scores, the question analysis, the comparable claims with the rule trace, and the answer. */
export async function interimExplain({ index, question, standardAnswerSimilarity }: { index: LoadedIndex; question: string; standardAnswerSimilarity?: number }) {
  const understanding = understandQuery({ index, message: question, session: null });
  const hits = await searchChunks({ index, query: understanding.effective, k: 8, expanded: understanding.expanded });
  const { response } = await answerQuestion({ index, message: question, session: null, sessionId: 'explain', standardAnswerSimilarity });
  return {
    indexVersion: index.version,
    interim: true,
    question,
    analysis: {
      normalized: understanding.normalized,
      topics: understanding.topics.map((match) => ({ id: match.topic.id, label: match.topic.label, score: match.score })),
      scope: understanding.scope,
      answerWords: understanding.answerWords,
      keywords: understanding.keywords,
      treatment: understanding.treatment,
    },
    passages: hits.map((hit) => ({
      sourceId: hit.chunk.sourceId,
      title: index.documents.get(hit.chunk.sourceId)?.title ?? hit.chunk.sourceId,
      heading: hit.chunk.heading,
      text: hit.chunk.sentences.map((sentence) => sentence.text).join(''),
      score: hit.score,
      lexicalScore: hit.lexicalScore,
      vectorSimilarity: hit.vectorSimilarity,
    })),
    resolutions: understanding.topics.map((match) => resolutionTrace(index, match.topic.id, understanding.scope)),
    answer: response,
  };
}
