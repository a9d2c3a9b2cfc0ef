// Child process of vector-index.test.ts: reads each vector file and searches every one the check accepts. Run apart
// so that a file that slipped through and crashed hnswlib would fail the test instead of killing the test runner.
import { readFileSync } from 'node:fs';
import { createRandom } from '../../scripts/synthetic-corpus.js';
import { VectorIndex } from '../../src/index/vector-index.js';

const { paths, dimensions, labels } = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { paths: string[]; dimensions: number; labels: number[] };
const random = createRandom(11);
let accepted = 0;
let refused = 0;
for (const path of paths) {
  let index: VectorIndex;
  try {
    index = VectorIndex.read({ path, dimensions, labels });
  } catch {
    refused++;
    continue;
  }
  accepted++;
  for (let query = 0; query < 20; query++) index.search(Array.from({ length: dimensions }, () => random() - 0.5), 10);
  for (const label of index.labels()) index.vectorOf(label);
}
process.stdout.write(JSON.stringify({ accepted, refused }));
