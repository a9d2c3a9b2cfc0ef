// The only importer of nodejieba: Chinese word segmentation with the domain user dictionary.
import nodejieba from 'nodejieba';

export type Cut = (text: string) => string[];
export type Tag = (text: string) => Array<{ word: string; tag: string }>;

const inserted = new Set<string>();

/** A segmenter (and part-of-speech tagger) that keeps the user dictionary's terms whole. */
export function createSegmenter({ userDictionary }: { userDictionary: string[] }): { cut: Cut; tag: Tag } {
  for (const word of userDictionary) {
    if (inserted.has(word)) continue;
    nodejieba.insertWord(word);
    inserted.add(word);
  }
  return {
    cut: (text) => nodejieba.cut(text),
    tag: (text) => nodejieba.tag(text),
  };
}
