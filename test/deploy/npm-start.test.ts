// `npm start` runs the compiled server itself (npm → node dist/cli/serve.js, no shell or tsx in between), builds
// the index on a first start, re-indexes with the compiled ingest, and a SIGTERM to npm stops the server: nothing
// is left running.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../server/process/server-process.js';
import { stageRepository } from './staged-repository.js';

const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

describe('npm start', () => {
  it('should build dist/, run node dist/cli/serve.js as npm’s own child, answer, re-index, and stop with npm on SIGTERM', async () => {
    const stage = stageRepository();
    const server = await startServerProcess({ command: { kind: 'npm-start' }, cwd: stage, env: { ADMIN_TOKEN: 'admin-secret' }, timeoutMilliseconds: 180_000 });
    expect(existsSync(join(stage, 'dist/cli/serve.js'))).toBe(true);
    expect(server.logs.some((line) => line.msg === 'index built')).toBe(true);

    const [serverPid] = childrenOf(server.child.pid!);
    expect(commandLine(serverPid)).toEqual([expect.stringMatching(/node$/), 'dist/cli/serve.js']);
    expect(childrenOf(serverPid)).toEqual([]);
    expect(server.logs.find((line) => line.msg?.startsWith('listening'))?.pid).toBe(serverPid);

    const answer = await fetch(`${server.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '补缴医保的滞纳金怎么算？' }) });
    expect(answer.status).toBe(200);
    expect((await answer.json()).status).toBe('answered');

    // The re-index child runs the compiled dist/cli/ingest.js: with the sources gone, nothing else could succeed.
    rmSync(join(stage, 'src'), { recursive: true });
    // A change to publish (a re-index that finds nothing changed publishes nothing).
    writeFileSync(join(stage, 'corpus', 'added-notice.md'), '# 通知\n\n医保经办窗口周一至周五办公。\n');
    const admin = { authorization: 'Bearer admin-secret' };
    const before = (await (await fetch(`${server.base}/readyz`)).json()).version;
    expect((await fetch(`${server.base}/admin/reindex`, { method: 'POST', headers: admin })).status).toBe(202);
    await expect.poll(async () => (await (await fetch(`${server.base}/admin/reindex`, { headers: admin })).json()).state, { timeout: 120_000, interval: 250 }).toBe('succeeded');
    await expect.poll(async () => (await (await fetch(`${server.base}/readyz`)).json()).version, { timeout: 10_000 }).not.toBe(before);

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.logs.some((line) => line.msg === 'drained; exiting' && line.pid === serverPid)).toBe(true);
    expect(alive(serverPid)).toBe(false);
  }, 240_000);
});
