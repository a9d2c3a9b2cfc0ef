// Test helper: the files of an index version as digests, the manifest without what names or dates the run.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function files(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)]));
}

/**
 * Path → sha256 of every file of `<indexDirectory>/current`: the manifest without its version name and dates, and not
 * stamps.json (the identities of the files on this disk).
 */
export function versionContents(indexDirectory: string): Record<string, string> {
  const root = join(indexDirectory, 'current');
  return Object.fromEntries(
    files(root)
      .filter((path) => relative(root, path) !== 'stamps.json')
      .map((path) => {
        let bytes = readFileSync(path);
        if (relative(root, path) === 'manifest.json') {
          const { version: _version, createdAt: _created, readStartedAt: _read, ...rest } = JSON.parse(bytes.toString('utf8'));
          bytes = Buffer.from(JSON.stringify(rest));
        }
        return [relative(root, path), createHash('sha256').update(bytes).digest('hex')] as const;
      })
      .sort(([left], [right]) => left.localeCompare(right)),
  );
}
