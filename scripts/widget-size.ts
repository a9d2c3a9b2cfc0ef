// npm run widget:size — the widget bundle's size, raw and gzipped.
import { widgetBundle } from '../src/server/build-widget.js';

const bundle = await widgetBundle();
console.log(JSON.stringify({ bytes: Buffer.byteLength(bundle.code), gzipBytes: bundle.gzipBytes }));
