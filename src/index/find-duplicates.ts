// Near-duplicate chunks (copied sentences) and families of documents that copy each other.

export interface DuplicateInput {
  chunks: Array<{ id: string; sourceId: string; normalized: string[] }>;
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

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(item: string): string {
    let root = this.parent.get(item) ?? item;
    if (root !== item) {
      root = this.find(root);
      this.parent.set(item, root);
    }
    return root;
  }
  union(left: string, right: string): void {
    const [a, b] = [this.find(left), this.find(right)];
    if (a === b) return;
    // the smaller id becomes the root, so group ids do not depend on input order
    if (a < b) this.parent.set(b, a);
    else this.parent.set(a, b);
  }
}

/** Groups chunks sharing ≥ 80% of their sentences, and documents into families of copies. */
export function findDuplicates({ chunks, documents }: DuplicateInput): DuplicateResult {
  const chunkKeys = chunks.map((chunk) => [...new Set(chunk.normalized.map(sentenceKey).filter((key) => key.length >= minimumCopiedLength))]);
  const chunksBySentence = new Map<string, number[]>();
  chunkKeys.forEach((keys, position) => {
    for (const key of keys) {
      const list = chunksBySentence.get(key);
      if (list) list.push(position);
      else chunksBySentence.set(key, [position]);
    }
  });
  const chunkUnion = new UnionFind();
  const familyUnion = new UnionFind();
  // Documents that share a copied sentence are one family.
  for (const positions of chunksBySentence.values()) {
    for (const other of positions) familyUnion.union(chunks[positions[0]].sourceId, chunks[other].sourceId);
  }
  // Near-duplicate chunks: a chunk sharing ≥ 80% of this chunk's sentences must contain one of its
  // ⌈20%⌉+1 rarest sentences (pigeonhole), so only those sentences' chunks are candidates.
  for (const [position, keys] of chunkKeys.entries()) {
    if (keys.length === 0) continue;
    const rarest = [...keys].sort((left, right) => chunksBySentence.get(left)!.length - chunksBySentence.get(right)!.length).slice(0, Math.floor(keys.length * (1 - nearDuplicateShare)) + 1);
    const own = new Set(keys);
    // A chunk made only of sentences found everywhere is compared with the first chunks that share them, not all.
    const candidates = new Set(rarest.flatMap((key) => chunksBySentence.get(key)!.slice(0, maxCandidatesPerSentence)));
    for (const other of candidates) {
      if (other === position) continue;
      const shared = chunkKeys[other].filter((key) => own.has(key)).length;
      if (shared / keys.length >= nearDuplicateShare) chunkUnion.union(chunks[position].id, chunks[other].id);
    }
  }
  const byPublisher = new Map<string, string>();
  for (const document of documents) {
    if (document.publisher) {
      const first = byPublisher.get(document.publisher);
      if (first) familyUnion.union(first, document.sourceId);
      else byPublisher.set(document.publisher, document.sourceId);
    }
  }
  const chunkGroups = new Map<string, string>();
  let duplicateChunks = 0;
  for (const chunk of chunks) {
    const group = chunkUnion.find(chunk.id);
    chunkGroups.set(chunk.id, group);
    if (group !== chunk.id) duplicateChunks++;
  }
  const families = new Map(documents.map((document) => [document.sourceId, familyUnion.find(document.sourceId)]));
  return { chunkGroups, families, duplicateChunks };
}
