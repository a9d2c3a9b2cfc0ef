// Writes a deterministic synthetic corpus built from the seed articles' sentences (for benchmarks).
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/text/split-sentences.js';

/** A small deterministic pseudo-random generator (mulberry32). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `documents` files of about `bytesPerDocument` each under `directory`, with the seed corpus's rules. */
export function writeSyntheticCorpus({ seedDirectory, directory, documents, bytesPerDocument }: { seedDirectory: string; directory: string; documents: number; bytesPerDocument: number }): { bytes: number } {
  const sentences: string[] = [];
  const titles: string[] = [];
  for (const name of readdirSync(seedDirectory).filter((entry) => entry.endsWith('.txt'))) {
    const lines = readFileSync(join(seedDirectory, name), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);
    titles.push(lines[0]);
    for (const line of lines) for (const sentence of splitSentences(line)) if (sentence.text.length >= 12) sentences.push(sentence.text);
  }
  mkdirSync(directory, { recursive: true });
  cpSync(join(seedDirectory, 'rules'), join(directory, 'rules'), { recursive: true });
  const random = createRandom(20261122);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  let bytes = 0;
  for (let number = 0; number < documents; number++) {
    const lines = [`${pick(titles)}（第${number}篇）`, '', `2025-${String(1 + (number % 12)).padStart(2, '0')}-${String(1 + (number % 28)).padStart(2, '0')} 08:00:00样例网`, ''];
    let size = Buffer.byteLength(lines.join('\n'));
    while (size < bytesPerDocument) {
      const paragraph = Array.from({ length: 3 }, () => pick(sentences)).join('');
      lines.push(paragraph);
      size += Buffer.byteLength(paragraph) + 1;
    }
    const text = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    const folder = join(directory, `part-${Math.floor(number / 500)}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc-${number}.txt`), text);
  }
  return { bytes };
}
