// Extracts claims from chunk sentences with the declarative topic rules (pure).
import { createHash } from 'node:crypto';
import type { SourceDocument } from '../corpus/corpus-types.js';
import type { ScopeRules } from '../rules/rule-schema.js';
import type { Normalize } from '../text/normalize-text.js';
import type { Claim, ClaimValue } from './claim-types.js';
import { detectClaimScope } from './scope.js';
import { matchClaimValue, type PreparedTopic } from './topic-matcher.js';

export interface ClaimSourceChunk {
  id: string;
  sourceId: string;
  heading: string | null;
  sentences: Array<{ text: string; offset: number }>;
  /** The sentences normalized, as stored in the index. */
  normalized: string[];
}

const asOfPattern = /截至(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/;

/** "截至2025年3月" → "2025-03"; null when the sentence gives no as-of date. */
export function findAsOf(sentence: string): string | null {
  const match = asOfPattern.exec(sentence);
  if (!match) return null;
  const month = match[2].padStart(2, '0');
  return match[3] ? `${match[1]}-${month}-${match[3].padStart(2, '0')}` : `${match[1]}-${month}`;
}

/** The key under which equal values group: booleans, numbers, enum labels, sorted list items. */
export function valueKey(value: ClaimValue): string {
  return Array.isArray(value) ? value.join('|') : String(value);
}

/** Every claim stated by the chunks' sentences on the topics. */
export function extractClaims({
  chunks,
  documents,
  topics,
  scopeRules,
  normalize,
  families,
  duplicateKeyOf,
}: {
  chunks: ClaimSourceChunk[];
  documents: Map<string, SourceDocument>;
  topics: PreparedTopic[];
  scopeRules: ScopeRules;
  normalize: Normalize;
  families: Map<string, string>;
  duplicateKeyOf: (normalizedSentence: string) => string;
}): Claim[] {
  const claims: Claim[] = [];
  const frames = new Map<string, string>();
  for (const chunk of chunks) {
    const document = documents.get(chunk.sourceId);
    if (!document) continue;
    // The context of a sentence: its document's title, its section heading and the rest of its chunk.
    const frameKey = `${document.title}\n${chunk.heading ?? ''}`;
    let frame = frames.get(frameKey);
    if (frame === undefined) {
      frame = normalize(frameKey);
      frames.set(frameKey, frame);
    }
    const context = `${frame}\n${chunk.normalized.join('')}`;
    for (const [position, sentence] of chunk.sentences.entries()) {
      const normalized = chunk.normalized[position];
      for (const topic of topics) {
        const value = matchClaimValue({ topic, sentence: normalized, context, frame });
        if (value === null) continue;
        claims.push({
          id: createHash('sha256').update(`${topic.id}\n${chunk.id}\n${sentence.offset}`).digest('hex').slice(0, 16),
          topic: topic.id,
          value,
          valueKey: valueKey(value),
          sentence: sentence.text,
          normalized,
          offset: sentence.offset,
          chunkId: chunk.id,
          sourceId: chunk.sourceId,
          sourceDate: document.date,
          asOf: findAsOf(normalized),
          authority: document.authority,
          duplicateKey: duplicateKeyOf(normalized),
          family: families.get(chunk.sourceId) ?? chunk.sourceId,
          truncated: document.truncated,
          scope: detectClaimScope({ text: normalized, rules: scopeRules, normalizeTerm: normalize }),
        });
      }
    }
  }
  return claims;
}
