import { loadIndex } from './src/index/load-index.js';
import { searchChunks } from './src/retrieval/search-chunks.js';
import { understandQuery } from './src/retrieval/understand-query.js';
const index = loadIndex({ indexDirectory: 'data/index', embedderSettings: {} });
for (const q of process.argv.slice(2)) {
  const u = understandQuery({ index, message: q, session: null });
  console.log(q, u.expanded.map(w=>w.token+':'+w.weight).join(' '), u.topics.map(t=>t.topic.id), JSON.stringify(u.scope));
  const hits = await searchChunks({ index, query: u.effective, k: 8, expanded: u.expanded });
  for (const h of hits) console.log('  ', h.score.toFixed(4), h.lexicalScore.toFixed(2), h.vectorSimilarity.toFixed(2), h.chunk.sourceId, h.chunk.heading, h.chunk.sentences[0].text.slice(0,40));
}
