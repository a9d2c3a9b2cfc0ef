import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../scripts/synthetic-corpus.js';
import { readJson, switchCurrent, versionDirectory } from '../../src/index/index-store.js';
import { ingestCorpus } from '../../src/index/ingest-corpus.js';
import { createApp } from '../../src/server/create-app.js';
import { IndexHolder } from '../../src/server/index-holder.js';
import { createMetrics } from '../../src/server/metrics.js';
import { MemoryRateLimiter } from '../../src/server/memory-rate-limiter.js';
import { SqliteSessionStore } from '../../src/server/sqlite-session-store.js';
import { copyCorpus, libraryCorpus, temporaryDirectory } from '../helpers.js';
import { damageVersionGraph, hnswLayout } from '../index/damage-hnsw-file.js';
import { json } from './test-app.js';

type Damage = (bytes: Buffer) => Buffer;

const damages: Array<[string, Damage, RegExp]> = [
  ['a truncated file', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)), /\(truncated\)/],
  ['random bytes', (bytes) => {
    const random = createRandom(3);
    return Buffer.from(bytes.map(() => Math.floor(random() * 256)));
  }, /pack 0's graph is damaged: /],
  ['a bad entry point (99999 at byte 52)', (bytes) => (bytes.writeUInt32LE(99999, 52), bytes), /the entry point 99999 is not one of the \d+ elements/],
  ['bad links', (bytes) => {
    const layout = hnswLayout(bytes);
    bytes.writeUInt16LE(2, layout.level0(1));
    bytes.writeUInt32LE(layout.count + 40, layout.level0(1) + 8);
    return bytes;
  }, /element 1 links at level 0 to element \d+, but there are \d+ elements/],
];

function capturingLogger() {
  const lines: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  return { lines, logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }) };
}

/** A copy of `version` named `name`, with its vector file damaged. */
function damagedCopy(indexDirectory: string, version: string, name: string, damage: Damage): string {
  const directory = versionDirectory(indexDirectory, name);
  cpSync(versionDirectory(indexDirectory, version), directory, { recursive: true });
  const manifest = readJson<Record<string, unknown>>(join(directory, 'manifest.json'));
  writeFileSync(join(directory, 'manifest.json'), JSON.stringify({ ...manifest, version: name, createdAt: new Date().toISOString() }));
  damageVersionGraph(directory, damage);
  return name;
}

function appAround(indexes: IndexHolder) {
  const sessions = new SqliteSessionStore({ path: ':memory:', ttlMilliseconds: 3600_000 });
  const settings = { apiKeys: [], corsOrigins: [], rateLimitPerMinute: 1000, requestTimeoutMilliseconds: 10_000, logQuestions: false };
  return createApp({ indexes, sessions, limiter: new MemoryRateLimiter(), logger: pino({ level: 'silent' }), metrics: createMetrics(), settings });
}

let corpus: string;
let indexDirectory: string;
beforeAll(async () => {
  corpus = copyCorpus(libraryCorpus);
  indexDirectory = temporaryDirectory('kbqa-holder-');
  await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
});

describe('IndexHolder', () => {
  it('should serve the newest kept version that passes when current is damaged at cold start, and say so in /readyz', async () => {
    appendFileSync(join(corpus, 'guide-a.md'), '新增一句。\n');
    const newer = (await ingestCorpus({ corpusDirectory: corpus, indexDirectory })).version;
    const skipped = damagedCopy(indexDirectory, newer, 'z-skipped-damaged', damages[3][1]);
    const current = damagedCopy(indexDirectory, newer, 'z-current-damaged', damages[2][1]);
    switchCurrent(indexDirectory, current);
    const { logger, lines } = capturingLogger();
    const holder = new IndexHolder({ indexDirectory, embedderSettings: {}, logger });
    expect(holder.refresh()).toBe(true);
    expect({ serving: holder.current?.version, fallbackFrom: holder.fallbackFrom }).toEqual({ serving: newer, fallbackFrom: current });
    expect(lines.filter((line) => line.level === 50).map((line) => line.msg)).toEqual([
      expect.stringMatching(new RegExp(`^index version ${current} refused: .*the entry point 99999 is not one of the \\d+ elements`)),
      expect.stringMatching(new RegExp(`^index version ${skipped} refused: .*element 1 links at level 0 to element`)),
    ]);
    expect(lines.find((line) => line.level === 40)?.msg).toBe(`serving ${newer}, the newest kept version that passes, instead of the refused current ${current}`);

    const app = appAround(holder);
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', version: newer, fallbackFrom: current });
    const chat = await app.request('/api/chat', json({ message: '逾期费怎么收？' }));
    expect(chat.status).toBe(200);
    expect((await chat.json()).status).toBe('answered');

    const published = await ingestCorpus({ corpusDirectory: corpus, indexDirectory });
    expect(holder.refresh()).toBe(true);
    expect({ serving: holder.current?.version, fallbackFrom: holder.fallbackFrom }).toEqual({ serving: published.version, fallbackFrom: null });
    expect(await (await app.request('/readyz')).json()).not.toHaveProperty('fallbackFrom');
  });

  it.each(damages)('should refuse a hot reload of a version with %s, log why, and keep serving', async (kind, damage, reason) => {
    const base = (await ingestCorpus({ corpusDirectory: corpus, indexDirectory })).version;
    const { logger, lines } = capturingLogger();
    const holder = new IndexHolder({ indexDirectory, embedderSettings: {}, logger });
    expect(holder.refresh()).toBe(true);
    const name = damagedCopy(indexDirectory, base, `damaged-${kind.replace(/\W+/g, '-')}`, damage);
    switchCurrent(indexDirectory, name);
    expect(holder.refresh()).toBe(false);
    expect(holder.current?.version).toBe(base);
    expect(holder.fallbackFrom).toBeNull();
    const refusal = lines.find((line) => line.level === 50)!;
    expect(refusal).toMatchObject({ version: name, serving: base, msg: expect.stringMatching(new RegExp(`^index version ${name} refused: `)) });
    expect(refusal.msg).toMatch(reason);
    const chat = await appAround(holder).request('/api/chat', json({ message: '押金多久退还？' }));
    expect(chat.status).toBe(200);
    switchCurrent(indexDirectory, base);
  });
});
