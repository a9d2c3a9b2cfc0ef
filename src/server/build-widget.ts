// Bundles the browser code (the widget, the operator console) with esbuild (the only importer of esbuild), once per process.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

export interface WidgetBundle {
  code: string;
  etag: string;
  gzipBytes: number;
}

const bundles = new Map<string, Promise<WidgetBundle>>();

/** The minified widget bundle (built on first use and kept). */
export function widgetBundle(): Promise<WidgetBundle> {
  return browserBundle('../widget/widget.ts');
}

/** The operator console's bundle. */
export function consoleBundle(): Promise<WidgetBundle> {
  return browserBundle('../console/console.ts');
}

function browserBundle(entry: string): Promise<WidgetBundle> {
  const built = bundles.get(entry);
  if (built) return built;
  const bundle = build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    legalComments: 'none',
  }).then((result) => {
    const code = result.outputFiles[0].text;
    return { code, etag: `"${createHash('sha256').update(code).digest('hex').slice(0, 16)}"`, gzipBytes: gzipSync(code).length };
  });
  bundles.set(entry, bundle);
  return bundle;
}
