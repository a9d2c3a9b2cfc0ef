// Splits a line of Chinese text into sentences, keeping each sentence's offset in the line.

export interface Sentence {
  text: string;
  /** Offset of `text` in the input. */
  offset: number;
}

const sentenceEnd = /[。！？；!?;]+[”’"）)]*|\s{2,}/g;

/** Sentences of `line` split after 。！？； (and runs of blank space), trimmed, empty ones dropped. */
export function splitSentences(line: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) sentences.push({ text, offset: start + leading });
  };
  for (const match of line.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(line.length);
  return sentences;
}
