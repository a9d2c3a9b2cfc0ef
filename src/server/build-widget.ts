// Bundles the widget with esbuild (the only importer of esbuild), once per process.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';

export interface WidgetBundle {
  code: string;
  etag: string;
  gzipBytes: number;
}

let bundle: Promise<WidgetBundle> | null = null;

/** The minified widget bundle (built on first use and kept). */
export function widgetBundle(): Promise<WidgetBundle> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('../widget/widget.ts', import.meta.url))],
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
  return bundle;
}
