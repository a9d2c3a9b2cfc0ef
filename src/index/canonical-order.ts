// The order of documents (and so of chunks, labels and statements) in an index version.

const collator = new Intl.Collator();

/** Source ids in the collation order the index has always used, code units breaking the collator's ties. */
export function compareSourceIds(left: string, right: string): number {
  return collator.compare(left, right) || (left < right ? -1 : left > right ? 1 : 0);
}

/** Chunk ids of `files` in canonical order: documents by source id, each document's chunks in their order. */
export function canonicalChunkIds(files: ReadonlyArray<{ documents: ReadonlyArray<{ sourceId: string }>; chunks: ReadonlyArray<{ id: string; document: number }> }>): string[] {
  const documents: Array<{ sourceId: string; chunks: string[] }> = [];
  for (const file of files) {
    const own = file.documents.map((document) => ({ sourceId: document.sourceId, chunks: [] as string[] }));
    for (const chunk of file.chunks) own[chunk.document].chunks.push(chunk.id);
    documents.push(...own);
  }
  return documents.sort((left, right) => compareSourceIds(left.sourceId, right.sourceId)).flatMap((document) => document.chunks);
}
