// Starts the real server as a child process (from the sources through tsx, from a build, or through npm start).
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { temporaryDirectory } from '../../helpers.js';

export interface LogLine {
  msg?: string;
  port?: number;
  pid?: number;
  worker?: number;
  [field: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcess;
  base: string;
  port: number;
  /** Every JSON log line so far (stdout), in order. */
  logs: LogLine[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export type ServerCommand = { kind: 'source' } | { kind: 'npm-start' } | { kind: 'exec'; argv: string[] };

function argv(command: ServerCommand): [string, string[]] {
  if (command.kind === 'source') return [process.execPath, ['--import', 'tsx', 'src/cli/serve.ts']];
  if (command.kind === 'exec') return [command.argv[0], command.argv.slice(1)];
  return ['npm', ['start', '--silent']];
}

/**
 * Starts a server on a free loopback port with its own temporary data directory; resolves once it (or, with
 * WORKERS > 1, every worker) listens. The environment holds only PATH, HOME and these defaults, under `env`
 * (where `undefined` removes a default). `user` runs it as another user (root only).
 */
export async function startServerProcess({
  command = { kind: 'source' },
  env = {},
  cwd = process.cwd(),
  user,
  timeoutMilliseconds = 90_000,
}: { command?: ServerCommand; env?: Record<string, string | undefined>; cwd?: string; user?: { uid: number; gid: number }; timeoutMilliseconds?: number } = {}): Promise<ServerProcess> {
  const data = temporaryDirectory('kbqa-server-');
  const merged: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? data,
    PORT: '0',
    WORKERS: '1',
    LOG_LEVEL: 'info',
    INDEX_DIR: join(data, 'index'),
    SESSION_DB: join(data, 'sessions.sqlite'),
    ...env,
  };
  const environment = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const [file, args] = argv(command);
  const child = spawn(file, args, { cwd, env: environment, stdio: ['ignore', 'pipe', 'pipe'], ...user });
  const logs: LogLine[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // Exited once the process is gone and its last log lines are read.
  const lines = createInterface({ input: child.stdout! });
  const outputRead = new Promise((resolve) => lines.once('close', resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => void outputRead.then(() => resolve({ code, signal }))));
  const workers = Number(environment.WORKERS ?? availableParallelism());
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMilliseconds} ms:\n${stderr}\n${JSON.stringify(logs.slice(-5))}`)), timeoutMilliseconds);
    let listening = 0;
    let found = 0;
    lines.on('line', (line) => {
      let parsed: LogLine;
      try {
        parsed = JSON.parse(line);
      } catch {
        return;
      }
      logs.push(parsed);
      if (typeof parsed.msg === 'string' && parsed.msg.startsWith('listening')) {
        found = parsed.port!;
        listening++;
      }
      if (found && listening === workers) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening:\n${stderr}\n${JSON.stringify(logs.slice(-5))}`));
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    port,
    logs,
    stderr: () => stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
