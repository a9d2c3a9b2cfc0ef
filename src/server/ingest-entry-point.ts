// Where the ingest CLI is, found from this module's own location (not the working directory).
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface IngestEntryPoint {
  /** Arguments for node before the script: the tsx loader when running from TypeScript sources. */
  nodeArguments: string[];
  script: string;
}

/**
 * The ingest CLI beside this module: `src/cli/ingest.ts` run through tsx when this is `src/server/*.ts`, or the
 * compiled `cli/ingest.js` when this is a compiled `server/*.js`. Both are resolved from `moduleUrl`, so a server
 * started from any directory finds them.
 */
export function ingestEntryPoint(moduleUrl: string = import.meta.url): IngestEntryPoint {
  const extension = extname(fileURLToPath(moduleUrl)) === '.ts' ? '.ts' : '.js';
  const script = fileURLToPath(new URL(`../cli/ingest${extension}`, moduleUrl));
  if (extension === '.js') return { nodeArguments: [], script };
  // tsx is resolved from this module too: `--import tsx` alone would be looked up from the working directory.
  const loader = createRequire(moduleUrl).resolve('tsx');
  return { nodeArguments: ['--import', pathToFileURL(loader).href], script };
}
