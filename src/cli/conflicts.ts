// `npm run conflicts -- [--index DIR] [--json]`: every contradiction in the corpus and how the rules decide it.
import { Command } from 'commander';
import { AppError } from '../errors/app-error.js';
import { loadIndex } from '../index/load-index.js';
import { buildConflictReport } from '../report/build-conflict-report.js';
import { embedderSettingsFromEnvironment } from './embedder-settings-from-environment.js';

const program = new Command()
  .name('conflicts')
  .description('Lists the contradictions between the sources of an index, with the decision and the rule.')
  .option('--index <dir>', 'index directory written by ingest --out', 'data/index')
  .option('--json', 'print the report as JSON', false)
  .parse();
const options = program.opts<{ index: string; json: boolean }>();

try {
  const index = loadIndex({ indexDirectory: options.index, embedderSettings: embedderSettingsFromEnvironment(process.env) });
  const report = buildConflictReport({ index });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const lines: string[] = [`${report.length} contradiction(s) in ${index.version}`];
    for (const entry of report) {
      lines.push('', `■ ${entry.subject} (${entry.kind})`);
      for (const value of entry.values) {
        lines.push(`  ${value.value}:`);
        for (const source of value.sources) lines.push(`    - ${source.sourceId} [${source.authority}${source.date ? `, ${source.date}` : ''}] “${source.quote}”`);
      }
      const decided = entry.decision.adopted ? `adopted ${entry.decision.adopted}` : 'unresolved';
      lines.push(`  → ${decided} (rule: ${entry.decision.rule})${entry.decision.rejected.length ? `; set aside: ${entry.decision.rejected.map((item) => `${item.value} from ${item.sourceId} (${item.reason})`).join('; ')}` : ''}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} catch (error) {
  process.stderr.write(`conflicts failed: ${error instanceof AppError ? error.message : (error as Error).message}\n`);
  process.exitCode = 1;
}
