// The Dockerfile's steps, run outside a container (CI has no Docker daemon): its build command in a copy of what it
// copies, then its CMD as an unprivileged user with the image's environment, and its HEALTHCHECK command.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../server/process/server-process.js';
import { environmentOf, execForm, parseDockerfile, type Stage } from './dockerfile.js';

const stages = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
const [build, runtime] = stages;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.text);
const one = (stage: Stage, keyword: string) => all(stage, keyword).at(-1)!;
// The host stands in for the image: root here, an unprivileged account for USER.
const unprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

function freshDirectory(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(directory, 0o755);
  return directory;
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** COPY <sources…> <destination> into `root`, from `from` (the build context, or an earlier stage's directory). */
function copy(text: string, from: string, root: string, workdir: string): void {
  const parts = text.replace(/^--from=\S+\s+/, '').split(' ');
  const destination = parts.pop()!;
  for (const source of parts) {
    const relative = source.replace(/^\/app\/?/, '');
    const target = destination === './' ? join(root, relative.split('/').pop()!) : join(root, destination.replace(new RegExp(`^${workdir}/?`), ''));
    // node_modules comes from the repository's `npm ci` (the README's first command), linked rather than copied.
    if (relative === 'node_modules') symlinkSync(resolve('node_modules'), target);
    else cpSync(join(from, relative), target, { recursive: true });
  }
}

describe('the Dockerfile', () => {
  it('should build in one stage and run from another, as a non-root user, with a health check and node dist/… as its command', () => {
    expect(stages).toHaveLength(2);
    expect(build.name).toBe('build');
    expect(runtime.image).toBe(build.image);
    expect(all(runtime, 'COPY').filter((text) => text.startsWith('--from=build'))).toHaveLength(3);
    expect(one(runtime, 'USER')).not.toMatch(/^(root|0)(:|$)/);
    expect(execForm(one(runtime, 'HEALTHCHECK'))).toEqual(['node', 'dist/cli/healthcheck.js']);
    expect(execForm(one(runtime, 'CMD'))).toEqual(['node', 'dist/cli/serve.js']);
  });

  it('should build, serve as an unprivileged user that cannot write its code, and pass then fail its health check', async () => {
    // Build stage: every RUN step is known; those that install (apt-get, npm ci, npm prune) are the host's business.
    const runs = all(build, 'RUN');
    expect(runs).toEqual(['apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*', 'npm ci', 'npm run build', 'npm prune --omit=dev']);
    const workdir = one(build, 'WORKDIR');
    const buildRoot = freshDirectory('kbqa-docker-build-');
    for (const text of all(build, 'COPY')) copy(text, '.', buildRoot, workdir);
    symlinkSync(resolve('node_modules'), join(buildRoot, 'node_modules'));
    const built = spawnSync('sh', ['-c', 'npm run build'], { cwd: buildRoot, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);

    // Runtime stage: its files owned by root, /data the user's; the image's environment with /data moved here.
    const runtimeRoot = freshDirectory('kbqa-docker-app-');
    const data = freshDirectory('kbqa-docker-data-');
    if (unprivileged) chownSync(data, unprivileged.uid, unprivileged.gid);
    for (const text of all(runtime, 'COPY')) copy(text, text.startsWith('--from=build') ? buildRoot : '.', runtimeRoot, one(runtime, 'WORKDIR'));
    expect(all(runtime, 'RUN')).toEqual(['mkdir -p /data/index && chown -R node:node /data']);
    expect(readdirSync(runtimeRoot).sort()).toEqual(['corpus', 'dist', 'node_modules', 'package.json']);
    const image = Object.assign({}, ...all(runtime, 'ENV').map(environmentOf)) as Record<string, string>;
    const onHost = (value: string) => value.replace(/^\/data\b/, data).replace(/^\/app\b/, runtimeRoot);
    // The image sets no WORKERS: the server runs one worker per core, as it would in the container.
    const env = { ...Object.fromEntries(Object.entries(image).map(([key, value]) => [key, onHost(value)])), PORT: String(await freePort()), WORKERS: undefined };
    const healthcheck = () => {
      const [file, ...args] = execForm(one(runtime, 'HEALTHCHECK'));
      return spawnSync(file === 'node' ? process.execPath : file, args, { cwd: runtimeRoot, env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv, encoding: 'utf8', ...unprivileged }).status;
    };

    const [command, ...args] = execForm(one(runtime, 'CMD'));
    const server = await startServerProcess({ command: { kind: 'exec', argv: [command === 'node' ? process.execPath : command, ...args] }, cwd: runtimeRoot, env, user: unprivileged, timeoutMilliseconds: 180_000 });
    try {
      // A first start builds the index into /data, as the user.
      expect(server.logs.some((line) => line.msg === 'index built')).toBe(true);
      expect(existsSync(join(data, 'index', 'current'))).toBe(true);
      if (unprivileged) {
        expect(readFileSync(`/proc/${server.child.pid}/status`, 'utf8')).toMatch(new RegExp(`^Uid:\\s+${unprivileged.uid}\\s`, 'm'));
        expect(statSync(join(data, 'index')).uid).toBe(unprivileged.uid);
        const write = spawnSync(process.execPath, ['-e', "require('fs').writeFileSync('dist/tampered.js', '')"], { cwd: runtimeRoot, ...unprivileged, encoding: 'utf8' });
        expect(write.stderr).toContain('EACCES');
      }
      const answer = await fetch(`${server.base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '补缴医保的滞纳金怎么算？' }) });
      expect(answer.status).toBe(200);
      expect((await fetch(`${server.base}/widget.js`)).status).toBe(200);
      expect(healthcheck()).toBe(0);
    } finally {
      expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    }
    expect(healthcheck()).toBe(1);
  }, 300_000);
});
