// A place in a long ingest where it can be stopped.

/** Lets pending signal handlers run (they only run between tasks), then throws the reason if `signal` was aborted. */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return;
  await new Promise((resolve) => setImmediate(resolve));
  signal.throwIfAborted();
}
