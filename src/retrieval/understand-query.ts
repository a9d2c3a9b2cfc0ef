// Deterministic query understanding: topics, the user's situation, follow-ups, the kind of answer asked for.
import type { LoadedIndex } from '../index/load-index.js';
import { detectUserScope, type Scope } from '../reconcile/scope.js';
import { detectQuestionTopics, type TopicMatch } from '../reconcile/topic-matcher.js';
import { expandQuery, type WeightedToken } from './expand-query.js';

/** What a session remembers of earlier turns. */
export interface SessionState {
  turns: Array<{ message: string; effective: string; topics: string[]; scope: Scope }>;
}

export interface QueryUnderstanding {
  /** The normalized message. */
  normalized: string;
  /** The normalized text topics and retrieval work on (a follow-up carries the previous question). */
  effective: string;
  followUp: boolean;
  topics: TopicMatch[];
  scope: Scope;
  /** The yes/no words to answer with ("会"/"不会"), when the question asks yes or no. */
  answerWords: { yes: string; no: string } | null;
  expanded: WeightedToken[];
  /** The question's own words (a follow-up's earlier question at a lower weight), without synonyms. */
  keywords: WeightedToken[];
  treatment: boolean;
}

const modals: Array<{ pattern: RegExp; yes: string; no: string }> = [
  { pattern: /会不会|会[^，,。？?]*吗/, yes: '会', no: '不会' },
  { pattern: /能不能|能否|可不可以|可否|能[^，,。？?]*吗|可以[^，,。？?]*吗/, yes: '可以', no: '不能' },
  { pattern: /有没有|有[^，,。？?]*吗/, yes: '有', no: '没有' },
  { pattern: /要不要|需不需要|需要[^，,。？?]*吗|要[^，,。？?]*吗/, yes: '需要', no: '不需要' },
  { pattern: /是不是|是否|是[^，,。？?]*吗/, yes: '是', no: '不是' },
];

/** The yes/no words for the earliest modal construction in the question. */
export function detectAnswerWords(normalized: string): { yes: string; no: string } | null {
  let best: { index: number; yes: string; no: string } | null = null;
  for (const modal of modals) {
    const match = modal.pattern.exec(normalized);
    if (match && (!best || match.index < best.index)) best = { index: match.index, yes: modal.yes, no: modal.no };
  }
  return best && { yes: best.yes, no: best.no };
}

/** The session after a message: its understanding appended as a turn (the last `maxTurns` kept). */
export function nextSessionState({ session, message, understanding, maxTurns = 10 }: { session: SessionState | null; message: string; understanding: QueryUnderstanding; maxTurns?: number }): SessionState {
  const turn = { message, effective: understanding.effective, topics: understanding.topics.map((match) => match.topic.id), scope: understanding.scope };
  return { turns: [...(session?.turns ?? []), turn].slice(-maxTurns) };
}

const previousWeight = 0.4;

/** A follow-up's own words at full weight; the earlier question's words fill in, together weighing at most half as much. */
function mergeFollowUp(own: WeightedToken[], earlier: WeightedToken[]): WeightedToken[] {
  const merged = [...own];
  const added = earlier.filter((token) => !own.some((existing) => existing.token === token.token));
  const ownMass = own.reduce((sum, token) => sum + token.weight, 0);
  const addedMass = added.reduce((sum, token) => sum + token.weight, 0) || 1;
  const factor = Math.min(previousWeight, (0.5 * ownMass) / addedMass);
  for (const token of added) merged.push({ token: token.token, weight: token.weight * factor });
  return merged;
}

/** The message without the words that only mark it as a follow-up ("那…呢"). */
function withoutFollowUpMarkers(normalized: string, markers: { starts: string[]; ends: string[] }, normalize: (text: string) => string): string {
  let core = normalized;
  const start = markers.starts.map(normalize).sort((left, right) => right.length - left.length).find((marker) => core.startsWith(marker));
  if (start) core = core.slice(start.length);
  const end = markers.ends.map(normalize).sort((left, right) => right.length - left.length).find((marker) => core.endsWith(marker));
  if (end) core = core.slice(0, core.length - end.length);
  return core;
}

/** Understands a message in the light of the session's earlier turns. */
export function understandQuery({ index, message, session }: { index: LoadedIndex; message: string; session: SessionState | null }): QueryUnderstanding {
  const { rules, text } = index;
  const normalized = text.normalize(message).trim();
  const previous = session?.turns.at(-1) ?? null;
  const ownTopics = detectQuestionTopics({ topics: index.topics, question: normalized });
  const followUpRules = rules.domain.followUp;
  const looksElliptical =
    followUpRules.starts.some((start) => normalized.startsWith(text.normalize(start))) ||
    followUpRules.ends.some((end) => normalized.endsWith(text.normalize(end))) ||
    (ownTopics.length === 0 && [...normalized].length <= followUpRules.maxLengthWithoutTopic);
  const followUp = previous !== null && looksElliptical;
  // The situation so far: the user's own words and the session's carry-over.
  const own = detectUserScope({ text: normalized, rules: rules.scope, normalizeTerm: text.normalize });
  const scope: Scope = previous
    ? { values: { ...previous.scope.values, ...own.values }, regions: own.regions.length > 0 ? own.regions : previous.scope.regions }
    : { values: own.values, regions: own.regions };
  const core = withoutFollowUpMarkers(normalized, followUpRules, text.normalize);
  // What the situation implies ("转移" once two places are named, or in a transfer conversation).
  const implied = Object.entries(rules.scope.dimensions)
    .filter(([dimension, definition]) => definition.followUpContext && scope.values[dimension])
    .map(([, definition]) => text.normalize(definition.followUpContext!));
  const effective = followUp ? `${previous.effective}\n${normalized}` : normalized;
  let topics = ownTopics;
  if (followUp) {
    // A follow-up keeps the topics its own words take part in; the previous question and the implied
    // situation fill in the rest.
    const context = implied.length > 0 ? `${implied.join(' ')}\n${effective}` : effective;
    const ownStart = context.length - normalized.length;
    topics = detectQuestionTopics({ topics: index.topics, question: context }).filter((match) => match.spans.some(([start]) => start >= ownStart));
    // "为什么？" keeps the previous topics; "那押金呢？" names a new subject and is searched instead.
    if (topics.length === 0 && text.tokensOfNormalized(core).length === 0) {
      topics = index.topics.filter((topic) => previous.topics.includes(topic.id)).map((topic) => ({ topic, score: 0, spans: [] }));
    }
  }
  // Words the situation implies widen the search at half weight.
  const impliedWords = implied.flatMap((term) => text.tokensOfNormalized(term));
  const searched = followUp
    ? mergeFollowUp(expandQuery({ normalized: core, text, synonyms: index.normalizedSynonyms }), expandQuery({ normalized: previous.effective, text, synonyms: index.normalizedSynonyms }))
    : expandQuery({ normalized, text, synonyms: index.normalizedSynonyms });
  for (const word of impliedWords) if (!searched.some((entry) => entry.token === word)) searched.push({ token: word, weight: 0.5 });
  return {
    normalized,
    effective,
    followUp,
    topics,
    scope,
    answerWords: detectAnswerWords(normalized),
    expanded: searched,
    keywords: (() => {
      const own = text.tokensOfNormalized(followUp ? core : normalized).map((token) => ({ token, weight: 1 }));
      return followUp ? mergeFollowUp(own, text.tokensOfNormalized(previous.effective).map((token) => ({ token, weight: 1 }))) : own;
    })(),
    treatment: index.normalizedTreatmentCues.some((cue) => normalized.includes(cue)),
  };
}
