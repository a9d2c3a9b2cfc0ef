import { loadIndex } from '../src/index/load-index.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
for (const s of index.statements) if (s.text.includes(process.argv[3])) console.log(JSON.stringify({ text: s.text, scope: s.scope, condition: s.condition, clauses: s.analysis.clauses, q: s.analysis.quantities }, null, 0));
