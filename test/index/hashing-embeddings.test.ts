import { describe, expect, it } from 'vitest';
import { HashingEmbeddings } from '../../src/index/hashing-embeddings.js';
import { createTextPipeline } from '../../src/text/create-text-pipeline.js';
import { libraryCorpus, rulesOf } from '../helpers.js';

/** The embedding as first written: every feature spelled out as a string and hashed whole. */
function reference(normalized: string, words: string[], dimensions: number): number[] {
  const fnv1a = (text: string) => {
    let hash = 0x811c9dc5;
    for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    return hash >>> 0;
  };
  const vector = new Float64Array(dimensions);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    vector[hash % dimensions] += hash & 0x80000000 ? -weight : weight;
  };
  for (const word of words) add(`w:${word}`, 1);
  let previous = '';
  for (const character of normalized) {
    const code = character.charCodeAt(0);
    if (!((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf))) continue;
    if (previous) add(`b:${previous}${character}`, 0.5);
    previous = character;
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Array.from(vector, (value) => value / norm);
}

describe('HashingEmbeddings', () => {
  const text = createTextPipeline({ rules: rulesOf(libraryCorpus) });
  const embeddings = new HashingEmbeddings({ dimensions: 256, text });

  it.each(['押金在7个工作日内退还。', '读者证余额不随证迁移，需在东区馆内用完（2025年起）。', 'ABC 123', '', '逾期费每天0.1元，按天累计；夜间还书箱每天清理。'])(
    'should embed %j exactly as the feature strings hash',
    (sentence) => {
      const normalized = text.normalize(sentence);
      const words = text.tokensOfNormalized(normalized);
      expect(embeddings.embedNormalized(normalized, words)).toEqual(reference(normalized, words, 256));
    },
  );
});
