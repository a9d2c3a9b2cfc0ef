// `npm run eval -- FILE [--index DIR]`: scores an eval file with the shared scorer (../shared/eval/score.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Command } from 'commander';

const program = new Command()
  .name('eval')
  .description('Scores a question set against the answer contract with the shared scorer.')
  .argument('<file>', 'eval file (JSON lines)')
  .option('--index <dir>', 'index directory', 'data/index')
  .option('--scorer <path>', 'the scorer script', process.env.EVAL_SCORER ?? '../shared/eval/score.mjs')
  .option('--verbose', 'print every response', false)
  .parse();
const options = program.opts<{ index: string; scorer: string; verbose: boolean }>();

if (!existsSync(options.scorer)) {
  process.stderr.write(`eval: no scorer at ${options.scorer}; pass --scorer or set EVAL_SCORER.\n`);
  process.exit(2);
}
const result = spawnSync(process.execPath, [options.scorer, '--eval', program.args[0], '--index', options.index, ...(options.verbose ? ['--verbose'] : [])], { stdio: 'inherit' });
process.exit(result.status ?? 1);
