import { analyseQuestion } from '../src/question/analyse-question.js';
import { questionContextOf } from '../src/answer/answer-question.js';
import { judgeStatement, coverageOf } from '../src/retrieval/retrieve-evidence.js';
import { loadIndex } from '../src/index/load-index.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
const analysis = analyseQuestion({ message: process.argv[3], previous: null, context: questionContextOf(index) });
const part = analysis.parts[0];
console.log('situation words', analysis.situation.words.join(' '), '| predicate', part.predicate.map(w=>w.word).join(' '), '| given', part.given.join(' '));
for (const s of index.statements) if (s.text.includes(process.argv[4])) {
  console.log(s.text, JSON.stringify(s.scope), JSON.stringify(s.condition));
  console.log(JSON.stringify(judgeStatement({ index, analysis, part, statement: s })), JSON.stringify(coverageOf({ index, part, statement: s })));
  for (const c of index.claimsByStatement.get(s.key) ?? []) console.log('  claim', c.kind, c.subject.join(' '), JSON.stringify(c.quantity), c.negated.join(','), c.outcome);
}
