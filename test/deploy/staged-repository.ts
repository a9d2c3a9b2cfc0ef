// A copy of the repository's build inputs in a fresh directory any user can read, with node_modules linked in.
import { chmodSync, cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Copies `entries` (paths relative to the repository) into a new directory; node_modules is a link, not a copy. */
export function stageRepository(entries: string[] = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts', 'src', 'corpus']): string {
  const stage = mkdtempSync(join(tmpdir(), 'kbqa-stage-'));
  chmodSync(stage, 0o755);
  for (const entry of entries) cpSync(entry, join(stage, entry), { recursive: true });
  symlinkSync(resolve('node_modules'), join(stage, 'node_modules'));
  return stage;
}
