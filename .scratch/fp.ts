import { findPlaces } from '../src/vocabulary/region-gazetteer.js';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findPlaces(t)));
