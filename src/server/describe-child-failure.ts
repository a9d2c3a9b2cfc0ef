// A failed child process in a few words: its own error message, else the last lines it printed, never a stack.

const stackFrame = /^\s+at\s|^\s*\^+\s*$|^Node\.js v\d/;

/** The reason a child ingest failed, from its JSON error on stdout or the last meaningful lines of its stderr. */
export function describeChildFailure({ stdout, stderr, code, signal }: { stdout: string; stderr: string; code: number | null; signal: NodeJS.Signals | null }): string {
  const exit = signal ? `stopped by ${signal}` : `exited with code ${code}`;
  const reported = reportedError(stdout);
  if (reported) return reported.message;
  const lines = stderr.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '' && !stackFrame.test(line));
  // Node prints an uncaught error as: source line, caret, "SomeError: message", stack frames, properties.
  const headline = lines.findLastIndex((line) => /^(\w+Error|Error)\b.*:/.test(line) || /^ingest failed:/.test(line));
  const chosen = headline >= 0 ? lines.slice(headline, headline + 1) : lines.slice(-3);
  return chosen.length > 0 ? `ingest ${exit}: ${chosen.join('\n')}` : `ingest ${exit} without a message`;
}

/** The last JSON error (`{"error":{"code","message"}}`) the ingest CLI printed, or null. */
export function reportedError(stdout: string): { code: string; message: string } | null {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const error = (JSON.parse(line) as { error?: { code?: unknown; message?: unknown } }).error;
      if (typeof error?.message === 'string') return { code: typeof error.code === 'string' ? error.code : 'ingest_failed', message: error.message };
    } catch {
      // not a JSON line
    }
  }
  return null;
}
