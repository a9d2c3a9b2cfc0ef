// Near-duplicate chunks (copied sentences) and families of documents that copy each other.
import { hashKey } from './hash-key.js';

export interface DuplicateInput {
  /** In canonical order; `keys` are the chunk's copied-sentence keys (see `copiedSentenceKeys`). */
  chunks: Array<{ id: string; sourceId: string; keys: readonly number[] }>;
  documents: Array<{ sourceId: string; publisher: string | null; parentId: string | null }>;
}

export interface DuplicateResult {
  /** chunk id → id of its duplicate group (the smallest chunk id of the group). */
  chunkGroups: Map<string, string>;
  /** sourceId → family id: documents that copy sentences from each other or share a publisher. */
  families: Map<string, string>;
  /** Number of chunks that duplicate another one. */
  duplicateChunks: number;
}

const minimumCopiedLength = 12;
const nearDuplicateShare = 0.8;
const maxCandidatesPerSentence = 256;

/** The comparable key of a normalized sentence: without punctuation or spaces. */
export function sentenceKey(normalized: string): string {
  return normalized.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The distinct hashed keys of a chunk's sentences long enough to count as copied: all duplicate detection needs of a
 * chunk, small enough to keep in the version's per-file summaries, so an incremental run never re-reads the text.
 */
export function copiedSentenceKeys(normalized: readonly string[]): number[] {
  const keys = new Set<number>();
  for (const sentence of normalized) {
    const key = sentenceKey(sentence);
    if (key.length >= minimumCopiedLength) keys.add(hashKey(key));
  }
  return [...keys];
}

/** Sets of 0…size-1 merged by `union`. */
class Components {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, item) => item);
  }

  find(item: number): number {
    let current = item;
    while (this.parent[current] !== current) {
      this.parent[current] = this.parent[this.parent[current]];
      current = this.parent[current];
    }
    return current;
  }

  union(left: number, right: number): void {
    const [a, b] = [this.find(left), this.find(right)];
    if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
  }

  /** Each item's set named by its smallest name (string order), so names do not depend on input order. */
  named(names: readonly string[]): string[] {
    const smallest = new Map<number, string>();
    names.forEach((name, item) => {
      const root = this.find(item);
      const current = smallest.get(root);
      if (current === undefined || name < current) smallest.set(root, name);
    });
    return names.map((_, item) => smallest.get(this.find(item))!);
  }
}

/** Groups chunks sharing ≥ 80% of their sentences, and documents into families of copies. */
export function findDuplicates({ chunks, documents }: DuplicateInput): DuplicateResult {
  const chunksBySentence = new Map<number, number[]>();
  chunks.forEach((chunk, position) => {
    for (const key of chunk.keys) {
      const list = chunksBySentence.get(key);
      if (list) list.push(position);
      else chunksBySentence.set(key, [position]);
    }
  });
  const documentIndex = new Map(documents.map((document, index) => [document.sourceId, index]));
  const documentOf = chunks.map((chunk) => documentIndex.get(chunk.sourceId)!);
  const chunkSets = new Components(chunks.length);
  const familySets = new Components(documents.length);
  // Documents that share a copied sentence are one family.
  for (const positions of chunksBySentence.values()) {
    for (const other of positions) familySets.union(documentOf[positions[0]], documentOf[other]);
  }
  // Near-duplicate chunks: a chunk sharing ≥ 80% of this chunk's sentences must contain one of its
  // ⌈20%⌉+1 rarest sentences (pigeonhole), so only those sentences' chunks are candidates.
  const comparedWith = new Int32Array(chunks.length).fill(-1);
  const keyLists = chunks.map((chunk) => chunk.keys);
  keyLists.forEach((keys, position) => {
    if (keys.length === 0) return;
    const needed = Math.ceil(keys.length * nearDuplicateShare - 1e-9);
    const rarest = [...keys].sort((left, right) => chunksBySentence.get(left)!.length - chunksBySentence.get(right)!.length).slice(0, Math.floor(keys.length * (1 - nearDuplicateShare)) + 1);
    for (const key of rarest) {
      // A chunk made only of sentences found everywhere is compared with the first chunks that share them, not all.
      const sharing = chunksBySentence.get(key)!;
      const limit = Math.min(sharing.length, maxCandidatesPerSentence);
      for (let index = 0; index < limit; index++) {
        const other = sharing[index];
        if (other === position || comparedWith[other] === position) continue;
        comparedWith[other] = position;
        const otherKeys = keyLists[other];
        if (otherKeys.length < needed) continue;
        let shared = 0;
        for (let at = 0; at < otherKeys.length && shared < needed; at++) if (keys.includes(otherKeys[at])) shared++;
        if (shared >= needed) chunkSets.union(position, other);
      }
    }
  });
  const byPublisher = new Map<string, number>();
  documents.forEach((document, index) => {
    if (!document.publisher) return;
    const first = byPublisher.get(document.publisher);
    if (first === undefined) byPublisher.set(document.publisher, index);
    else familySets.union(first, index);
  });
  const groups = chunkSets.named(chunks.map((chunk) => chunk.id));
  const chunkGroups = new Map(chunks.map((chunk, position) => [chunk.id, groups[position]]));
  const duplicateChunks = chunks.filter((chunk, position) => groups[position] !== chunk.id).length;
  const familyNames = familySets.named(documents.map((document) => document.sourceId));
  const families = new Map(documents.map((document, index) => [document.sourceId, familyNames[index]]));
  return { chunkGroups, families, duplicateChunks };
}
