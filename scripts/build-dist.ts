// The compiled server: one ESM bundle per CLI entry point (a fast start-up) and the widget bundle.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { browserEntries, widgetBuildOptions } from '../src/server/build-widget.js';

export const entryPoints = ['serve', 'ingest', 'ask', 'healthcheck'];
// Native modules load their compiled addons from node_modules; esbuild is only used from the sources.
const external = ['nodejieba', 'hnswlib-node', 'better-sqlite3', 'esbuild'];
// CommonJS dependencies inside an ES module bundle still use require, __filename and __dirname.
const banner = [
  "import { createRequire as createRequireOfBundle } from 'node:module';",
  "import { fileURLToPath as fileURLToPathOfBundle } from 'node:url';",
  'const require = createRequireOfBundle(import.meta.url);',
  'const __filename = fileURLToPathOfBundle(import.meta.url);',
  "const __dirname = fileURLToPathOfBundle(new URL('.', import.meta.url));",
].join('\n');

/**
 * Writes `<outdir>/cli/<entry>.js`, `<outdir>/widget.js` and `<outdir>/console.js`. The directory must
 * sit inside the repository, so that the native modules resolve from its node_modules.
 */
export async function buildDist({ outdir }: { outdir: string }): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entryPoints.map((entry) => `src/cli/${entry}.ts`),
    outdir: `${outdir}/cli`,
    bundle: true,
    // One self-contained, minified file per entry point loads fastest (shared chunks and white space cost start-up time).
    minify: true,
    keepNames: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    banner: { js: banner },
    logLevel: 'warning',
  });
  for (const { source, built } of Object.values(browserEntries)) await build({ ...widgetBuildOptions, entryPoints: [`src/${source}`], outfile: `${outdir}/${built}`, logLevel: 'warning' });
}
