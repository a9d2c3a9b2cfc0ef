// npm run build (and before npm start): the compiled server in dist/.
import { buildDist, entryPoints } from './build-dist.js';

const started = performance.now();
await buildDist({ outdir: 'dist' });
process.stderr.write(`build: dist/cli/{${entryPoints.join(',')}}.js dist/widget.js and dist/console.js in ${Math.round(performance.now() - started)} ms\n`);
