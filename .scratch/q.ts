import { compileLanguage } from '../src/rules/compile-language.js';
import { defaultLanguage } from '../src/rules/defaults/default-language.js';
import { findQuantities } from '../src/reconcile/find-quantities.js';
const language = compileLanguage({ data: defaultLanguage, normalize: (t) => t.normalize('NFKC').toLowerCase() });
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(findQuantities({ text: t, language }).map(q => ({v:q.value,u:q.upper,unit:q.unit,c:q.comparator,s:t.slice(q.start,q.end),sup:q.superseded,f:q.former}))));
