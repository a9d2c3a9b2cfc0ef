import { loadIndex } from '../src/index/load-index.js';
const index = loadIndex({ indexDirectory: process.argv[2], embedderSettings: {} });
for (const t of process.argv.slice(3)) console.log(JSON.stringify(index.text.tag(index.text.normalize(t))));
