import { answerQuestion } from '../src/answer/answer-question.js';
import { loadIndex } from '../src/index/load-index.js';
import type { SessionState } from '../src/question/session-state.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
let session: SessionState | null = null;
for (const message of process.argv.slice(3)) {
  const r = await answerQuestion({ index, message, session, sessionId: 't' });
  session = r.session;
  console.log('\n### ' + message);
  const p = r.trace.analysis.parts[0];
  if (p) console.log('type', p.type, 'yesNo', JSON.stringify(p.yesNo), 'unit', JSON.stringify(p.unit), 'focus', p.focus.map(f=>`${f.word}${f.asked?'*':''}${f.verb?'v':''}`).join(' '), 'unknown', r.trace.analysis.unknownWords.join(','));
  console.log('scope', JSON.stringify(r.trace.analysis.situation.scope), 'q', r.trace.analysis.situation.quantities.map(q=>q.base+q.comparator).join(','));
  console.log(r.response.status, r.response.answer);
  for (const c of r.response.citations) console.log(`  [${c.n}] ${c.sourceId}: ${c.quote.slice(0,60)}`);
  for (const c of r.response.conflicts) console.log('  conflict', JSON.stringify(c).slice(0, 400));
  for (const part of r.trace.parts) if (part.resolution) console.log('  trace', part.resolution.trace.join(' | '));
}
if (process.env.DEBUG_KEY) {
  const s = index.statements.find((x) => x.text.includes(process.env.DEBUG_KEY!));
  console.log(JSON.stringify(s, null, 1).slice(0, 3000));
}
