import { explainQuestion } from '../src/answer/explain-question.js';
import { loadIndex } from '../src/index/load-index.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
const e = await explainQuestion({ index, message: process.argv[3] });
for (const p of e.passages) console.log(p.score, p.coverage, p.verdict, p.specificity, p.sourceId, p.sentence.slice(0, 60));
console.log(JSON.stringify(e.claims.map(c => [c.value, c.verdict, c.sentence.slice(0,40)])));
