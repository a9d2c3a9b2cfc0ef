// A throwaway PostgreSQL server from Debian's binaries, on a free loopback port, in a temporary directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  url: string;
  stop(): Promise<void>;
}

function binaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb'))).sort((left, right) => Number(right) - Number(left));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Why PostgreSQL cannot run here, or null when it can (installing it from Debian when missing). */
export function postgresUnavailable(): string | null {
  if (!binaries()) spawnSync('bash', ['scripts/ensure-postgres.sh'], { stdio: 'inherit' });
  if (!binaries()) return 'PostgreSQL server binaries are not installed (apt-get install -y postgresql)';
  const root = process.getuid?.() === 0;
  if (root && spawnSync('id', ['postgres']).status !== 0) return 'running as root without a postgres user to run initdb as';
  return null;
}

/** initdb + postgres as the `postgres` user when running as root (initdb refuses root). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = binaries()!;
  const root = process.getuid?.() === 0;
  const directory = mkdtempSync(join(tmpdir(), 'kbqa-pg-'));
  const data = join(directory, 'data');
  chmodSync(directory, 0o755);
  // As root, the server runs as the `postgres` user (spawned with its uid and gid, so signals reach it).
  const user = root ? { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) } : {};
  if (root) chownSync(directory, user.uid!, user.gid!);
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], { encoding: 'utf8', cwd: directory, ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const server: ChildProcess = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', directory, '-F'], { stdio: ['ignore', 'ignore', 'pipe'], cwd: directory, ...user });
  let log = '';
  server.stderr?.on('data', (data) => (log += data));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
    if (ready.status === 0) break;
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`postgres did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
