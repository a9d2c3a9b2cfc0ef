// Decides whether a sentence or a question is about a topic, and which value a sentence states.
import type { CompiledTopic } from '../rules/compile-rules.js';
import type { Normalize } from '../text/normalize-text.js';
import type { ClaimValue } from './claim-types.js';

export interface PreparedTopic extends CompiledTopic {
  normalizedTerms: string[][];
  normalizedContext: string[][];
  normalizedExclude: string[];
  normalizedExcludeContext: string[];
  normalizedAsk: { terms: string[][]; exclude: string[] };
  /** Items longest first, for matching. */
  normalizedItems: string[];
  /** Items in the order the rule file lists them, for display. */
  normalizedItemsInOrder: string[];
}

export interface TopicMatch {
  topic: PreparedTopic;
  /** Sum of the lengths of the matched question terms: more specific matches score higher. */
  score: number;
  spans: Array<[number, number]>;
}

/** Normalizes every term of the topics once, so matching compares like with like. */
export function prepareTopics({ topics, normalize }: { topics: CompiledTopic[]; normalize: Normalize }): PreparedTopic[] {
  const groups = (list: string[][]) => list.map((group) => group.map(normalize));
  return topics.map((topic) => ({
    ...topic,
    normalizedTerms: groups(topic.terms),
    normalizedContext: groups(topic.context),
    normalizedExclude: topic.exclude.map(normalize),
    normalizedExcludeContext: topic.excludeContext.map(normalize),
    normalizedAsk: topic.ask ? { terms: groups(topic.ask.terms), exclude: topic.ask.exclude.map(normalize) } : { terms: [...groups(topic.context), ...groups(topic.terms)], exclude: topic.exclude.map(normalize) },
    normalizedItems: [...topic.items.map(normalize)].sort((left, right) => right.length - left.length),
    normalizedItemsInOrder: topic.items.map(normalize),
  }));
}

function everyGroupMatches(text: string, groups: string[][]): boolean {
  return groups.every((group) => group.some((term) => text.includes(term)));
}

function listItems(text: string, items: string[]): string[] {
  let rest = text;
  const found: string[] = [];
  for (const item of items) {
    if (!rest.includes(item)) continue;
    found.push(item);
    rest = rest.split(item).join('\u0000');
  }
  return found.sort();
}

/**
 * The value a normalized sentence states on the topic, or null when it is not a claim on it.
 * `context` is the title, heading and surrounding chunk; `frame` only the title and heading.
 */
export function matchClaimValue({ topic, sentence, context, frame }: { topic: PreparedTopic; sentence: string; context: string; frame: string }): ClaimValue | null {
  const hasTerms = everyGroupMatches(sentence, topic.normalizedTerms);
  if (!hasTerms && topic.implicit.length === 0) return null;
  if (topic.normalizedExclude.some((term) => sentence.includes(term))) return null;
  if (topic.normalizedContext.length > 0 && !everyGroupMatches(`${context}\n${sentence}`, topic.normalizedContext)) return null;
  if (topic.normalizedExcludeContext.some((term) => frame.includes(term))) return null;
  const rules = hasTerms ? topic.values : topic.implicit;
  if (topic.kind === 'list') {
    if (!hasTerms) return null;
    const items = listItems(sentence, topic.normalizedItems);
    return items.length > 0 ? items : null;
  }
  for (const rule of rules) {
    const match = rule.pattern.exec(sentence);
    if (!match) continue;
    if (topic.kind === 'polarity' || topic.kind === 'enum') return rule.value ?? null;
    const captured = match.slice(1).find((group) => group !== undefined);
    if (captured === undefined || Number.isNaN(Number(captured))) continue;
    return Number(captured);
  }
  return null;
}

function spansOf(text: string, groups: string[][]): Array<[number, number]> | null {
  const spans: Array<[number, number]> = [];
  for (const group of groups) {
    let best: [number, number] | null = null;
    for (const term of group) {
      const position = text.indexOf(term);
      if (position >= 0 && (!best || term.length > best[1] - best[0])) best = [position, position + term.length];
    }
    if (!best) return null;
    spans.push(best);
  }
  return spans;
}

/** Topics a normalized question is about, most specific first, without two topics claiming the same words. */
export function detectQuestionTopics({ topics, question, limit = 2 }: { topics: PreparedTopic[]; question: string; limit?: number }): TopicMatch[] {
  const matches: TopicMatch[] = [];
  for (const topic of topics) {
    if (topic.normalizedAsk.exclude.some((term) => question.includes(term))) continue;
    if (topic.askNotPatterns.some((pattern) => pattern.test(question))) continue;
    const spans = spansOf(question, topic.normalizedAsk.terms);
    if (!spans) continue;
    matches.push({ topic, spans, score: spans.reduce((sum, [start, end]) => sum + end - start, 0) });
  }
  matches.sort((left, right) => right.score - left.score || left.topic.id.localeCompare(right.topic.id));
  const chosen: TopicMatch[] = [];
  const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
  for (const match of matches) {
    if (chosen.length >= limit) break;
    if (chosen.some((other) => other.spans.some((span) => match.spans.some((mine) => overlaps(span, mine))))) continue;
    chosen.push(match);
  }
  return chosen;
}

const choiceQuestion = /(会|能|可以|可|是|有|要|需要)(不|没)\1/g;
const negatedModal = /不(会|能|可以|是|要|需要)/g;

/**
 * The value a yes/no question asks about: "缴费年限会清零吗" asks whether it is cleared (the topic's false value),
 * so an adopted "累计" answers it with no. A question matching none of the value patterns asks about true.
 */
export function askedValue({ topic, question }: { topic: PreparedTopic; question: string }): boolean {
  // "会不会被清零" asks "会被清零", and "不能迁移吗" is answered like "能迁移吗": neither negation is the predicate's.
  const plain = question.replace(choiceQuestion, '$1').replace(negatedModal, '$1');
  for (const rule of topic.values) if (typeof rule.value === 'boolean' && rule.pattern.test(plain)) return rule.value;
  return true;
}
