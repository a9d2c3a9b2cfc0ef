// npm run bench:ingest — full and incremental ingest of a 5,000-document synthetic corpus.
import { appendFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ingestCorpus } from '../src/index/ingest-corpus.js';
import { versionDirectory } from '../src/index/index-store.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const documents = Number(process.env.BENCH_DOCUMENTS ?? 5000);
const root = '.bench/ingest';
rmSync(root, { recursive: true, force: true });
const corpus = join(root, 'corpus');
const indexDirectory = join(root, 'index');
const { bytes } = writeSyntheticCorpus({ seedDirectory: 'corpus', directory: corpus, documents, bytesPerDocument: 2000 });
const megabytes = bytes / 1024 / 1024;

function directorySize(directory: string): number {
  return readdirSync(directory).reduce((sum, name) => {
    const path = join(directory, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? directorySize(path) : stat.size);
  }, 0);
}

const fullStart = performance.now();
const full = await ingestCorpus({ corpusDirectory: corpus, indexDirectory, full: true });
const fullSeconds = (performance.now() - fullStart) / 1000;

appendFileSync(join(corpus, 'part-0', 'doc-0.txt'), '新增的一段：个人账户余额原则上随医保关系转移。\n');
const incrementalStart = performance.now();
const incremental = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
const incrementalSeconds = (performance.now() - incrementalStart) / 1000;

const report = {
  documents,
  corpusMegabytes: Number(megabytes.toFixed(2)),
  chunks: full.chunks,
  fullSeconds: Number(fullSeconds.toFixed(2)),
  throughputMegabytesPerSecond: Number((megabytes / fullSeconds).toFixed(2)),
  incrementalSeconds: Number(incrementalSeconds.toFixed(2)),
  incrementalShareOfFull: Number((incrementalSeconds / fullSeconds).toFixed(3)),
  incrementalReusedFiles: incremental.files.reused,
  indexMegabytesOnDisk: Number((directorySize(versionDirectory(indexDirectory, incremental.version)) / 1024 / 1024).toFixed(2)),
  peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(report, null, 2));
