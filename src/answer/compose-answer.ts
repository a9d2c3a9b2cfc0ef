// Extractive answer composition: conclusion first, then points, then 来源说法不一 (pure).
import type { Claim } from '../reconcile/claim-types.js';
import type { TopicResolution } from '../reconcile/resolution-types.js';
import { askedValue, type PreparedTopic } from '../reconcile/topic-matcher.js';
import type { Conflict } from './answer-types.js';
import type { CitationBook } from './citation-book.js';
import { citedClaims, quoted } from './claim-quote.js';
import { composeConflicts, type PickRepresentative } from './compose-conflicts.js';
import { displaySentence, escapeMarkup } from './display-sentence.js';
import type { RankedSentence } from './rank-sentences.js';

export interface TopicOutcome {
  topic: PreparedTopic;
  resolution: TopicResolution;
}

export interface ComposeInput {
  outcomes: TopicOutcome[];
  /** The normalized question (its own words, for yes/no reading). */
  question: string;
  /** Whether a sentence states a value the rules set aside on some other topic (never shown as a point). */
  contested: (sentence: { chunkId: string; offset: number }) => boolean;
  sentences: RankedSentence[];
  answerWords: { yes: string; no: string } | null;
  book: CitationBook;
  pick: PickRepresentative;
  sentenceKey: (text: string) => string;
  advice: string;
}

const maxPoints = 4;
const maxNotesPerTopic = 2;

function formatValue(topic: PreparedTopic, value: Claim['value']): string {
  if (!Array.isArray(value)) return String(value);
  // List items in the order the topic names them.
  const order = (item: string) => topic.normalizedItemsInOrder.indexOf(item);
  return [...value].sort((left, right) => order(left) - order(right)).join('、');
}

function conclusionOf(topic: PreparedTopic, value: Claim['value'], representative: Claim): string | null {
  const template = topic.conclusion;
  if (!template) return null;
  if (typeof template !== 'string') return typeof value === 'boolean' ? template[String(value) as 'true' | 'false'] : null;
  const text = template.replace('{value}', formatValue(topic, value));
  if (!representative.asOf) return text;
  const [year, month] = representative.asOf.split('-');
  return `截至${year}年${Number(month)}月，${text}`;
}

function scopeLabel(claim: Claim): string {
  return [...claim.scope.regions, ...Object.values(claim.scope.values)].join('、');
}

/**
 * Composes the answer text and conflicts; cites in reading order so numbering follows first use. The answer is
 * empty when nothing may be said: no topic conclusion and every retrieved sentence set aside by the rules.
 */
export function composeAnswer(input: ComposeInput): { answer: string; conflicts: Conflict[] } {
  const { outcomes, book, pick, sentenceKey } = input;
  const used = new Set<string>();
  const excluded = new Set<string>();
  const leadParts: string[] = [];
  const notes: string[] = [];

  for (const { topic, resolution } of outcomes) {
    const adoptedKey = resolution.adopted?.valueKey;
    for (const side of [...resolution.rejected, ...resolution.sides]) for (const claim of side.claims) excluded.add(claim.duplicateKey);
    for (const claim of [...resolution.narrower, ...resolution.variants]) excluded.add(claim.duplicateKey);
    if (resolution.adopted && resolution.rule !== 'unresolved') {
      const representative = pick(resolution.adopted.claims);
      const value = resolution.adopted.value;
      const asked = askedValue({ topic, question: input.question });
      const word = topic.kind === 'polarity' && topic.yesNo && input.answerWords ? (value === asked ? input.answerWords.yes : input.answerWords.no) : '';
      const conclusion = conclusionOf(topic, value, representative);
      const cited = citedClaims(resolution.adopted.claims, representative);
      const repText = escapeMarkup(quoted(representative).text);
      const markers = book.citeAll(cited.map(quoted));
      leadParts.push(conclusion ? `${word ? `${word}。` : ''}${conclusion}${markers}。${repText}${book.cite(quoted(representative))}` : `${word ? `${word}。` : ''}${repText}${markers}`);
      for (const claim of cited) used.add(claim.duplicateKey);
    } else if (resolution.rule === 'unresolved') {
      leadParts.push(`关于“${topic.label}”，知识库中的资料说法不一，暂无法给出确定结论，请以参保地医保经办机构的答复为准。`);
    }
    const exceptions = [...resolution.narrower, ...resolution.variants].filter((claim) => claim.valueKey !== adoptedKey);
    const shown = new Set<string>();
    for (const claim of exceptions) {
      if (shown.size >= maxNotesPerTopic || shown.has(claim.duplicateKey) || used.has(claim.duplicateKey)) continue;
      shown.add(claim.duplicateKey);
      const label = scopeLabel(claim);
      notes.push(`另外${label ? `（${label}）` : ''}：${escapeMarkup(quoted(claim).text)}${book.cite(quoted(claim))}`);
    }
  }

  // Sentences that may be said: not already used, not a value the rules set aside here or on another topic.
  const sayable = input.sentences.filter((sentence) => {
    const key = sentenceKey(sentence.text);
    return !used.has(key) && !excluded.has(key) && !input.contested({ chunkId: sentence.chunk.id, offset: sentence.offset });
  });
  const say = (sentence: RankedSentence) => {
    used.add(sentenceKey(sentence.text));
    const display = displaySentence(sentence.text);
    return `${escapeMarkup(display.text)}${book.cite({ sourceId: sentence.sourceId, text: display.text, offset: sentence.offset + display.shift })}`;
  };
  if (leadParts.length === 0) {
    if (sayable.length === 0) return { answer: '', conflicts: [] };
    leadParts.push(say(sayable[0]));
  }
  const points: string[] = [];
  // Points must be about as relevant as the best retrieved sentence, said or not.
  const threshold = Math.max(0.2, (input.sentences[0]?.score ?? 0) * 0.5);
  for (const sentence of sayable) {
    if (points.length >= maxPoints || sentence.score < threshold) break;
    if (!used.has(sentenceKey(sentence.text))) points.push(say(sentence));
  }
  const pointLines = [...points, ...notes].map((point, position) => `${position + 1}. ${point}`);
  const { paragraph, conflicts } = composeConflicts({
    resolutions: outcomes.map((outcome) => outcome.resolution),
    labels: new Map(outcomes.map((outcome) => [outcome.topic.id, outcome.topic.label])),
    book,
    pick,
    advice: input.advice,
  });
  const paragraphs = [leadParts.join('\n'), pointLines.length > 0 ? `要点：\n${pointLines.join('\n')}` : '', paragraph ?? ''].filter(Boolean);
  return { answer: paragraphs.join('\n\n'), conflicts };
}
