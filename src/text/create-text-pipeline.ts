// Normalization + segmentation + stopwords bundled for ingest and queries.
import type { RuleSet } from '../rules/compile-rules.js';
import { createNormalizer, type Normalize } from './normalize-text.js';
import { rememberRecent } from './remember-recent.js';
import { createSegmenter, type Tag } from './segmenter.js';

export interface TextPipeline {
  normalize: Normalize;
  /** Index tokens of already normalized text: words, without punctuation, spaces or stopwords. */
  tokensOfNormalized: (normalized: string) => string[];
  /** Index tokens of raw text. */
  tokens: (text: string) => string[];
  /** Words of normalized text with their part of speech (nodejieba's tags: n, v, ns, x…). */
  tag: Tag;
  stopwords: Set<string>;
}

const punctuationOnly = /^[\s\p{P}\p{S}]+$/u;

const longestMerge = 3;

/**
 * Joins runs of up to three adjacent pieces that together make a word of the vocabulary ("转过"+"去" → "转过去"):
 * the segmenter's statistics split some words the rules name whole.
 */
function mergeKnown<T>(pieces: T[], wordOf: (piece: T) => string, vocabulary: Set<string>, join: (run: T[]) => T): T[] {
  if (vocabulary.size === 0) return pieces;
  const merged: T[] = [];
  const joined: string[] = [];
  for (let position = 0; position < pieces.length; ) {
    const limit = Math.min(longestMerge, pieces.length - position);
    // The runs starting here, joined once each (this runs for every word the segmenter cuts).
    joined.length = 0;
    let text = wordOf(pieces[position]);
    for (let length = 2; length <= limit; length++) joined.push((text += wordOf(pieces[position + length - 1])));
    let taken = 1;
    for (let length = limit; length > 1; length--) {
      if (vocabulary.has(joined[length - 2])) {
        taken = length;
        break;
      }
    }
    merged.push(taken === 1 ? pieces[position] : join(pieces.slice(position, position + taken)));
    position += taken;
  }
  return merged;
}

type Tagged = ReturnType<Tag>[number];

/**
 * Re-cuts a word the segmenter guessed (tag x, outside its dictionary) when a vocabulary word straddles its edge:
 * "医保费补"+"上" → "医保费" … "补上", "转入"+"地要" → "转入地"+"要". Only question text is tagged, so this shapes how
 * questions are read, never the index.
 */
function splitGuessed(pieces: Tagged[], vocabulary: Set<string>): Tagged[] {
  const result: Tagged[] = [];
  for (let position = 0; position < pieces.length; position++) {
    const piece = pieces[position];
    const next = pieces[position + 1];
    if (next && piece.tag === 'x' && piece.word.length > 1 && !vocabulary.has(piece.word)) {
      const cut = [...Array(piece.word.length - 1).keys()].map((offset) => offset + 1).find((offset) => vocabulary.has(piece.word.slice(offset) + next.word));
      if (cut !== undefined) {
        result.push({ word: piece.word.slice(0, cut), tag: 'x' }, { word: piece.word.slice(cut) + next.word, tag: next.tag.startsWith('v') ? 'v' : 'x' });
        position++;
        continue;
      }
    }
    if (next && next.tag === 'x' && next.word.length > 1 && !vocabulary.has(next.word)) {
      const cut = [...Array(next.word.length - 1).keys()].map((offset) => next.word.length - 1 - offset).find((offset) => vocabulary.has(piece.word + next.word.slice(0, offset)));
      if (cut !== undefined) {
        result.push({ word: piece.word + next.word.slice(0, cut), tag: 'x' }, { word: next.word.slice(cut), tag: 'x' });
        position++;
        continue;
      }
    }
    // Two guesses side by side, a vocabulary word across their edge ("就入"+"职新" → "就"+"入职"+"新").
    if (next && piece.tag === 'x' && next.tag === 'x' && piece.word.length > 1 && next.word.length > 1) {
      const split = [...Array(piece.word.length - 1).keys()]
        .map((offset) => offset + 1)
        .flatMap((left) => [...Array(next.word.length - 1).keys()].map((offset) => ({ left, right: offset + 1 })))
        .find(({ left, right }) => vocabulary.has(piece.word.slice(left) + next.word.slice(0, right)));
      if (split) {
        result.push({ word: piece.word.slice(0, split.left), tag: 'x' }, { word: piece.word.slice(split.left) + next.word.slice(0, split.right), tag: 'x' }, { word: next.word.slice(split.right), tag: 'x' });
        position++;
        continue;
      }
    }
    result.push(piece);
  }
  return result;
}

/** Builds the text pipeline from a rule set (user dictionary, vocabulary, variants, stopwords). */
export function createTextPipeline({ rules }: { rules: RuleSet }): TextPipeline {
  const normalize = rememberRecent(createNormalizer({ variants: rules.variants }));
  const { cut, tag } = createSegmenter({ userDictionary: rules.userDictionary });
  const stopwords = rules.stopwords;
  const vocabulary = new Set(rules.vocabulary.map(normalize));
  const cutWhole = (normalized: string) => mergeKnown(cut(normalized), (word) => word, vocabulary, (run) => run.join(''));
  // Answering tags and cuts the same question, headings and words several times: the recent ones are remembered.
  const tagWhole = rememberRecent((normalized: string) =>
    splitGuessed(
      mergeKnown(tag(normalized), (piece) => piece.word, vocabulary, (run) => ({ word: run.map((piece) => piece.word).join(''), tag: run.some((piece) => piece.tag.startsWith('v')) ? 'v' : run[0].tag })),
      vocabulary,
    ),
  );
  const tokensOfNormalized = rememberRecent((normalized: string) =>
    cutWhole(normalized).filter((word) => word.trim() !== '' && !punctuationOnly.test(word) && !stopwords.has(word)),
  );
  return { normalize, tokensOfNormalized, tokens: (text) => tokensOfNormalized(normalize(text)), tag: tagWhole, stopwords };
}
