import { loadIndex } from '../src/index/load-index.js';
import { analyseQuestion } from '../src/question/analyse-question.js';
import { questionContextOf } from '../src/answer/answer-question.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
for (const m of process.argv.slice(3)) { const a = analyseQuestion({ message: m, previous: null, context: questionContextOf(index) }); console.log(m, JSON.stringify({ type: a.parts[0]?.type, unknown: a.unknownWords, changes: a.situation.scope.changes, values: a.situation.scope.values })); }
{ const a = analyseQuestion({ message: '去窗口办医保转移要交多少手续费？', previous: null, context: questionContextOf(index) }); console.log(JSON.stringify(a.parts.map(p => ({asked: p.asked, text: p.text})))); }
