// A failed child process in a few words: its own error message, else the last lines it printed, never a stack.

const stackFrame = /^\s+at\s|^\s*\^+\s*$|^Node\.js v\d/;

/** The reason a child ingest failed, from its JSON error on stdout or the last meaningful lines of its stderr. */
export function describeChildFailure({ stdout, stderr, code, signal }: { stdout: string; stderr: string; code: number | null; signal: NodeJS.Signals | null }): string {
  const exit = signal ? `stopped by ${signal}` : `exited with code ${code}`;
  const reported = lastJsonError(stdout);
  if (reported) return reported;
  const lines = stderr.split('\n').map((line) => line.trimEnd()).filter((line) => line.trim() !== '' && !stackFrame.test(line));
  // Node prints an uncaught error as: source line, caret, "SomeError: message", stack frames, properties.
  const headline = lines.findLastIndex((line) => /^(\w+Error|Error)\b.*:/.test(line) || /^ingest failed:/.test(line));
  const chosen = headline >= 0 ? lines.slice(headline, headline + 1) : lines.slice(-3);
  return chosen.length > 0 ? `ingest ${exit}: ${chosen.join('\n')}` : `ingest ${exit} without a message`;
}

function lastJsonError(stdout: string): string | null {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const message = (JSON.parse(line) as { error?: { message?: unknown } }).error?.message;
      if (typeof message === 'string') return message;
    } catch {
      // not a JSON line
    }
  }
  return null;
}
