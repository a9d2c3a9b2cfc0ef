// Starts the compiled server (dist/cli/serve.js) for a benchmark and waits until every worker listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface BenchServer {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

/** `env` is added to this process's environment; PORT is chosen by the system (every worker logs it). */
export async function startBenchServer({ env }: { env: Record<string, string> }): Promise<BenchServer> {
  const workers = Number(env.WORKERS ?? 1);
  const child = spawn(process.execPath, ['dist/cli/serve.js'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let listening = 0;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.includes('"msg":"listening')) return;
      if (++listening === workers) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)));
  });
  // Log lines keep flowing (one per request); they are read and dropped, as a log shipper would.
  child.stdout!.resume();
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
