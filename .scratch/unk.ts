import { loadIndex } from '../src/index/load-index.js';
import { questionContextOf } from '../src/answer/answer-question.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
const c = questionContextOf(index);
for (const w of process.argv.slice(3)) console.log(w, c.frequency(w), c.knows(w), index.reading.synonyms.alternatives(w), c.text.tokensOfNormalized(w));
