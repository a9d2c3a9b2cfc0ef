// The only importer of nodejieba: Chinese word segmentation with the domain user dictionary.
import nodejieba from 'nodejieba';

export type Cut = (text: string) => string[];

const inserted = new Set<string>();

/** A segmenter that keeps the user dictionary's terms whole. */
export function createSegmenter({ userDictionary }: { userDictionary: string[] }): Cut {
  for (const word of userDictionary) {
    if (inserted.has(word)) continue;
    nodejieba.insertWord(word);
    inserted.add(word);
  }
  return function cut(text: string): string[] {
    return nodejieba.cut(text);
  };
}
