import { loadIndex } from '../src/index/load-index.js';
import { detectStatementScope } from '../src/reconcile/scope.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
console.log(JSON.stringify(detectStatementScope({ text: '广东省方案', scope: index.reading.scope })));
const s = index.statements.find(x => x.text.startsWith('广东省方案'))!;
console.log(JSON.stringify(s.condition), s.label, JSON.stringify(s.clauseTokens));
