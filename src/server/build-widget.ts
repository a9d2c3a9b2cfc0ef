// The browser bundles (the widget, the operator console): prebuilt into dist/ by `npm run build`; from the sources,
// bundled by esbuild (the only runtime importer of esbuild) on first use, once per process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { BuildOptions } from 'esbuild';

export interface WidgetBundle {
  code: string;
  etag: string;
  gzipBytes: number;
}

/** How the browser code is bundled, at build time and from the sources alike. */
export const widgetBuildOptions = { bundle: true, minify: true, format: 'iife', target: ['es2020'], legalComments: 'none' } satisfies BuildOptions;

/** Each browser bundle: its source entry under src/, and the file the build writes under dist/. */
export const browserEntries = { widget: { source: 'widget/widget.ts', built: 'widget.js' }, console: { source: 'console/console.ts', built: 'console.js' } } as const;

const bundles = new Map<string, Promise<WidgetBundle>>();

/** The minified widget bundle (read or built on first use, then kept). */
export function widgetBundle(): Promise<WidgetBundle> {
  return browserBundle('widget');
}

/** The operator console's bundle. */
export function consoleBundle(): Promise<WidgetBundle> {
  return browserBundle('console');
}

async function browserCode(name: keyof typeof browserEntries): Promise<string> {
  // Built, this code runs from dist/cli/<entry>.js, and the build wrote dist/<name>.js beside dist/cli/.
  if (import.meta.url.endsWith('.js')) return readFile(new URL(`../${browserEntries[name].built}`, import.meta.url), 'utf8');
  const { build } = await import('esbuild');
  const result = await build({ ...widgetBuildOptions, entryPoints: [fileURLToPath(new URL(`../${browserEntries[name].source}`, import.meta.url))], write: false });
  return result.outputFiles[0].text;
}

function browserBundle(name: keyof typeof browserEntries): Promise<WidgetBundle> {
  const built = bundles.get(name);
  if (built) return built;
  const bundle = browserCode(name).then((code) => ({ code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"`, gzipBytes: gzipSync(code).length }));
  bundles.set(name, bundle);
  return bundle;
}
